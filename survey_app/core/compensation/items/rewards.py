"""Item kinds rewarding or supporting households: signing rewards by date tier, cash-resettlement
subsidies, banded small-area rewards, hardship subsidies, fixed per-household amounts and per-courtyard
(每宗宅基地) rewards."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import NamedTuple

from survey_app.core.compensation import formula as fx
from survey_app.core.compensation.fields import Table
from survey_app.core.compensation.items.base import ZERO, Ctx, Draft, ItemKind, PriceSource, share_terms
from survey_app.core.compensation.items.tiers import DATE_BASES, DATE_BASIS_WORDS, PERIOD_END, DateTiers, WithinDays

_HUNDRED = Decimal(100)
HARDSHIP_LABELS = {"dibao": "低保", "disabled": "残疾", "serious_illness": "大病", "tekun": "特困",
                   "elderly_alone": "孤寡老人", "martyr_family": "烈属"}


class AreaRule:
    """Floor area and eligibility ceiling of a reward priced per m² (``floor_area``, ``max_area``): paid
    only when the area is at most ``max_area`` (以下, inclusive), on max(area, ``floor_area``)."""

    __slots__ = ("floor", "ceiling")

    def __init__(self, t: Table, floor_key: str | None = "floor_area"):
        self.floor = t.decimal(floor_key, required=False) if floor_key else None
        self.ceiling = t.decimal("max_area", required=False)

    def counted(self, area: Decimal) -> Decimal | None:
        """The area to pay on, or None when the area is above the ceiling (not eligible)."""
        if self.ceiling is not None and area > self.ceiling:
            return None
        return area if self.floor is None else max(area, self.floor)

    def text(self, area: Decimal) -> str:
        """``58.32 m²`` or ``max(38.50, 40) m²``."""
        return fx.area(area) if self.floor is None else f"max({fx.sq(area)}, {fx.num(self.floor)}) m²"


class Tier(NamedTuple):
    """A signing-date tier: signed on or before ``until`` earns amount / per_m2 / pct. The last tier may have
    no ``until`` (None, “此后”): any date after the tier before it (“超过签约期签约的，奖励 10%”)."""

    until: dt.date
    amount: Decimal | None
    per_m2: Decimal | None
    pct: Decimal | None


class SigningReward(DateTiers, ItemKind):
    """签约奖励 by signing date: the first tier whose ``until`` is on/after the signing date applies.

    A tier pays a fixed ``amount`` per household, ``per_m2`` × legal area, or ``pct`` % of house value.
    Without a signing date (a 测算 before signing) the first tier is assumed and the formula says so.
    """

    kind = "signing_reward"
    title = "按期签约奖励"

    def parse(self, t: Table) -> None:
        self.price = PriceSource(t)
        self.apply_share = t.boolean("apply_share", default=True)
        self.date_basis = t.choice("date_basis", DATE_BASES, required=False, default="signing") or "signing"
        self.tiers_key = t.key("tiers")
        self.by_mode: dict[str, tuple[Tier, ...]] = {}  # tiers naming the signing-period end, per mode
        tiers = []
        rows = t.tables("tiers", required=True)
        for index, row in enumerate(rows):
            tier = Tier(_until(row, self.code, index, len(rows)), row.decimal("amount", required=False),
                        row.decimal("per_m2", required=False), row.decimal("pct", required=False, maximum=_HUNDRED))
            if sum(x is not None for x in tier[1:]) != 1:
                row.fail("amount", "amount、per_m2、pct 须写且只写一个")
            tiers.append(tier)
            row.finish()
        if not rows:
            t.fail("tiers", "至少需要一个奖励档次")
        for kind in (dt.date, WithinDays):  # dates and day counts each in order; mixed ones when bound
            dates = [tier.until for tier in tiers if isinstance(tier.until, kind)]
            if dates != sorted(dates) or len(set(dates)) != len(dates):
                t.fail("tiers", "奖励档次须按截止日期从早到晚排列且不重复")
        self.tiers = tuple(tiers)
        self.area_rule = AreaRule(t)
        if (self.area_rule.floor is not None or self.area_rule.ceiling is not None) \
                and all(tier.per_m2 is None for tier in tiers):
            t.fail("floor_area", "floor_area、max_area 只用于按面积（per_m2）的档次")

    def drafts(self, ctx: Ctx) -> list[Draft]:
        if not self.has_use(ctx) or not self.tiers:
            return []
        signed, handover = ctx.household.signing_date, ctx.household.handover_date
        index = self.tier_at(ctx.mode, signed, handover)
        if index is None:
            return [(self.label, self.past_text(signed, handover), ZERO)]
        tier = self.tiers_for(ctx.mode)[index]
        when = self.when_text(tier, signed, handover) if tier.until is not None else _open_when(
            self.tiers_for(ctx.mode), DATE_BASIS_WORDS[self.date_basis])
        if tier.amount is not None:
            return [(self.label, f"{fx.num(tier.amount)} 元/户{when}", tier.amount)]
        if tier.per_m2 is not None:
            area = self.area(ctx)
            counted = self.area_rule.counted(area)
            if counted is None:
                return []
            return [(self.label, lambda: fx.product(self.area_rule.text(area), fx.price(tier.per_m2)) + when,
                          counted * tier.per_m2)]
        value, text = _house_value(self, ctx)
        return [(self.label, lambda: f"{text()}{fx.TIMES}{fx.pct(tier.pct)}{when}",
                      value * fx.percent_factor(tier.pct))]


def _until(row: Table, code: str, index: int, count: int) -> dt.date | str | WithinDays | None:
    """A tier's ``until``: a date, or ``"signing_end"`` (resolved per mode by ``SigningReward.bind_periods``),
    or ``within_days = N`` instead (签约期开始之日起 N 日内, also resolved there), or — the last tier only —
    none (None: “此后”)."""
    if row.has("within_days"):
        days = row.integer("within_days", minimum=1)
        if "until" in row.data:
            row.has("until")
            row.fail("within_days", f"项目“{code}”的第 {index + 1} 档：until 和 within_days 只写一个")
        return WithinDays(days) if days is not None else None
    if row.data.get("until") == PERIOD_END:
        row.has("until")
        return PERIOD_END
    if "until" not in row.data and index < count - 1:
        row.has("until")
        row.fail("until", f"项目“{code}”的第 {index + 1} 档缺少截止日期：只有最后一档可以不写 until（表示“此后”）")
        return None
    return row.date("until", required=False)


def _open_when(tiers: tuple[Tier, ...], word: str) -> str:
    """The open last tier's condition: ``（2016-05-30 后签约）``; nothing when it is the only tier."""
    before = tiers[-2].until if len(tiers) > 1 else None
    return f"（{before.isoformat()} 后{word}）" if isinstance(before, dt.date) else ""


