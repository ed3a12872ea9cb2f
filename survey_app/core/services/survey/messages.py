"""The problems a survey form can have: a stable code, its Chinese text, and the Problem record.

The core says every problem in Chinese (CLI, logs, services). The editor shows the same problem in the
chosen UI language: it looks the ``code`` up in its own table of the same Chinese templates marked for
Qt's translation (survey_app/ui/editor/messages.py; a test keeps the two tables equal) and fills in
``params``. A problem whose code the UI does not know is shown with its Chinese ``message``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# code -> Chinese template (str.format with the problem's params)
MESSAGES: dict[str, str] = {
    # saving is refused while any of these remain
    "household_code.empty": "户号不能为空",
    "members.no_head": "请登记户主",
    "members.many_heads": "家庭成员中须有且只有一位户主",
    "member.name_empty": "第{n}位成员的姓名不能为空",
    "member.relation_invalid": "第{n}位成员的关系无效",
    "member.id_invalid": "{who}：{error}",
    "member.id_duplicate": "{who}：身份证号码与其他成员重复",
    "phone.invalid": "{error}",
    "tenure.share_range": "产权份额须大于0且不超过100%",
    "tenure.owner_id_invalid": "产权人{name}：{error}",
    "tenure.land_area_invalid": "宅基地面积：{error}",
    "tenures.share_total": "产权份额合计{total}%，超过100%",
    "part.area_empty": "建筑部分“{part}”的面积不能为空",
    "part.area_invalid": "建筑部分“{part}”的面积：{error}",
    "part.use_invalid": "用途无效",
    "part.legality_invalid": "合法性认定无效",
    "part.term_missing": "临时建筑须填写批准期限",
    "part.floors": "层数至少为1",
    "fixture.kind_empty": "请选择附属物种类",
    "fixture.count": "附属物数量至少为1",
    "item.code_empty": "请选择地上物项目",
    "item.quantity_empty": "数量不能为空",
    "item.quantity_invalid": "数量：{error}",
    "business.uscc_invalid": "{error}",
    "business.area_empty": "经营面积不能为空",
    "business.area_invalid": "经营面积：{error}",
    "business.profit_negative": "年利润不能为负数",
    "appraisal.price_positive": "评估单价须大于0",
    "appraisal.price_places": "评估单价最多两位小数",
    "appraisal.use_duplicate": "同一用途只能有一个评估单价",
    # the survey can be saved, but not submitted nor calculated, while any of these remain
    "need.parts": "请登记至少一个建筑部分",
    "need.legality": "建筑部分“{part}”：请选择合法性认定",
    "need.structure": "建筑部分“{part}”：请选择结构（现行方案按结构计价）",
    "bad.structure": "建筑部分“{part}”：现行方案没有“{structure}”结构的单价，请改选",
    "bad.decoration": "建筑部分“{part}”：现行方案没有“{grade}”这一装修等级，请改选",
    "need.appraisal": "缺少{use}用途的评估单价（待指挥部导入评估报告）",
    "need.tenure": "请登记产权及份额",
    "need.land_area": "请在产权一栏填写宅基地面积（现行方案按宅基地面积计算安置或奖励）",
    "need.member_id_hardship": "{who}：享受困难补助，须填写身份证号码",
    "need.member_id_person": "{who}：过渡费按人计发，须填写身份证号码",
    "need.fixture_value": "附属物“{fixture}”按评估值计算，请填写评估值",
    "bad.fixture": "附属物“{fixture}”不在现行方案中，请改为0",
    "bad.item": "地上物“{item}”不在现行方案中，请清空数量",
    "need.business_part": "登记了经营“{name}”，但没有经营用途（商业/办公/工业）的建筑部分，停产停业损失无法计算",
    "need.annual_profit": "经营“{name}”：请填写年利润（现行方案按利润计算停产停业损失）",
    "bad.businesses_many": "只能登记一处经营（现有{n}处），请合并为一处",
    "bad.flat_choice": "选房组合{n}：{error}",
    "bad.flat_choice_repeated": "选房组合{n}与组合{first}相同，请删除其一",
    "bad.flat_choices_mode": "现行方案不提供产权调换，请删除选房组合",
}


@dataclass(frozen=True)
class Problem:
    """One problem of a form, at the field ``path`` names (``members[2].id_number``; a list name for the
    whole list). ``missing`` problems do not stop a save, only submitting and calculating."""

    path: str
    message: str  # Chinese
    code: str = ""
    params: tuple[tuple[str, Any], ...] = ()
    missing: bool = False


def problem(path: str, code: str, *, missing: bool = False, **params: Any) -> Problem:
    """The Problem ``code`` at ``path``, its Chinese text filled in from ``params``."""
    return Problem(path, MESSAGES[code].format(**params), code, tuple(sorted(params.items())), missing)
