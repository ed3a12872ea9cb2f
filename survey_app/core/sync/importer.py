"""HQ imports a field bundle: verify everything, then apply it in **one** transaction.

Order: the signature, sender, project, recipient and every encrypted chunk are checked before
anything is read (survey_app/core/sync/bundle.py); a replay of an imported bundle is a no-op; the
records are applied (insert / fast-forward / no-op / conflict, survey_app/core/sync/apply.py),
the device's audit events stored after checking they continue its chain up to the checkpoint the
device signed (survey_app/core/sync/checkpoints.py), calculations and
agreements recomputed, and the bundle recorded — all or nothing. Media files are copied into the
content-addressed store first (harmless if the transaction then fails: nothing points at them).
Several bundles at once: sync/batch_import.py.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import func, select

from survey_app.core.domain.errors import ValidationError
from survey_app.core.domain.roles import Permission
from survey_app.core.files import atomic_writer, write_private
from survey_app.core.platform import private_dir
from survey_app.core.storage import audit_chain
from survey_app.core.storage.database import Database
from survey_app.core.storage.device_code import REVOKED, local_device_code
from survey_app.core.storage.media import media_file, media_root
from survey_app.core.storage.models import Device, ImportedBundle, RemoteAuditEvent, SyncIssue
from survey_app.core.storage.types import utcnow
from survey_app.core.storage.uow import Actor
from survey_app.core.sync import bundle, checkpoints, keys, ledger
from survey_app.core.sync.apply import apply_records
from survey_app.core.sync.export import project_code
from survey_app.core.sync.recheck import recheck
from survey_app.core.sync.records import BY_NAME, read_lines
from survey_app.core.sync.rights import check_field_bundle

MAX_LISTED_GAP = 100  # a gap wider than this is listed by its first hundred numbers
# An event's fields in remote_audit_events' column order after ``device`` (see _store_events).
_EVENT_ROW = itemgetter("seq", "at", "user", "action", "entity", "entity_id", "changes", "row_hash", "hash", "device")


@dataclass
class ImportReport:
    device: str
    seq: int
    already_imported: bool = False
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    missing_seqs: list[int] = field(default_factory=list)
    recheck_differences: list[str] = field(default_factory=list)
    audit_warnings: list[str] = field(default_factory=list)
    applied: list[tuple[str, str, int]] = field(default_factory=list)
    held: list[tuple[str, str, int]] = field(default_factory=list)  # conflicts now kept for review at HQ
    events_to: int = 0
    checkpoint: dict | None = None  # the device's signed chain head that HQ accepted (echoed in the receipt)

    @property
    def records(self) -> int:
        return self.inserted + self.updated + self.unchanged + self.conflicts


def device_key_texts(db: Database) -> dict[str, str]:
    """Device code → its signing key (base64), for the live devices that have one."""
    with db.read() as s:
        return dict(s.execute(select(Device.code, Device.sync_signing_key).where(
            Device.deleted_at.is_(None), Device.sync_signing_key != "")).all())


def key_lookup(texts: dict[str, str]) -> Callable[[str], Ed25519PublicKey | None]:
    """``device_key_texts``' keys as the sender lookup ``bundle.open_bundle`` takes."""
    def lookup(code: str) -> Ed25519PublicKey | None:
        text = texts.get(code)
        return Ed25519PublicKey.from_public_bytes(base64.b64decode(text)) if text else None
    return lookup


def device_signing_keys(db: Database) -> Callable[[str], Ed25519PublicKey | None]:
    return key_lookup(device_key_texts(db))


@dataclass
class _Prepared:
    """A verified, decrypted and parsed bundle, not yet applied (no database writes so far)."""

    header: dict
    body_hash: str
    records: list
    events: list
    row_hashes: dict | None = None
    checkpoint: dict | None = None
    links: list[bool] | None = None  # checkpoints.event_links of the events, worked out ahead


