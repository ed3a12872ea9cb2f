"""A modal dialog left open in a test's own Qt application is closed after ``LIMIT_S`` and fails the test.

Offscreen nobody clicks: a ``QMessageBox.critical`` the test did not expect (a damaged database, a refused
file) would hold the test until pytest-timeout ends its worker, five minutes on, with a stack that does not say
what the box said. Here the test fails after ``LIMIT_S`` with the dialog's class, title and text, and the run
goes on. A timer on the GUI thread looks once a second: a modal dialog runs its own event loop, so it fires
there too. tests/conftest.py installs it for every test that uses Qt (``qapp``, which ``qtbot`` uses).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

LIMIT_S = 60.0  # the slowest test takes ~5 s; a dialog a test opens and closes itself is gone long before


class ModalGuard(QObject):
    def __init__(self, limit_s: float = LIMIT_S, every_ms: int = 1000) -> None:
        super().__init__()
        self.limit_s = limit_s
        self.closed: list[str] = []  # what it had to close
        # (the modal widget, first seen). The wrapper itself is kept: a dialog made in C++ (QMessageBox.critical)
        # gets a new Python wrapper at each call unless one is alive, so its id() is no identity.
        self._since: tuple[QWidget, float] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(every_ms)
        self._timer.timeout.connect(self._look)
        self._timer.start()

    def _look(self) -> None:
        widget = QApplication.activeModalWidget()
        if widget is None:
            self._since = None
            return
        if self._since is None or self._since[0] is not widget:
            self._since = (widget, time.monotonic())
            return
        if time.monotonic() - self._since[1] < self.limit_s:
            return
        text = widget.text() if hasattr(widget, "text") else ""
        self.closed.append(f"{type(widget).__name__} {widget.windowTitle()!r}: {text!r}")
        self._since = None
        if hasattr(widget, "reject"):
            widget.reject()
        else:
            widget.close()

    def stop(self) -> list[str]:
        self._timer.stop()
        return self.closed
