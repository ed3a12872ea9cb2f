"""The start window, the 新建项目 form and the 加入项目 wizard, driven through their real widgets."""

from __future__ import annotations

import os
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest
from project_helpers import ADMIN_PASSWORD, RECOVERY_PASSWORD
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from survey_app.core.paths import data_dir, default_db_path
from survey_app.core.services import project_registry, users


@pytest.fixture
def runner(qapp):
    from survey_app.ui.task_runner import TaskRunner

    r = TaskRunner()
    yield r
    r.shutdown()


@pytest.fixture
def start_window(qtbot):
    from survey_app.ui.start.chooser import StartWindow

    window = StartWindow()
    qtbot.addWidget(window)
    window.show()
    return window


def _in_modal(qtbot, kind: type, drive) -> None:
    """Run ``drive(dialog)`` on the modal ``kind`` dialog once it is shown (it runs inside its exec loop).
    If ``drive`` fails the dialog is closed, so the test fails instead of hanging."""
    def step() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(10, step)
            return
        try:
            drive(dialog)
        except BaseException:
            dialog.reject()
            raise
    QTimer.singleShot(0, step)


def type_text(qtbot, edit, text: str) -> None:
    """Type ``text``: keys for ASCII; Chinese arrives as an input method commits it (QTest types ASCII only)."""
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        edit.insert(text)


def _fill_form(qtbot, dialog, password: str) -> None:
    type_text(qtbot, dialog.name, "芙蓉路片区棚户区改造")
    type_text(qtbot, dialog.code, "fr2024")
    type_text(qtbot, dialog.city, "长沙")
    type_text(qtbot, dialog.decision_no, "芙政征〔2024〕3号")
    type_text(qtbot, dialog.valuation_date, "2024-03-01")
    type_text(qtbot, dialog.signing_start, "2024/5/1")
    type_text(qtbot, dialog.signing_end, "2024年6月30日")
    type_text(qtbot, dialog.target, "60")
    for code, name in (("A1", "一组"), ("A2", "二组")):
        type_text(qtbot, dialog.sections.code, code)
        type_text(qtbot, dialog.sections.name, name)
        qtbot.mouseClick(dialog.sections.add_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, dialog.display_name, "王主任")
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClicks(dialog.password2, password)
    qtbot.keyClicks(dialog.recovery, RECOVERY_PASSWORD)
    qtbot.keyClicks(dialog.recovery2, RECOVERY_PASSWORD)


def test_new_project_from_the_start_window_creates_it_and_it_opens(qtbot, start_window) -> None:
    from survey_app.core.services.projects import project_info
    from survey_app.ui.start.new_project import NewProjectDialog

    assert {b.text().split("\n")[0] for b in (start_window.new_button, start_window.join_button,
                                              start_window.demo_button)} == {
        "新建项目（指挥部）", "加入项目（调查员笔记本）", "打开演示项目"}
    seen: dict = {}

    def drive(dialog: NewProjectDialog) -> None:
        assert dialog.path_label.text().startswith(str(data_dir()))
        _fill_form(qtbot, dialog, ADMIN_PASSWORD)
        assert dialog.path_label.text() == str(data_dir() / "FR2024.sqlite3")
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
        seen["dialog"] = dialog

    _in_modal(qtbot, NewProjectDialog, drive)
    qtbot.mouseClick(start_window.new_button, Qt.MouseButton.LeftButton)  # returns when the form closes
    assert start_window.chosen == data_dir() / "FR2024.sqlite3"
    assert not start_window.isVisible()  # accepted: main() goes on to open it at login
    entry = project_registry.last_opened()
    assert (entry.code, entry.role, entry.path) == ("FR2024", "hq", start_window.chosen.resolve())
    from survey_app.core.services.project_files import open_project_database

    db, _ = open_project_database(start_window.chosen, "admin", ADMIN_PASSWORD)  # only the login opens it
    try:
        info = project_info(db)
        assert (info.name, info.city, str(info.cash_target_pct), info.signing_end.isoformat()) == (
            "芙蓉路片区棚户区改造", "长沙", "60.00", "2024-06-30")
        assert [s.code for s in info.sections] == ["A1", "A2"]
        assert users.login(db, "admin", ADMIN_PASSWORD, device="HQ").display_name == "王主任"
    finally:
        db.dispose()


