"""Bundles that should open: round trips, streaming, progress, cancel, and the refusals of honest mistakes
(wrong recipient, unknown device, wrong project or kind)."""

from __future__ import annotations

import os
import tracemalloc
from pathlib import Path

import pytest
from bundle_helpers import DEVICE, HEADER, HQ, PROJECT, SMALL_ENTRIES, STRANGER, leftovers, sender_key, write_small

from survey_app.core.domain.errors import ValidationError
from survey_app.core.sync import keys
from survey_app.core.sync.bundle import BundleError, Cancelled, open_bundle, read_header, write_bundle


def _open(path: Path, work: Path, **kw):
    options = {"recipient": HQ, "sender_key": sender_key, "project": PROJECT, "kind": "field", "work_dir": work}
    return open_bundle(path, **(options | kw))


def test_round_trip_bytes_and_file_entries(tmp_path: Path) -> None:
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(os.urandom(300_000))
    entries = [("records.jsonl", b'{"id": "h1"}\n'), ("media/photo", photo), ("empty", bytearray()),
               ("view", memoryview(b"0123456789")[2:5])]
    info = write_bundle(tmp_path / "b.svb", HEADER, entries, recipient=HQ.public(), sender=DEVICE)
    assert info.size == (tmp_path / "b.svb").stat().st_size
    assert info.entries == (("records.jsonl", 13), ("media/photo", 300_000), ("empty", 0), ("view", 3))
    with _open(tmp_path / "b.svb", tmp_path / "work") as opened:
        assert opened.names == ["records.jsonl", "media/photo", "empty", "view"]
        assert dict(opened.entries()) == {"records.jsonl": b'{"id": "h1"}\n', "media/photo": photo.read_bytes(),
                                          "empty": b"", "view": b"234"}
        assert opened.info.body_sha256 == info.body_sha256
        assert opened.header == info.header
    assert list((tmp_path / "work").iterdir()) == []  # closing deleted the plaintext


def test_header_is_clear_and_complete(tmp_path: Path) -> None:
    write_small(tmp_path / "b.svb")
    header = read_header(tmp_path / "b.svb")
    assert header | HEADER == header  # every field the caller gave, extras included
    assert header["recipient"] == HQ.fingerprint and header["signer"] == DEVICE.fingerprint
    assert header["created_at"].endswith("Z") and header["created_at"][:2] == "20"
    assert b'"note":"\xe7\x89\x87' in (tmp_path / "b.svb").read_bytes()[:400]  # Chinese stays readable UTF-8


def test_body_is_encrypted(tmp_path: Path) -> None:
    data = b"\xe5\xbc\xa0\xe4\xb8\x89 110101199003077777 " * 50  # a name and an ID number
    write_small(tmp_path / "b.svb", entries=[("records.jsonl", data)])
    raw = (tmp_path / "b.svb").read_bytes()
    assert b"110101199003077777" not in raw and b"records.jsonl" not in raw


def test_empty_bundle_and_chunk_aligned_sizes(tmp_path: Path) -> None:
    for i, entries in enumerate([[], [("a", b"")], [("a", b"x" * 64 * 3)], [("a", b"x" * (64 * 3 - 21))]]):
        path = write_small(tmp_path / f"b{i}.svb", entries=entries)
        with _open(path, tmp_path / "work") as opened:
            assert list(opened.entries()) == entries


def test_large_file_entry_streams_through_bounded_memory(tmp_path: Path) -> None:
    big = tmp_path / "video.bin"
    with open(big, "wb") as f:
        for _ in range(5):
            f.write(os.urandom(1_000_000))
    tracemalloc.start()
    try:
        write_bundle(tmp_path / "b.svb", HEADER, [("media/video", big), ("records.jsonl", b"{}\n")],
                     recipient=HQ.public(), sender=DEVICE)
        _, peak_write = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        opened = _open(tmp_path / "b.svb", tmp_path / "work")
        _, peak_open = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # 5 MB went through; memory stayed at a few 1 MiB pieces, not the whole entry.
    assert peak_write < 3_500_000 and peak_open < 3_500_000, (peak_write, peak_open)
    with opened:
        assert opened.path("media/video").read_bytes() == big.read_bytes()


