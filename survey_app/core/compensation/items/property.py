"""Item kinds valuing the property itself: house value, unregistered parts, decoration, use change,
minimum-area top-up, old area not covered by the new flat, and homestead land location price."""

from __future__ import annotations

from decimal import Decimal

from survey_app.core.compensation import formula as fx
from survey_app.core.compensation.fields import Table
from survey_app.core.compensation.inputs import LEGALITY, USES, BuildingPart
from survey_app.core.compensation.items.base import (
    LEGAL,
    ONE,
    ZERO,
    Ctx,
    Draft,
    ItemKind,
    PriceSource,
    one_line,
    part_label,
    read_lines,
    share_terms,
)
from survey_app.core.compensation.items.decoration_unit import (
    appraised_unit_draft,
    check_unit_price_fallback,
)
from survey_app.core.domain.errors import ValidationError

GRADE_LABELS = {"simple": "简易装修", "medium": "中档装修", "fine": "精装修", "luxury": "豪华装修"}


class HouseValue(ItemKind):
    """被征收房屋价值补偿: area × appraised unit price × ownership share, one line per building part."""

    kind = "house_value"
    title = "被征收房屋价值补偿"
    default_legality = ("registered",)

    def parse(self, t: Table) -> None:
        self.price = PriceSource(t)
        self.apply_share = t.boolean("apply_share", default=True)
        self.per_household = read_lines(t)

    def drafts(self, ctx: Ctx) -> list[Draft]:
        share, share_term = share_terms(ctx, self.apply_share)
        out = []
        for part in self.parts(ctx):
            price = self.price.for_part(ctx, part)
            def lhs(area: Decimal = part.area, price: Decimal = price) -> str:
                return fx.product(fx.area(area), fx.price(price), *share_term)
            out.append((part_label(self.label, part), lhs, part.area * price * share))
        return one_line(self.label, out) if self.per_household else out


class Unregistered(ItemKind):
    """未登记建筑: area × price × ratio by legality (found legal, illegal = 0, temporary within term), or by
    the part's category where ``ratios_by_category`` names it (1990年前建 0.7, 临建批复 0.5 …): a listed
    category wins over the legality (a temporary part past its term still gets the expired ratio)."""

    kind = "unregistered"
    title = "未登记建筑补偿"
    default_legality = ("found_legal", "illegal", "temporary")

    def parse(self, t: Table) -> None:
        self.price = PriceSource(t)
        self.by_category = t.decimal_map("ratios_by_category", required=False, maximum=ONE)
        self.ratios = t.decimal_map("ratios", required=not self.by_category,
                                    keys=("found_legal", "illegal", "temporary"), maximum=ONE)
        self.expired_ratio = t.decimal("temporary_expired_ratio", required=False, default=ZERO, maximum=ONE)
        self.apply_share = t.boolean("apply_share", default=False)
        self.per_household = read_lines(t)

    def drafts(self, ctx: Ctx) -> list[Draft]:
        share, share_term = share_terms(ctx, self.apply_share)
        out = []
        for part in self.parts(ctx):
            ratio = self.by_category.get(part.category) if part.category else None
            if ratio is not None:
                status = f"{LEGALITY[part.legality]}，{part.category}"
            else:
                ratio = self.ratios.get(part.legality)
                if ratio is None:
                    continue
                status = LEGALITY[part.legality]
            if part.legality == "temporary":
                valid = ctx.temporary_valid(part)
                ratio = ratio if valid else self.expired_ratio
                status = ("临时建筑，期限内" if valid else "临时建筑，已超期") + (
                    f"，{part.category}" if part.category in self.by_category else "")
            price = self.price.for_part(ctx, part)
            def lhs(area: Decimal = part.area, price: Decimal = price, ratio: Decimal = ratio, status: str = status) -> str:
                return fx.product(fx.area(area), fx.price(price), f"{fx.num(ratio)}（{status}）", *share_term)
            out.append((part_label(self.label, part), lhs, part.area * price * ratio * share))
        return one_line(self.label, out) if self.per_household else out


