"""The cells of a RowTable: column specs, the editor made for each kind, reading and writing values.

Threading: GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QWidget

from survey_app.ui.editor import choices
from survey_app.ui.editor.inputs import TOUCH_HEIGHT, DateEdit, DecimalEdit, IntEdit, ParsedEdit, PercentEdit, YearEdit


@dataclass
class Column:
    key: str  # the record field (a display-only column uses a key the record does not have)
    header: str
    kind: str = "text"  # text | decimal | percent | date | year | int | combo | editcombo | check | label
    width: int = 100  # px; 0 stretches
    options: Callable[[], list[tuple[str, str]]] | None = None
    label: Callable[[str], str] | None = None  # combo text of a stored code the options lack
    placeholder: str = ""
    max_length: int = 0
    extra: dict[str, Any] = field(default_factory=dict)
    required: bool = False  # the current policy's calculation needs it: the header shows *


def make_editor(col: Column, parent: QWidget) -> QWidget:
    kind = col.kind
    if kind == "decimal":
        w: QWidget = DecimalEdit(parent, places=col.extra.get("places", 2), placeholder=col.placeholder)
    elif kind == "percent":
        w = PercentEdit(parent)
    elif kind == "date":
        w = DateEdit(parent)
    elif kind == "year":
        w = YearEdit(parent)
    elif kind == "int":  # text, not a spin box: "-3" must be refused, not turned into 3
        w = IntEdit(parent, minimum=col.extra.get("min", 0), maximum=col.extra.get("max", 999))
    elif kind in ("combo", "editcombo"):
        w = QComboBox(parent)
        w.setEditable(kind == "editcombo")
        choices.fill_combo(w, col.options() if col.options else [], allow_empty=col.extra.get("allow_empty", False))
    elif kind == "check":
        w = QCheckBox(parent)
    elif kind == "label":
        w = QLabel(parent)
        w.setObjectName("derived")
    else:
        w = QLineEdit(parent)
        if col.max_length:
            w.setMaxLength(col.max_length)
        if col.placeholder:
            w.setPlaceholderText(col.placeholder)
    if kind != "check":
        w.setMinimumHeight(TOUCH_HEIGHT)
    return w


def get_value(w: QWidget) -> tuple[Any, str]:
    if isinstance(w, ParsedEdit):
        return w.parsed()
    if isinstance(w, QComboBox):
        return choices.combo_code(w), ""
    if isinstance(w, QCheckBox):
        return w.isChecked(), ""
    if isinstance(w, QLineEdit):
        return w.text(), ""
    return None, ""


def set_value(w: QWidget, value: Any, col: Column) -> None:
    if isinstance(w, ParsedEdit):
        w.set_value(value)
    elif isinstance(w, QComboBox):
        choices.set_combo_code(w, value, col.label)
    elif isinstance(w, QCheckBox):
        w.setChecked(bool(value))
    elif isinstance(w, QLineEdit):
        w.setText("" if value is None else str(value))
        w.setCursorPosition(0)


def set_editable(w: QWidget, editable: bool) -> None:
    """Read-only text stays readable and copyable (ID numbers); other editors are disabled."""
    if isinstance(w, QLineEdit):
        w.setReadOnly(not editable)
    else:
        w.setEnabled(editable)
