"""A small signed project for the report tests: the demo (60 households, seed 3) with real agreements.

Made once per run from the demo template, through the real services: four 已测算 households get
their agreement prepared, printed and signed (mode as each chose), one of them is then voided and issued
again; one more stays printed. Signing dates are then set to known days (the services stamp the real
clock) so the trend and the monthly report have fixed days; two grievances (one open) are added; the
project gets a 60 % target and a signing window that ended on 2023-08-31.
"""

from __future__ import annotations

import datetime as dt
import shutil
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select, update

from survey_app.core.domain.roles import Role
from survey_app.core.storage.uow import Actor

WORKER = Actor(username="worker", role=Role.FIELD_WORKER, device="T01")
HQ = Actor(username="hq", role=Role.HQ_ADMIN, device="T01")
SIGN_DAY = dt.date(2023, 7, 1)
UTC = dt.UTC
# (household index among the 已测算 ones in 户号 order, signed_at UTC): 2023-06-30 20:00 UTC is 07-01 in China.
SIGNED_AT = [dt.datetime(2023, 6, 30, 20, 0, tzinfo=UTC), dt.datetime(2023, 7, 1, 3, 0, tzinfo=UTC),
             dt.datetime(2023, 6, 10, 2, 0, tzinfo=UTC), dt.datetime(2023, 5, 20, 2, 0, tzinfo=UTC)]


def _make(template: Path, path: Path) -> None:
    from survey_app.core.storage.database import Database

    shutil.copyfile(template, path)
    db = Database(path)
    sign_fixture_project(db)
    db.dispose()


def sign_fixture_project(db) -> None:
    """Turn a copy of the demo (60 households, seed 3) into the signed project (module docstring); SQLite or
    PostgreSQL (tests/pg/test_pg_reports.py). Call with china_time.today patched to SIGN_DAY."""
    from survey_app.core.services.agreements import lifecycle
    from survey_app.core.storage.models import Agreement, Grievance, Household, Project

    with db.read() as s:
        ready = list(s.scalars(select(Household).where(Household.status == "calculated", Household.chosen_option != "")
                               .order_by(Household.household_code)))
    signed = []
    for h in ready[:4]:
        info = lifecycle.prepare(db, WORKER, h.id)
        lifecycle.record_print(db, WORKER, info.id, 1)
        signed.append(lifecycle.sign(db, WORKER, info.id, on=SIGN_DAY))
    printed = lifecycle.prepare(db, WORKER, ready[4].id)
    lifecycle.record_print(db, WORKER, printed.id, 1)
    # The third signing is voided (HQ) and issued again: only the new one counts as signed.
    lifecycle.void(db, HQ, signed[2].id, "金额有误，重新出具")
    again = lifecycle.prepare(db, WORKER, ready[2].id)
    lifecycle.record_print(db, WORKER, again.id, 1)
    signed[2] = lifecycle.sign(db, WORKER, again.id, on=SIGN_DAY)
    with db.begin_write() as conn:
        for info, when in zip(signed, SIGNED_AT):
            conn.execute(update(Agreement).where(Agreement.id == uuid.UUID(str(info.id))).values(signed_at=when))
        conn.execute(update(Agreement).where(Agreement.status == "void").values(
            signed_at=dt.datetime(2023, 6, 5, 2, 0, tzinfo=UTC), voided_at=dt.datetime(2023, 6, 8, 2, 0, tzinfo=UTC)))
        conn.execute(update(Project).values(cash_target_pct=60, signing_end=dt.date(2023, 8, 31)))
        hids = [h.id for h in ready]
        for hid, status in ((hids[0], "open"), (hids[5], "resolved")):
            conn.execute(Grievance.__table__.insert().values(
                id=uuid.uuid4(), rev=1, created_at=SIGNED_AT[0], updated_at=SIGNED_AT[0], updated_by="hq",
                origin_device="T01", household_id=hid, kind="dispute", summary="面积争议", detail="",
                raised_at=SIGNED_AT[0], status=status, resolution=""))


def q(db, sql: str, *args) -> list[tuple]:
    """Plain SQL (``?`` placeholders, SQL both dialects speak) on the database itself, rows in stored form:
    ids as 32 hex digits, money as integer fen (storage/pg.py reads PostgreSQL's back the same way)."""
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(sql, tuple(args)).all()]


@pytest.fixture(scope="session")
def _signed_template(_demo_template: Path, shared_templates) -> Path:
    from survey_app.core.domain import china_time

    def make(path: Path) -> None:
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(china_time, "today", lambda: SIGN_DAY)
            _make(_demo_template, path)

    return shared_templates("reports-signed.sqlite3", make)


@pytest.fixture
def signed_db(_signed_template: Path, tmp_path: Path):
    """A fresh copy of the signed project (see the module docstring)."""
    from survey_app.core.storage.database import Database

    path = tmp_path / "signed.sqlite3"
    shutil.copyfile(_signed_template, path)
    database = Database(path)
    yield database
    database.dispose()
