"""A second open of a project file in a process that already has it open must not drop that process's locks.

POSIX record locks (SQLite's on Linux and macOS) belong to a process and a file: closing *any* descriptor of
the file releases every lock the process holds on it (sqlite.org/howtocorrupt.html, "Posix advisory locks
canceled by a separate thread doing close()"). Opening a Database read the file's first bytes with Python's
``open()`` to tell plain from encrypted: a second open while the first connection was live — the app's own
start does it, the warm-up's Database while the first screen's read connection is open — left the process
holding no lock at all. Another process on the same file (a second window, a CLI command, a benchmark)
then closed its last connection believing it was the only user, checkpointed and deleted the WAL under the
app, and what the app committed afterwards went to a deleted file: lost on close, or written back over the
other process's pages (a benchmark's cached database was found with "Rowid out of order" in audit_events).

Each test holds the file the way the app does, lets a real second process write and close, then writes
from this process and checks that every row is there after everyone has closed.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from survey_app.core.storage.database import Database
from survey_app.core.storage.first_screen import open_first_screen

OTHER_PROCESS = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA busy_timeout=10000")
conn.execute("INSERT OR REPLACE INTO local_settings (key, value) VALUES (?, 'x')", (sys.argv[2],))
conn.close()
"""


def _other_process_writes(path: Path, key: str) -> None:
    subprocess.run([sys.executable, "-c", OTHER_PROCESS, str(path), key], check=True, timeout=60)


def _keys(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return {r[0] for r in conn.execute("SELECT key FROM local_settings WHERE key LIKE 'live-%'")}


@pytest.fixture
def project(_demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "project.sqlite3"
    shutil.copyfile(_demo_template, path)
    return path


@pytest.mark.parametrize("first", ["first screen", "database"])
def test_a_second_open_keeps_the_first_ones_locks(project: Path, first: str) -> None:
    held = open_first_screen(project) if first == "first screen" else Database(project)
    assert held is not None
    if first == "first screen":
        assert held.project_name()  # its read transaction has run: the file is open and locked for reading
    else:
        held.set_setting("live-0", "held")
    db = Database(project)  # the app's warm-up, while the first screen's connection is open
    try:
        db.set_setting("live-1", "before")
        _other_process_writes(project, "live-2")
        assert Path(f"{project}-wal").exists(), "the other process deleted the WAL this process is writing"
        for n in range(3, 40):  # enough pages that a lost WAL loses rows, not just a header
            db.set_setting(f"live-{n}", "after" * 50)
        _other_process_writes(project, "live-40")
    finally:
        db.dispose()
        if first == "first screen":
            held.close()
        else:
            held.dispose()
    want = {f"live-{n}" for n in range(1 if first == "first screen" else 0, 41)}
    assert _keys(project) == want
