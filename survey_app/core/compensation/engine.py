"""The engine: policy + household + mode (+ flats) → Calculation. Pure and deterministic.

Every option of one household shares one line cache, so items that do not depend on the mode (house
value, decoration, fixtures …) are computed and formatted once and reused by cash, exchange and voucher
options alike. Arithmetic runs in one fixed decimal context, so a UI thread that changed its own context
cannot change a result. Thread-safe: nothing global is mutated.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal, localcontext

from survey_app.core.compensation import formula as fx
from survey_app.core.compensation.calculation import (
    NET_PAY, NET_RECEIVE, SECTION_FLAT, SECTION_ITEM, Calculation, Line, VoucherSummary)
from survey_app.core.compensation.inputs import MODES, HouseholdInput
from survey_app.core.compensation.items.base import ZERO, Ctx, Draft
from survey_app.core.compensation.modes import ExchangeMode, FlatType
from survey_app.core.compensation.policy import Policy
from survey_app.core.domain.errors import ValidationError
from survey_app.core.domain.money import amount_in_words

# 34 significant digits: far more than any area × price × ratio product needs, so products are exact
# and only ÷ 12 style divisions are ever rounded (identically on every machine).
_CONTEXT = Context(prec=34, rounding=ROUND_HALF_UP)


def compute(policy: Policy, household: HouseholdInput, mode: str | None = None,
            flat: str | tuple[str, ...] | None = None) -> Calculation:
    """Compute one option. ``mode`` defaults to the household's chosen mode; for ``exchange``, ``flat``
    is a flat key, ``"A60+C45"`` or a tuple of keys, defaulting to the household's first flat choice."""
    mode = mode or household.mode
    if not mode:
        raise ValidationError("mode: 未指定安置方式（cash / exchange / voucher）", "mode")
    _check_mode(policy, mode)
    flats: tuple[str, ...] = ()
    if mode == "exchange":
        if flat is None:
            if not household.flat_choices:
                raise ValidationError("flat_choices: 产权调换须选择安置房户型", "flat_choices")
            flats = household.flat_choices[0]
        else:
            flats = tuple(flat.split("+")) if isinstance(flat, str) else tuple(flat)
    with localcontext(_CONTEXT):
        return _option(policy, household, mode, flats, {}, {})


def compute_all(policy: Policy, household: HouseholdInput) -> tuple[Calculation, ...]:
    """Every option the policy allows, side by side: cash, each exchange flat choice, voucher.

    Exchange choices are the household's ``flat_choices`` or, when it has none, each listed flat type.
    """
    out = []
    part_cache: dict = {}
    line_cache: dict = {}
    with localcontext(_CONTEXT):
        for mode in policy.mode_names:
            if mode == "exchange":
                exchange = policy.exchange
                choices = household.flat_choices or tuple((f.key,) for f in exchange.flats)
                for choice in choices:
                    out.append(_option(policy, household, mode, choice, part_cache, line_cache))
            else:
                out.append(_option(policy, household, mode, (), part_cache, line_cache))
    return tuple(out)


def recompute(policy: Policy, calculation: Calculation) -> Calculation:
    """Recompute a saved calculation from its own inputs snapshot (HQ re-verification)."""
    if calculation.policy_hash != policy.hash:
        raise ValidationError(f"测算使用的方案版本 {calculation.policy_hash[:12]}… 与给定方案 {policy.hash[:12]}… 不同")
    return compute(policy, calculation.inputs, calculation.mode, calculation.flat_key or None)


def verify(policy: Policy, calculation: Calculation) -> bool:
    """Whether recomputing gives the same calculation, byte for byte."""
    return recompute(policy, calculation).to_canonical_json() == calculation.to_canonical_json()


def _check_mode(policy: Policy, mode: str) -> None:
    if mode not in MODES:
        raise ValidationError(f"mode: 未知的安置方式“{mode}”，应为: {'、'.join(MODES)}", "mode")
    if mode not in policy.modes:
        raise ValidationError(f"mode: 本方案不提供{MODES[mode]}（可选: {'、'.join(policy.mode_names)}）", "mode")


def _resolve_flats(exchange: ExchangeMode, keys: tuple[str, ...]) -> tuple[FlatType, ...]:
    if len(keys) > exchange.max_flats:
        raise ValidationError(f"flat_choices: 最多可选 {exchange.max_flats} 套安置房，选了 {len(keys)} 套", "flat_choices")
    flats = []
    for key in keys:
        found = exchange.flat(key)
        if found is None:
            raise ValidationError(f"flat_choices: 方案中没有户型“{key}”，可选: {'、'.join(f.key for f in exchange.flats)}",
                                  "flat_choices")
        flats.append(found)
    return tuple(flats)


def _plan(policy: Policy, mode: str) -> tuple:
    """(index, item, sensitivity) for the items paid in ``mode``; built once per policy and mode.

    Stored on the policy object (a benign race if two threads build it at once: both build the same).
    """
    plans = policy.__dict__.setdefault("_plans", {})
    plan = plans.get(mode)
    if plan is None:
        plan = tuple((index, item, 2 if item.flat_sensitive else 1 if item.mode_sensitive else 0)
                     for index, item in enumerate(policy.items) if item.applies(mode))
        plans[mode] = plan
    return plan


