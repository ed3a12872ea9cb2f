"""Fuzz (issue 10 item 7): 1,200 mutations of one real field bundle — byte flips, truncations, inserted and
deleted runs, appended bytes, chunks swapped, dropped or repeated, a header edited — half of them signed
anew with the device's real key, as the insider at that laptop could. Every one is refused with a
BundleError (a Chinese message, never another exception), and HQ is left byte for byte as it was.

Deterministic (a fixed seed): a failure names the mutation and reproduces. Small bundle (64-byte chunks:
many chunk boundaries in ~2 kB), decrypted in memory: the whole run takes a few seconds.
"""

from __future__ import annotations

import hashlib
import io
import random
from pathlib import Path

import pytest
from attack_helpers import hq_state, own_household_edit, send
from sync_setup import World, build

from survey_app.core.domain.errors import ValidationError
from survey_app.core.sync.bundle import BundleError, open_bundle
from survey_app.core.sync.container import END_MAGIC, TAG, TRAILER, build_preamble, read_layout, signed_message
from survey_app.core.sync.export import project_code
from survey_app.core.sync.importer import device_signing_keys, import_field_bundle

MUTATIONS = 1200
FULL_IMPORT_EVERY = 20  # also run the whole HQ import (rights, transaction) on every 20th
CHUNK = 64
SEED = 20261208


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> World:
    return build(tmp_path_factory.mktemp("mutations"), households=20)  # the attack tests' world: one build


def _parts(data: bytes) -> tuple[bytes, bytes, int]:
    layout = read_layout(io.BytesIO(data), len(data))
    return layout.preamble, data[layout.body_offset:layout.body_offset + layout.body_len], layout.chunk_size


def _signed(preamble: bytes, body: bytes, pair) -> bytes:
    signature = pair.signing.sign(signed_message(preamble, hashlib.sha256(body).digest()))
    return preamble + body + TRAILER.pack(len(body), signature, END_MAGIC)


def _raw(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    out = bytearray(data)
    kind = rng.choice(("flip", "set", "truncate", "insert", "delete", "append", "swap"))
    pos = rng.randrange(len(out))
    if kind == "flip":
        for _ in range(rng.randint(1, 3)):
            out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    elif kind == "set":
        out[pos] = (out[pos] + rng.randint(1, 255)) % 256
    elif kind == "truncate":
        del out[pos:]
    elif kind == "insert":
        out[pos:pos] = rng.randbytes(rng.randint(1, 80))
    elif kind == "delete":
        del out[pos:pos + rng.randint(1, 80)]
    elif kind == "append":
        out += rng.randbytes(rng.randint(1, 80))
    else:  # a run of the file copied over another place: plausible bytes in the wrong spot
        src, n = rng.randrange(len(out)), rng.randint(1, 200)
        out[pos:pos + n] = out[src:src + n]
    return f"{kind}@{pos}", bytes(out)


def _resigned(rng: random.Random, data: bytes, pair) -> tuple[str, bytes]:
    preamble, body, chunk = _parts(data)
    step = chunk + TAG
    chunks = [body[i:i + step] for i in range(0, len(body), step)]
    kind = rng.choice(("chunk_swap", "chunk_drop", "chunk_repeat", "body_flip", "body_cut", "header"))
    if kind == "chunk_swap":
        i, j = rng.sample(range(len(chunks) - 1), 2)  # full-size chunks: the layout stays plausible
        chunks[i], chunks[j] = chunks[j], chunks[i]
    elif kind == "chunk_drop":
        del chunks[rng.randrange(len(chunks))]
    elif kind == "chunk_repeat":
        i = rng.randrange(len(chunks) - 1)
        chunks.insert(rng.randrange(len(chunks)), chunks[i])
    elif kind == "body_flip":
        joined = bytearray(b"".join(chunks))
        joined[rng.randrange(len(joined))] ^= 1 << rng.randrange(8)
        chunks = [bytes(joined)]
    elif kind == "body_cut":
        chunks = [b"".join(chunks)[:rng.randrange(TAG + 1, len(body))]]
    else:  # the header edited (a later seq, another note) and signed: the chunks are bound to the old one
        layout = read_layout(io.BytesIO(data), len(data))
        header = dict(layout.header)
        header["seq"] += rng.randint(1, 5)
        preamble = build_preamble(header, layout.ephemeral, chunk)
    new_body = b"".join(chunks)
    return f"{kind} (re-signed)", _signed(preamble, new_body if new_body else body[:TAG + 1], pair)


def _mutations(good: bytes, pair) -> list[tuple[str, bytes]]:
    rng = random.Random(SEED)
    seen, out = {good}, []
    while len(out) < MUTATIONS:
        name, data = _resigned(rng, good, pair) if rng.random() < 0.5 else _raw(rng, good)
        if data not in seen:  # every one differs from the original and from each other
            seen.add(data)
            out.append((name, data))
    return out


def test_every_mutated_bundle_is_refused_and_hq_is_unchanged(world: World, tmp_path: Path) -> None:
    d1 = world.devices[0]
    good_path = send(world, d1, [own_household_edit(d1, "模糊测试")], chunk_size=CHUNK)
    good = good_path.read_bytes()
    assert len(_parts(good)[1]) > 8 * (CHUNK + TAG)  # enough chunks to swap, drop and repeat
    keys_of, project = device_signing_keys(world.hq), project_code(world.hq)
    before = hq_state(world.hq)
    path = tmp_path / "mutated.sabundle"
    reasons: dict[str, int] = {}
    for n, (name, data) in enumerate(_mutations(good, d1.pair)):
        path.write_bytes(data)
        try:
            with open_bundle(path, recipient=world.hq_pair, sender_key=keys_of, project=project, kind="field",
                             in_memory=True):
                pass
        except BundleError as e:
            reasons[e.reason] = reasons.get(e.reason, 0) + 1
            assert str(e) and "Traceback" not in str(e)
        else:
            pytest.fail(f"mutation {n} ({name}) opened")
        if n % FULL_IMPORT_EVERY == 0:
            with pytest.raises(ValidationError):
                import_field_bundle(world.hq, world.admin, world.hq_pair, path)
    assert hq_state(world.hq) == before
    assert {"damaged", "bad_signature"} <= set(reasons), reasons  # the checks behind the signature were reached
    # the control: the untouched bundle opens and imports, through the same calls
    report = import_field_bundle(world.hq, world.admin, world.hq_pair, good_path)
    assert report.updated == 1 and hq_state(world.hq) != before
