"""core/kdf.py: the one scrypt of the product (vault slots, sealed key files, login hashes)."""

from __future__ import annotations

import base64

import pytest

from survey_app.core import kdf
from survey_app.core.security import passwords


def test_the_stdlib_scrypt_gives_the_key_the_files_already_written_were_sealed_with() -> None:
    """Vaults and key files were sealed with cryptography's Scrypt before kdf.py: the same bytes must come out."""
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    salt = bytes(range(16))
    for n in (2**14, 2**15):
        theirs = Scrypt(salt=salt, length=32, n=n, r=8, p=1).derive(kdf.password_bytes("征收-2024-密码"))
        assert kdf.scrypt(kdf.password_bytes("征收-2024-密码"), salt, n=n, r=8, p=1) == theirs


def test_a_password_typed_through_another_input_method_gives_the_same_bytes() -> None:
    assert kdf.password_bytes("Cafe\u0301-2024") == kdf.password_bytes("Caf\u00e9-2024")


@pytest.mark.real_kdf_cost  # the production floor (the other tests' readers accept 2^10: tests/key_costs.py)
@pytest.mark.parametrize("n, r, p, ok", [
    (2**15, 8, 1, True), (2**14, 8, 1, True), (2**13, 8, 1, False), (2**15 + 1, 8, 1, False),
    (2**20, 8, 1, True), (2**20, 16, 1, False), (2**21, 8, 1, False), (2**15, 0, 1, False), (2**15, 8, 5, False),
    (2**15, True, 1, False), (float(2**15), 8, 1, False), ("32768", 8, 1, False),
])
def test_a_stored_cost_is_checked_before_any_memory_is_spent(n, r, p, ok) -> None:
    assert kdf.acceptable(n, r, p) is ok


def test_a_login_hash_asking_for_gigabytes_is_refused_unread() -> None:
    digest = base64.b64encode(bytes(32)).decode()
    salt = base64.b64encode(bytes(16)).decode()
    assert not passwords.verify_password("x", f"scrypt${2**30}$8$1${salt}${digest}")
    assert not passwords.verify_password("x", f"scrypt$1024$8$1${salt}${digest}$extra")
    stored = passwords.hash_password("Zhb-2024-secret", n=2**10)
    assert passwords.verify_password("Zhb-2024-secret", stored) and not passwords.verify_password("zhb", stored)
