"""Shared by the keyed-chain tests: the test audit key and hand-made rewrites of a database's chain.
(A plainly named module: ``from conftest import …`` would pick whichever conftest.py pytest loaded first.)"""

from __future__ import annotations

import sqlite3
from pathlib import Path

KEY = bytes(range(32))  # a test audit key (the vault derives the real one at login)


def rehash_chain(path: Path, sql: str | None = None) -> None:
    """What the 14 of 14 rewrites did: change the file with sqlite3, then recompute every event hash from
    the first one changed (``row_hash`` of the last event of a row changed by ``sql`` included) — MACs
    untouched, since whoever only writes the file cannot compute them."""
    from survey_app.core.storage import audit_chain

    with sqlite3.connect(path) as conn:
        if sql:
            conn.execute(sql)
        prev = audit_chain.GENESIS
        rows = conn.execute("SELECT seq, at, user, device, action, entity, entity_id, changes, row_hash, hash "
                            "FROM audit_events ORDER BY seq").fetchall()
        for n, (seq, at, user, device, action, entity, entity_id, changes, rhash, h) in enumerate(rows, 1):
            if seq != n:  # a deleted event: renumber the rest
                conn.execute("UPDATE audit_events SET seq = ? WHERE seq = ?", (n, seq))
                seq = n
            new = audit_chain.event_hash(prev, seq, at, user, device, action, entity, entity_id, changes, rhash)
            if new != h:
                conn.execute("UPDATE audit_events SET hash = ? WHERE seq = ?", (new, seq))
            prev = new


def fix_row_hash(path: Path, table: str, rowid_sql: str) -> None:
    """Point the last event of the changed row at the row's new fingerprint (as a rewriter would)."""
    from survey_app.core.storage import audit_chain
    from survey_app.core.storage.models import Base

    with sqlite3.connect(path) as conn:  # the app's fingerprint order: the model's columns, not the file's
        cols = [c.name for c in Base.metadata.tables[table].columns]
        row = conn.execute(f"SELECT {', '.join(cols)} FROM {table} WHERE {rowid_sql}").fetchone()
        rid = row[cols.index("id")]
        rid = rid.hex() if isinstance(rid, bytes) else str(rid)
        seq = conn.execute("SELECT max(seq) FROM audit_events WHERE entity = ? AND entity_id = ?",
                           (table, rid)).fetchone()[0]
        conn.execute("UPDATE audit_events SET row_hash = ? WHERE seq = ?", (audit_chain.row_hash(list(row)), seq))
