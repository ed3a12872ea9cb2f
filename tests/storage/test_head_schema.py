"""A new SQLite file is made at HEAD in one step, and is the file the migrations would have left."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from survey_app.core.storage import migrations
from survey_app.core.storage.database import Database
from survey_app.core.storage.migrations import head_schema, head_sqlite

PRAGMAS = ("user_version", "application_id", "auto_vacuum", "page_size", "encoding", "journal_mode", "freelist_count")


def _snapshot(path: Path) -> dict:
    """Everything a file holds that a schema step could leave: the schema as stored, every table's rows (SQLite's
    own and the search index's shadow tables included) and the pragmas a file keeps."""
    conn = sqlite3.connect(path)
    try:
        master = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").fetchall()
        tables = [name for kind, name, _, _ in master if kind == "table" and not name.endswith("_search")]
        rows = {name: sorted(conn.execute(f'SELECT * FROM "{name}"').fetchall()) for name in tables}
        pragmas = {p: conn.execute(f"PRAGMA {p}").fetchone()[0] for p in PRAGMAS}
    finally:
        conn.close()
    return {"master": master, "rows": rows, "pragmas": pragmas}


@pytest.fixture(scope="module")
def migrated(tmp_path_factory) -> Path:
    return head_schema.migrated_from_nothing(tmp_path_factory.mktemp("alembic"))


def test_the_stored_schema_is_what_the_migrations_leave(migrated) -> None:
    conn = sqlite3.connect(migrated)
    try:
        statements = head_schema.statements_of(conn)
    finally:
        conn.close()
    regenerate = "run `python -m survey_app.core.storage.migrations.head_schema` after adding a migration"
    assert head_sqlite.REVISION == migrations.HEAD, regenerate
    assert statements == head_sqlite.STATEMENTS, regenerate
    assert len(statements) > 60 and any("CREATE VIRTUAL TABLE households_search" in s for s in statements)


def test_a_new_file_holds_what_a_file_migrated_from_nothing_holds(migrated, tmp_path) -> None:
    made = tmp_path / "new.sqlite3"
    Database(made).dispose()
    snapshot = _snapshot(made)
    assert snapshot == _snapshot(migrated)
    assert snapshot["rows"]["alembic_version"] == [(migrations.HEAD,)]
    assert "households_search_config" in snapshot["rows"]  # the search index made its own tables


def test_a_new_file_is_made_without_alembic(tmp_path, monkeypatch) -> None:
    def no_alembic(engine) -> bool:
        raise AssertionError("a new file went through the migrations")

    monkeypatch.setattr(migrations, "upgrade_to_head", no_alembic)
    db = Database(tmp_path / "new.sqlite3")
    assert migrations.current_revision(db.engine) == migrations.HEAD
    db.dispose()


def test_a_new_encrypted_file_is_made_at_head_too(tmp_path) -> None:
    db = Database(tmp_path / "vaulted.sqlite3", cipher_key=bytes(range(32)))
    with db.engine.connect() as conn:
        names = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert migrations.current_revision(db.engine) == migrations.HEAD
    assert {"households_search_insert", "policy_versions_sealed_update"} <= names
    db.dispose()


def test_a_stored_schema_behind_the_migrations_is_not_used(migrated, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(head_sqlite, "REVISION", "0015_household_flat_choices")  # a migration added since

    def stale(*args) -> None:
        raise AssertionError("the stale schema was used")

    monkeypatch.setattr(head_schema, "create", stale)
    made = tmp_path / "new.sqlite3"
    Database(made).dispose()
    assert _snapshot(made) == _snapshot(migrated)  # Alembic made it


def test_a_statement_that_fails_leaves_the_file_without_a_schema(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(head_sqlite, "STATEMENTS", (*head_sqlite.STATEMENTS, "CREATE TABLE households (x)"))
    path = tmp_path / "new.sqlite3"
    with pytest.raises(OperationalError, match="households already exists"):
        Database(path)
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    finally:
        conn.close()
