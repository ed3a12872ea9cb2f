"""The first window: painted from the first screen's light read, then switched to the services unseen.

Real windows (pytest-qt): the list painted before the database is attached shows what it shows after;
the selection stays; the database is opened on a thread after the paint; input that came before the
attach is answered by the services, none is lost.
"""

from __future__ import annotations

import sqlite3
import threading

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent

from survey_app.core.services import first_screen as fs
from survey_app.ui.first_paint import after_first_paint
from survey_app.ui.main_window import MainWindow


class _Opener:
    """Stands in for app_first_window's: hands over the test's database, noting on which thread."""

    def __init__(self, db) -> None:
        self.db, self.threads, self.failures = db, [], []

    def open(self):
        self.threads.append(threading.current_thread().name)
        return self.db

    def failed(self, exc: BaseException) -> None:
        self.failures.append(exc)


def _first_window(demo_db, actor, runner, opener: _Opener) -> MainWindow:
    screen = fs.FirstScreen(sqlite3.connect(f"{demo_db.path.resolve().as_uri()}?mode=ro", uri=True), demo_db.path)
    return MainWindow(None, actor, runner=runner, first_screen=screen, opener=opener)


def _texts(model) -> list[tuple[str, ...]]:
    return [tuple(model.display(r, c) for c in range(model.columnCount())) for r in range(model.rowCount())]


def test_the_first_window_paints_light_then_attaches_without_a_visible_change(qtbot, demo_db, worker_actor,
                                                                             runner) -> None:
    opener = _Opener(demo_db)
    window = _first_window(demo_db, worker_actor, runner, opener)
    qtbot.addWidget(window)
    painted: list[bool] = []
    after_first_paint(window.table.viewport(), lambda: painted.append(not opener.threads))
    assert window.db is None and not window.model.attached and opener.threads == []  # nothing of the ORM yet
    before = _texts(window.model)
    assert len(before) == 60
    window.table.select_row(4)
    key = window.table.current_key()
    with qtbot.waitSignal(window.attached, timeout=10_000):
        window.show()
    assert painted == [True] and opener.threads == ["first-attach"]  # once, after the paint, off the GUI thread
    assert opener.failures == []
    assert window.db is demo_db and window.model.attached
    assert _texts(window.model) == before
    assert window.table.current_key() == key  # the selection stayed
    qtbot.waitUntil(lambda: window.detail.shown_id is not None, timeout=5000)  # the detail reads the services
    qtbot.waitUntil(lambda: window.count_label.text() == "共 60 户", timeout=5000)
    assert window.filter_bar.status.count() > 1  # the status counts came after the attach


def test_typing_before_the_attach_is_not_lost(qtbot, demo_db, worker_actor, runner) -> None:
    opener = _Opener(demo_db)
    window = _first_window(demo_db, worker_actor, runner, opener)
    qtbot.addWidget(window)
    code = window.model.display(7, 0)
    search = window.filter_bar.search
    for ch in code:  # queued like a user's keys arriving while the window starts
        QCoreApplication.postEvent(search, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, ch))
    window.show()
    search.setFocus()
    qtbot.waitUntil(lambda: window.model.attached, timeout=10_000)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=5000)
    assert search.text() == code
    assert window.model.display(0, 0) == code
    assert opener.threads == ["first-attach"]


def test_a_database_that_fails_to_open_is_reported_not_attached(qtbot, demo_db, worker_actor, runner) -> None:
    class Failing(_Opener):
        def open(self):
            super().open()
            raise OSError("disk gone")

    opener = Failing(demo_db)
    window = _first_window(demo_db, worker_actor, runner, opener)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: opener.failures != [], timeout=10_000)
    assert [str(e) for e in opener.failures] == ["disk gone"]  # told on the GUI thread (app_first_window: a message)
    assert window.db is None and not window.model.attached
