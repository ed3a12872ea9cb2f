"""Migration 0015_household_flat_choices: households gain ``flat_choices`` (选房组合, JSON, ``"[]"`` for existing
rows); every household row an older version left intact is adopted into the audit chain with its new fingerprint,
and a row changed by hand before the upgrade is not — ``audit verify`` still names it."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from survey_app.core.services.audit import verify_database
from survey_app.core.storage import migrations
from survey_app.core.storage.database import Database

V10 = Path(__file__).parent.parent / "fixtures" / "db_v0_10.sqlite3"  # written at 0010 (tests/fixtures/README.md)


def _adopt_hashes(db: Database, entity_id: str) -> list[str]:
    with db.engine.connect() as conn:
        return [h for (h,) in conn.exec_driver_sql(
            "SELECT row_hash FROM audit_events WHERE action = 'adopt' AND entity = 'households' AND entity_id = ? "
            "ORDER BY seq", (entity_id,))]


def test_the_column_is_added_empty_and_the_rows_are_adopted(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    shutil.copyfile(V10, path)
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT count(*) FROM households").fetchone()[0]
    rid = conn.execute("SELECT id FROM households ORDER BY id LIMIT 1").fetchone()[0]
    conn.close()
    db = Database(path)
    try:
        assert migrations.current_revision(db.engine) == migrations.HEAD
        with db.engine.connect() as c:
            assert c.exec_driver_sql("SELECT count(*) FROM households WHERE flat_choices = '[]'").scalar() \
                == rows > 0
            # one adopt by 0012 (owner_type) and one by 0015 (flat_choices): two fingerprints, the second new
            assert c.exec_driver_sql("SELECT count(*) FROM audit_events WHERE action = 'adopt' "
                                     "AND entity = 'households'").scalar() == 2 * rows
        first, second = _adopt_hashes(db, rid)
        assert first != second
        assert verify_database(db).ok
    finally:
        db.dispose()


def test_a_household_changed_by_hand_before_the_upgrade_is_still_reported(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    shutil.copyfile(V10, path)
    conn = sqlite3.connect(path)
    with conn:
        rid = conn.execute("SELECT id FROM households ORDER BY id LIMIT 1").fetchone()[0]
        conn.execute("UPDATE households SET address = address || '号' WHERE id = ?", (rid,))
    conn.close()
    db = Database(path)
    try:
        report = verify_database(db)
        assert [p.message.split(" ")[:3] for p in report.problems] == [["households", "记录", rid]]
        assert _adopt_hashes(db, rid) == []
    finally:
        db.dispose()


def test_the_downgrade_drops_the_column(tmp_path: Path) -> None:
    from alembic import command

    db = Database(tmp_path / "p.sqlite3")
    try:
        command.downgrade(migrations.alembic_config(db.engine), "0014_part_decoration_unit_price")
        with db.engine.connect() as c:
            cols = [r[1] for r in c.exec_driver_sql("PRAGMA table_info(households)")]
        assert "flat_choices" not in cols and "owner_type" in cols
    finally:
        db.dispose()
