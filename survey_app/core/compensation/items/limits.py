"""The lowest and highest amount one item pays a household: ``minimum`` and ``maximum`` on any item
(“按货币补偿金额的 5%，最少不低于 3 万元，最多不超过 300 万元” → ``pct = 5``, ``minimum = "30000"``,
``maximum = "3000000"``).

The item's amount is rounded by the policy's line rule first; an amount below the minimum is paid the
minimum, one above the maximum the maximum, and the formula says so: ``… = 12,000，不足 30,000 元按 30,000 元``.
An amount of 0 (nothing due, e.g. a reward past its deadline) stays 0. An item with limits pays one line
per household: lines it would give per building part (or per kind) are added up first, as
``lines = "per_household"`` does, because the limit is on what the household gets from the item.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from survey_app.core.compensation import formula as fx
from survey_app.core.compensation.fields import Table
from survey_app.core.compensation.rounding import METHODS, Rounding

_DEFAULT = Rounding()


class Limits:
    """An item's minimum and maximum (either may be None) and the line rounding they compare against."""

    __slots__ = ("minimum", "maximum", "quant", "method", "places")

    def __init__(self, minimum: Decimal | None, maximum: Decimal | None):
        self.minimum = minimum
        self.maximum = maximum
        self.bind(_DEFAULT)

    def bind(self, rounding: Rounding) -> None:
        """Compare amounts rounded as the policy rounds its lines (set once, when the policy is loaded)."""
        self.places = rounding.places
        self.quant = Decimal(1).scaleb(-rounding.places)
        self.method = METHODS[rounding.method]

    def apply(self, label: str, drafts: list) -> list:
        """The item's drafts held between the limits: one draft (several are added up first)."""
        if not drafts:
            return drafts
        if len(drafts) > 1:
            terms = tuple(d[1] for d in drafts)

            def joined() -> str:
                return " + ".join(t if t.__class__ is str else t() for t in terms)
            drafts = [(label, joined, sum((d[2] for d in drafts), Decimal(0)))]
        name, lhs, raw = drafts[0]
        rounded = raw.quantize(self.quant, self.method)
        if not rounded:
            return drafts  # nothing due: a minimum is not paid for nothing
        if self.minimum is not None and rounded < self.minimum:
            bound, word = self.minimum, "不足"
        elif self.maximum is not None and rounded > self.maximum:
            bound, word = self.maximum, "超过"
        else:
            return drafts
        places = self.places

        def text(lhs: str | Callable[[], str] = lhs) -> str:
            inner = lhs if lhs.__class__ is str else lhs()  # type: ignore[operator]
            return f"{inner} = {fx.amount(rounded, places)}，{word} {fx.num(bound)} 元按 {fx.num(bound)} 元"
        return [(name, text, bound)]

    def describe(self) -> str:
        """``每户最少 30,000 元、最多 3,000,000 元``."""
        parts = []
        if self.minimum is not None:
            parts.append(f"最少 {fx.num(self.minimum)} 元")
        if self.maximum is not None:
            parts.append(f"最多 {fx.num(self.maximum)} 元")
        return "每户" + "、".join(parts)


def read_limits(t: Table, code: str, own_minimum: bool = False) -> Limits | None:
    """``minimum`` / ``maximum`` of an item (None when it has neither). A kind that reads ``minimum``
    itself (``moving``: the least per move) takes only ``maximum`` here."""
    minimum = None if own_minimum else t.decimal("minimum", required=False)
    maximum = t.decimal("maximum", required=False)
    if maximum is not None and maximum <= 0:
        t.fail("maximum", f"项目“{code}”的最高额应大于 0，实际是 {maximum}")
        return None
    if minimum is not None and maximum is not None and minimum > maximum:
        t.fail("minimum", f"项目“{code}”的最低额 {fx.num(minimum)} 元大于最高额 {fx.num(maximum)} 元")
        return None
    if minimum is None and maximum is None:
        return None
    return Limits(minimum, maximum)
