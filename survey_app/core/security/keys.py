"""This device's Ed25519 signing key, and the project's device public keys.

The private key is made on first use and kept in this machine's local settings (never synced);
its public half goes on the device's record, which travels to HQ and on to every laptop so any
of them can verify any printed agreement offline. (Encrypting the private key under a password
and enrolling with HQ come with the sync capability, issue 6.)
"""

from __future__ import annotations

import base64

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import select

from survey_app.core.domain.roles import Role
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Device
from survey_app.core.storage.uow import Actor

SETTING = "device_signing_key"


def public_key_text(key: Ed25519PublicKey) -> str:
    """Raw 32-byte public key, base64 (what the devices table and key files hold)."""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode()


def load_public_key(text: str) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(base64.b64decode(text))


def device_signing_key(db: Database, device_code: str) -> Ed25519PrivateKey:
    """This device's private key, created (and its public key recorded) on first use."""
    pem = db.setting(SETTING)
    if pem:
        key = serialization.load_pem_private_key(pem.encode(), password=None)
        assert isinstance(key, Ed25519PrivateKey)
        return key
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption()).decode()
    actor = Actor(username="system", role=Role.HQ_ADMIN, device=device_code)
    with db.uow(actor) as uow:
        device = uow.session.scalar(select(Device).where(Device.code == device_code))
        if device is None:
            device = Device(code=device_code, name=f"设备 {device_code}")
            uow.session.add(device)
        device.signing_public_key = public_key_text(key.public_key())
        uow.commit()
    db.set_setting(SETTING, pem)
    return key


def project_public_keys(db: Database) -> dict[str, Ed25519PublicKey]:
    """device code → public key, for every device of the project known to this database."""
    with db.read() as s:
        rows = s.execute(select(Device.code, Device.signing_public_key).where(
            Device.deleted_at.is_(None), Device.signing_public_key != "")).all()
    return {code: load_public_key(text) for code, text in rows}


def export_public_keys(db: Database) -> str:
    """A small text file anyone can use to verify printed agreements offline: one "CODE KEY" per line."""
    with db.read() as s:
        rows = s.execute(select(Device.code, Device.signing_public_key).where(
            Device.deleted_at.is_(None), Device.signing_public_key != "").order_by(Device.code)).all()
    return "".join(f"{code} {key}\n" for code, key in rows)


def parse_public_keys(text: str) -> dict[str, Ed25519PublicKey]:
    out = {}
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            code, key = line.split()
            out[code] = load_public_key(key)
    return out
