"""`audit verify` finds any edit made behind the app's back, with the sqlite3 shell or otherwise."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from survey_app.core.services.audit import verify_database


def _cli(db_path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "survey_app", "--db", str(db_path), *args],
                          capture_output=True, text=True)


def _tamper(db_path, sql: str) -> None:
    with sqlite3.connect(db_path) as conn:  # the way someone would with the sqlite3 shell
        conn.execute(sql)


def test_an_intact_database_verifies(demo_db) -> None:
    report = verify_database(demo_db)
    assert report.ok and report.events > 500 and report.events >= report.rows > 500


def test_cli_exit_codes(demo_db, db_path, capsys) -> None:
    from survey_app.cli import main

    assert main(["--db", str(db_path), "audit", "verify"]) == 0  # in this process; the refusal below in a real one
    out = capsys.readouterr()
    assert "审计链完整" in out.out, out.err
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
    # sync bookkeeping is audited too (survey_app/core/sync/ledger.py): a conflict slipped in is found
    ("INSERT INTO sync_issues (kind, entity, entity_id, device, bundle_seq, base_rev, local_rev, incoming_rev, "
     "local_json, incoming_json, message, status, created_at, decided_by) VALUES ('conflict', 'households', 'x', "
     "'D01', 1, 0, 0, 0, '', '', '', 'open', '2026-12-01 00:00:00.000000', '')", "sync_issues 记录 1 没有审计事件"),
])
def test_tampering_is_found_and_named(demo_db, db_path, sql: str, words: str | None) -> None:
    _tamper(db_path, sql)
    report = verify_database(demo_db)
    if words is None:
        assert report.ok
    else:
        assert not report.ok
        assert any(words in p.message for p in report.problems), report.problems


def test_a_row_inserted_outside_the_app_is_found(demo_db, db_path) -> None:
    _tamper(db_path, "INSERT INTO fixtures (id, household_id, kind, sub_kind, count, note, rev, created_at, "
                     "updated_at, updated_by, origin_device) SELECT 'ffffffffffffffffffffffffffffffff', "
                     "household_id, kind, sub_kind, 9, note, rev, created_at, updated_at, updated_by, "
                     "origin_device FROM fixtures WHERE rowid = 1")
    report = verify_database(demo_db)
    assert any("没有审计事件" in p.message for p in report.problems)


def test_changes_through_the_app_keep_the_chain_valid(demo_db, admin) -> None:
    from sqlalchemy import select

    from survey_app.core.storage.models import Member

    with demo_db.uow(admin) as uow:
        m = uow.session.scalars(select(Member).limit(1)).one()
        m.phone = "13900000000"
        uow.tombstone(uow.session.scalars(select(Member).offset(3).limit(1)).one())
        uow.commit()
    assert verify_database(demo_db).ok


def _ledger_issue(db) -> None:
    from survey_app.core.storage.models import SyncIssue
    from survey_app.core.storage.types import utcnow
    from survey_app.core.sync import ledger

    with db.begin_write() as conn:
        since = ledger.high_water(conn)
        conn.execute(SyncIssue.__table__.insert(), [dict(
            kind="conflict", entity="households", entity_id="ab" * 16, device="D01", message="", status="open",
            created_at=utcnow(), local_json="{}", incoming_json="{}")])
        assert ledger.record_new_rows(conn, since, user="system", device="HQ") == 1


@pytest.mark.parametrize("sql, words", [
    ("DELETE FROM sync_issues", "sync_issues 记录 1 在应用之外被删除"),
    ("UPDATE sync_issues SET status = 'kept_local'", "sync_issues 记录 1 在应用之外被修改"),
])
def test_an_open_conflict_hidden_behind_the_app_is_found(demo_db, db_path, sql: str, words: str) -> None:
    _ledger_issue(demo_db)
    assert verify_database(demo_db).ok
    _tamper(db_path, sql)
    assert any(words in p.message for p in verify_database(demo_db).problems)


def test_deciding_a_conflict_through_the_app_keeps_the_chain_valid(demo_db, admin) -> None:
    from survey_app.core.sync.issues import resolve

    _ledger_issue(demo_db)
    resolve(demo_db, admin, 1, take_incoming=False)
    assert verify_database(demo_db).ok


def test_sync_rows_from_before_revision_0006_are_adopted(db_path) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    from survey_app.core.storage import migrations
    from survey_app.core.storage.database import Database

    engine = create_engine(f"sqlite:///{db_path}")
    command.upgrade(migrations.alembic_config(engine), "0005_search_index")
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO imported_bundles (device, kind, seq, body_sha256, imported_at, records, "
                             "conflicts, summary) VALUES ('D01', 'field', 1, 'x', '2026-12-01 00:00:00.000000', 0, 0, "
                             "'{}')")
    engine.dispose()
    db = Database(db_path)  # upgraded at open
    try:
        assert verify_database(db).ok
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM audit_events WHERE action = 'adopt'").scalar() == 1
    finally:
        db.dispose()
