"""``policy explain`` for a ``decoration`` item priced by each part's appraised decoration unit price
(``price = "part_appraisal_unit"``), and what a part the report gives no unit price for gets."""

from __future__ import annotations

from typing import Any

from survey_app.core.compensation.policy_tools.wording import GRADE_NAMES, money


def decoration_unit_text(item: Any) -> str:
    """Plain Chinese for area × the report's 装修单价, with the fallback price if the item has one."""
    head = "装修按 面积 × 评估报告中该处房屋的装修单价 补偿；"
    if item.get("per_m2") is not None:
        return head + f"评估报告没有给出该处装修单价的，按 面积 × {money(item['per_m2'], '元/m²')} 补偿。"
    if item.get("per_m2_by_grade"):
        labels = {**GRADE_NAMES, **(item.get("grade_labels") or {})}
        grades = "、".join(f"{labels.get(k, k)} {money(v, '元/m²')}" for k, v in item["per_m2_by_grade"].items())
        return head + f"评估报告没有给出该处装修单价的，按 面积 × 等级单价 补偿（{grades}；没有登记装修的不补偿）。"
    return head + "评估报告须给出每一处房屋的装修单价。"
