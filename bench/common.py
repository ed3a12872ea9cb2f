"""Shared by benchmarks: a cached demo database of N households (generating 100k takes ~40 s)."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def bench_dir() -> Path:
    d = Path(os.environ.get("SURVEY_APP_BENCH_DIR", Path(tempfile.gettempdir()) / "survey_app_bench"))
    d.mkdir(parents=True, exist_ok=True)
    return d


def demo_database(households: int, seed: int = 1) -> tuple[Path, float | None]:
    """Path of a demo DB with ``households`` households; (path, seconds) when it had to be generated."""
    from survey_app.core.services.demo import create_demo
    from survey_app.core.storage import migrations
    from survey_app.core.storage.database import Database

    path = bench_dir() / f"demo-{households}-seed{seed}-{migrations.HEAD}.sqlite3"
    if path.exists():
        return path, None
    tmp = path.with_suffix(".partial")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    started = time.perf_counter()
    db = Database(tmp)
    create_demo(db, households=households, seed=seed)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.exec_driver_sql("ANALYZE")
    db.dispose()
    elapsed = time.perf_counter() - started
    os.replace(tmp, path)
    return path, elapsed
