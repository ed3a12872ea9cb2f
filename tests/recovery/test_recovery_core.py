"""忘记密码 in the core: the recovery (device) slot of the vault gives a user a new password — counted, audited,
and touching no other user's key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from recovery_helpers import ADMIN, ADMIN_PW, NEW_PW, RECOVERY_PW, WORKER, WORKER_PW, slot
from sqlalchemy import select

from survey_app.core.domain.errors import AuthenticationError, ValidationError
from survey_app.core.security import vault
from survey_app.core.services import users
from survey_app.core.services.project_files import (
    RECOVERY_EVENT,
    create_project_database,
    open_project_database,
    reset_password_with_recovery,
)
from survey_app.core.storage.models import AuditEvent


def test_wrong_recovery_password_is_refused_and_counted(hq_project: Path) -> None:
    for left in (4, 3, 2, 1):
        with pytest.raises(AuthenticationError, match=f"还可尝试{left}次"):
            reset_password_with_recovery(hq_project, ADMIN, "Not-the-seal-2024", NEW_PW)
        assert slot(hq_project, vault.DEVICE_SLOT)["failed"] == 5 - left
    with pytest.raises(AuthenticationError, match="已锁定"):
        reset_password_with_recovery(hq_project, ADMIN, "Not-the-seal-2024", NEW_PW)
    with pytest.raises(AuthenticationError, match="分钟后再试"):  # locked: even the right one waits
        reset_password_with_recovery(hq_project, ADMIN, RECOVERY_PW, NEW_PW)
    db, _ = open_project_database(hq_project, ADMIN, ADMIN_PW)  # nothing was changed
    db.dispose()


def test_reset_opens_with_the_new_password_only_and_leaves_other_slots(hq_project: Path) -> None:
    worker_slot, device_slot = slot(hq_project, vault.user_slot(WORKER)), slot(hq_project, vault.DEVICE_SLOT)
    admin_slot = slot(hq_project, vault.user_slot(ADMIN))
    reset_password_with_recovery(hq_project, ADMIN, RECOVERY_PW, NEW_PW)

    assert slot(hq_project, vault.user_slot(ADMIN)) != admin_slot
    assert slot(hq_project, vault.user_slot(WORKER)) == worker_slot
    assert slot(hq_project, vault.DEVICE_SLOT) == device_slot
    with pytest.raises(AuthenticationError, match="密码错误"):
        open_project_database(hq_project, ADMIN, ADMIN_PW)
    db, actor = open_project_database(hq_project, ADMIN, NEW_PW)
    try:
        assert actor.role.value == "hq_admin" and not users.must_change_password(db, ADMIN)
        with db.read() as s:
            events = s.scalars(select(AuditEvent).where(AuditEvent.action == RECOVERY_EVENT)).all()
            texts = [e.changes for e in s.scalars(select(AuditEvent))]
        assert len(events) == 1 and events[0].user == ADMIN
        assert json.loads(events[0].changes) == {"username": ADMIN, "by": "recovery_password"}
        assert not any(pw in t for t in texts for pw in (NEW_PW, RECOVERY_PW, ADMIN_PW))
    finally:
        db.dispose()
    db, _ = open_project_database(hq_project, WORKER, WORKER_PW)  # the worker still opens with theirs
    db.dispose()


def test_a_locked_out_user_is_let_in_with_the_new_password(hq_project: Path) -> None:
    for _ in range(vault.MAX_FAILURES):
        with pytest.raises(AuthenticationError):
            open_project_database(hq_project, WORKER, "Guessing-2024")
    reset_password_with_recovery(hq_project, WORKER, RECOVERY_PW, NEW_PW)
    db, actor = open_project_database(hq_project, WORKER, NEW_PW)
    db.dispose()
    assert actor.username == WORKER


@pytest.mark.parametrize(("user", "recovery", "new", "message"), [
    (ADMIN, "Not-the-seal-2024", "short1", "至少8位"),
    (ADMIN, "Not-the-seal-2024", "hq123456", "演示"),
    (ADMIN, RECOVERY_PW, RECOVERY_PW, "不能与恢复密码相同"),
    ("", "Not-the-seal-2024", NEW_PW, "请输入用户名"),
])
def test_bad_new_passwords_are_refused_before_the_vault_is_tried(hq_project: Path, user, recovery, new,
                                                                 message) -> None:
    admin_slot = slot(hq_project, vault.user_slot(ADMIN))
    with pytest.raises(ValidationError, match=message):
        reset_password_with_recovery(hq_project, user, recovery, new)
    assert slot(hq_project, vault.DEVICE_SLOT)["failed"] == 0
    assert slot(hq_project, vault.user_slot(ADMIN)) == admin_slot


def test_unknown_or_disabled_users_are_refused(hq_project: Path) -> None:
    with pytest.raises(ValidationError, match="没有可用的用户“nobody”"):
        reset_password_with_recovery(hq_project, "nobody", RECOVERY_PW, NEW_PW)
    db, admin = open_project_database(hq_project, ADMIN, ADMIN_PW)
    try:
        users.set_active(db, admin, WORKER, False)
    finally:
        db.dispose()
    before = slot(hq_project, vault.user_slot(WORKER))
    with pytest.raises(ValidationError, match="已停用"):
        reset_password_with_recovery(hq_project, WORKER, RECOVERY_PW, NEW_PW)
    assert slot(hq_project, vault.user_slot(WORKER)) == before


def test_on_an_enrolled_laptop_it_is_refused(hq_project: Path) -> None:
    from survey_app.core.sync import identity
    from survey_app.core.sync.peers import HQ_CODE

    db, _ = open_project_database(hq_project, ADMIN, ADMIN_PW)
    try:  # what an enrolment leaves on a laptop: an HQ to answer to, and the field role
        db.set_setting(HQ_CODE, "HQ")
        db.set_setting(identity.ROLE, "field")
    finally:
        db.dispose()
    with pytest.raises(ValidationError, match="调查笔记本"):
        reset_password_with_recovery(hq_project, WORKER, RECOVERY_PW, NEW_PW)


def test_a_project_without_recovery_slot_says_so(tmp_path: Path) -> None:
    db, _ = create_project_database(tmp_path / "old.sqlite3", admin_username=ADMIN, admin_password=ADMIN_PW)
    db.dispose()
    with pytest.raises(AuthenticationError, match="没有设置恢复密码"):
        reset_password_with_recovery(tmp_path / "old.sqlite3", ADMIN, RECOVERY_PW, NEW_PW)


@pytest.mark.parametrize(("recovery", "message"), [(ADMIN_PW, "不能与管理员密码相同"), ("short", "恢复密码：.*至少8位"),
                                                   ("worker123", "恢复密码：.*演示")])
def test_the_recovery_password_follows_the_rules(tmp_path: Path, recovery: str, message: str) -> None:
    path = tmp_path / "new.sqlite3"
    with pytest.raises(ValidationError, match=message) as info:
        create_project_database(path, admin_username=ADMIN, admin_password=ADMIN_PW, device_password=recovery)
    assert info.value.field == "device_password" and not path.exists() and not vault.vault_path(path).exists()
