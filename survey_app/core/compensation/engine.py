"""The engine: policy + household + mode (+ flats) → Calculation. Pure and deterministic.

Two paths that must agree line for line (tests/core/compensation/test_engine_paths.py): :func:`compute`,
one option, plainly — every item the option pays in the policy's order — and :func:`compute_all`, every
option of a household, where the options share one line cache: items that do not depend on the mode
(house value, decoration, fixtures …) are computed once and reused by cash, exchange and voucher options
alike, and the run of lines every exchange flat choice has in common is taken with one look-up. The
policy is compiled once per version (compiled.py) into segments with their cache keys. A line's formula
text is written when first read, not when computed: options side by side show amounts only. Arithmetic
(and formula text) runs in one fixed decimal context, so a UI thread that changed its own context cannot
change a result. Thread-safe: nothing shared is mutated but memo caches, where a race only recomputes.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal, localcontext

from survey_app.core.compensation import flat_extras
from survey_app.core.compensation import formula as fx
from survey_app.core.compensation.calculation import (
    NET_PAY,
    NET_RECEIVE,
    SECTION_FLAT,
    SECTION_ITEM,
    Calculation,
    Line,
    VoucherSummary,
)
from survey_app.core.compensation.compiled import CompiledPolicy, Segment, compiled
from survey_app.core.compensation.fields import PolicyError
from survey_app.core.compensation.inputs import MODES, HouseholdInput
from survey_app.core.compensation.items.base import ZERO, Ctx, Draft, ItemKind
from survey_app.core.compensation.policy import Policy
from survey_app.core.domain.errors import ValidationError

_CONTEXT = fx.CONTEXT  # the engine's one decimal context (see formula.CONTEXT)
_CENT = Decimal("0.01")


def compute(policy: Policy, household: HouseholdInput, mode: str | None = None,
            flat: str | tuple[str, ...] | None = None) -> Calculation:
    """Compute one option. ``mode`` defaults to the household's chosen mode; for ``exchange``, ``flat``
    is a flat key, ``"A60+C45"`` or a tuple of keys, defaulting to the household's first flat choice.

    The plain path: every item the option pays, in the policy's order, nothing shared with other options
    (:func:`compute_all` shares what options have in common and must give the very same lines)."""
    mode = mode or household.mode
    if not mode:
        raise ValidationError("mode: 未指定安置方式（cash / exchange / voucher）", "mode")
    _check_mode(policy, mode)
    flat_keys: tuple[str, ...] = ()
    if mode == "exchange":
        if flat is None:
            if not household.flat_choices:
                raise ValidationError("flat_choices: 产权调换须选择安置房户型", "flat_choices")
            flat_keys = household.flat_choices[0]
        else:
            flat_keys = tuple(flat.split("+")) if isinstance(flat, str) else tuple(flat)
    plan = compiled(policy)
    with localcontext(_CONTEXT):
        counted = plan.counted_areas(household)
        ctx, flat_key = _context(plan, counted, mode, flat_keys, {})
        lines: list[Line] = []
        total = ZERO
        by_code: dict[str, Decimal] = {}
        for index, item in enumerate(policy.items):
            if not item.applies(mode, ctx.delivery):
                continue
            item_lines, subtotal = _item_lines(index, item, ctx, plan)
            lines.extend(item_lines)
            total += subtotal
            by_code[item.code] = subtotal
        return _finish(plan, household, ctx, flat_key, lines, total, by_code, {})


def compute_all(policy: Policy, household: HouseholdInput) -> tuple[Calculation, ...]:
    """Every option the policy allows, side by side: cash, each exchange flat choice, voucher.

    Exchange choices are the household's ``flat_choices`` or, when it has none, each listed flat type.
    Lines no mode or flat changes are computed once per household and shared by the options (see
    compiled.py: segments); the result equals :func:`compute` of each option, line by line.
    """
    plan = compiled(policy)
    out = []
    part_cache: dict = {}
    blocks: dict = {}
    with localcontext(_CONTEXT):
        counted = plan.counted_areas(household)
        for mode in plan.mode_names:
            if mode == "exchange":
                for choice in household.flat_choices or plan.every_flat:
                    out.append(_shared_option(plan, household, counted, mode, choice, part_cache, blocks))
            else:
                out.append(_shared_option(plan, household, counted, mode, (), part_cache, blocks))
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
    """Drafts rounded into lines (their formula text written only when someone reads it), and their sum.
    Flat price lines round by the policy's flat rule (``flat_places``), all others by the line rule."""
    if section == SECTION_FLAT:
        quant, method, places = plan.flat_quant, plan.flat_method, plan.flat_places
    else:
        quant, method, places = plan.quant, plan.method, plan.places
    lines = []
    total = ZERO
    for label, lhs, raw in drafts:
        amount = raw.quantize(quant, method)  # positional: keyword parsing costs more than the rounding
        if not amount:
            amount = abs(amount)  # never "-0"
        lines.append(Line(code, label, (lhs, places), amount, section, kind))
        total += amount
    return tuple(lines), total


