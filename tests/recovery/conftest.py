"""Fixtures for the recovery-password tests: a real HQ project made with a recovery password and a worker."""

from __future__ import annotations

from pathlib import Path

import pytest
from recovery_helpers import ADMIN_PW, RECOVERY_PW, WORKER, WORKER_PW


@pytest.fixture
def hq_project(tmp_path: Path) -> Path:
    """A new HQ project (admin ``admin``, a recovery password) with a field worker, closed: its path."""
    from survey_app.core.domain.roles import Role
    from survey_app.core.services import users
    from survey_app.core.services.project_files import open_project_database
    from survey_app.core.services.projects import create_project

    made = create_project(tmp_path / "hq" / "FR2024.sqlite3", name="芙蓉路片区棚户区改造", code="FR2024", city="长沙",
                          admin_password=ADMIN_PW, device_password=RECOVERY_PW)
    db, admin = open_project_database(made.path, "admin", ADMIN_PW)
    try:
        users.create_user(db, admin, WORKER, WORKER_PW, Role.FIELD_WORKER, "张工")
    finally:
        db.dispose()
    return made.path


@pytest.fixture
def runner(qapp):
    from survey_app.ui.task_runner import TaskRunner

    r = TaskRunner()
    yield r
    r.shutdown()
