"""HQ import speed: 100 field bundles holding 100,000 households into SQLite, the whole path
(verify signature, decrypt, parse, apply in one transaction each, audit, recheck), against a raw
``sqlite3.executemany`` of the same rows into the same schema (no checks, no audit) in the same run."""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import time
from pathlib import Path

from bench.common import demo_database
from bench.figures import Figure


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--bundles", type=int, default=100)


def run(args: argparse.Namespace) -> list[Figure]:
    from survey_app.core.domain.roles import Role
    from survey_app.core.services.startup import open_database
    from survey_app.core.storage.database import Database
    from survey_app.core.storage.models import Device
    from survey_app.core.storage.uow import Actor
    from survey_app.core.sync import bundle, keys
    from survey_app.core.sync.apply import apply_records
    from survey_app.core.sync.importer import import_field_bundles
    from survey_app.core.sync.records import BY_NAME, write_lines

    source_path, _ = demo_database(args.households)
    source = Database(source_path)
    device, hq = keys.generate(), keys.generate()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        # The bundles: households split into groups, each with everything recorded about them.
        heads, groups = _records_by_household(source, args.bundles)
        started = time.perf_counter()
        paths = []
        for n, records in enumerate(groups, 1):
            header = {"kind": "field", "project": "FR2023", "device": "D01", "seq": n, "prev_seq": n - 1,
                      "counts": {"records": len(records)}}
            path = tmp / f"FR2023_D01_{n:05d}.sabundle"
            bundle.write_bundle(path, header, [("records.jsonl", write_lines(records)), ("events.jsonl", b"")],
                                recipient=hq.public(), sender=device)
            paths.append(path)
        write_s = time.perf_counter() - started
        total = sum(len(g) for g in groups)

        hq_db = open_database(tmp / "hq.sqlite3")
        admin = Actor(username="hq", role=Role.HQ_ADMIN, device="HQ")
        with hq_db.uow(admin) as uow:
            uow.session.add(Device(code="D01", name="bench", kind="field", sync_signing_key=device.public().signing_b64,
                                   encryption_public_key=device.public().encryption_b64))
            uow.commit()
        with hq_db.begin_write() as conn:  # HQ already holds the project and its policy
            apply_records(conn, heads, source_device="HQ")
        started = time.perf_counter()
        reports = import_field_bundles(hq_db, admin, hq, paths)
        import_s = time.perf_counter() - started
        imported = sum(r.records for r in reports)  # a refused bundle would be an error here: fails loudly

        raw = tmp / "raw.sqlite3"
        Database(raw).dispose()  # same schema, same pragmas
        conn = sqlite3.connect(raw)
        conn.execute("PRAGMA synchronous=FULL")
        started = time.perf_counter()
        for records in [heads] + groups:
            by_table: dict[str, list[tuple]] = {}
            for r in records:
                by_table.setdefault(r.table, []).append(r.stored(BY_NAME[r.table]))
            with conn:
                for name, rows in by_table.items():
                    cols = len(BY_NAME[name].columns)
                    conn.executemany(f"INSERT INTO {name} VALUES ({', '.join('?' * cols)})", rows)
        raw_s = time.perf_counter() - started
        conn.close()
    source.dispose()
    rate, raw_rate = imported / import_s, total / raw_s
    return [
        Figure("hq_import_bundles", len(paths), "bundles"),
        Figure("hq_import_records", imported, "records"),
        Figure("hq_import_records_per_s", rate, "records/s (verify, decrypt, apply, audit, recheck)"),
        Figure("hq_import_raw_executemany_per_s", raw_rate, "records/s (same rows, raw sqlite3)"),
        Figure("hq_import_ratio", raw_rate / rate, "x slower than raw"),
        Figure("hq_import_bundle_write_s", write_s, "s to write the bundles"),
    ]


def _records_by_household(db, groups: int) -> tuple[list, list[list]]:  # noqa: ANN001
    from survey_app.core.sync.records import SYNCED_TABLES, Record

    wanted = [t for t in SYNCED_TABLES if t.name not in ("users", "devices")]
    per_household: dict[str, list] = {}
    heads: list = []
    with db.engine.connect() as conn:
        for table in wanted:
            names = [c.name for c in table.columns]
            key = "id" if table.name == "households" else ("household_id" if "household_id" in names else None)
            for raw in conn.exec_driver_sql(f"SELECT {', '.join(names)} FROM {table.name}"):
                row = dict(zip(names, raw))
                rec = Record(table.name, row["id"], row["rev"], 0, row)
                if key is None or row.get(key) is None:
                    heads.append(rec)  # project, policy versions …: HQ has them already
                else:
                    per_household.setdefault(row[key], []).append(rec)
    households = sorted(per_household)
    size = -(-len(households) // groups)
    return heads, [[r for h in households[i:i + size] for r in per_household[h]]
                   for i in range(0, len(households), size)]
