"""Rows of editors with a header, add/remove and undo: members, tenures, building parts, businesses, appraisals.

A handful of rows per household, so plain widgets in fixed-width columns (not a model/view table):
every cell is a real editor, Tab walks row by row, a finger hits a 34 px field. Each row keeps the
record it was loaded from, so fields this table does not show survive a save, and the record id
(``None`` for a new row) so saving updates rather than re-inserts. Threading: GUI thread only.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from survey_app.core.services.survey.checks import Problem
from survey_app.ui.editor.cells import Column, get_value, make_editor, set_editable, set_value
from survey_app.ui.editor.inputs import TOUCH_HEIGHT

SPACING = 6
REMOVE_WIDTH = 56


def _none_yet() -> str:
    return QCoreApplication.translate("RowTable", "暂无。点“添加”或按 Ctrl+Enter 添加一行。")


class Row(QFrame):
    """One record: its editors side by side and a message line under them (hidden when empty)."""

    def __init__(self, table: RowTable, record: Any):
        super().__init__(table)
        self.setObjectName("editorRow")
        self.record = record
        self.widgets: dict[str, QWidget] = {}
        self.live_message = ""  # what a cell says while it is typed (the ID check), shown at once
        self.problems: list[tuple[str, str]] = []  # (column key, message) from the last check
        self._message: QLabel | None = None  # made when the row first has something to say (most never do)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        line = QHBoxLayout()
        line.setSpacing(SPACING)
        outer.addLayout(line)
        for col in table.columns:
            w = make_editor(col, self)
            w.setObjectName(f"{table.name}.{col.key}")
            self.widgets[col.key] = w
            if isinstance(w, QCheckBox) and col.width:  # centred under its header, without a holder widget
                _centre(line, w, col.width)
            elif col.width:
                w.setFixedWidth(col.width)
                line.addWidget(w)
            else:
                w.setMinimumWidth(col.extra.get("min_width", 90))
                line.addWidget(w, 1)
        self.remove_button = QPushButton(QCoreApplication.translate("RowTable", "删除"), self)
        self.remove_button.setObjectName("removeRow")
        self.remove_button.setFixedSize(table.remove_width, TOUCH_HEIGHT)
        self.remove_button.setToolTip(QCoreApplication.translate("RowTable", "删除这一行（焦点在行内时按 Delete）"))
        self.remove_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes field to field, not via buttons
        policy = self.remove_button.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # read-only rows stay aligned with the header
        self.remove_button.setSizePolicy(policy)
        line.addWidget(self.remove_button)

    @property
    def message(self) -> QLabel:
        """The message line under the editors (hidden while empty), made when first needed."""
        if self._message is None:
            self._message = QLabel(self)
            self._message.setObjectName("rowMessage")
            self._message.setWordWrap(True)
            self._message.hide()
            self.layout().addWidget(self._message)
        return self._message

    def refresh_message(self, live_key: str = "") -> None:
        """Show the live message, then the check's (the check's own text for the live cell is skipped)."""
        texts = [self.live_message] if self.live_message else []
        texts += [m for k, m in self.problems if not (self.live_message and k == live_key)]
        text = "\n".join(dict.fromkeys(texts))
        if not text and self._message is None:
            return  # nothing to say and nothing said yet
        self.message.setText(text)
        self.message.setVisible(bool(text))


def _centre(line: QHBoxLayout, box: QCheckBox, width: int) -> None:
    """Place ``box`` in a ``width`` px column of ``line``, centred: the geometry a centring holder widget
    gave it, from two spacers (a spacer gets no layout spacing of its own) instead of one more widget."""
    hint = box.sizeHint().width()
    left = max(0, (width - hint) // 2)
    box.setFixedWidth(min(hint, width))
    line.addSpacing(left)
    line.addWidget(box, 0, Qt.AlignmentFlag.AlignVCenter)
    line.addSpacing(max(0, width - hint - left))


class RowTable(QWidget):
    """Rows of one form list (``name`` = "members", …) of ``row_type`` records."""

    edited = Signal()
    touched = Signal(QWidget)  # an editor the user has left after editing: its problems may show now
    structure_changed = Signal()
    row_added = Signal(object)  # the Row

    def __init__(self, name: str, row_type: type, columns: list[Column], add_text: str,
                 parent: QWidget | None = None, *, new_record: Callable[[], Any] | None = None):
        super().__init__(parent)
        self.name, self.row_type, self.columns = name, row_type, columns
        self._new_record = new_record or row_type
        self.rows: list[Row] = []
        self._removed: tuple[int, Any] | None = None
        self._loading = False
        self.read_only = False
        metrics = self.fontMetrics()
        # Fixed columns are sized for Chinese; a longer translation (English) widens the column instead
        # of clipping it, up to 30% wider (the row must still fit 1366 px).
        for col in columns:
            if col.kind in ("combo", "editcombo") and col.width and col.options:
                needed = max((metrics.horizontalAdvance(t) for _c, t in col.options()), default=0) + 36
                col.width = min(max(col.width, needed), col.width * 13 // 10)
        self.remove_width = max(REMOVE_WIDTH, metrics.horizontalAdvance(
            QCoreApplication.translate("RowTable", "删除")) + 24)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        header = QHBoxLayout()
        header.setSpacing(SPACING)
        self.header_labels: dict[str, QLabel] = {}
        for col in columns:
            label = QLabel(col.header, self)
            label.setObjectName("columnHeader")
            self.header_labels[col.key] = label
            label.setWordWrap(True)
            if col.kind == "check":
                label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            if col.width:
                label.setFixedWidth(col.width)
                header.addWidget(label)
            else:
                label.setMinimumWidth(col.extra.get("min_width", 90))
                header.addWidget(label, 1)
        header.addSpacing(self.remove_width)
        self._header = QWidget(self)
        self._header.setLayout(header)
        layout.addWidget(self._header)
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setSpacing(4)
        layout.addLayout(self._rows_layout)
        self._empty_text = _none_yet()
        self._empty_label: QLabel | None = None  # "暂无…", made when the table is first empty

        buttons = QHBoxLayout()
        self.add_button = QPushButton(add_text, self)
        self.add_button.setObjectName("addRow")
        self.add_button.setMinimumHeight(TOUCH_HEIGHT + 2)
        self.add_button.setToolTip(QCoreApplication.translate("RowTable", "添加一行（Ctrl+Enter 或 Alt+N）"))
        self.add_button.clicked.connect(lambda: self.add_row(focus=True))
        buttons.addWidget(self.add_button)
        self.undo_label = QLabel(self)
        self.undo_label.setObjectName("muted")
        self.undo_button = QPushButton(QCoreApplication.translate("RowTable", "撤销删除"), self)
        self.undo_button.setMinimumHeight(TOUCH_HEIGHT + 2)
        self.undo_button.clicked.connect(self.undo_remove)
        buttons.addSpacing(12)
        buttons.addWidget(self.undo_label)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._show_undo(None)
        self._update_empty()

    # --- rows ---------------------------------------------------------------------------------------

    def set_records(self, records: list[Any]) -> None:
        """Show ``records``; rows already there are reused (keeps focus when a save reloads ids)."""
        self._loading = True
        try:
            while len(self.rows) > len(records):
                self._drop(self.rows[-1])
            for i, record in enumerate(records):
                row = self.rows[i] if i < len(self.rows) else self._append(record)
                row.record = record
                for col in self.columns:
                    if hasattr(record, col.key):
                        set_value(row.widgets[col.key], getattr(record, col.key), col)
                self.fill_derived(row)
        finally:
            self._loading = False
        self._show_undo(None)
        self._update_empty()
        self.structure_changed.emit()

    def records(self) -> tuple[list[Any], list[Problem]]:
        """The rows as records (in order) and the cells whose text could not be read."""
        out, problems = [], []
        for i, row in enumerate(self.rows):
            values = {}
            for col in self.columns:
                if not hasattr(row.record, col.key):
                    continue
                value, error = get_value(row.widgets[col.key])
                if error:
                    problems.append(Problem(f"{self.name}[{i}].{col.key}", error))
                values[col.key] = value
            out.append(dataclasses.replace(row.record, **values))
        return out, problems

    def add_row(self, record: Any = None, *, focus: bool = False) -> Row | None:
        if self.read_only:
            return None
        row = self._append(record if record is not None else self._new_record())
        self._loading = True
        try:
            for col in self.columns:
                if hasattr(row.record, col.key):
                    set_value(row.widgets[col.key], getattr(row.record, col.key), col)
        finally:
            self._loading = False
        self._update_empty()
        self.structure_changed.emit()
        self.row_added.emit(row)
        self.edited.emit()
        if focus:
            self.focus_row(row)
        return row

    def remove_row(self, row: Row) -> None:
        if self.read_only or row not in self.rows:
            return
        index = self.rows.index(row)
        records, _ = self.records()
        self._drop(row)
        self._show_undo((index, records[index]))
        self._update_empty()
        self.structure_changed.emit()
        self.edited.emit()
        if self.rows:
            self.focus_row(self.rows[min(index, len(self.rows) - 1)])

    def undo_remove(self) -> None:
        if self._removed is None:
            return
        index, record = self._removed
        row = self.add_row(record)
        if row is not None:  # back where it was
            self.rows.remove(row)
            self.rows.insert(index, row)
            self._rows_layout.removeWidget(row)
            self._rows_layout.insertWidget(index, row)
            self.structure_changed.emit()
            self.focus_row(row)
        self._show_undo(None)

    def row_of(self, widget: QWidget | None) -> Row | None:
        while widget is not None:
            if isinstance(widget, Row) and widget in self.rows:
                return widget
            widget = widget.parentWidget()
        return None

    def focus_row(self, row: Row) -> None:
        first = next((w for w in row.widgets.values() if w.focusPolicy() != Qt.FocusPolicy.NoFocus
                      and w.isEnabled() and not isinstance(w, QLabel)), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def widget_for(self, index: int | None, key: str) -> QWidget | None:
        if index is None or not 0 <= index < len(self.rows):
            return None
        widgets = self.rows[index].widgets
        return widgets.get(key) or next(iter(widgets.values()))

    def focus_chain(self) -> list[QWidget]:
        chain = [w for row in self.rows for w in row.widgets.values() if not isinstance(w, QLabel)]
        return chain + [self.add_button]

    @property
    def empty_label(self) -> QLabel:
        """What an empty table says ("暂无…", read-only "无"), in the place of the rows."""
        if self._empty_label is None:
            self._empty_label = QLabel(self._empty_text, self)
            self._empty_label.setObjectName("muted")
            self._empty_label.setVisible(not self.rows)
            layout = self.layout()
            layout.insertWidget(layout.indexOf(self._header) + 2, self._empty_label)  # after the rows' layout
        return self._empty_label

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        if self._empty_label is not None:
            self._empty_label.setText(text)

    def set_read_only(self, read_only: bool) -> None:
        if read_only != self.read_only:  # rows are made in the current state: only a change needs applying
            for row in self.rows:
                for w in row.widgets.values():
                    set_editable(w, not read_only)
                self.fill_derived(row)
                row.remove_button.setVisible(not read_only)
        self.read_only = read_only
        self.add_button.setVisible(not read_only)
        self.set_empty_text(QCoreApplication.translate("RowTable", "无") if read_only else _none_yet())
        if read_only:
            self._show_undo(None)

    def set_required(self, keys: set[str]) -> None:
        """Mark the columns the current policy's calculation needs with * (and say so in the tooltip)."""
        for col in self.columns:
            col.required = col.key in keys
            label = self.header_labels[col.key]
            label.setText(f"{col.header} *" if col.required else col.header)
            label.setToolTip(QCoreApplication.translate("RowTable", "必填：现行补偿方案测算需要此项")
                             if col.required else "")

    def fill_derived(self, row: Row) -> None:
        """Hook: fill display-only cells from the others (members: sex and birth date from the ID)."""

    # --- internals ----------------------------------------------------------------------------------

    def _append(self, record: Any) -> Row:
        row = Row(self, record)
        for w in row.widgets.values():
            self._connect(w)
            set_editable(w, not self.read_only)
        row.remove_button.clicked.connect(lambda: self.remove_row(row))
        row.remove_button.setVisible(not self.read_only)
        self.rows.append(row)
        self._rows_layout.addWidget(row)
        return row

    def _drop(self, row: Row) -> None:
        self.rows.remove(row)
        self._rows_layout.removeWidget(row)
        row.hide()
        row.deleteLater()

    def _connect(self, w: QWidget) -> None:
        def changed(*_args: object) -> None:
            if not self._loading:
                row = self.row_of(w)
                if row is not None:
                    self.fill_derived(row)
                self.edited.emit()

        def left() -> None:
            w.setProperty("touched", True)
            self.touched.emit(w)

        if isinstance(w, QLineEdit):
            w.textChanged.connect(changed)
            w.editingFinished.connect(left)
        elif isinstance(w, QComboBox):
            w.currentIndexChanged.connect(changed)
            w.currentIndexChanged.connect(lambda *_: None if self._loading else left())
            if w.isEditable():
                w.editTextChanged.connect(changed)
        elif isinstance(w, QCheckBox):
            w.toggled.connect(changed)
        elif isinstance(w, QSpinBox):
            w.valueChanged.connect(changed)
            w.editingFinished.connect(left)

    def _show_undo(self, removed: tuple[int, Any] | None) -> None:
        self._removed = removed
        self.undo_label.setText(QCoreApplication.translate("RowTable", "已删除一行。") if removed else "")
        self.undo_label.setVisible(removed is not None)
        self.undo_button.setVisible(removed is not None)

    def _update_empty(self) -> None:
        if not self.rows or self._empty_label is not None:
            self.empty_label.setVisible(not self.rows)
        self._header.setVisible(bool(self.rows))
