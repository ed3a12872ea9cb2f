"""UI tests (pytest-qt): offscreen Qt, a fresh demo database (60 households, seed 3) per test."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything imports Qt

import pytest  # noqa: E402


@pytest.fixture
def runner(qapp):  # noqa: ANN001, ANN201
    from survey_app.ui.task_runner import TaskRunner

    r = TaskRunner()
    yield r
    r.shutdown()


@pytest.fixture
def worker_actor(demo_db):  # noqa: ANN001, ANN201
    from survey_app.core.services import devices, users

    return users.login(demo_db, "worker", "worker123", device=devices.local_device_code(demo_db))
