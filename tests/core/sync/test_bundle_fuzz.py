"""Property-based fuzz: a mutated bundle is refused with ``BundleError`` and leaves nothing behind;
only the untouched file opens, and then with exactly the original entries. Never another exception."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from bundle_helpers import (
    HQ,
    PROJECT,
    SMALL_ENTRIES,
    assemble,
    hostile_bundle,
    leftovers,
    parts,
    sender_key,
    write_small,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from survey_app.core.sync.bundle import BundleError, open_bundle, read_header

with tempfile.TemporaryDirectory() as _folder:
    GOOD = write_small(Path(_folder) / "good.svb").read_bytes()

mutation = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 10**6), st.integers(0, 7)),
    st.tuples(st.just("set"), st.integers(0, 10**6), st.integers(0, 255)),
    st.tuples(st.just("truncate"), st.integers(0, 10**6)),
    st.tuples(st.just("insert"), st.integers(0, 10**6), st.binary(min_size=1, max_size=100)),
    st.tuples(st.just("delete"), st.integers(0, 10**6), st.integers(1, 100)),
    st.tuples(st.just("copy"), st.integers(0, 10**6), st.integers(0, 10**6), st.integers(1, 200)),
)


def _mutate(data: bytes, mutations: list[tuple]) -> bytes:
    out = bytearray(data)
    for m in mutations:
        if not out:
            break
        pos = m[1] % len(out)
        if m[0] == "flip":
            out[pos] ^= 1 << m[2]
        elif m[0] == "set":
            out[pos] = m[2]
        elif m[0] == "truncate":
            del out[pos:]
        elif m[0] == "insert":
            out[pos:pos] = m[2]
        elif m[0] == "delete":
            del out[pos:pos + m[2]]
        else:  # copy a run of the file over another place: well-formed-looking bytes in the wrong spot
            src = m[2] % len(out)
            out[pos:pos + m[3]] = out[src:src + m[3]]
    return bytes(out)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for every example of the module: each writes its file over the last one and opens it with
    the same work folder, which every example checks is left empty (a temp folder made and removed per
    example cost about half of each example's time)."""
    return tmp_path_factory.mktemp("fuzz")


def _check(folder: Path, data: bytes) -> None:
    path, work = folder / "m.svb", folder / "work"
    assert leftovers(work) == []  # as a fresh folder would be
    path.write_bytes(data)
    try:
        opened = open_bundle(path, recipient=HQ, sender_key=sender_key, project=PROJECT, kind="field",
                             work_dir=work)
    except BundleError:
        assert leftovers(work) == []  # no partial output
        try:
            read_header(path)  # the header peek may succeed or refuse, but only with BundleError
        except BundleError:
            pass
        return
    with opened:
        assert data == GOOD, "a mutated bundle opened"
        assert list(opened.entries()) == SMALL_ENTRIES
    assert leftovers(work) == []  # closed: its decrypted entries are gone


# Sized to matter, not to be long: ~300 mutated files per property hit every mutation kind in the preamble,
# header, chunk tags and trailer of the 1,075-byte bundle dozens of times each (≈2 CPU-s each; 1,000 took
# 6–7 CPU-s).
# Hypothesis keeps any failing example in .hypothesis/ and replays it first on the next run.
_FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_FUZZ
@given(st.lists(mutation, min_size=0, max_size=4))
def test_mutated_bundle_is_refused_or_is_the_original(folder: Path, mutations: list[tuple]) -> None:
    _check(folder, _mutate(GOOD, mutations))


@_FUZZ
@given(st.lists(mutation, min_size=1, max_size=3))
def test_mutated_body_signed_anew_is_refused_by_the_chunk_tags(folder: Path, mutations: list[tuple]) -> None:
    # A registered device (or a swap after verification) signs the mutated body: the signature passes,
    # so the refusal has to come from the chunk tags and the payload framing.
    preamble, body, _ = parts(GOOD)
    _check(folder, assemble(preamble, _mutate(body, mutations)))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_decrypted_payload_is_parsed_safely(folder: Path, plaintext: bytes) -> None:
    # Arbitrary plaintext, correctly encrypted and signed: the entry parser must refuse or accept cleanly.
    path, work = folder / "h.svb", folder / "parse-work"
    assert leftovers(work) == []  # as a fresh folder would be
    path.write_bytes(hostile_bundle(plaintext))
    try:
        with open_bundle(path, recipient=HQ, sender_key=sender_key, work_dir=work) as opened:
            assert all(isinstance(name, str) and isinstance(data, bytes) for name, data in opened.entries())
    except BundleError as e:
        assert e.reason == "damaged"
    assert leftovers(work) == []  # refused or closed: nothing left behind


def test_the_fuzz_reaches_the_original(tmp_path: Path) -> None:
    _check(tmp_path, _mutate(GOOD, []))  # the one input that must open, through the same checker
