"""文件 → 备份到…（U 盘） / 从备份恢复… in a real main window, and the daily backup when the window opens."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from survey_app.core.services import backup
from survey_app.ui import backup_dialog
from survey_app.ui.main_window import MainWindow


@pytest.fixture
def runner(qapp):
    from survey_app.ui.task_runner import TaskRunner

    r = TaskRunner()
    yield r
    r.shutdown()


@pytest.fixture
def hq(demo_db):
    from survey_app.core.services import devices, users

    return users.login(demo_db, "hq", "hq123456", device=devices.local_device_code(demo_db))


def when_modal(kind: type, drive) -> None:
    """Run ``drive(widget)`` on the next modal ``kind`` once it is shown (inside its exec loop)."""
    def step() -> None:
        widget = QApplication.activeModalWidget()
        if not isinstance(widget, kind) or not widget.isVisible():
            QTimer.singleShot(10, step)
            return
        try:
            drive(widget)
        except BaseException:
            widget.reject()
            raise
    QTimer.singleShot(0, step)


def _file_menu_action(window: MainWindow, name: str):
    file_menu = window.menuBar().actions()[0].menu()
    (action,) = [a for a in file_menu.actions() if a.objectName() == name]
    return action


def test_backup_to_usb_then_restore_to_a_new_file_and_switch(qtbot, demo_db, hq, runner, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from survey_app.core.services import project_registry
    from survey_app.ui import start

    window = MainWindow(demo_db, hq, project_name="演示", runner=runner)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    usb = tmp_path / "U盘 备份"
    usb.mkdir()
    backup_action = _file_menu_action(window, "backupAction")
    assert backup_action.text() == "备份到…（U 盘）(&B)"
    chosen = [str(usb)]
    monkeypatch.setattr(backup_dialog.QFileDialog, "getExistingDirectory", lambda *a, **k: chosen[0])
    seen: list[str] = []
    when_modal(QMessageBox, lambda box: (seen.append(box.text()), box.accept()))
    backup_action.trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=20_000)
    (made,) = usb.iterdir()
    assert seen[0].startswith(f"已备份到：{made}") and backup.verify_backup(made).counts["households"] == 60

    target = tmp_path / "恢复 的项目" / "restored.sqlite3"
    chosen[0] = str(made)

    def fill(dialog: backup_dialog.RestoreDialog) -> None:
        labels = [w.text() for w in dialog.findChildren(backup_dialog.QLabel)]
        assert "FR2023" in " ".join(labels) and made.name.split("_")[1] in labels  # project and device shown
        edit = dialog.target_edit
        qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
        edit.clear()
        edit.insert(str(target))  # Chinese arrives as an input method commits it (keyClicks is ASCII only)
        when_modal(QMessageBox, lambda box: qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes),
                                                             Qt.MouseButton.LeftButton))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    exits: list[int] = []
    monkeypatch.setattr(QApplication, "exit", lambda *args: exits.append(args[-1]))
    monkeypatch.setattr(start, "CHOSEN", [None])
    when_modal(backup_dialog.RestoreDialog, fill)
    _file_menu_action(window, "restoreAction").trigger()
    qtbot.waitUntil(lambda: bool(exits), timeout=30_000)
    assert exits == [start.SWITCH_PROJECT] and start.CHOSEN[0] == target and not window.isVisible()
    assert target.is_file() and project_registry.find(target) is not None


def test_a_tampered_backup_shows_a_chinese_message(qtbot, demo_db, hq, runner, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    made = backup.backup(demo_db, tmp_path / "usb")
    (made / "project.sqlite3").write_bytes(b"broken")
    window = MainWindow(demo_db, hq, project_name="演示", runner=runner)
    qtbot.addWidget(window)
    monkeypatch.setattr(backup_dialog.QFileDialog, "getExistingDirectory", lambda *a, **k: str(made))
    seen: list[str] = []
    when_modal(QMessageBox, lambda box: (seen.append(box.text()), box.accept()))
    _file_menu_action(window, "restoreAction").trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=20_000)
    assert seen[0].startswith("备份已损坏或被改动")


def test_opening_the_window_makes_todays_backup_in_the_background(qtbot, qapp, demo_db, hq, runner,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from survey_app.ui.app import Session

    started: list = []
    real = backup_dialog.start_daily_backup

    def spy(window):
        started.append(real(window))
        return started[-1]

    monkeypatch.setattr(backup_dialog, "start_daily_backup", spy)
    session = Session(qapp, demo_db, runner, project="演示")
    window = session.open_window(hq)
    qtbot.addWidget(window)
    assert not runner.busy  # the window stays free: 注销 and 切换项目 are not held up by it
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "今日自动备份已完成", timeout=20_000)
    (made,) = backup.backups_in(backup.daily_folder(demo_db))
    assert backup.verify_backup(made).project == "FR2023"
    again = session.open_window(hq)  # switching user opens a new window: no second backup today
    qtbot.addWidget(again)
    started[-1].join(20)
    assert len(started) == 2 and not started[-1].is_alive()
    assert backup.backups_in(backup.daily_folder(demo_db)) == [made]