def test_extract_moves_entries_out_of_the_temp_folder(tmp_path: Path) -> None:
    write_small(tmp_path / "b.svb")
    opened = _open(tmp_path / "b.svb", tmp_path / "work")
    paths = opened.extract(tmp_path / "inbox")
    assert set(paths) == {name for name, _ in SMALL_ENTRIES}
    assert {name: p.read_bytes() for name, p in paths.items()} == dict(SMALL_ENTRIES)
    assert all(p.parent == tmp_path / "inbox" for p in paths.values())
    assert opened.read("records.jsonl") == SMALL_ENTRIES[0][1]  # still readable from its new place
    opened.close()
    assert list((tmp_path / "work").iterdir()) == [] and len(list((tmp_path / "inbox").iterdir())) == 3


def test_forgotten_opened_bundle_is_cleaned_up(tmp_path: Path) -> None:
    write_small(tmp_path / "b.svb")
    _open(tmp_path / "b.svb", tmp_path / "work")  # dropped at once
    import gc

    gc.collect()
    assert list((tmp_path / "work").iterdir()) == []


def test_wrong_recipient_key(tmp_path: Path) -> None:
    write_small(tmp_path / "b.svb")
    with pytest.raises(BundleError, match="^不是发给本机的同步包（接收方密钥不符）$") as e:
        _open(tmp_path / "b.svb", tmp_path / "work", recipient=STRANGER)
    assert e.value.reason == "not_for_us" and isinstance(e.value, ValidationError)
    assert leftovers(tmp_path / "work") == []


def test_unknown_sender_device(tmp_path: Path) -> None:
    write_small(tmp_path / "b.svb", header=HEADER | {"device": "D09"})
    with pytest.raises(BundleError, match="^未登记的设备 D09$") as e:
        _open(tmp_path / "b.svb", tmp_path / "work")
    assert e.value.reason == "unknown_device"


def test_key_of_another_device_is_a_bad_signature(tmp_path: Path) -> None:
    write_small(tmp_path / "b.svb")
    with pytest.raises(BundleError, match="^签名无效（文件被改动或伪造）$"):
        _open(tmp_path / "b.svb", tmp_path / "work", sender_key=lambda code: STRANGER.signing.public_key())


def test_wrong_project_and_wrong_kind(tmp_path: Path) -> None:
    write_small(tmp_path / "b.svb")
    with pytest.raises(BundleError, match="不属于本项目") as e:
        _open(tmp_path / "b.svb", tmp_path / "work", project="P-OTHER")
    assert e.value.reason == "wrong_project" and PROJECT in str(e.value)
    with pytest.raises(BundleError, match="类型不符：需要回执，此文件是外业同步包") as e:
        _open(tmp_path / "b.svb", tmp_path / "work", kind="receipt")
    assert e.value.reason == "wrong_kind"
    with _open(tmp_path / "b.svb", tmp_path / "work", project=None, kind=None) as opened:  # no filter: opens
        assert opened.header["kind"] == "field"


def test_every_kind_round_trips(tmp_path: Path) -> None:
    for kind in ("field", "receipt", "assignment", "enroll_request", "enroll_response"):
        path = write_small(tmp_path / f"{kind}.svb", header=HEADER | {"kind": kind})
        with _open(path, tmp_path / "work", kind=kind) as opened:
            assert opened.header["kind"] == kind


def test_progress_is_monotonic_and_complete(tmp_path: Path) -> None:
    big = tmp_path / "big.bin"
    big.write_bytes(os.urandom(3_000_000))
    seen: list[tuple[int, int, str]] = []
    write_bundle(tmp_path / "b.svb", HEADER, [("a", b"x" * 10), ("media/big", big)], recipient=HQ.public(),
                 sender=DEVICE, progress=lambda d, t, label: seen.append((d, t, label)))
    assert [d for d, _, _ in seen] == sorted(d for d, _, _ in seen)
    assert seen[-1][:2] == (3_000_010, 3_000_010) and "media/big" in seen[-1][2] and len(seen) >= 4
    reading: list[tuple[int, int]] = []
    _open(tmp_path / "b.svb", tmp_path / "work", progress=lambda d, t, label: reading.append((d, t))).close()
    assert [d for d, _ in reading] == sorted(d for d, _ in reading) and reading[-1][0] == reading[-1][1]


@pytest.mark.parametrize("after", [0, 1, 2, 5])
def test_cancel_during_write_leaves_no_file(tmp_path: Path, after: int) -> None:
    big = tmp_path / "src" / "big.bin"
    big.parent.mkdir()
    big.write_bytes(os.urandom(4_000_000))
    out = tmp_path / "usb"
    out.mkdir()
    (out / "b.svb").write_bytes(b"yesterday's bundle")  # an older file with the final name survives intact
    polls = iter(range(100))
    with pytest.raises(Cancelled):
        write_bundle(out / "b.svb", HEADER, [("a", b"x"), ("media/big", big)], recipient=HQ.public(),
                     sender=DEVICE, cancel=lambda: next(polls) >= after)
    assert [p.name for p in out.iterdir()] == ["b.svb"]
    assert (out / "b.svb").read_bytes() == b"yesterday's bundle"


