"""This machine's sync identity: its key pair, its device code, and the HQ public keys it trusts. Kept in
local settings: they never travel in a bundle.

**A real project (with a key vault, core/security/vault.py)** has ONE Ed25519 identity per device: the
sync ``KeyPair``, sealed under the vault's ``identity_key`` (ChaCha20-Poly1305; the public keys in clear
beside it, bound as associated data) in the setting ``IDENTITY``. It is made on first use and unlocked by
the login itself, so no second password is asked: ``unlock``'s password is then ignored. Agreement QR
codes are signed with its Ed25519 half (security/keys.py), so ``devices.signing_public_key`` is the
device's sync signing key.

**Legacy / demo only (no vault):** the key pair is sealed under the device password (``sync/keys.py``
``seal``) in the setting ``SEALED``, and the QR key is a separate one in clear (security/keys.py).
"""

from __future__ import annotations

import base64
import binascii
import json
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from survey_app.core.domain.errors import ValidationError
from survey_app.core.security import vault
from survey_app.core.storage.database import Database
from survey_app.core.sync import keys

SEALED = "sync.keypair"  # legacy/demo: sealed under the device password
IDENTITY = "sync.identity"  # real project: sealed under the vault's identity key
HQ_KEYS = "sync.hq_public"
ROLE = "sync.role"  # "field" | "hq"
_FORMAT = "survey_app.vault_identity"
NOT_UNLOCKED = "项目已加密：请先登录（登录即解开本机密钥）"
BAD_IDENTITY = "本机密钥已损坏或不属于这个项目的密钥库"


def _seal_with_key(pair: keys.KeyPair, key: bytes) -> str:
    nonce, public = os.urandom(12), pair.public()
    head = {"format": _FORMAT, "version": 1, "signing": public.signing_b64, "encryption": public.encryption_b64}
    secret = keys._raw_private(pair.signing) + keys._raw_private(pair.encryption)
    sealed = ChaCha20Poly1305(key).encrypt(nonce, secret, keys._canonical(head))
    return json.dumps({**head, "nonce": keys._b64(nonce), "ciphertext": keys._b64(sealed)}, sort_keys=True)


def _parse(text: str) -> dict:
    try:
        d = json.loads(text)
        if d["format"] != _FORMAT or d["version"] != 1:
            raise ValueError
        keys.load_public(d["signing"], d["encryption"])
        return d
    except (ValueError, KeyError, TypeError, ValidationError):
        raise ValidationError(BAD_IDENTITY) from None


def _unseal_with_key(text: str, key: bytes) -> keys.KeyPair:
    d = _parse(text)
    head = {k: d[k] for k in ("format", "version", "signing", "encryption")}
    try:
        secret = ChaCha20Poly1305(key).decrypt(base64.b64decode(d["nonce"], validate=True),
                                               base64.b64decode(d["ciphertext"], validate=True),
                                               keys._canonical(head))
    except (InvalidTag, binascii.Error, ValueError, KeyError, TypeError):
        raise ValidationError(BAD_IDENTITY) from None
    if len(secret) != 64:
        raise ValidationError(BAD_IDENTITY)
    pair = keys.KeyPair(Ed25519PrivateKey.from_private_bytes(secret[:32]),
                        X25519PrivateKey.from_private_bytes(secret[32:]))
    if (pair.public().signing_b64, pair.public().encryption_b64) != (d["signing"], d["encryption"]):
        raise ValidationError(BAD_IDENTITY)
    return pair


def session_identity(db: Database) -> keys.KeyPair | None:
    """A real project's single device identity, unlocked by the login (made on first use); None for a
    database opened without a vault (legacy/demo). A vaulted database not unlocked: ``ValidationError``."""
    unlocked = vault.session_of(db)
    if unlocked is None:
        if vault.exists(db.path):
            raise ValidationError(NOT_UNLOCKED)
        return None
    text = db.setting(IDENTITY)
    if text:
        return _unseal_with_key(text, unlocked.identity_key)
    pair = keys.generate()
    db.set_setting(IDENTITY, _seal_with_key(pair, unlocked.identity_key))
    return pair


def create(db: Database, password: str, *, role: str = "field") -> keys.KeyPair:
    """Make this machine's key pair (once). Legacy/demo: sealed under ``password``. A real project: the
    vault identity (``password`` unused) now takes on ``role``."""
    pair = session_identity(db)
    if pair is not None:
        if db.setting(ROLE):
            raise ValidationError("本机已有同步密钥，不能重复生成")
        db.set_setting(ROLE, role)
        return pair
    if db.setting(SEALED):
        raise ValidationError("本机已有同步密钥，不能重复生成")
    pair = keys.generate()
    db.set_setting(SEALED, base64.b64encode(keys.seal(pair, password)).decode())
    db.set_setting(ROLE, role)
    return pair


def unlock(db: Database, password: str | None = None) -> keys.KeyPair:
    """This machine's key pair: from the login's vault (password ignored), or legacy/demo: unsealed
    with the device password."""
    pair = session_identity(db)
    if pair is not None:
        return pair
    sealed = db.setting(SEALED)
    if not sealed:
        raise ValidationError("本机尚未生成同步密钥（请先登记设备）")
    return keys.unseal(base64.b64decode(sealed), password or "")


def needs_password(db: Database) -> bool:
    """Whether sync actions must ask for the device (key) password: only without a vault."""
    return not vault.is_vaulted(db)


def has_keys(db: Database) -> bool:
    if vault.is_vaulted(db):
        return bool(db.setting(IDENTITY)) and bool(db.setting(ROLE))
    return bool(db.setting(SEALED))


def own_public(db: Database) -> keys.PublicKeys | None:
    """This machine's sync public keys without unlocking anything (None before they were made)."""
    text = db.setting(IDENTITY)
    if text:
        d = _parse(text)
        return keys.PublicKeys(d["signing"], d["encryption"])
    sealed = db.setting(SEALED)
    return keys.sealed_public(base64.b64decode(sealed)) if sealed else None


def pin_hq(db: Database, public: keys.PublicKeys) -> None:
    db.set_setting(HQ_KEYS, json.dumps({"signing": public.signing_b64, "encryption": public.encryption_b64}))


def hq_public(db: Database) -> keys.PublicKeys:
    text = db.setting(HQ_KEYS)
    if not text:
        raise ValidationError("本机尚未登记到指挥部（没有指挥部公钥）")
    d = json.loads(text)
    return keys.PublicKeys(d["signing"], d["encryption"])
