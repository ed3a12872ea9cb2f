"""Demo data generation speed: households and records per second into a fresh SQLite file."""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench.figures import Figure


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--households", type=int, default=100_000)


def run(args: argparse.Namespace) -> list[Figure]:
    from survey_app.core.services.demo import create_demo
    from survey_app.core.storage.database import Database

    with tempfile.TemporaryDirectory() as tmp:
        db = Database(Path(tmp) / "demo.sqlite3")
        started = time.perf_counter()
        summary = create_demo(db, households=args.households, seed=1)
        elapsed = time.perf_counter() - started
        size = (Path(tmp) / "demo.sqlite3").stat().st_size / 1e6
        db.dispose()
    return [
        Figure("demo_households", summary.households, "households"),
        Figure("demo_seconds", elapsed, "s"),
        Figure("demo_households_per_s", summary.households / elapsed, "households/s"),
        Figure("demo_records_per_s", summary.rows / elapsed, "records/s (each with its audit event)"),
        Figure("demo_db_size_mb", size, "MB"),
    ]
