"""Sync bundle files: write one, peek at its header, open (verify, then decrypt) one.

A bundle is one file carried on a USB stick between a field laptop and HQ (DESIGN.md §6). A lost stick
reveals nothing but the clear header; a damaged or forged file is refused before anything comes out.

File layout (format version 1, integers big-endian; details and reasons in docs/sync-format.md)::

    offset      size  field
    0           8     MAGIC  89 53 56 42 0D 0A 1A 0A  ("\\x89SVB\\r\\n\\x1a\\n")
    8           2     format version = 1
    10          4     H = header length (<= 64 KiB)
    14          H     header: canonical JSON (sorted keys, no spaces, UTF-8), in clear
    14+H        32    ephemeral X25519 public key
    46+H        4     C = chunk size (power of two, 64 B .. 16 MiB; 64 KiB by default)
    50+H        B     body: ChaCha20-Poly1305 chunks of C plaintext bytes + 16-byte tag (last one <= C)
    50+H+B      8     B = body length
    58+H+B      64    Ed25519 signature by the sender
    122+H+B     8     END_MAGIC  89 53 56 42 45 4E 44 0A ("\\x89SVBEND\\n")

* preamble = bytes [0, 50+H): everything in clear before the body.
* body key = HKDF-SHA256(X25519(ephemeral, recipient), salt = ephemeral pub ‖ recipient pub).
* chunk i: nonce = i as 11 bytes ‖ (1 if last else 0); associated data = sha256(preamble).
* signature = Ed25519(sender, "survey_app bundle signature v1\\0" ‖ preamble ‖ sha256(body)).
* plaintext of the body = entries (name, size, data) then an end mark (``payload.py``).

Header fields: ``kind`` (field | receipt | assignment | enroll_request | enroll_response), ``project``,
``device`` (sender code), ``recipient`` (fingerprint of the recipient's keys), ``signer`` (fingerprint
of the sender's keys), ``seq``, ``prev_seq``, ``created_at`` (UTC ISO), ``counts`` and whatever extra
fields the caller adds. The header is NOT secret: never put names, ID numbers or money in it.

Reading verifies everything before anything is returned: magic, version, header, layout, a registered
sender, the signature over header + body hash (one streaming pass), project, kind and recipient; then
it decrypts the whole body, checking every chunk tag and that the body still hashes to what was signed,
and only then returns an ``OpenedBundle``. So a caller can apply the contents in one transaction knowing
the whole file was good.

Where decrypted entries go: by default into a private temp folder (deleted on ``close()``). A process
killed meanwhile (kill -9, power cut) cannot delete it, and it holds names and ID numbers in clear; so a
caller handling personal data passes ``in_memory=True`` (entries kept in memory, at most ``memory_limit``
bytes in all, refused before anything is allocated beyond it) and, for big entries such as photos,
``place``: a callback that hands out its own writer for an entry (e.g. straight into the
content-addressed media store, checking the hash before the file gets its final name).

Threading: functions here block on file I/O and are meant for a worker thread; ``progress`` is called
on that thread, and ``cancel`` is polled between pieces of at most 1 MiB.

Files: this module reads (and re-exports every public name); writing is bundle_write.py, the types both
share are bundle_common.py.
"""

from __future__ import annotations

import errno
import hashlib
import io
import os
import shutil
import stat
import tempfile
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from survey_app.core.sync.bundle_common import (
    MEMORY_LIMIT,
    PIECE,
    BundleInfo,
    Cancel,
    Cancelled,
    Entry,
    Place,
    Progress,
    poll,
    stored_name,
)
from survey_app.core.sync.bundle_write import write_bundle
from survey_app.core.sync.container import (
    BAD_SIGNATURE,
    DAMAGED,
    KINDS,
    NOT_FOR_US,
    TRAILER,
    WRONG_PROJECT,
    BundleError,
    Layout,
    printable,
    read_layout,
)
from survey_app.core.sync.keys import KeyPair
from survey_app.core.sync.payload import PayloadError, unpack

