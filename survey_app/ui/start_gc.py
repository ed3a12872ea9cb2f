"""Python's cyclic garbage collector paused from main.py's first line until the main window's first paint.

A start allocates a great many objects that live as long as the app (modules, classes, Qt enums, widgets)
and almost no cyclic garbage: measured on bench/startup.py's start at 10k households, 56–61 collections
before the main window's first paint, together 17–32 ms of the GUI thread at load ~2 (73–122 ms at load 9),
freeing 369 objects in all. So main.py pauses the collector (``pause``) and the start resumes it
(``resume``) once the main window has painted (ui/app_first_window.py) — or at once on any other path (the
project chooser, a vaulted project, the ordinary open, a first-start demo: ui/app.py), and whenever a run
ends. Reference counting frees everything else as usual meanwhile. Only a collector this module paused is
resumed (a host that disabled it keeps it disabled). GUI thread.
"""

from __future__ import annotations

import gc

_paused = [False]


def pause() -> None:
    if gc.isenabled():
        gc.disable()
        _paused[0] = True


def resume() -> None:
    if _paused[0]:
        _paused[0] = False
        gc.enable()


def paused() -> bool:
    return _paused[0]
