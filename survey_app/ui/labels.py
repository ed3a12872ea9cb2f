"""Chinese labels for the stored codes (status, relation, use, legality, structure, role, fixtures, items).

The core stores stable English codes; the UI shows them through Qt's translation system so the
English build can translate them. The Chinese text is the source string (context ``Labels``);
``QT_TRANSLATE_NOOP`` only marks it for lupdate, ``QCoreApplication.translate`` looks it up at
display time (after the translator is installed). Unknown codes are shown as they are.
Statuses, uses, legality, modes, relations, structures and stages are the core's one vocabulary
(core/domain/vocabulary.py, marked for lupdate there); the UI-only tables are here.

Threading: GUI thread only (QCoreApplication.translate is cheap but the translators belong to the app).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from survey_app.core.domain import vocabulary

CTX = "Labels"

# From the one vocabulary (core/domain/vocabulary.py): code → Chinese source text.
STATUS = vocabulary.HOUSEHOLD_STATUS
RELATION = vocabulary.RELATION
USE = vocabulary.USE
LEGALITY = vocabulary.LEGALITY
MODE = vocabulary.MODE
STRUCTURE = vocabulary.STRUCTURE
OWNER_TYPE = vocabulary.OWNER_TYPE  # 被征收人类型
STAGE = vocabulary.STAGE  # the way of a household (core/services/household_stage.py STAGES)

SEX = {  # stored as written on the ID card
    "男": QT_TRANSLATE_NOOP("Labels", "男"),
    "女": QT_TRANSLATE_NOOP("Labels", "女"),
}

ROLE = {
    "field_worker": QT_TRANSLATE_NOOP("Labels", "调查员"),
    "supervisor": QT_TRANSLATE_NOOP("Labels", "复核员"),
    "hq_admin": QT_TRANSLATE_NOOP("Labels", "指挥部管理员"),
}

WILLINGNESS = {
    "agree": QT_TRANSLATE_NOOP("Labels", "同意"),
    "undecided": QT_TRANSLATE_NOOP("Labels", "未决定"),
    "refuse": QT_TRANSLATE_NOOP("Labels", "不同意"),
}

# Fixtures (附属物) by kind; sub-kinds qualify the kind ("空调 挂机").
FIXTURE_KIND = {
    "water_meter": QT_TRANSLATE_NOOP("Labels", "水表"),
    "electric_meter": QT_TRANSLATE_NOOP("Labels", "电表"),
    "air_conditioner": QT_TRANSLATE_NOOP("Labels", "空调"),
    "water_heater": QT_TRANSLATE_NOOP("Labels", "热水器"),
    "gas": QT_TRANSLATE_NOOP("Labels", "管道燃气"),
    "gas_pipeline": QT_TRANSLATE_NOOP("Labels", "管道燃气"),
    "cable_tv": QT_TRANSLATE_NOOP("Labels", "有线电视"),
    "landline": QT_TRANSLATE_NOOP("Labels", "固定电话"),
}

FIXTURE_SUB_KIND = {
    "main": QT_TRANSLATE_NOOP("Labels", "主表"),
    "sub": QT_TRANSLATE_NOOP("Labels", "分表"),
    "split": QT_TRANSLATE_NOOP("Labels", "挂机"),
    "cabinet": QT_TRANSLATE_NOOP("Labels", "柜机"),
    "electric": QT_TRANSLATE_NOOP("Labels", "电"),
    "gas": QT_TRANSLATE_NOOP("Labels", "燃气"),
    "solar": QT_TRANSLATE_NOOP("Labels", "太阳能"),
}

SURVEY_ITEM = {
    "shed": QT_TRANSLATE_NOOP("Labels", "简易棚"),
    "simple_shed": QT_TRANSLATE_NOOP("Labels", "简易棚"),
    "loft": QT_TRANSLATE_NOOP("Labels", "阁楼"),
    "stove": QT_TRANSLATE_NOOP("Labels", "灶台"),
    "well": QT_TRANSLATE_NOOP("Labels", "水井"),
    "fence_wall": QT_TRANSLATE_NOOP("Labels", "围墙"),
}

# Survey items measured in m² (the others are counted).
AREA_ITEMS = frozenset({"shed", "simple_shed", "loft", "fence_wall"})

DECORATION = {
    "simple": QT_TRANSLATE_NOOP("Labels", "简易装修"),
    "medium": QT_TRANSLATE_NOOP("Labels", "中档装修"),
    "fine": QT_TRANSLATE_NOOP("Labels", "精装修"),
}

# The next step on a household's way.
NEXT_ACTION = {
    "submit": QT_TRANSLATE_NOOP("Labels", "完成调查并提交复核"),
    "rework": QT_TRANSLATE_NOOP("Labels", "按复核意见修改后重新提交"),
    "review": QT_TRANSLATE_NOOP("Labels", "复核调查：通过或退回"),
    "calculate": QT_TRANSLATE_NOOP("Labels", "补偿测算"),
    "choose": QT_TRANSLATE_NOOP("Labels", "与住户商定安置方案，确认测算"),
    "print": QT_TRANSLATE_NOOP("Labels", "出具并打印协议"),
    "sign": QT_TRANSLATE_NOOP("Labels", "住户签字，登记签约"),
    "hand_over": QT_TRANSLATE_NOOP("Labels", "确认交房"),
    "done": QT_TRANSLATE_NOOP("Labels", "已全部办结"),
}

ORIGIN = {
    "field": QT_TRANSLATE_NOOP("Labels", "新增"),
    "confirmed": QT_TRANSLATE_NOOP("Labels", "新增已确认"),
}


def _label(table: dict[str, str], code: str | None) -> str:
    if not code:
        return ""
    source = table.get(code)
    return QCoreApplication.translate(CTX, source) if source else code


def status(code: str | None) -> str:
    return _label(STATUS, code)


def relation(code: str | None) -> str:
    return _label(RELATION, code)


def use(code: str | None) -> str:
    return _label(USE, code)


def legality(code: str | None) -> str:
    return _label(LEGALITY, code)


def sex(value: str | None) -> str:
    return _label(SEX, value)


def role(code: str | None) -> str:
    return _label(ROLE, str(code) if code is not None else None)


def willingness(code: str | None) -> str:
    return _label(WILLINGNESS, code)


def mode(code: str | None) -> str:
    return _label(MODE, code)


def owner_type(code: str | None) -> str:
    return _label(OWNER_TYPE, code)


def fixture(kind: str, sub_kind: str = "") -> str:
    """"空调 挂机"; the sub-kind is left out when there is none."""
    text = _label(FIXTURE_KIND, kind)
    return f"{text} {_label(FIXTURE_SUB_KIND, sub_kind)}" if sub_kind else text


def structure(code: str | None) -> str:
    return _label(STRUCTURE, code)


def decoration(code: str | None) -> str:
    return _label(DECORATION, code)


def survey_item(code: str) -> str:
    return _label(SURVEY_ITEM, code)


def stage(code: str) -> str:
    return _label(STAGE, code)


def next_action(code: str) -> str:
    return _label(NEXT_ACTION, code)


def origin(code: str | None) -> str:
    return _label(ORIGIN, code)


STATUS_CODES: tuple[str, ...] = tuple(STATUS)
