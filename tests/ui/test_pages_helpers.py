"""Helpers shared by the page tests (imported by name: tests/ui is on sys.path in pytest's prepend mode)."""

from __future__ import annotations

from survey_app.core.services import households
from survey_app.core.services.households import HouseholdFilter
from survey_app.ui.main_window import MainWindow


def window_for(qtbot, db, actor, runner) -> MainWindow:
    window = MainWindow(db, actor, project_name="测试项目", runner=runner)
    qtbot.addWidget(window)
    window.resize(1366, 738)
    window.show()
    qtbot.waitExposed(window)
    return window


def first_with(db, status: str, *, appraised: bool | None = None):
    """The first household (by code) in ``status``; with ``appraised`` set, one with/without an appraisal."""
    for key in households.search_keys(db, HouseholdFilter(status=status)):
        detail = households.get_detail(db, key)
        if appraised is None or bool(detail.appraisals) == appraised:
            return key, detail
    raise AssertionError(f"no {status} household (appraised={appraised}) in the demo")


def wait_idle(qtbot, runner) -> None:
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)


def answer_box(button_text: str, seen: list[str] | None = None, tries: int = 200) -> None:
    """Click ``button_text`` on the next message box to open (confirmations run their own event loop).

    Scheduled before the click that opens the box; ``seen`` collects the box's text for asserts.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def click() -> None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        if not boxes:
            if tries > 0:
                answer_box(button_text, seen, tries - 1)
            return
        box = boxes[0]
        if seen is not None:
            seen.append(box.text())
        # 取消 is Qt's own button: "Cancel" unless Qt's Chinese catalogue is installed (app.py does it).
        wanted = {button_text, "Cancel"} if button_text == "取消" else {button_text}
        button = next((b for b in box.buttons() if b.text().replace("&", "") in wanted), None)
        if button is None:  # never leave a modal box open: the test would hang instead of failing
            if seen is not None:
                seen.append(f"no button {button_text!r} in {[b.text() for b in box.buttons()]}")
            box.reject()
            return
        button.click()

    QTimer.singleShot(10, click)
