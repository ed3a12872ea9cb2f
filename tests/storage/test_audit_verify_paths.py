"""`audit verify`'s fast paths (raw rows, one row encoder, events keyed by table) say what the plain ones said.

The row fingerprint every write records and the one verify recomputes are the same function: pinned here
against the frozen copy migrations use (adopt_v1) and the json.dumps formula, on every row of the demo
database and on awkward values. An event's ``at`` is hashed from its stored text where that is the
canonical form, and from the time the model reads where it is not, so a time stored in another spelling of
the same instant verifies as before, and a changed instant is still found.
"""

from __future__ import annotations

import json
import sqlite3

from survey_app.core.services.audit import audited_tables, verify_database
from survey_app.core.storage import audit_chain
from survey_app.core.storage.migrations import adopt_v1


def _dumps_hash(stored) -> str:
    import hashlib

    return hashlib.sha256(json.dumps(list(stored), ensure_ascii=False, separators=(",", ":")).encode()).hexdigest()


AWKWARD = [
    [None, 0, -1, 2**63 - 1, 10**30, 1.5, -0.0, 1e-7, 3.141592653589793, True, False],
    ["", "李四", "芙蓉区\"测试\"路\\1号", "tab\there\nnewline\r\x00\x1f\u2028", "emoji 🏠", "'"],
    ("a tuple", 1, None),
    [],
]


def test_row_hash_is_the_frozen_fingerprint_on_awkward_values() -> None:
    for stored in AWKWARD:
        assert audit_chain.row_hash(stored) == adopt_v1.row_hash(stored) == _dumps_hash(stored), stored


def test_row_hash_is_the_frozen_fingerprint_on_every_demo_row(demo_db, db_path) -> None:
    checked = 0
    with sqlite3.connect(db_path) as conn:
        for table in audited_tables():
            cols = ", ".join(f'"{c.name}"' for c in table.columns)
            for raw in conn.execute(f'SELECT {cols} FROM "{table.name}"'):
                assert audit_chain.row_hash(raw) == audit_chain.row_hash(list(raw)) == adopt_v1.row_hash(raw)
                checked += 1
    assert checked > 500


def _set_at(db_path, seq: int, sql_expr: str) -> None:
    with sqlite3.connect(db_path) as conn:
        conn.execute(f"UPDATE audit_events SET at = {sql_expr} WHERE seq = ?", (seq,))


def test_an_event_time_spelt_another_way_for_the_same_instant_still_verifies(demo_db, db_path) -> None:
    _set_at(db_path, 12, "replace(at, ' ', 'T')")  # what the model reads is the same time
    assert verify_database(demo_db).ok


def test_an_event_time_moved_is_found(demo_db, db_path) -> None:
    _set_at(db_path, 9, "substr(at, 1, 19)")  # the microseconds dropped: another instant
    _set_at(db_path, 30, "replace(at, '2', '1')")
    report = verify_database(demo_db)
    assert [p.seq for p in report.problems] == [9, 30]
    assert report.problems[0].message.startswith("审计事件 #9 被改动（哈希不符）")


def test_rows_deleted_from_two_tables_are_named_table_by_table_in_event_order(demo_db, db_path) -> None:
    with sqlite3.connect(db_path) as conn:
        conn.execute("DELETE FROM members WHERE rowid IN (SELECT rowid FROM members ORDER BY id DESC LIMIT 2)")
        conn.execute("DELETE FROM households WHERE rowid IN (SELECT rowid FROM households ORDER BY id LIMIT 2)")
    report = verify_database(demo_db)
    order = [t.name for t in audited_tables()]
    named = [(p.message.split()[0], p.seq) for p in report.problems]
    assert len(named) == 4 and all("在应用之外被删除" in p.message for p in report.problems)
    assert named == sorted(named, key=lambda t: (order.index(t[0]), t[1]))


def test_verify_stops_at_twenty_problems(demo_db, db_path) -> None:
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE members SET rev = rev + 1")
    report = verify_database(demo_db)
    assert len(report.problems) == 20
    assert all(p.message.startswith("members 记录 ") for p in report.problems)
