"""Bulk inserts that keep the audit chain: for demo data now, for HQ bundle import later.

ORM ``add_all`` manages ~12k rows/s; the DB-API ``executemany`` of rows already in stored form
(survey_app/core/storage/rowcodec.py) is many times faster. Each row still gets its own audit
event carrying the same fingerprint the unit of work computes, so ``audit verify`` treats bulk
rows like any other.

Preparing rows (pure Python) and writing them are separate steps so a caller can prepare the
next batch while a worker thread writes the last one: sqlite3 releases the GIL while it runs
statements. Batches must be written in the order they were taken (the chain runs through them).

PostgreSQL: the same stored-form rows go in with ``COPY … FROM STDIN`` (storage/pg.py), the fastest
way in; the server casts each text value to its column's type.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import Table, select
from sqlalchemy.engine import Connection

from survey_app.core.domain.ids import new_id
from survey_app.core.security import audit_chain
from survey_app.core.storage import pg, rowcodec
from survey_app.core.storage.models import AuditEvent
from survey_app.core.storage.types import utcnow
from survey_app.core.storage.uow import Actor

Progress = Callable[[int, int, str], None]
# A bulk-inserted row's event does not repeat its values (they would double the database):
# the row hash pins them, and any later change records its own before/after.
BULK_CHANGES = "{}"


@dataclass
class Batch:
    """Rows in stored form per table (in insert order) and their audit events."""

    tables: list[tuple[Table, list[tuple]]]
    events: list[tuple]

    @property
    def rows(self) -> int:
        return sum(len(r) for _, r in self.tables)


def chain_head(conn: Connection) -> tuple[int, str]:
    """(last seq, last hash) of the audit chain, or (0, GENESIS) for an empty chain."""
    ae = AuditEvent.__table__
    last = conn.execute(select(ae.c.seq, ae.c.hash).order_by(ae.c.seq.desc()).limit(1)).first()
    return (last.seq, last.hash) if last else (0, audit_chain.GENESIS)


class BulkWriter:
    """Collects new rows with their audit events; ``take(order)`` hands them over as a Batch.

    ``seq``/``prev`` continue the chain from ``chain_head``; nobody else may write audit
    events until the batches taken from this writer are written.
    """

    def __init__(self, actor: Actor, head: tuple[int, str], *, at: dt.datetime | None = None):
        self.actor = actor
        self.seq, self.prev = head
        self.at = at or utcnow()
        self._at_text = rowcodec.encode_utc(self.at)  # hashed and stored alike
        self._rows: dict[str, list[tuple]] = {}
        self._events: list[tuple] = []

    def add(self, table: Table, row: dict) -> None:
        """Queue one new row (a complete dict of column values; synced stamps are filled in)."""
        if "rev" in table.c:
            if row.get("id") is None:
                row["id"] = new_id()
            row["rev"] = 1
            row["created_at"] = row["updated_at"] = self.at
            row["updated_by"] = self.actor.username
            row["origin_device"] = self.actor.device
            row.setdefault("deleted_at", None)
        for name, value in rowcodec.stored_defaults(table).items():
            if name not in row:
                row[name] = value
        stored = rowcodec.stored_row(table, row.get)
        rid = row["id"].hex if isinstance(row.get("id"), uuid.UUID) else str(row.get("id", ""))
        self.seq += 1
        rhash = audit_chain.row_hash(stored)
        h = audit_chain.event_hash(self.prev, self.seq, self._at_text, self.actor.username, self.actor.device,
                                   "insert", table.name, rid, BULK_CHANGES, rhash)
        self._events.append((self.seq, self._at_text, self.actor.username, self.actor.device, "insert",
                             table.name, rid, BULK_CHANGES, rhash, h, ""))
        self.prev = h
        self._rows.setdefault(table.name, []).append(tuple(stored))

    def take(self, order: Iterable[Table]) -> Batch:
        """Everything queued so far, parents first (``order`` lists every table used)."""
        tables = [(t, self._rows.pop(t.name)) for t in order if t.name in self._rows]
        if self._rows:
            raise ValueError(f"tables not in the insert order: {sorted(self._rows)}")
        batch = Batch(tables, self._events)
        self._events = []
        return batch


def write(conn: Connection, batch: Batch) -> int:
    """Insert a batch (rows, then their audit events) in the caller's transaction. Returns rows written."""
    for table, rows in batch.tables:
        _executemany(conn, table, rows)
    if batch.events:
        key = audit_chain.key_of(conn)  # keyed chain: each event's MAC (the last column) under the audit key
        events = [ev[:-1] + (audit_chain.event_mac(key, ev[9]),) for ev in batch.events] if key else batch.events
        _executemany(conn, AuditEvent.__table__, events)
    return batch.rows


def _executemany(conn: Connection, table: Table, rows: list[tuple]) -> None:
    dialect = conn.dialect
    prep = dialect.identifier_preparer
    if dialect.name == "postgresql":  # COPY takes the stored forms as text (storage/pg.py)
        pg.copy_rows(conn, prep.format_table(table), [prep.format_column(c) for c in table.columns], rows)
        return
    if dialect.name != "sqlite":
        raise NotImplementedError(f"bulk insert is implemented for SQLite and PostgreSQL, not {dialect.name}")
    cols = ", ".join(prep.format_column(c) for c in table.columns)
    marks = ", ".join("?" * len(table.columns))
    conn.exec_driver_sql(f"INSERT INTO {prep.format_table(table)} ({cols}) VALUES ({marks})", rows)


# Event tuples above are in this column order; fail loudly at import if the model changes.
assert [c.name for c in AuditEvent.__table__.columns] == [
    "seq", "at", "user", "device", "action", "entity", "entity_id", "changes", "row_hash", "hash", "mac"]
