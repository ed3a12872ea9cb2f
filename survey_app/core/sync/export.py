"""Day-end export on a field device: one signed, encrypted bundle of everything HQ hasn't acknowledged.

The file goes to a chosen folder (a USB stick), written atomically; its name tells project,
device, sequence and date: ``FR2023_D01_00012_20261123.sabundle``. The sequence number grows by
one per export and the header names the previous one, so HQ can report a missing bundle.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from survey_app.core.domain import china_time
from survey_app.core.domain.errors import ValidationError
from survey_app.core.files import read_private
from survey_app.core.storage import audit_chain
from survey_app.core.storage.database import Database
from survey_app.core.storage.device_code import local_device_code
from survey_app.core.storage.media import media_path
from survey_app.core.storage.models import AuditEvent, Project
from survey_app.core.sync import bundle, checkpoints, identity, keys
from survey_app.core.sync.changes import pending_events, pending_records
from survey_app.core.sync.records import write_lines

SEQ = "sync.export_seq"
ACKED_EVENT = "sync.acked_event_seq"
SUFFIX = ".sabundle"


@dataclass(frozen=True)
class ExportResult:
    path: Path
    seq: int
    records: int
    events: int
    media: int


_PROJECT_CODE = select(Project.code).where(Project.deleted_at.is_(None)).limit(1)  # built once: read very often


def project_code(db: Database) -> str:
    with db.read() as s:
        code = s.scalar(_PROJECT_CODE)
    if not code:
        raise ValidationError("数据库中没有项目")
    return code


def export_bundle(db: Database, pair: keys.KeyPair, out_dir: Path, *,
                  progress: Callable[[int, int, str], None] | None = None,
                  cancel: Callable[[], bool] | None = None, now: dt.datetime | None = None) -> ExportResult:
    """Write the day-end bundle for HQ into ``out_dir``; returns where and what."""
    device = local_device_code(db)
    hq = identity.hq_public(db)
    project = project_code(db)
    seq = int(db.setting(SEQ, "0")) + 1
    acked_event = int(db.setting(ACKED_EVENT, "0"))
    now = now or dt.datetime.now(dt.UTC)
    with db.engine.connect() as conn:
        records = list(pending_records(conn))
        events = pending_events(conn, acked_event)
        head = (events[-1]["seq"], events[-1]["hash"]) if events else _event_at(conn, acked_event)
    media = sorted({(r.get("sha256"), Path(r.get("original_name") or "").suffix or ".bin")
                    for r in records if r.table == "attachments" and r.get("deleted_at") is None})
    entries: list[tuple[str, bytes | Path]] = [
        ("records.jsonl", write_lines(records)),
        ("events.jsonl", "".join(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n" for e in events).encode()),
    ]
    # The chain's head as sent, signed: HQ refuses it if it does not extend what HQ already holds.
    checkpoint = checkpoints.sign(pair, device, *head, now)
    entries.append((checkpoints.ENTRY, checkpoints.dumps(checkpoint)))
    for sha, suffix in media:
        path = media_path(db, sha, suffix)
        if path.exists():  # plaintext inside the (encrypted) bundle: a sealed file is opened in memory
            entries.append((f"media/{sha}{suffix.lower()}", read_private(path, db.file_key) if db.file_key else path))
    header = {"kind": "field", "project": project, "device": device, "seq": seq, "prev_seq": seq - 1,
              "counts": {"records": len(records), "events": len(events), "media": len(entries) - 3},
              "events_from": acked_event + 1, "events_to": events[-1]["seq"] if events else acked_event}
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise ValidationError(f"导出目录不存在：{out_dir}")
    name = f"{project}_{device}_{seq:05d}_{now.astimezone(china_time.CHINA):%Y%m%d}{SUFFIX}"
    path = out_dir / name
    # The number is taken before the file exists: a crash after the file got its final name but before
    # the number was saved would hand the same number to different content next time (HQ refuses the
    # second). A crash now costs one number (HQ reports a gap); a clean failure gives it back — the
    # file is written atomically, so no bundle with this number exists.
    db.set_setting(SEQ, str(seq))
    try:
        bundle.write_bundle(path, header, entries, recipient=hq, sender=pair, progress=progress, cancel=cancel)
    except Exception:  # a clean failure (cancel, disk full); a kill or exit runs no handler: number spent
        if db.setting(SEQ, "0") == str(seq):
            db.set_setting(SEQ, str(seq - 1))
        raise
    return ExportResult(path, seq, len(records), len(events), len(entries) - 3)


def _event_at(conn, seq: int) -> tuple[int, str]:  # noqa: ANN001
    """(seq, hash) of this chain's event ``seq`` ((0, GENESIS) before the first)."""
    ae = AuditEvent.__table__
    found = conn.execute(select(ae.c.hash).where(ae.c.seq == seq)).scalar() if seq else None
    return (seq, found) if found else (0, audit_chain.GENESIS)
