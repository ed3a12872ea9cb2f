"""The one place for operating-system specific calls: POSIX modes, directory fsync, worker processes, file locks,
replacing a file on NTFS, removable drives and a console that cannot encode Chinese.

Everything else in the app stays portable: pathlib, ``os.replace`` (through :func:`replace`). On Windows the
per-user data folder (%LOCALAPPDATA%) is already private to the account, so the POSIX modes below are best effort
there. Calls that exist on one system only (``fcntl``, ``msvcrt``, ``ctypes.windll``) are imported inside the branch
that runs on that system. Thread-safety: every function here is stateless.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from survey_app.core.domain.errors import SurveyAppError

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


# --- worker processes -------------------------------------------------------------------------------------

# Windows has no fork: a worker there is always a fresh interpreter that imports the code again. Every system
# starts workers the same way, so what runs here in the tests is what runs on a field laptop: the callable
# and its arguments must pickle, and a worker assumes no module-level state the parent set up.
START_METHOD = "spawn"


def process_context():  # noqa: ANN201 - a multiprocessing context
    """The multiprocessing context every worker process of the app is started from (``spawn``)."""
    import multiprocessing

    return multiprocessing.get_context(START_METHOD)


def worker_pool(max_workers: int = 1):  # noqa: ANN201 - a ProcessPoolExecutor
    """A process pool whose workers are started with ``spawn`` (a frozen app needs ``freeze_support`` in its
    entry point, which main.py and packaging/frozen_main.py call)."""
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=max_workers, mp_context=process_context())


# --- replacing a file -------------------------------------------------------------------------------------

REPLACE_ATTEMPTS = 6  # waits of 0.05, 0.1, … 0.8 s: at most ~1.6 s in all


def replace(src: str | Path, dst: str | Path, *, windows: bool = IS_WINDOWS,
            pause: Callable[[float], None] = time.sleep) -> None:
    """``os.replace(src, dst)``. On Windows a virus scanner or the search indexer often holds a file it has
    just seen for a moment, and the rename fails with PermissionError: try again a few times before giving up.
    (A file another program keeps open — a PDF in a reader — still fails in the end: the caller says so.)"""
    for attempt in range(REPLACE_ATTEMPTS):
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            if not windows or attempt == REPLACE_ATTEMPTS - 1:
                raise
            pause(0.05 * 2 ** attempt)


# --- file locks -------------------------------------------------------------------------------------------

class FileBusy(SurveyAppError):
    """Another program (or another window of this one) holds the lock for too long."""

    def __init__(self, name: str) -> None:
        super().__init__(f"文件 {name} 正被另一个程序窗口使用，请稍后再试。")


@contextlib.contextmanager
def file_lock(path: str | Path, *, timeout: float = 10.0,
              pause: Callable[[float], None] = time.sleep) -> Iterator[None]:
    """Hold an exclusive lock on the lock file ``path`` (made if missing) for the ``with`` block; wait up to
    ``timeout`` seconds for another holder, then raise :class:`FileBusy`.

    ``msvcrt.locking`` on Windows, ``fcntl.flock`` elsewhere: both are released by the system when the holder
    dies, so a crash never leaves a stale lock. The lock file is never deleted (deleting a file another process
    has open fails on Windows; an empty file left in the data folder costs nothing)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), PRIVATE_FILE_MODE)
    try:
        deadline = time.monotonic() + timeout
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                raise FileBusy(path.name)
            pause(0.05)
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)


def _try_lock(fd: int) -> bool:
    if IS_WINDOWS:
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)  # locking() locks bytes from the current position: always byte 0
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if IS_WINDOWS:
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


# --- removable drives -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Drive:
    """A USB stick or memory card: where it is mounted and its volume label ("" when it has none)."""
    path: Path
    label: str

    @property
    def title(self) -> str:
        """What a person recognises: ``KINGSTON (E:)`` on Windows, ``KINGSTON`` elsewhere."""
        text = str(self.path)
        if len(text) >= 2 and text[1] == ":" and text[0].isalpha():  # a drive letter
            return f"{self.label} ({text[:2]})" if self.label else text[:2]
        return self.label or self.path.name or text


