"""A project written by an older version still passes ``audit verify`` after the upgrade (issues 10, 15 item 5).

The fixtures (tests/fixtures/README.md) were written by the code of older commits: at 0007 (before 0008's
columns) and at 0010 (before 0012's). They are upgraded here the way the app upgrades a file it opens
(``Database(path)``: the pre-migration copy, then Alembic to HEAD). Migrations that add columns to audited
tables adopt the rows they change (0012, 0013 via migrations/adopt_v1.py) — but never a row changed by hand
in the old file: verify still names it.
"""

from __future__ import annotations

import collections
import shutil
import sqlite3
from pathlib import Path

import pytest

from survey_app.core.services.audit import verify_database
from survey_app.core.storage import audit_chain, migrations
from survey_app.core.storage.backup_copy import pre_migration_path
from survey_app.core.storage.database import Database

FIXTURES = Path(__file__).parent.parent / "fixtures"
V07, V10 = "db_v0_7.sqlite3", "db_v0_10.sqlite3"
REVISION = {V07: "0007_policy_immutable", V10: "0010_money_and_moving"}
EVENTS = 747  # the fixtures' own chains
KEY = bytes(range(32))


def _copy(name: str, folder: Path) -> Path:
    path = folder / name
    shutil.copyfile(FIXTURES / name, path)
    return path


def _sql(path: Path, *statements: str) -> None:
    """Change the file as the sqlite3 shell would (no app, no audit event)."""
    conn = sqlite3.connect(path)
    with conn:
        for statement in statements:
            conn.execute(statement)
    conn.close()


def _one(path: Path, query: str) -> object:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(query).fetchone()[0]
    finally:
        conn.close()


def _upgraded(path: Path, audit_key: bytes | None = None) -> tuple[Database, audit_chain.VerifyReport]:
    db = Database(path, audit_key=audit_key)  # the app's own upgrade on open
    assert migrations.current_revision(db.engine) == migrations.HEAD
    return db, verify_database(db)


def _adopted(db: Database) -> collections.Counter:
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT entity, user FROM audit_events WHERE action = 'adopt' AND seq > ?",
                                    (EVENTS,)).all()
    assert {user for _, user in rows} <= {"system"}
    return collections.Counter(entity for entity, _ in rows)


@pytest.mark.parametrize("name, adopted", [
    # appraisals: adopted by 0013 (V07) and again by 0014, which added decoration_unit_price; households
    # likewise by 0012/0013 and again by 0015, which added flat_choices
    (V07, {"households": 60, "building_parts": 47, "appraisals": 50, "users": 3, "projects": 1, "devices": 1,
           "grievances": 1, "vouchers": 1, "attachments": 1}),
    (V10, {"households": 60, "building_parts": 47, "appraisals": 25}),
])
def test_an_older_project_verifies_after_the_upgrade(tmp_path: Path, name: str, adopted: dict) -> None:
    path = _copy(name, tmp_path)
    assert _one(path, "SELECT version_num FROM alembic_version") == REVISION[name]
    db, report = _upgraded(path)
    try:
        assert report.ok, [p.message for p in report.problems]
        assert report.events == EVENTS + sum(adopted.values()) and report.rows == 739
        assert _adopted(db) == adopted  # one adopt event per row whose fingerprint the upgrade changed
    finally:
        db.dispose()
    old = pre_migration_path(path, REVISION[name])  # the way back to the old build
    assert _one(old, "SELECT version_num FROM alembic_version") == REVISION[name]
    assert _one(old, "SELECT count(*) FROM audit_events") == EVENTS


def _problems(report: audit_chain.VerifyReport) -> list[str]:
    return sorted(p.message for p in report.problems)


def test_rows_changed_by_hand_in_the_0007_file_are_still_reported(tmp_path: Path) -> None:
    path = _copy(V07, tmp_path)
    household = _one(path, "SELECT id FROM households WHERE household_code = 'A1-0003'")
    voucher = _one(path, "SELECT id FROM vouchers")
    user = _one(path, "SELECT id FROM users WHERE username = 'worker'")
    _sql(path, f"UPDATE households SET phone = '13911112222' WHERE id = '{household}'",
         f"UPDATE vouchers SET face_value = face_value + 100 WHERE id = '{voucher}'",  # one yuan, in fen
         f"UPDATE users SET role = 'hq_admin' WHERE id = '{user}'")
    db, report = _upgraded(path)
    try:
        assert _problems(report) == sorted(
            f"{table} 记录 {rid} 在应用之外被修改（最后一次合法修改为审计事件 #{seq}）"
            for table, rid, seq in (("households", household, _last_seq(db, household)),
                                    ("vouchers", voucher, _last_seq(db, voucher)),
                                    ("users", user, _last_seq(db, user))))
        adopted = _adopted(db)
        assert adopted["households"] == 58 and adopted["vouchers"] == 0 and adopted["users"] == 2
    finally:
        db.dispose()


