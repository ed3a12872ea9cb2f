"""The engine: policy + household + mode (+ flats) → Calculation. Pure and deterministic.

Every option of one household shares one line cache, so items that do not depend on the mode (house
value, decoration, fixtures …) are computed once and reused by cash, exchange and voucher options alike;
the policy is compiled once per version (compiled.py) into steps with their cache keys. A line's formula
text is written when first read, not when computed: options side by side show amounts only. Arithmetic
(and formula text) runs in one fixed decimal context, so a UI thread that changed its own context cannot
change a result. Thread-safe: nothing shared is mutated but memo caches, where a race only recomputes.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal, localcontext

from survey_app.core.compensation import formula as fx
from survey_app.core.compensation.calculation import (
    NET_PAY, NET_RECEIVE, SECTION_FLAT, SECTION_ITEM, Calculation, Line, VoucherSummary)
from survey_app.core.compensation.inputs import MODES, HouseholdInput
from survey_app.core.compensation.compiled import CompiledPolicy, Step, compiled
from survey_app.core.compensation.fields import PolicyError
from survey_app.core.compensation.items.base import ZERO, Ctx, Draft, ItemKind
from survey_app.core.compensation.policy import Policy
from survey_app.core.domain.errors import ValidationError

_CONTEXT = fx.CONTEXT  # the engine's one decimal context (see formula.CONTEXT)
_CENT = Decimal("0.01")


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


def _lines(code: str, kind: str, drafts: Iterable[Draft], plan: CompiledPolicy,
           section: str = SECTION_ITEM) -> tuple[tuple[Line, ...], Decimal]:
    """Drafts rounded into lines (their formula text written only when someone reads it), and their sum."""
    quant, method, places = plan.quant, plan.method, plan.places
    lines = []
    total = ZERO
    for label, lhs, raw in drafts:
        amount = raw.quantize(quant, rounding=method)
        if not amount:
            amount = abs(amount)  # never "-0"
        lines.append(Line(code, label, (lhs, places), amount, section, kind))
        total += amount
    return tuple(lines), total


def _drafts(index: int, item: ItemKind, ctx: Ctx, plan: CompiledPolicy) -> Iterable[Draft]:
    """An item's drafts for the option in ``ctx`` — none when its ``when`` conditions do not hold for the
    household. A household the item cannot price is refused naming the file, the item and its code, as
    load errors do (``test.toml: items[3]（hv）: appraisal.unit_price.commercial: …``)."""
    try:
        if item.household_when is not None and not item.household_when.holds(ctx, item):
            return ()
        return item.drafts(ctx)
    except PolicyError:
        raise
    except ValidationError as exc:
        raise PolicyError(plan.policy.source, [f"items[{index}]（{item.code}）: {exc}"]) from exc


def _step_lines(step: Step, ctx: Ctx, plan: CompiledPolicy, cache: dict) -> tuple[tuple[Line, ...], Decimal]:
    """A step's lines and sum; a run's items each computed once per household (runs of modes overlap)."""
    if len(step.items) == 1:
        index, item = step.items[0]
        return _lines(item.code, item.kind, _drafts(index, item, ctx, plan), plan)
    lines: list[Line] = []
    total = ZERO
    for index, item in step.items:
        found = cache.get(index)
        if found is None:
            found = cache[index] = _lines(item.code, item.kind, _drafts(index, item, ctx, plan), plan)
        lines.extend(found[0])
        total += found[1]
    return tuple(lines), total


def _option(policy: Policy, household: HouseholdInput, mode: str, flat_keys: tuple[str, ...],
            part_cache: dict, line_cache: dict) -> Calculation:
    plan = compiled(policy)
    exchange = policy.exchange if mode == "exchange" else None
    delivery, flat_area, flat_label = "", None, ""
    if exchange is not None:
        _, delivery, flat_area, flat_label = plan.choice(flat_keys, household.delivery)
    ctx = Ctx(household, mode, delivery, flat_area, flat_label, policy.project.valuation_date, part_cache)

    lines: list[Line] = []
    total = ZERO
    by_code: dict[str, Decimal] = {}  # subtotal per item code named by caps and voucher exclusions
    for step in plan.steps(mode, delivery):
        key = (step.key, flat_area) if step.flat_sensitive else step.key
        block = line_cache.get(key)
        if block is None:
            block = line_cache[key] = _step_lines(step, ctx, plan, line_cache)
        if block[0]:
            lines.extend(block[0])
            total += block[1]
        if step.tracked:
            by_code[step.tracked] = block[1]

    for cap in policy.caps:
        if mode not in cap.modes:
            continue
        capped = sum((by_code.get(code, ZERO) for code in cap.items), ZERO)
        if capped > cap.maximum:
            lhs = f"−({fx.amount(capped, plan.places)} − {fx.num(cap.maximum)})"
            adjustment, change = _lines(cap.code, "cap", (Draft(cap.label, lhs, cap.maximum - capped),), plan)
            lines.extend(adjustment)
            total += change

    voucher_summary = None
    voucher = policy.voucher if mode == "voucher" else None
    if voucher is not None:
        cash_part = sum((by_code.get(code, ZERO) for code in voucher.excluded_items), ZERO)
        base = total - cash_part
        bonus = ZERO
        if voucher.bonus_pct:
            def lhs() -> str:
                return f"{fx.amount(base, plan.places)} 元{fx.TIMES}{fx.pct(voucher.bonus_pct)}"
            bonus_lines, bonus = _lines("voucher_bonus", "voucher_bonus", (
                Draft("房票安置奖励", lhs, base * fx.percent_factor(voucher.bonus_pct)),), plan)
            lines.extend(bonus_lines)
            total += bonus
        voucher_summary = VoucherSummary(base + bonus, cash_part, voucher.bonus_pct, voucher.valid_months)

    entitlement = None
    flat_total = ZERO
    if exchange is not None:
        legal = ctx.area(exchange.entitlement_uses, exchange.entitlement_legality)
        entitlement = exchange.entitlement(legal)
        flat_lines, flat_total = _lines("flat_price", "flat_price", exchange.price_drafts(
            flat_area, entitlement, flat_label), plan, SECTION_FLAT)
        lines.extend(flat_lines)
    net = total + flat_total
    return Calculation(
        policy_hash=policy.hash, policy_version=policy.version, project_name=policy.project.name,
        household_code=household.household_code, mode=mode, mode_label=plan.labels[mode],
        flat_key="+".join(flat_keys), flat_label=flat_label, delivery=delivery, lines=tuple(lines),
        total=total, flat_total=flat_total, net=net, net_direction=NET_PAY if net >= 0 else NET_RECEIVE,
        upper=None, rounding=plan.describe,
        entitlement=None if entitlement is None else entitlement.quantize(_CENT),
        voucher=voucher_summary, inputs=household)
