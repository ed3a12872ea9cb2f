"""Device and HQ key pairs for sync bundles, and their password-sealed storage.

Every device (field laptop) and HQ holds one ``KeyPair``:

* an **Ed25519** key that signs what it sends (bundles, receipts, assignments), and
* an **X25519** key that others encrypt bundles *to* (ephemeral-static key agreement, see ``stream.py``).

The public halves travel as ``PublicKeys`` (raw 32-byte keys in base64) and are named by a short
``fingerprint`` that people can compare by eye or over the phone during enrolment.

Private keys never touch the disk unencrypted (DESIGN.md §7): ``seal`` wraps them under a password
(scrypt → ChaCha20-Poly1305) in a small versioned JSON envelope; ``unseal`` opens it. The envelope also
carries the public keys in clear, bound into the AEAD's associated data, so the fingerprint can be shown
before the password is typed and any edit of the envelope makes unsealing fail.

Thread-safety: everything here is pure (no shared state); keys are immutable objects.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from survey_app.core import kdf as kdf_
from survey_app.core.domain.errors import ValidationError

MIN_PASSWORD_LENGTH = 8
SEALED_FORMAT = "survey_app.sealed_keys"
SEALED_VERSION = 1
# scrypt cost: 32 MiB of memory and ~0.1 s on a field laptop. Slow enough to make guessing a stolen
# key file's password expensive, fast enough that unlocking at start-up is not noticed.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
# What ``unseal`` accepts from a file: a tampered envelope must not make us burn gigabytes of memory.
_FINGERPRINT_CONTEXT = b"survey_app public keys v1\x00"

WRONG_PASSWORD = "密码错误，无法解开设备密钥"
SHORT_PASSWORD = f"密码至少需要 {MIN_PASSWORD_LENGTH} 个字符"
BAD_KEY_FILE = "设备密钥文件已损坏或格式不对"
BAD_PUBLIC_KEY = "公钥格式错误（应为 32 字节的 base64 文本）"


def _raw_public(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _raw_private(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                             serialization.NoEncryption())


def fingerprint_of(signing_raw: bytes, encryption_raw: bytes) -> str:
    """First 8 bytes of sha256 over both raw public keys, as 16 hex digits.

    64 bits is plenty to tell keys apart and to catch a wrong key file; it is not meant to resist a
    2^64-work attacker forging a look-alike key (compare full keys for that).
    """
    digest = hashlib.sha256(_FINGERPRINT_CONTEXT + signing_raw + encryption_raw).digest()
    return digest[:8].hex()


@dataclass(frozen=True)
class PublicKeys:
    """The public half of a ``KeyPair``: what a device record or a key file holds."""

    signing_b64: str
    encryption_b64: str

    @property
    def signing_key(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(base64.b64decode(self.signing_b64))

    @property
    def encryption_key(self) -> X25519PublicKey:
        return X25519PublicKey.from_public_bytes(base64.b64decode(self.encryption_b64))

    @property
    def fingerprint(self) -> str:
        return fingerprint_of(base64.b64decode(self.signing_b64), base64.b64decode(self.encryption_b64))


@dataclass(frozen=True, eq=False)
class KeyPair:
    """A device's or HQ's private keys. Keep in memory only; store with ``seal``."""

    signing: Ed25519PrivateKey
    encryption: X25519PrivateKey

    def public(self) -> PublicKeys:
        return PublicKeys(base64.b64encode(_raw_public(self.signing.public_key())).decode(),
                          base64.b64encode(_raw_public(self.encryption.public_key())).decode())

    @property
    def fingerprint(self) -> str:
        return self.public().fingerprint

    def __repr__(self) -> str:  # never let a private key end up in a log line
        return f"KeyPair(fingerprint={self.fingerprint})"


def generate() -> KeyPair:
    """A fresh key pair from the operating system's random source."""
    return KeyPair(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())


def _decode_key(text: str) -> bytes:
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError, TypeError):
        raise ValidationError(BAD_PUBLIC_KEY) from None
    if len(raw) != 32:
        raise ValidationError(BAD_PUBLIC_KEY)
    return raw


def load_public(signing_b64: str, encryption_b64: str) -> PublicKeys:
    """Check and normalise two base64 public keys (as stored on a device record or in a key file)."""
    signing_raw, encryption_raw = _decode_key(signing_b64), _decode_key(encryption_b64)
    try:
        Ed25519PublicKey.from_public_bytes(signing_raw)
        X25519PublicKey.from_public_bytes(encryption_raw)
    except ValueError:
        raise ValidationError(BAD_PUBLIC_KEY) from None
    return PublicKeys(base64.b64encode(signing_raw).decode(), base64.b64encode(encryption_raw).decode())


