"""The photos of one household, read-only, for whoever decides on it (reviewer, HQ): each with its
category, caption, capture time (China's clock) and position. Opened from the detail pane's
“查看照片” link; edits stay in the survey editor. GUI thread only."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from survey_app.core.domain.actor import Actor
from survey_app.core.services import Database
from survey_app.ui.photos.strip import PhotoStrip
from survey_app.ui.task_runner import TaskRunner


class PhotoDialog(QDialog):
    def __init__(self, db: Database, actor: Actor, runner: TaskRunner, household_id: str, title: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("photoDialog")
        self.setWindowTitle(self.tr("照片 — {title}").format(title=title))
        self.strip = PhotoStrip(db, actor, runner, household_id, self)
        self.strip.set_read_only(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.strip, 1)
        layout.addWidget(buttons)
        screen = self.screen().availableGeometry() if self.screen() else None
        width = min(900, screen.width() - 40) if screen else 900
        height = min(620, screen.height() - 60) if screen else 620
        self.resize(width, height)
        self.strip.reload()


def open_photos(parent: QWidget, db: Database, actor: Actor, runner: TaskRunner, household_id: str,
                title: str) -> PhotoDialog:
    """Show the household's photos (non-modal; the caller keeps the returned dialog alive)."""
    dialog = PhotoDialog(db, actor, runner, household_id, title, parent)
    dialog.show()
    return dialog
