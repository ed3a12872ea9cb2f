"""An HQ on PostgreSQL at 0010, upgraded: ``audit verify`` passes, a row changed by hand is still reported.

The rows are the 0010 fixture's (tests/fixtures/db_v0_10.sqlite3, written by the 0010 version), loaded
into a PostgreSQL database migrated to 0010 by converting SQLite's stored forms to the server's types; the
upgrade is the app's own (``Database(url)`` runs Alembic to HEAD)."""

from __future__ import annotations

import collections
import datetime as dt
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from survey_app.core.services.audit import verify_database
from survey_app.core.storage import migrations
from survey_app.core.storage.database import Database

pytestmark = pytest.mark.postgres

FIXTURE = Path(__file__).parent.parent / "fixtures" / "db_v0_10.sqlite3"
EVENTS = 747


def _server_value(column: sa.Column, value: object) -> object:
    if value is None:
        return None
    t = column.type
    if isinstance(t, sa.Uuid):
        return uuid.UUID(str(value))
    if isinstance(t, sa.DateTime):
        return dt.datetime.fromisoformat(str(value))
    if isinstance(t, sa.Date):
        return dt.date.fromisoformat(str(value))
    if isinstance(t, sa.Boolean):
        return bool(value)
    return value


def _load_at_0010(server, name: str) -> str:
    """A PostgreSQL database at 0010 holding the fixture's rows and chain; returns its URL."""
    from alembic import command

    server.sql(f"CREATE DATABASE {name}")
    url = server.url(name)
    db = Database(url, migrate=False)
    command.upgrade(migrations.alembic_config(db.engine), "0010_money_and_moving")
    meta = sa.MetaData()
    old = sqlite3.connect(FIXTURE)
    try:
        with db.engine.begin() as conn:
            meta.reflect(conn)
            conn.exec_driver_sql("SET LOCAL session_replication_role = replica")  # no FK order to follow
            tables = {r[0] for r in old.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            for table in meta.sorted_tables:
                if table.name not in tables or table.name == "alembic_version":
                    continue
                cursor = old.execute(f'SELECT * FROM "{table.name}"')
                names = [d[0] for d in cursor.description]
                rows = [{n: _server_value(table.c[n], v) for n, v in zip(names, raw)} for raw in cursor]
                if rows:
                    conn.execute(table.insert(), rows)
    finally:
        old.close()
        db.dispose()
    return url


def _adopted(db: Database) -> collections.Counter:
    with db.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT entity FROM audit_events WHERE action = 'adopt' AND seq > :s"),
                            {"s": EVENTS}).scalars().all()
    return collections.Counter(rows)


@pytest.fixture(scope="module")
def at_0010(pg_server_running) -> Iterator[str]:
    """The template database at 0010 holding the fixture's rows and chain (its name), loaded once for the
    module's tests: each upgrades a copy of its own (``copy_database``), as each loaded its own before."""
    url = _load_at_0010(pg_server_running, "upgrade_audit_0010")  # disposed: no connection left on the template
    yield url.rsplit("/", 1)[1]
    pg_server_running.drop_database(url)


def test_a_postgresql_hq_at_0010_verifies_after_the_upgrade(pg_server_running, at_0010: str) -> None:
    url = pg_server_running.copy_database(at_0010)
    db = Database(url)
    try:
        assert migrations.current_revision(db.engine) == migrations.HEAD
        report = verify_database(db)
        assert report.ok, [p.message for p in report.problems]
        # adopted: households by 0013 and again by 0015 (flat_choices), appraisals by 0014 (decoration_unit_price)
        assert report.rows == 739 and _adopted(db) == {"households": 60, "building_parts": 47, "appraisals": 25}
    finally:
        db.dispose()
        pg_server_running.drop_database(url)


def test_a_row_changed_by_hand_on_postgresql_is_still_reported(pg_server_running, at_0010: str) -> None:
    url = pg_server_running.copy_database(at_0010)
    db = Database(url, migrate=False)
    with db.engine.begin() as conn:
        rid = conn.execute(sa.text("SELECT id FROM households WHERE household_code = 'B1-0001'")).scalar()
        conn.execute(sa.text("UPDATE households SET phone = '13911112222' WHERE id = :i"), {"i": rid})
    db.dispose()
    db = Database(url)
    try:
        report = verify_database(db)
        assert [p.message.split(" ")[:3] for p in report.problems] == [["households", "记录", rid.hex]]
        assert _adopted(db) == {"households": 58, "building_parts": 47, "appraisals": 25}  # the changed row: neither
    finally:
        db.dispose()
        pg_server_running.drop_database(url)
