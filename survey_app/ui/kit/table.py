"""One configured table view for data lists (the Anki browser's table, reduced to what pages here need).

Every list page used to build its QTableView by hand with the same dozen calls; ``DataTable`` makes
them once. Defaults: one row selected at a time, no in-place editing, alternating rows, no row
numbers, rows a text line plus 12 px high (touch-friendly, and right for CJK glyphs at any font
size), no word wrap. Columns are sized in characters of the table's font (``widths``), so a
Chinese font or a larger system font keeps the columns readable; ``stretch`` names the column that
takes the free width. Sorting is off: our big models sort in SQL (DESIGN §2 rule 4), and a page that
wants header-click sorting passes ``sortable=True``.

Threading: GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from survey_app.ui.kit import theme

SELECTION = {
    "rows": (QAbstractItemView.SelectionBehavior.SelectRows, QAbstractItemView.SelectionMode.SingleSelection),
    "items": (QAbstractItemView.SelectionBehavior.SelectItems, QAbstractItemView.SelectionMode.SingleSelection),
    "none": (QAbstractItemView.SelectionBehavior.SelectItems, QAbstractItemView.SelectionMode.NoSelection),
}
ROW_PADDING = 12  # px added to the font's line height: rows a finger can hit


class DataTable(QTableView):
    """A read-only data table. ``name`` is the object name tests and style rules find it by.

    ``select``: "rows" (default), "items" (single cells, e.g. a figure to click) or "none".
    ``row_height``: px, or None for a text line + ``ROW_PADDING``; 0 keeps Qt's own (rows that wrap).
    ``fit``: "" (columns as set), "contents" (every column fitted to its contents).
    ``stretch``: the column that takes the free width (-1: the last one), or None.
    ``padded``: the cells' text gets 10 px room left and right (a short list in a dialog).
    """

    def __init__(self, parent: QWidget | None, *, name: str, model: QAbstractItemModel | None = None,
                 select: str = "rows", alternate: bool = True, wrap: bool = False, row_height: int | None = None,
                 fit: str = "", stretch: int | None = None, sortable: bool = False, padded: bool = False):
        super().__init__(parent)
        self.setObjectName(name)
        behaviour, mode = SELECTION[select]
        self.setSelectionBehavior(behaviour)
        self.setSelectionMode(mode)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(alternate)
        self.setWordWrap(wrap)
        self.setSortingEnabled(sortable)
        rows = self.verticalHeader()
        rows.setVisible(False)
        if row_height != 0:
            rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            rows.setDefaultSectionSize(row_height or self.fontMetrics().height() + ROW_PADDING)
        header = self.horizontalHeader()
        if fit == "contents":
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if stretch == -1:
            header.setStretchLastSection(True)
        else:
            header.setStretchLastSection(False)
        if padded:
            theme.set_role(self, "padded")
        self._stretch = stretch
        if model is not None:
            self.setModel(model)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        stretch = getattr(self, "_stretch", None)
        if model is not None and stretch is not None and stretch >= 0:
            self.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

    def size_columns(self, widths: dict[int, int]) -> None:
        """Column → width in average characters of the table's font (plus room for the cell margins)."""
        char = self.fontMetrics().averageCharWidth()
        for col, chars in widths.items():
            self.horizontalHeader().resizeSection(col, chars * char + 16)

    def size_column_for(self, col: int, sample: str) -> None:
        """Column ``col`` just wide enough for ``sample`` (e.g. the longest date the column shows)."""
        self.horizontalHeader().resizeSection(col, self.fontMetrics().horizontalAdvance(sample) + 16)

    def set_modes(self, modes: dict[int, QHeaderView.ResizeMode]) -> None:
        """Per-column resize modes (after the model is set)."""
        for col, mode in modes.items():
            self.horizontalHeader().setSectionResizeMode(col, mode)

    def current_row(self) -> int:
        """The current row, or -1."""
        index = self.currentIndex()
        return index.row() if index.isValid() else -1
