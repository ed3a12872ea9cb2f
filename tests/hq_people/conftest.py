"""Fixtures for the 人员与设备 tests: an HQ made from the demo project (keys made, admin logged in)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything imports Qt

import pytest
from people_setup import HQ_KEY_PASSWORD, LAPTOP_KEY_PASSWORD


@pytest.fixture(scope="session")
def _hq_template(_demo_template, shared_project_files) -> Path:
    """The demo project turned into HQ, made once per run (tests/conftest.py: shared_project_files, at the
    tests' key-derivation cost): ``init_hq`` makes and seals a key pair, ~0.1 CPU-s that 30 tests paid each."""
    from survey_app.core.storage.database import Database
    from survey_app.core.sync import enrollment

    def make(folder: Path) -> None:
        shutil.copyfile(_demo_template, folder / "hq.sqlite3")
        db = Database(folder / "hq.sqlite3")
        try:
            enrollment.init_hq(db, HQ_KEY_PASSWORD)
        finally:
            db.dispose()

    return shared_project_files("hq_people_hq", make) / "hq.sqlite3"


@pytest.fixture
def hq(_hq_template: Path, db_path: Path):
    """The demo database turned into HQ (its own sync keys; device code HQ): a copy of ``_hq_template`` at
    ``db_path``, as ``demo_db`` is of the demo."""
    from survey_app.core.storage.database import Database

    shutil.copyfile(_hq_template, db_path)
    database = Database(db_path)
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def _hq_pairs() -> dict:
    return {}


@pytest.fixture
def hq_pair(hq, _hq_pairs: dict):
    """HQ's key pair, unsealed with its password: every copy of ``_hq_template`` holds the same sealed pair, so
    it is unsealed once per test process (a key derivation, ~0.06 CPU-s, that ten tests paid each)."""
    from survey_app.core.sync import identity

    sealed = hq.setting(identity.SEALED)
    if sealed not in _hq_pairs:
        _hq_pairs[sealed] = identity.unlock(hq, HQ_KEY_PASSWORD)
    return _hq_pairs[sealed]


@pytest.fixture
def hq_admin(hq):
    from survey_app.core.services import users

    return users.login(hq, "hq", "hq123456", device="HQ")


@pytest.fixture
def enrol(hq, hq_admin, hq_pair, tmp_path, _empty_template):
    """enrol(name) -> (code, laptop database): a second database makes a request with the project's own
    code, HQ accepts it, the laptop imports the reply."""
    from survey_app.core.services.startup import open_database
    from survey_app.core.sync import enrollment

    opened = []

    def make(name: str = "一号笔记本"):
        n = len(opened) + 1
        path = tmp_path / f"laptop{n}.sqlite3"
        shutil.copyfile(_empty_template, path)  # a new database, as the first open migrates it (tests/conftest.py)
        laptop = open_database(path)
        opened.append(laptop)
        request = tmp_path / f"request{n}.json"
        enrollment.make_request(laptop, LAPTOP_KEY_PASSWORD, name, request)
        code, reply = enrollment.accept_request(hq, hq_admin, hq_pair, request, tmp_path)
        enrollment.import_response(laptop, LAPTOP_KEY_PASSWORD, reply)
        return code, laptop

    yield make
    for laptop in opened:
        laptop.dispose()


@pytest.fixture
def runner(qapp):
    from survey_app.ui.task_runner import TaskRunner

    r = TaskRunner()
    yield r
    r.shutdown()
