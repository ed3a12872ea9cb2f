"""A survey change after a calculation makes that calculation stale (DESIGN.md §4, issue 3 item 7).

Called from the unit of work's before_flush, so the calculation is marked in the same
transaction (and audit chain) as the change that outdated it. A stale calculation is never
edited: recalculating supersedes it.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from survey_app.core.storage.models import (
    Appraisal,
    BuildingPart,
    Business,
    Calculation,
    Fixture,
    Household,
    Member,
    SurveyItem,
    Tenure,
)

SURVEY_CHILDREN = (Member, Tenure, BuildingPart, Fixture, SurveyItem, Business, Appraisal)
# Household fields that feed the engine (the rest are workflow or display: status, notes …)
HOUSEHOLD_INPUT_FIELDS = frozenset({"household_code", "head_name", "delivery", "flat_choices", "owner_type", "deleted_at"})


def mark_stale(session: Session, new: Any, dirty: Any) -> None:
    households: set[uuid.UUID] = set()
    for obj in list(new) + list(dirty):
        if isinstance(obj, SURVEY_CHILDREN):
            if obj in new or session.is_modified(obj, include_collections=False):
                households.add(obj.household_id)
        elif isinstance(obj, Household) and obj not in new and _input_changed(session, obj):
            households.add(obj.id)
    if not households:
        return
    with session.no_autoflush:
        stmt = select(Calculation).where(Calculation.household_id.in_(households), Calculation.status == "current")
        for calc in session.scalars(stmt):
            calc.status = "stale"


def _input_changed(session: Session, obj: Household) -> bool:
    from sqlalchemy import inspect

    state = inspect(obj)
    return any(state.attrs[k].history.has_changes() for k in HOUSEHOLD_INPUT_FIELDS)
