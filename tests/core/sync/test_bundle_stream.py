"""The chunked AEAD on its own (no signature, no payload framing in the way): what STREAM must catch."""

from __future__ import annotations

import hashlib
import io
import os

import pytest

from survey_app.core.sync import stream

KEY, AAD, SIZE = os.urandom(32), hashlib.sha256(b"preamble").digest(), 64


def _seal(plaintext: bytes, key: bytes = KEY, aad: bytes = AAD) -> list[bytes]:
    out: list[bytes] = []
    enc = stream.ChunkEncryptor(key, aad, SIZE, out.append)
    for i in range(0, len(plaintext), 7):  # odd-sized writes: buffering must not matter
        enc.write(plaintext[i:i + 7])
    enc.finish()
    return out


def _open(chunks: list[bytes], key: bytes = KEY, aad: bytes = AAD) -> bytes:
    body = b"".join(chunks)
    return b"".join(stream.decrypt_chunks(io.BytesIO(body), len(body), key, aad, SIZE))


@pytest.mark.parametrize("length", [0, 1, 63, 64, 65, 128, 129, 1000])
def test_round_trip_and_chunk_count(length: int) -> None:
    data = os.urandom(length)
    chunks = _seal(data)
    assert _open(chunks) == data
    assert len(chunks) == max(1, -(-length // SIZE))  # a full final chunk is not followed by an empty one
    assert all(len(c) == SIZE + 16 for c in chunks[:-1])


def test_cut_at_a_chunk_boundary_fails() -> None:
    chunks = _seal(os.urandom(300))
    with pytest.raises(stream.StreamError):
        _open(chunks[:-1])  # every remaining chunk is intact; only the last-chunk flag tells


@pytest.mark.parametrize("game", ["swap", "duplicate", "drop first"])
def test_reordered_chunks_fail(game: str) -> None:
    c = _seal(os.urandom(300))
    if game == "swap":
        c[0], c[1] = c[1], c[0]
    elif game == "duplicate":
        c.insert(1, c[1])
    else:
        del c[0]
    with pytest.raises(stream.StreamError):
        _open(c)


def test_other_header_or_key_fails() -> None:
    chunks = _seal(b"secret")
    with pytest.raises(stream.StreamError):
        _open(chunks, aad=hashlib.sha256(b"other preamble").digest())
    with pytest.raises(stream.StreamError):
        _open(chunks, key=os.urandom(32))


def test_nothing_is_yielded_from_a_bad_chunk() -> None:
    c = _seal(os.urandom(200))
    c[2] = c[2][:-1] + bytes([c[2][-1] ^ 1])
    body = b"".join(c)
    got = []
    with pytest.raises(stream.StreamError):
        for piece in stream.decrypt_chunks(io.BytesIO(body), len(body), KEY, AAD, SIZE):
            got.append(piece)
    assert len(got) == 2  # the two good chunks before it, not a byte of the bad one


def test_key_agreement_matches_on_both_ends() -> None:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    recipient = X25519PrivateKey.generate()
    ephemeral, key = stream.new_body_key(recipient.public_key())
    assert stream.body_key(recipient, ephemeral) == key
    assert stream.body_key(X25519PrivateKey.generate(), ephemeral) != key
    assert stream.new_body_key(recipient.public_key())[1] != key  # fresh per bundle
