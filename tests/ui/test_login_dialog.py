from __future__ import annotations

from PySide6.QtWidgets import QDialog

from survey_app.core.domain.roles import Role
from survey_app.ui.login_dialog import LoginDialog


def _dialog(qtbot, db, runner) -> LoginDialog:
    dialog = LoginDialog(db, runner, project_name="测试项目")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_wrong_password_shows_the_services_chinese_message(qtbot, demo_db, runner) -> None:
    dialog = _dialog(qtbot, demo_db, runner)
    qtbot.keyClicks(dialog.username, "worker")
    qtbot.keyClicks(dialog.password, "not-the-password")
    with qtbot.waitSignal(dialog.login_failed, timeout=10_000) as blocker:
        dialog.login_button.click()
    assert blocker.args == ["用户名或密码错误（还可尝试4次）"]
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == "用户名或密码错误（还可尝试4次）"
    assert dialog.password.text() == ""  # cleared for the next try
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.actor is None
    assert dialog.login_button.isEnabled()


def test_right_password_accepts_with_the_actor(qtbot, demo_db, runner) -> None:
    dialog = _dialog(qtbot, demo_db, runner)
    dialog.username.setText("reviewer")
    dialog.password.setText("review123")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.login_button.click()
    assert dialog.actor is not None
    assert (dialog.actor.username, dialog.actor.role) == ("reviewer", Role.SUPERVISOR)
    assert dialog.actor.device  # logged in on this device


def test_empty_user_name_is_refused_without_asking_the_service(qtbot, demo_db, runner) -> None:
    dialog = _dialog(qtbot, demo_db, runner)
    dialog.login_button.click()
    assert dialog.error_label.text() == "请输入用户名"
    assert not runner.busy


def test_demo_hint_only_for_the_demo_project(qtbot, demo_db, runner) -> None:
    dialog = _dialog(qtbot, demo_db, runner)
    assert demo_db.path.name != "demo-project.sqlite3"
    assert not dialog.hint_label.isVisible()
    assert dialog.project_label.text() == "测试项目"
