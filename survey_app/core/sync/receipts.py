"""Receipts: HQ tells a device what it now holds; the device stops sending it.

A receipt is a small bundle (kind "receipt") signed by HQ and encrypted to the device. Importing
one raises the device's synced revs for every record HQ applied, already had, or holds as a
conflict for review, and moves the acknowledged audit-event mark. Importing it twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from survey_app.core.services.devices import local_device_code
from survey_app.core.storage.database import Database
from survey_app.core.sync import bundle, keys
from survey_app.core.sync.changes import mark_synced
from survey_app.core.sync.export import ACKED_EVENT, project_code
from survey_app.core.sync.importer import ImportReport
from survey_app.core.sync.peers import device_public, hq_signing_key

SUFFIX = ".sareceipt"


def write_receipt(db: Database, pair: keys.KeyPair, report: ImportReport, out_dir: Path) -> Path:
    """HQ: the receipt for an imported (or replayed) field bundle, into ``out_dir``."""
    project = project_code(db)
    body = {"bundle_seq": report.seq, "acked": report.applied + report.held,
            "events_to": report.events_to, "conflicts": report.conflicts, "missing_seqs": report.missing_seqs}
    header = {"kind": "receipt", "project": project, "device": local_device_code(db), "seq": report.seq,
              "prev_seq": report.seq - 1, "counts": {"acked": len(body["acked"])}, "for_device": report.device}
    now = dt.datetime.now(dt.timezone(dt.timedelta(hours=8)))
    path = Path(out_dir) / f"{project}_{report.device}_{report.seq:05d}_{now:%Y%m%d}{SUFFIX}"
    bundle.write_bundle(path, header, [("receipt.json", json.dumps(body, ensure_ascii=False).encode())],
                        recipient=device_public(db, report.device), sender=pair)
    return path


def import_receipt(db: Database, pair: keys.KeyPair, path: Path) -> dict:
    """Device: apply HQ's receipt. Returns its content (bundle_seq, counts …)."""
    opened = bundle.open_bundle(Path(path), recipient=pair, sender_key=hq_signing_key(db),
                                project=project_code(db), kind="receipt", in_memory=True)
    body = json.loads(opened.read("receipt.json").decode("utf-8"))
    with db.begin_write() as conn:
        mark_synced(conn, [tuple(x) for x in body["acked"]])
    if int(body.get("events_to", 0)) > int(db.setting(ACKED_EVENT, "0")):
        db.set_setting(ACKED_EVENT, str(int(body["events_to"])))
    return body