_NONE: tuple[tuple[Line, ...], Decimal] = ((), ZERO)


def _item_lines(index: int, item: ItemKind, ctx: Ctx, plan: CompiledPolicy) -> tuple[tuple[Line, ...], Decimal]:
    """An item's lines for the option in ``ctx`` and their sum — none when its ``when`` conditions do not
    hold for the household. A household the item cannot price is refused naming the file, the item and its
    code, as load errors do (``test.toml: items[3]（hv）: appraisal.unit_price.commercial: …``)."""
    try:
        when = item.household_when
        if when is not None and not when.holds(ctx, item):
            return _NONE
        drafts = item.drafts(ctx)
        if when is not None and when.handed_over_by is not None:  # 以 … 前腾空交房为条件 until handed over
            drafts = when.noted(drafts, ctx.household)
    except PolicyError:
        raise
    except ValidationError as exc:
        raise PolicyError(plan.policy.source, [f"items[{index}]（{item.code}）: {exc}"]) from exc
    if not drafts:
        return _NONE
    if len(drafts) == 1:
        label, lhs, raw = drafts[0]
        amount = raw.quantize(plan.quant, plan.method)  # positional: keyword parsing costs more than the rounding
        if not amount:
            amount = abs(amount)  # never "-0"
        return (Line(item.code, label, (lhs, plan.places), amount, SECTION_ITEM, item.kind),), amount
    return _lines(item.code, item.kind, drafts, plan)


def _context(plan: CompiledPolicy, household: HouseholdInput, mode: str, flat_keys: tuple[str, ...],
             part_cache: dict) -> tuple[Ctx, str]:
    """The household as the option sees it, and the option's flat key (``A60+C45``; "" but for an exchange
    option). An unknown flat is refused here, before any item."""
    if mode == "exchange":
        flats, delivery, flat_area, flat_label, own_prices, flat_key, extras = plan.choice(flat_keys, household.delivery)
        ctx = Ctx(household, mode, delivery, flat_area, flat_label, plan.valuation_date, part_cache)
        ctx.flats = flats
        ctx.own_prices = own_prices
        ctx.extras = extras
        return ctx, flat_key
    return Ctx(household, mode, "", None, "", plan.valuation_date, part_cache), ""


def _segment(segment: Segment, ctx: Ctx, plan: CompiledPolicy, blocks: dict) -> tuple:
    """A segment's lines, sum and the subtotals of its tracked codes, from its items' lines (an item's lines
    are computed once per household even when segments of several modes share the item)."""
    lines: list[Line] = []
    total = ZERO
    tracked = []
    for key, index, item, code in segment.entries:
        block = blocks.get(key)
        if block is None:
            block = blocks[key] = _item_lines(index, item, ctx, plan)
        if block[0]:
            lines.extend(block[0])
            total += block[1]
        if code:
            tracked.append((code, block[1]))
    return tuple(lines), total, tuple(tracked)


