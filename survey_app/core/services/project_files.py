"""Creating and opening a real project's database through its key vault (core/security/vault.py).

A real project is a database file plus ``<db>.vault`` beside it. Opening it is: unlock the user's key
slot (wrong passwords and lock-outs are counted in the vault, since the database is still closed), open
the Database with the derived keys (``cipher_key`` for SQLCipher, ``audit_key`` for the audit chain),
attach the ``Unlocked`` to it (``db.unlocked``: the device identity and the file key come from there),
then the normal ``users.login`` check (active, role, the database's own lock-out and audit).

A user who arrived in an assignment has a password hash in the database but no slot yet:
``add_user_with_device_password`` opens the ``device`` slot instead, checks the user's password against
the database, and adds their slot — once. The demo (no vault) is opened by ``startup.open_database``.

A laptop that joins a project starts with a vault holding only the ``device`` slot
(``create_device_database``): nobody has an account on it until HQ's assignment brings them, and each
such user gets their slot at their first login (above).

A forgotten password loses nothing: the ``device`` slot is also the **recovery** slot (HQ's new-project
form asks a recovery password for it, kept sealed by the project lead). ``reset_password_with_recovery``
opens the project through it and gives a user a new password (hash, key slot, audit event) — 忘记密码 at
the login and ``survey-app users recover``.
"""

from __future__ import annotations

from pathlib import Path

from survey_app.core.domain.errors import AuthenticationError, ValidationError
from survey_app.core.domain.roles import Role
from survey_app.core.security import vault
from survey_app.core.security.passwords import hash_password
from survey_app.core.services import devices, users
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import User
from survey_app.core.storage.uow import Actor

__all__ = ["RECOVERY_EVENT", "add_user_with_device_password", "create_device_database", "create_project_database", "is_real_project",
           "open_project_database", "open_unlocked", "open_with_device_password", "relogin",
           "reset_password_with_recovery"]

RECOVERY_EVENT = "recovery_reset"  # audit action: a password reset with the recovery (device) password


def load_cipher_driver() -> None:
    """Import the SQLCipher driver (a login warms it while the user types; a missing one is reported then)."""
    from survey_app.core.storage import cipher

    cipher.dbapi()


def is_real_project(path: str | Path | None) -> bool:
    """A database with a key vault beside it (opened through this module, never directly)."""
    return vault.exists(path)


def _open_keyed(path: str | Path, unlocked: vault.Unlocked) -> Database:
    db = Database(path, cipher_key=unlocked.cipher_key, audit_key=unlocked.audit_key)
    vault.attach(db, unlocked)
    return db


def open_unlocked(path: str | Path, unlocked: vault.Unlocked) -> Database:
    """Open the project with keys already unlocked (e.g. from the device slot) and attach them."""
    db = _open_keyed(path, unlocked)
    try:
        devices.ensure_local_device(db)
    except BaseException:
        db.dispose()
        raise
    return db


def open_with_device_password(path: str | Path, device_password: str) -> Database:
    """Open the project through its ``device`` slot (a laptop before anyone logged in, the CLI's sync)."""
    store = vault.Vault.load(vault.vault_path(path))
    if not store.has_slot(vault.DEVICE_SLOT):
        raise AuthenticationError("本项目没有设置设备密码：请用本机已有的用户登录")
    return open_unlocked(path, store.unlock(vault.DEVICE_SLOT, device_password))


def _refuse_taken(path: Path) -> None:
    """Refuse a taken name; make a missing folder (owner-only, as the Database makes its folders)."""
    from survey_app.core.platform import private_dir

    if path.exists() or vault.vault_path(path).exists():
        raise ValidationError(f"项目文件已存在：{path.name}")
    if not path.parent.exists():
        private_dir(path.parent)


