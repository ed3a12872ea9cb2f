"""The project's device public keys (agreement QR codes): their text form, key files, the devices table.

This device's own private signing key is sync/signing_key.py's (it is the device's sync identity).
"""

from __future__ import annotations

import base64

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select

from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Device


def public_key_text(key: Ed25519PublicKey) -> str:
    """Raw 32-byte public key, base64 (what the devices table and key files hold)."""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode()


def load_public_key(text: str) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(base64.b64decode(text))


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
