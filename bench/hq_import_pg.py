"""HQ import speed into a real PostgreSQL server: field bundles, records/s, beside SQLite and raw COPY.

``python -m bench hq_import_pg [--json] [--households N] [--bundles N] [--no-sqlite]``

The same bundles as ``python -m bench hq_import`` (bench/hq_import.py: the cached demo as device D01's
database, split into ``--bundles`` days, written the way export writes them), imported by
``import_field_bundles`` into an HQ database on a PostgreSQL server this benchmark starts itself
(``survey_app/core/storage/pg_server.py``: initdb + pg_ctl in a temp folder on loopback, the test harness's
server; fsync off there, as in the tests — the raw baseline runs on the same server). HQ holds the
project, its policy, the roster and the device key before the timer, as in hq_import. (With
``SURVEY_APP_BENCH_PG_PORT`` set it borrows that running server instead: bench/_pg_server.py; tests/pg does.)

Same-run baseline, *raw COPY*: the same rows and audit events, as stored-form tuples made before the
timer, only ``COPY … FROM STDIN`` per table (psycopg ``write_row``), one transaction per bundle, into a
fresh migrated database on the same server: no signature, decryption, parsing, rights or chain checks.
HQ's roster is put in before the timer there too; COPY cannot replace a row, so each day's household
rows are COPYed into a temporary table and written over the roster's with one ``UPDATE … FROM`` (the
raw twin of hq_import's ``INSERT OR REPLACE``).
Budget (DESIGN §8): import ≥ 25 % of raw COPY. The SQLite figure (bench hq_import, same arguments) is
run too unless ``--no-sqlite``. Needs the PostgreSQL server binaries and psycopg (``make test`` installs
both).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from bench.common import demo_database
from bench.figures import Figure

SMOKE = ["--households", "60", "--bundles", "3", "--no-sqlite"]
SHARE_BUDGET = 0.25  # of raw COPY, DESIGN §8
EVENT_COLUMNS = ("device", "seq", "at", "user", "action", "entity", "entity_id", "changes", "row_hash", "hash")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--bundles", type=int, default=100)
    parser.add_argument("--no-sqlite", action="store_true", help="skip the SQLite figure (bench hq_import)")


def _prepared(days: list, order: list[str]) -> list[list[tuple[str, list[tuple]]]]:
    """Per day: (table, stored-form rows) in parent-first table order, the audit events last."""
    from survey_app.core.sync.records import BY_NAME

    out = []
    for records, events in days:
        by_table: dict[str, list[tuple]] = {}
        for r in records:
            by_table.setdefault(r.table, []).append(r.stored(BY_NAME[r.table]))
        day = [(name, by_table[name]) for name in order if name in by_table]
        day.append(("remote_audit_events", [tuple(e[c] for c in EVENT_COLUMNS) for e in events]))
        out.append(day)
    return out


def _raw_copy(url: str, before: list[tuple[str, list[tuple]]], days: list[list[tuple[str, list[tuple]]]]) -> float:
    """Seconds to COPY ``days`` (one transaction each) after ``before`` (untimed); plain psycopg."""
    import psycopg
    from sqlalchemy.engine import make_url

    from survey_app.core.sync.records import BY_NAME

    u = make_url(url)

    def columns(name: str) -> str:
        names = EVENT_COLUMNS if name == "remote_audit_events" else [c.name for c in BY_NAME[name].columns]
        return ", ".join(f'"{c}"' for c in names)

    with psycopg.connect(host=u.host, port=u.port, user=u.username, dbname=u.database) as conn:
        def load(tables: list[tuple[str, list[tuple]]], replace: frozenset = frozenset()) -> None:
            with conn.transaction(), conn.cursor() as cur:
                for name, rows in tables:
                    target = f'"{name}"'
                    if name in replace:  # over the roster's rows: COPY into a scratch table, then one UPDATE
                        target = f'"stage_{name}"'
                        cur.execute(f'CREATE TEMP TABLE {target} ON COMMIT DROP AS SELECT {columns(name)} FROM "{name}" '
                                    "WITH NO DATA")
                    with cur.copy(f"COPY {target} ({columns(name)}) FROM STDIN") as copy:
                        for row in rows:
                            copy.write_row(row)
                    if name in replace:
                        cols = [c.name for c in BY_NAME[name].columns if c.name != "id"]
                        cur.execute(f'UPDATE "{name}" t SET ({", ".join(f"{chr(34)}{c}{chr(34)}" for c in cols)}) = '
                                    f'({", ".join(f"s.{chr(34)}{c}{chr(34)}" for c in cols)}) '
                                    f"FROM {target} s WHERE t.id = s.id")

        load(before)
        started = time.perf_counter()
        for day in days:
            load(day, frozenset({"households"}))
        return time.perf_counter() - started


def run(args: argparse.Namespace) -> list[Figure]:
    from bench import _pg_server as pg_servers
    from bench import hq_import
    from survey_app.core.domain.roles import Role
    from survey_app.core.services.devices import local_device_code
    from survey_app.core.services.startup import open_database
    from survey_app.core.storage import pg_server
    from survey_app.core.storage.database import Database
    from survey_app.core.storage.models import Device
    from survey_app.core.storage.uow import Actor
    from survey_app.core.sync import keys
    from survey_app.core.sync.apply import apply_records
    from survey_app.core.sync.batch_import import import_field_bundles
    from survey_app.core.sync.export import project_code
    from survey_app.core.sync.records import BY_NAME
    from survey_app.core.sync.rights import remember_device_users

    if pg_server.find_bindir() is None:
        raise SystemExit("没有找到 PostgreSQL 服务器程序（initdb、pg_ctl）：请安装 Debian 软件包 postgresql")
    figures: list[Figure] = []
    if not args.no_sqlite:
        sqlite_rate = next(f for f in hq_import.run(args) if f.name == "hq_import_records_per_s")
        figures.append(Figure("sqlite_import_records_per_s", sqlite_rate.value, "records/s",
                              baseline=sqlite_rate.baseline, better="higher",
                              baseline_label="raw executemany into SQLite"))
    source_path, _ = demo_database(args.households)
    source = Database(source_path)
    device_code, project = local_device_code(source), project_code(source)
    device, hq = keys.generate(), keys.generate()
    heads, roster, days = hq_import._days(source, max(1, args.bundles))
    source.dispose()
    server = pg_servers.server()  # its own, unless SURVEY_APP_BENCH_PG_PORT lends one (bench/_pg_server.py)
    old_data = os.environ.get("SURVEY_APP_DATA")
    try:
        with tempfile.TemporaryDirectory() as tmp_name:
            tmp = Path(tmp_name)
            os.environ["SURVEY_APP_DATA"] = str(tmp / "data")  # the server database's media folder: throw-away
            paths = []
            for n, (records, events) in enumerate(days, 1):
                path = tmp / f"{project}_{device_code}_{n:05d}.sabundle"
                hq_import._write_day(path, project, device_code, n, records, events, hq.public(), device)
                paths.append(path)
            total = sum(len(r) for r, _ in days)
            total_events = sum(len(e) for _, e in days)

            server.sql("CREATE DATABASE hq")
            hq_db = open_database(server.url("hq"))
            admin = Actor(username="hq", role=Role.HQ_ADMIN, device="HQ")
            with hq_db.uow(admin) as uow:
                uow.session.add(Device(code=device_code, name="bench", kind="field",
                                       sync_signing_key=device.public().signing_b64,
                                       encryption_public_key=device.public().encryption_b64))
                uow.commit()
            with hq_db.begin_write() as conn:
                apply_records(conn, heads + roster, source_device="HQ")
                remember_device_users(conn, device_code, sorted({r.get("assigned_to") for r in roster} - {None}))
            started = time.perf_counter()
            reports = import_field_bundles(hq_db, admin, hq, paths)
            import_s = time.perf_counter() - started
            failed = [r for r in reports if isinstance(r, Exception)]
            if failed:
                raise SystemExit(f"bundles refused: {failed[:3]}")
            imported = sum(r.records for r in reports)
            if sum(len(r.audit_warnings) for r in reports):
                raise SystemExit("audit chain warnings: the bundles do not continue the device's chain")
            hq_db.dispose()

            server.sql("CREATE DATABASE raw")
            Database(server.url("raw")).dispose()  # the same schema (migrations)
            order = list(BY_NAME)
            before = _prepared([(heads + roster, [])], order)[0][:-1]
            raw_s = _raw_copy(server.url("raw"), before, _prepared(days, order))
    finally:
        if old_data is None:
            os.environ.pop("SURVEY_APP_DATA", None)
        else:
            os.environ["SURVEY_APP_DATA"] = old_data
        server.stop()
    rate, raw_rate = imported / import_s, total / raw_s
    figures += [
        Figure("pg_import_records_per_s", rate, "records/s", better="higher", baseline=raw_rate,
               baseline_label="raw COPY, same rows and events"),
        Figure("pg_import_share_of_copy", rate / raw_rate, "of raw COPY", budget=SHARE_BUDGET, better="higher"),
        Figure("pg_import_s", import_s, "s", baseline=raw_s, baseline_label="raw COPY"),
        Figure("pg_import_records", imported, "records"),
        Figure("pg_import_audit_events", total_events, "events"),
        Figure("pg_import_bundles", len(paths), "bundles"),
    ]
    return figures
