"""TaskRunner: long work off the GUI thread, one job at a time, with progress and cancel.

Threading rules (DESIGN §2 rule 3):

* Jobs run on a private QThreadPool with exactly ONE thread, so database work from jobs is
  serialised: two jobs never write at the same time and the audit chain stays in order.
  Jobs queue behind each other in submission order.
* ``fn`` runs on that worker thread. It receives ``progress(done, total, label)`` and
  ``cancel() -> bool`` keyword arguments (the core's convention) and must not touch any widget
  or QObject of the GUI. Both callables are safe to call from the worker as often as it likes:
  progress is throttled before it crosses threads.
* ``on_done(result)`` / ``on_error(exc)`` are always called on the GUI thread: the job's signals
  are received by the runner (a QObject living on the GUI thread), so Qt queues them there.
* Cancel is cooperative: the progress dialog's 取消 sets a flag the job polls through ``cancel()``.
  A cancelled job still ends through ``on_done``/``on_error`` (core functions report partial
  work in their result), so callers always hear back exactly once.
* Short reads that must answer inside a paint (list rows on screen, the selected household)
  are NOT sent here: they run on the GUI thread against SQLite in WAL mode, which never waits
  for a writer, so the list stays live while a long job writes.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

_PROGRESS_INTERVAL = 0.05  # s between progress signals: a core loop may report thousands of times


class _JobSignals(QObject):
    """Created on the GUI thread; emitted from the worker -> queued to the GUI thread."""

    progress = Signal(int, int, int, str)  # job id, done, total, label
    finished = Signal(int, bool, object)  # job id, ok, result or exception


class _Job(QRunnable):
    def __init__(self, job_id: int, fn: Callable[..., Any], signals: _JobSignals, cancel_flag: threading.Event):
        super().__init__()
        self.setAutoDelete(True)
        self._id, self._fn, self._signals, self._cancel = job_id, fn, signals, cancel_flag
        self._last = 0.0

    def _progress(self, done: int, total: int, label: str = "") -> None:  # worker thread
        now = time.monotonic()
        if now - self._last >= _PROGRESS_INTERVAL or done >= total:
            self._last = now
            self._signals.progress.emit(self._id, int(done), int(total), str(label))

    def run(self) -> None:  # worker thread
        try:
            result = self._fn(progress=self._progress, cancel=self._cancel.is_set)
        except BaseException as exc:
            self._signals.finished.emit(self._id, False, exc)
        else:
            self._signals.finished.emit(self._id, True, result)


@dataclass
class _Pending:
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    cancel: threading.Event = field(default_factory=threading.Event)
    dialog: QProgressDialog | None = None


class TaskRunner(QObject):
    """Runs jobs on one worker thread; results come back on the GUI thread. Create it on the GUI thread."""

    busy_changed = Signal(bool)

    def __init__(self, parent_widget: QWidget | None = None):
        super().__init__()
        self._parent_widget = parent_widget
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(-1)  # keep the one thread: its SQLite connection stays warm
        self._signals = _JobSignals()
        self._signals.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._signals.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self._ids = itertools.count(1)
        self._jobs: dict[int, _Pending] = {}

    def set_parent_widget(self, widget: QWidget | None) -> None:
        """The window progress dialogs are modal to (the login dialog first, then the main window)."""
        self._parent_widget = widget

    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    def run(self, fn: Callable[..., Any], *, on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None, label: str = "",
            cancellable: bool = True, show_progress: bool = True, min_duration_ms: int = 400) -> int:
        """Queue ``fn(progress=…, cancel=…)``; returns a job id. See the module docstring for threads.

        With ``show_progress`` a modal QProgressDialog (shown only if the job lasts longer than
        ``min_duration_ms``, so quick jobs don't flash) tracks it; its 取消 requests cancellation.
        """
        job_id = next(self._ids)
        pending = _Pending(on_done, on_error)
        if show_progress:
            pending.dialog = self._make_dialog(label, cancellable, pending.cancel, min_duration_ms)
        was_busy = self.busy
        self._jobs[job_id] = pending
        if not was_busy:
            self.busy_changed.emit(True)
        self._pool.start(_Job(job_id, fn, self._signals, pending.cancel))
        return job_id

    def cancel(self, job_id: int) -> None:
        pending = self._jobs.get(job_id)
        if pending is not None:
            pending.cancel.set()

    def cancel_all(self) -> None:
        for pending in self._jobs.values():
            pending.cancel.set()

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Ask every job to stop and wait for the worker (call before the app quits)."""
        self.cancel_all()
        return self._pool.waitForDone(timeout_ms)

    def _make_dialog(self, label: str, cancellable: bool, flag: threading.Event,
                     min_duration_ms: int) -> QProgressDialog:
        dialog = QProgressDialog(label or self.tr("正在处理…"), self.tr("取消") if cancellable else "",
                                 0, 0, self._parent_widget)
        dialog.setWindowTitle(self.tr("请稍候"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal if self._parent_widget
                                 else Qt.WindowModality.ApplicationModal)
        dialog.setMinimumDuration(min_duration_ms)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(360)
        if not cancellable:
            dialog.setCancelButton(None)

        def on_cancel() -> None:
            flag.set()
            dialog.setLabelText(self.tr("正在取消…"))

        dialog.canceled.connect(on_cancel)
        dialog.setValue(0)
        return dialog

    @Slot(int, int, int, str)
    def _on_progress(self, job_id: int, done: int, total: int, label: str) -> None:  # GUI thread
        pending = self._jobs.get(job_id)
        if pending is None or pending.dialog is None or pending.cancel.is_set():
            return
        dialog = pending.dialog
        if total > 0 and dialog.maximum() != total:
            dialog.setMaximum(total)
        if label:
            dialog.setLabelText(label)
        dialog.setValue(min(done, total) if total > 0 else 0)

    @Slot(int, bool, object)
    def _on_finished(self, job_id: int, ok: bool, payload: object) -> None:  # GUI thread
        pending = self._jobs.pop(job_id, None)
        if pending is None:
            return
        if pending.dialog is not None:
            pending.dialog.canceled.disconnect()
            pending.dialog.close()
            pending.dialog.deleteLater()
        if not self._jobs:
            self.busy_changed.emit(False)
        if ok:
            if pending.on_done is not None:
                pending.on_done(payload)
        elif pending.on_error is not None:
            pending.on_error(payload)  # type: ignore[arg-type]
        else:
            raise payload  # type: ignore[misc]  # no handler: let Qt's excepthook report it
