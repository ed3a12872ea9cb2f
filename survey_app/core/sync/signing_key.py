"""This device's Ed25519 signing key (agreement QR codes).

A real project (with a key vault): the key is the Ed25519 half of the device's single identity, the
sync key pair sealed under the vault (sync/identity.py) — unlocked by the login, never in clear.
Legacy / demo only (no vault): a separate key made on first use and kept in clear in this machine's
local settings (``device_signing_key``).

Either way its public half goes on the device's record (``signing_public_key``), which travels to HQ
and on to every laptop so any of them can verify any printed agreement offline (security/keys.py).
"""

from __future__ import annotations

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import select

from survey_app.core.domain.roles import Role
from survey_app.core.security.keys import public_key_text
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Device
from survey_app.core.storage.uow import Actor

SETTING = "device_signing_key"


def device_signing_key(db: Database, device_code: str) -> Ed25519PrivateKey:
    """This device's private key, created (and its public key recorded) on first use."""
    from survey_app.core.sync import identity  # the vault's session: imported when a key is needed

    pair = identity.session_identity(db)
    if pair is not None:
        _record_public(db, device_code, pair.signing.public_key())
        return pair.signing
    pem = db.setting(SETTING)  # legacy/demo only: the key in clear
    if pem:
        key = serialization.load_pem_private_key(pem.encode(), password=None)
        assert isinstance(key, Ed25519PrivateKey)
        return key
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption()).decode()
    _record_public(db, device_code, key.public_key())
    db.set_setting(SETTING, pem)
    return key


def _record_public(db: Database, device_code: str, public: Ed25519PublicKey) -> None:
    """Put ``public`` on this device's record (once; the record is created if missing)."""
    text = public_key_text(public)
    with db.read() as s:
        if s.scalar(select(Device.signing_public_key).where(Device.code == device_code)) == text:
            return
    actor = Actor(username="system", role=Role.HQ_ADMIN, device=device_code)
    with db.uow(actor) as uow:
        device = uow.session.scalar(select(Device).where(Device.code == device_code))
        if device is None:
            device = Device(code=device_code, name=f"设备 {device_code}")
            uow.session.add(device)
        device.signing_public_key = text
        uow.commit()
