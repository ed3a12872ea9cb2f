"""The key-derivation costs of the files tests write (``cheap_kdf``, which tests/conftest.py and tests/pg use; a
helper module, not a conftest, so that tests/sync/sync_setup.py can make its shared worlds at the shared cost
too).

Vault slots and sealed key files a test writes for itself cost ``TEST_KEY_N``, and the test process's readers
accept that; the files shared templates hold cost ``SHARED_KEY_N``, the floor of a real ``survey-app``
process's readers (some tests hand them to one). Every new salt is a real derivation: ~45 ms at 2^14 on the
project's machine, 16× less at 2^10."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from survey_app.core import kdf

TEST_KEY_N = 2**10
SHARED_KEY_N = 2**14
_SHARED_DEPTH = [0]  # > 0 while a shared file is being made (``shared_key_cost``)


@contextmanager
def shared_key_cost() -> Iterator[None]:
    """Key files and vault slots written inside cost ``SHARED_KEY_N``: a file another process may open."""
    from survey_app.core.security import vault
    from survey_app.core.sync import keys

    _SHARED_DEPTH[0] += 1
    try:
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(vault, "SCRYPT_N", SHARED_KEY_N)
            mp.setattr(keys, "SCRYPT_N", SHARED_KEY_N)
            yield
    finally:
        _SHARED_DEPTH[0] -= 1


@contextmanager
def test_key_cost() -> Iterator[None]:
    """The tests' costs (``cheap_kdf``) inside, wherever it is entered: a module's or a session's fixture runs
    before the autouse fixture that sets them for each test."""
    with pytest.MonkeyPatch.context() as mp:
        cheap_kdf(mp)
        yield


# Login hashes written by tests cost 2^10 instead of 2^14: ``verify_password`` reads the cost from each stored
# hash, so logging in checks exactly the same way, ~20× cheaper (hundreds of logins in the suite).
TEST_HASH_N = 2**10


_KDF_MEMO: dict[tuple, bytes] = {}
_REAL_SCRYPT = kdf.scrypt  # (bound before any test patches it)


def _remembered_scrypt(secret: bytes, salt: bytes, *, n: int, r: int, p: int, length: int = 32) -> bytes:
    """``kdf.scrypt`` computed once per test process for each (secret, salt, cost): it is a pure function, and
    the suite opens the same shared vaults and key files (same salts, same passwords) hundreds of times
    (~60 ms each at 2^14). A new salt — every seal, every slot written — still derives for real."""
    key = (secret, salt, n, r, p, length)
    if key not in _KDF_MEMO:
        _KDF_MEMO[key] = _REAL_SCRYPT(secret, salt, n=n, r=r, p=p, length=length)
    return _KDF_MEMO[key]


def cheap_kdf(mp: pytest.MonkeyPatch) -> None:
    """Test-only key-derivation costs. Vault slots and sealed key files: ``TEST_KEY_N``, accepted by this
    process's readers (``SHARED_KEY_N``, the real readers' floor, for shared files: ``shared_key_cost``);
    login hashes: ``TEST_HASH_N``; each derivation computed once per process (``_remembered_scrypt``).
    Production never runs this (it is not in survey_app); a test about the real costs or the real floor is
    marked ``real_kdf_cost``."""
    from survey_app.core.security import passwords, vault
    from survey_app.core.sync import keys

    mp.setattr(kdf, "scrypt", _remembered_scrypt)

    # (already cheap when a shared file is first made from inside a test, under the autouse ``_test_kdf_cost``)
    assert passwords.hash_password.__kwdefaults__ in ({"n": passwords.N}, {"n": TEST_HASH_N}), (
        "hash_password's cost parameter moved")
    mp.setattr(passwords.hash_password, "__kwdefaults__", {"n": TEST_HASH_N})
    assert kdf.acceptable.__kwdefaults__["n_range"][0] in (kdf.N_RANGE[0], TEST_KEY_N), "the floor moved"
    mp.setattr(kdf.acceptable, "__kwdefaults__", {"n_range": (TEST_KEY_N, kdf.N_RANGE[1])})
    key_n = SHARED_KEY_N if _SHARED_DEPTH[0] else TEST_KEY_N
    mp.setattr(vault, "SCRYPT_N", key_n)
    mp.setattr(keys, "SCRYPT_N", key_n)