def _house_value(item, ctx: Ctx) -> tuple[Decimal, Callable[[], str]]:  # noqa: ANN001 - any property kind
    """Σ area × price × share of the item's parts, with a function writing its formula text (bracketed)."""
    share, share_term = share_terms(ctx, item.apply_share)
    total, priced = ZERO, []
    for part in item.parts(ctx):
        price = item.price.for_part(ctx, part)
        total += part.area * price * share
        priced.append((part.area, price))

    def text() -> str:
        terms = [fx.product(fx.area(area), fx.price(price), *share_term) for area, price in priced]
        return f"({' + '.join(terms) or '0'})"
    return total, text


class CashSubsidy(ItemKind):
    """货币安置补贴/奖励: max(legal area, minimum area) × unit price × pct % (× share if set);
    with ``basis = "house_value"``: pct % of Σ part area × part price (for per-structure prices)."""

    kind = "cash_subsidy"
    title = "货币安置奖励"
    default_uses = ("residential",)

    def parse(self, t: Table) -> None:
        self.pct = t.decimal("pct", maximum=_HUNDRED)
        self.basis = t.choice("basis", ("area_price", "house_value"), required=False, default="area_price")
        self.min_area = t.decimal("min_area", required=False, default=ZERO)
        self.area_rule = AreaRule(t, None)  # the floor is ``min_area``; ``max_area`` the ceiling
        if self.basis == "house_value" and (self.min_area or self.area_rule.ceiling is not None):
            t.fail("min_area", "basis = \"house_value\" 时不能设最低面积或面积上限")
        self.price = PriceSource(t)
        self.apply_share = t.boolean("apply_share", default=False)

    def drafts(self, ctx: Ctx) -> list[Draft]:
        if not self.parts(ctx) or self.pct is None:
            return []
        if self.basis == "house_value":
            value, text = _house_value(self, ctx)
            return [(self.label, lambda: f"{text()}{fx.TIMES}{fx.pct(self.pct)}",
                          value * fx.percent_factor(self.pct))]
        area = self.area(ctx)
        if self.area_rule.counted(area) is None:
            return []
        counted = max(area, self.min_area)
        price = self.price.for_use(ctx, self.uses[0])
        share, share_term = share_terms(ctx, self.apply_share)
        def lhs() -> str:
            area_text = f"max({fx.sq(area)}, {fx.num(self.min_area)}) m²" if self.min_area else fx.area(area)
            return fx.product(area_text, fx.price(price), fx.pct(self.pct), *share_term)
        return [(self.label, lhs, counted * price * fx.percent_factor(self.pct) * share)]


class Band(NamedTuple):
    """An area band: areas up to ``up_to`` m² (None = no limit) earn ``per_m2`` or a fixed ``amount``."""

    up_to: Decimal | None
    per_m2: Decimal | None
    amount: Decimal | None