MOUNTS_FILE = Path("/proc/self/mounts")
# Mounted system pseudo file systems are never a stick, wherever they sit (/mnt/wsl is a tmpfs on WSL).
_NOT_DRIVES = frozenset(("tmpfs", "proc", "sysfs", "devtmpfs", "devpts", "cgroup", "cgroup2", "overlay", "autofs",
                         "securityfs", "debugfs", "tracefs", "binfmt_misc", "mqueue", "hugetlbfs", "fusectl",
                         "configfs", "pstore", "bpf", "nsfs", "squashfs"))


def removable_drives(*, mounts_file: Path | None = None, user: str | None = None) -> list[Drive]:
    """The removable drives a sync bundle can go to, sorted by path.

    Windows: the drive letters whose ``GetDriveTypeW`` is DRIVE_REMOVABLE and that hold a medium. Elsewhere:
    file systems mounted where desktops mount sticks — ``/media/<user>/X``, ``/run/media/<user>/X``,
    ``/media/X`` and ``/mnt/X`` — read from ``mounts_file`` (``/proc/self/mounts``; a test passes its own).
    An unreadable mounts file is no drives, never an error."""
    if IS_WINDOWS and mounts_file is None:
        return _windows_drives()
    if user is None:
        import getpass

        try:
            user = getpass.getuser()
        except (KeyError, OSError):  # no name for this uid (containers): only the shared mount roots count
            user = ""
    try:
        raw = (mounts_file or MOUNTS_FILE).read_bytes()
    except OSError:
        return []
    found: dict[Path, Drive] = {}
    for line in raw.splitlines():
        fields = line.split()
        if len(fields) < 3 or fields[2].decode("ascii", "replace") in _NOT_DRIVES:
            continue
        mount = Path(_unescape_mount(fields[1]).decode("utf-8", "surrogateescape"))
        if _is_stick_mount(mount, user):
            found[mount] = Drive(mount, mount.name)
    return [found[p] for p in sorted(found)]


def _unescape_mount(field: bytes) -> bytes:
    """/proc/mounts writes space, tab, newline and backslash (some tools: every non-ASCII byte) as ``\\040``."""
    import re

    return re.sub(rb"\\([0-7]{3})", lambda m: bytes([int(m.group(1), 8) & 0xFF]), field)


def _is_stick_mount(mount: Path, user: str) -> bool:
    parts = mount.parts  # ("/", "media", "alice", "KINGSTON")
    if len(parts) < 3:
        return False
    if parts[1] == "mnt":
        return True
    if parts[1] == "media":
        return len(parts) == 3 or (len(parts) == 4 and parts[2] == user)
    if parts[1:3] == ("run", "media"):
        return len(parts) == 5 and parts[3] == user
    return False


DRIVE_REMOVABLE = 2
_SEM_FAILCRITICALERRORS = 0x0001


def _windows_drives() -> list[Drive]:  # pragma: no cover - runs on Windows only
    import ctypes
    import string

    kernel32 = ctypes.windll.kernel32
    old_mode = kernel32.SetErrorMode(_SEM_FAILCRITICALERRORS)  # an empty card reader: no "insert a disk" box
    try:
        mask = kernel32.GetLogicalDrives()
        drives = []
        for n, letter in enumerate(string.ascii_uppercase):
            root = f"{letter}:\\"
            if not mask & (1 << n) or kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)) != DRIVE_REMOVABLE:
                continue
            label = ctypes.create_unicode_buffer(261)
            if not kernel32.GetVolumeInformationW(ctypes.c_wchar_p(root), label, 261, None, None, None, None, 0):
                continue  # no medium in the slot
            drives.append(Drive(Path(root), label.value))
        return drives
    finally:
        kernel32.SetErrorMode(old_mode)


# --- the console ------------------------------------------------------------------------------------------

def safe_console() -> None:
    """Make printing to the console never raise UnicodeEncodeError.

    A Windows console or a redirected output is often GBK (cp936) or cp1252, a Linux one under ``LC_ALL=C``
    may be ASCII: a character the encoding lacks (any Chinese in cp1252, a rare name character in GBK) comes
    out as a ``\\uXXXX`` escape instead of stopping the command. What the encoding has is written as it is.
    Streams that are None (a windowed app has no console) or not text files are left alone."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name, None)
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        try:
            reconfigure(errors="backslashreplace")
        except (ValueError, OSError, TypeError):  # closed or detached
            continue
