"""Item kinds paying costs of moving out: moving fee, transition fee (per m² or per person) and business
loss (停产停业损失)."""

from __future__ import annotations

from decimal import Decimal

from survey_app.core.compensation import entitlement as ent
from survey_app.core.compensation import formula as fx
from survey_app.core.compensation.fields import Table
from survey_app.core.compensation.items import transition_actual as actual
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
    only the uses listed (default residential) count — non-residential space gets none. The area is the
    legal area (at least ``minimum_area``: 不足 50 m² 的按 50 m² 计算), or with ``basis`` the entitlement
    (安置指标) or its part settled in cash (货币安置指标). ``overdue_multiplier`` / ``overdue_after_months``
    (产权调换多层超过 18 个月、高层超过 24 个月的从超出之月起按 2 倍) are paid later, when it happens: the
    amount covers the months listed, and the agreement states the rule for the chosen flats' building.
    ``actual_months`` (过渡期从搬迁腾空之月起到安置之月止) instead of ``months``: paid for the months actually waited,
    unknown at signing — the line is 0 and states the monthly amount (transition_actual.py).
    """

    kind = "transition"
    title = "临时安置费"
    mode_sensitive = True
    default_uses = ("residential",)

    def parse(self, t: Table) -> None:
        self.rate = t.decimal("rate_per_m2_month")
        self.minimum = t.decimal("minimum_per_month", required=False, default=ZERO)
        self.actual = t.text("actual_months", required=False, default="") or ""
        if self.actual and "months" in t.data:
            t.has("months")
            t.fail("months", f"项目“{t.data.get('code', '')}”按实际过渡月数计付（actual_months），不写 months；"
                             "另有按固定月数计付的安置方式的，另写一个项目并用 modes 区分")
            self.months = {}
        else:
            self.months = _read_counts(t, "months", required=not self.actual)
        self.basis = t.choice("basis", TRANSITION_BASES, required=False, default="area") or "area"
        self.minimum_area = t.decimal("minimum_area", required=False)
        if self.minimum_area is not None and self.basis != "area":
            t.fail("minimum_area", "最低计费面积只用于按房屋面积计算（basis = \"area\"）的临时安置费")
        self.flat_sensitive = self.basis in ("entitlement_cash", "entitlement_flats")
        # 安置指标 / 货币安置指标 / 实物安置指标 of the option (entitlement.py, transition_actual.py)
        self._part = {"entitlement": ent.of_option, "entitlement_cash": ent.cash_part}.get(self.basis, actual.flats_part)
        self.overdue = read_overdue(t)
        self.exchange = None
        self._path = t.path

    def bind_exchange(self, exchange: object) -> list[tuple[str, str]]:
        """The entitlement and the flats' buildings come from ``[modes.exchange]``."""
        self.exchange = exchange
        out = []
        if self.basis != "area" and exchange is None:
            out.append((f"{self._path}.basis", f"项目“{self.code}”按安置指标计算，但方案没有产权调换（[modes.exchange]）"))
        if self.overdue is not None:
            if exchange is None or "exchange" not in self.modes:
                out.append((f"{self._path}.overdue_after_months", f"项目“{self.code}”：超期加倍只用于产权调换，"
                                                                  "但此项目不支付给产权调换的住户"))
            else:
                missing = [f.key for f in exchange.flats if not f.building]
                if missing:
                    out.append((f"{self._path}.overdue_after_months",
                                f"项目“{self.code}”按安置楼型规定过渡期限，但户型 {'、'.join(missing)} 没有写楼型 building"
                                "（multi_storey 多层 / high_rise 高层）"))
                unlisted = sorted({f.building for f in exchange.flats if f.building} - set(self.overdue[1]))
                if unlisted:
                    out.append((f"{self._path}.overdue_after_months",
                                f"项目“{self.code}”没有写楼型 {'、'.join(unlisted)} 的过渡期限"))
        return out

    def overdue_terms(self, flats: tuple) -> tuple[tuple[str, int, Decimal], ...]:
        """(building, months, multiplier) for the buildings of ``flats`` that have an overdue rule."""
        if self.overdue is None:
            return ()
        multiplier, limits = self.overdue
        seen = dict.fromkeys(f.building for f in flats if f.building in limits)
        return tuple((b, limits[b], multiplier) for b in seen)

    def mode_key(self, mode: str, delivery: str) -> object:
        return "actual" if self.actual else by_mode(self.months, mode, delivery, ZERO)

    def drafts(self, ctx: Ctx) -> list[Draft]:
        months = ONE if self.actual else by_mode(self.months, ctx.mode, ctx.delivery, ZERO)
        if not months or self.rate is None:
            return []
        found = self._monthly(ctx)
        if found is None:
            return []
        monthly, monthly_text = found
        if self.actual:  # 按实际过渡月数: unknown at signing, the line states the monthly amount
            return actual.drafts(self.label, monthly_text(), monthly, self.actual)

        def lhs() -> str:
            return fx.product(monthly_text(), f"{fx.num(months)} 月")
        return [(self.label, lhs, monthly * months)]

    def monthly(self, ctx: Ctx) -> Decimal | None:
        """The exact amount of one month for the option in ``ctx``; None when the item pays it nothing."""
        found = self._monthly(ctx) if self.rate is not None else None
        return None if found is None else found[0]

    def settle(self, ctx: Ctx, months: int) -> Decimal:
        """An actual-months fee once the months are known: monthly × months (exact, unrounded)."""
        return (self.monthly(ctx) or ZERO) * months

    def _monthly(self, ctx: Ctx) -> tuple[Decimal, object] | None:
        """(max(area × rate, minimum), a function writing that as text) or None when nothing is paid."""
        if self.basis != "area":
            if self.exchange is None:
                return None
            area, basis_text = self._part(self.exchange, ctx)
            if area <= ZERO:
                return None
            area_text = f"{basis_text} m²"
        elif not self.parts(ctx):
            return None
        else:
            area = self.area(ctx)
            area_text = fx.area(area)
            if self.minimum_area is not None and area < self.minimum_area:
                area_text = f"max({fx.sq(area)}, {fx.num(self.minimum_area)}) m²"
                area = self.minimum_area

        def text() -> str:
            out = fx.product(area_text, fx.price(self.rate, "元/m²·月"))
            return f"max({out}, {fx.num(self.minimum)} 元/月)" if self.minimum else out
        return max(area * self.rate, self.minimum), text


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


