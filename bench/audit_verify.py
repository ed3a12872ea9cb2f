"""What `audit verify` costs: CPU per whole-database check, beside reading and hashing the same rows bare.

``python -m bench audit_verify [--json] [--households 10000] [--runs 5]``

The cached demo database (bench/common.py) is copied into a temp folder and opened as the app opens it.
Then, run by run, interleaved (so a busy moment of the machine hits both), two things are timed in CPU
seconds of this process (``time.process_time``: what the other helpers on a shared machine do not add):

* **verify** — ``services.audit.verify_database`` as ``survey-app audit verify`` runs it: SQLite's
  ``integrity_check``, the hash chain over every audit event, every audited row's fingerprint against
  its last event, the signed checkpoints;
* **baseline** — the same rows read the plainest way: one ``SELECT`` per table (``audit_events`` and
  every audited table) on the DB-API cursor, ``hashlib.sha256`` over each row's ``repr`` — what reading
  and hashing every row costs before any canonical form or chain logic.

Medians over ``--runs``. The demo database verifies clean (the figure is a clean run: no early stop).
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import tempfile
import time
from pathlib import Path

from bench.common import demo_database
from bench.figures import Figure, median

SMOKE = ["--households", "60", "--runs", "2"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--households", type=int, default=10_000, help="households in the database (10000)")
    parser.add_argument("--runs", type=int, default=5, help="timed rounds per figure (median reported)")


def _verify(db) -> tuple[float, int, int]:
    from survey_app.core.services.audit import verify_database

    started = time.process_time()
    report = verify_database(db)
    elapsed = time.process_time() - started
    if not report.ok:
        raise SystemExit(f"the demo database does not verify: {report.problems[0].message}")
    return elapsed, report.events, report.rows


def _baseline(db) -> float:
    from survey_app.core.services.audit import audited_tables

    tables = ["audit_events", *(t.name for t in audited_tables())]
    started = time.process_time()
    with db.engine.connect() as conn:
        cursor = conn.connection.cursor()
        try:
            for name in tables:
                cursor.execute(f'SELECT * FROM "{name}"')
                while rows := cursor.fetchmany(5000):
                    for row in rows:
                        hashlib.sha256(repr(row).encode()).hexdigest()
        finally:
            cursor.close()
    return time.process_time() - started


def run(args: argparse.Namespace) -> list[Figure]:
    from survey_app.core.storage.database import Database

    source, _ = demo_database(args.households)
    with tempfile.TemporaryDirectory(prefix="bench_audit_verify_") as folder:
        path = Path(folder) / "demo.sqlite3"
        shutil.copyfile(source, path)
        db = Database(path)
        try:
            _verify(db)  # first call untimed (imports, first-connect initialisation)
            _baseline(db)
            verify_times, base_times = [], []
            events = rows = 0
            for _ in range(args.runs):
                elapsed, events, rows = _verify(db)
                verify_times.append(elapsed)
                base_times.append(_baseline(db))
        finally:
            db.dispose()
    label = f"one SELECT per table + sha256 per row, same {events:,} events and {rows:,} rows"
    return [Figure(f"audit verify CPU ({args.households:,} households)", median(verify_times) * 1000, "ms",
                   baseline=median(base_times) * 1000, baseline_label=label)]
