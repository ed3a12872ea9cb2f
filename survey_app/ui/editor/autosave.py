"""Autosaved drafts for the editor: never lose a keystroke, and never make typing wait for the database.

Every edit restarts a 2 s single-shot timer; when it fires (or the window loses focus, or the dialog is
about to go) the form is handed to the **draft writer**, replacing this user's previous draft of the
household. Nothing is written while the form equals what was loaded; returning to it removes the draft.
Saving the form or discarding the edit deletes the draft.

The draft writer is one thread of its own, shared by every editor (``_DraftWriter``). A draft takes the
write lock like every write (services/survey/drafts.py); while an HQ import holds it, the writer waits
and the GUI thread goes on taking keystrokes. Not the TaskRunner: its one worker would queue a draft
behind long jobs that take no lock (batch printing, export), and its ``busy`` flag holds logout and quit.

* **Latest wins.** Each household (per user) has one slot: a new request replaces the one still waiting,
  and the writer takes requests in the order they were made, so an older draft never lands over a newer
  one, nor over a discard.
* **Failures** (the lock held past the busy timeout, a full disk) are shown (``failed``) and the draft is
  tried again 2 s later while the form still differs.
* **Closing** never drops a request: the writer finishes what was handed to it after the dialog is gone,
  and the interpreter waits for it at exit (``finish_drafts`` waits explicitly). ``existing()`` answers
  from a request still on its way, so an editor reopened at once offers the newest draft.
* **Discards** end an edit (saved, dropped) and pages that list drafts read them right after: written at
  once when nothing is queued for the household, else queued behind the pending draft (latest wins).

Threading: ``DraftKeeper`` lives on the GUI thread. The writer thread only calls the core's draft
functions and emits ``_Relay`` signals, which Qt queues to the GUI thread.
"""

from __future__ import annotations

import datetime as dt
import itertools
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from survey_app.core.services import Database
from survey_app.core.services.survey import drafts
from survey_app.core.services.survey.drafts import SavedDraft
from survey_app.core.services.survey.form import SurveyForm

DELAY_MS = 2000
REOPEN_WAIT_S = 0.5  # existing(): how long to let a queued write of the same draft land before answering


@dataclass(frozen=True)
class _Request:
    """Write ``form`` as the draft of ``key`` (or remove the draft: ``form`` None)."""

    keeper: int  # the DraftKeeper's ticket
    key: tuple[str, str, str]  # (database URL, username, household id)
    db: Database
    form: SurveyForm | None
    text: str  # the form's JSON ("" for a discard)
    at: dt.datetime  # when it was asked for (UTC: what SavedDraft.saved_at holds)

    def run(self) -> None:
        username, household_id = self.key[1], self.key[2]
        if self.form is None:
            drafts.discard_draft(self.db, username, household_id)
        else:
            drafts.save_draft(self.db, username, self.form)


class _Relay(QObject):
    """Created on the GUI thread; the writer thread emits, Qt queues the call to the GUI thread."""

    finished = Signal(object, object)  # the _Request, the error text or None


class _DraftWriter:
    """One thread writing every editor's drafts, one slot per draft: the newest request wins."""

    def __init__(self) -> None:
        self.relay = _Relay()
        self._lock = threading.Condition()
        self._waiting: dict[tuple, _Request] = {}  # asked for, not yet taken
        self._running: dict[tuple, _Request] = {}  # being written
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="draft-writer")

    def submit(self, request: _Request) -> None:
        with self._lock:
            queued = request.key in self._waiting  # a job for this slot is queued already: it takes the newest
            self._waiting[request.key] = request
        if not queued:
            self._pool.submit(self._write, request.key)

    def pending(self, key: tuple) -> _Request | None:
        """The newest request for ``key`` not yet written (waiting, or being written)."""
        with self._lock:
            return self._waiting.get(key) or self._running.get(key)

    def wait(self, key: tuple | None = None, timeout: float | None = None) -> bool:
        """Until nothing for ``key`` (None: for anyone) is waiting or being written; False on timeout."""
        def idle() -> bool:
            if key is None:
                return not self._waiting and not self._running
            return key not in self._waiting and key not in self._running

        with self._lock:
            return self._lock.wait_for(idle, timeout)

    def _write(self, key: tuple) -> None:  # the writer thread
        with self._lock:
            request = self._waiting.pop(key, None)
            if request is None:
                return
            self._running[key] = request
        error = None
        try:
            request.run()
        except Exception as exc:
            error = str(exc) or type(exc).__name__
        finally:
            with self._lock:
                del self._running[key]
                self._lock.notify_all()
        self.relay.finished.emit(request, error)


