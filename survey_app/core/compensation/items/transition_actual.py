"""A transition fee paid for the months the household actually waits (按实际过渡月数计付).

某县道路改造拆迁补偿安置方案: “过渡安置费每月每平方米 3 元，不足 200 元的补足 200 元；过渡期从搬迁腾空之月起到安置之月
止”; 某村拆迁安置办法第二十四条: 实物安置的“以实物安置指标为基数，自腾清拆除验收合格结算之日起至安置房具备交付条件止”.

At signing nobody knows the months, so no figure for them is true. Like the rewards settled after the agreement
takes effect (deferred.py), such an item (``transition`` with ``actual_months = "<the period as the scheme words
it>"`` instead of ``months``) adds 0 to the signed total; its line states the monthly amount with the household's
own figures and the period (“每月 max(58.32 m² × 3 元/m²·月, 200 元/月) = 200 元，从搬迁腾空之月起到安置之月止
按实际月数计付（另行结算，不计入本次合计）”), and the agreement states the same as a term, paid separately
(services/agreements/actual_terms.py). ``Transition.settle(ctx, months)`` gives the amount once the months are known.

Also the base 实物安置指标 (``basis = "entitlement_flats"``): the part of the entitlement taken in flats,
min(chosen flats' area, entitlement) — 0 for cash and voucher. Pure; docs/policy.md.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from survey_app.core.compensation import entitlement as ent
from survey_app.core.compensation import formula as fx

if TYPE_CHECKING:
    from survey_app.core.compensation.items.base import Ctx, Draft

ZERO = Decimal(0)
SETTLED_LATER = "按实际月数计付（另行结算，不计入本次合计）"


def flats_part(exchange: object, ctx: Ctx) -> tuple[Decimal, str]:
    """实物安置指标 of the option: min(chosen flats' area, entitlement); (0, "") without flats."""
    if ctx.flat_area is None or not ctx.flats:
        return ZERO, ""
    whole, text = ent.of_option(exchange, ctx)
    if ctx.flat_area <= whole:
        return ctx.flat_area, f"min({fx.sq(ctx.flat_area)}, {text})"
    return whole, f"min({fx.sq(ctx.flat_area)}, {text})"


def drafts(label: str, monthly_text: str, monthly: Decimal, period: str) -> list[Draft]:
    """The line of an actual-months transition fee: 0, its formula the monthly amount and the period."""
    def lhs() -> str:
        return f"每月 {monthly_text} = {fx.num(monthly)} 元，{period}{SETTLED_LATER}"
    return [(label, lhs, ZERO)]
