"""Opening the app's database at start-up: migrations, this device, the demo project on first start."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from survey_app.core.paths import default_db_path
from survey_app.core.services.devices import ensure_local_device
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Project

if TYPE_CHECKING:  # the demo generator and policy loader are only needed on a first start
    from survey_app.core.services.demo import DemoSummary

DEMO_HOUSEHOLDS = 500
DEMO_SEED = 20231


def open_database(path: str | Path | None = None) -> Database:
    """Open (creating if missing) a project database and bring its schema up to date.

    Raises a ``StorageError`` (Chinese message) instead of opening a 0-byte file (never made into an
    empty project, so the first-start demo is never offered into it), a damaged file (checked when
    the last session did not close cleanly), a folder, or a database from a newer version."""
    db = Database(path or default_db_path())
    ensure_local_device(db)
    return db


def is_empty(db: Database) -> bool:
    """True when the database has no project yet (first start)."""
    with db.read() as s:
        return not s.scalar(select(func.count()).select_from(Project))


def project_name(db: Database) -> str:
    """The project's name for window titles ("" before the first start made one)."""
    with db.read() as s:
        return s.scalar(select(Project.name).where(Project.deleted_at.is_(None)).limit(1)) or ""


def create_first_start_demo(db: Database, progress: Callable[[int, int, str], None] | None = None,
                            cancel: Callable[[], bool] | None = None) -> DemoSummary:
    """The demo project a newcomer sees on first start (~500 households, fixed seed)."""
    from survey_app.core.services.demo import create_demo

    return create_demo(db, households=DEMO_HOUSEHOLDS, seed=DEMO_SEED, progress=progress, cancel=cancel)
