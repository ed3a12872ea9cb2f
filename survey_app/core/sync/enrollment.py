"""Enrolling a field device with HQ, by files.

1. The device makes its key pair (a real project: sealed under its key vault, core/sync/identity.py;
   legacy/demo: under a password) and writes an enrollment request:
   its name and public keys, with their fingerprint (to compare by phone when in doubt).
2. HQ accepts it: gives the device a code (D01, D02 …), records its public keys, and writes an
   enrollment file — a bundle encrypted to the device and signed by HQ — carrying HQ's public
   keys, the project, its published policy versions, the project's devices and field accounts.
3. The device imports it: it pins HQ's keys (the file is checked against the keys it carries, and
   the fingerprint is shown to the person carrying it), takes its code, and loads the project.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import func, select

from survey_app.core.domain.errors import ValidationError
from survey_app.core.domain.roles import Permission, Role
from survey_app.core.domain.written import WrittenTuple, applied_changes
from survey_app.core.files import atomic_write_bytes
from survey_app.core.security.keys import public_key_text
from survey_app.core.storage.database import Database
from survey_app.core.storage.device_code import SETTING as DEVICE_CODE
from survey_app.core.storage.device_code import local_device_code
from survey_app.core.storage.models import Device, Project
from survey_app.core.storage.types import utcnow
from survey_app.core.storage.uow import Actor
from survey_app.core.sync import bundle, identity, keys
from survey_app.core.sync.assignments import apply_from_hq, roster_records
from survey_app.core.sync.export import project_code
from survey_app.core.sync.peers import HQ_CODE
from survey_app.core.sync.records import read_lines, write_lines
from survey_app.core.sync.signing_key import device_signing_key

REQUEST_FORMAT = "survey_app.enroll_request.v1"


@dataclass(frozen=True)
class Request:
    name: str
    public: keys.PublicKeys
    created_at: str
    qr_signing: str = ""  # the device's agreement-QR public key (security/keys.py), for HQ to record

    @property
    def fingerprint(self) -> str:
        return self.public.fingerprint


def make_request(db: Database, password: str | None, device_name: str, out: Path) -> Request:
    """Device: create the key pair (once) and write the enrollment request file. ``password``: the key
    password of a legacy/demo database; a real project's identity comes with the login (None)."""
    pair = identity.unlock(db, password) if identity.has_keys(db) else identity.create(db, password)
    qr_key = public_key_text(device_signing_key(db, local_device_code(db)).public_key())
    req = Request(device_name.strip() or "未命名设备", pair.public(), dt.datetime.now(dt.UTC).isoformat(),
                  qr_key)
    atomic_write_bytes(Path(out), json.dumps({
        "format": REQUEST_FORMAT, "name": req.name, "signing": req.public.signing_b64,
        "encryption": req.public.encryption_b64, "fingerprint": req.fingerprint, "created_at": req.created_at,
        "qr_signing": req.qr_signing,
    }, ensure_ascii=False, indent=1).encode())
    return req


def read_request(path: Path) -> Request:
    try:
        d = json.loads(Path(path).read_text(encoding="utf-8-sig"))
        if d.get("format") != REQUEST_FORMAT:
            raise ValueError
        return Request(d["name"], keys.load_public(d["signing"], d["encryption"]), d["created_at"],
                       d.get("qr_signing", ""))
    except (ValueError, KeyError, OSError):
        raise ValidationError("不是有效的设备登记申请文件") from None


HQ_DEVICE_CODE = "HQ"


def init_hq(db: Database, password: str | None = None) -> keys.PublicKeys:
    """HQ: make HQ's own key pair (once); this machine becomes device "HQ". A real project (key vault):
    the pair is the device identity sealed under the vault (``password`` unused); legacy/demo: sealed
    under ``password``."""
    if password is None and identity.needs_password(db):
        raise ValidationError("请设置同步密钥密码")
    pair = identity.create(db, password or "", role="hq")
    old = local_device_code(db)
    actor = Actor(username="system", role=Role.HQ_ADMIN, device=HQ_DEVICE_CODE)
    with db.uow(actor) as uow:
        device = uow.session.scalar(select(Device).where(Device.code == old))
        if device is None:
            device = Device(code=HQ_DEVICE_CODE, name="指挥部")
            uow.session.add(device)
        device.code, device.kind, device.name = HQ_DEVICE_CODE, "hq", "指挥部"
        device.sync_signing_key = pair.public().signing_b64
        device.encryption_public_key = pair.public().encryption_b64
        uow.commit()
    db.set_setting(DEVICE_CODE, HQ_DEVICE_CODE)
    return pair.public()


