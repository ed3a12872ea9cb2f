"""Byte layout of a bundle file: magic, version, clear header, trailer; and the errors a bad file raises.

This module knows where things are in the file, not what the crypto does with them (``stream.py``)
nor what the body holds (``payload.py``). The full layout is in ``bundle.py``'s docstring and in
docs/sync-format.md; in short::

    preamble = MAGIC(8) | version u16 | header_len u32 | header JSON | ephemeral X25519 key(32) | chunk_size u32
    body     = encrypted chunks (chunk_size + 16 bytes each, the last one shorter or equal)
    trailer  = body_len u64 | Ed25519 signature(64) | END_MAGIC(8)

All integers are big-endian. Everything the reader checks before it trusts the signature is here, and
each check maps to one user-facing Chinese message.
"""

from __future__ import annotations

import hashlib
import json
import struct
from dataclasses import dataclass
from typing import BinaryIO

from survey_app.core.domain.errors import ValidationError

# PNG-style magic: a high-bit byte, a name, CR LF, ^Z, LF. A file mangled by a text-mode copy (newline
# conversion, 7-bit stripping) fails here, at byte 0, instead of deep inside the crypto.
MAGIC = b"\x89SVB\r\n\x1a\n"
END_MAGIC = b"\x89SVBEND\n"
VERSION = 1
MAX_HEADER = 64 * 1024
MIN_CHUNK, MAX_CHUNK = 2**6, 2**24  # powers of two; tiny chunks only make sense in tests
DEFAULT_CHUNK = 2**16  # 64 KiB, as age: small enough to keep memory flat, large enough to be crypto-cheap
TAG = 16
EPHEMERAL = 32
SIGNATURE = 64
_FIXED = struct.Struct(">8sHI")  # magic, version, header length
_TAIL = struct.Struct(">I")  # chunk size, after the ephemeral key
TRAILER = struct.Struct(">Q64s8s")  # body length, signature, end magic
SIGNATURE_CONTEXT = b"survey_app bundle signature v1\x00"

KINDS = {"field": "外业同步包", "receipt": "回执", "assignment": "任务包",
         "enroll_request": "设备登记申请", "enroll_response": "设备登记答复"}

NOT_A_BUNDLE = "不是同步包文件"
DAMAGED = "同步包已损坏或被截断"
BAD_SIGNATURE = "签名无效（文件被改动或伪造）"
WRONG_PROJECT = "不属于本项目"
NOT_FOR_US = "不是发给本机的同步包（接收方密钥不符）"
UNSUPPORTED = "格式版本不支持"


class BundleError(ValidationError):
    """A bundle file was refused. ``reason`` is a stable code for callers; the message is for people.

    Reasons: not_a_bundle, unsupported_version, damaged, unknown_device, bad_signature, wrong_project,
    wrong_kind, not_for_us, unreadable, no_space.
    """

    def __init__(self, message: str, reason: str):
        super().__init__(message)
        self.reason = reason


def canonical_json(obj: object) -> bytes:
    """Sorted keys, no spaces, UTF-8, no NaN: the same dict always gives the same bytes."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode("utf-8")


def _no_duplicates(pairs: list[tuple[str, object]]) -> dict:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise ValueError("duplicate key")
    return out


def parse_canonical(data: bytes) -> dict:
    """Parse a header; anything that is not exactly ``canonical_json`` of a dict is refused.

    Requiring the canonical form means one header has one byte string, so two readers can never disagree
    about what was signed (no duplicate keys, no alternative spellings).
    """
    obj = json.loads(data.decode("utf-8"), object_pairs_hook=_no_duplicates)
    if not isinstance(obj, dict) or canonical_json(obj) != data:
        raise ValueError("not canonical")
    return obj


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# Bounds on clear header values, checked before anything is allocated from them (a sequence number of
# 2**31 once made HQ build a list of two billion "missing" bundles). A device exporting ten bundles a
# day for a century stays under MAX_SEQ; no field day has a billion records.
MAX_SEQ = 1_000_000
MAX_COUNT = 1_000_000_000
MAX_TEXT = 128


def header_problem(header: dict) -> str | None:
    """What is wrong with a complete header (as written to the file), or None."""
    if header.get("kind") not in KINDS:
        return "kind"
    for name in ("project", "device", "created_at", "recipient", "signer"):
        if not isinstance(header.get(name), str) or not header[name] or len(header[name]) > MAX_TEXT:
            return name
    for name in ("seq", "prev_seq"):
        value = header.get(name)
        if value is not None and not (_is_int(value) and 0 <= value <= MAX_SEQ):
            return name
    counts = header.get("counts")
    if not isinstance(counts, dict) or len(counts) > 32 or not all(
            isinstance(k, str) and _is_int(v) and 0 <= v <= MAX_COUNT for k, v in counts.items()):
        return "counts"
    return None


def printable(text: object, limit: int = 40) -> str:
    """An unverified header value made safe to show in a message (no control characters, bounded)."""
    s = "".join(ch if ch.isprintable() else "?" for ch in str(text))
    return s if len(s) <= limit else s[:limit] + "…"


@dataclass(frozen=True)
class Layout:
    """Where things are in one bundle file, as read from its preamble and trailer (not yet trusted)."""

    preamble: bytes
    header: dict
    ephemeral: bytes
    chunk_size: int
    body_offset: int
    body_len: int
    signature: bytes

    @property
    def header_hash(self) -> bytes:
        """sha256 of the preamble: the associated data of every chunk, binding the body to this header."""
        return hashlib.sha256(self.preamble).digest()

    def signed_message(self, body_sha256: bytes) -> bytes:
        return signed_message(self.preamble, body_sha256)


def signed_message(preamble: bytes, body_sha256: bytes) -> bytes:
    """What the sender's Ed25519 key signs: a context string, the preamble (header included), the body hash."""
    return SIGNATURE_CONTEXT + preamble + body_sha256


