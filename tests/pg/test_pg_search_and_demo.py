"""Household search and demo creation on PostgreSQL: the same households as on SQLite for every kind of
word, the pg_trgm index serving the search, and the CLI keeping a database URL a URL."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import func, select, text

from survey_app.core.services import households as hh
from survey_app.core.storage import search_sql
from survey_app.core.storage.models import Household

pytestmark = pytest.mark.postgres


def _codes(db, words: str, sort: str = "code", code_of: dict | None = None) -> list[str]:
    """What the household list shows for ``words``: the codes, in display order (``code_of``: list key →
    code, read once, instead of fetching the rows each time)."""
    keys = hh.search_keys(db, hh.HouseholdFilter(text=words), sort=sort)
    if code_of is None:
        rows = hh.fetch_rows(db, keys)
        return [rows[k].household_code for k in keys]
    return [code_of[k] for k in keys]


def _code_of(db) -> dict:
    with db.engine.connect() as conn:
        return dict(conn.execute(select(hh.ROWKEY, Household.household_code)).all())


def _queries(db) -> list[str]:
    with db.read() as s:
        rows = s.scalars(select(Household).order_by(Household.household_code)).all()
    out: set[str] = set()
    for h in rows[::6]:
        for value in (h.household_code, h.head_name, h.name_pinyin, h.name_initials, h.head_id_number, h.phone,
                      h.address):
            out |= {value[:n] for n in (1, 2, 3, 5, len(value))} | {value[len(value) // 2:]}
    out |= {"张", "zh", "X", "芙蓉", "-", "zhang wei", "1 3 8", "%", "_", "1_3", '"', "'", "\\", "Zhang", "zzzzzz"}
    return sorted(q for q in out if q.strip())


def test_search_finds_the_same_households_as_on_sqlite(pg_demo_db, demo_db) -> None:
    # the same demo (60 households, seed 3) on both: SQLite answers through FTS5 or LIKE, PostgreSQL through
    # pg_trgm or LIKE; both must be exactly "search_key contains every word", in the same order
    queries = _queries(demo_db)
    assert len(queries) > 200
    on_sqlite, on_pg = _code_of(demo_db), _code_of(pg_demo_db)
    found = 0
    for q in queries:
        want = _codes(demo_db, q, code_of=on_sqlite)
        assert _codes(pg_demo_db, q, code_of=on_pg) == want, q
        found += bool(want)
    assert found > 150  # most queries find someone: the comparison is not between empty lists
    assert _codes(pg_demo_db, "", sort="name") == _codes(demo_db, "", sort="name")  # fetch_rows too
    assert hh.count_matching(pg_demo_db, hh.HouseholdFilter(text="a1")) == len(_codes(demo_db, "a1"))


def test_the_search_condition_is_one_the_trigram_index_answers(pg_demo_db) -> None:
    # Whether the planner picks the index depends on the table's size (at 200+ households it does, at 60 it
    # reads the two pages); what must hold is that the index can answer search_sql's condition as written
    # (operator, ESCAPE, collation): with plain scans off, the only way left is the pg_trgm index.
    stmt = select(Household.household_code).where(search_sql.term_matches(pg_demo_db, "zhang"))
    compiled = stmt.compile(pg_demo_db.engine)
    with pg_demo_db.engine.connect() as conn:
        for setting in ("enable_seqscan", "enable_indexscan", "enable_indexonlyscan"):
            conn.execute(text(f"SET {setting} = off"))
        plan = "\n".join(r[0] for r in conn.exec_driver_sql("EXPLAIN " + str(compiled), compiled.params))
    assert "Bitmap Index Scan on ix_households_search_trgm" in plan and "~~ '%zhang%'" in plan, plan
    assert "Seq Scan" not in plan, plan


def test_new_and_changed_households_are_found_at_once(pg_demo_db, admin) -> None:
    with pg_demo_db.uow(admin) as uow:
        h = uow.session.scalars(select(Household).order_by(Household.household_code)).first()
        h.head_name = "欧阳娜娜"
        uow.commit()
    assert _codes(pg_demo_db, "ouyang") == [h.household_code]
    assert _codes(pg_demo_db, "欧阳娜") == [h.household_code]


def test_cli_demo_and_audit_verify_on_a_postgresql_url(pg_url, pg_server_running, tmp_path, cli) -> None:
    """The CLI in this process (tests/conftest.py ``cli``: the same parser, handlers and exit codes as a real
    ``python -m survey_app``, without two interpreter start-ups and the production key-derivation costs)."""
    from survey_app.core.storage.database import Database

    data = {"SURVEY_APP_DATA": os.environ["SURVEY_APP_DATA"]}  # the test's own data folder (tests/conftest.py)
    # 24 households (seed 1): every section, and signed, calculated and handed-over ones in the audit chain it
    # verifies; not the 60 of the demo template, so a copy of that could not pass for it (80 cost ~3× the CPU)
    made = cli("--db", pg_url, "demo", "--households", "24", "--quiet", env=data, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert list(tmp_path.iterdir()) == []  # a URL stays a URL: no local file named after it
    checked = cli("--db", pg_url, "audit", "verify", env=data, cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert "审计链完整" in checked.stdout
    db = Database(pg_url)
    try:
        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(Household)) == 24
        assert len(_codes(db, "a1")) > 0
    finally:
        db.dispose()
