"""Fixtures for the key-vault tests: a real project (database + vault) in a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from vault_setup import ADMIN, ADMIN_PW, DEVICE_PW


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A new real project (vault with the admin's and the device slot), closed again: its database path."""
    from survey_app.core.services.project_files import create_project_database

    path = tmp_path / "real.sqlite3"
    db, _ = create_project_database(path, admin_username=ADMIN, admin_password=ADMIN_PW, device_password=DEVICE_PW)
    db.dispose()
    return path


@pytest.fixture
def runner(qapp):
    from survey_app.ui.task_runner import TaskRunner

    r = TaskRunner()
    yield r
    r.shutdown()