def create_device_database(path: str | Path, *, device_password: str, device_code: str | None = None,
                           device_name: str = "") -> tuple[Database, vault.Unlocked]:
    """A laptop's new, empty real-project database (encrypted) whose vault has only the ``device`` slot,
    with this machine's field device record (``device_code``/``device_name``, else a random code).
    Refused when the file or its vault exists. A failure once the files are made leaves them for the caller
    to remove (projects._remove_database_files), as ``create_project_database`` does."""
    path = Path(path)
    users.validate_new_password(device_password, real=True)
    _refuse_taken(path)
    store, unlocked = vault.Vault.create(vault.vault_path(path), {vault.DEVICE_SLOT: device_password})
    try:
        db = _open_keyed(path, unlocked)
    except BaseException:
        store.path.unlink(missing_ok=True)
        raise
    try:
        devices.ensure_local_device(db, default_code=device_code or None, name=device_name, kind="field")
    except BaseException:
        db.dispose()
        raise
    return db, unlocked


def create_project_database(path: str | Path, *, admin_username: str, admin_password: str,
                            device_password: str | None = None,
                            admin_display_name: str = "") -> tuple[Database, vault.Unlocked]:
    """A new real project's database (encrypted once SQLCipher is in) with its vault and first HQ admin.

    The admin's password opens slot ``user:<admin>``; ``device_password`` (when given) the ``device`` slot
    (recovery, adding users later). Both follow the real-project password rules. Refused when the file or
    its vault exists."""
    path = Path(path)
    admin_username = (admin_username or "").strip()
    if not admin_username or len(admin_username) > 64 or any(c.isspace() for c in admin_username):
        raise ValidationError("用户名不能为空，不能含空格，最多64个字符", "username")
    users.validate_new_password(admin_password, real=True)
    if device_password is not None:
        try:
            users.validate_new_password(device_password, real=True)
        except ValidationError as exc:
            raise ValidationError(f"恢复密码：{exc}", "device_password") from None
        if device_password == admin_password:
            raise ValidationError("恢复密码不能与管理员密码相同（管理员忘记密码时要用它重设）", "device_password")
    _refuse_taken(path)
    slots = {vault.user_slot(admin_username): admin_password}
    if device_password is not None:
        slots[vault.DEVICE_SLOT] = device_password
    store, unlocked = vault.Vault.create(vault.vault_path(path), slots)
    try:
        db = open_unlocked(path, unlocked)
    except BaseException:
        store.path.unlink(missing_ok=True)
        raise
    try:
        system = Actor(username="system", role=Role.HQ_ADMIN, device=devices.local_device_code(db))
        with db.uow(system) as uow:
            uow.session.add(User(username=admin_username, display_name=admin_display_name.strip() or admin_username,
                                 role=Role.HQ_ADMIN.value, password_hash=hash_password(admin_password)))
            uow.commit()
    except BaseException:
        db.dispose()
        raise
    return db, unlocked


def open_project_database(path: str | Path, username: str, password: str, *,
                          device: str | None = None) -> tuple[Database, Actor]:
    """Unlock ``username``'s slot, open the project with the derived keys, log in. Raises ``NoSlot`` for a
    user without a slot on this machine (see ``add_user_with_device_password``), ``AuthenticationError``
    for a wrong password or a lock-out."""
    path = Path(path)
    username = (username or "").strip()
    if not username:
        raise AuthenticationError("请输入用户名")
    unlocked = vault.Vault.load(vault.vault_path(path)).unlock(vault.user_slot(username), password)
    db = open_unlocked(path, unlocked)
    try:
        actor = users.login(db, username, password, device=device or devices.local_device_code(db))
    except BaseException:
        db.dispose()
        raise
    return db, actor


def add_user_with_device_password(path: str | Path, username: str, password: str, device_password: str, *,
                                  device: str | None = None) -> tuple[Database, Actor]:
    """First login on this machine of a user who has no slot (arrived in an assignment): the device
    password opens the vault, the user's password is checked against the database, then their slot is
    added under it. Returns the open database and the logged-in actor."""
    path = Path(path)
    username = (username or "").strip()
    store = vault.Vault.load(vault.vault_path(path))
    slot = vault.user_slot(username)
    if store.has_slot(slot):
        raise ValidationError("该用户在本机已有密钥，请直接登录")
    if not store.has_slot(vault.DEVICE_SLOT):
        raise AuthenticationError("本项目没有设置设备密码：请先用本机已有的用户登录，再切换到该用户")
    unlocked = store.unlock(vault.DEVICE_SLOT, device_password)
    db = open_unlocked(path, unlocked)
    try:
        actor = users.login(db, username, password, device=device or devices.local_device_code(db))
        store = vault.Vault.load(store.path)  # the unlock above rewrote the counters
        store.add_slot(unlocked, slot, password)
        vault.attach(db, vault.Vault.load(store.path).unlock(slot, password))
    except BaseException:
        db.dispose()
        raise
    return db, actor


