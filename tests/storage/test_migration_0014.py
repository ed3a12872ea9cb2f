"""Migration 0014_part_decoration_unit_price: appraisals gain ``decoration_unit_price`` (装修单价, fen, NULL for
existing rows); every appraisal row an older version left intact is adopted into the audit chain with its new
fingerprint, and a row changed by hand before the upgrade is not — ``audit verify`` still names it."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from survey_app.core.services.audit import verify_database
from survey_app.core.storage import migrations
from survey_app.core.storage.database import Database

V10 = Path(__file__).parent.parent / "fixtures" / "db_v0_10.sqlite3"  # written at 0010 (tests/fixtures/README.md)


def _adopted_appraisals(db: Database) -> int:
    with db.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT count(*) FROM audit_events WHERE action = 'adopt' "
                                    "AND entity = 'appraisals'").scalar()


def test_the_column_is_added_empty_and_the_rows_are_adopted(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    shutil.copyfile(V10, path)
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT count(*) FROM appraisals").fetchone()[0]
    conn.close()
    db = Database(path)
    try:
        assert migrations.current_revision(db.engine) == migrations.HEAD  # 0014 and all after
        with db.engine.connect() as c:
            assert c.exec_driver_sql("SELECT count(*) FROM appraisals WHERE decoration_unit_price IS NULL").scalar() \
                == rows > 0
        assert _adopted_appraisals(db) == rows
        assert verify_database(db).ok
    finally:
        db.dispose()


def test_an_appraisal_changed_by_hand_before_the_upgrade_is_still_reported(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    shutil.copyfile(V10, path)
    conn = sqlite3.connect(path)
    with conn:
        rows = conn.execute("SELECT count(*) FROM appraisals").fetchone()[0]
        rid = conn.execute("SELECT id FROM appraisals ORDER BY id LIMIT 1").fetchone()[0]
        conn.execute("UPDATE appraisals SET unit_price = unit_price + 100000 WHERE id = ?", (rid,))  # +1,000 元/m²
    conn.close()
    db = Database(path)
    try:
        report = verify_database(db)
        assert [p.message.split(" ")[:3] for p in report.problems] == [["appraisals", "记录", rid]]
        assert _adopted_appraisals(db) == rows - 1
    finally:
        db.dispose()
