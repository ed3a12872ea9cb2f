"""Receipts: HQ tells a device what it now holds; the device stops sending it.

A receipt is a small bundle (kind "receipt") signed by HQ and encrypted to the device. Importing
one raises the device's synced revs for every record HQ applied, already had, or holds as a
conflict for review, and moves the acknowledged audit-event mark. Importing it twice changes nothing.

It also carries two signed audit checkpoints (survey_app/core/sync/checkpoints.py): the device's own
chain head that HQ accepted with the bundle, countersigned by HQ (``checkpoint``), and HQ's own chain
head signed by HQ (``hq_checkpoint``). The device keeps both: its ``audit verify`` then checks that its
chain still passes through every point HQ acknowledged, and HQ can later be checked against HQ's.
"""

from __future__ import annotations

import json
from pathlib import Path

from survey_app.core.domain import china_time
from survey_app.core.domain.errors import ValidationError
from survey_app.core.storage.database import Database
from survey_app.core.storage.device_code import local_device_code
from survey_app.core.sync import bundle, checkpoints, identity, keys, ledger
from survey_app.core.sync.changes import mark_synced
from survey_app.core.sync.export import ACKED_EVENT, project_code
from survey_app.core.sync.importer import ImportReport
from survey_app.core.sync.peers import HQ_CODE, device_public, hq_signing_key

SUFFIX = ".sareceipt"


def write_receipt(db: Database, pair: keys.KeyPair, report: ImportReport, out_dir: Path) -> Path:
    """HQ: the receipt for an imported (or replayed) field bundle, into ``out_dir``."""
    project = project_code(db)
    here = local_device_code(db)
    body = {"bundle_seq": report.seq, "acked": report.applied + report.held,
            "events_to": report.events_to, "conflicts": report.conflicts, "missing_seqs": report.missing_seqs}
    if report.checkpoint is not None:  # "HQ holds your chain up to here", in HQ's hand
        body["checkpoint"] = checkpoints.countersign(report.checkpoint, pair)
    with db.engine.connect() as conn:
        body["hq_checkpoint"] = checkpoints.of_head(conn, pair, here)
    header = {"kind": "receipt", "project": project, "device": here, "seq": report.seq,
              "prev_seq": report.seq - 1, "counts": {"acked": len(body["acked"])}, "for_device": report.device}
    now = china_time.now()
    path = Path(out_dir) / f"{project}_{report.device}_{report.seq:05d}_{now:%Y%m%d}{SUFFIX}"
    bundle.write_bundle(path, header, [("receipt.json", json.dumps(body, ensure_ascii=False).encode())],
                        recipient=device_public(db, report.device), sender=pair)
    return path


def import_receipt(db: Database, pair: keys.KeyPair, path: Path) -> dict:
    """Device: apply HQ's receipt. Returns its content (bundle_seq, counts …)."""
    opened = bundle.open_bundle(Path(path), recipient=pair, sender_key=hq_signing_key(db),
                                project=project_code(db), kind="receipt", in_memory=True)
    body = json.loads(opened.read("receipt.json").decode("utf-8"))
    seq = int(opened.header["seq"])
    own, hq_cp = _checkpoints(db, pair, body, opened.header["device"])
    here = local_device_code(db)
    with db.begin_write() as conn:
        since = ledger.high_water(conn)
        mark_synced(conn, [tuple(x) for x in body["acked"]])
        for doc in (own, hq_cp):
            if doc is not None:
                checkpoints.store(conn, doc, "receipt", seq)
        ledger.record_new_rows(conn, since, user="system", device=here)
    if int(body.get("events_to", 0)) > int(db.setting(ACKED_EVENT, "0")):
        db.set_setting(ACKED_EVENT, str(int(body["events_to"])))
    return body


def _checkpoints(db: Database, pair: keys.KeyPair, body: dict, hq_code: str) -> tuple[dict | None, dict | None]:
    """The receipt's two checkpoints, their signatures checked (None where an older HQ sent none)."""
    hq_key = identity.hq_public(db).signing_key
    own = hq_cp = None
    if body.get("checkpoint") is not None:
        own = checkpoints.parse(body["checkpoint"])
        if (own["device"] != local_device_code(db) or not checkpoints.signature_ok(own, pair.public().signing_key)
                or not checkpoints.countersignature_ok(own, hq_key)):
            raise ValidationError("回执中的审计检查点签名无效（被改动或伪造），未导入")
    if body.get("hq_checkpoint") is not None:
        hq_cp = checkpoints.parse(body["hq_checkpoint"])
        if hq_cp["device"] != (db.setting(HQ_CODE) or hq_code) or not checkpoints.signature_ok(hq_cp, hq_key):
            raise ValidationError("回执中的指挥部审计检查点签名无效（被改动或伪造），未导入")
    return own, hq_cp
