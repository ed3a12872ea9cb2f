"""Household workflow status and other closed vocabularies.

Codes (English, stable) are stored; Chinese labels here are for documents and the CLI.
The UI shows labels through Qt's translation system (survey_app/ui/labels.py).
"""

from __future__ import annotations

from enum import StrEnum


class HouseholdStatus(StrEnum):
    PENDING = "pending"
    SURVEYED = "surveyed"
    REVIEWED = "reviewed"
    CALCULATED = "calculated"
    SIGNED = "signed"
    HANDED_OVER = "handed_over"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    HouseholdStatus.PENDING: "待调查",
    HouseholdStatus.SURVEYED: "已调查",
    HouseholdStatus.REVIEWED: "已复核",
    HouseholdStatus.CALCULATED: "已测算",
    HouseholdStatus.SIGNED: "已签约",
    HouseholdStatus.HANDED_OVER: "已交房",
}

# The order households move through; a status may only advance to the next one
# (or be returned one step by a supervisor). Enforced in services (issue 4).
STATUS_ORDER: tuple[HouseholdStatus, ...] = tuple(HouseholdStatus)


class Use(StrEnum):
    RESIDENTIAL = "residential"
    COMMERCIAL = "commercial"
    OFFICE = "office"
    INDUSTRIAL = "industrial"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {"residential": "住宅", "commercial": "商业", "office": "办公",
                "industrial": "工业", "other": "其他"}[self.value]


class Legality(StrEnum):
    REGISTERED = "registered"
    FOUND_LEGAL = "found_legal"
    ILLEGAL = "illegal"
    TEMPORARY = "temporary"

    @property
    def label(self) -> str:
        return {"registered": "已登记", "found_legal": "未登记认定合法", "illegal": "违法建筑",
                "temporary": "临时建筑"}[self.value]


class Mode(StrEnum):
    CASH = "cash"
    EXCHANGE = "exchange"
    VOUCHER = "voucher"

    @property
    def label(self) -> str:
        return {"cash": "货币补偿", "exchange": "产权调换", "voucher": "房票安置"}[self.value]


class AgreementStatus(StrEnum):
    DRAFT = "draft"
    PRINTED = "printed"
    SIGNED = "signed"
    VOID = "void"


class CalculationStatus(StrEnum):
    CURRENT = "current"
    STALE = "stale"
    SUPERSEDED = "superseded"


class Relation(StrEnum):
    HEAD = "head"
    SPOUSE = "spouse"
    CHILD = "child"
    PARENT = "parent"
    GRANDCHILD = "grandchild"
    SIBLING = "sibling"
    CHILD_IN_LAW = "child_in_law"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {"head": "户主", "spouse": "配偶", "child": "子女", "parent": "父母", "grandchild": "孙子女",
                "sibling": "兄弟姐妹", "child_in_law": "儿媳/女婿", "other": "其他"}[self.value]


# Structure codes the policies price by, and their Chinese names on documents.
STRUCTURE_LABELS = {"reinforced_concrete": "钢混", "brick_concrete": "砖混", "brick_wood": "砖木", "simple": "简易"}
