"""Autosaved drafts for the editor: never lose a keystroke.

Every edit restarts a 2 s single-shot timer; when it fires (or the window loses focus, or the
dialog is about to go) the form is written as this user's draft of the household, replacing the
previous one: one small SQLite write (drafts.save_draft), done right here on the GUI thread — it
takes a few ms and must not wait in the TaskRunner's queue behind a long import. Nothing is written
while the form equals what was loaded; returning to it removes the draft. Saving the form or
discarding the edit deletes the draft. Threading: GUI thread only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from survey_app.core.services.survey import drafts
from survey_app.core.services.survey.drafts import SavedDraft
from survey_app.core.services.survey.form import SurveyForm
from survey_app.core.services import Database

DELAY_MS = 2000


class DraftKeeper(QObject):
    written = Signal(object)  # the local time it was written (datetime)
    failed = Signal(str)

    def __init__(self, db: Database, username: str, household_id: str, collect: Callable[[], SurveyForm],
                 parent: QObject | None = None):
        super().__init__(parent)
        self._db, self._user, self._hid, self._collect = db, username, household_id, collect
        self.baseline = ""  # the JSON of the form as stored: no draft needed while equal
        self._last = ""  # the JSON last written as a draft ("" = none written by us)
        self.enabled = True  # off while read-only or while the restore question is open
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.flush)

    def existing(self) -> SavedDraft | None:
        return drafts.load_draft(self._db, self._user, self._hid)

    def schedule(self) -> None:
        if self.enabled:
            self.timer.start()

    def flush(self) -> bool:
        """Write the draft now if the form differs from the stored one and from the last draft; True if written."""
        self.timer.stop()
        if not self.enabled:
            return False
        form = self._collect()
        text = form.to_json()
        if text == self.baseline:
            if self._last:
                self.discard()
            return False
        if text == self._last:
            return False
        try:
            drafts.save_draft(self._db, self._user, form)
        except Exception as exc:  # noqa: BLE001 - a failed draft must not cost the edit itself
            self.failed.emit(str(exc))
            return False
        self._last = text
        self.written.emit(dt.datetime.now())
        return True

    def discard(self) -> None:
        self.timer.stop()
        drafts.discard_draft(self._db, self._user, self._hid)
        self._last = ""

    def mark_written(self, form_json: str) -> None:
        """A restored draft is in the store already: do not write it again until it changes."""
        self._last = form_json
