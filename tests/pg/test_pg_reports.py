"""The dashboard-figure and Excel (台账, 月报) tests of tests/reports, run again on PostgreSQL.

The same test functions (imported below, so collected here a second time) against the same signed project,
made on the server: the PostgreSQL demo template (60 households, seed 3) signed by the same steps
(tests/reports/conftest.py ``sign_fixture_project``) once per test process into a template database
(tests/pg/conftest.py ``pg_signed``), and copied by the server for each test. The tests' plain SQL is written for both dialects (``q``).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.reports.test_dashboard_deleted import test_a_deleted_household_drops_out_of_every_figure  # noqa: F401
from tests.reports.test_dashboard_figures import (  # noqa: F401
    test_an_empty_project_has_no_rates,
    test_every_figure_counts_the_households_its_click_lists,
    test_grievances_and_overdue,
    test_money_by_mode_and_by_item_match_plain_sql,
    test_progress_per_section_and_worker_match_plain_sql,
    test_status_signed_and_cash_rate_match_plain_sql,
    test_trend_days_are_china_days,
    test_voiding_a_signed_agreement_updates_every_money_figure,
)
from tests.reports.test_excel import (  # noqa: F401
    test_a_bad_month_is_refused_in_chinese,
    test_cancelled_ledger_leaves_no_file,
    test_ledger_one_row_per_household_with_formats_frozen_header_and_totals,
    test_ledger_survives_names_xml_cannot_hold,
    test_monthly_report_july_counts_the_china_day,
    test_monthly_report_june_against_may,
)

pytestmark = pytest.mark.postgres


@pytest.fixture
def signed_db(pg_server_running, pg_signed: str) -> Iterator:
    """This test's own copy of the signed project on the server (overrides tests/reports' SQLite one)."""
    from survey_app.core.storage.database import Database

    url = pg_server_running.copy_database(pg_signed)
    db = Database(url)
    yield db
    db.dispose()
    pg_server_running.drop_database(url)


@pytest.fixture
def db(pg_db):
    """An empty migrated database on the server (overrides tests/conftest.py's SQLite ``db``)."""
    return pg_db
