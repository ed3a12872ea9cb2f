"""The core's survey problems in the chosen UI language.

The core names each problem by a code with Chinese text (survey_app/core/services/survey/messages.py).
Here the same Chinese templates are marked for Qt's translation (context ``EditorMessages``; Chinese is
the source, the English is in resources/translations/en_editor.py); a test keeps both tables equal.
Code-valued parameters (a use, a structure) are shown through ``labels`` so they follow the language too.
Threading: GUI thread only.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from survey_app.core.services.survey.messages import Problem
from survey_app.ui import labels

CTX = "EditorMessages"

TEMPLATES: dict[str, str] = {
    "household_code.empty": QT_TRANSLATE_NOOP("EditorMessages", "户号不能为空"),
    "members.no_head": QT_TRANSLATE_NOOP("EditorMessages", "请登记户主"),
    "members.many_heads": QT_TRANSLATE_NOOP("EditorMessages", "家庭成员中须有且只有一位户主"),
    "member.name_empty": QT_TRANSLATE_NOOP("EditorMessages", "第{n}位成员的姓名不能为空"),
    "member.relation_invalid": QT_TRANSLATE_NOOP("EditorMessages", "第{n}位成员的关系无效"),
    "member.id_invalid": QT_TRANSLATE_NOOP("EditorMessages", "{who}：{error}"),
    "member.id_duplicate": QT_TRANSLATE_NOOP("EditorMessages", "{who}：身份证号码与其他成员重复"),
    "phone.invalid": QT_TRANSLATE_NOOP("EditorMessages", "{error}"),
    "tenure.share_range": QT_TRANSLATE_NOOP("EditorMessages", "产权份额须大于0且不超过100%"),
    "tenure.owner_id_invalid": QT_TRANSLATE_NOOP("EditorMessages", "产权人{name}：{error}"),
    "tenure.land_area_invalid": QT_TRANSLATE_NOOP("EditorMessages", "宅基地面积：{error}"),
    "tenures.share_total": QT_TRANSLATE_NOOP("EditorMessages", "产权份额合计{total}%，超过100%"),
    "part.area_empty": QT_TRANSLATE_NOOP("EditorMessages", "建筑部分“{part}”的面积不能为空"),
    "part.area_invalid": QT_TRANSLATE_NOOP("EditorMessages", "建筑部分“{part}”的面积：{error}"),
    "part.use_invalid": QT_TRANSLATE_NOOP("EditorMessages", "用途无效"),
    "part.legality_invalid": QT_TRANSLATE_NOOP("EditorMessages", "合法性认定无效"),
    "part.term_missing": QT_TRANSLATE_NOOP("EditorMessages", "临时建筑须填写批准期限"),
    "part.floors": QT_TRANSLATE_NOOP("EditorMessages", "层数至少为1"),
    "fixture.kind_empty": QT_TRANSLATE_NOOP("EditorMessages", "请选择附属物种类"),
    "fixture.count": QT_TRANSLATE_NOOP("EditorMessages", "附属物数量至少为1"),
    "item.code_empty": QT_TRANSLATE_NOOP("EditorMessages", "请选择地上物项目"),
    "item.quantity_empty": QT_TRANSLATE_NOOP("EditorMessages", "数量不能为空"),
    "item.quantity_invalid": QT_TRANSLATE_NOOP("EditorMessages", "数量：{error}"),
    "business.uscc_invalid": QT_TRANSLATE_NOOP("EditorMessages", "{error}"),
    "business.area_empty": QT_TRANSLATE_NOOP("EditorMessages", "经营面积不能为空"),
    "business.area_invalid": QT_TRANSLATE_NOOP("EditorMessages", "经营面积：{error}"),
    "business.profit_negative": QT_TRANSLATE_NOOP("EditorMessages", "年利润不能为负数"),
    "appraisal.price_positive": QT_TRANSLATE_NOOP("EditorMessages", "评估单价须大于0"),
    "appraisal.price_places": QT_TRANSLATE_NOOP("EditorMessages", "评估单价最多两位小数"),
    "appraisal.use_duplicate": QT_TRANSLATE_NOOP("EditorMessages", "同一用途只能有一个评估单价"),
    "need.parts": QT_TRANSLATE_NOOP("EditorMessages", "请登记至少一个建筑部分"),
    "need.legality": QT_TRANSLATE_NOOP("EditorMessages", "建筑部分“{part}”：请选择合法性认定"),
    "need.structure": QT_TRANSLATE_NOOP("EditorMessages", "建筑部分“{part}”：请选择结构（现行方案按结构计价）"),
    "bad.structure": QT_TRANSLATE_NOOP("EditorMessages", "建筑部分“{part}”：现行方案没有“{structure}”结构的单价，请改选"),
    "bad.decoration": QT_TRANSLATE_NOOP("EditorMessages", "建筑部分“{part}”：现行方案没有“{grade}”这一装修等级，请改选"),
    "need.appraisal": QT_TRANSLATE_NOOP("EditorMessages", "缺少{use}用途的评估单价（待指挥部导入评估报告）"),
    "need.tenure": QT_TRANSLATE_NOOP("EditorMessages", "请登记产权及份额"),
    "need.land_area": QT_TRANSLATE_NOOP("EditorMessages", "请在产权一栏填写宅基地面积（现行方案按宅基地面积计算安置或奖励）"),
    "need.member_id_hardship": QT_TRANSLATE_NOOP("EditorMessages", "{who}：享受困难补助，须填写身份证号码"),
    "need.member_id_person": QT_TRANSLATE_NOOP("EditorMessages", "{who}：过渡费按人计发，须填写身份证号码"),
    "need.fixture_value": QT_TRANSLATE_NOOP("EditorMessages", "附属物“{fixture}”按评估值计算，请填写评估值"),
    "bad.fixture": QT_TRANSLATE_NOOP("EditorMessages", "附属物“{fixture}”不在现行方案中，请改为0"),
    "bad.item": QT_TRANSLATE_NOOP("EditorMessages", "地上物“{item}”不在现行方案中，请清空数量"),
    "need.business_part": QT_TRANSLATE_NOOP(
        "EditorMessages", "登记了经营“{name}”，但没有经营用途（商业/办公/工业）的建筑部分，停产停业损失无法计算"),
    "need.annual_profit": QT_TRANSLATE_NOOP("EditorMessages", "经营“{name}”：请填写年利润（现行方案按利润计算停产停业损失）"),
    "bad.businesses_many": QT_TRANSLATE_NOOP("EditorMessages", "只能登记一处经营（现有{n}处），请合并为一处"),
    "bad.flat_choice": QT_TRANSLATE_NOOP("EditorMessages", "选房组合{n}：{error}"),
    "bad.flat_choice_repeated": QT_TRANSLATE_NOOP("EditorMessages", "选房组合{n}与组合{first}相同，请删除其一"),
    "bad.flat_choices_mode": QT_TRANSLATE_NOOP("EditorMessages", "现行方案不提供产权调换，请删除选房组合"),
}


def text(p: Problem) -> str:
    """``p`` in the UI language (its Chinese message when the code is not known here)."""
    template = TEMPLATES.get(p.code)
    if template is None:
        return p.message
    params = dict(p.params)
    if "use_code" in params:
        params["use"] = labels.use(params["use_code"])
    if "structure_code" in params:
        params["structure"] = labels.structure(params["structure_code"])
    if "grade_code" in params:
        params["grade"] = labels.decoration(params["grade_code"])
    if "item_code" in params:
        params["item"] = labels.survey_item(params["item_code"])
    try:
        return QCoreApplication.translate(CTX, template).format(**params)
    except (KeyError, IndexError, ValueError):  # a translation with a wrong placeholder: keep the source
        return p.message


def translated(p: Problem) -> Problem:
    """``p`` with its message in the UI language (path, code and params kept)."""
    return dataclasses.replace(p, message=text(p))
