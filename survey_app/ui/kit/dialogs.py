"""The pieces every small form dialog repeats: a hidden red message line and an OK / cancel button row with
OK the default. Texts come from the caller's ``self.tr`` (translation contexts stay the dialogs')."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton, QWidget

from survey_app.ui.kit import theme


def error_line(parent: QWidget, name: str) -> QLabel:
    """A word-wrapped label in the error role, hidden until a message is set and shown."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    theme.set_role(label, "error")
    label.hide()
    return label


def ok_cancel(parent: QWidget, ok_text: str, cancel_text: str, *, ok_name: str,
              cancel_name: str = "") -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
    """(box, ok, cancel): OK is the default button (Enter), cancel never is."""
    box = QDialogButtonBox(parent)
    ok = QPushButton(ok_text, parent)
    ok.setObjectName(ok_name)
    ok.setDefault(True)
    box.addButton(ok, QDialogButtonBox.ButtonRole.AcceptRole)
    cancel = box.addButton(cancel_text, QDialogButtonBox.ButtonRole.RejectRole)
    if cancel_name:
        cancel.setObjectName(cancel_name)
    cancel.setAutoDefault(False)
    return box, ok, cancel
