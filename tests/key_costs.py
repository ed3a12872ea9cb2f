"""The key-derivation costs of the files tests write (tests/conftest.py ``_cheap_kdf``; a helper module, not a
conftest, so that tests/sync/sync_setup.py can make its shared worlds at the shared cost too).

Vault slots and sealed key files a test writes for itself cost ``TEST_KEY_N``, and the test process's readers
accept that; the files shared templates hold cost ``SHARED_KEY_N``, the floor of a real ``survey-app``
process's readers (some tests hand them to one). Every new salt is a real derivation: ~45 ms at 2^14 on the
project's machine, 16× less at 2^10."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

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