def build_preamble(header: dict, ephemeral: bytes, chunk_size: int) -> bytes:
    """The clear start of a file, for a complete and valid header."""
    data = canonical_json(header)
    if len(data) > MAX_HEADER:
        raise ValidationError("同步包的文件头过大")
    return _FIXED.pack(MAGIC, VERSION, len(data)) + data + ephemeral + _TAIL.pack(chunk_size)


def _read_exact(f: BinaryIO, n: int) -> bytes:
    data = f.read(n)
    if len(data) != n:
        raise BundleError(DAMAGED, "damaged")
    return data


def read_preamble(f: BinaryIO) -> tuple[bytes, dict]:
    """Read magic, version and header from the start of ``f``; return (bytes read, header)."""
    fixed = f.read(_FIXED.size)
    if len(fixed) < len(MAGIC) or fixed[: len(MAGIC)] != MAGIC:
        raise BundleError(NOT_A_BUNDLE, "not_a_bundle")
    if len(fixed) < _FIXED.size:
        raise BundleError(DAMAGED, "damaged")
    _, version, header_len = _FIXED.unpack(fixed)
    if version != VERSION:
        raise BundleError(f"{UNSUPPORTED}（文件为第 {version} 版，本程序支持第 {VERSION} 版）", "unsupported_version")
    if header_len > MAX_HEADER:
        raise BundleError(DAMAGED, "damaged")
    data = _read_exact(f, header_len)
    try:
        header = parse_canonical(data)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BundleError(DAMAGED, "damaged") from None
    if header_problem(header):
        raise BundleError(DAMAGED, "damaged")
    return fixed + data, header


def read_layout(f: BinaryIO, size: int) -> Layout:
    """Read and sanity-check the preamble and trailer of a file of ``size`` bytes (nothing is trusted yet)."""
    head, header = read_preamble(f)
    ephemeral = _read_exact(f, EPHEMERAL)
    tail = _read_exact(f, _TAIL.size)
    (chunk_size,) = _TAIL.unpack(tail)
    if not (MIN_CHUNK <= chunk_size <= MAX_CHUNK) or chunk_size & (chunk_size - 1):
        raise BundleError(DAMAGED, "damaged")
    preamble = head + ephemeral + tail
    body_offset = len(preamble)
    if size < body_offset + TRAILER.size:
        raise BundleError(DAMAGED, "damaged")
    f.seek(size - TRAILER.size)
    body_len, signature, end = TRAILER.unpack(_read_exact(f, TRAILER.size))
    # The recorded body length must account for every byte: catches truncation and appended garbage
    # with a plain message before any hashing.
    if end != END_MAGIC or body_len != size - body_offset - TRAILER.size:
        raise BundleError(DAMAGED, "damaged")
    last = body_len % (chunk_size + TAG) or chunk_size + TAG
    if body_len == 0 or last <= TAG:  # the body is never empty and no chunk is tag-only
        raise BundleError(DAMAGED, "damaged")
    return Layout(preamble, header, ephemeral, chunk_size, body_offset, body_len, signature)
