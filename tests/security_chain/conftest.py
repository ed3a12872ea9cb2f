"""Fixtures for the keyed audit chain, guarded settings, revocation and fingerprint tests (issue 10 items 2–3)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

# the sync world (HQ + two enrolled laptops) and the attack helpers live beside the sync tests
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from chain_helpers import KEY


@pytest.fixture(scope="session")
def _keyed_template(shared_templates) -> Path:
    """A small demo project written with the audit key (bulk writer + unit of work), made once per run."""
    from survey_app.core.domain import china_time
    from survey_app.core.services.demo import create_demo
    from survey_app.core.storage.database import Database

    def make(path: Path) -> None:
        db = Database(path, audit_key=KEY)
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(china_time, "today", lambda: dt.date(2023, 7, 1))  # the root conftest's TEST_DAY
            create_demo(db, households=12, seed=4)
        db.dispose()

    return shared_templates("keyed.sqlite3", make)


@pytest.fixture
def keyed_path(_keyed_template: Path, tmp_path: Path) -> Path:
    import shutil

    path = tmp_path / "keyed.sqlite3"
    shutil.copyfile(_keyed_template, path)
    return path


@pytest.fixture
def keyed_db(keyed_path: Path):
    from survey_app.core.storage.database import Database

    db = Database(keyed_path, audit_key=KEY)
    yield db
    db.dispose()


