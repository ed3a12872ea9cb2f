"""On a field device: what HQ doesn't have yet.

A record goes in the next bundle when its rev is above the rev HQ is known to have
(``sync_records.synced_rev``, raised by receipts and assignments). Until HQ's receipt
arrives, every export repeats everything unacknowledged: a lost or broken USB stick loses
nothing, and HQ ignores what it already has.
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.engine import Connection

from survey_app.core.storage.models import AuditEvent, SyncRecord
from survey_app.core.sync.records import SYNCED_TABLES, Record

# Accounts and device records are managed per machine and by HQ; they don't travel up.
NOT_EXPORTED = frozenset({"users", "devices"})
EXPORTED_TABLES = tuple(t for t in SYNCED_TABLES if t.name not in NOT_EXPORTED)


def synced_revs(conn: Connection) -> dict[tuple[str, str], int]:
    t = SyncRecord.__table__
    return {(e, i): r for e, i, r in conn.execute(select(t.c.entity, t.c.entity_id, t.c.synced_rev))}


def pending_records(conn: Connection) -> Iterator[Record]:
    """Every record whose current rev HQ hasn't acknowledged, with its base rev."""
    known = synced_revs(conn)
    prep = conn.dialect.identifier_preparer
    for table in EXPORTED_TABLES:
        names = [c.name for c in table.columns]
        rev_pos, id_pos = names.index("rev"), names.index("id")
        cols = ", ".join(prep.format_column(c) for c in table.columns)
        for raw in conn.exec_driver_sql(f"SELECT {cols} FROM {prep.format_table(table)}"):
            base = known.get((table.name, raw[id_pos]), 0)
            if raw[rev_pos] > base:
                yield Record(table.name, raw[id_pos], raw[rev_pos], base, dict(zip(names, raw)))


def pending_events(conn: Connection, after_seq: int) -> list[dict]:
    """This device's audit events after ``after_seq`` (the last one HQ acknowledged), in order."""
    ae = AuditEvent.__table__
    rows = conn.execute(select(ae).where(ae.c.seq > after_seq).order_by(ae.c.seq)).mappings()
    from survey_app.core.storage import rowcodec

    return [{**dict(r), "at": rowcodec.encode_utc(r["at"])} for r in rows]


def mark_synced(conn: Connection, acked: list[tuple[str, str, int]]) -> None:
    """Raise synced revs after HQ acknowledged them (never lower them)."""
    known = synced_revs(conn)
    t = SyncRecord.__table__
    new, higher = [], []
    for entity, entity_id, rev in acked:
        have = known.get((entity, entity_id))
        if have is None:
            new.append({"entity": entity, "entity_id": entity_id, "synced_rev": rev})
            known[(entity, entity_id)] = rev
        elif rev > have:
            higher.append((rev, entity, entity_id))
            known[(entity, entity_id)] = rev
    if new:
        conn.execute(t.insert(), new)
    if higher:
        conn.exec_driver_sql("UPDATE sync_records SET synced_rev = ? WHERE entity = ? AND entity_id = ?", higher)