def _canonical(obj: object) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def seal(keypair: KeyPair, password: str) -> bytes:
    """The private keys encrypted under ``password``: a UTF-8 JSON envelope safe to write to disk."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(SHORT_PASSWORD, field="password")
    salt, nonce = os.urandom(16), os.urandom(12)
    public = keypair.public()
    envelope = {
        "format": SEALED_FORMAT, "version": SEALED_VERSION,
        "kdf": {"name": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": _b64(salt)},
        "cipher": "chacha20-poly1305", "nonce": _b64(nonce),
        "public": {"signing": public.signing_b64, "encryption": public.encryption_b64,
                   "fingerprint": public.fingerprint},
    }
    key = kdf_.scrypt(kdf_.password_bytes(password), salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P)
    secret = _raw_private(keypair.signing) + _raw_private(keypair.encryption)
    # Everything but the ciphertext is associated data: editing the KDF cost or the public keys fails.
    envelope["ciphertext"] = _b64(ChaCha20Poly1305(key).encrypt(nonce, secret, _canonical(envelope)))
    return _canonical(envelope) + b"\n"


def sealed_public(blob: bytes) -> PublicKeys:
    """The public keys a sealed envelope claims (unverified until ``unseal``), e.g. to show its fingerprint."""
    envelope = _parse_envelope(blob)
    return load_public(envelope["public"]["signing"], envelope["public"]["encryption"])


def _parse_envelope(blob: bytes) -> dict:
    try:
        envelope = json.loads(blob.decode("utf-8"))
        kdf = envelope["kdf"]
        ok = (envelope["format"] == SEALED_FORMAT and envelope["cipher"] == "chacha20-poly1305"
              and kdf["name"] == "scrypt"
              and all(isinstance(envelope["public"][k], str) for k in ("signing", "encryption"))
              and all(isinstance(kdf[k], int) and not isinstance(kdf[k], bool) for k in ("n", "r", "p")))
        version = envelope["version"]
    except (UnicodeDecodeError, ValueError, TypeError, KeyError):
        raise ValidationError(BAD_KEY_FILE) from None
    if not ok:
        raise ValidationError(BAD_KEY_FILE)
    if version != SEALED_VERSION:
        raise ValidationError(f"设备密钥文件的格式版本不支持（版本 {version}）")
    n, r, p = kdf["n"], kdf["r"], kdf["p"]
    if not kdf_.acceptable(n, r, p):
        raise ValidationError(BAD_KEY_FILE)
    return envelope


def unseal(blob: bytes, password: str) -> KeyPair:
    """Open a ``seal``\\ ed envelope. A wrong password (or an edited envelope) raises ``ValidationError``."""
    envelope = _parse_envelope(blob)
    kdf = envelope["kdf"]
    try:
        salt, nonce = base64.b64decode(kdf["salt"], validate=True), base64.b64decode(envelope["nonce"], validate=True)
        ciphertext = base64.b64decode(envelope.pop("ciphertext"), validate=True)
    except (binascii.Error, ValueError, TypeError, KeyError):
        raise ValidationError(BAD_KEY_FILE) from None
    if len(salt) < 16 or len(nonce) != 12:
        raise ValidationError(BAD_KEY_FILE)
    key = kdf_.scrypt(kdf_.password_bytes(password), salt, n=kdf["n"], r=kdf["r"], p=kdf["p"])
    try:
        secret = ChaCha20Poly1305(key).decrypt(nonce, ciphertext, _canonical(envelope))
    except InvalidTag:
        # AEAD cannot tell a wrong password from an edited file; the password is by far the likelier cause.
        raise ValidationError(WRONG_PASSWORD, field="password") from None
    if len(secret) != 64:
        raise ValidationError(BAD_KEY_FILE)
    keypair = KeyPair(Ed25519PrivateKey.from_private_bytes(secret[:32]),
                      X25519PrivateKey.from_private_bytes(secret[32:]))
    claimed = envelope["public"]
    public = keypair.public()
    if (claimed.get("signing"), claimed.get("encryption")) != (public.signing_b64, public.encryption_b64):
        raise ValidationError(BAD_KEY_FILE)
    return keypair
