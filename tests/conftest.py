"""Fixtures shared by every tier: a real SQLite file per test (after Vorta's tests/unit/conftest.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    # Never touch the real per-user data folder from a test.
    monkeypatch.setenv("SURVEY_APP_DATA", str(tmp_path_factory.mktemp("data")))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "project.sqlite3"


@pytest.fixture
def db(db_path: Path):  # noqa: ANN201
    from survey_app.core.storage.database import Database

    database = Database(db_path)
    yield database
    database.dispose()


@pytest.fixture
def demo_db(db):  # noqa: ANN001, ANN201
    """A database holding a small demo project (60 households, seed 3)."""
    from survey_app.core.services.demo import create_demo

    create_demo(db, households=60, seed=3)
    return db


@pytest.fixture
def admin():  # noqa: ANN201
    from survey_app.core.domain.roles import Role
    from survey_app.core.storage.uow import Actor

    return Actor(username="hq", role=Role.HQ_ADMIN, device="T01")
