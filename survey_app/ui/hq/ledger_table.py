"""A DataTable whose first columns stay put while the rest scroll sideways (Qt's "frozen column" example).

A second view over the same model and selection is laid over the table's left edge, showing only the
first ``frozen`` columns; the two scroll together vertically and keep the same column widths, so the
户号 and 户主 of a row stay beside its money when the 台账's 18 columns scroll. A double-click on either
part is the table's ``doubleClicked``.
Threading: GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QFrame, QWidget

from survey_app.ui.kit.table import DataTable


class FrozenTable(DataTable):
    def __init__(self, parent: QWidget | None, *, name: str, frozen: int = 2, **options: object):
        self.frozen = frozen
        self.frozen_view: DataTable | None = None
        super().__init__(parent, name=name, **options)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        side = DataTable(self, name=f"{name}Frozen", select=options.get("select", "rows"),  # type: ignore[arg-type]
                         alternate=bool(options.get("alternate", True)))
        side.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        side.setFrameShape(QFrame.Shape.NoFrame)
        side.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        side.verticalHeader().setDefaultSectionSize(self.verticalHeader().defaultSectionSize())
        side.horizontalHeader().setVisible(not self.horizontalHeader().isHidden())
        side.doubleClicked.connect(self.doubleClicked)
        side.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(side.verticalScrollBar().setValue)
        self.horizontalHeader().sectionResized.connect(self._resized)
        self.viewport().stackUnder(side)
        self.frozen_view = side
        if self.model() is not None:
            self._attach(self.model())

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if self.frozen_view is not None and model is not None:
            self._attach(model)

    def _attach(self, model: QAbstractItemModel) -> None:
        side = self.frozen_view
        side.setModel(model)
        side.setSelectionModel(self.selectionModel())
        model.modelReset.connect(self._columns_hidden)
        model.layoutChanged.connect(self._columns_hidden)
        self._columns_hidden()

    def set_header_visible(self, visible: bool) -> None:
        self.horizontalHeader().setVisible(visible)
        if self.frozen_view is not None:
            self.frozen_view.horizontalHeader().setVisible(visible)
        self._place()

    def _columns_hidden(self) -> None:
        side = self.frozen_view
        for col in range(self.model().columnCount()):
            side.setColumnHidden(col, col >= self.frozen)
            if col < self.frozen:
                side.setColumnWidth(col, self.columnWidth(col))
        self._place()

    def _resized(self, col: int, _old: int, new: int) -> None:
        if self.frozen_view is not None and col < self.frozen:
            self.frozen_view.setColumnWidth(col, new)
            self._place()

    def frozen_width(self) -> int:
        return sum(self.columnWidth(c) for c in range(self.frozen))

    def _place(self) -> None:
        if self.frozen_view is None:
            return
        frame = self.frameWidth()
        header = 0 if self.horizontalHeader().isHidden() else self.horizontalHeader().height()
        self.frozen_view.setGeometry(self.verticalHeader().width() + frame, frame, self.frozen_width(),
                                     self.viewport().height() + header)

    def resizeEvent(self, event) -> None:  # noqa: ANN001 - Qt API
        super().resizeEvent(event)
        self._place()

    def updateGeometries(self) -> None:
        super().updateGeometries()
        self._place()

    def moveCursor(self, action, modifiers):  # noqa: ANN001, ANN201 - Qt API
        # Keep a cell reached by the keyboard out from under the frozen columns.
        current = super().moveCursor(action, modifiers)
        if (action == QAbstractItemView.CursorAction.MoveLeft and current.column() >= self.frozen
                and self.visualRect(current).left() < self.frozen_width()):
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() + self.visualRect(current).left() - self.frozen_width())
        return current

    def scrollTo(self, index, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:  # noqa: ANN001 - Qt API
        if index.column() >= self.frozen:
            super().scrollTo(index, hint)
            return
        across = self.horizontalScrollBar().value()  # a frozen cell is always in sight: scroll only up or down
        super().scrollTo(index, hint)
        self.horizontalScrollBar().setValue(across)
