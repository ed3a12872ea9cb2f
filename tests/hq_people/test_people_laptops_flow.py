"""人员与设备 → 笔记本 as an HQ clerk meets it (issue 12 polish): ONE way to enrol and ONE way to export, one
list of laptops (with each key fingerprint) and one result list; 吊销 for a lost laptop in the same place;
every button whole and the list showing several laptops at 1366×738 and 1024×738 in the real main window;
on 用户 a result (title and three lines) is read whole in the result pane."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from people_setup import HQ_KEY_PASSWORD, LAPTOP_KEY_PASSWORD
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QTableView, QWidget

from survey_app.core.services import devices
from survey_app.core.services.startup import open_database
from survey_app.core.sync import enrollment
from survey_app.ui.hq import people_tab
from survey_app.ui.sync.common import OK, KeySession, ResultList, fingerprint

SIZES = [(1366, 738), (1024, 738)]


@pytest.fixture
def keys(monkeypatch):
    monkeypatch.setattr(KeySession, "ask_password", lambda self, prompt="": HQ_KEY_PASSWORD)


def _click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _select(qtbot, table, code: str) -> None:
    model = table.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == code)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(model.index(row, 0)).center())


def _on_screen(widget: QWidget, window: QWidget) -> bool:
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    return (widget.isVisible() and window.rect().contains(rect)
            and widget.visibleRegion().boundingRect() == widget.rect())


@pytest.fixture
def app_font(qapp):
    """The shipped CJK font, as the application installs it before its first window."""
    from survey_app.ui.fonts import install_app_font

    before = qapp.font()
    assert install_app_font(qapp)
    yield
    qapp.setFont(before)


def _people_in_window(qtbot, hq, hq_admin, runner, size):
    from survey_app.ui.main_window import MainWindow
    from survey_app.ui.pages import navigation as nav

    window = MainWindow(hq, hq_admin, project_name="测试项目", runner=runner)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.show_page(nav.PROJECT)
    page = window.page(nav.PROJECT)
    people = next(page.widget(i) for i in range(page.count()) if page.widget(i).objectName() == "hqPeopleTab")
    page.setCurrentWidget(people)
    return window, people


def test_one_way_to_enrol_one_to_export_one_list(qtbot, hq, hq_admin, runner, keys, tmp_path: Path,
                                                 monkeypatch, _empty_template: Path) -> None:
    tab = people_tab.build(hq, hq_admin, runner)
    qtbot.addWidget(tab)
    tab.show()
    panel = tab.laptops
    texts = [b.text() for b in panel.findChildren(QPushButton)]
    assert texts.count("接受登记申请…") == 1 and texts.count("导出任务包…") == 1
    assert "选择登记申请并登记…" not in texts and "写出任务包…" not in texts  # the sync page's copies: gone
    assert panel.findChildren(QTableView) == [panel.table]  # one list of laptops
    assert tab.findChildren(ResultList) == [tab.results]  # one result list

    shutil.copyfile(_empty_template, tmp_path / "laptop.sqlite3")  # a new database (tests/conftest.py)
    laptop = open_database(tmp_path / "laptop.sqlite3")
    request = tmp_path / "stick" / "request.json"
    request.parent.mkdir()
    enrollment.make_request(laptop, LAPTOP_KEY_PASSWORD, "一号笔记本", request)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(request), ""))
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, _t, text, *a, **k: asked.append(text) or QMessageBox.StandardButton.Yes)
    tab.tabs.setCurrentWidget(panel)
    _click(qtbot, panel.accept_button)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    shown = panel.model.index(0, 4).data()  # the fingerprint, in the list, as the question showed it
    assert shown == fingerprint(next(d.fingerprint for d in devices.list_devices(hq) if d.code == "D01"))
    assert shown in asked[0]
    assert tab.results.entries[0].title == "已登记设备 D01"
    assert panel.selected().code == "D01"  # the new laptop is selected: 指定调查员… is next
    assert panel.workers_button.isEnabled()
    laptop.dispose()


def test_a_lost_laptop_is_revoked_from_the_same_list(qtbot, hq, hq_admin, runner, keys, enrol,
                                                     monkeypatch) -> None:
    code, _laptop = enrol()
    tab = people_tab.build(hq, hq_admin, runner)
    qtbot.addWidget(tab)
    tab.show()
    panel = tab.laptops
    tab.tabs.setCurrentWidget(panel)
    assert not panel.revoke_button.isEnabled()  # nothing selected
    _select(qtbot, panel.table, code)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    _click(qtbot, panel.revoke_button)  # no reason yet: asked for one, nothing revoked
    assert tab.results.entries[0].title == "请先填写吊销原因" and devices.revocations(hq) == {}
    qtbot.keyClicks(panel.reason, "lost")
    _click(qtbot, panel.revoke_button)
    qtbot.waitUntil(lambda: tab.results.entries[0].title == f"已吊销设备 {code}")
    assert set(devices.revocations(hq)) == {code}
    assert panel.model.index(0, 2).data().startswith("已吊销")
    _select(qtbot, panel.table, code)
    assert not panel.revoke_button.isEnabled() and not panel.export_button.isEnabled()


@pytest.mark.parametrize("size", SIZES)
def test_laptops_tab_fits_the_screen(qtbot, hq, hq_admin, runner, keys, enrol, app_font, size) -> None:
    for name in ("一号笔记本", "二号笔记本"):
        enrol(name)
    window, people = _people_in_window(qtbot, hq, hq_admin, runner, size)
    people.tabs.setCurrentWidget(people.laptops)
    panel = people.laptops
    qtbot.waitUntil(lambda: panel.table.isVisible())
    panel.table.selectRow(0)
    for button in (panel.accept_button, panel.workers_button, panel.export_button, panel.revoke_button):
        assert _on_screen(button, window), (button.text(), size)
        assert button.width() >= button.sizeHint().width(), button.text()  # its text whole
    row = panel.table.rowHeight(0)
    assert panel.table.viewport().height() >= 6 * row, (panel.table.viewport().height(), row)
    assert _on_screen(panel.reason, window)


@pytest.mark.parametrize("size", SIZES)
def test_a_whole_result_is_read_under_the_users_list(qtbot, hq, hq_admin, runner, keys, app_font,
                                                     size) -> None:
    window, people = _people_in_window(qtbot, hq, hq_admin, runner, size)
    people.tabs.setCurrentWidget(people.users)
    people.results.add(OK, "已新建用户 li", ["角色：复核员", "首次登录时须修改密码。",
                                             "下一步：在“笔记本”中把该调查员指定到笔记本，再分派住户。"])
    qtbot.waitUntil(lambda: people.results.isVisible())
    assert _on_screen(people.results, window)
    bar = people.results.verticalScrollBar()
    assert bar.maximum() == 0, (bar.maximum(), people.results.height())  # nothing to scroll: all of it shows
    assert people.users.table.viewport().height() >= 5 * people.users.table.rowHeight(0)