def _delivery(household: HouseholdInput, flats: tuple[FlatType, ...]) -> str:
    """现房/期房 of an exchange option: what the policy states for the chosen flats wins (so options for a
    ready and a future flat differ side by side); the household's ``delivery`` fills in when the policy
    is silent; default future (the longer transition, the safer estimate)."""
    if flats and all(f.delivery for f in flats):
        return "ready" if all(f.delivery == "ready" for f in flats) else "future"
    return household.delivery or "future"


def _line(code: str, kind: str, draft: Draft, policy: Policy, section: str = SECTION_ITEM) -> Line:
    rounding = policy.rounding
    amount = rounding.apply(draft.raw)
    if amount < 0:
        text = "−" + fx.amount(-amount, rounding.places)
    else:
        amount = abs(amount)  # never "-0"
        text = fx.amount(amount, rounding.places)
    return Line(code, draft.label, f"{draft.lhs} = {text}", amount, section, kind)


def _option(policy: Policy, household: HouseholdInput, mode: str, flat_keys: tuple[str, ...],
            part_cache: dict, line_cache: dict) -> Calculation:
    exchange = policy.exchange if mode == "exchange" else None
    flats: tuple[FlatType, ...] = ()
    delivery = ""
    flat_area = None
    if exchange is not None:
        flats = _resolve_flats(exchange, flat_keys)
        delivery = _delivery(household, flats)
        flat_area = sum((f.area for f in flats), ZERO)
    flat_label = "+".join(f.label for f in flats)
    ctx = Ctx(household, mode, delivery, flat_area, flat_label, policy.project.valuation_date, part_cache)

    lines: list[Line] = []
    total = ZERO
    by_code: dict[str, Decimal] = {}  # subtotal per item code, for caps and voucher exclusions
    for index, item, sensitivity in _plan(policy, mode):
        # Cache key: the item alone when the mode cannot change its lines, else with mode/delivery/flats.
        if sensitivity == 0:
            key = index
        elif sensitivity == 1:
            key = (index, item.mode_key(mode, delivery))
        else:
            key = (index, item.mode_key(mode, delivery), flat_area)
        cached = line_cache.get(key)
        if cached is None:
            made = tuple(_line(item.code, item.kind, d, policy) for d in item.drafts(ctx))
            cached = line_cache[key] = (made, sum((ln.amount for ln in made), ZERO))
        lines.extend(cached[0])
        total += cached[1]
        by_code[item.code] = cached[1]

    for cap in policy.caps:
        if mode not in cap.modes:
            continue
        capped = sum((by_code.get(code, ZERO) for code in cap.items), ZERO)
        if capped > cap.maximum:
            lhs = f"−({fx.amount(capped, policy.rounding.places)} − {fx.num(cap.maximum)})"
            adjustment = _line(cap.code, "cap", Draft(cap.label, lhs, cap.maximum - capped), policy)
            lines.append(adjustment)
            total += adjustment.amount

    voucher_summary = None
    voucher = policy.voucher if mode == "voucher" else None
    if voucher is not None:
        cash_part = sum((by_code.get(code, ZERO) for code in voucher.excluded_items), ZERO)
        base = total - cash_part
        bonus = ZERO
        if voucher.bonus_pct:
            lhs = f"{fx.amount(base, policy.rounding.places)} 元{fx.TIMES}{fx.pct(voucher.bonus_pct)}"
            bonus_line = _line("voucher_bonus", "voucher_bonus",
                               Draft("房票安置奖励", lhs, base * fx.percent_factor(voucher.bonus_pct)), policy)
            lines.append(bonus_line)
            bonus = bonus_line.amount
            total += bonus
        voucher_summary = VoucherSummary(base + bonus, cash_part, voucher.bonus_pct, voucher.valid_months)

    entitlement = None
    flat_total = ZERO
    if exchange is not None:
        legal = ctx.area(exchange.entitlement_uses, exchange.entitlement_legality)
        entitlement = exchange.entitlement(legal)
        for draft in exchange.price_drafts(flat_area, entitlement, flat_label):
            line = _line("flat_price", "flat_price", draft, policy, SECTION_FLAT)
            lines.append(line)
            flat_total += line.amount
    net = total + flat_total
    return Calculation(
        policy_hash=policy.hash, policy_version=policy.version, project_name=policy.project.name,
        household_code=household.household_code, mode=mode, mode_label=policy.mode_label(mode),
        flat_key="+".join(flat_keys), flat_label=flat_label, delivery=delivery, lines=tuple(lines),
        total=total, flat_total=flat_total, net=net, net_direction=NET_PAY if net >= 0 else NET_RECEIVE,
        upper=amount_in_words(abs(net)), rounding=policy.rounding.describe(),
        entitlement=None if entitlement is None else entitlement.quantize(Decimal("0.01")),
        voucher=voucher_summary, inputs=household)
