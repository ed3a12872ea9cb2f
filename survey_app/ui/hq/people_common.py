"""Pieces the 人员与设备 panels share: a small table (model + view) and a form dialog.

``RowsModel`` holds a short list (users, laptops: tens, not thousands) and turns each item into its
cells with a function; the headers are (context, source) pairs translated at display time.
``RowsTable`` shows one, a row at a time selectable, and keeps the selection across reloads.
``FormDialog`` is a labelled form with 确定/取消 whose ``check`` may refuse 确定 with a message shown
in the dialog; it is opened with ``open()`` (window-modal, not blocking), so tests type into the real
fields and click the real button. Threading: GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from survey_app.ui.kit import theme


class RowsModel(QAbstractTableModel):
    def __init__(self, context: str, headers: Sequence[str], cells: Callable[[Any], Sequence[str]],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._context, self._headers, self._cells = context, tuple(headers), cells
        self.items: list[Any] = []

    def set_items(self, items: list[Any]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(self._context, self._headers[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return self._cells(self.items[index.row()])[index.column()]


class RowsTable(QTableView):
    """A read-only, single-row-selection view of a RowsModel; ``key`` names an item (kept on reload)."""

    def __init__(self, model: RowsModel, key: Callable[[Any], str], parent: QWidget | None = None):
        super().__init__(parent)
        self._key = key
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().hide()

    def reload(self, items: list[Any]) -> None:
        chosen = self.selected()
        self.model().set_items(items)
        if chosen is not None:
            self.select(self._key(chosen))

    def selected(self) -> Any | None:
        rows = self.selectionModel().selectedRows()
        return self.model().items[rows[0].row()] if rows else None

    def select(self, key: str) -> None:
        for row, item in enumerate(self.model().items):
            if self._key(item) == key:
                self.selectRow(row)
                return


class FormDialog(QDialog):
    """Rows of (label, widget); ``check()`` returns "" to accept or a message to show and stay open."""

    def __init__(self, parent: QWidget, title: str, rows: list[tuple[str, QWidget]],
                 check: Callable[[], str] | None = None):
        super().__init__(parent)
        self.setObjectName("peopleForm")
        self.setWindowTitle(title)
        self._check = check
        form = QFormLayout()
        for label, widget in rows:
            widget.setParent(self)
            form.addRow(label, widget)
        self.message = QLabel(self)
        self.message.setObjectName("peopleFormMessage")
        theme.set_role(self.message, "danger")
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    @property
    def ok_button(self):  # noqa: ANN201
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _try_accept(self) -> None:
        problem = self._check() if self._check else ""
        if problem:
            self.message.setText(problem)
            self.message.show()
            return
        self.accept()
