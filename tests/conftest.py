"""Fixtures shared by every tier: a real SQLite file per test (after Vorta's tests/unit/conftest.py)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


# The demo policy is a 2023 scheme: calculations and signings in tests happen on a fixed day inside its
# first signing-reward tier, so no test depends on the real date.
TEST_DAY = dt.date(2023, 7, 1)


@pytest.fixture(autouse=True)
def _project_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    from survey_app.core.domain import china_time

    monkeypatch.setattr(china_time, "today", lambda: TEST_DAY)


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


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small demo project, made once per test process (migrations + generation cost ~1 s)."""
    from survey_app.core.services.demo import create_demo
    from survey_app.core.storage.database import Database

    from survey_app.core.domain import china_time

    path = tmp_path_factory.mktemp("template") / "demo.sqlite3"
    database = Database(path)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(china_time, "today", lambda: TEST_DAY)
        create_demo(database, households=60, seed=3)
    database.dispose()  # checkpoints the WAL into the file: one self-contained file to copy
    return path


@pytest.fixture
def demo_db(_demo_template: Path, db_path: Path):  # noqa: ANN201
    """A database holding a small demo project (60 households, seed 3): a fresh copy of the template."""
    import shutil

    from survey_app.core.storage.database import Database

    shutil.copyfile(_demo_template, db_path)
    database = Database(db_path)
    yield database
    database.dispose()


@pytest.fixture
def admin():  # noqa: ANN201
    from survey_app.core.domain.roles import Role
    from survey_app.core.storage.uow import Actor

    return Actor(username="hq", role=Role.HQ_ADMIN, device="T01")
