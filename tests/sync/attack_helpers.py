"""Shared by the attack and mutation tests: HQ's full state, and field bundles crafted with the
project's own signing code (``bundle.write_bundle``) and a device's real key."""

from __future__ import annotations

import hashlib
import itertools
from pathlib import Path

from sync_setup import Device, World

from survey_app.core.sync import bundle, keys
from survey_app.core.sync.assignments import _rows
from survey_app.core.sync.export import project_code
from survey_app.core.sync.identity import hq_public
from survey_app.core.sync.records import Record, write_lines

_seq = itertools.count(500)


def hq_state(db) -> str:
    """A fingerprint of every row of every table: "HQ unchanged" means byte for byte."""
    digest = hashlib.sha256()
    with db.engine.connect() as conn:
        tables = [t for (t,) in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        for table in tables:
            for row in sorted(repr(tuple(r)) for r in conn.exec_driver_sql(f'SELECT * FROM "{table}"')):
                digest.update(f"{table}\x1f{row}\x1e".encode())
    return digest.hexdigest()


def send(world: World, dev: Device, records: list[Record], *, signer: keys.KeyPair | None = None,
         device: str | None = None, chunk_size: int | None = None, events: bytes = b"") -> Path:
    """A field bundle from ``dev`` (or claiming to be ``device``), signed by ``signer`` (default: its key)."""
    seq = next(_seq)
    header = {"kind": "field", "project": project_code(dev.db), "device": device or dev.code, "seq": seq,
              "prev_seq": seq - 1, "counts": {"records": len(records)}}
    path = world.usb / f"crafted-{dev.code}-{seq}.sabundle"
    extra = {"chunk_size": chunk_size} if chunk_size else {}
    bundle.write_bundle(path, header, [("records.jsonl", write_lines(records)), ("events.jsonl", events)],
                        recipient=hq_public(dev.db), sender=signer or dev.pair, **extra)
    return path


def row_of(db, table: str, where: str, params: tuple = ()) -> Record:
    with db.engine.connect() as conn:
        return _rows(conn, table, where, params)[0]


def own_household_edit(dev: Device, notes: str = "正常修改") -> Record:
    """A rightful record: the device's worker edits a household assigned to him."""
    h = row_of(dev.db, "households", "assigned_to = ? ORDER BY id LIMIT 1", (dev.actor.username,))
    row = {**h.row, "notes": notes, "rev": h.rev + 1, "origin_device": dev.code}
    return Record("households", h.id, h.rev + 1, h.rev, row)