def accept_request(db: Database, actor: Actor, pair: keys.KeyPair, request_path: Path, out_dir: Path, *,
                   code: str | None = None) -> WrittenTuple:
    """HQ: register the device and write its enrollment file. Returns (device code, file), with the
    registration's ChangeSet on ``.changes``."""
    actor.require(Permission.MANAGE_USERS)
    req = read_request(request_path)
    with db.uow(actor) as uow:
        s = uow.session
        if s.scalar(select(Device.id).where(Device.sync_signing_key == req.public.signing_b64)):
            raise ValidationError("该设备已经登记过")
        if code is None:
            n = s.scalar(select(func.count()).select_from(Device).where(Device.kind == "field")) or 0
            code = f"D{n + 1:02d}"
            while s.scalar(select(Device.id).where(Device.code == code)):
                n += 1
                code = f"D{n + 1:02d}"
        elif s.scalar(select(Device.id).where(Device.code == code)):
            raise ValidationError(f"设备代码 {code} 已被使用")
        s.add(Device(code=code, name=req.name, kind="field", encryption_public_key=req.public.encryption_b64,
                     sync_signing_key=req.public.signing_b64, signing_public_key=req.qr_signing,
                     enrolled_at=utcnow()))
        changes = uow.commit()
    project = project_code(db)
    hq = pair.public()
    records = roster_records(db, [])  # project, policies, devices; accounts and households come by assignment
    header = {"kind": "enroll_response", "project": project, "device": local_device_code(db), "seq": 1,
              "prev_seq": 0, "counts": {"records": len(records)}, "assigned_code": code,
              "hq_signing": hq.signing_b64, "hq_encryption": hq.encryption_b64}
    path = Path(out_dir) / f"{project}_{code}_enrollment.saenroll"
    bundle.write_bundle(path, header, [("records.jsonl", write_lines(records))], recipient=req.public, sender=pair)
    return WrittenTuple((code, path), changes)


def import_response(db: Database, password: str | None, path: Path) -> WrittenTuple:
    """Device: take the enrollment file. Returns (our device code, HQ fingerprint to compare), with what it
    wrote (the project, policies and devices HQ sent) on ``.changes``."""
    pair = identity.unlock(db, password)
    header = bundle.read_header(Path(path))
    if header.get("kind") != "enroll_response":
        raise ValidationError("不是设备登记回复文件")
    hq = keys.load_public(header["hq_signing"], header["hq_encryption"])
    # Trust on first use: the file must be signed by the keys it announces, and the person carrying
    # it can compare HQ's fingerprint (returned, shown by the UI/CLI) with the one HQ gives them.
    hq_key = Ed25519PublicKey.from_public_bytes(base64.b64decode(hq.signing_b64))
    opened = bundle.open_bundle(Path(path), recipient=pair, kind="enroll_response", in_memory=True,
                                sender_key=lambda c: hq_key if c == header["device"] else None)
    with db.read() as s:
        existing = s.scalar(select(Project.code).where(Project.deleted_at.is_(None)).limit(1))
    if existing and existing != header["project"]:
        raise ValidationError(f"本机数据库已属于项目 {existing}，不能登记到项目 {header['project']}")
    records = list(read_lines(opened.read("records.jsonl")))  # accounts: never a plaintext temp file
    identity.pin_hq(db, hq)
    db.set_setting(HQ_CODE, header["device"])
    db.set_setting(DEVICE_CODE, header["assigned_code"])
    report = apply_from_hq(db, records, bundle_seq=0)
    return WrittenTuple((header["assigned_code"], hq.fingerprint), applied_changes(report.applied))


def is_hq(db: Database) -> bool:
    return db.setting(identity.ROLE) == "hq"

