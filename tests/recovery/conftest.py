"""Fixtures for the recovery-password tests: a real HQ project made with a recovery password and a worker."""

from __future__ import annotations

from pathlib import Path

import pytest
from recovery_helpers import ADMIN_PW, RECOVERY_PW, WORKER, WORKER_PW


def _make_hq_project(folder: Path) -> None:
    from survey_app.core.domain.roles import Role
    from survey_app.core.services import users
    from survey_app.core.services.project_files import open_project_database
    from survey_app.core.services.projects import create_project

    made = create_project(folder / "FR2024.sqlite3", name="芙蓉路片区棚户区改造", code="FR2024", city="长沙",
                          admin_password=ADMIN_PW, device_password=RECOVERY_PW)
    db, admin = open_project_database(made.path, "admin", ADMIN_PW)
    try:
        users.create_user(db, admin, WORKER, WORKER_PW, Role.FIELD_WORKER, "张工")
    finally:
        db.dispose()


@pytest.fixture(scope="session")
def _hq_project_template(shared_project_files) -> Path:
    """The HQ project below, made once per run (tests/conftest.py: shared_project_files)."""
    return shared_project_files("recovery_hq_project", _make_hq_project)


@pytest.fixture
def hq_project(_hq_project_template: Path, tmp_path: Path) -> Path:
    """A new HQ project (admin ``admin``, a recovery password) with a field worker, closed: its path (a copy of
    the run's template folder: the database and its vault)."""
    import shutil

    shutil.copytree(_hq_project_template, tmp_path / "hq")
    return tmp_path / "hq" / "FR2024.sqlite3"


@pytest.fixture
def runner(qapp):
    from survey_app.ui.task_runner import TaskRunner

    r = TaskRunner()
    yield r
    r.shutdown()
