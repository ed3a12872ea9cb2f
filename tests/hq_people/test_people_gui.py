"""人员与设备 tab, driven by real clicks and typing (pytest-qt, offscreen): users, laptops, assignment."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from people_setup import HQ_KEY_PASSWORD, LAPTOP_KEY_PASSWORD
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFileDialog, QLineEdit, QListWidget, QMessageBox
from sqlalchemy import select

from survey_app.core.services import assignment_admin as aa
from survey_app.core.services import users
from survey_app.core.services.startup import open_database
from survey_app.core.storage.models import Household
from survey_app.core.sync import enrollment
from survey_app.ui.hq import people_tab
from survey_app.ui.sync.common import KeySession


@pytest.fixture
def tab(qtbot, hq, hq_admin, runner, monkeypatch):
    monkeypatch.setattr(KeySession, "ask_password", lambda self, prompt="": HQ_KEY_PASSWORD)
    widget = people_tab.build(hq, hq_admin, runner)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    return widget


def _click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _titles(tab) -> list[str]:
    return [e.title for e in tab.results.entries]


def _select_row(qtbot, table, text: str) -> None:
    model = table.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == text)
    rect = table.visualRect(model.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert table.selectionModel().selectedRows()[0].row() == row


def _tick(qtbot, listing: QListWidget, startswith: str) -> None:
    item = next(listing.item(i) for i in range(listing.count()) if listing.item(i).text().startswith(startswith))
    listing.setFocus()
    listing.setCurrentItem(item)
    qtbot.keyClick(listing, Qt.Key.Key_Space)
    assert item.checkState() == Qt.CheckState.Checked


def test_create_disable_reset_and_change_role_through_the_table(qtbot, tab, hq) -> None:
    panel = tab.users
    _click(qtbot, panel.new_button)
    dialog = panel.dialog
    qtbot.keyClicks(dialog.findChild(QLineEdit, "username"), "wang")
    dialog.findChild(QLineEdit, "displayName").insert("王五")  # as an input method does (QTest types ASCII only)
    qtbot.keyClicks(dialog.findChild(QLineEdit, "phone"), "13800000000")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "password"), "wang-pass-1")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "password2"), "wang-pass-2")
    _click(qtbot, dialog.ok_button)
    assert dialog.isVisible() and "不一致" in dialog.message.text()  # stays open, says why
    second = dialog.findChild(QLineEdit, "password2")
    second.clear()
    qtbot.keyClicks(second, "wang-pass-1")
    _click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: "已新建用户 wang" in _titles(tab))
    cells = [panel.model.index(r, c).data() for r in range(panel.model.rowCount()) for c in range(6)
             if panel.model.index(r, 0).data() == "wang"]
    assert cells[:4] + cells[5:] == ["wang", "王五", "调查员", "13800000000", "0"]

    _select_row(qtbot, panel.table, "worker")
    assert panel.active_button.text() == "停用"
    _click(qtbot, panel.active_button)
    qtbot.waitUntil(lambda: "已停用 worker" in _titles(tab))
    assert any("还负责 60 户" in line for line in tab.results.entries[0].lines)
    assert panel.selected().username == "worker" and panel.active_button.text() == "启用"
    _click(qtbot, panel.active_button)
    qtbot.waitUntil(lambda: "已启用 worker" in _titles(tab))

    _select_row(qtbot, panel.table, "reviewer")
    _click(qtbot, panel.reset_button)
    for name in ("password", "password2"):
        qtbot.keyClicks(panel.dialog.findChild(QLineEdit, name), "reset-pass-1")
    _click(qtbot, panel.dialog.ok_button)
    qtbot.waitUntil(lambda: "已重置 reviewer 的密码" in _titles(tab))
    assert users.login(hq, "reviewer", "reset-pass-1", device="HQ").username == "reviewer"

    _select_row(qtbot, panel.table, "worker")
    _click(qtbot, panel.role_button)
    role = panel.dialog.findChild(QComboBox, "role")
    role.setCurrentIndex(role.findData("hq_admin"))
    _click(qtbot, panel.dialog.ok_button)
    qtbot.waitUntil(lambda: tab.results.entries[0].title.startswith("未完成"))
    assert "请先转派" in tab.results.entries[0].title  # the core refused: worker still has households


def test_enrol_a_laptop_set_its_worker_and_export_its_bundle(qtbot, tab, hq, tmp_path: Path,
                                                             monkeypatch, _empty_template: Path) -> None:
    shutil.copyfile(_empty_template, tmp_path / "laptop.sqlite3")  # a new database (tests/conftest.py)
    laptop = open_database(tmp_path / "laptop.sqlite3")
    request = tmp_path / "stick" / "request.json"
    request.parent.mkdir()
    enrollment.make_request(laptop, LAPTOP_KEY_PASSWORD, "一号笔记本", request)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(request), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    panel = tab.laptops
    tab.tabs.setCurrentWidget(panel)
    _click(qtbot, panel.accept_button)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    assert [panel.model.index(0, c).data() for c in range(4)] == ["D01", "一号笔记本", "已登记", "（未指定）"]
    assert list(request.parent.glob("*_D01_enrollment.saenroll"))  # the reply, next to the request

    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(usb))
    _select_row(qtbot, panel.table, "D01")
    _click(qtbot, panel.export_button)  # nobody works on it yet: refused, nothing written
    qtbot.waitUntil(lambda: bool(tab.results.entries) and "还没有指定调查员" in tab.results.entries[0].title)
    assert list(usb.iterdir()) == []
    _click(qtbot, panel.workers_button)
    _tick(qtbot, panel.dialog.findChild(QListWidget, "deviceWorkerList"), "worker")
    _click(qtbot, panel.dialog.ok_button)
    qtbot.waitUntil(lambda: panel.model.index(0, 3).data() == "worker")
    assert panel.selected().code == "D01"
    _click(qtbot, panel.export_button)
    qtbot.waitUntil(lambda: "已写出 1 个任务包" in _titles(tab))
    assert len(list(usb.glob("*_D01_A00001_*.saassign"))) == 1
    laptop.dispose()


def test_assign_sections_preview_then_assign_reassign_and_export(qtbot, tab, hq, hq_admin, enrol,
                                                                 tmp_path: Path, monkeypatch) -> None:
    users.create_account(hq, hq_admin, "wang", "wang-pass-1", "field_worker")
    code, _laptop = enrol()
    aa.set_device_workers(hq, hq_admin, code, ["wang"])
    panel = tab.assign
    panel.refresh()
    tab.tabs.setCurrentWidget(panel)
    _tick(qtbot, panel.sections, "B1")
    qtbot.keyClicks(panel.codes, "A1-0001")
    panel.to.setFocus()
    qtbot.keyClicks(panel.to, "wang")
    assert panel.to.currentText() == "wang" and not panel.assign_button.isEnabled()
    _click(qtbot, panel.preview_button)
    qtbot.waitUntil(panel.assign_button.isEnabled)
    expected = aa.plan_assign(hq, "wang", sections=["B1"], codes="A1-0001")
    assert panel.preview.text().startswith(f"将把 {expected.count} 户分派给 wang") and "已签约" in panel.preview.text()
    qtbot.keyClicks(panel.codes, ",A1-0002")  # a changed choice needs a new preview
    assert not panel.assign_button.isEnabled()
    panel.codes.clear()
    qtbot.keyClicks(panel.codes, "A1-0001")
    _click(qtbot, panel.preview_button)
    qtbot.waitUntil(panel.assign_button.isEnabled)
    _click(qtbot, panel.assign_button)
    qtbot.waitUntil(lambda: f"已分派 {expected.count} 户给 wang" in _titles(tab))
    with hq.read() as s:
        mine = set(s.scalars(select(Household.household_code).where(Household.assigned_to == "wang")))
    assert mine == set(expected.move)

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    panel.from_worker.setCurrentText("wang")
    panel.to_worker.setCurrentText("reviewer")
    _click(qtbot, panel.reassign_button)
    qtbot.waitUntil(lambda: f"已分派 {expected.count} 户给 reviewer" in _titles(tab))
    assert {a.username: a.households for a in users.list_accounts(hq)}["wang"] == 0
    assert panel.devices == [code]  # wang's laptop must drop them: its bundle is due
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(usb))
    _click(qtbot, panel.export_button)
    qtbot.waitUntil(lambda: "已写出 1 个任务包" in _titles(tab))
    assert len(list(usb.glob(f"*_{code}_A*.saassign"))) == 1


def test_a_field_worker_is_refused_by_the_core(qtbot, hq, runner) -> None:
    worker = users.login(hq, "worker", "worker123", device="HQ")
    widget = people_tab.build(hq, worker, runner)
    qtbot.addWidget(widget)
    widget.show()
    _click(qtbot, widget.users.new_button)
    dialog = widget.users.dialog
    qtbot.keyClicks(dialog.findChild(QLineEdit, "username"), "sneaky")
    for name in ("password", "password2"):
        qtbot.keyClicks(dialog.findChild(QLineEdit, name), "sneaky-pass-1")
    _click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: bool(widget.results.entries))
    assert "无权" in widget.results.entries[0].title
    assert "sneaky" not in {a.username for a in users.list_accounts(hq)}
