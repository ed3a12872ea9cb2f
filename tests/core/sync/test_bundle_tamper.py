"""Damaged and forged bundles: every byte position, every truncation, chunk games, appended garbage.

Two adversaries: someone who edits the file (the signature must catch it), and a registered device that
signs whatever it likes, or a file swapped after its signature was checked (the chunk tags must catch it).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from bundle_helpers import (
    HEADER,
    HQ,
    PROJECT,
    SMALL_CHUNK,
    assemble,
    chunks_of,
    hostile_bundle,
    leftovers,
    parts,
    sender_key,
    write_small,
)

from survey_app.core.sync import container
from survey_app.core.sync.bundle import BundleError, open_bundle, read_header


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return write_small(tmp_path_factory.mktemp("good") / "b.svb").read_bytes()


def _refused(tmp_path: Path, data: bytes) -> BundleError:
    path = tmp_path / "t.svb"
    path.write_bytes(data)
    work = tmp_path / "work"
    with pytest.raises(BundleError) as e:
        open_bundle(path, recipient=HQ, sender_key=sender_key, project=PROJECT, kind="field", work_dir=work)
    assert leftovers(work) == []
    return e.value


def _regions(data: bytes) -> list[tuple[str, int, int, set[str]]]:
    """(name, start, end, reasons allowed) for every region of a well-formed bundle."""
    layout = container.read_layout(io.BytesIO(data), len(data))
    h_end = 14 + len(container.canonical_json(layout.header))
    body_end = layout.body_offset + layout.body_len
    return [
        ("magic", 0, 8, {"not_a_bundle"}),
        ("version", 8, 10, {"unsupported_version"}),
        ("header length", 10, 14, {"damaged"}),
        # a flip inside the header either breaks the JSON, renames the device, or survives parsing
        ("header", 14, h_end, {"damaged", "unknown_device", "bad_signature"}),
        ("ephemeral key", h_end, h_end + 32, {"bad_signature"}),
        ("chunk size", h_end + 32, h_end + 36, {"damaged"}),
        ("body", layout.body_offset, body_end, {"bad_signature"}),
        ("body length", body_end, body_end + 8, {"damaged"}),
        ("signature", body_end + 8, body_end + 72, {"bad_signature"}),
        ("end magic", body_end + 72, body_end + 80, {"damaged"}),
    ]


def test_regions_cover_the_whole_file(good: bytes) -> None:
    regions = _regions(good)
    assert regions[0][1] == 0 and regions[-1][2] == len(good)
    assert all(a[2] == b[1] for a, b in zip(regions, regions[1:]))
    assert len(chunks_of(parts(good)[1], SMALL_CHUNK)) >= 8  # first, middle and last chunks all exist


def test_a_flipped_bit_anywhere_is_refused_with_the_right_message(tmp_path: Path, good: bytes) -> None:
    for name, start, end, reasons in _regions(good):
        for pos in range(start, end):
            bad = bytearray(good)
            bad[pos] ^= 1 << (pos % 8)
            error = _refused(tmp_path, bytes(bad))
            assert error.reason in reasons, (name, pos, error.reason)


@pytest.mark.parametrize("where", ["first", "middle", "last"])
def test_flip_in_each_chunk_names_the_signature(tmp_path: Path, good: bytes, where: str) -> None:
    preamble, body, size = parts(good)
    chunks = chunks_of(body, size)
    index = {"first": 0, "middle": len(chunks) // 2, "last": len(chunks) - 1}[where]
    pos = len(preamble) + sum(map(len, chunks[:index])) + len(chunks[index]) // 2
    bad = bytearray(good)
    bad[pos] ^= 0x80
    error = _refused(tmp_path, bytes(bad))
    assert str(error) == "签名无效（文件被改动或伪造）"


def test_every_truncation_is_refused(tmp_path: Path, good: bytes) -> None:
    preamble, body, size = parts(good)
    boundaries = {len(preamble) + i * (size + 16) for i in range(len(chunks_of(body, size)) + 1)}
    for cut in range(len(good)):
        error = _refused(tmp_path, good[:cut])
        assert error.reason == ("not_a_bundle" if cut < 8 else "damaged"), cut
        assert str(error) in {"不是同步包文件", "同步包已损坏或被截断"}
    assert boundaries < set(range(len(good)))  # chunk boundaries were among the cuts


def test_appended_garbage_is_refused(tmp_path: Path, good: bytes) -> None:
    for extra in (b"\0", b"x" * 80, good):
        assert _refused(tmp_path, good + extra).reason == "damaged"


def test_not_a_bundle(tmp_path: Path) -> None:
    for data in (b"", b"PK\x03\x04 a zip", "同步包".encode() * 100, container.MAGIC[:5]):
        error = _refused(tmp_path, data)
        assert str(error) == "不是同步包文件"


def test_text_mode_copy_is_caught_by_the_magic(tmp_path: Path, good: bytes) -> None:
    assert _refused(tmp_path, good.replace(b"\r\n", b"\n")).reason == "not_a_bundle"


def test_future_version_is_named(tmp_path: Path, good: bytes) -> None:
    error = _refused(tmp_path, good[:8] + (2).to_bytes(2, "big") + good[10:])
    assert str(error).startswith("格式版本不支持") and "第 2 版" in str(error)
    with pytest.raises(BundleError, match="格式版本不支持"):
        read_header(tmp_path / "t.svb")


def test_read_header_refuses_visible_damage(tmp_path: Path, good: bytes) -> None:
    (tmp_path / "t.svb").write_bytes(good[:-1])
    with pytest.raises(BundleError, match="同步包已损坏或被截断"):
        read_header(tmp_path / "t.svb")


@pytest.mark.parametrize("game", ["swap", "duplicate", "drop middle", "drop last", "cut at boundary",
                                  "reverse", "repeat last"])
def test_chunk_games_by_the_file_editor_fail_the_signature(tmp_path: Path, good: bytes, game: str) -> None:
    preamble, body, size = parts(good)
    new_body = b"".join(_play(game, chunks_of(body, size)))
    trailer = good[len(preamble) + len(body):]
    fixed_length = container.TRAILER.pack(len(new_body), trailer[8:72], container.END_MAGIC)
    assert _refused(tmp_path, preamble + new_body + fixed_length).reason == "bad_signature"


@pytest.mark.parametrize("game", ["swap", "duplicate", "drop middle", "drop last", "cut at boundary",
                                  "reverse", "repeat last"])
def test_chunk_games_by_a_signing_adversary_fail_the_chunk_tags(tmp_path: Path, good: bytes, game: str) -> None:
    preamble, body, size = parts(good)
    error = _refused(tmp_path, assemble(preamble, b"".join(_play(game, chunks_of(body, size)))))
    assert error.reason == "damaged"


def _play(game: str, chunks: list[bytes]) -> list[bytes]:
    c = list(chunks)
    if game == "swap":
        c[1], c[2] = c[2], c[1]
    elif game == "duplicate":
        c.insert(2, c[2])
    elif game == "drop middle":
        del c[len(c) // 2]
    elif game in {"drop last", "cut at boundary"}:  # the file now ends exactly at a chunk boundary
        del c[-1]
    elif game == "reverse":
        c.reverse()
    elif game == "repeat last":
        c.append(c[-1])
    return c


def test_body_grafted_onto_another_header_fails(tmp_path: Path, good: bytes) -> None:
    other = write_small(tmp_path / "other.svb", header=HEADER | {"seq": 13}).read_bytes()
    preamble_other, _, _ = parts(other)
    _, body, _ = parts(good)
    # re-signed by the device itself: only the header hash in every chunk's associated data stops this
    assert _refused(tmp_path, assemble(preamble_other, body)).reason == "damaged"


def test_hostile_payloads_are_damaged_not_crashes(tmp_path: Path) -> None:
    head = container.struct.pack(">H", 1) + b"a" + container.struct.pack(">Q", 3)
    for plaintext in [
        b"",                                                  # no end mark at all
        b"\0\0" + (1).to_bytes(4, "big"),                     # end mark counting a missing entry
        b"\0\0" + bytes(4) + b"trailing",                     # bytes after the end mark
        head + b"abc",                                        # entry without end mark
        head + b"ab",                                         # entry shorter than announced
        head + b"abc" + head + b"abc" + b"\0\0" + (2).to_bytes(4, "big"),  # a name twice
        b"\0\x02.." + bytes(8) + b"\0\0" + (1).to_bytes(4, "big"),          # a name that climbs out
        b"\0\x01\xff" + bytes(8) + b"\0\0" + (1).to_bytes(4, "big"),        # not ASCII
        b"\xff\xff" + b"x" * 100,                             # name longer than the body
        head[:2] + b"a" + (2**63).to_bytes(8, "big") + b"abc",              # absurd size
    ]:
        assert _refused(tmp_path, hostile_bundle(plaintext)).reason == "damaged", plaintext


def test_hostile_but_well_formed_payload_opens(tmp_path: Path) -> None:
    head = container.struct.pack(">H", 1) + b"a" + container.struct.pack(">Q", 3)
    path = tmp_path / "h.svb"
    path.write_bytes(hostile_bundle(head + b"abc" + b"\0\0" + (1).to_bytes(4, "big")))
    with open_bundle(path, recipient=HQ, sender_key=sender_key) as opened:
        assert list(opened.entries()) == [("a", b"abc")]


def test_non_canonical_header_is_refused(tmp_path: Path, good: bytes) -> None:
    layout = container.read_layout(io.BytesIO(good), len(good))
    spaced = container.canonical_json(layout.header).replace(b",", b", ", 1)
    data = good[:10] + len(spaced).to_bytes(4, "big") + spaced + good[14 + len(spaced) - 1:]
    assert _refused(tmp_path, data).reason == "damaged"


@pytest.mark.parametrize("change", [{"seq": 2**31}, {"seq": -1}, {"prev_seq": 10**12},
                                    {"counts": {"records": 2**62}}, {"device": "D" * 5000}])
def test_header_values_are_bounded_before_anything_is_allocated(tmp_path: Path, change: dict) -> None:
    # A validly signed bundle whose clear header carries an absurd number (a sequence of 2**31 once made
    # HQ list two billion "missing" bundles and run out of memory): refused as damaged, nothing unpacked.
    data = hostile_bundle(b"", HEADER | change)
    assert _refused(tmp_path, data).reason == "damaged"
