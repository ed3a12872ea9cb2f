"""What the encrypted body holds once decrypted: a sequence of named entries, then an end mark.

    entry = name_len u16 (1..255) | name (UTF-8) | size u64 | size bytes of data
    end   = 0 u16 | entry count u32

Names are chosen by the caller (``records.jsonl``, ``events.jsonl``, ``media/<sha256>.jpg``): printable
Unicode, ``/`` only between non-empty parts, no ``.``/``..`` part, no backslash, at most 255 UTF-8 bytes,
unique. They are keys, not file paths — the reader stores entries under numbered file names, so a name
can never escape a folder or collide with a Windows device name, and a photo's odd original suffix
(``.备份``) cannot make an export fail. The end mark with its count means a body cut exactly between two
entries is still refused, on top of the stream's own last-chunk flag.

Thread-safety: pure functions over one stream at a time.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterator
from typing import BinaryIO

from survey_app.core.domain.errors import ValidationError

MAX_NAME = 255
_HEAD = struct.Struct(">H")
_SIZE = struct.Struct(">Q")
_COUNT = struct.Struct(">I")


class PayloadError(Exception):
    """The decrypted body is not a well-formed entry sequence (only a buggy or hostile writer makes one)."""


def name_ok(name: object) -> bool:
    """Printable, at most MAX_NAME UTF-8 bytes, no backslash, ``/`` only between real parts."""
    if not isinstance(name, str) or not name.isprintable() or "\\" in name:
        return False
    try:
        if len(name.encode("utf-8")) > MAX_NAME:
            return False
    except UnicodeEncodeError:  # lone surrogates
        return False
    return all(part not in {"", ".", ".."} for part in name.split("/"))


def check_names(names: list[str]) -> None:
    """Refuse bad or repeated entry names before anything is written."""
    seen: set[str] = set()
    for name in names:
        if not name_ok(name):
            raise ValidationError(f"同步包条目名不合法：{name!r}", field="entries")
        if name in seen:
            raise ValidationError(f"同步包条目名重复：{name}", field="entries")
        seen.add(name)


def entry_head(name: str, size: int) -> bytes:
    data = name.encode("utf-8")
    return _HEAD.pack(len(data)) + data + _SIZE.pack(size)


def end_mark(count: int) -> bytes:
    return _HEAD.pack(0) + _COUNT.pack(count)


class _Reader:
    """Exact reads over an iterator of plaintext chunks, without joining them into one buffer."""

    def __init__(self, chunks: Iterator[bytes]):
        self._chunks = chunks
        self._buf = memoryview(b"")

    def _fill(self) -> bool:
        while not self._buf:
            try:
                self._buf = memoryview(next(self._chunks))
            except StopIteration:
                return False
        return True

    def read_some(self, limit: int) -> memoryview:
        if not self._fill():
            raise PayloadError("body ended inside an entry")
        piece, self._buf = self._buf[:limit], self._buf[limit:]
        return piece

    def read_exact(self, n: int) -> bytes:
        out = bytearray()
        while len(out) < n:
            out += self.read_some(n - len(out))
        return bytes(out)

    def at_end(self) -> bool:
        return not self._fill()


def unpack(chunks: Iterator[bytes], open_entry: Callable[[int, str, int], BinaryIO],
           check: Callable[[], None] | None = None) -> list[tuple[str, int]]:
    """Write every entry to the file ``open_entry(index, name, size)`` returns; [(name, size)] in order.

    ``check`` is called between pieces (cancel, progress). Files handed out are closed here.
    """
    reader = _Reader(chunks)
    found: list[tuple[str, int]] = []
    names: set[str] = set()
    while True:
        (name_len,) = _HEAD.unpack(reader.read_exact(_HEAD.size))
        if name_len == 0:
            (count,) = _COUNT.unpack(reader.read_exact(_COUNT.size))
            if count != len(found) or not reader.at_end():
                raise PayloadError("bad end mark")
            return found
        try:
            name = reader.read_exact(name_len).decode("utf-8")
        except UnicodeDecodeError:
            raise PayloadError("bad entry name") from None
        if not name_ok(name) or name in names:
            raise PayloadError("bad entry name")
        names.add(name)
        (size,) = _SIZE.unpack(reader.read_exact(_SIZE.size))
        with open_entry(len(found), name, size) as out:
            left = size
            while left:
                piece = reader.read_some(min(left, 1 << 20))
                out.write(piece)
                left -= len(piece)
                if check:
                    check()
        found.append((name, size))
