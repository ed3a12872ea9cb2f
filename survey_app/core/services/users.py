"""Users: log in (with lockout), create users, change passwords. Roles are checked here, not in the UI.

In a real project (one with a key vault, core/security/vault.py) a password is at least
``REAL_MIN_LENGTH`` characters and never one of the demo accounts' passwords; a password an HQ admin
chose for someone else (a new account, a reset) must be changed at that user's next login
(``must_change_password``); and every password change rewraps that user's key slot, so the login
password keeps opening the vault.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from survey_app.core.domain.errors import AuthenticationError, ValidationError
from survey_app.core.domain.roles import Permission, Role
from survey_app.core.domain.written import Written, done, merged
from survey_app.core.security import vault
from survey_app.core.security.passwords import MIN_LENGTH, hash_password, verify_password
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import User
from survey_app.core.storage.types import utcnow
from survey_app.core.storage.uow import Actor, ChangeSet

MAX_FAILED_LOGINS = 5
REAL_MIN_LENGTH = 8
LOCKOUT = dt.timedelta(minutes=15)


@dataclass(frozen=True)
class UserInfo(Written):
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


def validate_new_password(password: str, *, real: bool = False) -> None:
    """Refuse a too short password; in a real project (``real``) also the demo passwords."""
    if real:
        from survey_app.core.services.demo.project import DEMO_USERS

        if len(password or "") < REAL_MIN_LENGTH:
            raise ValidationError(f"正式项目的密码至少{REAL_MIN_LENGTH}位", "password")
        if password in {p for _, p, _, _ in DEMO_USERS}:
            raise ValidationError("不能使用演示账号的密码，请另设一个密码", "password")
    elif len(password or "") < MIN_LENGTH:
        raise ValidationError(f"密码至少{MIN_LENGTH}位", "password")


def must_change_password(db: Database, username: str) -> bool:
    """Whether the user must choose a new password before working (a reset, or a first login)."""
    with db.read() as s:
        return bool(s.scalar(select(User.must_change_password).where(User.username == username,
                                                                      User.deleted_at.is_(None))))


def _rewrap_then(db: Database, username: str, password: str, write) -> None:  # noqa: ANN001
    """Run ``write()`` (the database change) with the user's key slot rewrapped under ``password`` first;
    if the database change fails, the old slot is put back (the login password keeps opening the vault)."""
    unlocked = vault.session_of(db)
    if unlocked is None:
        write()
        return
    store = vault.Vault.load(unlocked.vault_path)
    slot = vault.user_slot(username)
    before = store.slot_snapshot(slot)
    store.rewrap(unlocked, slot, password)
    try:
        write()
    except BaseException:
        store.restore_slot(slot, before)
        raise


def create_user(db: Database, actor: Actor, username: str, password: str, role: Role | str,
                display_name: str = "") -> UserInfo:
    """Create a user (HQ admin only)."""
    actor.require(Permission.MANAGE_USERS)
    username = (username or "").strip()
    if not username or len(username) > 64 or any(c.isspace() for c in username):
        raise ValidationError("用户名不能为空，不能含空格，最多64个字符", "username")
    real = vault.is_vaulted(db)
    validate_new_password(password, real=real)
    role = Role(role)
    with db.read() as s:
        if s.scalar(select(User.id).where(User.username == username)):
            raise ValidationError(f"用户名“{username}”已存在", "username")
    out: list[UserInfo] = []

    def write() -> None:
        with db.uow(actor) as uow:
            user = User(username=username, display_name=display_name or username, role=role.value,
                        password_hash=hash_password(password), must_change_password=real)
            uow.session.add(user)
            changes = uow.commit()
            out.append(done(_info(user), changes))
    _rewrap_then(db, username, password, write)
    return out[0]  # .changes: the commit's


def set_password(db: Database, actor: Actor, username: str, new_password: str) -> ChangeSet:
    """Change a password: one's own, or anyone's for an HQ admin (a reset: that user must change it at
    the next login). Also lifts a lockout. A real project rewraps the user's key slot. Returns what the
    commit changed."""
    reset = username != actor.username
    if reset:
        actor.require(Permission.MANAGE_USERS)
    validate_new_password(new_password, real=vault.is_vaulted(db))
    with db.read() as s:
        user = s.scalar(select(User).where(User.username == username))
        if user is None:
            raise ValidationError(f"没有用户“{username}”", "username")
        if not reset and verify_password(new_password, user.password_hash) and user.must_change_password:
            raise ValidationError("新密码不能与原密码相同", "password")
    out: list[ChangeSet] = []

    def write() -> None:
        with db.uow(actor) as uow:
            user = uow.session.scalar(select(User).where(User.username == username))
            user.password_hash = hash_password(new_password)
            user.failed_logins, user.locked_until = 0, None
            user.must_change_password = reset
            out.append(uow.commit())
    _rewrap_then(db, username, new_password, write)
    return out[0]


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


# --- Account administration at HQ (issue 12 item 6): create, disable/enable, reset, change role ---------
# Accounts only ever flow down from HQ (DESIGN §6): on an enrolled laptop these are refused, since the next
# assignment bundle would overwrite them. Every change is a row update, so the audit chain records it
# (the password hash redacted); the messages name the account, never a person.


@dataclass(frozen=True)
class AccountInfo(Written):
    username: str
    display_name: str
    role: Role
    active: bool
    locked_until: dt.datetime | None
    phone: str
    must_change_password: bool
    households: int  # assigned to this account (not tombstoned)


def require_hq_machine(db: Database) -> None:
    from survey_app.core.sync import identity
    from survey_app.core.sync.peers import HQ_CODE

    if db.setting(HQ_CODE) and db.setting(identity.ROLE) != "hq":
        raise ValidationError("本机是调查笔记本：用户账号只能在指挥部管理，由任务包下发")


def _account(session, username: str) -> User:  # noqa: ANN001
    user = session.scalar(select(User).where(User.username == username, User.deleted_at.is_(None)))
    if user is None:
        raise ValidationError(f"没有用户“{username}”", "username")
    return user


def _assigned_count(session, username: str) -> int:  # noqa: ANN001
    from sqlalchemy import func

    from survey_app.core.storage.models import Household

    return session.scalar(select(func.count()).select_from(Household).where(
        Household.assigned_to == username, Household.deleted_at.is_(None))) or 0


def _keep_an_admin(session, user: User) -> None:  # noqa: ANN001
    """Refuse leaving the project without an active HQ admin (nobody could manage users any more)."""
    if user.role != Role.HQ_ADMIN.value or not user.active:
        return
    others = session.scalar(select(User.id).where(User.role == Role.HQ_ADMIN.value, User.active.is_(True),
                                                  User.deleted_at.is_(None), User.id != user.id).limit(1))
    if others is None:
        raise ValidationError("这是最后一个可用的指挥部管理员账号，不能停用或改变其角色")


def create_account(db: Database, actor: Actor, username: str, password: str, role: Role | str,
                   display_name: str = "", phone: str = "") -> AccountInfo:
    """Create a user at HQ (HQ admin only) with role, display name and phone. The account itself is made by
    ``create_user`` (password rules, key-vault slot, must-change-at-first-login in a real project)."""
    actor.require(Permission.MANAGE_USERS)
    require_hq_machine(db)
    phone = (phone or "").strip()
    if len(phone) > 20 or any(not (c.isdigit() or c in "+- ") for c in phone):
        raise ValidationError("电话只能包含数字、空格、+ 和 -，最多20位", "phone")
    if len((display_name or "").strip()) > 128:
        raise ValidationError("显示姓名最多128个字符", "display_name")
    try:
        role = Role(role)
    except ValueError:
        raise ValidationError("角色只能是：" + "、".join(r.label for r in Role), "role") from None
    info = create_user(db, actor, username, password, role, (display_name or "").strip())
    changes = [info.changes]
    if phone:  # a second, small write: the account exists either way, its phone is filled in here
        with db.uow(actor) as uow:
            _account(uow.session, info.username).phone = phone
            changes.append(uow.commit())
    return done(next(a for a in list_accounts(db) if a.username == info.username), merged(*changes))


@dataclass(frozen=True)
class Activation(Written):
    """What ``set_active`` did: the households still assigned to the account (and ``.changes``)."""

    households: int


def set_active(db: Database, actor: Actor, username: str, active: bool) -> Activation:
    """Disable or enable an account (HQ admin only). Says how many households are still assigned to
    it, so HQ can reassign a disabled worker's households. One cannot disable oneself, nor the last admin."""
    actor.require(Permission.MANAGE_USERS)
    require_hq_machine(db)
    if not active and username == actor.username:
        raise ValidationError("不能停用自己正在使用的账号", "username")
    with db.uow(actor) as uow:
        user = _account(uow.session, username)
        if not active:
            _keep_an_admin(uow.session, user)
        user.active = bool(active)
        if active:
            user.failed_logins, user.locked_until = 0, None
        count = _assigned_count(uow.session, username)
        return done(Activation(count), uow.commit())