def _prepare(media: Path, pair: keys.KeyPair, path: Path, project: str,
             sender_key: Callable[[str], Ed25519PublicKey | None], *, hashes: bool = False,
             file_key: bytes | None = None) -> _Prepared:
    """Everything that needs no write lock: signature, decryption, every chunk, parsing, photos
    (and, for the pipelined import, the incoming rows' fingerprints).

    Nothing decrypted touches the temp folder (a killed import would leave names and ID numbers
    there): records and events are decrypted in memory (bounded, bundle.MEMORY_LIMIT), photos straight
    into the content-addressed media store, each under its final name only once its sha256 matches."""
    opened = bundle.open_bundle(Path(path), recipient=pair, sender_key=sender_key, project=project, kind="field",
                                in_memory=True, place=lambda name, size: _media_writer(media, name, file_key))
    with opened:
        try:  # signed by a known device, yet its content must still be well formed
            records = list(read_lines(opened.read("records.jsonl")))
            events = [json.loads(line) for line in opened.read("events.jsonl").decode("utf-8").splitlines()
                      if line]
        except (KeyError, TypeError, ValueError) as e:
            raise ValidationError(f"同步包内容格式错误，未导入任何数据（{e}）") from None
        bad = next((n for n, e in enumerate(events, 1) if not checkpoints.well_formed_event(e)), None)
        if bad is not None:  # a validly signed bundle is still hostile: no KeyError deep inside the import
            raise ValidationError(f"同步包内容格式错误，未导入任何数据（第 {bad} 条审计事件缺少字段或类型不对）")
        checkpoint = checkpoints.from_bundle(opened)  # None: a bundle from before checkpoints
    device = opened.header["device"]
    if checkpoint is not None and (checkpoint["device"] != device
                                   or not checkpoints.signature_ok(checkpoint, sender_key(device))):
        raise ValidationError(f"设备 {device} 同步包中的审计检查点签名无效（被改动或伪造），未导入任何数据")
    row_hashes = links = None
    if hashes:
        row_hashes = {(r.table, r.id): audit_chain.row_hash(list(r.stored(BY_NAME[r.table]))) for r in records}
        links = checkpoints.event_links(events)
    # the signed hash of the body identifies this bundle's content
    return _Prepared(opened.header, opened.info.body_sha256, records, events, row_hashes, checkpoint, links)


_SHA256 = re.compile(r"[0-9a-f]{64}")


def _media_writer(media: Path, name: str, file_key: bytes | None = None) -> _MediaWriter | None:
    """Where a bundle entry named ``media/<sha256><.suffix>`` goes: the media store (None: keep in memory)."""
    if not name.startswith("media/"):
        return None
    sha, _, suffix = name.removeprefix("media/").partition(".")
    if not _SHA256.fullmatch(sha) or "/" in suffix:
        raise ValidationError("同步包中的照片条目名不合法，未导入任何数据")
    return _MediaWriter(media_file(media, sha, "." + suffix if suffix else ".bin"), sha, file_key)


class _MediaWriter:
    """Writes one photo into the content-addressed store: a temp file next to its final place, renamed
    there only if the bytes hash to the name (else deleted). A photo already stored is only hashed.
    With ``file_key`` (an encrypted project) the photo is gathered in memory and stored sealed
    (core/files.py): no plaintext copy ever reaches the disk."""

    def __init__(self, dest: Path, sha: str, file_key: bytes | None = None):
        self._sha, self._hash = sha, hashlib.sha256()
        private_dir(dest.parent.parent)  # the media folders are owner-only (core/platform.py)
        private_dir(dest.parent)
        self._writer = None if dest.exists() or file_key is not None else atomic_writer(dest)
        self._sealed = (dest, file_key, bytearray()) if file_key is not None and not dest.exists() else None
        self._file = None

    def __enter__(self) -> _MediaWriter:
        if self._writer is not None:
            self._file = self._writer.__enter__()
        return self

    def write(self, data: bytes | memoryview) -> None:
        self._hash.update(data)
        if self._file is not None:
            self._file.write(data)
        if self._sealed is not None:
            self._sealed[2].extend(data)

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if exc_type is None and self._hash.hexdigest() != self._sha:
            mismatch = ValidationError(f"同步包中的照片 {self._sha[:12]}… 内容与其哈希不符")
            if self._writer is not None:
                self._writer.__exit__(ValidationError, mismatch, None)  # deletes the temp file
            raise mismatch
        if self._writer is not None:
            self._writer.__exit__(exc_type, exc, tb)  # renames on success, deletes the temp file otherwise
        if self._sealed is not None and exc_type is None:
            dest, key, data = self._sealed
            write_private(dest, bytes(data), key)


