"""An appraisal row's decoration amount (装修金额) and decoration unit price (装修单价) must say the same thing.

A report may give either, or both. When it gives both for a row matched to a building part, the amount must
be the unit price × the part's area (its area to 0.001 m² when surveyed so), rounded half up to the cent;
otherwise the row is refused: the policy may pay either figure, and two figures for one decoration would
make the payment depend on which one the policy reads."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

CENT = Decimal("0.01")


def decoration_disagreement(values: dict[str, Any], part: Any) -> str:
    """The problem (Chinese) when the row's 装修金额 is not its 装修单价 × the part's area; "" when they agree,
    when one is missing, or when the row names no building part (there is no area to check against)."""
    amount, rate = values.get("decoration_value"), values.get("decoration_unit_price")
    if amount is None or rate is None or part is None:
        return ""
    area = part.area_exact if part.area_exact is not None else part.area
    if area is None:
        return ""
    expected = (rate * area).quantize(CENT, rounding=ROUND_HALF_UP)
    if expected == amount:
        return ""
    return (f"装修单价与装修金额不一致：{_plain(rate)} 元/m² × {_plain(area)} m²（该部位面积）= {expected:,} 元，"
            f"而装修金额是 {amount:,} 元；请核对评估报告，只填其中一项也可以")


def _plain(value: Decimal) -> str:
    return f"{value:,f}"
