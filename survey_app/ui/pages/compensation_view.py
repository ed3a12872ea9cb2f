"""The tables that show CompensationModel: up to ~6 options side by side on a 1366-pixel screen.

CompensationGrid stacks two views over the same model: the body (the lines, scrolling) and a
footer pinned under it with the summary rows (合计, 净额, 大写, 选择) — the classic frozen-rows
arrangement — so the figures a family compares and the choose buttons never scroll out of a
768-pixel screen. The footer carries the horizontal scroll bar; both views scroll together and
get the same column widths: the label column first, the options share the rest, each keeping a
readable minimum (with more options than fit, the grid scrolls sideways). Few rows: rows are
sized to their (wrapped) contents after every width change.

No Python item delegate on purpose: cells are painted by Qt's own C++ delegate from the model's
roles. PySide6 6.12 on Python 3.11 loses a reference to None on every void Qt call made from
Python (painter.setPen, save, restore…); a Python ``paint`` makes several per cell per repaint and
aborted the interpreter ("none_dealloc") after a minute of scrolling. Painting from C++ costs none.
Threading: GUI thread only.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QFrame, QHeaderView, QTableView, QVBoxLayout, QWidget

from survey_app.ui.pages.compensation_model import FOOTER_ROWS, CompensationModel

ROW_EXTRA = 6  # px added to each row's content height: figures stacked edge to edge are hard to read


class CompensationTable(QTableView):
    """A read-only QTableView over CompensationModel showing either the line rows or the footer rows."""

    def __init__(self, footer: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.footer = footer
        self.setObjectName("compensationFooter" if footer else "compensationTable")
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)  # so QTableView gives the delegate the column width when sizing rows
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setCornerButtonEnabled(False)
        # No ::item padding in the style sheet: Qt's delegate wraps text for the unpadded width and
        # would then elide the last line; rows get their breathing room in sizeHintForRow instead.
        self.setStyleSheet(f"QTableView#{self.objectName()} {{ gridline-color: #dde3e9; }}")
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setMinimumHeight(2 * self.fontMetrics().height() + 12)
        if footer:
            header.hide()
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setFrameShape(QFrame.Shape.Box)
        else:
            self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def sizeHintForRow(self, row: int) -> int:
        return super().sizeHintForRow(row) + ROW_EXTRA

    def show_rows(self) -> None:
        """Hide the rows that belong to the other view (after every model reset)."""
        model = self.model()
        for row in range(model.rowCount()):
            in_footer = model.row_kind(row) in FOOTER_ROWS
            self.setRowHidden(row, in_footer != self.footer)

    def rows_height(self) -> int:
        return sum(self.rowHeight(r) for r in range(self.model().rowCount()) if not self.isRowHidden(r))


class CompensationGrid(QWidget):
    """The body and footer views over one CompensationModel; ``refit()`` after content or size changes."""

    MIN_OPTION_WIDTH = 150  # px: "1,234,567.00" plus a short wrapped formula
    MAX_OPTION_WIDTH = 280  # px: with 1–3 options, wider columns only spread the figures apart

    def __init__(self, model: CompensationModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self._refit_on_reset = True
        self.body = CompensationTable(False, self)
        self.footer = CompensationTable(True, self)
        for view in (self.body, self.footer):
            view.setModel(model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.footer)
        self.footer.horizontalScrollBar().valueChanged.connect(self.body.horizontalScrollBar().setValue)
        self.body.horizontalScrollBar().valueChanged.connect(self.footer.horizontalScrollBar().setValue)
        model.modelReset.connect(self._on_reset)
        model.dataChanged.connect(lambda *_a: self.refit())

    def _on_reset(self) -> None:
        self.body.show_rows()
        self.footer.show_rows()
        if self._refit_on_reset:
            self.refit()

    @contextmanager
    def refit_deferred(self) -> Iterator[None]:
        """Model resets inside skip their refit: for a caller that refits right after (the page, once
        the choose buttons are in), so every row is measured once per reload, not twice."""
        self._refit_on_reset = False
        try:
            yield
        finally:
            self._refit_on_reset = True

    def refit(self) -> None:
        """Label column, then the option columns sharing what is left; rows re-sized to the new widths."""
        n = self.model.columnCount() - 1
        if n < 1:
            return
        metrics = self.fontMetrics()
        # The body's vertical scroll bar comes and goes with the row heights: always leave room for it,
        # so the widths do not depend on it (and the footer, which has none, lines up the same).
        extent = self.body.style().pixelMetric(self.body.style().PixelMetric.PM_ScrollBarExtent, None, self.body)
        available = self.body.width() - 2 * self.body.frameWidth() - extent - 1
        label_width = max(min(available // 5, 300), min(metrics.averageCharWidth() * 22, 260))
        option_width = max(self.MIN_OPTION_WIDTH, min(self.MAX_OPTION_WIDTH, (available - label_width) // n))
        for view in (self.body, self.footer):
            view.setColumnWidth(0, label_width)
            for col in range(1, n + 1):
                view.setColumnWidth(col, option_width)
            view.resizeRowsToContents()
        bar = self.footer.horizontalScrollBar()
        scroll = bar.sizeHint().height() if label_width + n * option_width > available else 0
        self.footer.setFixedHeight(self.footer.rows_height() + 2 * self.footer.frameWidth() + scroll)

    def resizeEvent(self, event) -> None:  # noqa: ANN001 - Qt API
        super().resizeEvent(event)
        self.refit()