def test_cancel_during_open_leaves_nothing(tmp_path: Path) -> None:
    big = tmp_path / "big.bin"
    big.write_bytes(os.urandom(3_000_000))
    write_bundle(tmp_path / "b.svb", HEADER, [("media/big", big)], recipient=HQ.public(), sender=DEVICE)
    for after in (0, 2, 5):  # while hashing, and while decrypting
        polls = iter(range(100))
        with pytest.raises(Cancelled):
            _open(tmp_path / "b.svb", tmp_path / "work", cancel=lambda: next(polls) >= after)  # noqa: B023
        assert leftovers(tmp_path / "work") == []


def test_file_entry_changing_while_written_is_refused(tmp_path: Path) -> None:
    grows = tmp_path / "grows.bin"
    grows.write_bytes(b"x" * 2_000_000)

    def progress(done: int, total: int, label: str) -> None:
        if done == 1 << 20:
            with open(grows, "ab") as f:
                f.write(b"more")

    with pytest.raises(ValidationError, match="被改动"):
        write_bundle(tmp_path / "out" / "b.svb", HEADER, [("media/g", grows)], recipient=HQ.public(),
                     sender=DEVICE, progress=progress)
    assert list((tmp_path / "out").iterdir()) == []


@pytest.mark.parametrize("entries", [[("", b"")], [("../etc/passwd", b"")], [("/abs", b"")], [("a//b", b"")],
                                     [("a/./b", b"")], [("dir/", b"")], [("a\\b", b"")], [("a\nb", b"")],
                                     [("a\x00b", b"")], [("a\ud800", b"")], [("a", b""), ("a", b"1")],
                                     [("x" * 256, b"")], [("照" * 86, b"")]])
def test_bad_entry_names_are_refused_before_writing(tmp_path: Path, entries: list) -> None:
    with pytest.raises(ValidationError, match="条目名"):
        write_small(tmp_path / "b.svb", entries=entries)
    assert not (tmp_path / "b.svb").exists()


def test_unicode_entry_names_round_trip(tmp_path: Path) -> None:
    entries = [("media/" + "0" * 64 + ".备份", b"1"), ("照片 (1).JPG", b"2"), ("照" * 85, b"3")]
    path = write_small(tmp_path / "b.svb", entries=entries)
    with open_bundle(path, recipient=HQ, sender_key=sender_key, work_dir=tmp_path / "work") as opened:
        assert list(opened.entries()) == entries


@pytest.mark.parametrize("header", [
    {"project": "P", "device": "D01"}, HEADER | {"kind": "other"}, HEADER | {"project": ""},
    HEADER | {"seq": "12"}, HEADER | {"counts": {"records": 1.5}}, HEADER | {"extra": float("nan")},
    HEADER | {"extra": {1, 2}}, HEADER | {"recipient": STRANGER.fingerprint},
])
def test_bad_headers_are_refused(tmp_path: Path, header: dict) -> None:
    with pytest.raises(ValidationError):
        write_small(tmp_path / "b.svb", header=header)
    assert not (tmp_path / "b.svb").exists()


def test_low_order_recipient_key_is_refused(tmp_path: Path) -> None:
    import base64

    zero = keys.PublicKeys(HQ.public().signing_b64, base64.b64encode(bytes(32)).decode())
    with pytest.raises(ValidationError, match="公钥无效"):
        write_bundle(tmp_path / "b.svb", HEADER, [], recipient=zero, sender=DEVICE)
    assert not (tmp_path / "b.svb").exists()


def test_missing_file_is_a_bundle_error(tmp_path: Path) -> None:
    with pytest.raises(BundleError, match="无法读取同步包文件") as e:
        read_header(tmp_path / "nope.svb")
    assert e.value.reason == "unreadable"


def test_oversized_header_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="文件头过大"):
        write_small(tmp_path / "b.svb", header=HEADER | {"extra": "x" * 70_000})
    assert not (tmp_path / "b.svb").exists()


def test_opening_never_writes_plaintext_next_to_the_bundle(tmp_path: Path) -> None:
    stick = tmp_path / "usb"
    path = write_small(stick / "b.svb")
    with open_bundle(path, recipient=HQ, sender_key=sender_key) as opened:  # default work_dir
        assert stick not in opened.path("records.jsonl").parents
        assert [p.name for p in stick.iterdir()] == ["b.svb"]