def _shared_option(plan: CompiledPolicy, inputs: HouseholdInput, household: HouseholdInput, mode: str,
                   flat_keys: tuple[str, ...], part_cache: dict, blocks: dict) -> Calculation:
    """One option of :func:`compute_all`. ``household`` is ``inputs`` with its areas counted to the policy's
    decimals (the same object when nothing changes): what the items read; the calculation keeps ``inputs``."""
    ctx, flat_key = _context(plan, household, mode, flat_keys, part_cache)
    lines: list[Line] = []
    total = ZERO
    by_code: dict[str, Decimal] = {}  # subtotal per item code named by caps and voucher exclusions
    for segment in plan.layout(mode, ctx.delivery):
        entry = segment.flat_entry
        if entry is None:
            block = blocks.get(segment.key)
            if block is None:
                block = blocks[segment.key] = _segment(segment, ctx, plan, blocks)
            by_code.update(block[2])  # the (code, subtotal) pairs of its tracked items
        else:
            key = (entry.key, ctx.flat_area, len(ctx.flats))  # 安置指标货币补偿: its bonus depends on the count
            if entry.item.by_site:  # ``when = { flat_site }``: paid by where the chosen flats are
                key += tuple(f.site for f in ctx.flats)
            block = blocks.get(key)
            if block is None:
                block = blocks[key] = _item_lines(entry.index, entry.item, ctx, plan)
            if entry.tracked:
                by_code[entry.tracked] = block[1]
        if block[0]:
            lines.extend(block[0])
            total += block[1]
    return _finish(plan, inputs, ctx, flat_key, lines, total, by_code, blocks)


def _finish(plan: CompiledPolicy, inputs: HouseholdInput, ctx: Ctx, flat_key: str, lines: list[Line],
            total: Decimal, by_code: dict[str, Decimal], blocks: dict) -> Calculation:
    """Caps, the voucher and the flat price on top of the option's item lines, and the Calculation.
    ``blocks`` is the household's cache (its entitlement is worked out once for all exchange options)."""
    mode = ctx.mode
    for cap in plan.caps(mode):
        capped = ZERO
        for code in cap.items:
            subtotal = by_code.get(code)
            if subtotal is not None:
                capped += subtotal
        if capped > cap.maximum:
            def cap_lhs(capped: Decimal = capped, maximum: Decimal = cap.maximum) -> str:
                return f"−({fx.amount(capped, plan.places)} − {fx.num(maximum)})"
            adjustment, change = _lines(cap.code, "cap", ((cap.label, cap_lhs, cap.maximum - capped),), plan)
            lines.extend(adjustment)
            total += change

    voucher_summary = None
    entitlement = None
    flat_total = ZERO
    if mode == "voucher" and plan.voucher is not None:
        voucher = plan.voucher
        cash_part = ZERO
        for code in voucher.excluded_items:
            subtotal = by_code.get(code)
            if subtotal is not None:
                cash_part += subtotal
        base = total - cash_part
        bonus = ZERO
        if voucher.bonus_pct:
            def lhs() -> str:
                return f"{fx.amount(base, plan.places)} 元{fx.TIMES}{fx.pct(voucher.bonus_pct)}"
            bonus_lines, bonus = _lines("voucher_bonus", "voucher_bonus", (
                ("房票安置奖励", lhs, base * plan.voucher_factor),), plan)
            lines.extend(bonus_lines)
            total += bonus
        voucher_summary = VoucherSummary(base + bonus, cash_part, voucher.bonus_pct, voucher.valid_months)
    elif mode == "exchange" and plan.exchange is not None:
        exchange = plan.exchange
        entitlement = blocks.get(plan.entitlement_key)
        if entitlement is None:
            entitlement = blocks[plan.entitlement_key] = exchange.entitlement(ctx.area_of(plan.entitlement_filter),
                                                                               ctx.household)
        flat_lines, flat_total = _lines("flat_price", "flat_price", exchange.price_drafts(
            ctx.flat_area, entitlement, ctx.flat_label, ctx.flats, ctx.own_prices), plan, SECTION_FLAT)
        lines.extend(flat_lines)
        if ctx.extras:  # 另购地下室 …: its own line, not in the entitlement (flat_extras.py)
            extra_lines, extra_total = _lines(flat_extras.CODE, flat_extras.CODE, flat_extras.drafts(ctx.extras),
                                              plan, SECTION_FLAT)
            lines.extend(extra_lines)
            flat_total += extra_total
    net = total + flat_total
    policy_hash, version, project_name = plan.head
    return Calculation(  # by position, in the order of Calculation.__init__ (see there)
        policy_hash, version, project_name, inputs.household_code, mode, plan.labels[mode],
        flat_key, ctx.flat_label, ctx.delivery, tuple(lines), total, flat_total, net,
        NET_PAY if net >= ZERO else NET_RECEIVE, None, plan.describe,
        None if entitlement is None else entitlement.quantize(_CENT), voucher_summary, inputs)
