"""Household editor: the parts made only when needed (to open faster) behave as if they were always there.

A row's message line, a section's message line and a table's "暂无" line are made when first needed, and a
row's check boxes sit in their column without a holder widget each (issue 11): what the worker sees and
can do must not change.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel

from tests.ui.test_editor_helpers import destroy, household_with_status, open_editor

CHECKS = ("is_dibao", "is_disabled", "is_serious_illness", "hukou_here")


def _centre_x(widget, table) -> int:
    return widget.mapTo(table, QPoint(widget.width() // 2, 0)).x()


def test_check_boxes_sit_centred_under_their_headers_and_toggle_by_click(qtbot, demo_db, worker_actor,
                                                                           runner) -> None:
    hh = household_with_status(demo_db, "pending")
    dialog = open_editor(qtbot, demo_db, worker_actor, runner, hh.id)
    table = dialog.members.table
    row = table.rows[0] if table.rows else table.add_row()
    for key in CHECKS:
        box, header = row.widgets[key], table.header_labels[key]
        left, right = header.mapTo(table, QPoint(0, 0)).x(), header.mapTo(table, QPoint(header.width(), 0)).x()
        assert left < box.mapTo(table, QPoint(0, 0)).x() and box.mapTo(table, QPoint(box.width(), 0)).x() < right
        assert abs(_centre_x(box, table) - _centre_x(header, table)) <= 4, key  # the column's middle
        assert box.width() >= box.sizeHint().width()  # the indicator is never clipped
    box = row.widgets["is_dibao"]
    was = box.isChecked()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert box.isChecked() is not was and dialog.is_dirty()
    added = table.add_row()  # a row added later is laid out the same way
    qtbot.waitUntil(lambda: added.widgets["hukou_here"].x() > 0)
    assert [added.widgets[k].x() for k in CHECKS] == [row.widgets[k].x() for k in CHECKS]
    destroy(dialog)


def test_an_empty_table_says_so_until_a_row_is_added_and_again_when_it_is_removed(qtbot, demo_db, worker_actor,
                                                                                  runner) -> None:
    hh = household_with_status(demo_db, "pending")
    dialog = open_editor(qtbot, demo_db, worker_actor, runner, hh.id)
    table = dialog.businesses.table
    while table.rows:
        table.remove_row(table.rows[0])
    assert table.empty_label.isVisible() and "暂无" in table.empty_label.text()
    row = table.add_row(focus=True)
    assert not table.empty_label.isVisible() and table._header.isVisible()
    table.remove_row(row)
    assert table.empty_label.isVisible() and table.undo_button.isVisible()
    qtbot.waitUntil(lambda: table.empty_label.y() > 0)  # laid out where the rows were, above the buttons
    assert table.empty_label.y() + table.empty_label.height() <= table.add_button.y()
    destroy(dialog)


def test_read_only_empty_tables_say_none(qtbot, demo_db, worker_actor, runner) -> None:
    hh = household_with_status(demo_db, "signed")
    dialog = open_editor(qtbot, demo_db, worker_actor, runner, hh.id)
    assert dialog.read_only
    empty = [s.table for s in (dialog.tenures, dialog.parts, dialog.businesses) if not s.table.rows]
    for table in empty:
        assert table.empty_label.isVisible() and table.empty_label.text() == "无"
    appraisals = dialog.appraisals.table
    if not appraisals.rows:
        assert appraisals.empty_label.text() == "尚未导入评估结果（由指挥部导入）。"
    assert dialog.appraisals.hint.isVisible()
    destroy(dialog)


def test_a_section_message_shows_under_its_title_when_first_needed(qtbot, demo_db, worker_actor, runner) -> None:
    hh = household_with_status(demo_db, "pending")
    dialog = open_editor(qtbot, demo_db, worker_actor, runner, hh.id)
    section = dialog.members
    while section.table.rows:
        section.table.remove_row(section.table.rows[0])
    with qtbot.waitSignal(dialog.save_refused):
        assert not dialog.save()
    message = section.section_message
    qtbot.waitUntil(message.isVisible)
    assert "户主" in message.text()
    title = next(w for w in section.findChildren(QLabel) if w.objectName() == "sectionTitle")
    assert title.y() < message.y() < section.side_scroll.y()
    destroy(dialog)
