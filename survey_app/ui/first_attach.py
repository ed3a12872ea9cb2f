"""The first window's database, opened on a thread of its own right after the first paint.

The first window (main_window.py, ``db=None``) is painted from the first screen's light read; then
``FirstAttach.start`` runs the ``opener`` — import the ORM and the services, open the database, record
the login (ui/app_first_window.py) — on a plain thread, and hands the database to the window on the GUI
thread (a queued signal). Meanwhile the window stays live: it repaints, scrolls and moves the selection
over the rows already read (the detail pane waits for the database). Input that needs the database
before it is there (a search typed, a sort, the count) calls ``now()``, which waits for the thread and
attaches at once: nothing is lost, it is answered a moment later.

Measured against importing on the GUI thread (zero timer, same CPU): there the window is frozen from its
first paint until the database is there (~1 s quiet at 10k households, several under load); on a thread
it answers within a few ms throughout, and the database is there about as soon (bench/startup.py: READY).

``opener.open()`` runs on the thread and returns the database or raises; ``opener.failed(exc)`` is then
called on the GUI thread (it tells the user and ends the run). Threading: ``start``/``now`` on the GUI thread.
"""

from __future__ import annotations

import importlib
import sys
import threading
import time
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt, Signal


class Opener(Protocol):
    def open(self) -> Any: ...  # the services' Database (thread-safe: no widgets)
    def failed(self, exc: BaseException) -> None: ...


