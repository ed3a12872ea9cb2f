"""Writing a sync bundle: header completion, streaming encryption of the entries, signature, atomic rename.

The file format is described in bundle.py (which re-exports ``write_bundle``). Threading: blocks on file
I/O, meant for a worker thread; ``progress`` is called on that thread, ``cancel`` polled per 1 MiB piece.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from survey_app import __version__
from survey_app.core.domain.errors import ValidationError
from survey_app.core.files import atomic_writer
from survey_app.core.sync.bundle_common import PIECE, BundleInfo, Cancel, Entry, Progress, poll
from survey_app.core.sync.container import (
    DEFAULT_CHUNK,
    END_MAGIC,
    MAX_CHUNK,
    MIN_CHUNK,
    TRAILER,
    build_preamble,
    canonical_json,
    header_problem,
    signed_message,
)
from survey_app.core.sync.keys import KeyPair, PublicKeys
from survey_app.core.sync.payload import check_names, end_mark, entry_head
from survey_app.core.sync.stream import ChunkEncryptor, new_body_key


def _complete_header(header: dict, recipient: PublicKeys, sender: KeyPair) -> dict:
    full = {"seq": None, "prev_seq": None, "counts": {}} | dict(header)
    for name, value in (("recipient", recipient.fingerprint), ("signer", sender.fingerprint)):
        if full.get(name, value) != value:
            raise ValidationError(f"同步包文件头字段 {name} 由密钥决定，不能另行指定", field=name)
        full[name] = value
    full.setdefault("created_at", dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
                    .replace("+00:00", "Z"))
    full.setdefault("app_version", __version__)  # which build wrote it (support; signed like the rest)
    problem = header_problem(full)
    if problem:
        raise ValidationError(f"同步包文件头字段不合法：{problem}", field=problem)
    try:
        canonical_json(full)
    except (TypeError, ValueError):
        raise ValidationError("同步包文件头只能包含 JSON 数据（字符串、整数、列表、字典）", field="header") from None
    return full


def _sized(entry: Entry) -> tuple[str, bytes | bytearray | memoryview | Path, int]:
    name, source = entry
    if isinstance(source, os.PathLike) and not isinstance(source, Path):
        source = Path(source)
    if isinstance(source, Path):
        return name, source, source.stat().st_size
    if isinstance(source, (bytes, bytearray, memoryview)):
        return name, source, memoryview(source).nbytes
    raise TypeError(f"entry {name!r}: data must be bytes or a Path")


def write_bundle(path: Path, header: dict, entries: Iterable[Entry], *, recipient: PublicKeys, sender: KeyPair,
                 progress: Progress | None = None, cancel: Cancel | None = None,
                 chunk_size: int = DEFAULT_CHUNK) -> BundleInfo:
    """Write a bundle of ``entries`` for ``recipient``, signed by ``sender``, atomically to ``path``.

    ``header`` needs ``kind``, ``project`` and ``device``; ``seq``, ``prev_seq``, ``counts`` and
    ``created_at`` are filled in when absent, ``recipient`` and ``signer`` always come from the keys.
    File entries are streamed from disk (read once, in 1 MiB pieces); a file that changes size while
    being read is refused. ``progress(done, total, label)`` counts plaintext bytes; ``cancel()`` returning
    True raises ``Cancelled`` and leaves no file behind.
    """
    path = Path(path)
    if not (MIN_CHUNK <= chunk_size <= MAX_CHUNK) or chunk_size & (chunk_size - 1):
        raise ValueError("chunk_size must be a power of two in range")
    full = _complete_header(header, recipient, sender)
    items = [_sized(e) for e in entries]
    check_names([name for name, _, _ in items])
    total = sum(size for _, _, size in items)
    try:
        ephemeral, key = new_body_key(recipient.encryption_key)
    except ValueError:
        raise ValidationError("接收方的加密公钥无效") from None
    preamble = build_preamble(full, ephemeral, chunk_size)
    body_hash = hashlib.sha256()
    body_len = done = 0
    poll(cancel)
    with atomic_writer(path) as f:
        f.write(preamble)

        def sink(sealed: bytes) -> None:
            nonlocal body_len
            f.write(sealed)
            body_hash.update(sealed)
            body_len += len(sealed)

        stream = ChunkEncryptor(key, hashlib.sha256(preamble).digest(), chunk_size, sink)
        for name, source, size in items:
            label = f"加密：{name}"
            stream.write(entry_head(name, size))
            for piece in _pieces(source, size, name):
                poll(cancel)
                stream.write(piece)
                done += len(piece)
                if progress:
                    progress(done, total, label)
            if progress and size == 0:
                progress(done, total, label)
        stream.write(end_mark(len(items)))
        stream.finish()
        poll(cancel)  # last chance: after this the file gets its final name
        signature = sender.signing.sign(signed_message(preamble, body_hash.digest()))
        f.write(TRAILER.pack(body_len, signature, END_MAGIC))
    return BundleInfo(path, full, len(preamble) + body_len + TRAILER.size, body_hash.hexdigest(),
                      tuple((name, size) for name, _, size in items))


def _pieces(source: bytes | bytearray | memoryview | Path, size: int, name: str) -> Iterator[memoryview | bytes]:
    if not isinstance(source, Path):
        view = memoryview(source).cast("B")
        for start in range(0, size, PIECE):
            yield view[start:start + PIECE]
        return
    left = size
    with open(source, "rb") as f:
        while left:
            block = f.read(min(PIECE, left))
            if not block:
                break
            left -= len(block)
            yield block
        if left or f.read(1):
            raise ValidationError(f"文件在打包过程中被改动：{name}", field="entries")