def _apply(db: Database, p: _Prepared) -> ImportReport:
    """Replay check, then the whole bundle in one write transaction."""
    device, seq = p.header["device"], int(p.header["seq"])
    report = ImportReport(device, seq, events_to=int(p.header.get("events_to", 0)), checkpoint=p.checkpoint)
    t = ImportedBundle.__table__
    here = local_device_code(db)
    with db.begin_write() as conn:  # BEGIN IMMEDIATE: the whole bundle or nothing
        _refuse_revoked(conn, device)
        done = conn.execute(select(t.c.body_sha256).where(t.c.device == device, t.c.kind == "field",
                                                          t.c.seq == seq)).scalar()
        if done is not None:
            if done != p.body_hash:
                raise ValidationError(f"设备 {device} 的第 {seq} 号同步包已导入过，但这份文件内容不同，拒绝导入")
            report.already_imported = True  # nothing changes; the receipt can still acknowledge it all
            report.applied = [(r.table, r.id, r.rev) for r in p.records]
            return report
        since = ledger.high_water(conn)
        last = conn.execute(select(func.max(t.c.seq)).where(t.c.device == device, t.c.kind == "field")).scalar() or 0
        report.missing_seqs = list(range(last + 1, min(seq, last + 1 + MAX_LISTED_GAP)))
        check_field_bundle(conn, device, p.records)  # a signature says who sent it, not what it may write
        applied = apply_records(conn, p.records, source_device=device, bundle_seq=seq, row_hashes=p.row_hashes,
                                continuation=True)
        report.inserted, report.updated = applied.inserted, applied.updated
        report.unchanged, report.conflicts = applied.unchanged, applied.conflicts
        report.applied, report.held = applied.applied, applied.held
        report.audit_warnings = _store_events(conn, device, p.events, p.checkpoint, p.links, late=seq < last)
        if p.checkpoint is not None:
            checkpoints.store(conn, p.checkpoint, "bundle", seq)
        changed = {(tbl, rid) for tbl, rid, _ in applied.applied if tbl in ("calculations", "agreements")}
        diffs = recheck(conn, [rid for tbl, rid in changed if tbl == "calculations"],
                        [rid for tbl, rid in changed if tbl == "agreements"], device=device, bundle_seq=seq)
        report.recheck_differences = [d.message for d in diffs]
        conn.execute(t.insert().values(
            device=device, kind="field", seq=seq, body_sha256=p.body_hash, imported_at=utcnow(),
            records=report.records, conflicts=report.conflicts,
            summary=json.dumps({"missing": report.missing_seqs, "recheck": len(diffs),
                                "audit_warnings": report.audit_warnings, "events_to": report.events_to,
                                "checkpoint": p.checkpoint and [p.checkpoint["seq"], p.checkpoint["hash"]]},
                               ensure_ascii=False)))
        # the bundle's row, its checkpoint and any issue it opened enter HQ's own audit chain
        ledger.record_new_rows(conn, since, user="system", device=here)
    return report


def import_field_bundle(db: Database, actor: Actor, pair: keys.KeyPair, path: Path, *,
                        progress: Callable[[int, int, str], None] | None = None) -> ImportReport:
    """Verify and apply one field bundle (HQ admin). Raises BundleError/ValidationError, importing nothing."""
    actor.require(Permission.IMPORT_BUNDLES)
    db.check_sound()  # never take a bundle (and later send its receipt) into a damaged database
    prepared = _prepare(media_root(db), pair, Path(path), project_code(db), device_signing_keys(db),
                        file_key=db.file_key)
    if progress:
        progress(1, 2, "校验完成，写入数据库")
    report = _apply(db, prepared)
    if progress:
        progress(2, 2, "导入完成")
    return report


