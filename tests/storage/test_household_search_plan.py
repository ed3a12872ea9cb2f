"""The list's search stays on the covering index ``ix_households_list`` (already in code order, so a page
stops at its last match) whatever other indexes on households SQLite could pick: migration 0009's
``ix_households_progress`` (deleted_at, …) made the planner read every household and sort them."""

from __future__ import annotations

import pytest

from survey_app.core.services import households as hh


def _plan(db, stmt) -> list[str]:
    compiled = stmt.compile(dialect=db.engine.dialect)
    params = tuple(compiled.params[name] for name in compiled.positiontup)
    with db.engine.connect() as conn:
        return [row[-1] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}", params)]


@pytest.mark.parametrize("flt", [hh.HouseholdFilter(), hh.HouseholdFilter(text="z"),
                                 hh.HouseholdFilter(text="张"), hh.HouseholdFilter(text="13 z"),
                                 hh.HouseholdFilter(text="z", status="pending"),
                                 hh.HouseholdFilter(text="z", section="A")],
                         ids=["all", "letter", "hanzi", "two-words", "status", "section"])
def test_the_code_ordered_list_walks_the_covering_index_without_sorting(demo_db, flt) -> None:
    plan = _plan(demo_db, hh.search_statement(demo_db, flt).limit(301))
    assert any("COVERING INDEX ix_households_list" in step for step in plan), plan
    assert not any("TEMP B-TREE" in step for step in plan), plan


def test_the_count_reads_the_covering_index_not_the_table(demo_db) -> None:
    from sqlalchemy import and_, func, select

    from survey_app.core.storage.models import Household

    stmt = select(func.count()).select_from(Household).where(and_(*hh._where(hh.HouseholdFilter(text="zh"), demo_db)))
    plan = _plan(demo_db, stmt)
    assert any("COVERING INDEX" in step for step in plan), plan