def relogin(db: Database, username: str, password: str) -> Actor:
    """Switching user on an open real project: the new user's slot must open with their password (and
    counts failures like a first login) before ``users.login``; a user without a slot gets one once the
    database accepted their password (the master key is already unlocked in this session)."""
    unlocked = vault.session_of(db)
    if unlocked is None:
        return users.login(db, username, password, device=devices.local_device_code(db))
    username = (username or "").strip()
    if not username:
        raise AuthenticationError("请输入用户名")
    store, slot = vault.Vault.load(unlocked.vault_path), vault.user_slot(username)
    if not store.has_slot(slot):  # the project is open already: the database's check is the proof
        actor = users.login(db, username, password, device=devices.local_device_code(db))
        store.add_slot(unlocked, slot, password)
        return actor
    store.unlock(slot, password)
    return users.login(db, username, password, device=devices.local_device_code(db))


def reset_password_with_recovery(path: str | Path, username: str, recovery_password: str,
                                 new_password: str) -> None:
    """忘记密码: give ``username`` the new password ``new_password``, proven by the project's recovery
    (``device``) password. A wrong recovery password is counted by the vault's lock-out. The user must exist
    and be active; the new password follows the real-project rules and differs from the recovery password.
    The user's key slot is rewrapped under it (the other slots are untouched), the hash is written through
    the unit of work with the user's lock-out lifted and no forced change (they just chose it), and an audit
    event ``RECOVERY_EVENT`` records the reset (never a password). Refused on an enrolled laptop: accounts
    come from HQ there. The database is closed again; the caller then logs in as usual."""
    from sqlalchemy import select

    path = Path(path)
    username = (username or "").strip()
    if not username:
        raise ValidationError("请输入用户名", "username")
    users.validate_new_password(new_password, real=True)
    if new_password == recovery_password:
        raise ValidationError("新密码不能与恢复密码相同", "password")
    store = vault.Vault.load(vault.vault_path(path))
    if not store.has_slot(vault.DEVICE_SLOT):
        raise AuthenticationError("本项目没有设置恢复密码，无法用它重设密码：请联系指挥部管理员")
    unlocked = store.unlock(vault.DEVICE_SLOT, recovery_password)
    db = open_unlocked(path, unlocked)
    try:
        try:
            users.require_hq_machine(db)
        except ValidationError:
            raise ValidationError("本机是调查笔记本：忘记密码请联系指挥部管理员重设，再导入新的任务包") from None
        with db.read() as s:
            user = s.scalar(select(User).where(User.username == username, User.deleted_at.is_(None)))
            if user is None or not user.active:
                raise ValidationError(f"没有可用的用户“{username}”（不存在或已停用）", "username")
            role = Role(user.role)
        actor = Actor(username=username, role=role, device=devices.local_device_code(db))
        store = vault.Vault.load(store.path)  # the unlock above may have rewritten the counters
        slot = vault.user_slot(username)
        before = store.slot_snapshot(slot)
        store.rewrap(unlocked, slot, new_password)
        try:
            with db.uow(actor) as uow:
                row = uow.session.scalar(select(User).where(User.username == username))
                row.password_hash = hash_password(new_password)
                row.failed_logins, row.locked_until = 0, None
                row.must_change_password = False
                uow.record(RECOVERY_EVENT, "users", row.id.hex, {"username": username, "by": "recovery_password"})
                uow.commit()
        except BaseException:
            store.restore_slot(slot, before)
            raise
    finally:
        db.dispose()
