"""A real project is vaulted from its first byte: HQ's create_project and a laptop's join, on real files."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from vaulted_helpers import ADMIN_PASSWORD, DEVICE_PASSWORD, WORKER, WORKER_PASSWORD, hq_answers, raw_bytes

from survey_app.core.domain.errors import AuthenticationError, SurveyAppError, ValidationError
from survey_app.core.security import vault
from survey_app.core.services import project_files, project_join, projects, users
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Household, Project
from survey_app.core.sync import identity


def test_create_project_makes_an_encrypted_database_with_its_vault(hq_project: Path, hq_open) -> None:
    db, admin = hq_open
    store = vault.Vault.load(vault.vault_path(hq_project))
    assert store.slots == ["user:admin"] and store.default_user == "admin"
    with pytest.raises(SurveyAppError):  # no key, no database: nothing opens it around the login
        Database(hq_project)
    assert b"\xe8\x8a\x99\xe8\x93\x89" not in raw_bytes(hq_project.parent)  # 芙蓉 (the project's name)
    assert admin.display_name == "王主任" and not users.must_change_password(db, "admin")
    assert projects.default_cli_user(db) == "admin"
    # HQ's sync identity is the vault-sealed one: no key password, nothing sealed under the admin's password
    assert not identity.needs_password(db) and db.setting(identity.SEALED) == ""
    pair = identity.unlock(db)
    assert pair.public().fingerprint == projects.project_info(db).hq_fingerprint
    assert identity.own_public(db).signing_b64 == pair.public().signing_b64


def test_a_wrong_login_opens_nothing(hq_project: Path) -> None:
    with pytest.raises(AuthenticationError, match="密码错误"):
        project_files.open_project_database(hq_project, "admin", "Not-the-password")


def test_a_failure_after_the_files_were_made_removes_database_and_vault(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from survey_app.core.sync import enrollment

    def broken(db, password=None):
        assert vault.exists(db.path)  # the vault was made with the database
        raise OSError("disk gone")

    monkeypatch.setattr(enrollment, "init_hq", broken)
    with pytest.raises(OSError):
        projects.create_project(tmp_path / "p.sqlite3", name="项目", code="P1", city="长沙",
                                admin_password=ADMIN_PASSWORD)
    assert list(tmp_path.iterdir()) == []


def test_an_existing_vault_is_never_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "p.sqlite3"
    vault.vault_path(target).write_text("precious", encoding="utf-8")
    with pytest.raises(ValidationError, match="已存在"):
        projects.create_project(target, name="项目", code="P1", city="长沙", admin_password=ADMIN_PASSWORD)
    assert vault.vault_path(target).read_text(encoding="utf-8") == "precious" and not target.exists()


def test_a_device_password_adds_the_device_slot(tmp_path: Path) -> None:
    made = projects.create_project(tmp_path / "p.sqlite3", name="项目", code="P1", city="长沙",
                                   admin_password=ADMIN_PASSWORD, device_password=DEVICE_PASSWORD)
    assert vault.Vault.load(vault.vault_path(made.path)).slots == ["device", "user:admin"]
    project_files.open_with_device_password(made.path, DEVICE_PASSWORD).dispose()


def test_laptop_joins_with_a_device_slot_only_and_the_worker_gets_a_slot_at_first_login(
        tmp_path: Path, hq_open) -> None:
    hq, admin = hq_open
    usb = tmp_path / "usb"
    usb.mkdir()
    laptop = tmp_path / "laptop" / "field.sqlite3"
    started = project_join.start_join(laptop, device_name="调查组1号笔记本", device_code="d07",
                                      device_password=DEVICE_PASSWORD, request_dir=usb)
    assert started.request_file.name == "enroll-request-D07.json"
    assert vault.Vault.load(vault.vault_path(laptop)).slots == ["device"]
    with pytest.raises(SurveyAppError):
        Database(laptop)
    db = project_files.open_with_device_password(laptop, DEVICE_PASSWORD)
    try:
        assert db.setting("device_code") == "D07" and not identity.needs_password(db)
        assert identity.own_public(db).fingerprint == started.fingerprint
        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(Project)) == 0
    finally:
        db.dispose()

    code, reply, assignment = hq_answers(hq, admin, started.request_file, usb)
    with pytest.raises(AuthenticationError, match="密码错误"):  # the vault refuses, and counts it
        project_join.finish_join(laptop, device_password="Wrong-pass-2024", response=reply)
    done = project_join.finish_join(laptop, device_password=DEVICE_PASSWORD, response=reply,
                                    assignments=[assignment])
    assert (done.device_code, done.project_code, done.users) == (code, "FR2024", 1)
    assert done.hq_fingerprint == projects.project_info(hq).hq_fingerprint
    assert vault.Vault.load(vault.vault_path(laptop)).slots == ["device"]  # nobody logged in yet

    with pytest.raises(vault.NoSlot):
        project_files.open_project_database(laptop, WORKER, WORKER_PASSWORD)
    db, actor = project_files.add_user_with_device_password(laptop, WORKER, WORKER_PASSWORD, DEVICE_PASSWORD)
    try:
        assert actor.username == WORKER and users.must_change_password(db, WORKER)
        users.set_password(db, actor, WORKER, "Zhang-own-2024")
    finally:
        db.dispose()
    db, actor = project_files.open_project_database(laptop, WORKER, "Zhang-own-2024")
    try:
        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(Household)) == 0  # none assigned yet: fine
    finally:
        db.dispose()
    again = project_join.finish_join(laptop, device_password=DEVICE_PASSWORD, response=reply, assignments=[])
    assert again.device_code == code


def test_start_join_refuses_bad_input_and_leaves_no_files(tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    laptop = tmp_path / "f.sqlite3"
    for kwargs, field in ((dict(device_name=""), "device_name"), (dict(device_password="short"), "password"),
                          (dict(device_password="worker123"), "password"), (dict(device_code="D 7"), "device_code"),
                          (dict(request_dir=tmp_path / "missing"), "request_dir")):
        args = {**dict(device_name="笔记本", device_password=DEVICE_PASSWORD, request_dir=usb), **kwargs}
        with pytest.raises(ValidationError) as info:
            project_join.start_join(laptop, **args)
        assert info.value.field == field
    assert sorted(p.name for p in tmp_path.iterdir()) == ["usb"] and list(usb.iterdir()) == []


def test_the_hq_check_against_a_laptop_list_works_on_a_vaulted_hq(hq_open) -> None:
    import json

    from survey_app.core.sync import checkpoint_checks, checkpoints

    hq, _admin = hq_open
    with hq.engine.connect() as conn:
        doc = checkpoints.of_head(conn, identity.unlock(hq), "HQ")
    listing = json.dumps({"format": checkpoint_checks.LIST_FORMAT, "version": 1, "device": "D01",
                          "checkpoints": [doc]}).encode()
    assert checkpoint_checks.check_against(hq, listing) == (1, [])
