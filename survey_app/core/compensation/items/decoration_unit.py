"""``decoration`` with ``price = "part_appraisal_unit"``: area × the appraisal report's decoration unit price for
each building part (装修单价, 元/m², the part's ``decoration_unit_price`` from the appraisal import).

A part the report gives no decoration unit price for is priced by the item's own ``per_m2`` or
``per_m2_by_grade`` when the item has one (at most one of the two); without either it is refused, naming the
part — its decoration cannot be told from the report, and guessing 0 would pay nothing silently."""

from __future__ import annotations

from decimal import Decimal

from survey_app.core.compensation import formula as fx
from survey_app.core.compensation.fields import Table
from survey_app.core.compensation.inputs import USES, BuildingPart
from survey_app.core.compensation.items.base import Draft, part_label
from survey_app.core.domain.errors import ValidationError

SOURCE = "（评估报告中该处的装修单价）"


def check_unit_price_fallback(t: Table, code: str, by_grade: bool, per_m2: bool) -> None:
    """The fallback price of a part without a decoration unit price: ``per_m2`` or ``per_m2_by_grade``, not both."""
    if by_grade and per_m2:
        t.fail("per_m2_by_grade", f"项目“{code}”按各处的装修评估单价计算（price = \"part_appraisal_unit\"），"
                                  "没有装修单价的建筑部分按 per_m2（统一单价）或 per_m2_by_grade（按等级）计算，"
                                  "二者至多写一个")


def appraised_unit_draft(label: str, part: BuildingPart) -> Draft:
    """area × the part's decoration unit price; refused, naming the part, when the report gives none."""
    rate = part.decoration_unit_price
    if rate is None:
        name = part.label or USES.get(part.use, part.use)
        raise ValidationError(
            f"building_parts.decoration_unit_price: 建筑部分“{name}”没有评估报告中的装修单价"
            "（本项目按 面积 × 各建筑部分的装修评估单价 计算，且未写没有装修单价时的 per_m2 或 per_m2_by_grade；"
            "请导入含“装修单价”的按建筑部分的评估结果）", "building_parts.decoration_unit_price")

    def lhs(area: Decimal = part.area, rate: Decimal = rate) -> str:
        return fx.product(fx.area(area), fx.price(rate) + SOURCE)
    return (part_label(label, part), lhs, part.area * rate)
