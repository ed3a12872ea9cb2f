"""Pieces the money dialogs share: a date field, a money field read as an exact Decimal, the button row."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QLineEdit, QPushButton, QWidget

from survey_app.core.domain import china_time
from survey_app.ui.pages.common import TOUCH_HEIGHT


def date_edit(parent: QWidget, name: str, day: dt.date | None = None) -> QDateEdit:
    """A calendar date field (yyyy-MM-dd), today in China by default, never after today."""
    edit = QDateEdit(parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    today = china_time.today()
    edit.setMaximumDate(QDate(today.year, today.month, today.day))
    day = day or today
    edit.setDate(QDate(day.year, day.month, day.day))
    edit.setMinimumHeight(32)
    return edit


def date_of(edit: QDateEdit) -> dt.date:
    d = edit.date()
    return dt.date(d.year(), d.month(), d.day())


def line(parent: QWidget, name: str, placeholder: str = "", max_length: int = 64) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setMaxLength(max_length)
    edit.setPlaceholderText(placeholder)
    edit.setMinimumHeight(32)
    return edit


def buttons(dialog: QDialog, ok_text: str, ok_name: str, close_text: str) -> tuple[QDialogButtonBox, QPushButton]:
    """The dialog's button row: the act (named for what it does) and 关闭."""
    box = QDialogButtonBox(dialog)
    ok = QPushButton(ok_text, dialog)
    ok.setObjectName(ok_name)
    ok.setDefault(True)
    box.addButton(ok, QDialogButtonBox.ButtonRole.AcceptRole)
    close = QPushButton(close_text, dialog)
    close.setObjectName("closeButton")
    box.addButton(close, QDialogButtonBox.ButtonRole.RejectRole)
    for b in (ok, close):
        b.setMinimumHeight(TOUCH_HEIGHT)
    close.clicked.connect(dialog.reject)
    return box, ok