# decrypt_chunks is looked up here at call time (a fault test replaces bundle.decrypt_chunks).
from survey_app.core.sync.stream import StreamError, body_key, decrypt_chunks

__all__ = ["MEMORY_LIMIT", "BundleError", "BundleInfo", "Cancelled", "Entry", "OpenedBundle", "open_bundle",
           "read_header", "write_bundle"]


def read_header(path: Path) -> dict:
    """The clear header of a bundle (no keys needed, nothing verified): for showing what a file is.

    Raises ``BundleError`` if the file is not a bundle, of an unsupported version, or visibly damaged
    (bad header, wrong length, missing end mark).
    """
    with _open(Path(path)) as f:
        return _layout(f).header


def _open(path: Path) -> BinaryIO:
    """Open a regular file for reading. A FIFO, socket or device is refused, never waited on: opening a
    FIFO blocks until someone writes to it, and a device may never end. O_NONBLOCK (where the platform
    has it) makes even a FIFO swapped in after the check open at once, so fstat can refuse it."""
    not_a_file = BundleError("不是普通文件，不能作为同步包读取", "unreadable")
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise not_a_file
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0))
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise not_a_file
        return os.fdopen(fd, "rb")
    except OSError as e:
        raise BundleError(f"无法读取同步包文件：{e.strerror or e}", "unreadable") from None


def _layout(f: BinaryIO) -> Layout:
    try:
        return read_layout(f, os.fstat(f.fileno()).st_size)
    except OSError as e:
        raise BundleError(f"无法读取同步包文件：{e.strerror or e}", "unreadable") from None


def open_bundle(path: Path, *, recipient: KeyPair, sender_key: Callable[[str], Ed25519PublicKey | None],
                project: str | None = None, kind: str | None = None, work_dir: Path | None = None,
                progress: Progress | None = None, cancel: Cancel | None = None, in_memory: bool = False,
                place: Place | None = None, memory_limit: int = MEMORY_LIMIT) -> OpenedBundle:
    """Verify a bundle completely, decrypt it into a private temp folder (or memory), and return it.

    Checks, in order: magic, version, header, layout, ``sender_key(header["device"])`` is known, the
    signature over header + body hash, ``project`` and ``kind`` (when given), and that the bundle was
    made for ``recipient``. Then every chunk is decrypted and authenticated into a temp folder under
    ``work_dir`` (default: the system temp folder — never the USB stick). Any failure raises
    ``BundleError`` (``Cancelled`` on cancel) and leaves nothing behind. Close the result (or use it in
    a ``with``) to delete the decrypted files.

    With ``in_memory`` no temp folder is made: entries are kept in memory (``BundleError`` "too_large"
    past ``memory_limit`` bytes in all). ``place(name, size)`` may return a writer for an entry; that
    entry is written there (closed with the exception, if any, so it can drop a partial file) and is
    not readable from the result. It may raise ``ValidationError`` to refuse the bundle.
    """
    if kind is not None and kind not in KINDS:
        raise ValueError(f"unknown bundle kind {kind!r}")
    path = Path(path)
    with _open(path) as f:
        layout = _layout(f)
        header = layout.header
        total = 2 * layout.body_len  # two passes: hash for the signature, then decrypt
        signing_key = sender_key(header["device"])
        if signing_key is None:
            raise BundleError(f"未登记的设备 {printable(header['device'])}", "unknown_device")
        try:
            body_sha256 = _hash_body(f, layout, progress, cancel)
        except OSError as e:
            raise BundleError(f"无法读取同步包文件：{e.strerror or e}", "unreadable") from None
        try:
            signing_key.verify(layout.signature, layout.signed_message(body_sha256))
        except InvalidSignature:
            raise BundleError(BAD_SIGNATURE, "bad_signature") from None
        # From here on the header is authentic: the messages below may quote it.
        if project is not None and header["project"] != project:
            raise BundleError(f"{WRONG_PROJECT}（同步包属于项目 {printable(header['project'])}）", "wrong_project")
        if kind is not None and header["kind"] != kind:
            raise BundleError(f"同步包类型不符：需要{KINDS[kind]}，此文件是{KINDS[header['kind']]}", "wrong_kind")
        if header["recipient"] != recipient.fingerprint:
            raise BundleError(NOT_FOR_US, "not_for_us")
        folder, entries, kept = _decrypt(f, layout, recipient, body_sha256, work_dir, progress, cancel, total,
                                         _Keep(in_memory, place, memory_limit))
    info = BundleInfo(path, header, layout.body_offset + layout.body_len + TRAILER.size, body_sha256.hex(),
                      tuple(entries))
    return OpenedBundle(info, folder, kept)


