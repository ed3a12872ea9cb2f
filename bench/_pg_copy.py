"""Benchmarks' helper (not a benchmark): a copy of a SQLite bench database in a PostgreSQL database.

``copy_sqlite(path, url)`` migrates the empty PostgreSQL database ``url`` (the app's own migrations, so the
same tables and indexes as a real server HQ), then COPYs every model table's rows across in their stored
form (storage/rowcodec.py: the server casts the text to each column's type, as storage/bulk.py relies on),
the audit tables left out (no figure reads them; HQ's chain of a copy would not verify anyway), and ends
with ``VACUUM (ANALYZE)`` — what autovacuum does by itself on a server soon after a bulk load (inserts
trigger it since PostgreSQL 13). The VACUUM matters, not only the ANALYZE: it sets the visibility map, without
which no index-only scan is possible, and the dashboard's households-by-section×worker×status read became a
parallel scan of the whole table (183 ms server time at 100k; 129 ms as an index-only scan, refresh median
452 → 212 ms wall, same session, load ≈ 6 on 2 cores).
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

SKIP = frozenset({"audit_events", "remote_audit_events", "audit_checkpoints", "sync_records"})


def copy_sqlite(path: Path, url: str) -> dict[str, int]:
    """Rows copied per table (seconds under "seconds")."""
    import psycopg
    from sqlalchemy.engine import make_url

    from survey_app.core.storage.database import Database
    from survey_app.core.storage.models import Base

    Database(url).dispose()  # migrations to head
    u = make_url(url)
    counts: dict[str, int] = {}
    started = time.perf_counter()
    src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        with psycopg.connect(host=u.host, port=u.port, user=u.username, dbname=u.database) as conn:
            with conn.transaction(), conn.cursor() as cur:
                cur.execute("DELETE FROM local_settings")  # the migrated database's own, replaced by the copy's
                for table in Base.metadata.sorted_tables:
                    if table.name in SKIP:
                        continue
                    names = [c.name for c in table.columns]
                    quoted = ", ".join(f'"{n}"' for n in names)
                    rows = src.execute(f'SELECT {quoted} FROM "{table.name}"')
                    n = 0
                    with cur.copy(f'COPY "{table.name}" ({quoted}) FROM STDIN') as copy:
                        for row in rows:
                            copy.write_row(row)
                            n += 1
                    counts[table.name] = n
            conn.autocommit = True  # VACUUM runs outside a transaction
            conn.execute("VACUUM (ANALYZE)")
    finally:
        src.close()
    counts["seconds"] = round(time.perf_counter() - started)
    return counts
