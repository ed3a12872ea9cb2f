"""Fixtures for the key-vault tests: a real project (database + vault) in a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from vault_setup import ADMIN, ADMIN_PW, DEVICE_PW


def _make_project(folder: Path) -> None:
    from survey_app.core.services.project_files import create_project_database

    db, _ = create_project_database(folder / "real.sqlite3", admin_username=ADMIN, admin_password=ADMIN_PW,
                                    device_password=DEVICE_PW)
    db.dispose()


@pytest.fixture(scope="session")
def _project_template(shared_project_files) -> Path:
    """The project below, made once per run (tests/conftest.py: shared_project_files)."""
    return shared_project_files("security_real_project", _make_project)


@pytest.fixture
def project(_project_template: Path, tmp_path: Path) -> Path:
    """A new real project (vault with the admin's and the device slot), closed again: its database path (a copy
    of the run's template: the database and its vault, side by side in the test's folder)."""
    import shutil

    shutil.copytree(_project_template, tmp_path, dirs_exist_ok=True)
    return tmp_path / "real.sqlite3"


@pytest.fixture
def runner(qapp):
    from survey_app.ui.task_runner import TaskRunner

    r = TaskRunner()
    yield r
    r.shutdown()
