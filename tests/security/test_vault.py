"""The key vault file: round trip, wrong passwords and lock-out, tampering, slots."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest

from survey_app.core.domain.errors import AuthenticationError, ValidationError
from survey_app.core.security import vault
from survey_app.core.security.vault import Vault

PW, OTHER = "first-pass-1", "second-pass-2"


@pytest.fixture(scope="module")
def _made_once(tmp_path_factory: pytest.TempPathFactory) -> dict[int, tuple[Path, vault.Unlocked]]:
    """The vault ``made`` gives, created once per module and process for each key-derivation cost (two slots: two
    derivations, ~0.1 CPU-s, which two dozen tests paid each). Filled by ``made``, which runs at the test's cost
    (tests/conftest.py lowers it after module fixtures are made). Tests get a copy, never this file."""
    return {}


@pytest.fixture
def made(_made_once: dict[int, tuple[Path, vault.Unlocked]], tmp_path_factory: pytest.TempPathFactory,
         tmp_path: Path) -> tuple[Path, vault.Unlocked]:
    """A new vault with the slots ``user:a`` and ``device`` in this test's folder, and the keys its creation gave:
    a copy of the module's (copy2 keeps the mode ``Vault.create`` gave the file)."""
    if vault.SCRYPT_N not in _made_once:
        folder = tmp_path_factory.mktemp("vault_template")
        store, unlocked = Vault.create(vault.vault_path(folder / "p.sqlite3"), {"user:a": PW, "device": OTHER})
        _made_once[vault.SCRYPT_N] = store.path, unlocked
    template, unlocked = _made_once[vault.SCRYPT_N]
    path = vault.vault_path(tmp_path / "p.sqlite3")
    shutil.copy2(template, path)
    return path, dataclasses.replace(unlocked, vault_path=path)


def test_round_trip_gives_the_same_keys_from_every_slot(made) -> None:
    path, created = made
    assert path.name == "p.sqlite3.vault" and vault.exists(path.with_name("p.sqlite3"))
    a = Vault.load(path).unlock("user:a", PW)
    d = Vault.load(path).unlock("device", OTHER)
    for label in vault.LABELS:
        assert a.key(label) == d.key(label) == created.key(label)
        assert len(a.key(label)) == 32
    keys = {a.cipher_key, a.audit_key, a.file_key, a.identity_key}
    assert len(keys) == 4  # one key per purpose
    assert a.cipher_key.hex() not in repr(a) and "slot=user:a" in repr(a)
    text = path.read_text(encoding="utf-8")
    assert all(k.hex() not in text and vault._b64(k) not in text for k in keys)  # no key in clear
    if os.name != "nt":
        assert path.stat().st_mode & 0o777 == 0o600


def test_two_vaults_never_share_keys(tmp_path: Path) -> None:
    _, one = Vault.create(tmp_path / "1.vault", {"user:a": PW})
    _, two = Vault.create(tmp_path / "2.vault", {"user:a": PW})
    assert one.cipher_key != two.cipher_key


def test_wrong_password_counts_down_then_locks_across_reopen(made) -> None:
    path, _ = made
    now = dt.datetime(2024, 5, 1, 8, 0, tzinfo=dt.UTC)
    messages = []
    for _ in range(vault.MAX_FAILURES):
        with pytest.raises(AuthenticationError) as e:
            Vault.load(path).unlock("user:a", "wrong-pass", now=now)  # a fresh load each time: counted on disk
        messages.append(str(e.value))
    assert messages[:2] == ["密码错误（还可尝试4次）", "密码错误（还可尝试3次）"]
    assert messages[-1] == "连续5次密码错误，已锁定15分钟"
    with pytest.raises(AuthenticationError, match="已锁定，请15分钟后再试"):
        Vault.load(path).unlock("user:a", PW, now=now + dt.timedelta(seconds=30))  # even the right one
    assert Vault.load(path).unlock("device", OTHER, now=now).slot == "device"  # per slot
    assert Vault.load(path).unlock("user:a", PW, now=now + dt.timedelta(minutes=16)).slot == "user:a"
    with pytest.raises(AuthenticationError, match="还可尝试4次"):  # the count started again
        Vault.load(path).unlock("user:a", "wrong-pass", now=now + dt.timedelta(minutes=17))


def test_success_resets_the_count(made) -> None:
    path, _ = made
    for _ in range(3):
        with pytest.raises(AuthenticationError):
            Vault.load(path).unlock("user:a", "nope-nope")
    Vault.load(path).unlock("user:a", PW)
    assert json.loads(path.read_text())["slots"]["user:a"]["failed"] == 0


