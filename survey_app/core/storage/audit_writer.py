"""The one writer of the audit chain: every event of this database's chain is numbered, hashed, keyed and
inserted here.

Four writers append to the chain — the unit of work (storage/uow.py), bulk inserts (storage/bulk.py),
sync apply (sync/apply.py) and ledger rows (sync/ledger.py). Each describes its events; this module alone
turns them into ``audit_events`` rows: ``seq`` continuing the chain head, ``hash`` from
``audit_chain.event_hash`` (the function ``verify`` and HQ's re-walk of a laptop's chain use), ``mac``
under the audit key (keyed chain, security docs), inserted with one ``executemany`` (``COPY`` on PostgreSQL).

Two shapes, one rule:

* ``AuditWriter(conn)`` — inside a write transaction (unit of work, ``Database.begin_write``): reads the
  head once, ``append`` events, ``flush()`` inserts them.
* ``EventChain(head)`` — pure Python, no connection: a bulk writer numbers and hashes the events of the
  next batch while a worker thread writes the last one; ``insert_events`` later writes them, computing
  each MAC under the key on the writing connection and first checking the chain still ends where the
  events continue it (a chain forked by another writer in between is refused, not written).

Nobody else may append to the chain between reading its head and inserting: the write lock (``BEGIN
IMMEDIATE`` on SQLite, the advisory lock on PostgreSQL) held by the writing transaction guarantees it.
Threading: an EventChain or AuditWriter belongs to one thread at a time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.engine import Connection

from survey_app.core.domain.errors import IntegrityError
from survey_app.core.storage import audit_chain, rowcodec
from survey_app.core.storage.models import AuditEvent
from survey_app.core.storage.stored_insert import executemany
from survey_app.core.storage.types import utcnow

# Event tuples are in this column order; fail loudly at import if the model changes.
COLUMNS = ("seq", "at", "user", "device", "action", "entity", "entity_id", "changes", "row_hash", "hash", "mac")
assert tuple(c.name for c in AuditEvent.__table__.columns) == COLUMNS
_SEQ, _HASH, _MAC = 0, COLUMNS.index("hash"), COLUMNS.index("mac")
_UNSET = object()
FORKED = "审计链在写入期间被其他写入者推进（应为第 {want} 号之后，实际为第 {have} 号）：本次写入已取消，请重试"


_AE = AuditEvent.__table__
_HEAD = select(_AE.c.seq, _AE.c.hash).order_by(_AE.c.seq.desc()).limit(1)  # built once: read by every write


def chain_head(conn: Connection) -> tuple[int, str]:
    """(last seq, last hash) of the audit chain, or (0, GENESIS) for an empty chain."""
    last = conn.execute(_HEAD).first()
    return (last.seq, last.hash) if last else (0, audit_chain.GENESIS)


class EventChain:
    """Numbers and hashes events onto a chain head; one time stamp ``at`` for all of them (one per
    transaction or batch). ``take()`` hands over the events made so far (MAC column left "")."""

    def __init__(self, head: tuple[int, str], *, at: dt.datetime | None = None):
        self.seq, self.prev = head
        self.at = at or utcnow()
        self.at_text = rowcodec.encode_utc(self.at)  # hashed and stored alike
        self._events: list[tuple] = []

    def append(self, user: str, device: str, action: str, entity: str, entity_id: str, changes: str,
               row_hash: str) -> str:
        """Add one event (``changes``: the canonical JSON text, audit_chain.dumps). Returns its hash."""
        self.seq += 1
        h = audit_chain.event_hash(self.prev, self.seq, self.at_text, user, device, action, entity, entity_id,
                                   changes, row_hash)
        self._events.append((self.seq, self.at_text, user, device, action, entity, entity_id, changes, row_hash,
                             h, ""))
        self.prev = h
        return h

    def take(self) -> list[tuple]:
        events, self._events = self._events, []
        return events


def insert_events(conn: Connection, events: Sequence[tuple], *, key: bytes | None | object = _UNSET) -> int:
    """Insert ``events`` (EventChain tuples, in order) in the caller's write transaction, each with its MAC
    under ``key`` (default: the audit key on ``conn``; none: an unkeyed chain). Raises IntegrityError when
    the chain no longer ends where the first event continues it. Returns how many were inserted."""
    if not events:
        return 0
    head_seq = chain_head(conn)[0]
    if head_seq != events[0][_SEQ] - 1:
        raise IntegrityError(FORKED.format(want=events[0][_SEQ] - 1, have=head_seq))
    key = audit_chain.key_of(conn) if key is _UNSET else key
    if key:
        events = [ev[:_MAC] + (audit_chain.event_mac(key, ev[_HASH]),) for ev in events]
    executemany(conn, AuditEvent.__table__, events)
    return len(events)


class AuditWriter(EventChain):
    """Appends to this database's chain inside the caller's write transaction: reads the head once at
    creation, ``append`` events, ``flush()`` inserts them (and may be appended to and flushed again)."""

    def __init__(self, conn: Connection, *, at: dt.datetime | None = None, key: bytes | None | object = _UNSET):
        super().__init__(chain_head(conn), at=at)
        self.conn = conn
        self.key = key

    def flush(self) -> int:
        """Insert the events appended since the last flush. Returns how many."""
        return insert_events(self.conn, self.take(), key=self.key)
