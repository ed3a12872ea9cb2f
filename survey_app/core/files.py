"""Writing files users keep: temp file in the same folder, fsync, atomic rename (DESIGN.md §2 rule 7).

A half-written file never carries the final name, even if the laptop loses power mid-write.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


@contextmanager
def atomic_writer(path: Path) -> Iterator[BinaryIO]:
    """Open a temporary file next to ``path``; on a clean exit it is fsynced and renamed to ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_bytes(path: Path, data: bytes) -> None:
    with atomic_writer(path) as f:
        f.write(data)


def copy_atomic(src: Path, dest: Path, chunk: int = 1 << 20, on_chunk: Callable[[int], None] | None = None) -> None:
    with open(src, "rb") as inp, atomic_writer(dest) as out:
        while block := inp.read(chunk):
            out.write(block)
            if on_chunk:
                on_chunk(len(block))


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # Windows cannot open a directory for fsync; NTFS journals the rename
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
