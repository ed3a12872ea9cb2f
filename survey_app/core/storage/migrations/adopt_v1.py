"""Adopting rows whose audit fingerprint a migration changed: frozen helper of migrations 0012 and 0013.

A migration is history: this module must not change when the app does (it imports no app code, and a
later change of the chain's format gets an ``adopt_v2`` beside it, never an edit here). It writes the
chain's events in the format of 2026-12 (survey_app/core/storage/audit_chain.py at 0013):

* a row's fingerprint is sha256 of the JSON list of its stored values in the *model's* column order (the
  table's own columns as the model declares them, then the synced columns ``id`` … ``deleted_at``). That is
  not the physical order of a table that gained columns by ADD COLUMN, so each migration spells out the
  order it knows (``History.columns``);
* stored form: SQLite's raw values; on PostgreSQL the same forms from the values the driver returns (UUID →
  32 hex digits, datetime → "YYYY-MM-DD HH:MM:SS.ffffff" UTC, date → ISO, bool → 0/1, the rest as is);
* an event's hash is sha256 over prev hash, seq, at, user, device, action, entity, entity id, changes and
  row hash joined by U+001F; its MAC (when the database has an audit key on the connection) is
  HMAC-SHA256(key, "survey_app audit mac v1\\0" + hash).

**Adopt.** An ADD COLUMN changes the fingerprint of every existing row of the table. A row is adopted (one
``adopt`` event by ``system`` carrying its new fingerprint) only when its fingerprint computed as an older
version wrote it — the latest column groups removed, each removed column holding the value the ADD COLUMN
gave it — matches its last audit event. A row changed behind the app's back matches no older form, is not
adopted, and ``audit verify`` still reports it; a row without any event is left for verify to report too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

SYNCED = ("id", "rev", "created_at", "updated_at", "updated_by", "origin_device", "deleted_at")
GENESIS = "0" * 64
_MAC_CONTEXT = b"survey_app audit mac v1\x00"
_EVENT_COLUMNS = ("seq", "at", "user", "device", "action", "entity", "entity_id", "changes", "row_hash", "hash",
                  "mac")


@dataclass(frozen=True)
class History:
    """One audited table as a migration knows it.

    ``columns``: the fingerprint order at this revision (the model's order, synced columns last).
    ``added``: the groups of columns added since rows of this table were first audited, oldest first; each
    a tuple of (column, stored value the ADD COLUMN gave existing rows)."""

    table: str
    columns: tuple[str, ...]
    added: tuple[tuple[tuple[str, Any], ...], ...]


def row_hash(stored: Sequence[Any]) -> str:
    return hashlib.sha256(json.dumps(list(stored), ensure_ascii=False, separators=(",", ":")).encode()).hexdigest()


def event_hash(*fields: object) -> str:
    return hashlib.sha256("\x1f".join(str(f) for f in fields).encode()).hexdigest()


def stored_value(value: Any) -> Any:
    """A value the driver returned, in the stored form the fingerprint covers (SQLite's raw values pass)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _rows(conn: sa.Connection, history: History) -> Iterable[list]:
    quote = conn.dialect.identifier_preparer.quote
    cols = ", ".join(quote(c) for c in history.columns)
    result = conn.execute(sa.text(f"SELECT {cols} FROM {quote(history.table)}"))
    if conn.dialect.name == "sqlite":
        for raw in result:
            yield list(raw)
        return
    for raw in result:
        yield [stored_value(v) for v in raw]


def _last_hashes(conn: sa.Connection, table: str) -> dict[str, str]:
    """Entity id → row hash of its last event that carries one (what verify compares with)."""
    return dict(conn.execute(sa.text("SELECT entity_id, row_hash FROM audit_events WHERE entity = :t "
                                     "AND row_hash != '' ORDER BY seq"), {"t": table}).all())


def _older_forms(history: History, stored: list) -> Iterable[list]:
    """The row as each older version stored it: the newest groups removed one by one, while every removed
    column still holds the value the ADD COLUMN gave it."""
    dropped: set[str] = set()
    for group in reversed(history.added):
        for name, default in group:
            if stored[history.columns.index(name)] != default:
                return
            dropped.add(name)
        yield [v for c, v in zip(history.columns, stored) if c not in dropped]


def adoptable(conn: sa.Connection, history: History) -> list[tuple[str, str]]:
    """(row id, new fingerprint) of every row of the table to adopt, by id."""
    last = _last_hashes(conn, history.table)
    pk = history.columns.index("id")
    out = []
    for stored in _rows(conn, history):
        rid = str(stored[pk])
        recorded = last.get(rid)
        current = row_hash(stored)
        if recorded is None or recorded == current:
            continue
        if any(row_hash(form) == recorded for form in _older_forms(history, stored)):
            out.append((rid, current))
    return sorted(out)


def write_adopt_events(conn: sa.Connection, found: Sequence[tuple[str, str, str]]) -> int:
    """Append one ``adopt`` event per (table, row id, fingerprint) to the chain. Returns how many."""
    if not found:
        return 0
    key = conn.info.get("audit_key")
    last = conn.execute(sa.text("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1")).first()
    seq, prev = (int(last[0]), last[1]) if last else (0, GENESIS)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    at = now.strftime("%Y-%m-%d %H:%M:%S.%f")
    stored_at: Any = at if conn.dialect.name == "sqlite" else now  # naive UTC, as the app stores it
    rows = []
    for table, rid, rhash in found:
        seq += 1
        h = event_hash(prev, seq, at, "system", "", "adopt", table, rid, "{}", rhash)
        mac = hmac.new(key, _MAC_CONTEXT + h.encode("ascii"), hashlib.sha256).hexdigest() if key else ""
        rows.append(dict(zip(_EVENT_COLUMNS, (seq, stored_at, "system", "", "adopt", table, rid, "{}", rhash, h,
                                              mac))))
        prev = h
    events = sa.table("audit_events", *(sa.column(c) for c in _EVENT_COLUMNS))
    conn.execute(events.insert(), rows)
    return len(rows)


def adopt(conn: sa.Connection, histories: Sequence[History]) -> int:
    """Adopt every row of these tables that an older version left intact. Returns the events written."""
    found = [(h.table, rid, rhash) for h in histories for rid, rhash in adoptable(conn, h)]
    return write_adopt_events(conn, found)