def _hash_body(f: BinaryIO, layout: Layout, progress: Progress | None, cancel: Cancel | None) -> bytes:
    f.seek(layout.body_offset)
    hasher = hashlib.sha256()
    left = layout.body_len
    while left:
        poll(cancel)
        block = f.read(min(PIECE, left))
        if not block:  # the file shrank since we measured it
            raise BundleError(DAMAGED, "damaged")
        hasher.update(block)
        left -= len(block)
        if progress:
            progress(layout.body_len - left, 2 * layout.body_len, "校验签名")
    return hasher.digest()


@dataclass
class _Keep:
    """Where decrypted entries go (see open_bundle) and how much memory they use so far."""

    in_memory: bool
    place: Place | None
    memory_limit: int
    used: int = 0


class _MemoryEntry:
    """A writer that keeps one entry's bytes in ``kept[name]`` once complete."""

    def __init__(self, kept: dict, name: str):
        self._kept, self._name, self._buf = kept, name, io.BytesIO()

    def write(self, data: bytes | memoryview) -> None:
        self._buf.write(data)

    def __enter__(self) -> _MemoryEntry:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if exc_type is None:
            self._kept[self._name] = self._buf.getvalue()
        self._buf = io.BytesIO()


def _decrypt(f: BinaryIO, layout: Layout, recipient: KeyPair, body_sha256: bytes, work_dir: Path | None,
             progress: Progress | None, cancel: Cancel | None, total: int, keep: _Keep
             ) -> tuple[Path | None, list[tuple[str, int]], dict]:
    try:
        key = body_key(recipient.encryption, layout.ephemeral)
    except ValueError:  # a degenerate ephemeral key: only a broken or hostile (but registered) sender makes one
        raise BundleError(DAMAGED, "damaged") from None
    folder: Path | None = None
    if not keep.in_memory:
        parent = Path(work_dir) if work_dir is not None else Path(tempfile.gettempdir())
        parent.mkdir(parents=True, exist_ok=True)
        if shutil.disk_usage(parent).free < layout.body_len:
            need = layout.body_len // 2**20 + 1
            raise BundleError(f"磁盘空间不足，无法解开同步包（约需 {need} MB）", "no_space")
        folder = Path(tempfile.mkdtemp(prefix="survey_app_bundle_", dir=parent))
    hasher = hashlib.sha256()
    done = layout.body_len
    position = {"name": ""}
    kept: dict[str, bytes | Path | None] = {}

    def open_entry(index: int, name: str, size: int) -> Any:
        position["name"] = name
        writer = keep.place(name, size) if keep.place is not None else None
        if writer is not None:
            kept[name] = None  # the caller's own
            return writer
        if folder is not None:
            kept[name] = folder / stored_name(index)
            return open(kept[name], "xb")
        keep.used += size  # checked before a byte of it is held
        if keep.used > keep.memory_limit:
            raise BundleError(f"同步包中的数据过大（超过 {keep.memory_limit // 2**20} MB），未导入任何数据", "too_large")
        return _MemoryEntry(kept, name)

    def check() -> None:
        poll(cancel)
        if progress:
            progress(done + min(f.tell() - layout.body_offset, layout.body_len), total, f"解密：{position['name']}")

    try:
        f.seek(layout.body_offset)
        chunks = decrypt_chunks(f, layout.body_len, key, layout.header_hash, layout.chunk_size, hasher)
        entries = unpack(chunks, open_entry, check)
        # The file was hashed in a first pass; make sure the bytes we decrypted are the ones that were signed.
        if hasher.digest() != body_sha256:
            raise BundleError(DAMAGED, "damaged")
        if progress:
            progress(total, total, "解密完成")
        return folder, entries, kept
    except (StreamError, PayloadError):
        _remove(folder)
        raise BundleError(DAMAGED, "damaged") from None
    except OSError as e:
        _remove(folder)
        if e.errno == errno.ENOSPC:
            raise BundleError("磁盘空间不足，无法解开同步包", "no_space") from None
        raise BundleError(f"无法解开同步包：{e.strerror or e}", "io_error") from None
    except BaseException:
        _remove(folder)
        raise


