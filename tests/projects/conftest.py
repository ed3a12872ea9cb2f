"""Fixtures for the project set-up tests: a real project made by create_project (encrypted, with its key
vault), in a temp folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from project_helpers import ADMIN_PASSWORD


@pytest.fixture
def hq_project(tmp_path: Path):
    """A freshly created real project (code FR2024, sections A1/A2, target 60 %), closed: its path."""
    from survey_app.core.services.projects import create_project

    made = create_project(tmp_path / "hq" / "fr2024.sqlite3", name="芙蓉路片区棚户区改造", code="FR2024", city="长沙",
                          decision_no="芙政征〔2024〕3号", cash_target_pct="60", sections=["A1=一组", "A2=二组"],
                          admin_password=ADMIN_PASSWORD, display_name="王主任")
    return made.path


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
