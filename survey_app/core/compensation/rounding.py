"""Rounding as policy data: how each line is rounded (places, method) — totals are sums of rounded lines."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

METHODS = {"half_up": ROUND_HALF_UP, "down": ROUND_DOWN}
METHOD_LABELS = {"half_up": "四舍五入", "down": "舍去"}
PLACES_LABELS = {0: "元", 1: "角", 2: "分"}


@dataclass(frozen=True)
class Rounding:
    """Each line is rounded to ``places`` decimals of a yuan (0 = whole yuan, 2 = fen) by ``method``.

    ``half_up`` is 四舍五入 on the exact decimal (68,918.5 → 68,919); ``down`` truncates toward zero,
    which some schemes use for rewards. Lines are rounded first and totals summed from rounded lines,
    so the printed sheet always adds up.
    """

    places: int = 0
    method: str = "half_up"

    def __post_init__(self) -> None:
        # Precomputed once: quantize() is on the hot path of every line.
        object.__setattr__(self, "_quant", Decimal(1).scaleb(-self.places))
        object.__setattr__(self, "_mode", METHODS[self.method])

    def apply(self, value: Decimal) -> Decimal:
        """The line amount as paid: ``value`` rounded by this rule."""
        return value.quantize(self._quant, rounding=self._mode)  # type: ignore[attr-defined]

    def describe(self) -> str:
        """Chinese description for sheets, e.g. ``每项金额四舍五入到元，合计为各项之和``."""
        return f"每项金额{METHOD_LABELS[self.method]}到{PLACES_LABELS[self.places]}，合计为各项之和"