class SmallAreaReward(ItemKind):
    """小面积奖励 by area band. Non-progressive (default): the band containing the legal area applies to
    the whole area (or pays its fixed amount). Progressive: each slice of area earns its band's rate."""

    kind = "small_area_reward"
    title = "小面积住房补助"
    default_uses = ("residential",)

    def parse(self, t: Table) -> None:
        self.progressive = t.boolean("progressive", default=False)
        bands = []
        for row in t.tables("bands", required=True):
            band = Band(row.decimal("up_to", required=False), row.decimal("per_m2", required=False),
                        row.decimal("amount", required=False))
            if (band.per_m2 is None) == (band.amount is None) or (self.progressive and band.amount is not None):
                row.fail("per_m2", "per_m2 和 amount 须写且只写一个（累进计算只能用 per_m2）")
            bands.append(band)
            row.finish()
        limits = [b.up_to for b in bands if b.up_to is not None]
        if limits != sorted(limits) or any(b.up_to is None for b in bands[:-1]):
            t.fail("bands", "面积档须按 up_to 从小到大排列，只有最后一档可以不写 up_to")
        self.bands = tuple(bands)
        self.area_rule = AreaRule(t)
        if self.area_rule.floor is not None and any(b.amount is not None for b in bands):
            t.fail("floor_area", "floor_area 只用于按面积（per_m2）的档次")

    def drafts(self, ctx: Ctx) -> list[Draft]:
        if not self.parts(ctx):
            return []
        actual = self.area(ctx)
        area = self.area_rule.counted(actual)
        if area is None:
            return []
        if self.progressive:
            out, lower = [], ZERO
            for band in self.bands:
                upper = area if band.up_to is None else min(area, band.up_to)
                if upper <= lower:
                    break
                slice_text = (f"({fx.sq(upper)} − {fx.num(lower)}) m²" if lower
                              else self.area_rule.text(actual) if upper == area else fx.area(upper))
                out.append((f"{self.label}（{fx.num(lower)}–{fx.num(band.up_to) if band.up_to else '以上'} m²）",
                                 fx.product(slice_text, fx.price(band.per_m2)), (upper - lower) * band.per_m2))
                lower = upper
            return out
        band = next((b for b in self.bands if b.up_to is None or actual <= b.up_to), None)
        if band is None:
            return []
        where = f"（面积 ≤ {fx.num(band.up_to)} m²）" if band.up_to is not None else ""
        if band.amount is not None:
            return [(self.label, f"{fx.num(band.amount)} 元/户{where}", band.amount)]
        return [(self.label, lambda: fx.product(self.area_rule.text(actual), fx.price(band.per_m2)) + where,
                      area * band.per_m2)]


class Hardship(ItemKind):
    """困难补助 per category (低保, 残疾, 大病 …): ``per = "household"`` once per category the household has,
    ``"person"`` per member in it, ``"household_once"`` once per household whatever its categories (the
    highest amount among them)."""

    kind = "hardship"
    title = "困难补助"

    def parse(self, t: Table) -> None:
        self.amounts = t.decimal_map("amounts")
        self.per = t.choice("per", ("household", "person", "household_once"), required=False, default="household")
        labels = t.table("labels", required=False)
        self.labels = dict(HARDSHIP_LABELS)
        if labels is not None:
            for key in labels.data:
                self.labels[key] = labels.text(key) or key
        for key in self.amounts:
            if key not in self.labels:
                t.problems.add(f"{t.key('amounts')}.{key}", "未知的困难类别，请在 labels 中写出其中文名称")

    def drafts(self, ctx: Ctx) -> list[Draft]:
        counts = ctx.members_in()
        if not counts:
            return []
        if self.per == "household_once":
            found = [(category, amount) for category, amount in self.amounts.items() if category in counts]
            if not found:
                return []
            amount = max(amount for _, amount in found)
            names = "、".join(self.labels.get(category, category) for category, _ in found)
            return [(f"{self.label}（{names}）", f"{fx.num(amount)} 元/户（任一类别，每户一次）", amount)]
        out = []
        for category, amount in self.amounts.items():
            persons = counts.get(category)
            if not persons:
                continue
            name = self.labels.get(category, category)
            if self.per == "person":
                out.append((f"{self.label}（{name}）", fx.product(f"{persons} 人", fx.price(amount, "元/人")),
                                 persons * amount))
            else:
                out.append((f"{self.label}（{name}）", f"{fx.num(amount)} 元/户", amount))
        return out


class Fixed(ItemKind):
    """A fixed amount per household (e.g. 提前搬迁奖励, 水电气迁移补助), limited by modes and uses."""

    kind = "fixed"
    title = "定额补助"

    def parse(self, t: Table) -> None:
        self.amount = t.decimal("amount")
        # The same line for every household: build it once.
        self._drafts = [] if self.amount is None else [(self.label, f"{fx.num(self.amount)} 元/户", self.amount)]

    def drafts(self, ctx: Ctx) -> list[Draft]:
        return self._drafts if self.has_use(ctx) else []


class CourtyardReward(ItemKind):
    """每宗宅基地奖励 (urban villages): courtyards × amount per courtyard."""

    kind = "courtyard_reward"
    title = "宅基地（每宗）奖励"

    def parse(self, t: Table) -> None:
        self.amount = t.decimal("amount")

    def drafts(self, ctx: Ctx) -> list[Draft]:
        count = ctx.household.courtyards
        if not count or self.amount is None:
            return []
        return [(self.label, fx.product(f"{count} 宗", fx.price(self.amount, "元/宗")), count * self.amount)]


KINDS = (SigningReward, CashSubsidy, SmallAreaReward, Hardship, Fixed, CourtyardReward)
