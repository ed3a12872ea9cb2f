"""The real windows on a vaulted project: 新建项目 → the database opens only through the login, and HQ
enrols a laptop without a key password; 加入项目 → a device-slot-only laptop, where HQ's worker logs in
with the device password once, then with their own password."""

from __future__ import annotations

import os
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest
from vaulted_helpers import (
    ADMIN_PASSWORD,
    DEVICE_PASSWORD,
    RECOVERY_PASSWORD,
    WORKER,
    WORKER_PASSWORD,
    click,
    hq_answers,
    in_modal,
    type_text,
)

from survey_app.core.domain.errors import SurveyAppError
from survey_app.core.security import vault
from survey_app.core.storage.database import Database
from survey_app.ui.sync.common import OK, KeySession


@pytest.fixture
def no_key_password(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record any sync-key password prompt (a vaulted project must never show one)."""
    asked: list[str] = []

    def ask(self, prompt: str = "") -> None:
        asked.append(prompt)
        return None

    monkeypatch.setattr(KeySession, "ask_password", ask)
    return asked


def _login(qtbot, runner, path: Path, user: str, password: str):
    from survey_app.ui.login_dialog import LoginDialog

    dialog = LoginDialog(None, runner, project_name=path.stem, db_path=path)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.username, user)
    type_text(qtbot, dialog.password, password)
    return dialog


def test_new_project_is_vaulted_opens_at_login_and_hq_accepts_an_enrolment(qtbot, runner, tmp_path: Path,
                                                                           no_key_password) -> None:
    from survey_app.core.services.project_join import start_join
    from survey_app.ui.start.chooser import StartWindow
    from survey_app.ui.start.new_project import NewProjectDialog
    from survey_app.ui.sync.hq_page import HqSyncPage

    window = StartWindow()
    qtbot.addWidget(window)
    window.show()

    def drive(dialog: NewProjectDialog) -> None:
        dialog.set_folder(tmp_path / "projects")  # what 更改文件夹… does after its folder dialog
        type_text(qtbot, dialog.name, "芙蓉路片区棚户区改造")
        type_text(qtbot, dialog.code, "fr2024")
        type_text(qtbot, dialog.city, "长沙")
        type_text(qtbot, dialog.password, ADMIN_PASSWORD)
        type_text(qtbot, dialog.password2, ADMIN_PASSWORD)
        type_text(qtbot, dialog.recovery, RECOVERY_PASSWORD)
        type_text(qtbot, dialog.recovery2, RECOVERY_PASSWORD)
        click(qtbot, dialog.create_button)

    in_modal(NewProjectDialog, drive)
    click(qtbot, window.new_button)  # returns when the form closes
    path = window.chosen
    assert path == tmp_path / "projects" / "FR2024.sqlite3"
    assert vault.Vault.load(vault.vault_path(path)).slots == ["device", "user:admin"]  # device: the recovery slot
    with pytest.raises(SurveyAppError):  # encrypted: nothing reads it around the login
        Database(path)

    dialog = _login(qtbot, runner, path, "admin", "Wrong-pass-2024")
    with qtbot.waitSignal(dialog.login_failed, timeout=20_000) as failed:
        click(qtbot, dialog.login_button)
    assert failed.args == ["密码错误（还可尝试4次）"] and dialog.db is None
    type_text(qtbot, dialog.password, ADMIN_PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        click(qtbot, dialog.login_button)
    db, admin = dialog.db, dialog.actor
    try:
        assert admin.username == "admin" and dialog.change_dialog is None
        usb = tmp_path / "usb"
        usb.mkdir()
        started = start_join(tmp_path / "laptop.sqlite3", device_name="一号笔记本", device_password=DEVICE_PASSWORD,
                             request_dir=usb)
        page = HqSyncPage(db, admin, runner)
        qtbot.addWidget(page)
        page.show()
        page.tabs.setCurrentWidget(page.devices)
        panel = page.devices
        panel.accept(started.request_file)  # what 选择登记申请并登记… does after the file and the question
        qtbot.waitUntil(lambda: bool(panel.results.entries), timeout=20_000)
        entry = panel.results.entries[0]
        assert (entry.kind, entry.title) == (OK, "已登记设备 D01"), entry.lines
        assert no_key_password == [] and list(usb.glob("FR2024_D01_enrollment.saenroll"))
    finally:
        db.dispose()


def test_join_wizard_then_the_worker_needs_the_device_password_only_once(qtbot, runner, tmp_path: Path,
                                                                          hq_open) -> None:
    from survey_app.ui.start.join_wizard import JoinWizard

    hq, admin = hq_open
    usb = tmp_path / "U盘"
    usb.mkdir()
    wizard = JoinWizard(runner)
    qtbot.addWidget(wizard)
    wizard.show()
    type_text(qtbot, wizard.device_name, "调查组1号笔记本")
    type_text(qtbot, wizard.device_password, DEVICE_PASSWORD)
    type_text(qtbot, wizard.device_password2, DEVICE_PASSWORD)
    wizard.set_request_dir(usb)  # what 选择 U 盘文件夹… does after its folder dialog
    click(qtbot, wizard.request_button)
    qtbot.waitUntil(lambda: wizard.path is not None or wizard.error.text() != "", timeout=20_000)
    assert wizard.error.text() == ""
    assert vault.Vault.load(vault.vault_path(wizard.path)).slots == ["device"]
    with pytest.raises(SurveyAppError):
        Database(wizard.path)

    _code, reply, assignment = hq_answers(hq, admin, next(usb.glob("enroll-request-*.json")), usb)
    click(qtbot, wizard.next_button)
    wizard.set_response(reply)
    wizard.set_assignments([assignment])
    type_text(qtbot, wizard.finish_password, "Wrong-pass-2024")
    click(qtbot, wizard.finish_button)
    qtbot.waitUntil(lambda: wizard.error.text() != "", timeout=20_000)
    assert "密码错误" in wizard.error.text() and wizard.ready is None
    wizard.finish_password.clear()
    type_text(qtbot, wizard.finish_password, DEVICE_PASSWORD)
    click(qtbot, wizard.finish_button)
    qtbot.waitUntil(lambda: wizard.ready is not None, timeout=20_000)
    laptop = wizard.ready

    # first login of HQ's worker here: no key slot yet → the device password, once; then a password change
    dialog = _login(qtbot, runner, laptop, WORKER, WORKER_PASSWORD)
    assert not dialog.device_password.isVisible()
    with qtbot.waitSignal(dialog.login_failed, timeout=20_000):
        click(qtbot, dialog.login_button)
    assert dialog.device_password.isVisible() and dialog.db is None
    type_text(qtbot, dialog.device_password, DEVICE_PASSWORD)
    click(qtbot, dialog.login_button)
    qtbot.waitUntil(lambda: dialog.change_dialog is not None and dialog.change_dialog.isVisible(), timeout=20_000)
    type_text(qtbot, dialog.change_dialog.new_password, "Zhang-own-2024")
    type_text(qtbot, dialog.change_dialog.confirm, "Zhang-own-2024")
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        click(qtbot, dialog.change_dialog.ok_button)
    assert dialog.actor.username == WORKER
    dialog.db.dispose()
    assert vault.Vault.load(vault.vault_path(laptop)).slots == ["device", f"user:{WORKER}"]

    again = _login(qtbot, runner, laptop, WORKER, "Zhang-own-2024")  # from now on: their own password only
    with qtbot.waitSignal(again.accepted, timeout=20_000):
        click(qtbot, again.login_button)
    assert not again.device_password.isVisible() and again.change_dialog is None
    again.db.dispose()


def test_the_enrol_panel_asks_no_key_password_in_a_vaulted_project(qtbot, runner, tmp_path: Path, hq_open,
                                                                   no_key_password) -> None:
    from survey_app.core.services.project_files import create_project_database
    from survey_app.ui.sync.common import ResultList
    from survey_app.ui.sync.enroll_panel import EnrollPanel

    hq, admin = hq_open
    db, _ = create_project_database(tmp_path / "p.sqlite3", admin_username="chief", admin_password="Chief-pass-2024")
    try:
        results = ResultList()
        qtbot.addWidget(results)
        panel = EnrollPanel(db, runner, KeySession(db, results, lambda m: None), results)
        qtbot.addWidget(panel)
        panel.show()
        panel.refresh()
        assert not panel.password.isVisible() and not panel.password2.isVisible()
        type_text(qtbot, panel.name, "二号笔记本")
        usb = tmp_path / "usb"
        usb.mkdir()
        panel.write_request(usb)  # what 生成登记申请… does after its folder dialog
        qtbot.waitUntil(lambda: bool(results.entries), timeout=20_000)
        assert results.entries[0].title == "登记申请已写出", results.entries[0].lines
        _code, reply, _assignment = hq_answers(hq, admin, next(usb.glob("enroll-request-*.json")), usb)
        panel.import_response(reply)  # what 导入登记回复… does after its file dialog
        qtbot.waitUntil(lambda: len(results.entries) == 2, timeout=20_000)
        assert results.entries[0].title.startswith("登记完成"), results.entries[0].lines
        assert no_key_password == []
    finally:
        db.dispose()
