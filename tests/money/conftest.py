"""A small signed project for the money, handover and grievance tests: the demo (60 households, seed 3) with
three agreements signed through the real services on 2023-07-01 — one cash (A2-0004), one voucher
(C1-0003), one exchange with a ready flat (B2-0003) — made once per run and copied per test."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from money_helpers import SIGN_DAY, SIGNED, WORKER
from sqlalchemy import select, update


def _make(template: Path, path: Path) -> None:
    from survey_app.core.services.agreements import lifecycle
    from survey_app.core.storage.database import Database
    from survey_app.core.storage.models import Agreement, Household

    shutil.copyfile(template, path)
    db = Database(path)
    with db.read() as s:
        ids = {code: hid for code, hid in s.execute(select(Household.household_code, Household.id).where(
            Household.household_code.in_(SIGNED.values())))}
    for code in SIGNED.values():
        info = lifecycle.prepare(db, WORKER, ids[code])
        lifecycle.record_print(db, WORKER, info.id, 1)
        lifecycle.sign(db, WORKER, info.id, on=SIGN_DAY)
    with db.begin_write() as conn:  # the services stamp the real clock: put the signings on SIGN_DAY
        conn.execute(update(Agreement).where(Agreement.status == "signed").values(
            signed_at=dt.datetime(2023, 7, 1, 2, 0, tzinfo=dt.UTC)))
    db.dispose()


@pytest.fixture(scope="session")
def _money_template(_demo_template: Path, shared_templates) -> Path:
    from survey_app.core.domain import china_time

    def make(path: Path) -> None:
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(china_time, "today", lambda: SIGN_DAY)
            _make(_demo_template, path)

    return shared_templates("money-signed.sqlite3", make)


@pytest.fixture
def signed_db(_money_template: Path, tmp_path: Path):
    from survey_app.core.storage.database import Database

    path = tmp_path / "signed.sqlite3"
    shutil.copyfile(_money_template, path)
    database = Database(path)
    yield database
    database.dispose()

