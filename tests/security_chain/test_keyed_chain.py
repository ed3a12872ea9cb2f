"""The keyed audit chain: a history rewritten and re-hashed with the sqlite3 shell no longer passes."""

from __future__ import annotations

import os
import sqlite3

import pytest
from chain_helpers import KEY, fix_row_hash, rehash_chain

from survey_app.core.domain.errors import ValidationError
from survey_app.core.services.audit import adopt_audit_key, verify_database
from survey_app.core.storage import audit_chain
from survey_app.core.storage.database import Database


def _macs(path) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT hash, mac FROM audit_events ORDER BY seq").fetchall()


def test_every_writer_keys_its_events(keyed_db, keyed_path, admin) -> None:
    from survey_app.core.storage.models import Household

    with keyed_db.uow(admin) as uow:  # the unit of work (the demo wrote through the bulk writer)
        h = uow.session.query(Household).first()
        h.phone = "13800000000"
        uow.commit()
    rows = _macs(keyed_path)
    assert len(rows) > 100
    assert all(mac == audit_chain.event_mac(KEY, h) and len(mac) == 64 for h, mac in rows)
    report = verify_database(keyed_db)
    assert report.ok and report.keyed and not report.notes, report.problems


def test_a_rewritten_and_rehashed_history_is_caught_with_the_key(keyed_db, keyed_path) -> None:
    # the household's area goes up, its last event takes the new fingerprint, every hash is recomputed
    fix = "UPDATE building_parts SET area = area + 100 WHERE rowid = 3"
    with sqlite3.connect(keyed_path) as conn:
        conn.execute(fix)
    fix_row_hash(keyed_path, "building_parts", "rowid = 3")
    rehash_chain(keyed_path)
    keyed_db.dispose()
    unkeyed = Database(keyed_path)  # without the key: the rewrite passes the sha256 chain, as before
    try:
        plain = verify_database(unkeyed)
    finally:
        unkeyed.dispose()
    assert plain.ok and audit_chain.NEEDS_LOGIN in plain.notes
    db = Database(keyed_path, audit_key=KEY)
    try:
        report = verify_database(db)
    finally:
        db.dispose()
    assert not report.ok
    assert any("的密钥校验失败：记录可能在应用之外被改写" in p.message for p in report.problems)
    first = report.problems[0]
    assert first.message == audit_chain.KEY_FAILED.format(seq=first.seq)


@pytest.mark.parametrize("sql", [
    "UPDATE audit_events SET user = 'mallory' WHERE seq = 5",  # who did it
    "DELETE FROM audit_events WHERE seq = 7",  # a dropped event, the rest renumbered
    "UPDATE audit_events SET mac = '' WHERE seq = 9",  # a MAC removed
])
def test_event_rewrites_are_caught(keyed_db, keyed_path, sql: str) -> None:
    rehash_chain(keyed_path, sql)
    report = verify_database(keyed_db)
    assert not report.ok
    assert any(p.message.endswith("的密钥校验失败：记录可能在应用之外被改写") for p in report.problems)


def test_a_keyed_database_without_the_key_says_the_check_needs_login(keyed_path) -> None:
    db = Database(keyed_path)
    try:
        report = verify_database(db)
    finally:
        db.dispose()
    assert report.ok and not report.keyed and report.notes == [audit_chain.NEEDS_LOGIN]


def test_cli_names_the_key_failure_and_the_missing_login(keyed_path, cli) -> None:
    rehash_chain(keyed_path, "UPDATE audit_events SET device = 'X9' WHERE seq = 3")
    run = cli("--db", keyed_path, "audit", "verify", env={"SURVEY_APP_DATA": os.environ["SURVEY_APP_DATA"]})
    # the CLI opened it without a key: the sha256 chain passes, and it says the keyed check needs login
    assert run.returncode == 0, run.stderr
    assert "需要登录" in run.stdout


def test_an_unkeyed_history_is_adopted_only_when_it_verifies(demo_db, db_path) -> None:
    demo_db.dispose()
    db = Database(db_path, audit_key=KEY)
    try:
        before = verify_database(db)  # a history from before the vault: every MAC missing
        assert not before.ok and before.problems[0].message == audit_chain.KEY_FAILED.format(seq=1)
        assert adopt_audit_key(db) > 500
        assert verify_database(db).ok
        with sqlite3.connect(db_path) as conn:  # a later rewrite is caught
            conn.execute("UPDATE audit_events SET mac = '' WHERE seq = 11")
        assert verify_database(db).problems[0].message == audit_chain.KEY_FAILED.format(seq=11)
    finally:
        db.dispose()


def test_a_broken_history_is_never_adopted(demo_db, db_path) -> None:
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE audit_events SET user = 'mallory' WHERE seq = 40")
    demo_db.dispose()
    db = Database(db_path, audit_key=KEY)
    try:
        with pytest.raises(ValidationError, match="审计链校验未通过"):
            adopt_audit_key(db)
        with sqlite3.connect(db_path) as conn:
            assert conn.execute("SELECT count(*) FROM audit_events WHERE mac != ''").fetchone()[0] == 0
    finally:
        db.dispose()