class FirstAttach(QObject):
    _opened = Signal()  # from the thread: the result is in (delivered queued, on the GUI thread)

    def __init__(self, parent: QObject, opener: Opener, attach: Callable[[Any], None]):
        super().__init__(parent)
        self._opener, self._attach = opener, attach
        self._thread: threading.Thread | None = None
        self._result: tuple[Any, BaseException | None] | None = None
        self._done = False
        self._opened.connect(self._finish, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        if self._thread is None and not self._done:
            self._thread = threading.Thread(target=self._run, name="first-attach", daemon=True)
            self._thread.start()

    def wait(self) -> None:
        """Let a started thread end (the run ends: the database it opens must be closed after it)."""
        if self._thread is not None:
            self._thread.join()

    def now(self) -> None:
        """Wait for the database and attach it now (input that needs it came first)."""
        self.start()
        if self._thread is not None:
            self._thread.join()
        self._finish()

    def _run(self) -> None:
        try:
            self._result = (self._opener.open(), None)
        except Exception as exc:  # shown by opener.failed on the GUI thread
            self._result = (None, exc)
        self._opened.emit()

    def _finish(self) -> None:
        if self._done or self._result is None:
            return
        self._done = True
        db, exc = self._result
        if exc is not None:
            self._opener.failed(exc)
        else:
            self._attach(db)


PAUSE_LIMIT = 3.0  # seconds: a pause never lasts longer (a GUI import waiting on a paused one cannot hang)


class Warmup(QObject):
    """``work()`` on a thread of its own from ``start()``: what the login dialog's wait hides (app_first_window.py,
    project_login.py) — importing the ORM and the services and, for a plain project, opening its database.
    Those start it once the dialog has painted: before, its imports shared the CPU with the dialog's own start
    (bench/startup.py, 10k, load 12: process CPU at the dialog's paint 0.50–0.54 s → 0.34–0.38 s; at load ~2
    the difference is within the noise). ``start()`` is idempotent, and ``result()`` starts a warm-up not yet
    started (whoever waits runs it).

    ``result()`` (any thread) waits for it and returns its value or raises its error; ``finished`` is
    emitted (queued, on the GUI thread) once it is done. Measured (10k households, a 5-ms timer on the GUI
    thread from the warm-up's start, the dialog's construction included, load 7 on 2 cores): longest gap
    79–233 ms over 3 starts; a user who types for a second or two no longer waits for the imports after 登录.

    Yielding to the GUI (issue 11 item 5): ``pause()`` (GUI thread: 登录 pressed) holds the thread at its next
    module import — ``imports`` are imported one by one first, and every module they pull in is a step
    (``_Steps``) — or before ``work()``; ``resume()`` (the main window painted) lets it go on. While
    it waits it holds no GIL: the sign-in and the first paint get the CPU to themselves instead of half of
    it (the imports would otherwise end about when the window paints). ``result()`` resumes first: whoever
    waits for the warm-up lets it run. A pause ends by itself after ``PAUSE_LIMIT``. ``steps`` (time, module)
    and ``pauses`` ([start, end]) record it (perf_counter seconds). Measured (bench/startup.py, 10k, quiet,
    登录 pressed as soon as the dialog paints): start → main window painted 1,625 ms (CPU 5.4× a bare
    window) without the pause, 561–577 ms (CPU 1.9–2.4×) with it; the database is there (READY) as soon."""

    finished = Signal()

    def __init__(self, work: Callable[[], Any], parent: QObject | None = None, *, imports: tuple[str, ...] = ()):
        super().__init__(parent)
        self._work, self._imports = work, imports
        self._value: Any = None
        self._error: BaseException | None = None
        self._done = False  # set before finished is emitted: done() then finished.connect cannot miss it
        self._gate = threading.Event()
        self._gate.set()
        self._starting = threading.Lock()
        self.steps: list[tuple[float, str]] = []
        self.pauses: list[list[float]] = []
        self._thread = threading.Thread(target=self._run, name="warm-up", daemon=True)

    def start(self) -> None:
        """Start the thread (any thread; once: a second call does nothing)."""
        with self._starting:
            if self._thread.ident is not None:
                return
            _Steps.install()
            self._thread.start()

    def started(self) -> bool:
        return self._thread.ident is not None

    def done(self) -> bool:
        return self._done

    def paused(self) -> bool:
        return not self._gate.is_set()

    def pause(self) -> None:
        if not self._done and self._gate.is_set():
            self.pauses.append([time.perf_counter(), 0.0])
            self._gate.clear()

    def resume(self) -> None:
        if not self._gate.is_set():
            self.pauses[-1][1] = time.perf_counter()
            self._gate.set()

    def result(self) -> Any:
        self.resume()
        self.start()  # not started yet (it starts once the login dialog has painted): whoever waits runs it
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value

    def step(self, what: str) -> None:
        """On the warm-up thread: wait while paused, then note the step about to run."""
        if not self._gate.wait(PAUSE_LIMIT):
            self.resume()
        self.steps.append((time.perf_counter(), what))

    def _run(self) -> None:
        _Steps.threads[threading.get_ident()] = self
        try:
            for name in self._imports:
                self.step(name)
                importlib.import_module(name)  # each module it imports in turn is a step too (_Steps)
            self.step("work")
            self._value = self._work()
        except Exception as exc:  # raised again by result(), where the caller tells the user
            self._error = exc
        finally:
            _Steps.threads.pop(threading.get_ident(), None)
        self._done = True
        self.finished.emit()


class _Steps:
    """An audit hook (``sys.addaudithook``): an ``import`` statement on a warm-up's thread that loads a module
    is one of its steps, and may wait there. Python raises the ``import`` event before it takes any import
    lock of that module (a finder, by contrast, runs under the global import lock: waiting there would stop
    every thread's imports); the modules whose bodies are running hold theirs, hence ``PAUSE_LIMIT``.
    Installed once for the process (audit hooks stay); for any other event or thread it returns at once."""

    threads: dict[int, Warmup] = {}
    _installed = False

    @classmethod
    def install(cls) -> None:
        if not cls._installed:
            cls._installed = True
            sys.addaudithook(cls._hook)

    @staticmethod
    def _hook(event: str, args: tuple[Any, ...]) -> None:
        if event == "import":
            warmup = _Steps.threads.get(threading.get_ident())
            if warmup is not None:
                warmup.step(args[0])
