"""Alembic migrations, run at start-up.

HEAD is the newest revision id; when a database already carries it, start-up does not import
Alembic at all (it costs ~0.1 s of the 0.8 s start-up budget). A test checks HEAD against
Alembic's own view of the scripts. A new, empty SQLite file is made at HEAD in one step from the schema these
scripts leave (head_schema.py); older files and PostgreSQL databases go through the scripts.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine

HERE = Path(__file__).parent
HEAD = "0016_project_effective"


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":  # at every open: one query, not the inspector's PRAGMA and two more
            found = conn.exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'").first()
        else:
            found = inspect(conn).has_table("alembic_version")
        if not found:
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def alembic_config(engine: Engine):  # noqa: ANN201 - alembic imported lazily
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade_to_head(engine: Engine) -> bool:
    """Bring the schema to HEAD. Returns True if a migration ran."""
    if current_revision(engine) == HEAD:
        return False
    from alembic import command

    command.upgrade(alembic_config(engine), "head")
    return True
