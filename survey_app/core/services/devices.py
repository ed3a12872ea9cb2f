"""This installation's device identity (code printed in agreement numbers, stamped on every record), and
HQ's list of devices with their revocation (issue 10 item 3: import and ``verify`` read it)."""

from __future__ import annotations

import base64
import datetime as dt
import secrets
from dataclasses import dataclass

from sqlalchemy import select

from survey_app.core.domain.china_time import china_day
from survey_app.core.domain.roles import Permission, Role
from survey_app.core.domain.written import Written, done
from survey_app.core.storage.database import Database

# The stored code and the revoked status live in storage (sync reads them too); re-exported here.
from survey_app.core.storage.device_code import REVOKED, SETTING, local_device_code
from survey_app.core.storage.models import Device
from survey_app.core.storage.types import utcnow
from survey_app.core.storage.uow import Actor


def ensure_local_device(db: Database, *, default_code: str | None = None, name: str = "", kind: str = "field") -> str:
    """Create this device's record on first start; return its code.

    Keys for signing and enrollment with HQ come with the sync capability (issue 6).
    """
    code = db.setting(SETTING)
    if code:
        return code
    code = default_code or "D" + secrets.token_hex(2).upper()
    actor = Actor(username="system", role=Role.HQ_ADMIN, device=code)
    with db.uow(actor) as uow:
        if uow.session.scalar(select(Device.id).where(Device.code == code)) is None:
            uow.session.add(Device(code=code, name=name or f"设备 {code}", kind=kind))
        uow.commit()
    db.set_setting(SETTING, code)
    return code


# --- revocation (HQ) --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class DeviceInfo(Written):
    """One row of HQ's device list: what people compare (the key fingerprint) and its state."""

    code: str
    name: str
    kind: str
    fingerprint: str  # 16 hex digits of the sync keys ("" before enrolment)
    enrolled_at: dt.datetime | None
    revoked_at: dt.datetime | None
    revoked_reason: str

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None


def device_fingerprint(signing_b64: str, encryption_b64: str) -> str:
    """The fingerprint enrolment showed for these keys (sync/keys.py), or "" when they are not known."""
    from survey_app.core.sync.keys import fingerprint_of

    if not signing_b64 or not encryption_b64:
        return ""
    try:
        return fingerprint_of(base64.b64decode(signing_b64), base64.b64decode(encryption_b64))
    except ValueError:
        return ""


def list_devices(db: Database) -> list[DeviceInfo]:
    """Every device of the project known here (tombstoned ones left out), by code."""
    with db.read() as s:
        rows = s.scalars(select(Device).where(Device.deleted_at.is_(None)).order_by(Device.code)).all()
        return [DeviceInfo(d.code, d.name, d.kind, device_fingerprint(d.sync_signing_key, d.encryption_public_key),
                           d.enrolled_at, d.revoked_at if d.status == REVOKED else None, d.revoked_reason or "")
                for d in rows]


def revocations(db: Database) -> dict[str, dt.datetime]:
    """device code → when HQ revoked it (a laptop learns it from HQ's assignments)."""
    with db.read() as s:
        return dict(s.execute(select(Device.code, Device.revoked_at).where(
            Device.status == REVOKED, Device.revoked_at.is_not(None))).all())


def revoke(db: Database, actor: Actor, code: str, reason: str) -> DeviceInfo:
    """HQ admin: revoke a field device (lost, stolen, retired). From then on HQ refuses its bundles and
    ``verify`` calls invalid what it signed after this moment. Written through the unit of work: audited,
    and sent to every laptop with the devices in its next assignment."""
    from survey_app.core.domain.errors import NotFound, PermissionDenied, ValidationError
    from survey_app.core.sync.identity import ROLE

    actor.require(Permission.MANAGE_USERS)
    if actor.role != Role.HQ_ADMIN or db.setting(ROLE) != "hq":
        raise PermissionDenied("只有指挥部管理员可以在指挥部吊销设备")
    code, reason = (code or "").strip().upper(), (reason or "").strip()
    if not reason:
        raise ValidationError("请填写吊销原因（如：笔记本丢失）")
    if len(reason) > 200:
        raise ValidationError("吊销原因太长（最多 200 字）")
    with db.uow(actor) as uow:
        device = uow.session.scalar(select(Device).where(Device.code == code, Device.deleted_at.is_(None)))
        if device is None:
            raise NotFound(f"没有代码为 {code} 的设备")
        if device.kind == "hq" or code == local_device_code(db):
            raise ValidationError("不能吊销指挥部自己的设备")
        if device.status == REVOKED:
            raise ValidationError(f"设备 {code} 已于 {china_day(device.revoked_at)} 吊销")
        device.status, device.revoked_at, device.revoked_reason = REVOKED, utcnow(), reason
        changes = uow.commit()
    return done(next(d for d in list_devices(db) if d.code == code), changes)  # .changes: the revocation


def grouped(fp: str) -> str:
    """``2b9b931db51b0728`` → ``2B9B 931D B51B 0728``: four groups of four, to read aloud and compare."""
    fp = fp.upper()
    return " ".join(fp[i:i + 4] for i in range(0, len(fp), 4))
