"""Item kinds paying costs of moving out: moving fee, transition fee (per m² or per person) and business
loss (停产停业损失)."""

from __future__ import annotations

from decimal import Decimal

from survey_app.core.compensation import formula as fx
from survey_app.core.compensation.fields import Table
from survey_app.core.compensation.items.base import (
    MODE_KEYS,
    ONE,
    ZERO,
    Ctx,
    Draft,
    ItemKind,
    PriceSource,
    by_mode,
    part_label,
    share_terms,
)
from survey_app.core.domain.errors import ValidationError

_TWELVE = Decimal(12)
_HUNDRED = Decimal(100)


def _read_counts(t: Table, name: str, required: bool) -> dict[str, Decimal]:
    """A per-mode table of whole numbers (times, months): ``{ cash = 1, exchange_future = 2 }``."""
    counts = t.decimal_map(name, required=required, keys=MODE_KEYS)
    for key, value in counts.items():
        if value != value.to_integral_value():
            t.problems.add(f"{t.key(name)}.{key}", f"应为整数，实际是 {value}")
    return counts


class Moving(ItemKind):
    """搬迁费: a fixed amount, or area × rate with a minimum, paid once or more times by mode
    (产权调换 with a future flat moves twice: out now, into the flat later)."""

    kind = "moving"
    title = "搬迁费"
    mode_sensitive = True
    own_minimum = True  # ``minimum``: the least per move (max(area × rate, minimum))

    def parse(self, t: Table) -> None:
        self.amount = t.decimal("amount", required=False)
        self.per_m2 = t.decimal("per_m2", required=False)
        self.minimum = t.decimal("minimum", required=False, default=ZERO)
        if (self.amount is None) == (self.per_m2 is None):
            t.fail("amount", "amount（每户定额）和 per_m2（按面积）须写且只写一个")
        self.times = _read_counts(t, "times", required=False)

    def mode_key(self, mode: str, delivery: str) -> object:
        return by_mode(self.times, mode, delivery, ONE)

    def drafts(self, ctx: Ctx) -> list[Draft]:
        if not self.has_use(ctx):
            return []
        times = by_mode(self.times, ctx.mode, ctx.delivery, ONE)
        if not times:
            return []
        area = None if self.amount is not None else self.area(ctx)
        base = self.amount if area is None else max(area * self.per_m2, self.minimum)

        def lhs() -> str:
            if area is None:
                base_text = f"{fx.num(self.amount)} 元/次"
            else:
                base_text = fx.product(fx.area(area), fx.price(self.per_m2))
                if self.minimum:
                    base_text = f"max({base_text}, {fx.num(self.minimum)} 元)"
            return fx.product(base_text, f"{fx.num(times)} 次")
        return [(self.label, lhs, base * times)]


class Transition(ItemKind):
    """过渡费 (临时安置费): max(area × monthly rate, monthly floor per household) × months.

    Months depend on the mode and, for 产权调换, on whether the flat is ready (现房) or future (期房);
    only the uses listed (default residential) count — non-residential space gets none.
    """

    kind = "transition"
    title = "临时安置费"
    mode_sensitive = True
    default_uses = ("residential",)

    def parse(self, t: Table) -> None:
        self.rate = t.decimal("rate_per_m2_month")
        self.minimum = t.decimal("minimum_per_month", required=False, default=ZERO)
        self.months = _read_counts(t, "months", required=True)

    def mode_key(self, mode: str, delivery: str) -> object:
        return by_mode(self.months, mode, delivery, ZERO)

    def drafts(self, ctx: Ctx) -> list[Draft]:
        months = by_mode(self.months, ctx.mode, ctx.delivery, ZERO)
        if not months or not self.parts(ctx) or self.rate is None:
            return []
        area = self.area(ctx)
        monthly = max(area * self.rate, self.minimum)

        def lhs() -> str:
            text = fx.product(fx.area(area), fx.price(self.rate, "元/m²·月"))
            if self.minimum:
                text = f"max({text}, {fx.num(self.minimum)} 元/月)"
            return fx.product(text, f"{fx.num(months)} 月")
        return [(self.label, lhs, monthly * months)]


