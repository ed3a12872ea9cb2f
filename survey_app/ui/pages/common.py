"""Small pieces the pages share: role checks, the inline message banner, writes through the runner.

Writes go through the one TaskRunner even when they are short (a workflow step, choosing an
option): DB writes are serialised on its worker thread, so a quick write from a page can never
collide with a long job (an import) writing at the same time. Results and errors come back on
the GUI thread; a success publishes on the ChangeHub so every view refreshes itself.
Errors are shown in an inline banner, not a modal box: the service's Chinese message stays on
screen next to what the user was doing, and nothing blocks a touch user behind a dialog.
Threading: GUI thread only (``fn`` given to ``run_write`` runs on the runner's worker).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QToolButton, QWidget

from survey_app.core.domain.actor import Actor
from survey_app.core.domain.roles import ROLE_PERMISSIONS, Permission, Role
from survey_app.ui.changes import ChangeHub
from survey_app.ui.kit import theme
from survey_app.ui.task_runner import TaskRunner

TOUCH_HEIGHT = 40  # px: a finger-sized button on a 1366×768 touch laptop


def can(actor: Actor, permission: Permission) -> bool:
    """Whether the actor's role includes ``permission`` (to hide what the service would refuse anyway)."""
    return permission in ROLE_PERMISSIONS[Role(actor.role)]


def enable(widget: QWidget, tip: str, why_not: str = "") -> None:
    """Enable ``widget`` with tooltip ``tip``, or disable it and let the tooltip say why (``why_not``).

    A greyed-out button without a reason leaves a new user guessing what to do first.
    """
    widget.setEnabled(not why_not)
    widget.setToolTip(why_not or tip)


def confirm(parent: QWidget, title: str, text: str, yes_text: str) -> bool:
    """Ask before a step that is not undone by a click (submit, discard): True if the user said yes.

    The yes button names the act (提交复核, not 是), and 取消 is the default so Enter does no harm.
    """
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("confirmBox")
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is yes


class MessageBanner(QWidget):
    """A coloured one-line message above a page's content: errors from services, confirmations."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("messageBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton(self)
        close.setText("×")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("关闭"))
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 4, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.kind = ""
        self.hide()

    def show_message(self, text: str, kind: str = "error") -> None:
        self.kind = kind
        theme.set_state(self, "kind", kind if kind in theme.BANNER else "info", theme.BANNER_STYLE)
        self.label.setText(text)
        self.show()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""


def run_write(runner: TaskRunner, fn: Callable[[], Any], *, label: str, banner: MessageBanner | None = None,
              on_done: Callable[[Any], None] | None = None, changes: Callable[[Any], object] | None = None) -> int:
    """Run the service call ``fn()`` on the runner; publish its ChangeSet, then call ``on_done(result)``.

    What is published is the commit's ChangeSet: the result itself, or its ``.changes`` when the service
    returns a value (core/services/written.py); ``changes(result)`` picks it out of any other shape.
    Service errors (PermissionDenied, ValidationError…) go to ``banner``.
    """
    def done(result: Any) -> None:  # GUI thread
        ChangeHub.instance().publish(changes(result) if changes else getattr(result, "changes", result))
        if on_done is not None:
            on_done(result)

    def failed(exc: BaseException) -> None:  # GUI thread
        if banner is not None:
            banner.show_message(str(exc), "error")
        else:
            raise exc

    return runner.run(lambda progress, cancel: fn(), on_done=done, on_error=failed, label=label,
                      cancellable=False)
