"""Writing files users keep: temp file in the same folder, fsync, atomic rename (DESIGN.md §2 rule 7).

A half-written file never carries the final name, even if the laptop loses power mid-write.

Files the app keeps beside an encrypted project (photos, signatures, any PDF it leaves there) are sealed
with AES-256-GCM under the project's ``file_key`` (``Database.file_key``, from the key vault):
``SAF1`` · version byte · 12-byte random nonce · ciphertext with its 16-byte tag; the header is the
associated data. Content addressing stays by the plaintext's sha256. ``read_private`` opens sealed and
plain files alike (a project converted to encrypted keeps its older plain photos readable); a file is
decrypted in memory only, never to a temp file. Sealed and plain files are 0600 (platform.py).
"""

from __future__ import annotations

import os
import secrets
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from survey_app.core.platform import fsync_dir, replace
from survey_app.core.storage import errors

SEAL_MAGIC = b"SAF1"
SEAL_VERSION = 1
_NONCE = 12
_HEADER = len(SEAL_MAGIC) + 1 + _NONCE
_TAG = 16


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
        replace(tmp, path)  # os.replace, retried while a Windows scanner holds the new file
        fsync_dir(path.parent)
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


def is_sealed(data: bytes) -> bool:
    """True when ``data`` (a file's contents, or at least its first bytes) starts with the seal header."""
    return data[:len(SEAL_MAGIC)] == SEAL_MAGIC


def seal(data: bytes, key: bytes) -> bytes:
    """``data`` encrypted and authenticated under ``key`` (32 bytes), with the versioned header."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    header = SEAL_MAGIC + bytes([SEAL_VERSION]) + secrets.token_bytes(_NONCE)
    return header + AESGCM(key).encrypt(header[-_NONCE:], data, header)


def unseal(blob: bytes, key: bytes | None) -> bytes:
    """The plaintext of a sealed file; a plain one as it is. A sealed file without the key, with another
    key or altered gives a Chinese ``StorageError`` (never the bytes)."""
    if not is_sealed(blob):
        return blob
    if key is None:
        raise errors.SealedFileNeedsKey()
    if len(blob) < _HEADER + _TAG or blob[len(SEAL_MAGIC)] != SEAL_VERSION:
        raise errors.SealedFileUnreadable()
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    header = blob[:_HEADER]
    try:
        return AESGCM(key).decrypt(header[-_NONCE:], blob[_HEADER:], header)
    except InvalidTag:
        raise errors.SealedFileUnreadable() from None


def write_private(path: Path, data: bytes, key: bytes | None = None) -> None:
    """Write ``data`` atomically, sealed under ``key`` when one is given, owner-only (0600)."""
    with atomic_writer(path) as f:  # mkstemp makes the temp file 0600; the rename keeps that
        f.write(seal(data, key) if key is not None else data)


def read_private(path: Path, key: bytes | None = None) -> bytes:
    """A file written by ``write_private`` (or any plain file), decrypted in memory when sealed."""
    return unseal(Path(path).read_bytes(), key)
