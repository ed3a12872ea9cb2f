"""Main window pages: lazy building, the rail, 地块 / 只看我的 filters, opening the editor, workflow buttons."""

from __future__ import annotations

import sys
import types

from PySide6.QtCore import QObject, Qt, Signal
from test_pages_helpers import answer_box, first_with, wait_idle, window_for

from survey_app.core.domain.actor import ChangeSet
from survey_app.core.services import households
from survey_app.core.services.households import HouseholdFilter
from survey_app.ui.changes import ChangeHub
from survey_app.ui.pages import navigation as nav


def test_only_the_start_page_is_built_and_the_rail_switches_pages(qtbot, demo_db, worker_actor, runner) -> None:
    window = window_for(qtbot, demo_db, worker_actor, runner)
    assert list(window.pages) == [nav.HOUSEHOLDS] and window.current_page() == nav.HOUSEHOLDS
    assert list(window.rail.buttons) == [nav.HOME, nav.HOUSEHOLDS, nav.COMPENSATION, nav.SYNC]  # no 复核 for a worker
    assert window.page(nav.REVIEW) is None
    window.rail.buttons[nav.HOME].click()
    assert window.current_page() == nav.HOME and window.rail.buttons[nav.HOME].isChecked()
    assert not window.count_label.isVisible()  # "共 n 户" belongs to the list
    # Ctrl+2: 住户 (the offscreen platform under pytest has no active window to send keys to)
    ctrl2 = next(a for a in window.rail.actions() if a.shortcut().toString() == "Ctrl+2")
    ctrl2.trigger()
    assert window.current_page() == nav.HOUSEHOLDS
    assert window.count_label.isVisible()
    qtbot.waitUntil(lambda: window.detail.detail is not None, timeout=5000)
    window.rail.buttons[nav.COMPENSATION].click()  # the selected household's options
    assert window.current_page() == nav.COMPENSATION
    assert window.page(nav.COMPENSATION).household_id == window.detail.detail.id
    window.page(nav.COMPENSATION).back_button.click()
    assert window.current_page() == nav.HOUSEHOLDS


def test_section_filter_and_assigned_to_me(qtbot, demo_db, worker_actor, runner) -> None:
    window = window_for(qtbot, demo_db, worker_actor, runner)
    bar = window.filter_bar
    sections = households.sections(demo_db)
    assert [bar.section.itemText(i) for i in range(bar.section.count())] == ["全部", *sections]
    bar.section.setCurrentIndex(bar.section.findData(sections[1]))
    expected = households.search_keys(demo_db, HouseholdFilter(section=sections[1]))
    assert [window.model.key_at(r) for r in range(window.model.rowCount())] == expected
    assert window.count_label.text() == f"共 {len(expected)} 户"
    bar.section.setCurrentIndex(0)
    assert window.model.rowCount() == 60

    bar.mine.click()
    assert window.model.current_filter.assigned_to == "worker"
    assert window.model.rowCount() == len(households.search_keys(demo_db, HouseholdFilter(assigned_to="worker")))
    bar.mine.click()
    assert window.model.current_filter.assigned_to is None


def test_edit_button_enter_and_double_click_open_the_editor(qtbot, demo_db, worker_actor, runner, monkeypatch) -> None:
    opened: list[tuple] = []

    class FakeEditor(QObject):  # stands in for survey_app.ui.editor.household_editor.HouseholdEditorDialog
        saved = Signal(object)

        def __init__(self, db, actor, runner, household_id, parent=None):
            super().__init__(parent)
            opened.append((actor.username, household_id))

        def setAttribute(self, *_a) -> None:
            pass

        def open(self) -> None:
            pass

    fake = types.ModuleType("survey_app.ui.editor.household_editor")
    fake.HouseholdEditorDialog = FakeEditor
    monkeypatch.setitem(sys.modules, "survey_app.ui.editor.household_editor", fake)

    window = window_for(qtbot, demo_db, worker_actor, runner)
    window.table.select_row(4)
    row_id = window.model.row_data(4).id
    qtbot.waitUntil(lambda: window.detail.detail is not None and window.detail.detail.id == row_id, timeout=5000)
    window.households_page.edit_button.click()
    assert opened == [("worker", row_id)]
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert len(opened) == 2, "Enter"
    rect = window.table.visualRect(window.model.index(4, 1))
    # a real double-click: press/release, then the double-click event (QTest sends only the latter)
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [("worker", row_id)] * 3, "double-click"
    # the editor publishes its own save (the window no longer forwards `saved`, which published it twice);
    # what is published refreshes the list
    refreshed: list[object] = []
    window.model.modelReset.connect(lambda: refreshed.append(1))
    window.editor.saved.emit({"households": row_id})
    assert not refreshed
    ChangeHub.instance().publish(ChangeSet(updated={"households": {row_id}}))
    assert refreshed


def test_submit_survey_from_the_household_page(qtbot, demo_db, worker_actor, runner) -> None:
    window = window_for(qtbot, demo_db, worker_actor, runner)
    key, detail = first_with(demo_db, "pending", appraised=False)
    window.table.select_row(window.model.row_of(key))
    qtbot.waitUntil(lambda: window.detail.key == key and window.detail.detail is not None, timeout=5000)
    page = window.households_page
    assert page.submit_button.isVisible() and not page.handover_button.isVisible()
    asked: list[str] = []
    answer_box("取消", asked)  # submitting asks first; 取消 writes nothing
    qtbot.mouseClick(page.submit_button, Qt.MouseButton.LeftButton)
    assert asked and detail.household_code in asked[0] and not runner.busy
    answer_box("提交复核")
    qtbot.mouseClick(page.submit_button, Qt.MouseButton.LeftButton)  # incomplete: the service says what is missing
    wait_idle(qtbot, runner)
    qtbot.waitUntil(lambda: page.banner.isVisible(), timeout=5000)
    assert "评估单价" in page.banner.text()
    assert households.get_detail(demo_db, key).status == "pending"

    # a returned survey (pending again, complete) can be submitted again
    from survey_app.core.domain.roles import Role
    from survey_app.core.services import workflow
    from survey_app.core.storage.uow import Actor

    key, detail = first_with(demo_db, "surveyed", appraised=True)
    workflow.return_for_rework(demo_db, Actor("reviewer", Role.SUPERVISOR, "T01"), detail.id, "请核对面积")
    window.refresh()
    window.table.select_row(window.model.row_of(key))
    qtbot.waitUntil(lambda: window.detail.key == key and window.detail.detail is not None, timeout=5000)
    answer_box("提交复核")
    qtbot.mouseClick(page.submit_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, runner)
    qtbot.waitUntil(lambda: households.get_detail(demo_db, key).status == "surveyed", timeout=5000)
    qtbot.waitUntil(lambda: window.detail.detail.status == "surveyed", timeout=5000)
    assert not page.submit_button.isVisible()
    assert window.table.current_key() == key  # the selection survived the refresh
