"""UI tests (pytest-qt): offscreen Qt, a fresh demo database (60 households, seed 3) per test."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything imports Qt

import pytest


@pytest.fixture
def runner(qapp):
    from survey_app.ui.task_runner import TaskRunner

    r = TaskRunner()
    yield r
    r.shutdown()


@pytest.fixture
def worker_actor(demo_db):
    from survey_app.core.services import devices, users

    return users.login(demo_db, "worker", "worker123", device=devices.local_device_code(demo_db))


@pytest.fixture
def reviewer(demo_db):
    from survey_app.core.services import devices, users

    return users.login(demo_db, "reviewer", "review123", device=devices.local_device_code(demo_db))


@pytest.fixture
def calculated(demo_db, worker_actor, reviewer) -> str:
    """A surveyed household brought to 已测算 with 货币补偿 chosen (hex id)."""
    from survey_app.core.services import calculations, households, workflow
    from survey_app.core.services.households import HouseholdFilter

    for key in households.search_keys(demo_db, HouseholdFilter(status="surveyed")):
        d = households.get_detail(demo_db, key)
        if d.appraisals and d.surveyed_by != reviewer.username:
            break
    else:
        raise AssertionError("no surveyed, appraised household in the demo")
    workflow.approve(demo_db, reviewer, d.id)
    calculations.calculate(demo_db, worker_actor, d.id)
    calculations.choose_option(demo_db, worker_actor, d.id, "cash")
    workflow.mark_calculated(demo_db, worker_actor, d.id)
    return d.id


@pytest.fixture
def print_dpi_low(monkeypatch):
    """Agreements printed at 72 dpi instead of 300: the same render, paint and count path with a 17th of the
    pixels (a 300 dpi print of 2 copies costs ~2 CPU-s in its PDF printer). For tests of the print flow (which
    agreement, how many copies, counted and audited); none of them reads the printed image."""
    from survey_app.ui.agreements import printing

    monkeypatch.setattr(printing, "PRINT_DPI", 72)
