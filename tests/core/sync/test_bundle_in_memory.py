"""Opening a bundle without a temp folder: entries in memory (bounded) or handed to the caller's writer."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import pytest
from bundle_helpers import HQ, PROJECT, SMALL_ENTRIES, hostile_bundle, leftovers, sender_key, write_small

from survey_app.core.domain.errors import ValidationError
from survey_app.core.sync.bundle import BundleError, open_bundle
from survey_app.core.sync.payload import end_mark, entry_head


@pytest.fixture
def temp_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The system temp folder, for this test: it must stay empty."""
    folder = tmp_path / "systemp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _open(path: Path, **kw):
    return open_bundle(path, recipient=HQ, sender_key=sender_key, project=PROJECT, kind="field", **kw)


def test_in_memory_opens_without_a_temp_folder(tmp_path: Path, temp_dir: Path) -> None:
    path = write_small(tmp_path / "b.svb")
    with _open(path, in_memory=True) as opened:
        assert list(opened.entries()) == SMALL_ENTRIES
        assert leftovers(temp_dir) == []
        with pytest.raises(KeyError):
            opened.path("records.jsonl")  # nothing on disk to point at
        paths = opened.extract(tmp_path / "inbox")  # only when a caller asks for files
        assert paths["records.jsonl"].read_bytes() == SMALL_ENTRIES[0][1]
    assert leftovers(temp_dir) == []


def test_the_default_still_uses_a_temp_folder(tmp_path: Path, temp_dir: Path) -> None:
    path = write_small(tmp_path / "b.svb")
    with _open(path) as opened:
        assert temp_dir in opened.path("records.jsonl").parents
    assert leftovers(temp_dir) == []


class _Writer:
    def __init__(self, store: dict, name: str):
        self.store, self.name, self.buf, self.outcome = store, name, io.BytesIO(), None

    def __enter__(self) -> _Writer:
        return self

    def write(self, data: bytes) -> None:
        self.buf.write(data)

    def __exit__(self, exc_type, *exc) -> None:
        self.store[self.name] = ("failed" if exc_type else "done", self.buf.getvalue())


def test_place_hands_entries_to_the_callers_writer(tmp_path: Path, temp_dir: Path) -> None:
    path = write_small(tmp_path / "b.svb")
    placed: dict = {}

    def place(name: str, size: int):
        return _Writer(placed, name) if name.startswith("media/") else None

    with _open(path, in_memory=True, place=place) as opened:
        media_name, media_data = SMALL_ENTRIES[2]
        assert placed == {media_name: ("done", media_data)}
        assert dict(opened.entries()) == dict(SMALL_ENTRIES[:2])  # the placed one is the caller's
        with pytest.raises(KeyError):
            opened.read(media_name)
    assert leftovers(temp_dir) == []


def test_a_writer_refusing_its_entry_refuses_the_bundle(tmp_path: Path, temp_dir: Path) -> None:
    path = write_small(tmp_path / "b.svb")

    def place(name: str, size: int):
        if name.startswith("media/"):
            raise ValidationError("照片不对")
        return None

    with pytest.raises(ValidationError, match="照片不对"):
        _open(path, in_memory=True, place=place)
    assert leftovers(temp_dir) == []


def test_memory_is_bounded_before_anything_is_allocated(tmp_path: Path, temp_dir: Path) -> None:
    path = write_small(tmp_path / "b.svb")
    with pytest.raises(BundleError, match="过大") as e:
        _open(path, in_memory=True, memory_limit=100)  # records.jsonl alone is 108 bytes
    assert e.value.reason == "too_large"
    # A signed bundle declaring an entry of 2^62 bytes: refused at its header, no MemoryError.
    huge = tmp_path / "huge.svb"
    huge.write_bytes(hostile_bundle(entry_head("records.jsonl", 2**62) + b"x" * 100 + end_mark(1)))
    with pytest.raises(BundleError) as e:
        _open(huge, in_memory=True)
    assert e.value.reason == "too_large"
    assert leftovers(temp_dir) == []
