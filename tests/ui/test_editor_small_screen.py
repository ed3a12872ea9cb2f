"""The household editor on a 1024×768 screen: the sections fit the editor's width (no sideways scrolling of the
whole form); the wide members and parts tables scroll inside themselves, and 联系电话 is in sight."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLineEdit, QScrollArea
from test_editor_helpers import destroy, household_with_status, open_editor

EDITOR_AT_1024 = (1008, 690)  # what EditorChrome gives the dialog on a 1024×768 screen (taskbar left out)


def _in_sight(scroll: QScrollArea, widget) -> bool:
    """The widget lies across the editor's visible width (left and right edge inside the viewport)."""
    viewport = scroll.viewport()
    left = widget.mapTo(viewport, QPoint(0, 0)).x()
    return 0 <= left and left + widget.width() <= viewport.width()


def test_the_sections_fit_1024_and_the_tables_scroll_inside(qtbot, demo_db, worker_actor, runner) -> None:
    row = household_with_status(demo_db, "surveyed")
    dialog = open_editor(qtbot, demo_db, worker_actor, runner, row.id)
    try:
        dialog.resize(*EDITOR_AT_1024)
        qtbot.waitUntil(lambda: dialog.width() == EDITOR_AT_1024[0])
        scroll = dialog.chrome.scroll
        qtbot.waitUntil(lambda: scroll.widget().width() <= scroll.viewport().width())
        assert not scroll.horizontalScrollBar().isVisible()
        assert scroll.horizontalScrollBar().maximum() == 0
        phone = dialog.findChild(QLineEdit, "field.phone")  # 联系电话
        assert _in_sight(scroll, phone)
        for section in (dialog.members, dialog.parts):
            table = section.table
            assert section.width() <= scroll.viewport().width()
            bar = section.findChild(QScrollArea).horizontalScrollBar()  # the table's own, when it is wider
            assert table.minimumSizeHint().width() <= section.width() or bar.maximum() > 0
    finally:
        destroy(dialog)
