"""The UI kit: DataTable's house configuration, ListDetail's selection → detail wiring, the theme's roles."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QLabel, QPushButton

from survey_app.ui.kit import theme
from survey_app.ui.kit.list_detail import ListDetail, pane
from survey_app.ui.kit.table import DataTable


def _model(rows: int = 3) -> QStandardItemModel:
    model = QStandardItemModel(0, 3)
    model.setHorizontalHeaderLabels(["户号", "户主", "地址"])
    for r in range(rows):
        model.appendRow([QStandardItem(f"A1-{r:04d}"), QStandardItem(f"户主{r}"), QStandardItem(f"东街{r}号")])
    return model


def _click(qtbot, table: DataTable, row: int, col: int = 0) -> None:
    rect = table.visualRect(table.model().index(row, col))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_data_table_selects_one_whole_row_and_never_edits(qtbot) -> None:
    table = DataTable(None, name="kitTable", model=_model(), stretch=2)
    qtbot.addWidget(table)
    table.resize(500, 300)
    table.show()
    qtbot.waitExposed(table)
    _click(qtbot, table, 1, 0)
    assert [i.row() for i in table.selectionModel().selectedRows()] == [1]  # the whole row, from one cell
    _click(qtbot, table, 2, 1)
    assert [i.row() for i in table.selectionModel().selectedRows()] == [2]  # one row at a time
    assert table.current_row() == 2
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton,
                      pos=table.visualRect(table.model().index(2, 1)).center())
    assert table.state() != QAbstractItemView.State.EditingState
    assert table.model().item(2, 1).text() == "户主2"
    assert table.objectName() == "kitTable"
    assert not table.verticalHeader().isVisible()
    assert table.rowHeight(0) == table.fontMetrics().height() + 12  # touch height from the font, not fixed px
    assert table.horizontalHeader().sectionResizeMode(2) == QHeaderView.ResizeMode.Stretch
    assert table.alternatingRowColors() and not table.isSortingEnabled()
    table.size_columns({0: 10})  # widths in characters of the table's font
    assert table.columnWidth(0) == 10 * table.fontMetrics().averageCharWidth() + 16


def test_data_table_options(qtbot) -> None:
    cells = DataTable(None, name="cells", model=_model(), select="items", row_height=34, fit="contents", stretch=-1)
    qtbot.addWidget(cells)
    cells.show()
    qtbot.waitExposed(cells)
    _click(qtbot, cells, 1, 1)
    assert [(i.row(), i.column()) for i in cells.selectionModel().selectedIndexes()] == [(1, 1)]
    assert cells.rowHeight(0) == 34
    assert cells.horizontalHeader().stretchLastSection()
    assert cells.horizontalHeader().sectionResizeMode(0) == QHeaderView.ResizeMode.ResizeToContents


def test_list_detail_follows_the_selection_and_shows_the_empty_text(qtbot) -> None:
    table = DataTable(None, name="kitList", model=_model())
    detail = QLabel("")
    split = ListDetail(pane(None, (table, 1)), detail, empty_text="请先在左侧选择一户", stretch=(2, 1))
    qtbot.addWidget(split)
    split.resize(700, 300)
    split.follow(table)
    seen: list[int] = []
    split.current_changed.connect(seen.append)
    split.current_changed.connect(lambda row: detail.setText(table.model().item(row, 1).text() if row >= 0 else ""))
    split.show()
    qtbot.waitExposed(split)
    split.show_empty(True)
    assert split.empty.isVisible() and not detail.isVisible()
    _click(qtbot, table, 2)
    assert seen == [2]
    assert detail.isVisible() and detail.text() == "户主2" and not split.empty.isVisible()
    table.setCurrentIndex(table.model().index(-1, -1))  # nothing selected (e.g. the list emptied)
    assert seen == [2, -1]
    assert split.empty.isVisible() and split.empty.text() == "请先在左侧选择一户"
    assert not split.childrenCollapsible()


def test_roles_colour_the_widgets_that_have_them_and_no_others(qtbot) -> None:
    error = theme.set_role(QLabel("密码错误"), "error")
    plain = QLabel("普通")
    qtbot.addWidget(error)
    qtbot.addWidget(plain)
    error.show()
    plain.show()
    qtbot.waitExposed(error)
    assert QApplication.instance().styleSheet() == ""  # no application sheet: plain widgets stay unstyled
    assert error.palette().color(QPalette.ColorRole.WindowText) == QColor(theme.ERROR)
    assert plain.palette().color(QPalette.ColorRole.WindowText) != QColor(theme.ERROR)
    theme.set_role(error, "")  # a role can be taken away again (e.g. the error cleared)
    assert error.palette().color(QPalette.ColorRole.WindowText) != QColor(theme.ERROR)
    assert theme.role(error) == ""
    button = theme.set_role(QPushButton("下一步"), "primary")
    qtbot.addWidget(button)
    button.show()
    qtbot.waitExposed(button)
    image = button.grab().toImage()
    centre = image.pixelColor(QPoint(4, image.height() // 2))
    assert centre == QColor(theme.PRIMARY)  # the button's background is the theme's primary blue
    with pytest.raises(ValueError):
        theme.set_role(QLabel(), "purple")


def test_steps_html_ticks_the_steps_done() -> None:
    html = theme.steps_html(["① 出具", "② 打印", "③ 签字"], 1)
    assert html.count("✓") == 1 and theme.PRIMARY in html and theme.FAINT in html
    assert theme.steps_html(["a", "b"], 1, last_done=True).count("✓") == 2


def test_the_message_banner_takes_its_colours_from_the_theme(qtbot) -> None:
    from survey_app.ui.pages.common import MessageBanner

    banner = MessageBanner()
    qtbot.addWidget(banner)
    banner.resize(300, 40)
    for kind, shown in (("error", "error"), ("warning", "warning"), ("info", "info"), ("other", "info")):
        banner.show_message("提示", kind)
        qtbot.waitExposed(banner)
        assert banner.grab().toImage().pixelColor(150, 3) == QColor(theme.BANNER[shown][0]), kind
