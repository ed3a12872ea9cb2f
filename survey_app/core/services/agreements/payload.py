"""The QR payload of a printed agreement: compact, readable, signed by the device key.

    SA1|FR2023-D01-000001|A1-0004|cash|61034800|q5Jx…(22)|D01|<Ed25519 signature, base64url, 86>

Fields: format, agreement number, household code, mode, net amount in fen (negative when the
household pays), the first 16 bytes of the sha256 of the agreement's canonical content
(base64url), device code; the signature covers everything before the last "|". About 170
ASCII characters: a version-10 QR at 30 mm decodes from a 100 dpi scan.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from survey_app.core.domain.errors import ValidationError

FORMAT = "SA1"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass(frozen=True)
class Payload:
    number: str
    household_code: str
    mode: str
    net_fen: int
    content_hash_prefix: str  # base64url of the first 16 bytes of the content sha256
    device: str
    signature: str = ""

    @property
    def signed_part(self) -> str:
        return "|".join((FORMAT, self.number, self.household_code, self.mode, str(self.net_fen),
                         self.content_hash_prefix, self.device))

    @property
    def text(self) -> str:
        return f"{self.signed_part}|{self.signature}"

    @staticmethod
    def hash_prefix(content_hash_hex: str) -> str:
        return _b64(bytes.fromhex(content_hash_hex)[:16])


def sign(payload: Payload, key: Ed25519PrivateKey) -> Payload:
    """The payload with its signature filled in."""
    sig = _b64(key.sign(payload.signed_part.encode()))
    return Payload(**{**payload.__dict__, "signature": sig})


def parse(text: str) -> Payload:
    """Read a payload; ValidationError (Chinese) when it is not one of ours or is damaged."""
    parts = (text or "").strip().split("|")
    if len(parts) != 8 or parts[0] != FORMAT:
        raise ValidationError("这不是本系统协议的二维码内容（格式不符）")
    _, number, code, mode, fen, prefix, device, sig = parts
    try:
        net = int(fen)
        if len(_unb64(prefix)) != 16 or len(_unb64(sig)) != 64:
            raise ValueError
    except ValueError:
        raise ValidationError("二维码内容已损坏（字段无效）") from None
    return Payload(number, code, mode, net, prefix, device, sig)


def check_signature(payload: Payload, key: Ed25519PublicKey) -> bool:
    try:
        key.verify(_unb64(payload.signature), payload.signed_part.encode())
    except (InvalidSignature, ValueError):
        return False
    return True
