"""Where a rendered PDF goes: a path (written atomically) or an open binary stream.

Threading: reportlab keeps per-process state (font subset bookkeeping, rl_config) that is not documented
as thread-safe, so builds are serialised by one lock; rendering takes tens of milliseconds, so a batch
print on a worker thread and an on-screen preview never wait long for each other.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from survey_app.core.files import atomic_writer

_build_lock = threading.Lock()


def write_pdf(out: Path | str | BinaryIO, build: Callable[[BinaryIO], None]) -> None:
    """Run ``build(stream)``; for a path, into a temp file renamed into place only on success."""
    with _build_lock:
        if isinstance(out, (str, os.PathLike)):
            with atomic_writer(Path(out)) as stream:
                build(stream)
        else:
            build(out)
