"""Users: log in (with lockout), create users, change passwords. Roles are checked here, not in the UI."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from survey_app.core.domain.errors import AuthenticationError, ValidationError
from survey_app.core.domain.roles import Permission, Role
from survey_app.core.security.passwords import MIN_LENGTH, hash_password, verify_password
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import User
from survey_app.core.storage.types import utcnow
from survey_app.core.storage.uow import Actor

MAX_FAILED_LOGINS = 5
LOCKOUT = dt.timedelta(minutes=15)


@dataclass(frozen=True)
class UserInfo:
    username: str
    display_name: str
    role: Role
    active: bool
    locked_until: dt.datetime | None


def _info(u: User) -> UserInfo:
    return UserInfo(u.username, u.display_name, Role(u.role), u.active, u.locked_until)


def login(db: Database, username: str, password: str, *, device: str, now: dt.datetime | None = None) -> Actor:
    """Check a user name and password; return the Actor to work as.

    Every attempt is audited. After MAX_FAILED_LOGINS failures in a row the account is locked
    for LOCKOUT; a locked account is refused even with the right password.
    """
    now = now or utcnow()
    username = (username or "").strip()
    system = Actor(username=username or "?", role=Role.FIELD_WORKER, device=device)
    with db.uow(system) as uow:
        user = uow.session.scalar(select(User).where(User.username == username, User.deleted_at.is_(None)))
        if user is None or not user.active:
            uow.record("login_failed", "users", "", {"username": username, "reason": "unknown"})
            uow.commit()
            raise AuthenticationError("用户名或密码错误")
        if user.locked_until and user.locked_until > now:
            minutes = max(1, int((user.locked_until - now).total_seconds() // 60) + 1)
            uow.record("login_refused", "users", user.id.hex, {"reason": "locked"})
            uow.commit()
            raise AuthenticationError(f"连续{MAX_FAILED_LOGINS}次密码错误，账户已锁定，请{minutes}分钟后再试或联系管理员解锁")
        if not verify_password(password or "", user.password_hash):
            user.failed_logins += 1
            left = MAX_FAILED_LOGINS - user.failed_logins
            if left <= 0:
                user.locked_until = now + LOCKOUT
                user.failed_logins = 0
            uow.commit()
            if left <= 0:
                raise AuthenticationError(
                    f"连续{MAX_FAILED_LOGINS}次密码错误，账户已锁定{int(LOCKOUT.total_seconds() // 60)}分钟")
            raise AuthenticationError(f"用户名或密码错误（还可尝试{left}次）")
        user.failed_logins = 0
        user.locked_until = None
        user.last_login_at = now
        actor = Actor(username=user.username, role=Role(user.role), device=device, display_name=user.display_name)
        uow.commit()
    return actor


def validate_new_password(password: str) -> None:
    if len(password or "") < MIN_LENGTH:
        raise ValidationError(f"密码至少{MIN_LENGTH}位", "password")


def create_user(db: Database, actor: Actor, username: str, password: str, role: Role | str,
                display_name: str = "") -> UserInfo:
    """Create a user (HQ admin only)."""
    actor.require(Permission.MANAGE_USERS)
    username = (username or "").strip()
    if not username or len(username) > 64 or any(c.isspace() for c in username):
        raise ValidationError("用户名不能为空，不能含空格，最多64个字符", "username")
    validate_new_password(password)
    role = Role(role)
    with db.uow(actor) as uow:
        if uow.session.scalar(select(User.id).where(User.username == username)):
            raise ValidationError(f"用户名“{username}”已存在", "username")
        user = User(username=username, display_name=display_name or username, role=role.value,
                    password_hash=hash_password(password))
        uow.session.add(user)
        uow.commit()
        return _info(user)


def set_password(db: Database, actor: Actor, username: str, new_password: str) -> None:
    """Change a password: one's own, or anyone's for an HQ admin. Also lifts a lockout."""
    if username != actor.username:
        actor.require(Permission.MANAGE_USERS)
    validate_new_password(new_password)
    with db.uow(actor) as uow:
        user = uow.session.scalar(select(User).where(User.username == username))
        if user is None:
            raise ValidationError(f"没有用户“{username}”", "username")
        user.password_hash = hash_password(new_password)
        user.failed_logins, user.locked_until = 0, None
        uow.commit()


def unlock(db: Database, actor: Actor, username: str) -> None:
    actor.require(Permission.MANAGE_USERS)
    with db.uow(actor) as uow:
        user = uow.session.scalar(select(User).where(User.username == username))
        if user is None:
            raise ValidationError(f"没有用户“{username}”", "username")
        user.failed_logins, user.locked_until = 0, None
        uow.commit()


def list_users(db: Database) -> list[UserInfo]:
    with db.read() as s:
        return [_info(u) for u in s.scalars(select(User).where(User.deleted_at.is_(None)).order_by(User.username))]