class Decoration(ItemKind):
    """装修补偿: area × rate per m², by decoration grade or one flat rate; or (``price = "part_appraisal"``)
    each part's decoration as the appraisal report values it (装修评估值, the part's ``decoration_value``); or
    (``price = "part_appraisal_unit"``, decoration_unit.py) area × the report's 装修单价 for the part."""

    kind = "decoration"
    title = "装修补偿"

    def parse(self, t: Table) -> None:
        self.by_grade = t.decimal_map("per_m2_by_grade", required=False)
        self.per_m2 = t.decimal("per_m2", required=False)
        labels = t.table("grade_labels", required=False)
        self.grade_labels = dict(GRADE_LABELS)
        if labels is not None:
            for key in labels.data:
                self.grade_labels[key] = labels.text(key) or key
        price = t.choice("price", ("part_appraisal", "part_appraisal_unit"), required=False)
        self.appraised = price == "part_appraisal"
        self.appraised_unit = price == "part_appraisal_unit"  # area × the part's 装修单价 (decoration_unit.py)
        if self.appraised_unit:
            check_unit_price_fallback(t, self.code, bool(self.by_grade), self.per_m2 is not None)
        elif sum((bool(self.by_grade), self.per_m2 is not None, self.appraised)) != 1:
            t.fail("per_m2_by_grade", f"项目“{self.code}”的 per_m2_by_grade（按等级）、per_m2（统一单价）、"
                                      "price = \"part_appraisal\"（各处的装修评估值）须写且只写一个")
        self.per_household = read_lines(t)

    def drafts(self, ctx: Ctx) -> list[Draft]:
        out = []
        for part in self.parts(ctx):
            if self.appraised:
                value = _appraised_decoration(part)
                if value is not None:
                    shown = fx.num(value) if value == value.to_integral_value() else fx.amount(value, 2)  # 5,120.50
                    out.append((part_label(self.label, part), f"{shown} 元（评估报告中该处的装修评估值）", value))
                continue
            if self.appraised_unit and (part.decoration_unit_price is not None or
                                        self.per_m2 is None and not self.by_grade):
                out.append(appraised_unit_draft(self.label, part))
                continue
            if self.per_m2 is not None:
                rate, grade = self.per_m2, ""
            else:
                if not part.decoration_grade:
                    continue  # no decoration recorded: nothing to pay, not an error
                rate = self.by_grade.get(part.decoration_grade)
                if rate is None:
                    raise ValidationError(
                        f"building_parts.decoration_grade: 方案没有装修等级“{part.decoration_grade}”，"
                        f"可选: {'、'.join(self.by_grade)}", "building_parts.decoration_grade")
                grade = f"（{self.grade_labels.get(part.decoration_grade, part.decoration_grade)}）"
            def lhs(area: Decimal = part.area, rate: Decimal = rate, grade: str = grade) -> str:
                return fx.product(fx.area(area), fx.price(rate) + grade)
            out.append((part_label(self.label, part), lhs, part.area * rate))
        return one_line(self.label, out) if self.per_household else out


def _appraised_decoration(part: BuildingPart) -> Decimal | None:
    """The part's appraised decoration amount. A part the report appraised on its own (it has its own unit
    price) with no decoration amount has none to pay (None); a part the report never appraised on its own is
    refused, naming it: its decoration cannot be told from the report."""
    if part.decoration_value is not None:
        return part.decoration_value
    if part.unit_price is not None:
        return None
    name = part.label or USES.get(part.use, part.use)
    raise ValidationError(f"building_parts.decoration_value: 建筑部分“{name}”没有评估报告中的装修评估值"
                          "（本项目按各建筑部分的装修评估值计算；请导入按建筑部分的评估结果）",
                          "building_parts.decoration_value")


