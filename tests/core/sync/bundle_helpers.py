"""Shared by the bundle tests: fixed keys, a small multi-chunk bundle, and a hostile re-signer.

The re-signer plays a registered device that signs whatever bytes it likes (or a file swapped after its
signature was checked): it lets the tests reach the chunk-level checks behind the signature.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from survey_app.core.sync import keys
from survey_app.core.sync.bundle import write_bundle
from survey_app.core.sync.container import END_MAGIC, TRAILER, build_preamble, read_layout, signed_message
from survey_app.core.sync.stream import ChunkEncryptor, new_body_key

DEVICE = keys.generate()
HQ = keys.generate()
STRANGER = keys.generate()
PROJECT = "P-2026-01"
HEADER = {"kind": "field", "project": PROJECT, "device": "D01", "seq": 12, "prev_seq": 11,
          "counts": {"records": 3, "media": 1}, "note": "片区一"}
SMALL_CHUNK = 64  # many chunks in a small file: every boundary case in a few hundred bytes
SMALL_ENTRIES = [("records.jsonl", b'{"id":1}\n{"id":2}\n{"id":3}\n' * 4),
                 ("events.jsonl", b""),
                 ("media/" + "ab" * 32, bytes(range(256)) + b"x" * 61)]


def sender_key(code: str):
    return DEVICE.signing.public_key() if code == "D01" else None


def write_small(path: Path, entries=SMALL_ENTRIES, header=HEADER, chunk_size: int = SMALL_CHUNK) -> Path:
    write_bundle(path, header, entries, recipient=HQ.public(), sender=DEVICE, chunk_size=chunk_size)
    return path


def parts(data: bytes) -> tuple[bytes, bytes, int]:
    """(preamble, body, chunk size) of a well-formed bundle's bytes."""
    import io

    layout = read_layout(io.BytesIO(data), len(data))
    return layout.preamble, data[layout.body_offset:layout.body_offset + layout.body_len], layout.chunk_size


def assemble(preamble: bytes, body: bytes, signer: keys.KeyPair = DEVICE) -> bytes:
    """A file from a preamble and body, with a valid trailer and signature by ``signer``."""
    signature = signer.signing.sign(signed_message(preamble, hashlib.sha256(body).digest()))
    return preamble + body + TRAILER.pack(len(body), signature, END_MAGIC)


def chunks_of(body: bytes, chunk_size: int) -> list[bytes]:
    step = chunk_size + 16
    return [body[i:i + step] for i in range(0, len(body), step)]


def hostile_bundle(plaintext: bytes, header: dict | None = None, chunk_size: int = SMALL_CHUNK) -> bytes:
    """A correctly encrypted and signed bundle whose decrypted body is ``plaintext``, whatever it is."""
    full = {"seq": None, "prev_seq": None, "counts": {}, "created_at": "2026-11-23T00:00:00Z",
            "recipient": HQ.fingerprint, "signer": DEVICE.fingerprint} | (header or HEADER)
    ephemeral, key = new_body_key(HQ.public().encryption_key)
    preamble = build_preamble(full, ephemeral, chunk_size)
    out = bytearray()
    stream = ChunkEncryptor(key, hashlib.sha256(preamble).digest(), chunk_size, out.extend)
    stream.write(plaintext)
    stream.finish()
    return assemble(preamble, bytes(out))


def leftovers(folder: Path) -> list[Path]:
    """What a failed open left in its work folder (must be nothing)."""
    return sorted(folder.rglob("*")) if folder.exists() else []
