"""Extra units a household in property exchange may buy besides its flats (可另购的附属房源), e.g. a basement:
某村拆迁安置办法 “地下室每平方米 200 元，一户一个，先挑先得”.

``[[modes.exchange.extras]]``: ``key``, ``label``, ``area`` (m²), ``unit_price`` (元/m²) and ``maximum`` (how many
one household may buy, default 1). An extra is not a flat: it does not count against the entitlement
(应安置面积), the flats' area or ``max_flats``; its price is a line of its own (code ``extra_price``), set against
the compensation with the flats' price. A household names it in its flat choice with ``+`` like a flat
(``"H90@5+B1"``); a choice needs at least one flat. Who gets one first (先挑先得) is an allocation matter, not a
price: the calculation prices the choice as made. Pure; docs/policy.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from survey_app.core.compensation import formula as fx
from survey_app.core.domain.errors import ValidationError

if TYPE_CHECKING:
    from survey_app.core.compensation.fields import Table
    from survey_app.core.compensation.items.base import Draft

ZERO = Decimal(0)
CODE = "extra_price"  # the lines' code (and kind), in the flat section


@dataclass(frozen=True)
class ExtraUnit:
    """One purchasable extra (地下室 …): its own area and price per m², at most ``maximum`` per household."""

    key: str
    label: str
    area: Decimal
    unit_price: Decimal
    maximum: int = 1

    @property
    def price(self) -> Decimal:
        """The exact price of one unit (area × unit price)."""
        return self.area * self.unit_price


def read_extras(t: Table, flat_keys: list[str]) -> tuple[ExtraUnit, ...]:
    """``[[modes.exchange.extras]]`` rows; a key must not repeat or clash with a flat key."""
    out: list[ExtraUnit] = []
    for row in t.tables("extras"):
        row.owner = "可另购房源（extras）"
        extra = ExtraUnit(row.text("key") or "", row.text("label") or "", row.decimal("area") or ZERO,
                          row.decimal("unit_price") or ZERO,
                          row.integer("maximum", required=False, default=1, minimum=1) or 1)
        if extra.key in flat_keys or any(e.key == extra.key for e in out):
            row.fail("key", f"键“{extra.key}”与安置房户型或另一可另购房源重复")
        if "+" in extra.key or "@" in extra.key:
            row.fail("key", "可另购房源的键不能含“+”或“@”")
        if "area" in row.data and extra.area <= 0:
            row.fail("area", f"可另购房源“{extra.key}”的面积应大于 0")
        if "unit_price" in row.data and extra.unit_price <= 0:
            row.fail("unit_price", f"可另购房源“{extra.key}”的单价应大于 0")
        out.append(extra)
        row.finish()
    return tuple(out)


def split_choice(extras: tuple[ExtraUnit, ...], keys: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[ExtraUnit, ...]]:
    """A choice's flat keys and the extras it adds (``("H90@5", "B1")`` → ``(("H90@5",), (B1,))``); a clear
    error when an extra is chosen more often than its maximum or without any flat."""
    if not extras:
        return keys, ()
    found = {e.key: e for e in extras}
    flats = tuple(k for k in keys if k not in found)
    chosen = tuple(found[k] for k in keys if k in found)
    for extra in dict.fromkeys(chosen):
        count = chosen.count(extra)
        if count > extra.maximum:
            raise ValidationError(f"flat_choices: {extra.label}（{extra.key}）一户最多 {extra.maximum} 个，选了 {count} 个",
                                  "flat_choices")
    if chosen and not flats:
        raise ValidationError(f"flat_choices: 另购{chosen[0].label}（{chosen[0].key}）须同时选择安置房", "flat_choices")
    return flats, chosen


def drafts(chosen: tuple[ExtraUnit, ...]) -> list[Draft]:
    """One negative line per extra bought: ``−20.00 m² × 200 元/m²`` (the household pays it)."""
    out: list = []
    for extra in chosen:
        out.append((f"另购{extra.label}（{extra.key}，不计入应安置面积）",
                    "−" + fx.product(fx.area(extra.area), fx.price(extra.unit_price)), -extra.price))
    return out
