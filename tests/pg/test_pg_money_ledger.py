"""The 台账 preview on PostgreSQL: the block-by-block rows, the 合计 and the filtered export
(tests/reports/test_ledger_view.py), and HQ's 台账 tab itself (tests/reports/test_ledger_page.py: its money cells
against the exported file), run again on the server against the reports' signed project (tests/pg/test_pg_reports.py
makes it there; its fixtures are reused here)."""

from __future__ import annotations

import pytest

from tests.pg.test_pg_reports import signed_db  # noqa: F401 - the signed project, on the server
from tests.reports.test_ledger_page import (  # noqa: F401
    page,
    runner,
    test_code_and_head_stay_in_sight_when_the_money_scrolls_in,
    test_double_click_asks_for_that_household,
    test_filters_narrow_the_rows_the_totals_and_the_export,
    test_the_view_shows_the_exported_files_figures,
)
from tests.reports.test_ledger_view import (  # noqa: F401
    test_a_deleted_household_drops_out_of_keys_rows_and_totals,
    test_a_filtered_export_holds_exactly_the_filtered_households,
    test_rows_by_key_are_the_files_rows_in_its_order,
    test_totals_are_the_files_totals_row,
)

pytestmark = pytest.mark.postgres


def test_the_ledger_reads_the_server(signed_db) -> None:  # noqa: F811 - the fixture imported above
    from survey_app.core.services.reports.ledger_view import ledger_keys, ledger_rows_for

    assert signed_db.engine.dialect.name == "postgresql"
    keys = ledger_keys(signed_db)
    assert len(keys) == 60 and len(ledger_rows_for(signed_db, keys)) == 60
