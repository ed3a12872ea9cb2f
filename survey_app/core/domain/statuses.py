"""Household workflow status and other closed vocabularies.

Codes (English, stable) are stored; their Chinese labels come from the one vocabulary
(core/domain/vocabulary.py), for documents and the CLI. The UI shows the same labels through Qt's
translation system (survey_app/ui/labels.py).
"""

from __future__ import annotations

from enum import StrEnum

from survey_app.core.domain import vocabulary


class HouseholdStatus(StrEnum):
    PENDING = "pending"
    SURVEYED = "surveyed"
    REVIEWED = "reviewed"
    CALCULATED = "calculated"
    SIGNED = "signed"
    HANDED_OVER = "handed_over"

    @property
    def label(self) -> str:
        return vocabulary.HOUSEHOLD_STATUS[self.value]


# The order households move through; which moves are allowed is one table (core/domain/transitions.py).
STATUS_ORDER: tuple[HouseholdStatus, ...] = tuple(HouseholdStatus)


class Use(StrEnum):
    RESIDENTIAL = "residential"
    COMMERCIAL = "commercial"
    OFFICE = "office"
    INDUSTRIAL = "industrial"
    OTHER = "other"

    @property
    def label(self) -> str:
        return vocabulary.USE[self.value]


class Legality(StrEnum):
    REGISTERED = "registered"
    FOUND_LEGAL = "found_legal"
    ILLEGAL = "illegal"
    TEMPORARY = "temporary"

    @property
    def label(self) -> str:
        return vocabulary.LEGALITY[self.value]


class Mode(StrEnum):
    CASH = "cash"
    EXCHANGE = "exchange"
    VOUCHER = "voucher"

    @property
    def label(self) -> str:
        return vocabulary.MODE[self.value]


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
        return vocabulary.RELATION[self.value]


# Structure codes the policies price by, and their Chinese names on documents.
STRUCTURE_LABELS = vocabulary.STRUCTURE
