"""The key-derivation costs the product uses are the production ones: tests/conftest.py lowers them for every
other test (``_cheap_kdf``), these run with the real ones (``real_kdf_cost``) and read what was written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.real_kdf_cost


def test_a_vault_slot_is_sealed_at_the_production_scrypt_cost(tmp_path: Path) -> None:
    from survey_app.core.security import vault

    path = vault.vault_path(tmp_path / "p.sqlite3")
    vault.Vault.create(path, {"user:a": "Zhb-2024-secret"})
    kdf = json.loads(path.read_text(encoding="utf-8"))["slots"]["user:a"]["kdf"]
    assert {k: kdf[k] for k in ("name", "n", "r", "p")} == {"name": "scrypt", "n": 2**15, "r": 8, "p": 1}
    assert vault.Vault.load(path).unlock("user:a", "Zhb-2024-secret")


def test_a_login_hash_is_made_at_the_production_cost() -> None:
    from survey_app.core.security import passwords

    assert passwords.N == 2**14
    stored = passwords.hash_password("Zhb-2024-secret")
    assert stored.split("$")[:4] == ["scrypt", str(2**14), "8", "1"], stored  # (tests write 2^10)
    assert passwords.verify_password("Zhb-2024-secret", stored)
