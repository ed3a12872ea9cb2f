"""The household list view: a QTableView over HouseholdModel with SQL sorting by header click.

Qt's own sortingEnabled would call model.sort() for every column and move the sort arrow even
onto columns SQL cannot sort; here the header's sort indicator is watched instead and put back
when a non-sortable column is clicked. After every reset (filter, sort) the selected household is
kept by its key when it is still listed, else the first row is selected so the detail panel
follows the search. Threading: GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from survey_app.ui import labels
from survey_app.ui.household_model import (
    COL_ADDRESS,
    COL_AREA,
    COL_CODE,
    COL_MEMBERS,
    COL_NAME,
    COL_PHONE,
    COL_SECTION,
    COL_STATUS,
    HouseholdModel,
    status_text,
)

# Widths in "average character" units so they follow the font size (a 9 pt laptop vs a 12 pt HQ screen).
_WIDTHS = {COL_CODE: 12, COL_NAME: 7, COL_STATUS: 7, COL_SECTION: 5, COL_ADDRESS: 22, COL_MEMBERS: 5,
           COL_AREA: 11, COL_PHONE: 13}


_HAS_DISPLAY = QStyleOptionViewItem.ViewItemFeature.HasDisplay


class _CellDelegate(QStyledItemDelegate):
    """Fills a cell's style option from the model's text and alignment in one call.

    Qt's own delegate asks the model for ~8 roles of every painted cell (font, colours, check state,
    icon…) — ~2,000 calls into Python per paint of a 1366×768 list, most of a search keystroke's
    paint. The list has none of those roles, so this asks only for what it shows; the style draws the
    cell (selection, alternate rows, elision) exactly as before. Tooltips still come from ``data()``."""

    def __init__(self, model: HouseholdModel, parent: QWidget):
        super().__init__(parent)
        self._model = model

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        option.index = QModelIndex(index) if isinstance(index, QPersistentModelIndex) else index
        col = index.column()
        option.text = self._model.display(index.row(), col)
        option.displayAlignment = self._model.alignment(col)
        option.features |= _HAS_DISPLAY


class HouseholdTable(QTableView):
    """Emits ``current_key_changed(key or None)`` when the selected household changes."""

    current_key_changed = Signal(object)

    def __init__(self, model: HouseholdModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("householdTable")
        self._model = model
        self._wanted_key: int | None = None
        self.setModel(model)
        self.setItemDelegate(_CellDelegate(model, self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        # Always there: a search that shrinks the list below a screenful (or Esc bringing it all back)
        # would otherwise hide/show the bar, resize the viewport and lay out and paint the rows twice.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        vheader = self.verticalHeader()
        vheader.setVisible(False)
        # Fixed row height: with 100k rows, per-row size hints would query every row.
        vheader.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vheader.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(COL_CODE, Qt.SortOrder.AscendingOrder)
        header.setStretchLastSection(False)
        metrics = self.fontMetrics()
        char = metrics.averageCharWidth()
        for col, chars in _WIDTHS.items():
            # Wide enough for the (translated) header with its sort arrow, and for every status label.
            texts = [str(model.headerData(col, Qt.Orientation.Horizontal))]
            if col == COL_STATUS:  # every status, and the longest with its marks (草稿, 新增)
                texts += [labels.status(code) for code in labels.STATUS_CODES]
                texts.append(status_text("pending", True, ""))  # rarer triple marks elide; tooltip has them
            needed = max(metrics.horizontalAdvance(t) for t in texts) + 2 * char + 16
            header.resizeSection(col, max(chars * char + 12, needed))
        header.setSectionResizeMode(COL_ADDRESS, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(4 * char)
        self._sort_section, self._sort_order = COL_CODE, Qt.SortOrder.AscendingOrder
        header.sortIndicatorChanged.connect(self._on_sort_indicator)
        model.modelAboutToBeReset.connect(self._remember_selection)
        model.modelReset.connect(self._restore_selection)
        self.selectionModel().currentRowChanged.connect(self._on_current_row)

    def current_key(self) -> int | None:
        index = self.currentIndex()
        return self._model.key_at(index.row()) if index.isValid() else None

    def select_row(self, row: int) -> None:
        if not 0 <= row < self._model.rowCount():
            self.selectionModel().clearSelection()
            self.setCurrentIndex(QModelIndex())
            return
        index = self._model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.selectionModel().setCurrentIndex(index, flags)
        self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def _on_sort_indicator(self, section: int, order: Qt.SortOrder) -> None:
        header = self.horizontalHeader()
        if not self._model.sortable(section):
            header.blockSignals(True)
            header.setSortIndicator(self._sort_section, self._sort_order)
            header.blockSignals(False)
            return
        self._sort_section, self._sort_order = section, order
        self._model.sort(section, order)

    def _remember_selection(self) -> None:
        self._wanted_key = self.current_key()

    def _restore_selection(self) -> None:
        row = self._model.row_of(self._wanted_key) if self._wanted_key is not None else -1
        self.select_row(row if row >= 0 else 0)
        if self._model.rowCount() == 0:
            self.current_key_changed.emit(None)

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_key_changed.emit(self._model.key_at(current.row()) if current.isValid() else None)
