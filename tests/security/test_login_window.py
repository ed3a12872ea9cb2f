"""The real login dialog on a real project: unlock, forced password change, device password for a new user."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog
from vault_setup import ADMIN, ADMIN_PW, DEVICE_PW

from survey_app.core.domain.roles import Role
from survey_app.core.security import vault
from survey_app.core.services import project_files, users
from survey_app.ui.login_dialog import LoginDialog


def _dialog(qtbot, runner, project: Path) -> LoginDialog:
    dialog = LoginDialog(None, runner, project_name=project.stem, db_path=project)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _type_login(qtbot, dialog: LoginDialog, user: str, password: str) -> None:
    qtbot.keyClicks(dialog.username, user)
    qtbot.keyClicks(dialog.password, password)


def _add_worker(project: Path, password: str = "Wang-first-1") -> None:
    db, admin = project_files.open_project_database(project, ADMIN, ADMIN_PW)
    try:
        users.create_user(db, admin, "wang", password, Role.FIELD_WORKER)  # must change at first login
    finally:
        db.dispose()


def test_wrong_then_right_password_opens_the_project(qtbot, runner, project: Path) -> None:
    dialog = _dialog(qtbot, runner, project)
    assert dialog.db is None and not dialog.hint_label.isVisible()  # no demo accounts on a real project
    _type_login(qtbot, dialog, ADMIN, "wrong-password")
    with qtbot.waitSignal(dialog.login_failed, timeout=20_000) as blocker:
        qtbot.mouseClick(dialog.login_button, _left())
    assert blocker.args == ["密码错误（还可尝试4次）"] and dialog.db is None
    qtbot.keyClicks(dialog.password, ADMIN_PW)
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        qtbot.mouseClick(dialog.login_button, _left())
    try:
        assert dialog.actor.username == ADMIN and dialog.change_dialog is None
        assert vault.session_of(dialog.db) is not None and dialog.db.cipher_key
    finally:
        dialog.db.dispose()


def test_forced_change_before_the_window_opens(qtbot, runner, project: Path) -> None:
    _add_worker(project)
    dialog = _dialog(qtbot, runner, project)
    _type_login(qtbot, dialog, "wang", "Wang-first-1")
    qtbot.mouseClick(dialog.login_button, _left())
    qtbot.waitUntil(lambda: dialog.change_dialog is not None and dialog.change_dialog.isVisible(), timeout=20_000)
    change = dialog.change_dialog
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.actor is None
    qtbot.keyClicks(change.new_password, "worker123")  # a demo password: refused in a real project
    qtbot.keyClicks(change.confirm, "worker123")
    with qtbot.waitSignal(change.failed, timeout=20_000) as blocker:
        qtbot.mouseClick(change.ok_button, _left())
    assert "演示账号的密码" in blocker.args[0] and change.isVisible()
    qtbot.keyClicks(change.new_password, "Wang-own-2024")
    qtbot.keyClicks(change.confirm, "Wang-own-2024")
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        qtbot.mouseClick(change.ok_button, _left())
    assert dialog.actor.username == "wang"
    assert not users.must_change_password(dialog.db, "wang")
    dialog.db.dispose()
    db, _ = project_files.open_project_database(project, "wang", "Wang-own-2024")  # the slot follows
    db.dispose()


def test_refusing_the_change_closes_the_project(qtbot, runner, project: Path) -> None:
    _add_worker(project)
    dialog = _dialog(qtbot, runner, project)
    _type_login(qtbot, dialog, "wang", "Wang-first-1")
    qtbot.mouseClick(dialog.login_button, _left())
    qtbot.waitUntil(lambda: dialog.change_dialog is not None and dialog.change_dialog.isVisible(), timeout=20_000)
    dialog.change_dialog.reject()
    assert dialog.db is None and dialog.actor is None
    assert dialog.error_label.text() == "必须先修改密码才能使用本软件"


def test_a_user_without_a_slot_is_asked_for_the_device_password_once(qtbot, runner,
                                                                     project: Path) -> None:
    db, admin = project_files.open_project_database(project, ADMIN, ADMIN_PW)
    try:
        users.create_user(db, admin, "zhao", "Zhao-pass-24", Role.SUPERVISOR)
        users.set_password(db, admin, "zhao", "Zhao-pass-25")
        vault.Vault.load(vault.vault_path(project)).remove_slot(vault.session_of(db), "user:zhao")
    finally:
        db.dispose()
    dialog = _dialog(qtbot, runner, project)
    assert not dialog.device_password.isVisible()
    _type_login(qtbot, dialog, "zhao", "Zhao-pass-25")
    with qtbot.waitSignal(dialog.login_failed, timeout=20_000):
        qtbot.mouseClick(dialog.login_button, _left())
    assert dialog.device_password.isVisible() and dialog.password.text() == "Zhao-pass-25"
    qtbot.keyClicks(dialog.device_password, DEVICE_PW)
    qtbot.mouseClick(dialog.login_button, _left())
    qtbot.waitUntil(lambda: dialog.change_dialog is not None and dialog.change_dialog.isVisible(), timeout=20_000)
    qtbot.keyClicks(dialog.change_dialog.new_password, "Zhao-own-2024")
    qtbot.keyClicks(dialog.change_dialog.confirm, "Zhao-own-2024")
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        qtbot.mouseClick(dialog.change_dialog.ok_button, _left())
    dialog.db.dispose()
    assert vault.Vault.load(vault.vault_path(project)).has_slot("user:zhao")
    db, _ = project_files.open_project_database(project, "zhao", "Zhao-own-2024")
    db.dispose()


def _left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
