"""Helpers shared by the page tests (imported by name: tests/ui is on sys.path in pytest's prepend mode)."""

from __future__ import annotations

from survey_app.core.services import households
from survey_app.core.services.households import HouseholdFilter
from survey_app.ui.main_window import MainWindow


def window_for(qtbot, db, actor, runner) -> MainWindow:  # noqa: ANN001
    window = MainWindow(db, actor, project_name="测试项目", runner=runner)
    qtbot.addWidget(window)
    window.resize(1366, 738)
    window.show()
    qtbot.waitExposed(window)
    return window


def first_with(db, status: str, *, appraised: bool | None = None):  # noqa: ANN001, ANN201
    """The first household (by code) in ``status``; with ``appraised`` set, one with/without an appraisal."""
    for key in households.search_keys(db, HouseholdFilter(status=status)):
        detail = households.get_detail(db, key)
        if appraised is None or bool(detail.appraisals) == appraised:
            return key, detail
    raise AssertionError(f"no {status} household (appraised={appraised}) in the demo")


def wait_idle(qtbot, runner) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
