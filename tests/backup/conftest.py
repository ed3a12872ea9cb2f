"""Fixtures for the backup tests: a real (encrypted, vaulted) project with a household and a photo."""

from __future__ import annotations

from pathlib import Path

import pytest
from backup_helpers import ADMIN_PASSWORD, RECOVERY_PASSWORD, add_photo


@pytest.fixture
def real_project(tmp_path: Path) -> Path:
    """A real project (encrypted, key vault, recovery password) with one household and one photo: closed."""
    from survey_app.core.domain.roles import Role
    from survey_app.core.services.project_files import open_project_database
    from survey_app.core.services.projects import create_project
    from survey_app.core.storage.models import Household, Project
    from survey_app.core.storage.uow import Actor

    made = create_project(tmp_path / "hq" / "fr2024.sqlite3", name="芙蓉路片区棚户区改造", code="FR2024", city="长沙",
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
        add_photo(db, tmp_path, "front.png", (200, 30, 30))
    finally:
        db.dispose()
    return made.path
