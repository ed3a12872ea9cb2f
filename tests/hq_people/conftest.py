"""Fixtures for the 人员与设备 tests: an HQ made from the demo project (keys made, admin logged in)."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything imports Qt

import pytest
from people_setup import HQ_KEY_PASSWORD, LAPTOP_KEY_PASSWORD


@pytest.fixture
def hq(demo_db):
    """The demo database turned into HQ (its own sync keys; device code HQ)."""
    from survey_app.core.sync import enrollment

    enrollment.init_hq(demo_db, HQ_KEY_PASSWORD)
    return demo_db


@pytest.fixture
def hq_pair(hq):
    from survey_app.core.sync import identity

    return identity.unlock(hq, HQ_KEY_PASSWORD)


@pytest.fixture
def hq_admin(hq):
    from survey_app.core.services import users

    return users.login(hq, "hq", "hq123456", device="HQ")


@pytest.fixture
def enrol(hq, hq_admin, hq_pair, tmp_path):
    """enrol(name) -> (code, laptop database): a second database makes a request with the project's own
    code, HQ accepts it, the laptop imports the reply."""
    from survey_app.core.services.startup import open_database
    from survey_app.core.sync import enrollment

    opened = []

    def make(name: str = "一号笔记本"):
        n = len(opened) + 1
        laptop = open_database(tmp_path / f"laptop{n}.sqlite3")
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