TRANSITION_BASES = ("area", "entitlement", "entitlement_cash", "entitlement_flats")


def read_overdue(t: Table) -> tuple[Decimal, dict[str, int]] | None:
    """``overdue_multiplier`` and ``overdue_after_months = { multi_storey = 18, high_rise = 24 }``, both or
    neither; None when the item has no overdue rule."""
    from survey_app.core.compensation.modes import BUILDINGS

    multiplier = t.decimal("overdue_multiplier", required=False)
    limits = t.decimal_map("overdue_after_months", required=False, keys=BUILDINGS)
    if (multiplier is None) != (not t.data.get("overdue_after_months")):
        t.fail("overdue_multiplier", "超期加倍须同时写 overdue_multiplier（倍数）和 overdue_after_months（各楼型的过渡期限，月）")
        return None
    if multiplier is None:
        return None
    if multiplier <= 1:
        t.fail("overdue_multiplier", f"超期倍数应大于 1，实际是 {multiplier}")
    months: dict[str, int] = {}
    for key, value in limits.items():
        if value != value.to_integral_value() or value <= 0:
            t.problems.add(f"{t.key('overdue_after_months')}.{key}", f"应为正整数（月），实际是 {value}")
        else:
            months[key] = int(value)
    return multiplier, months


KINDS = (Moving, Transition, TransitionPerPerson, BusinessLoss)
