"""Bulk inserts that keep the audit chain: the one documented bulk variant of the unit of work.

Demo data, roster and appraisal imports write here. Like the unit of work, a bulk write happens inside a
write transaction — ``Database.begin_write()`` (``BEGIN IMMEDIATE`` on SQLite, the advisory lock on
PostgreSQL), or a unit of work's own connection — and every row enters the audit chain through its one
writer (storage/audit_writer.py). No bulk write on a bare ``engine.begin()``.

ORM ``add_all`` manages ~12k rows/s; the DB-API ``executemany`` of rows already in stored form
(survey_app/core/storage/rowcodec.py) is many times faster. Each row still gets its own audit
event carrying the same fingerprint the unit of work computes, so ``audit verify`` treats bulk
rows like any other.

Preparing rows (pure Python) and writing them are separate steps so a caller can prepare the
next batch while a worker thread writes the last one: sqlite3 releases the GIL while it runs
statements. Batches must be written in the order they were taken (the chain runs through them).

PostgreSQL: the same stored-form rows go in with ``COPY … FROM STDIN`` (storage/pg.py), the fastest
way in; the server casts each text value to its column's type.

Inside a unit of work, ``SessionInserts`` writes new append-only rows (calculations and their lines) the same
fast way on the unit of work's own connection, each queued with the very audit event (readable diff, row
hash) and ChangeSet entry the ORM path gives an inserted object (storage/uow.py ``queue_insert``): HQ's import,
``audit verify`` and the UI see no difference, the flush of ~100 ORM objects is saved.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import Table
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from survey_app.core.domain.actor import Actor
from survey_app.core.domain.ids import new_id
from survey_app.core.storage import audit_chain, rowcodec, staleness
from survey_app.core.storage.audit_writer import EventChain, insert_events
from survey_app.core.storage.stored_insert import executemany
from survey_app.core.storage.types import utcnow
from survey_app.core.storage.uow import queue_insert

Progress = Callable[[int, int, str], None]
# A bulk-inserted row's event does not repeat its values (they would double the database):
# the row hash pins them, and any later change records its own before/after.
BULK_CHANGES = "{}"


@dataclass
class Batch:
    """Rows in stored form per table (in insert order) and their audit events (storage/audit_writer.py)."""

    tables: list[tuple[Table, list[tuple]]]
    events: list[tuple]

    @property
    def rows(self) -> int:
        return sum(len(r) for _, r in self.tables)


class BulkWriter:
    """Collects new rows with their audit events; ``take(order)`` hands them over as a Batch.

    ``head`` is the chain head the events continue (``audit_writer.chain_head``); nobody else may write
    audit events until the batches taken from this writer are written (``write`` refuses a batch whose
    chain moved on meanwhile).
    """

    def __init__(self, actor: Actor, head: tuple[int, str], *, at: dt.datetime | None = None):
        self.actor = actor
        self._chain = EventChain(head, at=at)
        self.at = self._chain.at
        self._rows: dict[str, list[tuple]] = {}

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
        self._chain.append(self.actor.username, self.actor.device, "insert", table.name, rid, BULK_CHANGES,
                           audit_chain.row_hash(stored))
        self._rows.setdefault(table.name, []).append(tuple(stored))

    def take(self, order: Iterable[Table]) -> Batch:
        """Everything queued so far, parents first (``order`` lists every table used)."""
        tables = [(t, self._rows.pop(t.name)) for t in order if t.name in self._rows]
        if self._rows:
            raise ValueError(f"tables not in the insert order: {sorted(self._rows)}")
        return Batch(tables, self._chain.take())


def write(conn: Connection, batch: Batch) -> int:
    """Insert a batch (rows, then their audit events) in the caller's write transaction (``Database.begin_write``
    or a unit of work's connection: the write lock). Returns rows written."""
    for table, rows in batch.tables:
        executemany(conn, table, rows)
    insert_events(conn, batch.events)  # each event's MAC under the connection's audit key (keyed chain)
    return batch.rows


# Inserting these runs rules of the unit of work's before_flush (search key, staleness): ORM objects only.
_FLUSH_RULED = frozenset({"households", *(m.__tablename__ for m in staleness.SURVEY_CHILDREN)})


class SessionInserts:
    """New rows written by a unit of work without ORM objects, in its own transaction (the write lock held).

    ``add(table, row)`` stamps a complete row as before_flush stamps a new synced object (id if missing, rev 1,
    created/updated now, the actor's name and device; a sync import's rows keep their own) and queues its audit
    event and ChangeSet entry at once, through the code after_flush uses (uow.queue_insert): the events keep
    their place among the ORM's. ``write()`` then inserts the rows, tables in the order first added (parents
    first). The ORM session does not hold the rows; a later query reads them back like any stored row.
    For append-only records with no flush-time rule: households and survey rows go through the ORM.
    """

    def __init__(self, session: Session):
        self.session = session
        self.actor: Actor = session.info["actor"]
        self.at = utcnow()
        self._rows: dict[str, tuple[Table, list[tuple]]] = {}

    def add(self, table: Table, row: dict) -> None:
        """Queue one new row: a dict of every column's Python value (synced stamps may be left out)."""
        if table.name in _FLUSH_RULED:
            raise ValueError(f"{table.name}: rows with flush-time rules are written through the ORM")
        if "rev" in table.c and not self.session.info.get("sync_import"):
            if row.get("id") is None:
                row["id"] = new_id()
            row["rev"] = 1
            row["created_at"] = row["updated_at"] = self.at
            row["updated_by"], row["origin_device"] = self.actor.username, self.actor.device
            row.setdefault("deleted_at", None)
        missing = [c.name for c in table.columns if c.name not in row]
        if missing:
            raise ValueError(f"{table.name}: row lacks {missing}")
        info = self.session.info
        stored = queue_insert(info["pending_events"], info["changes"], table, row.__getitem__)
        self._rows.setdefault(table.name, (table, []))[1].append(tuple(stored))

    def write(self) -> int:
        """Insert the rows added since the last write on the session's connection. Returns rows written."""
        conn = self.session.connection()
        written = 0
        for table, rows in self._rows.values():
            executemany(conn, table, rows)
            written += len(rows)
        self._rows = {}
        return written
