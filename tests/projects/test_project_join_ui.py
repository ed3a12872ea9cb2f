"""加入项目 wizard and HQ's 项目信息 tab, through their real widgets."""

from __future__ import annotations

import os
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest
from PySide6.QtCore import Qt
from test_project_join import DEVICE_PASSWORD, hq_answers
from test_project_start_ui import type_text

from survey_app.core.services import project_registry, projects


@pytest.fixture
def runner(qapp):
    from survey_app.ui.task_runner import TaskRunner

    r = TaskRunner()
    yield r
    r.shutdown()


def test_join_wizard_writes_the_request_then_imports_the_reply(qtbot, runner, tmp_path: Path, hq_db,
                                                                hq_admin) -> None:
    from survey_app.ui.start.join_wizard import JoinWizard

    usb = tmp_path / "U盘"
    usb.mkdir()
    wizard = JoinWizard(runner)
    qtbot.addWidget(wizard)
    wizard.show()
    type_text(qtbot, wizard.device_name, "调查组1号笔记本")
    type_text(qtbot, wizard.device_password, DEVICE_PASSWORD)
    type_text(qtbot, wizard.device_password2, DEVICE_PASSWORD)
    qtbot.mouseClick(wizard.request_button, Qt.MouseButton.LeftButton)
    assert wizard.error.text() == "请先选择 U 盘文件夹"
    wizard.set_request_dir(usb)  # what 选择 U 盘文件夹… does after its folder dialog
    qtbot.mouseClick(wizard.request_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.path is not None or wizard.error.text() != "", timeout=20000)
    assert wizard.error.text() == ""
    requests = list(usb.glob("enroll-request-*.json"))
    assert len(requests) == 1 and "本机密钥指纹" in wizard.request_result.text()
    entry = project_registry.find(wizard.path)
    assert entry.pending and entry.role == "field" and project_registry.last_opened() is None
    assert wizard.path.parent == project_registry.registry_file().parent  # the per-user data folder

    reply, assignment = hq_answers(hq_db, hq_admin, requests[0], usb)
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.pages.currentIndex() == 1
    wizard.set_response(reply)
    wizard.set_assignments([assignment])
    type_text(qtbot, wizard.finish_password, "wrong-password")
    qtbot.mouseClick(wizard.finish_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.error.text() != "", timeout=20000)
    assert wizard.ready is None and "Traceback" not in wizard.error.text()
    wizard.finish_password.clear()
    type_text(qtbot, wizard.finish_password, DEVICE_PASSWORD)
    qtbot.mouseClick(wizard.finish_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.ready is not None, timeout=20000)
    assert "FR2024" in wizard.finish_result.text() and wizard.open_button.isVisibleTo(wizard)
    entry = project_registry.find(wizard.ready)
    assert not entry.pending and entry.code == "FR2024" and project_registry.last_opened().path == entry.path
    from survey_app.core.services.project_files import add_user_with_device_password

    db, actor = add_user_with_device_password(wizard.ready, "zhang", "worker-pass-1", DEVICE_PASSWORD)
    try:
        assert actor.username == "zhang"
    finally:
        db.dispose()


def test_pending_entry_reopens_the_wizard_at_step_two(qtbot, runner, tmp_path: Path, monkeypatch) -> None:
    from survey_app.ui.start import chooser, join_wizard

    pending = tmp_path / "field.sqlite3"
    pending.write_bytes(b"x")
    project_registry.remember(pending, name="待登记：笔记本", role="field", pending=True)
    seen = {}

    def fake_exec(self) -> int:
        seen["page"], seen["path"] = self.pages.currentIndex(), self.path
        return 0

    monkeypatch.setattr(join_wizard.JoinWizard, "exec", fake_exec)
    window = chooser.StartWindow()
    qtbot.addWidget(window)
    window.show()
    assert "登记未完成" in window.list.item(0).text()
    qtbot.mouseClick(window.open_button, Qt.MouseButton.LeftButton)
    assert seen == {"page": 1, "path": pending.resolve()} and window.chosen is None


def test_project_tab_edits_and_asks_for_a_reason_after_the_first_agreement(qtbot, runner, hq_db, hq_admin,
                                                                            monkeypatch) -> None:
    from survey_app.ui.hq.project_tab import build

    tab = build(hq_db, hq_admin, runner)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.info is not None)
    assert tab.code.text() == "FR2024" and tab.target.text() == "60"
    assert tab.fingerprint.text().replace(" ", "").lower() == tab.info.hq_fingerprint
    assert not tab.reason.isEnabled()
    tab.city.clear()
    type_text(qtbot, tab.city, "株洲")
    type_text(qtbot, tab.sections.name, "三组")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.message.text() != "")
    assert tab.message.text() == "已保存。"
    info = projects.project_info(hq_db)
    assert info.city == "株洲" and [s.name for s in info.sections] == ["一组", "二组", "三组"]

    monkeypatch.setattr(projects, "has_agreements", lambda db: True)
    tab.load()
    qtbot.waitUntil(lambda: tab.reason.isEnabled())
    tab.target.clear()
    type_text(qtbot, tab.target, "65")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "原因" in tab.message.text())
    assert projects.project_info(hq_db).cash_target_pct == 60
    type_text(qtbot, tab.reason, "按区政府批复调整目标")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.message.text() == "已保存。")
    assert projects.project_info(hq_db).cash_target_pct == 65
