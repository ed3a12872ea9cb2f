"""What the encrypted project file costs: open, one list search, one household write — SQLCipher vs plain.

``python -m bench at_rest [--json] [--households 10000] [--runs 7]``

The cached demo database (bench/common.py) is copied twice into a temp folder: once as it is (plain
SQLite) and once through ``storage.cipher.encrypt_copy`` under a random 32-byte key (SQLCipher 4, raw
key: no PBKDF2 per connection). Then, run by run, interleaved (plain, then encrypted, so a busy moment of
the machine hits both), each file is timed for:

* **open** — ``Database(path[, cipher_key])`` (engine, pragmas, the open marker, the migration check)
  and the first query (the project's household count), then ``dispose()``;
* **search** — on an open Database, one list search as the 住户 page makes it
  (``households.search_keys`` with a 3-letter word through the FTS5 trigram index, first page of 200,
  then ``fetch_rows`` for the 40 visible rows);
* **write** — one audited unit of work changing a household's address (BEGIN IMMEDIATE, audit event,
  commit with ``synchronous=FULL`` in WAL mode).

Medians over ``--runs``. Each encrypted figure's same-run baseline is the plain file's: the ratio is what
encryption at rest adds. The page cache is warm for both (the files were just written); a cold first
open after boot reads the same pages either way, plus decryption.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

from bench.common import demo_database
from bench.figures import Figure, median

SMOKE = ["--households", "60", "--runs", "2"]
WORD = "a1-"  # a household-code fragment: ≥ 3 characters, so the FTS5 trigram route is taken


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--households", type=int, default=10_000, help="households in the database (10000)")
    parser.add_argument("--runs", type=int, default=7, help="timed rounds per figure (median reported)")


def _open(path: Path, key: bytes | None) -> float:
    from sqlalchemy import func, select

    from survey_app.core.storage.database import Database
    from survey_app.core.storage.models import Household

    started = time.perf_counter()
    db = Database(path, cipher_key=key)
    with db.read() as s:
        s.scalar(select(func.count()).select_from(Household))
    elapsed = time.perf_counter() - started
    db.dispose()
    return elapsed


def _search(db) -> float:
    from survey_app.core.services.households import HouseholdFilter, fetch_rows, search_keys

    started = time.perf_counter()
    keys = search_keys(db, HouseholdFilter(text=WORD), limit=200)
    fetch_rows(db, keys[:40])
    return time.perf_counter() - started


def _write(db, household_id, n: int) -> float:
    from survey_app.core.domain.roles import Role
    from survey_app.core.storage.models import Household
    from survey_app.core.storage.uow import Actor

    actor = Actor(username="hq", role=Role.HQ_ADMIN, device="HQ")
    started = time.perf_counter()
    with db.uow(actor) as uow:
        uow.session.get(Household, household_id).address = f"芙蓉区测试路{n}号"
        uow.commit()
    return time.perf_counter() - started


def run(args: argparse.Namespace) -> list[Figure]:
    from sqlalchemy import select

    from survey_app.core.storage.cipher import encrypt_copy
    from survey_app.core.storage.database import Database
    from survey_app.core.storage.models import Household

    source, _ = demo_database(args.households)
    key = os.urandom(32)
    with tempfile.TemporaryDirectory(prefix="bench_at_rest_") as folder:
        plain, encrypted = Path(folder) / "plain.sqlite3", Path(folder) / "encrypted.sqlite3"
        shutil.copyfile(source, plain)
        encrypt_copy(plain, encrypted, key)
        times: dict[str, list[float]] = {f"{what} {kind}": [] for what in ("open", "search", "write")
                                         for kind in ("plain", "encrypted")}
        for path, k in ((plain, None), (encrypted, key)):
            _open(path, k)  # first open of each file untimed (imports, first-connect initialisation)
        dbs = {"plain": Database(plain), "encrypted": Database(encrypted, cipher_key=key)}
        try:
            with dbs["plain"].read() as s:
                hid = s.scalar(select(Household.id).order_by(Household.household_code).limit(1))
            for db in dbs.values():  # warm-up: first search and write of each untimed
                _search(db)
                _write(db, hid, 0)
            for n in range(1, args.runs + 1):
                for kind, db in dbs.items():
                    times[f"search {kind}"].append(_search(db))
                    times[f"write {kind}"].append(_write(db, hid, n))
        finally:
            for db in dbs.values():
                db.dispose()
        for _ in range(args.runs):
            times["open plain"].append(_open(plain, None))
            times["open encrypted"].append(_open(encrypted, key))
    label = f"plain SQLite, same file, {args.households:,} households"
    return [Figure(f"{what} (encrypted, {args.households:,} households)", median(times[f"{what} encrypted"]) * 1000,
                   "ms", baseline=median(times[f"{what} plain"]) * 1000, baseline_label=label)
            for what in ("open", "search", "write")]
