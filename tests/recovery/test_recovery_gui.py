"""The real windows: the new-project form will not make a project without a recovery password, and 忘记密码… at
the login resets a forgotten password with it, then logs in."""

from __future__ import annotations

import os
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from recovery_helpers import ADMIN, ADMIN_PW, NEW_PW, RECOVERY_PW, click, type_text

from survey_app.core.security import vault
from survey_app.core.services import project_files, users


def _form(qtbot, runner, folder: Path):
    from survey_app.ui.start.new_project import NewProjectDialog

    dialog = NewProjectDialog(runner)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_folder(folder)  # what 更改文件夹… does after its folder dialog
    type_text(qtbot, dialog.name, "芙蓉路片区棚户区改造")
    type_text(qtbot, dialog.code, "fr2024")
    type_text(qtbot, dialog.city, "长沙")
    type_text(qtbot, dialog.password, ADMIN_PW)
    type_text(qtbot, dialog.password2, ADMIN_PW)
    return dialog


def test_the_form_requires_a_recovery_password_and_it_becomes_the_recovery_slot(qtbot, runner,
                                                                                 tmp_path: Path) -> None:
    dialog = _form(qtbot, runner, tmp_path)
    path = tmp_path / "FR2024.sqlite3"
    assert "密封在信封里" in dialog.findChild(type(dialog.error), "recoveryNote").text()
    click(qtbot, dialog.create_button)
    assert dialog.error.text().startswith("请设置恢复密码") and dialog.focusWidget() is dialog.recovery and not path.exists()

    type_text(qtbot, dialog.recovery, RECOVERY_PW)
    type_text(qtbot, dialog.recovery2, "Seal-envelope-2025")
    click(qtbot, dialog.create_button)
    assert dialog.error.text() == "两次输入的恢复密码不一致" and dialog.recovery2.text() == "" and not path.exists()

    dialog.recovery.clear()
    type_text(qtbot, dialog.recovery, ADMIN_PW)  # the admin's own password is no recovery
    type_text(qtbot, dialog.recovery2, ADMIN_PW)
    click(qtbot, dialog.create_button)
    qtbot.waitUntil(lambda: dialog.error.text() != "" and dialog.create_button.isEnabled(), timeout=20_000)
    assert "不能与管理员密码相同" in dialog.error.text() and dialog.created is None and not path.exists()

    for edit in (dialog.recovery, dialog.recovery2):
        edit.clear()
        type_text(qtbot, edit, RECOVERY_PW)
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        click(qtbot, dialog.create_button)
    assert dialog.created.path == path
    assert vault.Vault.load(vault.vault_path(path)).slots == ["device", "user:admin"]
    project_files.open_with_device_password(path, RECOVERY_PW).dispose()  # the recovery password opens it


def _login(qtbot, runner, path: Path):
    from survey_app.ui.login_dialog import LoginDialog

    dialog = LoginDialog(None, runner, project_name=path.stem, db_path=path)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_forgot_password_at_the_login_resets_it_and_logs_in(qtbot, runner, hq_project: Path) -> None:
    dialog = _login(qtbot, runner, hq_project)
    assert dialog.forgot_button.isVisible() and dialog.forgot_button.text() == "忘记密码…"
    type_text(qtbot, dialog.username, ADMIN)
    click(qtbot, dialog.forgot_button)
    recovery = dialog.recovery_dialog
    assert recovery is not None and recovery.isVisible() and recovery.user.text() == ADMIN

    type_text(qtbot, recovery.recovery, "Not-the-seal-2024")
    type_text(qtbot, recovery.new_password, NEW_PW)
    type_text(qtbot, recovery.confirm, NEW_PW)
    with qtbot.waitSignal(recovery.failed, timeout=20_000) as failed:
        click(qtbot, recovery.ok_button)
    assert failed.args == ["密码错误（还可尝试4次）"] and recovery.isVisible() and recovery.recovery.text() == ""
    assert vault.Vault.load(vault.vault_path(hq_project)).slot_snapshot("device")["failed"] == 1

    type_text(qtbot, recovery.recovery, RECOVERY_PW)
    type_text(qtbot, recovery.confirm, NEW_PW)
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):  # the reset, then the login with the new password
        click(qtbot, recovery.ok_button)
    try:
        assert dialog.actor.username == ADMIN and not users.must_change_password(dialog.db, ADMIN)
        assert dialog.password.text() == "" and recovery.new_password.text() == ""
    finally:
        dialog.db.dispose()
    import pytest

    from survey_app.core.domain.errors import AuthenticationError

    with pytest.raises(AuthenticationError):
        project_files.open_project_database(hq_project, ADMIN, ADMIN_PW)


def test_recovery_dialog_shows_the_core_refusal_for_a_demo_password(qtbot, runner, hq_project: Path) -> None:
    dialog = _login(qtbot, runner, hq_project)
    click(qtbot, dialog.forgot_button)
    recovery = dialog.recovery_dialog
    assert recovery.focusWidget() is recovery.user
    click(qtbot, recovery.ok_button)
    assert recovery.error_label.text() == "请输入用户名"
    type_text(qtbot, recovery.user, ADMIN)
    type_text(qtbot, recovery.recovery, RECOVERY_PW)
    type_text(qtbot, recovery.new_password, "hq123456")
    type_text(qtbot, recovery.confirm, "hq123456")
    with qtbot.waitSignal(recovery.failed, timeout=20_000) as failed:
        click(qtbot, recovery.ok_button)
    assert "演示" in failed.args[0] and recovery.new_password.text() == "" and recovery.focusWidget() is recovery.new_password
    click(qtbot, recovery.cancel_button)
    assert not recovery.isVisible() and dialog.isVisible() and dialog.db is None


def test_no_forgot_link_when_the_login_does_not_open_a_vaulted_project(qtbot, runner, db) -> None:
    from survey_app.ui.login_dialog import LoginDialog

    dialog = LoginDialog(db, runner, project_name="演示")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.forgot_button.isVisible()
