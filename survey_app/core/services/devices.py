"""This installation's device identity (code printed in agreement numbers, stamped on every record)."""

from __future__ import annotations

import secrets

from sqlalchemy import select

from survey_app.core.domain.roles import Role
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Device
from survey_app.core.storage.uow import Actor

SETTING = "device_code"


def local_device_code(db: Database) -> str:
    """The code of this device, or "" before the first start created it."""
    return db.setting(SETTING)


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