def test_the_form_shows_the_core_refusal_and_makes_nothing(qtbot, runner) -> None:
    from survey_app.ui.start.new_project import NewProjectDialog

    dialog = NewProjectDialog(runner)
    qtbot.addWidget(dialog)
    dialog.show()
    _fill_form(qtbot, dialog, "hq123456")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.text() != "")
    assert "演示" in dialog.error.text() and dialog.created is None
    assert dialog.create_button.isEnabled() and not (data_dir() / "FR2024.sqlite3").exists()
    dialog.password2.clear()
    qtbot.keyClicks(dialog.password2, "something-else")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "两次输入的密码不一致"
    dialog.signing_end.setText("2024-13-40")
    qtbot.keyClicks(dialog.password2, "hq123456")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert "签约期结束日期不是有效日期" in dialog.error.text()


def test_demo_choice_opens_the_demo_path(qtbot, start_window) -> None:
    qtbot.mouseClick(start_window.demo_button, Qt.MouseButton.LeftButton)
    assert start_window.chosen == default_db_path()
    assert project_registry.find(default_db_path()).role == "demo"


def test_start_uses_the_last_opened_project_without_a_window(tmp_path: Path, qapp) -> None:
    from survey_app.ui.start import argv_for, choose_database

    path = tmp_path / "p.sqlite3"
    path.write_bytes(b"x")
    project_registry.remember(path, name="甲", code="A", opened=True)
    assert choose_database(qapp) == path.resolve()
    assert argv_for(["--lang", "en", "--db", "old.sqlite3"], path) == ["--lang", "en", "--db", str(path)]
    assert argv_for(["--db=old.sqlite3"], path) == ["--db", str(path)]


def test_known_projects_list_opens_and_forgets(qtbot, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from survey_app.ui.start.chooser import StartWindow

    a = tmp_path / "a.sqlite3"
    a.write_bytes(b"x")
    project_registry.remember(a, name="甲项目", code="A1", role="hq", opened=True)
    project_registry.remember(tmp_path / "gone.sqlite3", name="已删除", code="B1")
    window = StartWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.list.count() == 2 and "甲项目" in window.list.item(0).text()
    assert "文件不存在" in window.list.item(1).text()
    window.list.setCurrentRow(1)
    assert not window.open_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(window.forget_button, Qt.MouseButton.LeftButton)
    assert window.list.count() == 1 and project_registry.find(tmp_path / "gone.sqlite3") is None
    window.list.setCurrentRow(0)
    qtbot.mouseClick(window.open_button, Qt.MouseButton.LeftButton)
    assert window.chosen == a.resolve()


def test_switch_project_menu_shows_the_start_window_and_ends_the_run(qtbot, demo_db, runner, monkeypatch,
                                                                     tmp_path: Path) -> None:
    from survey_app.ui import start
    from survey_app.ui.main_window import MainWindow

    worker_actor = users.login(demo_db, "worker", "worker123", device=demo_db.setting("device_code"))

    window = MainWindow(demo_db, worker_actor, project_name="测试项目", runner=runner)
    qtbot.addWidget(window)
    window.show()
    assert window.switch_project_action.text() == "切换项目(&S)…"
    exits: list[int] = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: exits.append(code)))
    monkeypatch.setattr(start, "choose_database", lambda app, force=False, parent=None: None)
    window.switch_project_action.trigger()  # cancelled: nothing changes
    assert window.isVisible() and exits == [] and start.CHOSEN[0] is None
    target = tmp_path / "other.sqlite3"
    monkeypatch.setattr(start, "choose_database", lambda app, force=False, parent=None: target)
    window.switch_project_action.trigger()
    try:
        assert exits == [start.SWITCH_PROJECT] and start.CHOSEN[0] == target and not window.isVisible()
    finally:
        start.CHOSEN[0] = None
