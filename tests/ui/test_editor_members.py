"""Household editor: members typed in with live ID checks; saving through the core; refusal with marks."""

from __future__ import annotations

from PySide6.QtCore import Qt

from survey_app.core.services import households
from tests.ui.test_editor_helpers import destroy, household_with_status, open_editor, valid_id, wrong_id


def _new_member(qtbot, dialog, name: str, id_number: str):
    table = dialog.members.table
    row = table.add_row(focus=True)
    assert row is table.rows[-1]
    row.widgets["name"].insert(name)  # QTest types ASCII only; insert() is what an IME commit does
    relation = row.widgets["relation"]
    relation.setCurrentIndex(relation.findData("child"))
    qtbot.keyClicks(row.widgets["id_number"], id_number)
    return row


def test_new_member_shows_birth_and_sex_and_is_saved(qtbot, demo_db, worker_actor, runner) -> None:
    hh = household_with_status(demo_db, "pending")
    before = len(households.get_detail(demo_db, hh.id).members)
    dialog = open_editor(qtbot, demo_db, worker_actor, runner, hh.id)
    row = _new_member(qtbot, dialog, "赵小明", valid_id())

    assert row.widgets["sex"].text() == "男"
    assert row.widgets["birth"].text() == "2010年3月15日"
    assert row.message.text() == ""
    assert dialog.is_dirty()
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        assert dialog.save()

    detail = households.get_detail(demo_db, hh.id)
    assert len(detail.members) == before + 1
    added = next(m for m in detail.members if m["name"] == "赵小明")
    assert added["id_number"] == valid_id() and added["sex"] == "男" and added["relation"] == "child"
    assert not dialog.is_dirty()
    assert dialog.members.table.rows[-1].record.id is not None  # a second save updates, never re-inserts
    destroy(dialog)


def test_wrong_check_digit_is_said_in_chinese_and_save_is_refused(qtbot, demo_db, worker_actor, runner) -> None:
    hh = household_with_status(demo_db, "pending")
    before = households.get_detail(demo_db, hh.id)
    dialog = open_editor(qtbot, demo_db, worker_actor, runner, hh.id)
    row = _new_member(qtbot, dialog, "钱二", wrong_id())

    assert "校验位错误" in row.message.text()  # said as soon as the 18 characters are typed
    qtbot.waitUntil(row.message.isVisible)  # a new row is shown by the event loop
    assert row.widgets["id_number"].property("invalid") is True
    assert row.widgets["sex"].text() == "" and row.widgets["birth"].text() == ""
    index = len(dialog.members.table.rows) - 1
    with qtbot.waitSignal(dialog.save_refused) as refused:
        assert not dialog.save()
    paths = [p.path for p in refused.args[0]]
    assert f"members[{index}].id_number" in paths
    assert any("校验位错误" in p.message for p in dialog.problem_panel.problems)
    assert dialog.focusWidget() is row.widgets["id_number"]  # the save jumped to the field
    assert households.get_detail(demo_db, hh.id).rev == before.rev  # nothing written

    # Fixing the number clears the mark at once.
    row.widgets["id_number"].setText(valid_id())
    assert row.widgets["id_number"].property("invalid") is False and row.message.isHidden()
    destroy(dialog)


def test_delete_removes_the_row_and_undo_brings_it_back(qtbot, demo_db, worker_actor, runner) -> None:
    hh = household_with_status(demo_db, "pending")
    dialog = open_editor(qtbot, demo_db, worker_actor, runner, hh.id)
    table = dialog.members.table
    count = len(table.rows)
    first_name = table.rows[0].widgets["name"].text()
    table.rows[0].widgets["relation"].setFocus()
    dialog.remove_row_here()  # what Delete does outside a text field
    assert len(table.rows) == count - 1 and table.undo_button.isVisible()
    assert dialog.is_dirty()
    table.undo_button.click()
    assert len(table.rows) == count and table.rows[0].widgets["name"].text() == first_name
    assert not dialog.is_dirty()  # same rows, same ids: nothing to save
    destroy(dialog)


def test_enter_moves_to_the_next_field(qtbot, demo_db, worker_actor, runner) -> None:
    hh = household_with_status(demo_db, "pending")
    dialog = open_editor(qtbot, demo_db, worker_actor, runner, hh.id)
    code = dialog.household.fields["household_code"]
    code.setFocus()
    qtbot.keyClick(code, Qt.Key.Key_Return)
    assert dialog.focusWidget() is dialog.household.fields["section"]
    destroy(dialog)


def test_keyboard_shortcuts_add_a_row_and_save(qtbot, demo_db, worker_actor, runner) -> None:
    hh = household_with_status(demo_db, "pending")
    dialog = open_editor(qtbot, demo_db, worker_actor, runner, hh.id)
    with qtbot.waitActive(dialog):  # shortcuts go to the active window
        dialog.activateWindow()
    table = dialog.members.table
    count = len(table.rows)
    name = table.rows[0].widgets["name"]
    name.setFocus()
    qtbot.keyClick(name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter: a row here
    assert len(table.rows) == count + 1
    assert dialog.focusWidget() is table.rows[-1].widgets["name"]  # ready to type the new member's name
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # Alt+N: another
    assert len(table.rows) == count + 2

    with qtbot.waitSignal(dialog.save_refused):  # Ctrl+S: two nameless members are refused
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert any(p.path == f"members[{count}].name" for p in dialog.problem_panel.problems)
    destroy(dialog)
