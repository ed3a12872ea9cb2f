from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from survey_app.core.domain.errors import AuthenticationError, PermissionDenied, ValidationError
from survey_app.core.domain.roles import Role
from survey_app.core.services import users
from survey_app.core.storage.models import AuditEvent


def test_demo_users_log_in_with_their_roles(demo_db) -> None:
    actor = users.login(demo_db, "worker", "worker123", device="T01")
    assert (actor.username, actor.role, actor.device) == ("worker", Role.FIELD_WORKER, "T01")
    assert users.login(demo_db, "reviewer", "review123", device="T01").role == Role.SUPERVISOR
    assert users.login(demo_db, "hq", "hq123456", device="T01").role == Role.HQ_ADMIN


def test_wrong_password_counts_down_then_locks(demo_db) -> None:
    for left in (4, 3, 2, 1):
        with pytest.raises(AuthenticationError, match=f"还可尝试{left}次"):
            users.login(demo_db, "worker", "nope", device="T01")
    with pytest.raises(AuthenticationError, match="已锁定"):
        users.login(demo_db, "worker", "nope", device="T01")
    with pytest.raises(AuthenticationError, match="已锁定"):  # even the right password now
        users.login(demo_db, "worker", "worker123", device="T01")
    later = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=16)
    assert users.login(demo_db, "worker", "worker123", device="T01", now=later).username == "worker"


def test_an_admin_unlocks(demo_db) -> None:
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            users.login(demo_db, "worker", "nope", device="T01")
    admin = users.login(demo_db, "hq", "hq123456", device="T01")
    users.unlock(demo_db, admin, "worker")
    assert users.login(demo_db, "worker", "worker123", device="T01")


def test_unknown_user_gets_the_same_message_and_is_audited(demo_db) -> None:
    with pytest.raises(AuthenticationError, match="^用户名或密码错误$"):
        users.login(demo_db, "ghost", "x", device="T01")
    with demo_db.read() as s:
        assert s.scalars(select(AuditEvent.action).order_by(AuditEvent.seq.desc())).first() == "login_failed"


def test_services_enforce_roles(demo_db) -> None:
    worker = users.login(demo_db, "worker", "worker123", device="T01")
    with pytest.raises(PermissionDenied, match="管理用户"):
        users.create_user(demo_db, worker, "new", "secret1", Role.FIELD_WORKER)
    with pytest.raises(PermissionDenied):
        users.set_password(demo_db, worker, "hq", "whatever1")
    users.set_password(demo_db, worker, "worker", "changed1")  # one's own password is allowed
    assert users.login(demo_db, "worker", "changed1", device="T01")


def test_admin_creates_users(demo_db) -> None:
    admin = users.login(demo_db, "hq", "hq123456", device="T01")
    info = users.create_user(demo_db, admin, "li", "secret1", "supervisor", "李工")
    assert info.role == Role.SUPERVISOR
    assert users.login(demo_db, "li", "secret1", device="T01").display_name == "李工"
    with pytest.raises(ValidationError, match="已存在"):
        users.create_user(demo_db, admin, "li", "secret1", Role.SUPERVISOR)
    with pytest.raises(ValidationError, match="至少6位"):
        users.create_user(demo_db, admin, "wu", "123", Role.SUPERVISOR)
