"""The database files this process holds open through SQLite, and their kind (plain or encrypted).

POSIX record locks — SQLite's on Linux and macOS — belong to a process and a file: closing *any* descriptor
of the file releases every lock the process holds on it, whoever took them (sqlite.org/howtocorrupt.html,
"Posix advisory locks canceled by a separate thread doing close()"). SQLite guards against that between its
own connections, not against a Python ``open()``/``close()`` of the same file. So a file listed here is never
opened by Python to read its header (``cipher.file_kind`` answers from here): otherwise a second process
on the file (another window, a CLI command) could close its last connection believing it was alone,
checkpoint and delete the WAL, and this process's later commits would go to a deleted file
(tests/storage/test_live_files.py: 37 committed rows lost that way before).

``hold(path, kind)`` once a connection to ``path`` has been made (Database, the first screen's read), the
``release`` it returns when that is closed; ``file_kind(path)`` reads the header of a file not held only.
Files are known by (device, inode): a file replaced by ``os.replace`` (a restore) is another file.
Thread-safe.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"  # a plain file; SQLCipher's first page is noise
_LOCK = threading.Lock()
_LIVE: dict[tuple[int, int], list] = {}  # (st_dev, st_ino) → [kind, holders]


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def kind_of(path: Path) -> str | None:
    """``"plain"`` or ``"encrypted"`` for a file this process holds open, else None."""
    key = _identity(path)
    with _LOCK:
        entry = _LIVE.get(key) if key is not None else None
        return entry[0] if entry else None


def hold(path: Path, kind: str) -> Callable[[], None]:
    """Note that this process has ``path`` open through SQLite; returns the (idempotent) release."""
    key = _identity(path)
    if key is None:
        return lambda: None
    with _LOCK:
        entry = _LIVE.setdefault(key, [kind, 0])
        entry[1] += 1
    released = [False]

    def release() -> None:
        with _LOCK:
            if released[0]:
                return
            released[0] = True
            entry[1] -= 1
            if entry[1] <= 0 and _LIVE.get(key) is entry:
                del _LIVE[key]

    return release


def file_kind(path: Path) -> str:
    """``"missing"`` (no file or 0 bytes), ``"plain"`` (SQLite header) or ``"encrypted"`` (anything else
    that could be SQLCipher pages: a whole number of 512-byte units) or ``"other"`` (a text file etc.).
    A file this process holds open is answered from memory, never opened (the module docstring)."""
    known = kind_of(path)
    if known is not None:
        return known
    try:
        size = path.stat().st_size
        if size == 0 or path.is_dir():
            return "missing"
        with open(path, "rb") as f:
            head = f.read(len(SQLITE_HEADER))
    except OSError:
        return "missing"
    if head == SQLITE_HEADER:
        return "plain"
    return "encrypted" if size % 512 == 0 else "other"
