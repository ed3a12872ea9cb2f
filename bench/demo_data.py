"""Demo data generation speed: households and records per second into a fresh SQLite file.

``python -m bench demo_data [--json] [--households N]``

Timed: ``create_demo`` into a fresh database (generate the households, their rows and one audit event
per row, write them batch by batch; up to 5,000 households the demo also calculates them).

Same-run baseline, *raw*: every row that run wrote (audit events included), read back as tuples before
the timer, then only ``executemany`` INSERTs into a second fresh database with the same schema and
pragmas, as many transactions as the demo wrote batches. The ratio is what generating the data, hashing
the audit chain and the write pipeline cost over the inserts alone.
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import time
from pathlib import Path

from bench.figures import Figure

SMOKE = ["--households", "60"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--households", type=int, default=100_000)


def _raw_copy(source: Path, target: Path, transactions: int) -> float:
    """Seconds to executemany every row of ``source`` into ``target`` (same schema), rows read beforehand."""
    from survey_app.core.storage.database import Database
    from survey_app.core.storage.models import Base

    Database(target).dispose()  # same schema, same pragmas
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    dst.execute("PRAGMA journal_mode=WAL")
    dst.execute("PRAGMA synchronous=FULL")
    dst.execute("PRAGMA foreign_keys=ON")
    present = {name for (name,) in src.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    tables = []  # parents first
    for table in Base.metadata.sorted_tables:
        if table.name not in present or dst.execute(f"SELECT count(*) FROM {table.name}").fetchone()[0]:
            continue  # not in this schema, or filled by the migrations themselves
        cols = [c.name for c in table.columns]
        rows = src.execute(f"SELECT {', '.join(cols)} FROM {table.name}").fetchall()
        if rows:
            sql = f"INSERT INTO {table.name} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
            tables.append((sql, rows))
    src.close()
    # Parents first, cut into ``transactions`` transactions of equal row counts (a table may span two).
    per_tx = -(-sum(len(rows) for _, rows in tables) // transactions)
    plan: list[list[tuple[str, list]]] = [[]]
    room = per_tx
    for sql, rows in tables:
        while rows:
            if room == 0:
                plan.append([])
                room = per_tx
            plan[-1].append((sql, rows[:room]))
            room -= len(plan[-1][-1][1])
            rows = rows[len(plan[-1][-1][1]):]
    started = time.perf_counter()
    for statements in plan:
        with dst:
            for sql, rows in statements:
                dst.executemany(sql, rows)
    elapsed = time.perf_counter() - started
    dst.close()
    return elapsed


def run(args: argparse.Namespace) -> list[Figure]:
    from survey_app.core.services.demo import create_demo
    from survey_app.core.services.demo.project import BATCH
    from survey_app.core.storage.database import Database

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "demo.sqlite3"
        db = Database(path)
        started = time.perf_counter()
        summary = create_demo(db, households=args.households, seed=1)
        elapsed = time.perf_counter() - started
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        db.dispose()
        size = path.stat().st_size / 1e6
        raw_s = _raw_copy(path, Path(tmp) / "raw.sqlite3", max(1, -(-args.households // BATCH)))
    return [
        Figure("demo_households_per_s", summary.households / elapsed, "households/s", better="higher",
               baseline=summary.households / raw_s, baseline_label="raw executemany of the same rows"),
        Figure("demo_records_per_s", summary.rows / elapsed, "records/s", better="higher",
               baseline=summary.rows / raw_s, baseline_label="raw executemany (rows + audit events)"),
        Figure("demo_seconds", elapsed, "s", baseline=raw_s, baseline_label="raw executemany"),
        Figure("demo_households", summary.households, "households"),
        Figure("demo_db_size_mb", size, "MB"),
    ]