def _remove(folder: Path | None) -> None:
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)


class OpenedBundle:
    """A verified, fully decrypted bundle. Entries live in a private temp folder (or in memory) until
    ``close()``; entries a ``place`` callback took are the caller's and not readable here.

    Not thread-safe: use from the thread that opened it (or hand it over whole).
    """

    def __init__(self, info: BundleInfo, folder: Path | None, kept: dict[str, bytes | Path | None] | None = None):
        self.info = info
        self.header = info.header
        self._folder = folder
        if kept is None:
            kept = {name: folder / stored_name(i) for i, (name, _) in enumerate(info.entries)}
        self._kept = kept
        self._cleanup = weakref.finalize(self, shutil.rmtree, folder, True) if folder is not None else None

    @property
    def names(self) -> list[str]:
        """Entry names in the order they were written."""
        return [name for name, _ in self.info.entries]

    def path(self, name: str) -> Path:
        """Where the decrypted entry ``name`` is on disk (KeyError if there is no such file entry)."""
        where = self._kept[name]
        if not isinstance(where, Path):
            raise KeyError(f"{name} is not a file here (kept in memory or placed by the caller)")
        return where

    def read(self, name: str) -> bytes:
        """The decrypted bytes of entry ``name`` (KeyError if absent or placed by the caller)."""
        where = self._kept[name]
        if where is None:
            raise KeyError(f"{name} was placed by the caller")
        return where.read_bytes() if isinstance(where, Path) else where

    def entries(self) -> Iterator[tuple[str, bytes]]:
        """(name, data) for every entry kept here, in order; each is read whole, so meant for small entries."""
        for name in self.names:
            if self._kept.get(name) is not None:
                yield name, self.read(name)

    def extract(self, to_dir: Path) -> dict[str, Path]:
        """Move (or, from memory, write) the decrypted entries into ``to_dir`` (numbered file names);
        return name → path. Entries a ``place`` callback took are not included."""
        to_dir = Path(to_dir)
        to_dir.mkdir(parents=True, exist_ok=True)
        for index, name in enumerate(self.names):
            where = self._kept.get(name)
            if where is None:
                continue
            dest = to_dir / stored_name(index)
            if isinstance(where, Path):
                shutil.move(where, dest)
            else:
                dest.write_bytes(where)
            self._kept[name] = dest
        return {name: where for name, where in self._kept.items() if isinstance(where, Path)}

    def close(self) -> None:
        """Delete the decrypted files still in the temp folder; drop the entries held in memory."""
        if self._cleanup is not None:
            self._cleanup()
        self._kept = {name: None if isinstance(where, bytes) else where for name, where in self._kept.items()}

    def __enter__(self) -> OpenedBundle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
