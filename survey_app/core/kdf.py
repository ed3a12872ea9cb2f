"""scrypt: the product's one key-derivation function (key-vault slots, sealed device-key files, login hashes).

Every caller derives through ``scrypt`` here (OpenSSL's, through the standard library: nothing to import at
the first screen's login), reads a stored cost through ``acceptable`` (a file or row that names a cost outside
the range is refused before any memory is spent on it: a hostile n = 2^30 would ask for 128 GiB) and turns a
typed password into bytes with ``password_bytes``. scrypt is a pure function of its inputs: the same password,
salt and cost always give the same key.
"""

from __future__ import annotations

import hashlib
import unicodedata

# The costs a stored kdf record may name: at least 2^14 (≈ 16 MiB; anything cheaper is refused as a
# downgrade), at most 2^20; and never more than 1 GiB of memory (128·n·r bytes).
N_RANGE = (2**14, 2**20)
MAX_MEMORY = 2**30


def acceptable(n: object, r: object, p: object, *, n_range: tuple[int, int] = N_RANGE) -> bool:
    """Whether a stored cost (n, r, p) is one this product derives with: n a power of two in ``n_range``,
    1 ≤ r ≤ 16, 1 ≤ p ≤ 4, 128·n·r ≤ ``MAX_MEMORY``, all plain integers (a JSON ``true`` is not 1)."""
    if not all(type(v) is int for v in (n, r, p)):
        return False
    n, r, p = int(n), int(r), int(p)  # type: ignore[call-overload]
    return (n_range[0] <= n <= n_range[1] and n & (n - 1) == 0 and 1 <= r <= 16 and 1 <= p <= 4
            and 128 * n * r <= MAX_MEMORY)


def password_bytes(password: str) -> bytes:
    """NFC, then UTF-8: the same Chinese password typed through two input methods gives the same bytes."""
    return unicodedata.normalize("NFC", password or "").encode("utf-8")


def scrypt(secret: bytes, salt: bytes, *, n: int, r: int, p: int, length: int = 32) -> bytes:
    """The scrypt key of ``secret`` (``length`` bytes). Callers check a stored cost with ``acceptable`` first;
    OpenSSL is allowed exactly the memory that cost needs (its default cap, 32 MiB, is below 2^15 · r = 8)."""
    return hashlib.scrypt(secret, salt=salt, n=n, r=r, p=p, dklen=length, maxmem=128 * r * (n + p + 2) + 65536)
