"""Fixtures for the project set-up tests: a real project made by create_project (encrypted, with its key
vault), in a temp folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from project_helpers import ADMIN_PASSWORD


def _make_hq_project(folder: Path) -> None:
    from survey_app.core.services.projects import create_project

    create_project(folder / "fr2024.sqlite3", name="芙蓉路片区棚户区改造", code="FR2024", city="长沙",
                   decision_no="芙政征〔2024〕3号", cash_target_pct="60", sections=["A1=一组", "A2=二组"],
                   admin_password=ADMIN_PASSWORD, display_name="王主任")


@pytest.fixture(scope="session")
def _hq_project_template(shared_project_files) -> Path:
    """The project below, made once per run (tests/conftest.py: shared_project_files)."""
    return shared_project_files("projects_hq_project", _make_hq_project)


@pytest.fixture
def hq_project(_hq_project_template: Path, tmp_path: Path):
    """A freshly created real project (code FR2024, sections A1/A2, target 60 %), closed: its path (a copy of
    the run's template: the database and its vault)."""
    import shutil

    shutil.copytree(_hq_project_template, tmp_path / "hq")
    return tmp_path / "hq" / "fr2024.sqlite3"


@pytest.fixture
def hq_db(hq_project: Path):
    """The project opened through its vault by the admin's login (the only way in)."""
    from survey_app.core.services.project_files import open_project_database

    db, _actor = open_project_database(hq_project, "admin", ADMIN_PASSWORD)
    yield db
    db.dispose()


@pytest.fixture
def hq_admin(hq_db):
    from survey_app.core.services import users

    return users.login(hq_db, "admin", ADMIN_PASSWORD, device="HQ")
