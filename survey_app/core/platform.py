"""The one place for operating-system specific calls (POSIX modes, directory fsync).

Everything else in the app stays portable: pathlib, ``os.replace``. On Windows the per-user data folder
(%LOCALAPPDATA%) is already private to the account, so the POSIX modes below are best effort there.
"""

from __future__ import annotations

import os
from pathlib import Path

IS_WINDOWS = os.name == "nt"
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) and make it readable by the owner only (0700 on POSIX)."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    if not IS_WINDOWS:
        try:
            os.chmod(path, PRIVATE_DIR_MODE)
        except PermissionError:  # a folder someone else owns (e.g. a shared mount): leave it as it is
            pass
    return path


def private_file(path: Path) -> Path:
    """Make an existing file readable and writable by the owner only (0600 on POSIX)."""
    path = Path(path)
    if not IS_WINDOWS and path.exists():
        try:
            os.chmod(path, PRIVATE_FILE_MODE)
        except PermissionError:
            pass
    return path


def fsync_dir(folder: Path) -> None:
    """Flush a folder entry after a rename so the new name survives a power cut (no-op on Windows)."""
    if IS_WINDOWS:  # Windows cannot open a directory for fsync; NTFS journals the rename
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
