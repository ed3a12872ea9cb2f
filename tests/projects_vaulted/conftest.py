"""Fixtures for the vaulted-project tests: a real project made by create_project (encrypted, with its key
vault), and the HQ side of a laptop's enrolment."""

from __future__ import annotations

from pathlib import Path

import pytest
from vaulted_helpers import ADMIN_PASSWORD


def _make_hq_project(folder: Path) -> None:
    from survey_app.core.services.projects import create_project

    create_project(folder / "fr2024.sqlite3", name="芙蓉路片区棚户区改造", code="FR2024", city="长沙",
                   sections=["A1=一组", "A2=二组"], admin_password=ADMIN_PASSWORD, display_name="王主任")


@pytest.fixture(scope="session")
def _hq_project_template(shared_project_files) -> Path:
    """The project below, made once per run (tests/conftest.py: shared_project_files)."""
    return shared_project_files("vaulted_hq_project", _make_hq_project)


@pytest.fixture
def hq_project(_hq_project_template: Path, tmp_path: Path) -> Path:
    """A freshly created real project (code FR2024, sections A1/A2), closed: its database path (a copy of the
    run's template: the database and its vault)."""
    import shutil

    shutil.copytree(_hq_project_template, tmp_path / "hq")
    return tmp_path / "hq" / "fr2024.sqlite3"


@pytest.fixture
def hq_open(hq_project: Path):
    """(database, admin actor): the project opened by the admin's login, as the app does."""
    from survey_app.core.services.project_files import open_project_database

    db, actor = open_project_database(hq_project, "admin", ADMIN_PASSWORD)
    yield db, actor
    db.dispose()


@pytest.fixture
def runner(qapp):
    from survey_app.ui.task_runner import TaskRunner

    r = TaskRunner()
    yield r
    r.shutdown()
