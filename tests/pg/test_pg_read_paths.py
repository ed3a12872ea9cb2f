"""tests/storage/test_read_paths_same.py on PostgreSQL: the detail pane's selection, the survey form read as plain
rows (its order sorted in Python: ``sort_order`` then the UUID) and the current-policy look-up answer as the paths
they replaced, on every demo household after rows are made to tie in every order."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent.parent / "storage"))  # test_read_paths_same, test_read_paths_old

from test_read_paths_same import assert_reads_same, tangle

pytestmark = pytest.mark.postgres


def test_every_household_reads_the_same_on_postgresql(pg_demo_db) -> None:
    tangle(pg_demo_db)
    assert assert_reads_same(pg_demo_db) >= 15
