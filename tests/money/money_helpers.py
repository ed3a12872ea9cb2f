"""Helpers of the money tests (actors, the signed households, the project clock)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from survey_app.core.domain.roles import Role
from survey_app.core.storage.uow import Actor

WORKER = Actor(username="worker", role=Role.FIELD_WORKER, device="T01")
SUPERVISOR = Actor(username="reviewer", role=Role.SUPERVISOR, device="T01")
HQ = Actor(username="hq", role=Role.HQ_ADMIN, device="T01")
SIGN_DAY = dt.date(2023, 7, 1)
SIGNED = {"cash": "A2-0004", "voucher": "C1-0003", "exchange": "B2-0003"}


def agreement_of(db, code: str):
    """(household id, agreement number, net) of the signed household ``code``."""
    from survey_app.core.storage.models import Agreement, Household

    with db.read() as s:
        return s.execute(select(Household.id, Agreement.number, Agreement.net).join(
            Agreement, Agreement.household_id == Household.id).where(
            Household.household_code == code, Agreement.status == "signed")).one()


def set_today(monkeypatch: pytest.MonkeyPatch, day: dt.date) -> None:
    from survey_app.core.domain import china_time

    monkeypatch.setattr(china_time, "today", lambda: day)
