"""Rounding as policy data: how each line is rounded (places, method) — totals are sums of rounded lines —
how the resettlement flat price is rounded (``flat_places``/``flat_method``, e.g. to the cent while lines
round to the yuan), and to how many decimals areas count (``area_decimals``, 2 or 3, by ``area_method``)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

METHODS = {"half_up": ROUND_HALF_UP, "down": ROUND_DOWN}
METHOD_LABELS = {"half_up": "四舍五入", "down": "舍去"}
PLACES_LABELS = {0: "元", 1: "角", 2: "分"}
AREA_DECIMALS = (2, 3)


@dataclass(frozen=True)
class Rounding:
    """Each line is rounded to ``places`` decimals of a yuan (0 = whole yuan, 2 = fen) by ``method``.

    ``half_up`` is 四舍五入 on the exact decimal (68,918.5 → 68,919); ``down`` truncates toward zero,
    which some schemes use for rewards. Lines are rounded first and totals summed from rounded lines,
    so the printed sheet always adds up. The flat price lines follow ``flat_places``/``flat_method``
    (None: as the other lines). Areas count to ``area_decimals`` (2: 0.01 m², 3: 0.001 m²); a part
    surveyed more finely than that is rounded by ``area_method`` before anything is computed from it.
    """

    places: int = 0
    method: str = "half_up"
    flat_places: int | None = None
    flat_method: str | None = None
    area_decimals: int = 2
    area_method: str = "half_up"

    def __post_init__(self) -> None:
        # Precomputed once: quantize() is on the hot path of every line.
        object.__setattr__(self, "_quant", Decimal(1).scaleb(-self.places))
        object.__setattr__(self, "_mode", METHODS[self.method])

    @property
    def flat_rule(self) -> tuple[int, str]:
        """(places, method) of the flat price lines."""
        return (self.places if self.flat_places is None else self.flat_places,
                self.method if self.flat_method is None else self.flat_method)

    def apply(self, value: Decimal) -> Decimal:
        """The line amount as paid: ``value`` rounded by this rule."""
        return value.quantize(self._quant, self._mode)  # type: ignore[attr-defined]

    def describe(self) -> str:
        """Chinese description for sheets, e.g. ``每项金额四舍五入到元，合计为各项之和``.

        The flat and area rules are added only when a policy states them, so a sheet computed under an
        older policy keeps its words (saved calculations compare byte for byte)."""
        text = f"每项金额{METHOD_LABELS[self.method]}到{PLACES_LABELS[self.places]}，合计为各项之和"
        if self.flat_places is not None or self.flat_method is not None:
            places, method = self.flat_rule
            text += f"；安置房价款{METHOD_LABELS[method]}到{PLACES_LABELS[places]}"
        if self.area_decimals != 2 or self.area_method != "half_up":
            text += f"；面积按 {self.area_decimals} 位小数计（更细的{METHOD_LABELS[self.area_method]}）"
        return text
