"""`audit verify` finds any edit made behind the app's back, with the sqlite3 shell or otherwise."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from survey_app.core.services.audit import verify_database


def _cli(db_path, *args: str) -> subprocess.CompletedProcess:  # noqa: ANN001
    return subprocess.run([sys.executable, "-m", "survey_app", "--db", str(db_path), *args],
                          capture_output=True, text=True)


def _tamper(db_path, sql: str) -> None:  # noqa: ANN001
    with sqlite3.connect(db_path) as conn:  # the way someone would with the sqlite3 shell
        conn.execute(sql)


def test_an_intact_database_verifies(demo_db) -> None:  # noqa: ANN001
    report = verify_database(demo_db)
    assert report.ok and report.events > 500 and report.events >= report.rows > 500


def test_cli_exit_codes(demo_db, db_path) -> None:  # noqa: ANN001
    ok = _cli(db_path, "audit", "verify")
    assert ok.returncode == 0, ok.stderr
    assert "审计链完整" in ok.stdout
    _tamper(db_path, "UPDATE building_parts SET area = area + 100 WHERE rowid = 3")
    bad = _cli(db_path, "audit", "verify")
    assert bad.returncode == 1
    assert "building_parts" in bad.stderr and "在应用之外被修改" in bad.stderr and "#" in bad.stderr


@pytest.mark.parametrize("sql, words", [
    ("UPDATE members SET name = '李四' WHERE rowid = 7", "members 记录"),
    ("UPDATE households SET status = 'signed' WHERE rowid = 2", "households 记录"),
    ("UPDATE audit_events SET user = 'mallory' WHERE seq = 40", "审计事件 #40 被改动"),
    ("UPDATE audit_events SET changes = '{}' || changes WHERE seq = 41", "审计事件 #41 被改动"),
    ("DELETE FROM audit_events WHERE seq = 42", "#42 至 #42 缺失"),
    ("DELETE FROM fixtures WHERE rowid = 1", "在应用之外被删除"),
    ("INSERT INTO local_settings (key, value) VALUES ('x', 'y')", None),  # local settings are not audited
])
def test_tampering_is_found_and_named(demo_db, db_path, sql: str, words: str | None) -> None:  # noqa: ANN001
    _tamper(db_path, sql)
    report = verify_database(demo_db)
    if words is None:
        assert report.ok
    else:
        assert not report.ok
        assert any(words in p.message for p in report.problems), report.problems


def test_a_row_inserted_outside_the_app_is_found(demo_db, db_path) -> None:  # noqa: ANN001
    _tamper(db_path, "INSERT INTO fixtures (id, household_id, kind, sub_kind, count, note, rev, created_at, "
                     "updated_at, updated_by, origin_device) SELECT 'ffffffffffffffffffffffffffffffff', "
                     "household_id, kind, sub_kind, 9, note, rev, created_at, updated_at, updated_by, "
                     "origin_device FROM fixtures WHERE rowid = 1")
    report = verify_database(demo_db)
    assert any("没有审计事件" in p.message for p in report.problems)


def test_changes_through_the_app_keep_the_chain_valid(demo_db, admin) -> None:  # noqa: ANN001
    from sqlalchemy import select

    from survey_app.core.storage.models import Member

    with demo_db.uow(admin) as uow:
        m = uow.session.scalars(select(Member).limit(1)).one()
        m.phone = "13900000000"
        uow.tombstone(uow.session.scalars(select(Member).offset(3).limit(1)).one())
        uow.commit()
    assert verify_database(demo_db).ok