class UseChange(ItemKind):
    """住改商 use-change subsidy: area × (price of actual use − price of registered use) × ratio."""

    kind = "use_change"
    title = "改变用途补助"
    default_uses = ("residential",)
    default_legality = ("registered",)

    def parse(self, t: Table) -> None:
        self.ratio = t.decimal("ratio", maximum=ONE)
        self.to_uses = t.text_list("to_uses", choices=USES, default=("commercial",))
        self.require_business = t.boolean("require_business", default=True)

    def drafts(self, ctx: Ctx) -> list[Draft]:
        if self.require_business and ctx.household.business is None:
            return []
        out = []
        for part in self.parts(ctx):
            if part.actual_use not in self.to_uses or part.actual_use == part.use:
                continue
            use_price, price = ctx.price(part.actual_use), ctx.price(part.use)
            diff = use_price - price
            if diff <= 0:
                continue
            lhs = fx.product(fx.area(part.area), f"({fx.num(use_price)} − {fx.num(price)}) 元/m²", fx.num(self.ratio))
            out.append((part_label(self.label, part), lhs, part.area * diff * self.ratio))
        return out


class MinAreaTopUp(ItemKind):
    """最低面积补足: (minimum − legal area) × price [× share], when the legal area is below the minimum."""

    kind = "min_area_topup"
    title = "最低补偿面积补足"
    default_uses = ("residential",)

    def parse(self, t: Table) -> None:
        self.min_area = t.decimal("min_area")
        self.price = PriceSource(t)
        self.apply_share = t.boolean("apply_share", default=False)

    def drafts(self, ctx: Ctx) -> list[Draft]:
        if not self.parts(ctx):
            return []
        area = self.area(ctx)
        if self.min_area is None or area >= self.min_area:
            return []
        price = self.price.for_use(ctx, self.uses[0])
        share, share_term = share_terms(ctx, self.apply_share)
        gap = self.min_area - area
        def lhs() -> str:
            return fx.product(f"({fx.num(self.min_area)} − {fx.sq(area)}) m²", fx.price(price), *share_term)
        return [(self.label, lhs, gap * price * share)]


class ExchangeUncovered(ItemKind):
    """产权调换 subsidy on old legal area not covered by the chosen flats: (old − new) × price × ratio."""

    kind = "exchange_uncovered"
    title = "未安置面积补偿"
    flat_sensitive = True
    default_uses = ("residential",)

    def parse(self, t: Table) -> None:
        self.price = PriceSource(t)
        self.ratio = t.decimal("ratio", required=False, default=ONE)

    def drafts(self, ctx: Ctx) -> list[Draft]:
        if ctx.flat_area is None:
            return []
        area = self.area(ctx)
        gap = area - ctx.flat_area
        if gap <= 0:
            return []
        price = self.price.for_use(ctx, self.uses[0])
        flat_area = ctx.flat_area

        def lhs() -> str:
            return fx.product(f"({fx.sq(area)} − {fx.sq(flat_area)}) m²", fx.price(price), fx.num(self.ratio))
        return [(self.label, lhs, gap * price * self.ratio)]


class LandLocation(ItemKind):
    """宅基地区位补偿: land area (up to a maximum) × location price (区位价) per m² × ratio."""

    kind = "land_location"
    title = "土地区位补偿"
    default_legality = LEGAL

    def parse(self, t: Table) -> None:
        self.unit_price = t.decimal("unit_price")
        self.max_area = t.decimal("max_area", required=False)
        self.ratio = t.decimal("ratio", required=False, default=ONE)

    def drafts(self, ctx: Ctx) -> list[Draft]:
        land = ctx.household.land_area
        if not land or self.unit_price is None:
            return []
        counted = land if self.max_area is None else min(land, self.max_area)
        area_text = fx.area(land) if counted == land else f"min({fx.sq(land)}, {fx.num(self.max_area)}) m²"
        terms = [area_text, fx.price(self.unit_price)]
        if self.ratio != ONE:
            terms.append(fx.num(self.ratio))
        return [(self.label, fx.product(*terms), counted * self.unit_price * self.ratio)]


KINDS = (HouseValue, Unregistered, Decoration, UseChange, MinAreaTopUp, ExchangeUncovered, LandLocation)
