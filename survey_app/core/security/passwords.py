"""Password hashing with scrypt (core/kdf.py: the stdlib's ``hashlib.scrypt``; memory-hard, no extra dependency).

Stored form: ``scrypt$n$r$p$salt_b64$hash_b64`` so parameters can be raised later without
breaking old hashes. Verification is constant-time; a stored cost outside ``N_RANGE`` is refused unread (a row
asking for gigabytes of memory must not stall a login). The password's bytes are plain UTF-8 (no NFC, unlike
the key files: hashes already stored must keep verifying).
"""

from __future__ import annotations

import base64
import hmac
import os

from survey_app.core import kdf

N, R, P, DKLEN = 2**14, 8, 1, 32  # ≈ 16 MiB and ~50 ms per check on a 2-core laptop
MIN_LENGTH = 6
N_RANGE = (2**10, 2**16)  # the costs a stored hash may name (tests write 2^10)


def hash_password(password: str, *, n: int = N) -> str:
    salt = os.urandom(16)
    digest = kdf.scrypt(password.encode(), salt, n=n, r=R, p=P, length=DKLEN)
    return "$".join(("scrypt", str(n), str(R), str(P),
                     base64.b64encode(salt).decode(), base64.b64encode(digest).decode()))


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, *cost, salt_b64, digest_b64 = stored.split("$")
        if scheme != "scrypt" or len(cost) != 3:
            return False
        n, r, p = (int(v) for v in cost)
        salt, digest = base64.b64decode(salt_b64), base64.b64decode(digest_b64)
        if not kdf.acceptable(n, r, p, n_range=N_RANGE) or not 16 <= len(digest) <= 64:
            return False
        candidate = kdf.scrypt(password.encode(), salt, n=n, r=r, p=p, length=len(digest))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(candidate, digest)
