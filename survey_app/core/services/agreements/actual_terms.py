"""What an agreement says about a transition fee paid for the actual months (``transition`` with ``actual_months``,
items/transition_actual.py): its monthly amount for this household and the period as the scheme words it — the
months are unknown at signing, so the amount is not in the agreement's total and the agreement says so.

Read from the stored calculation (its inputs snapshot and flat choice) under the policy version it used. Pure.
"""

from __future__ import annotations

from decimal import Decimal

from survey_app.core.compensation.calculation import Calculation as Result
from survey_app.core.compensation.compiled import compiled
from survey_app.core.compensation.items.base import Ctx
from survey_app.core.compensation.policy import Policy


def actual_transition(policy: Policy | None, result: Result) -> tuple[tuple[str, Decimal, str], ...]:
    """(label, monthly amount rounded as lines are, period) of each actual-months transition fee the calculation has."""
    if policy is None:
        return ()
    codes = {ln.code for ln in result.lines}
    items = [i for i in policy.items if i.code in codes and getattr(i, "actual", "")]
    if not items:
        return ()
    plan = compiled(policy)
    household = plan.counted_areas(result.inputs)
    ctx = Ctx(household, result.mode, result.delivery, None, "", policy.project.valuation_date, {})
    if result.mode == "exchange" and result.flat_key:
        flats, _delivery, area, label, _own, _key, extras = plan.choice(tuple(result.flat_key.split("+")),
                                                                        result.inputs.delivery)
        ctx.flat_area, ctx.flat_label, ctx.flats, ctx.extras = area, label, flats, extras
    out = []
    for item in items:
        monthly = item.monthly(ctx)
        if monthly:
            out.append((item.label, policy.rounding.apply(monthly), item.actual))
    return tuple(out)
