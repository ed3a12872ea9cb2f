"""Password hashing with scrypt (stdlib ``hashlib.scrypt``; memory-hard, no extra dependency).

Stored form: ``scrypt$n$r$p$salt_b64$hash_b64`` so parameters can be raised later without
breaking old hashes. Verification is constant-time.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

N, R, P, DKLEN = 2**14, 8, 1, 32  # ≈ 16 MiB and ~50 ms per check on a 2-core laptop
MIN_LENGTH = 6


def hash_password(password: str, *, n: int = N) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=n, r=R, p=P, dklen=DKLEN)
    return "$".join(("scrypt", str(n), str(R), str(P),
                     base64.b64encode(salt).decode(), base64.b64encode(digest).decode()))


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt_b64, digest_b64 = stored.split("$")
        if scheme != "scrypt":
            return False
        salt, digest = base64.b64decode(salt_b64), base64.b64decode(digest_b64)
        candidate = hashlib.scrypt(password.encode(), salt=salt, n=int(n), r=int(r), p=int(p), dklen=len(digest))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(candidate, digest)