def _store_events(conn, device: str, events: list[dict], checkpoint: dict | None,  # noqa: ANN001
                  links: list[bool] | None = None, *, late: bool = False) -> list[str]:
    """Keep the device's audit events; check they continue the chain already held for it.

    With a signed checkpoint (every bundle since checkpoints exist) a break is no warning: the bundle
    is refused, since the device's history no longer extends what HQ holds (rewritten, or rolled
    back), and the chain held must then end exactly at the checkpoint. A device that has sent a
    checkpoint once can't drop it (a bundle written without one to dodge the check is refused).
    ``late``: the bundle is older than one already imported from the device (two sticks, read in the other
    order). Its checkpoint may then be behind what HQ holds, as long as it is on the chain HQ holds and the
    bundle adds no event: it is a part of that chain, not a rewrite. A newer bundle behind HQ is a rollback."""
    t = RemoteAuditEvent.__table__
    if checkpoint is None and checkpoints.any_held(conn, device, "bundle"):
        raise ValidationError(f"设备 {device} 的同步包缺少审计检查点（该设备以前的同步包都带有），"
                              "可能被改动或伪造，未导入任何数据")
    last = conn.execute(select(t.c.seq, t.c.hash).where(t.c.device == device).order_by(t.c.seq.desc())
                        .limit(1)).first()
    last_seq, prev = (last.seq, last.hash) if last else (0, audit_chain.GENESIS)
    strict = checkpoint is not None
    resent = [e["seq"] for e in events if e["seq"] <= last_seq]
    held = dict(conn.execute(select(t.c.seq, t.c.hash).where(t.c.device == device, t.c.seq >= min(resent))
                             ).all()) if strict and resent else {}
    warnings: list[str] = []
    rows = []
    before = None  # the hash of the bundle's event before this one
    for n, e in enumerate(events):
        row = _EVENT_ROW(e)
        seq, hash_ = row[0], row[8]
        if seq <= last_seq:
            if strict and held.get(seq, hash_) != hash_:
                raise _rewritten(device, seq)
            before = hash_
            continue  # sent again because our receipt hadn't reached the device yet
        if seq != last_seq + 1:
            if strict:
                raise _rewritten(device, last_seq + 1)
            warnings.append(f"设备 {device} 的审计事件 #{last_seq + 1}–#{seq - 1} 缺失")
            prev = None
        if not prev:
            linked = True
        elif links is not None and n and prev == before:
            linked = links[n]  # hashed ahead from the same previous hash (checkpoints.event_links)
        else:
            linked = audit_chain.event_hash(prev, seq, e["at"], e["user"], e["device"], e["action"], e["entity"],
                                            e["entity_id"], e["changes"], e["row_hash"]) == hash_
        if not linked:
            if strict:
                raise _rewritten(device, seq)
            warnings.append(f"设备 {device} 的审计事件 #{seq} 与其哈希链不符（设备上的记录可能被改动）")
        rows.append((device, *row))
        last_seq, prev = seq, hash_
        before = hash_
    if strict and (last_seq, prev) != (checkpoint["seq"], checkpoint["hash"]) and not (
            late and not rows and conn.execute(select(t.c.hash).where(
                t.c.device == device, t.c.seq == checkpoint["seq"])).scalar() == checkpoint["hash"]):
        raise ValidationError(f"设备 {device} 的审计检查点（第 {checkpoint['seq']} 号事件）与指挥部已保存的审计记录"
                              f"（至第 {last_seq} 号事件）接不上：设备上的历史可能被改写或回退，同步包被拒收，"
                              "未导入任何数据；请核查该设备")
    if rows:
        cols = 'device, seq, at, "user", action, entity, entity_id, changes, row_hash, hash, event_device'  # PG: a keyword
        conn.exec_driver_sql(f"INSERT INTO remote_audit_events ({cols}) VALUES ({', '.join('?' * 11)})", rows)
    if warnings:
        conn.execute(SyncIssue.__table__.insert(), [
            dict(kind="audit", entity="audit_events", entity_id="", device=device, message=w, status="open",
                 created_at=utcnow(), local_json="", incoming_json="") for w in warnings])
    return warnings


def _refuse_revoked(conn, device: str) -> None:  # noqa: ANN001
    """A device HQ revoked sends nothing more: every bundle of it is refused, whatever its date."""
    from survey_app.core.domain.china_time import china_day

    d = Device.__table__
    row = conn.execute(select(d.c.status, d.c.revoked_at).where(d.c.code == device)).first()
    if row is not None and row.status == REVOKED:
        raise ValidationError(f"设备 {device} 已于 {china_day(row.revoked_at)} 被指挥部吊销，"
                              "不再接受它的同步包，未导入任何数据")


def _rewritten(device: str, seq: int) -> ValidationError:
    return ValidationError(f"设备 {device} 的审计记录与指挥部已保存的不一致（自第 {seq} 号审计事件起被改写），"
                           "同步包被拒收，未导入任何数据；请核查该设备")
