"""Public keys of the other side: HQ's (pinned on a device) and each device's (on HQ's device records)."""

from __future__ import annotations

import base64

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select

from survey_app.core.domain.errors import ValidationError
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Device
from survey_app.core.sync import identity, keys


def device_public(db: Database, code: str) -> keys.PublicKeys:
    """A device's sync public keys as HQ recorded them at enrollment."""
    with db.read() as s:
        row = s.execute(select(Device.sync_signing_key, Device.encryption_public_key).where(
            Device.code == code, Device.deleted_at.is_(None))).first()
    if row is None or not row[0] or not row[1]:
        raise ValidationError(f"设备 {code} 未登记（没有同步公钥）")
    return keys.load_public(row[0], row[1])


def hq_signing_key(db: Database):  # noqa: ANN201 - a lookup for bundle.open_bundle
    """sender_key lookup accepting only this device's pinned HQ."""
    hq = identity.hq_public(db)
    key = Ed25519PublicKey.from_public_bytes(base64.b64decode(hq.signing_b64))
    hq_code = db.setting(HQ_CODE)

    def lookup(code: str) -> Ed25519PublicKey | None:
        return key if code == hq_code else None
    return lookup


HQ_CODE = "sync.hq_code"