def test_unknown_slot_is_its_own_error(made) -> None:
    path, _ = made
    with pytest.raises(vault.NoSlot):
        Vault.load(path).unlock("user:nobody", PW)


def _edit(path: Path, change) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def _flip(text: str) -> str:
    raw = bytearray(vault._unb64(text))
    raw[0] ^= 1
    return vault._b64(bytes(raw))


TAMPERS = {
    "format": lambda d: d.update(format="survey_app.other"),
    "version": lambda d: d.update(version=2),
    "vault_id": lambda d: d.update(vault_id=_flip(d["vault_id"])),
    "slot name": lambda d: d["slots"].update({"user:b": d["slots"].pop("user:a")}),
    "kdf name": lambda d: d["slots"]["user:a"]["kdf"].update(name="pbkdf2"),
    "kdf n": lambda d: d["slots"]["user:a"]["kdf"].update(n=2**15),
    "kdf n huge": lambda d: d["slots"]["user:a"]["kdf"].update(n=2**30),
    "kdf r": lambda d: d["slots"]["user:a"]["kdf"].update(r=4),
    "kdf p": lambda d: d["slots"]["user:a"]["kdf"].update(p=2),
    "kdf salt": lambda d: d["slots"]["user:a"]["kdf"].update(salt=_flip(d["slots"]["user:a"]["kdf"]["salt"])),
    "cipher": lambda d: d["slots"]["user:a"].update(cipher="aes-gcm"),
    "nonce": lambda d: d["slots"]["user:a"].update(nonce=_flip(d["slots"]["user:a"]["nonce"])),
    "wrapped": lambda d: d["slots"]["user:a"].update(wrapped=_flip(d["slots"]["user:a"]["wrapped"])),
    "wrapped short": lambda d: d["slots"]["user:a"].update(wrapped=d["slots"]["user:a"]["wrapped"][:-8]),
    "failed": lambda d: d["slots"]["user:a"].update(failed="0"),
    "locked_until": lambda d: d["slots"]["user:a"].update(locked_until="soon"),
    "slot from another vault": None,
}


@pytest.mark.parametrize("field", list(TAMPERS))
def test_every_edited_field_is_refused(made, tmp_path: Path, field: str) -> None:
    path, _ = made
    if field == "slot from another vault":
        other, _ = Vault.create(tmp_path / "other.vault", {"user:a": PW})
        foreign = json.loads(other.path.read_text())["slots"]["user:a"]
        _edit(path, lambda d: d["slots"].update({"user:a": foreign}))
    else:
        _edit(path, TAMPERS[field])
    name = "user:b" if field == "slot name" else "user:a"
    with pytest.raises((AuthenticationError, ValidationError)) as e:
        Vault.load(path).unlock(name, PW)
    assert not isinstance(e.value, vault.NoSlot)


def test_garbage_and_missing_files_are_refused_with_a_message(tmp_path: Path) -> None:
    bad = tmp_path / "bad.vault"
    bad.write_bytes(b"\x00\xff not json")
    with pytest.raises(ValidationError, match="密钥库文件已损坏"):
        Vault.load(bad)
    with pytest.raises(ValidationError, match="找不到"):
        Vault.load(tmp_path / "missing.vault")
    with pytest.raises(ValidationError, match="已有密钥库"):
        Vault.create(bad, {"user:a": PW})


def test_add_rewrap_remove_slots(made) -> None:
    path, created = made
    store = Vault.load(path)
    store.add_slot(created, "user:b", "b-password-1")
    assert Vault.load(path).unlock("user:b", "b-password-1").cipher_key == created.cipher_key
    Vault.load(path).rewrap(created, "user:b", "b-password-2")
    with pytest.raises(AuthenticationError):
        Vault.load(path).unlock("user:b", "b-password-1")
    assert Vault.load(path).unlock("user:b", "b-password-2").audit_key == created.audit_key
    Vault.load(path).remove_slot(created, "user:b")
    assert Vault.load(path).slots == ["device", "user:a"]
    with pytest.raises(ValidationError):  # a key from another vault cannot change this one
        _, foreign = Vault.create(path.with_name("x.vault"), {"user:z": PW})
        Vault.load(path).add_slot(foreign, "user:z", PW)
    assert not list(path.parent.glob("*.tmp"))
