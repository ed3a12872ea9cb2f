"""Fixtures for the backup tests: a real (encrypted, vaulted) project with a household and a photo."""

from __future__ import annotations

from pathlib import Path

import pytest
from backup_helpers import ADMIN_PASSWORD, RECOVERY_PASSWORD, add_photo


def _make_real_project(folder: Path) -> None:
    """A real project (encrypted, key vault, recovery password) with one household and one photo, closed:
    ``folder/hq/fr2024.sqlite3`` (its vault and media beside it) and the photo's source ``folder/front.png``."""
    from survey_app.core.domain.roles import Role
    from survey_app.core.services.project_files import open_project_database
    from survey_app.core.services.projects import create_project
    from survey_app.core.storage.models import Household, Project
    from survey_app.core.storage.uow import Actor

    made = create_project(folder / "hq" / "fr2024.sqlite3", name="芙蓉路片区棚户区改造", code="FR2024", city="长沙",
                          admin_password=ADMIN_PASSWORD, device_password=RECOVERY_PASSWORD)
    db, _ = open_project_database(made.path, "admin", ADMIN_PASSWORD)
    try:
        from sqlalchemy import select

        with db.read() as s:
            project_id = s.scalar(select(Project.id))
        admin = Actor(username="admin", role=Role.HQ_ADMIN, device="HQ")
        with db.uow(admin) as uow:
            uow.session.add(Household(project_id=project_id, household_code="A1-0001", head_name="张伟"))
            uow.commit()
        add_photo(db, folder, "front.png", (200, 30, 30))
    finally:
        db.dispose()


@pytest.fixture(scope="session")
def _real_project_template(shared_project_files) -> Path:
    """``_make_real_project``'s folder, made once per run (tests/conftest.py: shared_project_files; ~0.6 CPU-s of
    migrations, keys and vault that each test using it paid)."""
    return shared_project_files("backup_real_project", _make_real_project)


@pytest.fixture
def real_project(_real_project_template: Path, tmp_path: Path) -> Path:
    """A real project (encrypted, key vault, recovery password) with one household and one photo: closed. A copy of
    the run's template into this test's folder (``hq/fr2024.sqlite3``, its vault and media; ``front.png``, the
    photo as attached)."""
    import shutil

    shutil.copytree(_real_project_template, tmp_path, dirs_exist_ok=True)
    return tmp_path / "hq" / "fr2024.sqlite3"
