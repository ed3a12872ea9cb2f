"""Run something once a widget has painted for the first time (the start-up's "after the first paint").

Start-up budget (DESIGN §8): what the first screen does not need waits for its first paint — the counts
that read every household, the ORM on a first window (main_window.py), the bench's FIRST_PAINT (app.py).
Threading: GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    """Calls ``callback`` once, just after ``widget``'s first paint has completed."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]):
        super().__init__(widget)  # dies with the widget: a window closed unpainted never calls back
        self._widget, self._callback = widget, callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self, self._done)  # after this paint (and its flush to the screen)
        return False

    def _done(self) -> None:
        callback, self._callback = self._callback, None
        self.deleteLater()
        if callback is not None:
            callback()


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Run ``callback`` on the GUI thread once ``widget`` has painted for the first time."""
    _FirstPaint(widget, callback)


def warm_imports(modules: tuple[str, ...]) -> None:
    """Import ``modules``, on a thread of its own after the first paint: what the first not-yet-surveyed
    household's detail needs (its missing-items check: 0.2–0.4 s of first-time imports that otherwise land
    in a keystroke; main_window.WARM_MODULES)."""
    import importlib
    import threading

    threading.Thread(target=lambda: [importlib.import_module(m) for m in modules], name="warm-imports",
                     daemon=True).start()