def _last_seq(db: Database, rid: str) -> int:
    with db.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT max(seq) FROM audit_events WHERE entity_id = ?", (rid,)).scalar()


def test_rows_changed_by_hand_in_the_0010_file_are_still_reported(tmp_path: Path) -> None:
    path = _copy(V10, tmp_path)
    household = _one(path, "SELECT id FROM households WHERE household_code = 'B1-0001'")
    part = _one(path, "SELECT id FROM building_parts ORDER BY id LIMIT 1")
    _sql(path, f"UPDATE households SET head_name = head_name || '甲' WHERE id = '{household}'",
         f"UPDATE building_parts SET area = area + 1000 WHERE id = '{part}'")  # ten more m²
    db, report = _upgraded(path)
    try:
        assert [m.split(" ")[:3] for m in _problems(report)] == sorted(
            [["building_parts", "记录", part], ["households", "记录", household]])
        assert _adopted(db) == {"households": 58, "building_parts": 46, "appraisals": 25}  # 0014: appraisals; 0015: 29 households
    finally:
        db.dispose()


def test_an_added_column_set_by_hand_before_the_adopt_is_not_adopted(tmp_path: Path) -> None:
    """0013 adopts a row only while the columns 0008 added hold what the ADD COLUMN gave them."""
    from alembic import command

    path = _copy(V07, tmp_path)
    db = Database(path, migrate=False)
    command.upgrade(migrations.alembic_config(db.engine), "0012_policy_fields")
    db.dispose()
    project = _one(path, "SELECT id FROM projects")
    device = _one(path, "SELECT id FROM devices")
    _sql(path, f"UPDATE projects SET cash_target_pct = 9000 WHERE id = '{project}'",
         f"UPDATE devices SET revoked_reason = '丢失' WHERE id = '{device}'")
    db, report = _upgraded(path)
    try:
        assert [m.split(" ")[:3] for m in _problems(report)] == sorted(
            [["devices", "记录", device], ["projects", "记录", project]])
        assert _adopted(db)["projects"] == 0 and _adopted(db)["devices"] == 0
    finally:
        db.dispose()


def test_a_keyed_chain_gets_keyed_adopt_events(tmp_path: Path) -> None:
    """A project whose chain carries MACs (a vault): the adopt events are keyed with the same audit key."""
    path = _copy(V10, tmp_path)
    db = Database(path, migrate=False, audit_key=KEY)
    with db.engine.begin() as conn:
        for seq, h in conn.exec_driver_sql("SELECT seq, hash FROM audit_events").all():
            conn.exec_driver_sql("UPDATE audit_events SET mac = ? WHERE seq = ?", (audit_chain.event_mac(KEY, h), seq))
        audit_chain.seal_settings(conn, KEY)
    db.dispose()
    db, report = _upgraded(path, audit_key=KEY)
    try:
        assert report.keyed and report.ok, [p.message for p in report.problems]
        assert sum(_adopted(db).values()) == 132  # 0012: 30 + 47; 0014: 25 appraisals; 0015: 30 households
        with db.engine.connect() as conn:
            macs = conn.exec_driver_sql("SELECT hash, mac FROM audit_events WHERE seq > ?", (EVENTS,)).all()
        assert len(macs) == 132 and all(mac == audit_chain.event_mac(KEY, h) for h, mac in macs)
    finally:
        db.dispose()


def _content(path: Path) -> list:
    conn = sqlite3.connect(path)
    try:
        return [*conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name"),
                *conn.execute("SELECT version_num FROM alembic_version"),
                *conn.execute("SELECT * FROM audit_events ORDER BY seq"),
                *conn.execute("SELECT * FROM households ORDER BY id")]
    finally:
        conn.close()


def test_an_adopt_that_fails_puts_the_old_file_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from survey_app.core.storage.backup_copy import MigrationRolledBack
    from survey_app.core.storage.migrations import adopt_v1

    def broken(conn, found):
        raise OSError("磁盘已满")

    path = _copy(V07, tmp_path)
    before = _content(path)
    monkeypatch.setattr(adopt_v1, "write_adopt_events", broken)
    with pytest.raises(MigrationRolledBack):
        Database(path)
    assert _content(path) == before  # the old version's schema and rows, unchanged
    monkeypatch.undo()
    db, report = _upgraded(path)  # the next start upgrades it
    try:
        assert report.ok, [p.message for p in report.problems]
    finally:
        db.dispose()
