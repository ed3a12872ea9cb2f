"""bench/common.py's helpers that a smoke run does not reach (tests/bench/test_benches.py runs each benchmark)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from bench.common import evict_from_page_cache  # noqa: E402

needs_fadvise = pytest.mark.skipif(not hasattr(os, "posix_fadvise"), reason="no posix_fadvise here (Windows)")


@needs_fadvise
def test_a_cold_start_evicts_the_file_and_its_wal_and_keeps_their_bytes(tmp_path: Path) -> None:
    db = tmp_path / "项目.sqlite3"
    db.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 64)
    wal = Path(f"{db}-wal")
    wal.write_bytes(b"wal" * 1000)
    assert evict_from_page_cache(db) is True
    assert db.read_bytes()[:16] == b"SQLite format 3\x00" and wal.read_bytes() == b"wal" * 1000


@needs_fadvise
def test_a_database_this_process_holds_open_is_not_touched(db) -> None:
    """Opening and closing the file here would drop the locks of the open connections (storage/live_files.py):
    the benchmark says it cannot measure a cold start rather than do that."""
    assert evict_from_page_cache(db.path) is False
    db.dispose()
    assert evict_from_page_cache(db.path) is True
