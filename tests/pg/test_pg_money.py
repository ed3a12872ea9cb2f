"""The money tests of tests/money — payments and the 台账's 已付金额 / 末次付款日期 / 交房日期 columns, the dashboard's
paid and grievance figures, 过渡期 and 过渡费, 房票 issue and use, 交房验收 — run again on PostgreSQL.

The same test functions (imported below, so collected here a second time) against the same signed project
(tests/money/conftest.py: the demo with three agreements signed on 2023-07-01 — cash A2-0004, voucher C1-0003,
exchange B2-0003), made on the server once per test process into a template database by the same service
calls, and copied by the server for each test.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, update

sys.path.insert(0, str(Path(__file__).parent.parent / "money"))  # money_helpers, as tests/money imports it

from money_helpers import SIGN_DAY, SIGNED, WORKER

from tests.money.test_handover_grievances import (  # noqa: F401
    test_a_field_worker_only_for_their_own_households,
    test_a_supervisor_records_the_handover_with_photos,
    test_grievance_input_is_checked,
    test_grievance_life_open_following_closed,
    test_handover_is_refused_before_signing,
)
from tests.money.test_money_reports import (  # noqa: F401
    test_dashboard_paid_vs_committed_and_grievances,
    test_ledger_shows_paid_last_payment_and_handover,
)
from tests.money.test_money_services import (  # noqa: F401
    test_a_cancelled_payment_frees_its_amount_but_not_its_number,
    test_amounts_are_exact_or_refused,
    test_cash_households_owe_no_transition_beyond_the_agreement,
    test_exchange_transition_owes_months_beyond_the_agreement,
    test_instalments_add_up_exactly_and_over_payment_is_refused,
    test_only_hq_records_payments,
    test_payment_details_are_checked,
    test_voucher_issue_use_and_expiry,
)

pytestmark = pytest.mark.postgres
MONEY = "survey_money_signed"


def sign_money_project(db) -> None:
    """tests/money/conftest.py's signed project, on any database: three agreements prepared, printed and signed
    through the services, then put on SIGN_DAY (the services stamp the real clock)."""
    from survey_app.core.services.agreements import lifecycle
    from survey_app.core.storage.models import Agreement, Household

    with db.read() as s:
        ids = {code: hid for code, hid in s.execute(select(Household.household_code, Household.id).where(
            Household.household_code.in_(SIGNED.values())))}
    for code in SIGNED.values():
        info = lifecycle.prepare(db, WORKER, ids[code])
        lifecycle.record_print(db, WORKER, info.id, 1)
        lifecycle.sign(db, WORKER, info.id, on=SIGN_DAY)
    with db.begin_write() as conn:
        conn.execute(update(Agreement).where(Agreement.status == "signed").values(
            signed_at=dt.datetime(2023, 7, 1, 2, 0, tzinfo=dt.UTC)))


@pytest.fixture(scope="module")
def pg_money(pg_server_running, pg_demo: str) -> str:
    """The template database holding the money tests' signed project (made once per test process)."""
    from survey_app.core.domain import china_time
    from survey_app.core.storage.database import Database

    pg_server_running.sql(f"DROP DATABASE IF EXISTS {MONEY}", f"CREATE DATABASE {MONEY} TEMPLATE {pg_demo}")
    db = Database(pg_server_running.url(MONEY))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(china_time, "today", lambda: SIGN_DAY)
        sign_money_project(db)
    db.dispose()  # no connection may stay open on a template
    return MONEY


@pytest.fixture
def signed_db(pg_server_running, pg_money: str) -> Iterator:
    """This test's own copy of the signed project on the server (overrides tests/money's SQLite one)."""
    from survey_app.core.storage.database import Database

    url = pg_server_running.copy_database(pg_money)
    db = Database(url)
    yield db
    db.dispose()
    pg_server_running.drop_database(url)


@pytest.fixture
def demo_db(pg_demo_db):
    """The demo project on the server (overrides tests/conftest.py's SQLite ``demo_db``)."""
    return pg_demo_db


def test_the_signed_project_is_on_postgresql(signed_db) -> None:
    """What every test above runs on: the server's database, holding the three signed agreements."""
    from survey_app.core.storage.models import Agreement

    assert signed_db.engine.dialect.name == "postgresql"
    with signed_db.read() as s:
        assert len(s.scalars(select(Agreement.id).where(Agreement.status == "signed")).all()) == len(SIGNED)
