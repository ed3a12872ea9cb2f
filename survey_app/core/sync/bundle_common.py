"""What the bundle writer and reader share: entry and callback types, ``Cancelled``, ``BundleInfo``.

Split out of bundle.py (which still exports every public name); the file format is described there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Entry = tuple[str, bytes | bytearray | memoryview | Path]
Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool]
Place = Callable[[str, int], Any]  # (name, size) -> a writer (context manager with write()) or None
PIECE = 1 << 20  # progress/cancel granularity and read size for file entries
MEMORY_LIMIT = 512 * 2**20  # in_memory: decrypted entries kept in memory, in all (a day's records are a few MB)


class Cancelled(Exception):
    """The user cancelled; nothing was left behind (no bundle file, no temp folder)."""


@dataclass(frozen=True)
class BundleInfo:
    """What one bundle file is: its header, size, the signed body hash and its entries (name, bytes)."""

    path: Path
    header: dict
    size: int
    body_sha256: str  # hex; covered by the signature, so it names this exact bundle (e.g. in a receipt)
    entries: tuple[tuple[str, int], ...]


def poll(cancel: Cancel | None) -> None:
    if cancel is not None and cancel():
        raise Cancelled()


def stored_name(index: int) -> str:
    # Entries are stored under numbers, never under their names: a name is a key, not a path.
    return f"{index:06d}.bin"
