"""This machine's sync identity: its key pair (sealed under a password), its device code, and the
HQ public keys it trusts. Kept in local settings: they never travel in a bundle."""

from __future__ import annotations

import base64
import json

from survey_app.core.domain.errors import ValidationError
from survey_app.core.storage.database import Database
from survey_app.core.sync import keys

SEALED = "sync.keypair"
HQ_KEYS = "sync.hq_public"
ROLE = "sync.role"  # "field" | "hq"


def create(db: Database, password: str, *, role: str = "field") -> keys.KeyPair:
    """Make this machine's key pair (once) and keep it sealed under ``password``."""
    if db.setting(SEALED):
        raise ValidationError("本机已有同步密钥，不能重复生成")
    pair = keys.generate()
    db.set_setting(SEALED, base64.b64encode(keys.seal(pair, password)).decode())
    db.set_setting(ROLE, role)
    return pair


def unlock(db: Database, password: str) -> keys.KeyPair:
    sealed = db.setting(SEALED)
    if not sealed:
        raise ValidationError("本机尚未生成同步密钥（请先登记设备）")
    return keys.unseal(base64.b64decode(sealed), password)


def has_keys(db: Database) -> bool:
    return bool(db.setting(SEALED))


def pin_hq(db: Database, public: keys.PublicKeys) -> None:
    db.set_setting(HQ_KEYS, json.dumps({"signing": public.signing_b64, "encryption": public.encryption_b64}))


def hq_public(db: Database) -> keys.PublicKeys:
    text = db.setting(HQ_KEYS)
    if not text:
        raise ValidationError("本机尚未登记到指挥部（没有指挥部公钥）")
    d = json.loads(text)
    return keys.PublicKeys(d["signing"], d["encryption"])