def reset_password(db: Database, actor: Actor, username: str, new_password: str) -> ChangeSet:
    """HQ admin: give another user a new password, to be changed at their next login; lifts a lockout
    (``set_password`` does the work, key-vault slot included)."""
    actor.require(Permission.MANAGE_USERS)
    require_hq_machine(db)
    if username == actor.username:
        raise ValidationError("请用“修改密码”修改自己的密码", "username")
    with db.read() as s:
        _account(s, username)
    return set_password(db, actor, username, new_password)


def change_role(db: Database, actor: Actor, username: str, role: Role | str) -> ChangeSet:
    """HQ admin: change a user's role. Not one's own (no admin locks themselves out), not the last admin's;
    households cannot stay assigned to an HQ admin (reassign them first). Returns what the commit changed."""
    actor.require(Permission.MANAGE_USERS)
    require_hq_machine(db)
    role = Role(role)
    if username == actor.username:
        raise ValidationError("不能修改自己的角色", "role")
    with db.uow(actor) as uow:
        user = _account(uow.session, username)
        if user.role == role.value:
            return ChangeSet()
        if user.role == Role.HQ_ADMIN.value:
            _keep_an_admin(uow.session, user)
        if role is Role.HQ_ADMIN and _assigned_count(uow.session, username):
            raise ValidationError(f"用户“{username}”还分派有住户：指挥部管理员不能负责住户，请先转派", "role")
        user.role = role.value
        return uow.commit()


def list_accounts(db: Database) -> list[AccountInfo]:
    """Every account with its phone, state and number of assigned households, by user name."""
    from sqlalchemy import func

    from survey_app.core.storage.models import Household

    with db.read() as s:
        counts = dict(s.execute(select(Household.assigned_to, func.count()).where(
            Household.deleted_at.is_(None), Household.assigned_to != "").group_by(Household.assigned_to)).all())
        rows = s.scalars(select(User).where(User.deleted_at.is_(None)).order_by(User.username))
        return [AccountInfo(u.username, u.display_name, Role(u.role), u.active, u.locked_until, u.phone or "",
                            bool(u.must_change_password), counts.get(u.username, 0)) for u in rows]
