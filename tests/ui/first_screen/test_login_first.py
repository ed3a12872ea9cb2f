"""The real login dialog of a start, before the ORM: typed into with qtbot.keyClicks and accepted with 登录."""

from __future__ import annotations

import argparse
import shutil
import sqlite3
from pathlib import Path

import pytest

from survey_app.ui.first_attach import Warmup
from survey_app.ui.login_dialog import LoginDialog


@pytest.fixture
def project(_demo_template: Path, tmp_path: Path) -> Path:
    db = tmp_path / "project.sqlite3"
    shutil.copyfile(_demo_template, db)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE users SET last_login_at = NULL")
    return db


@pytest.fixture
def warmup(project: Path, qapp):
    from survey_app.ui.app_first_window import _opened

    def work():
        from survey_app.core.services import startup

        return startup.open_database(project)

    w = Warmup(work)
    w.start()
    yield w
    db = _opened(w)
    if db is not None:
        db.dispose()


def _dialog(qtbot, runner, project: Path, warmup: Warmup, username: str, password: str) -> LoginDialog:
    dialog = LoginDialog(None, runner, project_name="测试项目", db_path=project, warmup=warmup)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, username)
    qtbot.keyClicks(dialog.password, password)
    return dialog


def _worker(db: Path) -> tuple[int, int]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT last_login_at IS NOT NULL, failed_logins FROM users WHERE username = 'worker'"
                            ).fetchone()


def test_a_typed_login_paints_the_window_light_then_attaches(qtbot, runner, project: Path, warmup: Warmup) -> None:
    from survey_app.core.services.first_screen import reopen_first_screen
    from survey_app.ui import app
    from survey_app.ui.app_first_window import _Opener

    dialog = _dialog(qtbot, runner, project, warmup, "worker", "worker123")
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        qtbot.mouseClick(dialog.login_button, app_qt_left())
    assert dialog.db is None and dialog.actor.username == "worker"  # settled by the light check
    assert dialog.password.text() == ""
    screen = reopen_first_screen(project)  # the warm-up has opened it (its -open marker is there)
    session = app.Session(qtbot_app(), None, runner, project="测试项目")
    args = argparse.Namespace(db=project, lang=None)
    window = session.open_window(dialog.actor, first_screen=screen,
                                 opener=_Opener(qtbot_app(), args, session, warmup, dialog))
    qtbot.addWidget(window)
    assert window.db is None  # painted from the light read
    with qtbot.waitSignal(window.attached, timeout=30_000):
        pass
    assert window.db is warmup.result() and session.db is window.db
    assert _worker(project) == (1, 0)  # the audited login, after the paint
    with pytest.raises(RuntimeError):
        dialog.take_credentials()  # handed over once
    window.close()
    screen.close()


def test_a_wrong_password_gets_the_services_message_and_is_recorded(qtbot, runner, project: Path,
                                                                   warmup: Warmup) -> None:
    dialog = _dialog(qtbot, runner, project, warmup, "worker", "not-the-password")
    with qtbot.waitSignal(dialog.login_failed, timeout=20_000) as blocker:
        qtbot.mouseClick(dialog.login_button, app_qt_left())
    assert blocker.args == ["用户名或密码错误（还可尝试4次）"]  # as the ordinary path says it
    assert dialog.error_label.text() == blocker.args[0] and dialog.password.text() == ""
    assert dialog.actor is None and dialog.login_button.isEnabled()
    assert _worker(project) == (0, 1)  # the attempt recorded by users.login
    qtbot.keyClicks(dialog.password, "worker123")
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        qtbot.mouseClick(dialog.login_button, app_qt_left())
    assert dialog.actor.username == "worker"


def _make_vaulted(folder: Path) -> None:
    from survey_app.core.services.projects import create_project

    create_project(folder / "v.sqlite3", name="芙蓉路片区", code="FR2024", city="长沙", sections=["A1=一组"],
                   admin_password="Zhb-2024-secret", display_name="王主任")


@pytest.fixture(scope="session")
def _vaulted_template(shared_project_files) -> Path:
    return shared_project_files("first_screen_vaulted", _make_vaulted)


def test_a_vaulted_project_still_logs_in_through_the_dialog(qtbot, runner, tmp_path: Path, _vaulted_template: Path,
                                                           monkeypatch) -> None:
    from survey_app.ui import app
    from survey_app.ui.project_login import login_and_open

    shutil.copytree(_vaulted_template, tmp_path / "v")
    monkeypatch.setenv(app.BENCH_ENV, "admin:Zhb-2024-secret")  # filled into the real dialog once painted
    db, actor = login_and_open(runner, tmp_path / "v" / "v.sqlite3", 0.0)
    try:
        assert actor.username == "admin" and db is not None
    finally:
        db.dispose()


def app_qt_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def qtbot_app():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance()
