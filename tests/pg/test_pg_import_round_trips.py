"""The HQ import on PostgreSQL talks to the server per bundle, not per record (issue 14 item 6).

Round trips are counted with a ``before_cursor_execute`` listener on HQ's engine; the per-row
``UPDATE`` that psycopg's executemany sends one by one must not come back. The dialect helpers behind
it (storage/pg.py: ids as one array literal, rows overwritten through a scratch table) are checked with
ids that would break a naively built array literal.
"""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import event, func, select
from sync_setup import World
from test_pg_import import _hq_notes, _mine, _note

from survey_app.core.services.audit import verify_database
from survey_app.core.storage import pg
from survey_app.core.storage.models import AuditEvent, Household
from survey_app.core.sync.export import export_bundle
from survey_app.core.sync.importer import import_field_bundle

pytestmark = pytest.mark.postgres


def _import_counting(world: World, path) -> tuple:
    """Import ``path`` at HQ; (report, statements sent, executemany UPDATEs sent)."""
    seen: Counter = Counter()

    def count(conn, cursor, statement, parameters, context, executemany) -> None:
        seen["statements"] += 1
        if executemany and statement.lstrip().upper().startswith("UPDATE"):
            seen["row_updates"] += len(parameters)

    event.listen(world.hq.engine, "before_cursor_execute", count)
    try:
        report = import_field_bundle(world.hq, world.admin, world.hq_pair, path)
    finally:
        event.remove(world.hq.engine, "before_cursor_execute", count)
    return report, seen["statements"], seen["row_updates"]


def test_statements_per_bundle_do_not_grow_with_its_records(world: World) -> None:
    d1, d2 = world.devices
    few, many = _mine(d1, 2), _mine(d2, 6)
    for h in few:
        _note(d1, h, "两户")
    for h in many:
        _note(d2, h, "六户")
    small = _import_counting(world, export_bundle(d1.db, d1.pair, world.usb).path)
    large = _import_counting(world, export_bundle(d2.db, d2.pair, world.usb).path)
    assert (small[0].updated, large[0].updated) == (2, 6)
    assert small[0].conflicts == large[0].conflicts == 0
    assert small[2] == large[2] == 0  # no UPDATE per row: one UPDATE … FROM a scratch table
    assert small[1] == large[1]  # the same statements for 2 households as for 6
    want = {h.id: "两户" for h in few} | {h.id: "六户" for h in many}
    assert _hq_notes(world, list(want)) == want
    with world.hq.read() as s:
        assert s.scalar(select(func.count()).select_from(Household)) == 30
        seqs = s.scalars(select(AuditEvent.seq).order_by(AuditEvent.seq)).all()
    assert seqs == list(range(1, len(seqs) + 1))
    assert verify_database(world.hq).ok


ODD_IDS = ['a"b', "c\\d", "e,f", "{g}", "h i", "NULL", "", "普通"]


@pytest.fixture
def scratch(pg_db):
    with pg_db.begin_write() as conn:
        conn.exec_driver_sql("CREATE TABLE scratch (id text PRIMARY KEY, n integer, flag boolean, note text)")
        conn.exec_driver_sql("INSERT INTO scratch (id, n, flag, note) VALUES (?, ?, ?, ?)",
                             [(rid, k, k % 2, f"旧{k}") for k, rid in enumerate(ODD_IDS)])
    return pg_db


def test_rows_by_id_reads_exactly_the_ids_asked_for(scratch) -> None:
    cols = ["id", "n", "flag", "note"]
    with scratch.begin_write() as conn:
        got = pg.rows_by_id(conn, "scratch", cols, ODD_IDS[:4] + ["不存在", 'a"b,c\\d'])
        assert sorted(tuple(r) for r in got) == [('a"b', 0, False, "旧0"), ("c\\d", 1, True, "旧1"),
                                                 ("e,f", 2, False, "旧2"), ("{g}", 3, True, "旧3")]
        assert pg.rows_by_id(conn, "scratch", cols, []) == []
        assert [r[0] for r in pg.rows_by_id(conn, "scratch", cols, ["NULL", ""])] in (["NULL", ""], ["", "NULL"])


def test_update_rows_overwrites_by_key_and_nothing_else(scratch) -> None:
    with scratch.begin_write() as conn:
        pg.update_rows(conn, "scratch", ["id", "n", "flag", "note"],
                       [('a"b', 10, 1, "新"), ("e,f", 12, 1, None), ("不存在", 99, 0, "x")], key="id")
        pg.update_rows(conn, "scratch", ["id", "n", "flag", "note"], [("h i", 14, 0, "再")], key="id")  # twice
        rows = dict((r[0], tuple(r[1:])) for r in conn.exec_driver_sql("SELECT id, n, flag, note FROM scratch"))
    assert rows['a"b'] == (10, True, "新") and rows["e,f"] == (12, True, None) and rows["h i"] == (14, False, "再")
    assert rows["c\\d"] == (1, True, "旧1") and "不存在" not in rows and len(rows) == len(ODD_IDS)
