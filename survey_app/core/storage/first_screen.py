"""The first screen's read path: the household list's first rows from the stdlib ``sqlite3``, no SQLAlchemy.

Start-up budget (DESIGN §8: first paint ≤ 0.8 s at 10k households and ≤ 3× a bare PySide6 window):
importing SQLAlchemy and declaring the mapped models alone costs 3–4× a bare window. So the first
window of a plain SQLite project is painted from this module — the list's first page of keys and the
rows on screen, the draft and 测算不一致 marks, the language setting and the login's user row — and the
ORM, the services and the other pages are imported after that paint (ui/app.py, ui/main_window.py).

This module is the one place that knows the first screen's SQL. Its queries are those the services run
for the same screen (``households.search_keys`` with no filter in code order, ``households.fetch_rows``,
``household_stage.draft_ids`` and ``disputed_ids``); tests/ui/first_screen/ checks that the rows and
marks it reads equal the real list model's. Read-only: the connection is opened ``mode=ro`` and writes
nothing (the login's audit event is written by ``users.login`` once the ORM is there).

``open_first_screen`` returns None — the caller takes the ordinary path — for what this path does not
serve: a database URL (PostgreSQL), a missing, empty or encrypted (SQLCipher) file, one the last session
did not close cleanly (``<db>-open``: the real open checks it), a schema not at ``migrations.HEAD``, a
project not yet created or a device not yet registered.

Threading: one FirstScreen per thread (the GUI thread's); stdlib sqlite3 connections stay in theirs.
"""

from __future__ import annotations

import sqlite3
import weakref
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from survey_app.core.storage import live_files

HEAD = "0016_project_effective"  # = migrations.HEAD (not imported: that module imports SQLAlchemy; a test checks)
DEVICE_SETTING = "device_code"  # = storage/device_code.SETTING (a test checks)

_KEYS_SQL = ("SELECT households.rowid FROM households WHERE +households.deleted_at IS NULL "
             "ORDER BY households.household_code ASC LIMIT ?")
_ROWS_SQL = (
    "SELECT households.rowid, households.id, households.household_code, households.head_name, households.status,"
    " households.section, households.address, households.phone,"
    " (SELECT count(*) FROM members WHERE members.household_id = households.id AND members.deleted_at IS NULL),"
    " (SELECT coalesce(sum(building_parts.area), 0) FROM building_parts"
    "  WHERE building_parts.household_id = households.id AND building_parts.deleted_at IS NULL),"
    " households.origin FROM households WHERE households.rowid IN ({marks})")
_DISPUTED_SQL = (
    "SELECT t.household_id FROM sync_issues AS i JOIN {table} AS t ON t.id = replace(lower(i.entity_id), '-', '')"
    " WHERE i.kind = 'recheck' AND i.status = 'open' AND i.entity = ?")


@dataclass(frozen=True)
class FirstRow:
    """One line of the household list, as ``households.HouseholdRow`` has it (without ``updated_at``,
    which the list does not show)."""

    key: int
    id: str
    household_code: str
    head_name: str
    status: str
    section: str
    address: str
    phone: str
    member_count: int
    total_area: Decimal
    origin: str = "roster"


@dataclass(frozen=True)
class LoginUser:
    """The login's user row: enough to check a password and name the actor."""

    username: str
    display_name: str
    role: str
    password_hash: str
    active: bool
    locked: bool  # locked_until set (whether past or not: users.login decides)
    must_change_password: bool


class FirstScreen:
    """A read-only connection to a plain SQLite project database at the schema's head."""

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.conn, self.path = conn, path
        self._release = weakref.finalize(self, live_files.hold(path, "plain"))  # (live_files.py)

    def close(self) -> None:
        self.conn.close()
        self._release()

    def setting(self, key: str, default: str = "") -> str:
        row = self.conn.execute("SELECT value FROM local_settings WHERE key = ?", (key,)).fetchone()
        return default if row is None or row[0] is None else row[0]

    def project_name(self) -> str:
        row = self.conn.execute("SELECT name FROM projects WHERE deleted_at IS NULL LIMIT 1").fetchone()
        return (row[0] or "") if row else ""

    def login_user(self, username: str) -> LoginUser | None:
        row = self.conn.execute(
            "SELECT username, display_name, role, password_hash, active, locked_until, must_change_password"
            " FROM users WHERE username = ? AND deleted_at IS NULL", (username,)).fetchone()
        if row is None:
            return None
        return LoginUser(row[0], row[1], row[2], row[3], bool(row[4]), row[5] is not None, bool(row[6]))

    def first_keys(self, limit: int) -> list[int]:
        """The list keys of the first ``limit`` live households in code order (``households.search_keys``
        with no filter)."""
        return [r[0] for r in self.conn.execute(_KEYS_SQL, (limit,))]

    def fetch_rows(self, keys: list[int] | tuple[int, ...]) -> dict[int, FirstRow]:
        """Rows for the given list keys (``households.fetch_rows``); keys no longer there are absent."""
        out: dict[int, FirstRow] = {}
        for start in range(0, len(keys), 500):
            chunk = list(keys[start:start + 500])
            sql = _ROWS_SQL.format(marks=",".join("?" * len(chunk)))
            for r in self.conn.execute(sql, chunk):
                out[r[0]] = FirstRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], int(r[8]),
                                     Decimal(int(r[9])).scaleb(-2), r[10] or "roster")
        return out

    def draft_ids(self, username: str) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT household_id FROM drafts WHERE username = ?", (username,))}

    def disputed_ids(self) -> set[str]:
        """Households with an open 测算不一致 (``sync.issues.disputed_households``)."""
        if self.conn.execute("SELECT 1 FROM sync_issues WHERE kind = 'recheck' AND status = 'open' LIMIT 1"
                             ).fetchone() is None:
            return set()
        out: set[str] = set()
        for table in ("calculations", "agreements"):
            out.update(r[0] for r in self.conn.execute(_DISPUTED_SQL.format(table=table), (table,)))
        return out


def open_first_screen(target: object) -> FirstScreen | None:
    """A FirstScreen on ``target`` (a path), or None when this path cannot serve it (see the module docstring)."""
    if not isinstance(target, Path):
        return None
    path = target.expanduser()
    try:
        if path.stat().st_size == 0 or path.with_name(path.name + "-open").exists():
            return None
        if live_files.file_kind(path) != "plain":  # not read when this process holds the file (live_files.py)
            return None
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=True)
    except (OSError, ValueError, sqlite3.Error):
        return None
    screen = FirstScreen(conn, path)
    try:
        head = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        ready = (head is not None and head[0] == HEAD and screen.setting(DEVICE_SETTING) != ""
                 and conn.execute("SELECT 1 FROM projects LIMIT 1").fetchone() is not None)
    except sqlite3.Error:
        ready = False
    if not ready:
        screen.close()
        return None
    return screen


def reopen_first_screen(path: Path) -> FirstScreen:
    """Another read-only connection (for another thread: the login's check) on a database ``open_first_screen``
    accepted in this run; its checks are not repeated (the run's own open has made ``<db>-open`` since)."""
    path = Path(path).expanduser()
    return FirstScreen(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=True), path)