class TransitionPerPerson(ItemKind):
    """过渡费按人: persons × monthly rate × months (urban villages count registered residents), with an
    optional monthly floor per household."""

    kind = "transition_per_person"
    title = "过渡费（按人）"
    mode_sensitive = True

    def parse(self, t: Table) -> None:
        self.rate = t.decimal("rate_per_person_month")
        self.minimum = t.decimal("minimum_per_month", required=False, default=ZERO)
        self.months = _read_counts(t, "months", required=True)
        self.count = t.choice("persons", ("hukou_here", "all"), required=False, default="hukou_here")

    def mode_key(self, mode: str, delivery: str) -> object:
        return by_mode(self.months, mode, delivery, ZERO)

    def drafts(self, ctx: Ctx) -> list[Draft]:
        months = by_mode(self.months, ctx.mode, ctx.delivery, ZERO)
        members = ctx.household.members
        persons = len(members) if self.count == "all" else sum(1 for m in members if m.hukou_here)
        if not months or not persons or self.rate is None or not self.has_use(ctx):
            return []
        monthly = max(persons * self.rate, self.minimum)
        text = fx.product(f"{persons} 人", fx.price(self.rate, "元/人·月"))
        if self.minimum:
            text = f"max({text}, {fx.num(self.minimum)} 元/月)"
        return [(self.label, fx.product(text, f"{fx.num(months)} 月"), monthly * months)]


class BusinessLoss(ItemKind):
    """停产停业损失, only for households with a business: % of the business parts' value, or business
    area × rate per m², or annual profit ÷ 12 × months."""

    kind = "business_loss"
    title = "停产停业损失补偿"
    default_uses = ("commercial", "office", "industrial")

    def parse(self, t: Table) -> None:
        self.basis = t.choice("basis", ("pct_of_value", "per_m2", "profit"))
        self.pct = t.decimal("pct", required=self.basis == "pct_of_value", maximum=_HUNDRED)
        self.per_m2 = t.decimal("per_m2", required=self.basis == "per_m2")
        self.months = t.decimal("months", required=self.basis == "profit")
        self.price = PriceSource(t)
        self.apply_share = t.boolean("apply_share", default=True)

    def drafts(self, ctx: Ctx) -> list[Draft]:
        business = ctx.household.business
        if business is None:
            return []
        if self.basis == "pct_of_value":
            share, share_term = share_terms(ctx, self.apply_share)
            factor = fx.percent_factor(self.pct)
            out = []
            for part in self.parts(ctx):
                price = self.price.for_part(ctx, part)

                def lhs(area: Decimal = part.area, price: Decimal = price) -> str:
                    value_text = fx.product(fx.area(area), fx.price(price), *share_term)
                    return f"({value_text}){fx.TIMES}{fx.pct(self.pct)}"
                out.append((part_label(self.label, part), lhs, part.area * price * share * factor))
            return out
        if self.basis == "per_m2":
            # The business area counts only on this item's parts (its uses and legality): a shop paid 100/m²
            # by one item is not also paid 50/m² by the item for other non-residential uses.
            legal = self.area(ctx)
            if not legal:
                return []
            area, area_text = legal, fx.area(legal)
            if business.area is not None:
                area = min(business.area, legal)
                area_text = fx.area(area) if business.area <= legal else f"min({fx.sq(business.area)}, {fx.sq(legal)}) m²"
            return [(self.label, fx.product(area_text, fx.price(self.per_m2)), area * self.per_m2)]
        if business.annual_profit is None:
            raise ValidationError("business.annual_profit: 按利润计算停产停业损失，须填写年利润", "business.annual_profit")
        lhs = f"{fx.num(business.annual_profit)} 元 ÷ 12{fx.TIMES}{fx.num(self.months)} 月"
        return [(self.label, lhs, business.annual_profit / _TWELVE * self.months)]


KINDS = (Moving, Transition, TransitionPerPerson, BusinessLoss)
