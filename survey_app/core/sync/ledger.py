"""Ledger events: sync bookkeeping written with core SQL enters the audit chain like any record.

Which tables outside the records are covered, and how (issue 10 item 2):

* ``sync_issues`` (open conflicts, recheck differences, audit warnings) — audited. Hiding a conflict
  by deleting its row, or closing it with the sqlite3 shell, must show: every row gets an ``insert``
  event here (written where sync inserts them, in the same transaction); deciding one goes through
  the unit of work, which audits the update. ``audit verify`` then treats them like any record.
* ``imported_bundles`` — audited the same way. Its row names the bundle's body hash and the device
  checkpoint it carried, so a deleted row (which would let a replayed bundle be applied again) is found.
* ``audit_checkpoints`` — audited the same way; besides, each checkpoint is signed by its chain's owner.
* ``remote_audit_events`` — *not* in HQ's chain (they are the devices' chains, 10⁵s of rows): every
  row is covered by the device-signed checkpoint of the bundle that brought it, and ``audit verify``
  re-walks each device's chain through its checkpoints (survey_app/core/sync/checkpoint_checks.py).
* ``local_settings`` — *not* in the chain: written before any user exists, holds the sealed key,
  changes at every export. The settings sync relies on are cross-checked against the signed
  checkpoints (an export or acknowledgement mark behind what HQ's receipts confirmed) and, with the
  audit key, pinned by a keyed digest (``audit_chain.seal_settings``, guarded settings).

With the audit key, every ledger event carries its MAC like any other (storage/audit_chain.py, written by storage/audit_writer.py).
"""

from __future__ import annotations

from sqlalchemy import Table, func, select
from sqlalchemy.engine import Connection

from survey_app.core.storage import audit_chain, rowcodec
from survey_app.core.storage.audit_writer import AuditWriter
from survey_app.core.storage.models import AuditCheckpoint, ImportedBundle, SyncIssue

LEDGER_TABLES: tuple[Table, ...] = (SyncIssue.__table__, ImportedBundle.__table__, AuditCheckpoint.__table__)
# What the readable change log says of a ledger row (the row hash pins the rest, names included).
SUMMARY = {"sync_issues": ("kind", "entity", "device", "bundle_seq", "status"),
           "imported_bundles": ("device", "kind", "seq"),
           "audit_checkpoints": ("chain", "seq", "source", "source_seq")}


def high_water(conn: Connection) -> dict[str, int]:
    """The highest id in each ledger table: rows above it are the ones this transaction adds."""
    return {t.name: conn.execute(select(func.max(t.c.id))).scalar() or 0 for t in LEDGER_TABLES}


def record_new_rows(conn: Connection, since: dict[str, int], *, user: str, device: str) -> int:
    """Append one ``insert`` event per ledger row above ``since`` (same transaction). Returns how many."""
    chain = AuditWriter(conn)  # storage/audit_writer.py: numbers, hashes, keys and inserts the events
    for table in LEDGER_TABLES:
        names = [c.name for c in table.columns]
        for stored in _rows_after(conn, table, since.get(table.name, 0)):
            rid = str(stored[names.index("id")])
            changes = audit_chain.dumps({k: [None, stored[names.index(k)]] for k in SUMMARY[table.name]})
            chain.append(user, device, "insert", table.name, rid, changes, audit_chain.row_hash(stored))
    return chain.flush()


def _rows_after(conn: Connection, table: Table, after_id: int) -> list[list]:
    """Rows with id above ``after_id`` in stored form (what ``audit verify`` fingerprints)."""
    if conn.dialect.name == "sqlite":
        prep = conn.dialect.identifier_preparer
        cols = ", ".join(prep.format_column(c) for c in table.columns)
        return [list(raw) for raw in conn.exec_driver_sql(
            f"SELECT {cols} FROM {prep.format_table(table)} WHERE id > ? ORDER BY id", (after_id,))]
    rows = conn.execute(select(table).where(table.c.id > after_id).order_by(table.c.id))
    return [rowcodec.stored_row(table, row._mapping.__getitem__) for row in rows]
