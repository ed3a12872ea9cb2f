"""PySide6's per-import source check, answered from the file's bytes instead of ``inspect.getsource``.

Once PySide6.QtCore is imported, every module imported after it is checked once for the text "PySide6"
(PySide's ``__feature__`` support, PYSIDE-2029: ``shibokensupport.feature._mod_uses_pyside``). PySide
does it with ``inspect.getsource``, which tokenizes and line-splits the file and keeps every line in
``linecache``: measured on a start at 10k households (bench/startup.py's command, load ~2), 21–30 ms of
the GUI thread's CPU before the main window's first paint (6 ms with ``install()``), and 95–110 ms in all
until the database is attached (21–30 ms): the ~400 modules of SQLAlchemy, the models and the services.

``install()`` replaces that check with the same question asked of the source file's bytes: a module with
a ``.py`` file is "uses PySide" exactly when the file contains ``PySide6``; anything else (a built-in, an
extension, a module without a readable file) gets PySide's own answer. The answers are the same (a test compares
them on every module a start loads); only the cost differs. Where
PySide has no such check (another version, PyPy), ``install()`` does nothing. GUI thread, once, right after
PySide6 is imported (ui/app.py).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

FEATURE_MODULE = "PySide6.support.feature"
CHECK = "_mod_uses_pyside"


def uses_pyside(module: Any, fallback: Callable[[Any], bool]) -> bool:
    """PySide's answer for ``module``: does its source mention ``PySide6``? (``fallback``: PySide's own check.)"""
    file = getattr(module, "__file__", None)
    if not isinstance(file, str) or not file.endswith(".py"):
        return fallback(module)
    try:
        with open(file, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:  # not a plain file (e.g. inside a zip): PySide's own check, through the module's loader
        return fallback(module)


def install() -> bool:
    """Answer PySide's check from the file's bytes from now on; True if installed (or already)."""
    feature = sys.modules.get(FEATURE_MODULE)
    original = getattr(feature, CHECK, None)
    if not callable(original):
        return False
    if getattr(original, "fast_check", False):
        return True

    def check(module: Any) -> bool:
        return uses_pyside(module, original)

    check.fast_check = True  # type: ignore[attr-defined]
    check.original = original  # type: ignore[attr-defined]
    setattr(feature, CHECK, check)
    return True