_WRITER: list[_DraftWriter] = []
_TICKETS = itertools.count(1)


def _writer() -> _DraftWriter:
    """The app's draft writer, made on first use (on the GUI thread: its relay lives there)."""
    if not _WRITER:
        _WRITER.append(_DraftWriter())
    return _WRITER[0]


def finish_drafts(timeout: float | None = None) -> bool:
    """Wait until every draft handed to the writer is written (before closing a project's database)."""
    return _writer().wait(None, timeout) if _WRITER else True


class DraftKeeper(QObject):
    written = Signal(object)  # the local time the newest draft was written (datetime)
    failed = Signal(str)

    def __init__(self, db: Database, username: str, household_id: str, collect: Callable[[], SurveyForm],
                 parent: QObject | None = None):
        super().__init__(parent)
        self._db, self._user, self._hid, self._collect = db, username, household_id, collect
        self._key = (db.url, username, household_id)
        self._ticket = next(_TICKETS)
        self._asked: _Request | None = None  # the newest request this keeper made
        self.baseline = ""  # the JSON of the form as stored: no draft needed while equal
        self._last: str | None = ""  # the JSON of the newest draft asked for ("" = none; None = unknown)
        self.enabled = True  # off while read-only or while the restore question is open
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.flush)
        self._writer = _writer()
        self._writer.relay.finished.connect(self._finished)

    def existing(self) -> SavedDraft | None:
        """This user's draft of the household: the stored one, or the newest still on its way there."""
        self._writer.wait(self._key, REOPEN_WAIT_S)
        request = self._writer.pending(self._key)
        if request is not None:
            return None if request.form is None else SavedDraft(request.form, request.at, request.form.rev)
        return drafts.load_draft(self._db, self._user, self._hid)

    def schedule(self) -> None:
        if self.enabled:
            self.timer.start()

    def flush(self) -> bool:
        """Hand the form to the draft writer if it differs from the stored one and from the last draft; True
        if a write was asked for (it lands on the writer thread; ``written`` says when)."""
        self.timer.stop()
        if not self.enabled:
            return False
        form = self._collect()
        text = form.to_json()
        if text == self.baseline:
            if self._last != "":
                self.discard()
            return False
        if text == self._last:
            return False
        self._ask(form, text)
        return True

    def discard(self) -> None:
        """Remove the draft (the edit was saved or dropped): at once if nothing is queued for it, else
        behind what is (latest wins)."""
        self.timer.stop()
        self._last = ""
        if self._writer.pending(self._key) is None:
            self._asked = None
            try:
                drafts.discard_draft(self._db, self._user, self._hid)
                return
            except Exception:
                pass
        self._ask(None, "")

    def mark_written(self, form_json: str) -> None:
        """A restored draft is in the store already: do not write it again until it changes."""
        self._last = form_json

    def _ask(self, form: SurveyForm | None, text: str) -> None:
        self._last = text
        self._asked = _Request(self._ticket, self._key, self._db, form, text, dt.datetime.now(dt.UTC))
        self._writer.submit(self._asked)

    @Slot(object, object)
    def _finished(self, request: _Request, error: str | None) -> None:  # GUI thread
        if request.keeper != self._ticket or request is not self._asked:
            return  # another editor's, or overtaken by a newer request of ours
        if error is None:
            if request.form is not None:
                self.written.emit(dt.datetime.now())
            return
        self._last = None  # not written: the next flush writes again
        self.failed.emit(error)
        if self.enabled and request.form is not None:
            self.timer.start()  # try again while the form still differs
