"""The warm-up yields to the GUI thread: 登录 pauses it at its next import step, the window's first paint resumes it.

The warm-up here imports small real modules written to tmp_path (the ORM is already imported in a test
process); the first one holds until the test lets it go, so the pause falls in the middle of the steps.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import time
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication

from survey_app.ui import first_attach
from survey_app.ui.first_attach import Warmup
from survey_app.ui.login_dialog import LoginDialog

STEPS = 8


@pytest.fixture
def project(_demo_template: Path, tmp_path: Path) -> Path:
    db = tmp_path / "project.sqlite3"
    shutil.copyfile(_demo_template, db)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE users SET last_login_at = NULL")
    return db


@pytest.fixture
def modules(tmp_path: Path, monkeypatch):
    """(the hold module, the step modules' names): the first step waits on ``hold.go``, the others are empty."""
    tag = uuid.uuid4().hex[:8]
    folder = tmp_path / "mods"
    folder.mkdir()
    (folder / f"g3hold_{tag}.py").write_text("import threading\ngo = threading.Event()\n", encoding="utf-8")
    names = [f"g3step_{tag}_{i}" for i in range(STEPS)]
    (folder / f"{names[0]}.py").write_text(f"import g3hold_{tag}\ng3hold_{tag}.go.wait(60)\n", encoding="utf-8")
    for name in names[1:]:
        (folder / f"{name}.py").write_text("VALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(folder))
    hold = __import__(f"g3hold_{tag}")
    yield hold, tuple(names)
    hold.go.set()
    for name in (*names, f"g3hold_{tag}"):
        sys.modules.pop(name, None)


@pytest.fixture(autouse=True)
def _patient(monkeypatch) -> None:
    monkeypatch.setattr(first_attach, "PAUSE_LIMIT", 120.0)  # a slow machine must not end a pause by itself


@pytest.fixture
def warmup(project: Path, modules, qapp):
    from survey_app.ui.app_first_window import _opened

    def work():
        from survey_app.core.services import startup

        return startup.open_database(project)

    w = Warmup(work, imports=modules[1])
    w.start()
    yield w
    modules[0].go.set()
    db = _opened(w)
    if db is not None:
        db.dispose()


class _Paints(QObject):
    """An application event filter: (time, widget) of every paint."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[float, QObject]] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.seen.append((time.perf_counter(), watched))
        return False


def _steps_in(warmup: Warmup, start: float, end: float) -> list[str]:
    return [what for at, what in warmup.steps if start < at < end]


def test_a_paused_warmup_runs_no_step_until_resumed_and_result_resumes_it(modules) -> None:
    hold, names = modules
    w = Warmup(lambda: "opened", imports=names)
    w.pause()
    hold.go.set()
    w.start()
    assert w.paused() and w.steps == []  # waiting before its first import
    assert w.result() == "opened"  # result() lifts the pause: no one waits on a paused warm-up
    assert not w.paused() and [what for _, what in w.steps][:STEPS] == list(names)
    assert w.steps[-1][1] == "work" and w.steps[0][0] >= w.pauses[0][1] > w.pauses[0][0]
    assert all(name in sys.modules for name in names)


def test_a_pause_ends_by_itself_after_the_limit(qtbot, modules, monkeypatch) -> None:
    hold, names = modules
    monkeypatch.setattr(first_attach, "PAUSE_LIMIT", 0.05)
    w = Warmup(lambda: "opened", imports=names)
    w.pause()
    hold.go.set()
    with qtbot.waitSignal(w.finished, timeout=20_000):
        w.start()
    assert w.done() and not w.paused() and w.pauses[0][1] > w.pauses[0][0]
    assert w.result() == "opened"


def test_login_pauses_the_warmup_until_the_window_has_painted(qtbot, runner, project: Path, modules,
                                                               warmup: Warmup) -> None:
    from survey_app.core.services.first_screen import reopen_first_screen
    from survey_app.ui import app
    from survey_app.ui.app_first_window import _Opener

    hold, names = modules
    dialog = LoginDialog(None, runner, project_name="测试项目", db_path=project, warmup=warmup)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "worker")
    qtbot.keyClicks(dialog.password, "worker123")
    assert not warmup.paused() and not warmup.done()  # held in its first step by the test
    clicked = time.perf_counter()
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
        assert warmup.paused()  # from 登录 on
        hold.go.set()  # the step under way ends; the next one waits
    assert dialog.db is None  # the light sign-in: the window paints before the database
    assert warmup.paused() and len(warmup.pauses) == 1 and warmup.pauses[0][0] >= clicked

    screen = reopen_first_screen(project)
    session = app.Session(QApplication.instance(), None, runner, project="测试项目")
    args = argparse.Namespace(db=project, lang=None)
    paints = _Paints()
    QApplication.instance().installEventFilter(paints)
    try:
        window = session.open_window(dialog.actor, first_screen=screen,
                                     opener=_Opener(QApplication.instance(), args, session, warmup, dialog))
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.attached, timeout=30_000):
            pass
    finally:
        QApplication.instance().removeEventFilter(paints)
    painted = [at for at, widget in paints.seen if widget is window.table.viewport()]
    paused_at, resumed_at = warmup.pauses[0]
    assert painted and paused_at < painted[0] < resumed_at  # paused through the list's first paint
    assert _steps_in(warmup, paused_at, resumed_at) == []  # no import step ran in that window
    assert [what for at, what in warmup.steps if at >= resumed_at][:STEPS - 1] == list(names[1:])  # then on
    assert window.db is warmup.result()
    window.close()
    screen.close()


def test_a_wrong_password_resumes_the_warmup_and_is_refused_as_before(qtbot, runner, project: Path, modules,
                                                                      warmup: Warmup) -> None:
    hold, _ = modules
    dialog = LoginDialog(None, runner, project_name="测试项目", db_path=project, warmup=warmup)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "worker")
    qtbot.keyClicks(dialog.password, "not-the-password")
    assert not warmup.pauses
    clicked = time.perf_counter()
    with qtbot.waitSignal(dialog.login_failed, timeout=20_000) as blocker:
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
        hold.go.set()
    assert blocker.args == ["用户名或密码错误（还可尝试4次）"]
    # Paused at 登录, then lifted by users.login waiting for it. The pause is read from its record, not asked
    # right after the click: the refusal can lift it before the test's next line runs (a race seen in CI).
    assert len(warmup.pauses) == 1 and clicked <= warmup.pauses[0][0] < warmup.pauses[0][1]
    assert not warmup.paused() and warmup.done()  # users.login waited for it: the pause was lifted
    with sqlite3.connect(project) as conn:
        assert conn.execute("SELECT failed_logins FROM users WHERE username = 'worker'").fetchone() == (1,)


# A real start's pause, from 登录 to the window's first paint, is checked on test_start_order.py's accepted start.
