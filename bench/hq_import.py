"""HQ import speed: field bundles (as devices write them, audit events included) into SQLite, records/s.

``python -m bench hq_import [--json] [--households N] [--bundles N]``

The source is the cached demo database (``bench.common.demo_database``), a device's database: its rows
and its audit chain were written by device D01. The bundles are made the way ``core/sync/export.py``
makes a day-end bundle — the same reads (``pending_records`` / ``pending_events``), the same entries
(``records.jsonl`` from ``write_lines``, ``events.jsonl`` one sorted JSON object per audit event), the
same header (counts, ``seq``/``prev_seq``, ``events_from``/``events_to``), the signed ``checkpoint.json``
of the chain head sent, signed for and encrypted to HQ
with ``bundle.write_bundle`` — only split into ``--bundles`` days: calling ``export_bundle`` itself would
put all 100k households into one bundle. Day n carries its households' records and the device's audit
events since day n−1 (an unbroken slice of the chain, as export sends everything after the last
acknowledged event): households are taken in the order the device recorded them. HQ holds the project,
its policy and the roster (the household rows it assigned to the device's user, ``remember_device_users``)
before the timer, as it does in the field; each bundle's household rows come one rev higher (surveyed since
assignment), so HQ's rights check (``sync/rights.py``) admits them.

Timed: ``import_field_bundles`` over all bundles (verify signature, decrypt, parse, check rights, apply
in one transaction per bundle, store and chain-check the audit events, recheck calculations), into an
HQ database that already holds the project, its policy and the device key.

Same-run baseline, *raw*: the same rows and audit events, converted to tuples before the timer, then
only ``executemany`` INSERTs (``INSERT OR REPLACE`` of the household rows over the roster), one transaction per bundle, into a fresh database with the same schema and
pragmas (no signature, no decryption, no parsing, no checks). ``% of baseline`` = our share of raw speed.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import tempfile
import time
from pathlib import Path

from bench.common import demo_database
from bench.figures import Figure

SMOKE = ["--households", "60", "--bundles", "3"]
BUDGET = 30_000  # records/s into SQLite, DESIGN §8
EVENT_COLUMNS = ("device", "seq", "at", "user", "action", "entity", "entity_id", "changes", "row_hash", "hash")


def _quoted(name: str) -> str:
    return f'"{name}"'


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--bundles", type=int, default=100)


def _days(source, bundles: int) -> tuple[list, list, list[tuple[list, list[dict]]]]:
    """(HQ's head records, HQ's roster, [(records, events) per day]) read the way export reads a device database."""
    from survey_app.core.sync.changes import pending_events, pending_records

    with source.engine.connect() as conn:
        records = list(pending_records(conn))
        events = pending_events(conn, 0)
    first_event = {}  # entity id → seq of its first event: the order the device recorded things in
    for e in events:
        first_event.setdefault(e["entity_id"], e["seq"])
    heads, roster, per_household, owner = [], [], {}, {}
    for r in records:  # parents come before children (SYNCED_TABLES order)
        hid = r.id if r.table == "households" else r.get("household_id")
        if hid is None:  # a child of a household's row (calculation_lines → calculations …)
            hid = next((owner[v] for c, v in r.row.items() if c.endswith("_id") and v in owner), None)
        if hid is not None:
            owner[r.id] = hid
        if hid is None:
            heads.append(r)  # project, policy versions …: HQ has them already
        elif r.table == "appraisals":  # the appraiser's results come from HQ's import, never from a device
            roster.append(r)
        elif r.table == "households":  # HQ holds the roster; the device surveyed it since: one rev more
            roster.append(r)
            per_household.setdefault(hid, []).append(
                r._replace(rev=r.rev + 1, base=r.rev, row={**r.row, "rev": r.rev + 1}))
        else:
            per_household.setdefault(hid, []).append(r)

    def recorded(h: str) -> int:  # when the device first recorded anything of the household
        return min((first_event.get(r.id, 1 << 62) for r in per_household[h]), default=0)

    starts = {h: recorded(h) for h in per_household}
    order = sorted(per_household, key=starts.__getitem__)
    size = -(-len(order) // bundles)
    chunks = [order[i:i + size] for i in range(0, len(order), size)]
    days, sent = [], 0
    for n, chunk in enumerate(chunks):
        # Day n sends the events after day n-1's up to the first one of day n+1's households.
        end = starts[chunks[n + 1][0]] if n + 1 < len(chunks) else 1 << 62
        last = next((i for i in range(sent, len(events)) if events[i]["seq"] >= end), len(events))
        days.append(([r for h in chunk for r in per_household[h]], events[sent:last]))
        sent = last
    return heads, roster, days


def _write_day(path: Path, project: str, device_code: str, seq: int, records: list, events: list[dict],
               hq_public, device_pair) -> None:
    """One bundle, entries and header as export_bundle writes them (the signed checkpoint of the chain head
    sent included: the last event of the day, which HQ checks its stored chain ends at)."""
    from survey_app.core.sync import bundle, checkpoints
    from survey_app.core.sync.records import write_lines

    entries = [
        ("records.jsonl", write_lines(records)),
        ("events.jsonl", "".join(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n" for e in events).encode()),
    ]
    acked = events[0]["seq"] - 1 if events else 0
    head = (events[-1]["seq"], events[-1]["hash"]) if events else (0, "0" * 64)
    entries.append((checkpoints.ENTRY, checkpoints.dumps(checkpoints.sign(device_pair, device_code, *head))))
    header = {"kind": "field", "project": project, "device": device_code, "seq": seq, "prev_seq": seq - 1,
              "counts": {"records": len(records), "events": len(events), "media": 0},
              "events_from": acked + 1, "events_to": events[-1]["seq"] if events else acked}
    bundle.write_bundle(path, header, entries, recipient=hq_public, sender=device_pair)


def run(args: argparse.Namespace) -> list[Figure]:
    from survey_app.core.domain.roles import Role
    from survey_app.core.services.devices import local_device_code
    from survey_app.core.services.startup import open_database
    from survey_app.core.storage.database import Database
    from survey_app.core.storage.models import Device
    from survey_app.core.storage.uow import Actor
    from survey_app.core.sync import keys
    from survey_app.core.sync.apply import apply_records
    from survey_app.core.sync.batch_import import import_field_bundles
    from survey_app.core.sync.export import project_code
    from survey_app.core.sync.records import BY_NAME
    from survey_app.core.sync.rights import remember_device_users

    source_path, _ = demo_database(args.households)
    source = Database(source_path)
    device_code, project = local_device_code(source), project_code(source)
    device, hq = keys.generate(), keys.generate()
    heads, roster, days = _days(source, max(1, args.bundles))
    source.dispose()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        started = time.perf_counter()
        paths = []
        for n, (records, events) in enumerate(days, 1):
            path = tmp / f"{project}_{device_code}_{n:05d}.sabundle"
            _write_day(path, project, device_code, n, records, events, hq.public(), device)
            paths.append(path)
        write_s = time.perf_counter() - started
        total = sum(len(r) for r, _ in days)
        total_events = sum(len(e) for _, e in days)

        hq_db = open_database(tmp / "hq.sqlite3")
        admin = Actor(username="hq", role=Role.HQ_ADMIN, device="HQ")
        with hq_db.uow(admin) as uow:
            uow.session.add(Device(code=device_code, name="bench", kind="field",
                                   sync_signing_key=device.public().signing_b64,
                                   encryption_public_key=device.public().encryption_b64))
            uow.commit()
        with hq_db.begin_write() as conn:  # HQ holds the project, its policy and the roster it assigned
            apply_records(conn, heads + roster, source_device="HQ")
            remember_device_users(conn, device_code, sorted({r.get("assigned_to") for r in roster} - {None}))
        started = time.perf_counter()
        reports = import_field_bundles(hq_db, admin, hq, paths)
        import_s = time.perf_counter() - started
        failed = [r for r in reports if isinstance(r, Exception)]
        if failed:
            raise SystemExit(f"bundles refused: {failed[:3]}")
        imported = sum(r.records for r in reports)
        warnings = sum(len(r.audit_warnings) for r in reports)
        if warnings:
            raise SystemExit(f"{warnings} audit chain warnings: the bundles do not continue the device's chain")
        hq_db.dispose()

        # Raw: the same inserts, rows made into tuples before the timer.
        raw = tmp / "raw.sqlite3"
        Database(raw).dispose()  # same schema, same pragmas
        prepared = []
        for records, events in [(heads + roster, [])] + days:
            by_table: dict[str, list[tuple]] = {}
            for r in records:
                by_table.setdefault(r.table, []).append(r.stored(BY_NAME[r.table]))
            rows = [(f"INSERT {'OR REPLACE ' if name == 'households' else ''}INTO {name} "  # by column name:
                     f"({', '.join(_quoted(c.name) for c in BY_NAME[name].columns)}) "  # migrations append columns
                     f"VALUES ({', '.join('?' * len(BY_NAME[name].columns))})", values)
                    for name, values in by_table.items()]
            rows.append((f"INSERT INTO remote_audit_events ({', '.join(EVENT_COLUMNS)}) "
                         f"VALUES ({', '.join('?' * len(EVENT_COLUMNS))})",
                         [tuple(e[c] for c in EVENT_COLUMNS) for e in events]))
            prepared.append(rows)
        conn = sqlite3.connect(raw)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        started = time.perf_counter()
        for n, statements in enumerate(prepared):
            with conn:
                for sql, values in statements:
                    conn.executemany(sql, values)
            if n == 0:  # the head rows and roster: HQ had them before the timer in our path too
                started = time.perf_counter()
        raw_s = time.perf_counter() - started
        conn.close()
    rate, raw_rate = imported / import_s, total / raw_s
    return [
        Figure("hq_import_records_per_s", rate, "records/s", budget=BUDGET, better="higher", baseline=raw_rate,
               baseline_label="raw executemany, same rows and events"),
        Figure("hq_import_s", import_s, "s", baseline=raw_s, baseline_label="raw executemany"),
        Figure("hq_import_bundles", len(paths), "bundles"),
        Figure("hq_import_records", imported, "records"),
        Figure("hq_import_audit_events", total_events, "events"),
        Figure("hq_import_bundle_write_s", write_s, "s to write the bundles"),
    ]
