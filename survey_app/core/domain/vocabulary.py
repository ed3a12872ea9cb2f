"""The closed vocabularies of the project, in one place: the stored code of each household status, building
use, legality, compensation mode, family relation, structure and workflow stage, with its Chinese label.

Codes (English, stable) are what the database, bundles and policies hold; the Chinese label is what the CLI,
the documents and the reports print. The UI shows the same Chinese through Qt's translation system
(ui/labels.py looks each label up in context ``Labels``), so the English build translates it: the marker
below is a plain function, but ``pyside6-lupdate`` reads ``QT_TRANSLATE_NOOP("Labels", …)`` calls in this
file (the Makefile's ``translations`` target lists it) and the English lives with the UI's
(resources/translations/fill_en.py, context ``Labels``). Dict order is the order a list offers them.

No Qt here (core never imports it). Read-only tables: safe from any thread.
"""

from __future__ import annotations

CONTEXT = "Labels"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate in ``context``; returns it unchanged (the Chinese is the source text)."""
    return text


# Household workflow status, in the order a household moves through them (domain/transitions.py says which
# moves are allowed).
HOUSEHOLD_STATUS: dict[str, str] = {
    "pending": QT_TRANSLATE_NOOP("Labels", "待调查"),
    "surveyed": QT_TRANSLATE_NOOP("Labels", "已调查"),
    "reviewed": QT_TRANSLATE_NOOP("Labels", "已复核"),
    "calculated": QT_TRANSLATE_NOOP("Labels", "已测算"),
    "signed": QT_TRANSLATE_NOOP("Labels", "已签约"),
    "handed_over": QT_TRANSLATE_NOOP("Labels", "已交房"),
}

# A building part's use (policies price by it).
USE: dict[str, str] = {
    "residential": QT_TRANSLATE_NOOP("Labels", "住宅"),
    "commercial": QT_TRANSLATE_NOOP("Labels", "商业"),
    "office": QT_TRANSLATE_NOOP("Labels", "办公"),
    "industrial": QT_TRANSLATE_NOOP("Labels", "工业"),
    "other": QT_TRANSLATE_NOOP("Labels", "其他"),
}

# A building part's legal standing (合法性).
LEGALITY: dict[str, str] = {
    "registered": QT_TRANSLATE_NOOP("Labels", "已登记"),
    "found_legal": QT_TRANSLATE_NOOP("Labels", "未登记认定合法"),
    "illegal": QT_TRANSLATE_NOOP("Labels", "违法建筑"),
    "temporary": QT_TRANSLATE_NOOP("Labels", "临时建筑"),
}

# Compensation modes (安置方式), in the canonical order every option list uses (compensation/options.py).
MODE: dict[str, str] = {
    "cash": QT_TRANSLATE_NOOP("Labels", "货币补偿"),
    "exchange": QT_TRANSLATE_NOOP("Labels", "产权调换"),
    "voucher": QT_TRANSLATE_NOOP("Labels", "房票安置"),
}
MODE_ORDER: tuple[str, ...] = tuple(MODE)

# How a 产权调换 flat is delivered (documents and policy wording; the editor words its choice its own way).
DELIVERY: dict[str, str] = {"ready": "现房", "future": "期房"}

# 被征收人类型: who owns the house (a policy item's ``when.owner_type`` may limit it to some of them).
OWNER_TYPE: dict[str, str] = {
    "individual": QT_TRANSLATE_NOOP("Labels", "个人"),
    "enterprise": QT_TRANSLATE_NOOP("Labels", "企业"),
    "public_body": QT_TRANSLATE_NOOP("Labels", "机关事业单位"),
    "collective": QT_TRANSLATE_NOOP("Labels", "集体"),
    "public_tenant": QT_TRANSLATE_NOOP("Labels", "公房承租人"),
}

# A family member's relation to the head of household.
RELATION: dict[str, str] = {
    "head": QT_TRANSLATE_NOOP("Labels", "户主"),
    "spouse": QT_TRANSLATE_NOOP("Labels", "配偶"),
    "child": QT_TRANSLATE_NOOP("Labels", "子女"),
    "parent": QT_TRANSLATE_NOOP("Labels", "父母"),
    "grandchild": QT_TRANSLATE_NOOP("Labels", "孙子女"),
    "sibling": QT_TRANSLATE_NOOP("Labels", "兄弟姐妹"),
    "child_in_law": QT_TRANSLATE_NOOP("Labels", "儿媳/女婿"),
    "other": QT_TRANSLATE_NOOP("Labels", "其他"),
}

# Structure codes the policies price by.
STRUCTURE: dict[str, str] = {
    "reinforced_concrete": QT_TRANSLATE_NOOP("Labels", "钢混"),
    "brick_concrete": QT_TRANSLATE_NOOP("Labels", "砖混"),
    "brick_wood": QT_TRANSLATE_NOOP("Labels", "砖木"),
    "simple": QT_TRANSLATE_NOOP("Labels", "简易"),
}

# The steps of a household's way (services/household_stage.py), in order.
STAGE: dict[str, str] = {
    "survey": QT_TRANSLATE_NOOP("Labels", "调查"),
    "review": QT_TRANSLATE_NOOP("Labels", "复核"),
    "calculation": QT_TRANSLATE_NOOP("Labels", "测算"),
    "agreement": QT_TRANSLATE_NOOP("Labels", "协议"),
    "signing": QT_TRANSLATE_NOOP("Labels", "签约"),
    "handover": QT_TRANSLATE_NOOP("Labels", "交房"),
}

TABLES: dict[str, dict[str, str]] = {
    "household_status": HOUSEHOLD_STATUS, "use": USE, "legality": LEGALITY, "mode": MODE, "relation": RELATION,
    "structure": STRUCTURE, "stage": STAGE, "delivery": DELIVERY, "owner_type": OWNER_TYPE,
}


def label(table: dict[str, str], code: str | None) -> str:
    """The Chinese label of ``code`` in ``table``; "" for no code, the code itself when it is unknown."""
    if not code:
        return ""
    return table.get(code, code)
