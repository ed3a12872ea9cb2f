"""Migrations and models agree; SQLite is opened the way a laptop that loses power needs."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from survey_app.core.storage import migrations, search_sql
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Base


def test_empty_database_is_upgraded_to_head_at_open(db_path) -> None:
    db = Database(db_path)
    assert migrations.current_revision(db.engine) == migrations.HEAD
    tables = set(inspect(db.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    db.dispose()


def test_head_constant_matches_the_migration_scripts(db) -> None:
    script = ScriptDirectory.from_config(migrations.alembic_config(db.engine))
    assert script.get_heads() == [migrations.HEAD]


def test_models_and_migrations_agree(db) -> None:
    # The same check as `alembic check`: autogenerate finds nothing to do. The FTS5 search index
    # (0005_search_index) is SQL the models cannot declare: its tables are left out by name.
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True, "include_name": search_sql.include_name})
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []


def test_sqlite_pragmas(db) -> None:
    with db.engine.connect() as conn:
        get = lambda p: conn.exec_driver_sql(f"PRAGMA {p}").scalar()
        assert get("journal_mode") == "wal"
        assert get("foreign_keys") == 1
        assert get("synchronous") == 2  # FULL
        assert get("busy_timeout") >= 5000


def test_reopening_does_not_migrate_again(db_path) -> None:
    Database(db_path).dispose()
    assert migrations.upgrade_to_head(Database(db_path, migrate=False).engine) is False


def test_an_older_database_is_upgraded_at_start_up(db_path) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{db_path}")
    command.upgrade(migrations.alembic_config(engine), "0001_initial")
    assert migrations.current_revision(engine) == "0001_initial"
    assert "drafts" not in inspect(engine).get_table_names()
    engine.dispose()
    db = Database(db_path)
    assert migrations.current_revision(db.engine) == migrations.HEAD
    assert "drafts" in inspect(db.engine).get_table_names()
    db.dispose()


def test_a_populated_database_keeps_its_rows_through_migrations(tmp_path) -> None:
    from alembic import command
    from sqlalchemy import create_engine, text

    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    command.upgrade(migrations.alembic_config(engine), "0002_drafts")
    with engine.begin() as conn:  # a device row as the 0002 schema stored it
        conn.execute(text("INSERT INTO devices (code, name, kind, signing_public_key, encryption_public_key, "
                          "status, id, rev, created_at, updated_at, updated_by, origin_device) VALUES "
                          "('D01', '笔记本', 'field', '', '', 'active', '0188aaaa00007000800000000000aaaa', 1, "
                          "'2026-01-01 00:00:00.000000', '2026-01-01 00:00:00.000000', 'system', 'D01')"))
    engine.dispose()
    db = Database(path)
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT code, sync_signing_key FROM devices")).one() == ("D01", "")
    db.dispose()
