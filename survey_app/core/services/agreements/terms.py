"""The facts an agreement states beyond its lines, read from the stored calculation and its policy.

Months of transition, times of moving, the signing-reward tier, the voucher's parts: the calculation
used them, so they are read back from the same policy version (by its hash) and the calculation's own
inputs snapshot and lines — never recomputed from today's survey. Also the signing-date rule: the
reward tier is decided by the actual signing date, so signing on a date of another tier than the
calculation assumed is refused until the household is recalculated.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from survey_app.core.compensation.calculation import Calculation as Result
from survey_app.core.compensation.items.base import by_mode
from survey_app.core.compensation.modes import BUILDING_LABELS
from survey_app.core.compensation.policy import Policy
from survey_app.core.documents.model import Terms
from survey_app.core.domain.errors import ValidationError
from survey_app.core.services.agreements.actual_terms import actual_transition
from survey_app.core.services.agreements.effect_terms import effect_terms

ZERO = Decimal("0.00")


def _items(policy: Policy | None, result: Result, kinds: tuple[str, ...]) -> list:
    """The policy items of ``kinds`` that produced a line of ``result``."""
    if policy is None:
        return []
    codes = {ln.code for ln in result.lines}
    return [item for item in policy.items if item.kind in kinds and item.code in codes]


def _tiers(policy: Policy | None, result: Result) -> tuple:
    items = _items(policy, result, ("signing_reward",))
    return tuple(items[0].tiers_for(result.mode)) if items else ()


def _tier_of(policy: Policy | None, result: Result, day: dt.date | None) -> int | None:
    """The tier a signing on ``day`` earns under the reward's ``date_basis`` and the chosen mode's tiers, with the
    handover date the calculation saw (items/tiers.py); None without a signing reward or after every tier."""
    items = _items(policy, result, ("signing_reward",))
    return items[0].tier_at(result.mode, day, result.inputs.handover_date) if items else None


def _handover_by(policy: Policy | None, result: Result, until: dt.date | None) -> dt.date | None:
    """The hand-over deadline the reward still depends on (a tier by 交房 date, not yet handed over)."""
    items = _items(policy, result, ("signing_reward",))
    conditional = bool(items) and items[0].date_basis != "signing" and result.inputs.handover_date is None
    return until if conditional else None


def _handover_conditions(policy: Policy | None, result: Result) -> tuple[tuple[str, dt.date, Decimal], ...]:
    """Items paid only if the household hands over by a date (``when = { handed_over_by }``) that it has not yet
    done: the calculation priced them as if it will (conditions.py), so the agreement must say on what condition."""
    if policy is None or result.inputs.handover_date is not None:
        return ()
    out = []
    for item in policy.items:
        by = item.when.handed_over_by if item.when is not None else None
        amount = sum((ln.amount for ln in result.lines if ln.code == item.code), ZERO)
        if by is not None and amount > 0:
            out.append((item.label, by, amount))
    return tuple(out)


def _transition_overdue(policy: Policy | None, result: Result, exchange: object, keys: list[str]) -> tuple:
    """(多层/高层, months, multiplier) of a transition fee doubled beyond the planned months for the chosen flats'
    building (``overdue_after_months``): the amount covers the planned months, so the agreement states the rule."""
    if exchange is None:
        return ()
    flats = tuple(f for f in (exchange.flat(k) for k in keys) if f is not None)
    out = [rule for item in _items(policy, result, ("transition",)) if hasattr(item, "overdue_terms")
           for rule in item.overdue_terms(flats)]
    return tuple((BUILDING_LABELS.get(b, b), months, times) for b, months, times in dict.fromkeys(out))


def tier_index(tiers: tuple, day: dt.date | None) -> int | None:
    """The tier a signing on ``day`` earns (None: after every tier); no date means the first tier,
    as the engine assumes for a calculation made before signing."""
    if day is None:
        return 0 if tiers else None
    return next((i for i, t in enumerate(tiers) if t.until is None or day <= t.until), None)


def document_terms(result: Result, policy: Policy | None) -> Terms:
    """Terms for a stored calculation (``result``) under the policy version it was computed with."""
    mode, delivery = result.mode, result.delivery
    moving = _items(policy, result, ("moving",))
    transition = [i for i in _items(policy, result, ("transition", "transition_per_person"))
                  if not getattr(i, "actual", "")]  # an actual-months fee has no months (transition_actual)
    tiers = _tiers(policy, result)
    assumed = _tier_of(policy, result, result.inputs.signing_date)
    until = tiers[assumed].until if assumed is not None else None
    since = tiers[assumed - 1].until if assumed else None
    v = result.voucher
    bonus = sum((ln.amount for ln in result.lines if ln.kind == "voucher_bonus"), ZERO)
    excluded = policy.voucher.excluded_items if policy is not None and policy.voucher is not None else ()
    cash_items = tuple(dict.fromkeys(item.label for item in (policy.items if policy else ())
                                     if item.code in excluded and any(ln.code == item.code for ln in result.lines)))
    exchange = policy.exchange if policy is not None and mode == "exchange" else None
    keys = [k for k in result.flat_key.split("+") if k]
    locations = [getattr(exchange.flat(k), "location", "") for k in keys] if exchange is not None else []
    return Terms(
        moving_times=int(by_mode(moving[0].times, mode, delivery, Decimal(1))) if moving else 0,
        transition_months=int(by_mode(transition[0].months, mode, delivery, ZERO)) if transition else 0,
        delivery=delivery,
        has_business=result.inputs.business is not None,
        entitlement=result.entitlement,
        excess_priced=bool(exchange is not None and exchange.excess_bands),
        floor_priced=bool(exchange is not None and (exchange.floor_step or exchange.top_floor_discount)),
        flat_location="、".join(loc for loc in locations if loc),
        signing_until=until, signing_from=since, handover_by=_handover_by(policy, result, until),
        handover_conditions=_handover_conditions(policy, result),
        transition_overdue=_transition_overdue(policy, result, exchange, keys),
        transition_actual=actual_transition(policy, result),
        effect_terms=effect_terms(policy, result),
        conditional_effect=policy is not None and policy.project.effective_when is not None,
        voucher_face=v.face_amount if v else None,
        voucher_cash=v.cash_amount if v else None,
        voucher_cash_items=cash_items if v else (),
        voucher_base=(v.face_amount - bonus) if v else None,
        voucher_valid_months=v.valid_months if v else 0,
    )


def check_signing_date(result: Result, policy: Policy | None, day: dt.date) -> None:
    """Refuse (ValidationError, Chinese) a signing on ``day`` when its reward tier is not the one the
    calculation assumed: the amounts printed would be wrong; recalculating fixes them."""
    tiers = _tiers(policy, result)
    if not tiers:
        return
    assumed, actual = _tier_of(policy, result, result.inputs.signing_date), _tier_of(policy, result, day)
    if assumed == actual:
        return
    when = f"{day.year}年{day.month}月{day.day}日"
    if actual is None:
        detail = "已过按期签约奖励的最后期限"
    else:
        t = tiers[actual]
        end = t.until or tiers[actual - 1].until  # the open last tier (no until): after the one before it
        detail = f"属于“{end.year}年{end.month}月{end.day}日{'前' if t.until else '后'}签约”的奖励档次"
    raise ValidationError(f"今天（{when}）签约{detail}，与测算时假定的签约奖励档次不同。"
                          "请先重新测算、重新出具并打印协议，再签订")
