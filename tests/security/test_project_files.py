"""Opening a real project through its vault; one sealed identity; password rules of a real project."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select
from vault_setup import ADMIN, ADMIN_PW, DEVICE_PW

from survey_app.core.domain.errors import AuthenticationError, ValidationError
from survey_app.core.domain.roles import Role
from survey_app.core.security import vault
from survey_app.core.security.keys import project_public_keys
from survey_app.core.services import devices, project_files, users
from survey_app.core.services.agreements import payload as qr
from survey_app.core.services.agreements.verify import verify_text
from survey_app.core.storage.models import Device, LocalSetting
from survey_app.core.sync import identity
from survey_app.core.sync.signing_key import device_signing_key


def _open(project: Path, user: str = ADMIN, password: str = ADMIN_PW):
    return project_files.open_project_database(project, user, password)


def test_create_then_open_with_the_derived_keys(project: Path) -> None:
    store = vault.Vault.load(vault.vault_path(project))
    assert store.slots == ["device", f"user:{ADMIN}"]
    db, actor = _open(project)
    try:
        assert (actor.username, actor.role) == (ADMIN, Role.HQ_ADMIN)
        unlocked = vault.session_of(db)
        assert db.cipher_key == unlocked.cipher_key and db.audit_key == unlocked.audit_key
        assert len(db.cipher_key) == 32 and db.cipher_key != db.audit_key
    finally:
        db.dispose()


def test_wrong_password_is_counted_in_the_vault_before_the_database_opens(project: Path) -> None:
    with pytest.raises(AuthenticationError, match="还可尝试4次"):
        _open(project, password="not-the-one")
    assert json.loads(vault.vault_path(project).read_text())["slots"][f"user:{ADMIN}"]["failed"] == 1


def test_the_creation_refuses_demo_and_short_passwords_and_an_existing_file(project: Path, tmp_path: Path) -> None:
    for bad, why in (("hq123456", "演示账号的密码"), ("short1", "至少8位")):
        with pytest.raises(ValidationError, match=why):
            project_files.create_project_database(tmp_path / "n.sqlite3", admin_username="a", admin_password=bad)
    with pytest.raises(ValidationError, match="已存在"):
        project_files.create_project_database(project, admin_username="a", admin_password="Another-pass-1")
    assert not (tmp_path / "n.sqlite3").exists() and not (tmp_path / "n.sqlite3.vault").exists()


def test_one_identity_signs_qr_codes_and_sync_and_is_sealed(project: Path) -> None:
    db, _ = _open(project)
    try:
        code = devices.local_device_code(db)
        pair = identity.unlock(db, "any password is ignored")
        qr_key = device_signing_key(db, code)
        assert qr_key.public_key() == pair.signing.public_key()  # one Ed25519 key, not two
        with db.read() as s:
            recorded = s.scalar(select(Device.signing_public_key).where(Device.code == code))
            settings = dict(s.execute(select(LocalSetting.key, LocalSetting.value)).all())
        assert recorded == pair.public().signing_b64
        assert "device_signing_key" not in settings  # no QR key in clear
        private = identity.keys._raw_private(pair.signing)
        assert all(identity.keys._b64(private) not in v and private.hex() not in v for v in settings.values())
        signed = qr.sign(qr.Payload("FR-1-000001", "A1-0001", "cash", 100, qr.Payload.hash_prefix("ab" * 32),
                                    code), qr_key)
        assert verify_text(signed.text, project_public_keys(db)).valid
        assert identity.own_public(db) == pair.public()
    finally:
        db.dispose()
    db, _ = _open(project)  # a second session unseals the same identity
    try:
        assert identity.unlock(db).public() == pair.public()
    finally:
        db.dispose()


def test_the_identity_needs_the_login(project: Path) -> None:
    from survey_app.core.storage.database import Database

    unlocked = vault.Vault.load(vault.vault_path(project)).unlock(f"user:{ADMIN}", ADMIN_PW)
    db = project_files.open_unlocked(project, unlocked)
    identity.unlock(db)  # made once
    db.dispose()
    bare = Database(project, cipher_key=unlocked.cipher_key)  # opened without attaching the vault
    try:
        with pytest.raises(ValidationError, match="请先登录"):
            identity.unlock(bare, DEVICE_PW)
        assert not identity.needs_password(bare)
    finally:
        bare.dispose()


def test_a_user_without_a_slot_gets_one_with_the_device_password(project: Path) -> None:
    db, admin = _open(project)
    try:  # as if the account had come in an assignment: in the database, no slot on this machine
        users.create_user(db, admin, "li", "Li-pass-2024", Role.FIELD_WORKER)
        vault.Vault.load(vault.vault_path(project)).remove_slot(vault.session_of(db), "user:li")
    finally:
        db.dispose()
    with pytest.raises(vault.NoSlot):
        _open(project, "li", "Li-pass-2024")
    with pytest.raises(AuthenticationError, match="还可尝试4次"):  # the device slot counts its own failures
        project_files.add_user_with_device_password(project, "li", "Li-pass-2024", "wrong-device-pw")
    with pytest.raises(AuthenticationError, match="用户名或密码错误"):  # the user's own password is checked
        project_files.add_user_with_device_password(project, "li", "wrong-user-pw", DEVICE_PW)
    assert not vault.Vault.load(vault.vault_path(project)).has_slot("user:li")
    db, actor = project_files.add_user_with_device_password(project, "li", "Li-pass-2024", DEVICE_PW)
    db.dispose()
    assert actor.username == "li"
    db, actor = _open(project, "li", "Li-pass-2024")  # from now on, a normal login
    db.dispose()


def test_real_project_password_rules_forced_change_and_rewrap(project: Path) -> None:
    db, admin = _open(project)
    try:
        for bad, why in (("worker123", "演示账号的密码"), ("Short-1", "至少8位")):
            with pytest.raises(ValidationError, match=why):
                users.create_user(db, admin, "wu", bad, Role.FIELD_WORKER)
        users.create_user(db, admin, "wu", "Wu-first-2024", Role.FIELD_WORKER)
        assert users.must_change_password(db, "wu")  # the admin knows it: changed at first login
        assert not users.must_change_password(db, ADMIN)
    finally:
        db.dispose()
    db, wu = _open(project, "wu", "Wu-first-2024")
    try:
        with pytest.raises(ValidationError, match="演示账号的密码"):
            users.set_password(db, wu, "wu", "review123")
        with pytest.raises(ValidationError, match="不能与原密码相同"):
            users.set_password(db, wu, "wu", "Wu-first-2024")
        users.set_password(db, wu, "wu", "Wu-own-2024!")
        assert not users.must_change_password(db, "wu")
    finally:
        db.dispose()
    with pytest.raises(AuthenticationError):
        _open(project, "wu", "Wu-first-2024")  # the slot was rewrapped: the old password no longer opens it
    db, admin = _open(project)
    try:
        users.set_password(db, admin, "wu", "Reset-by-hq-1")  # HQ's reset
        assert users.must_change_password(db, "wu")
    finally:
        db.dispose()
    db, _ = _open(project, "wu", "Reset-by-hq-1")
    db.dispose()


def test_a_failed_database_write_puts_the_old_slot_back(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db, admin = _open(project)
    try:
        def broken(*a, **k):
            raise OSError("disk full")
        monkeypatch.setattr(users, "hash_password", broken)
        with pytest.raises(OSError):
            users.set_password(db, admin, ADMIN, "Never-stored-1")
    finally:
        db.dispose()
    db, _ = _open(project)  # the old password still opens the vault and the database
    db.dispose()


def test_demo_databases_keep_the_legacy_rules(demo_db) -> None:
    admin = users.login(demo_db, "hq", "hq123456", device="T01")
    users.create_user(demo_db, admin, "demo2", "worker123", Role.FIELD_WORKER)  # a demo may use demo passwords
    assert not users.must_change_password(demo_db, "demo2") and identity.needs_password(demo_db)
