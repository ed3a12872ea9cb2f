"""What the clerk sees in the mapping dialog (issue 12 polish): every combo on the left shows its whole header
(户主姓名, 公民身份号码, 建筑面积（㎡）…), and the preview numbers its rows once — by the sheet's row numbers in
the 行 column, without Qt's own 1, 2, 3 beside them. Checked at the dialog's own size and squeezed onto a
1024×768 screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_helpers import ROSTER_HEADERS, roster_rows, write_xlsx
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox


@pytest.fixture
def runner(qapp):
    from survey_app.ui.task_runner import TaskRunner

    r = TaskRunner()
    yield r
    r.shutdown()


def _text_room(combo: QComboBox) -> int:
    """The width the style leaves for the combo's text (its frame and arrow taken off)."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    rect = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                        QStyle.SubControl.SC_ComboBoxEditField, combo)
    return rect.width()


def _dialog(qtbot, demo_db, admin, runner, tmp_path: Path):
    from survey_app.ui.hq.imports_tab import build

    tab = build(demo_db, admin, runner)
    qtbot.addWidget(tab)
    tab.show()
    headers = list(ROSTER_HEADERS)
    headers[3] = "公民身份号码（18位）"  # a long header, as districts write them
    tab.open_file("roster", write_xlsx(tmp_path / "名册.xlsx", headers, roster_rows(4, section="Z1")))
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible())
    return tab.dialog


@pytest.mark.parametrize("size", [None, (1000, 700)])
def test_every_mapping_combo_shows_its_whole_header(qtbot, demo_db, admin, runner, tmp_path: Path,
                                                    size) -> None:
    dialog = _dialog(qtbot, demo_db, admin, runner, tmp_path)
    if size is not None:
        dialog.resize(*size)
    qtbot.waitUntil(lambda: dialog.combos["head_name"].width() > 0)
    assert dialog.width() <= 1024
    assert dialog.combos["head_name"].currentText() == "户主姓名"
    assert dialog.combos["id_number"].currentText() == "公民身份号码（18位）"
    for key, combo in dialog.combos.items():
        longest = max(combo.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count()))
        assert _text_room(combo) >= longest, (key, combo.width(), longest)
    assert dialog.preview.width() >= 500  # the preview keeps most of the room


def test_preview_rows_are_numbered_once_by_the_sheet(qtbot, demo_db, admin, runner, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, demo_db, admin, runner, tmp_path)
    assert not dialog.preview.verticalHeader().isVisible()
    assert dialog.model.horizontalHeaderItem(0).text() == "行"
    # title, date line and header take rows 1–3: the first household is the sheet's row 4
    assert [dialog.model.item(r, 0).text() for r in range(dialog.model.rowCount())] == ["4", "5", "6", "7"]
