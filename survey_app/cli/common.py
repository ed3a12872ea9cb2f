"""Helpers shared by CLI subcommands: opening the database, logging in, printing progress.

A real project (``<db>.vault`` beside the database) is unlocked before it is opened. With ``--login USER``
that user's key slot opens with SURVEY_APP_PASSWORD (or --password-file, or a prompt) and they are logged
in. Without it: the ``device`` slot with the device password when SURVEY_APP_SYNC_PASSWORD is set (a
laptop, scripts that hold the device password), else the project's default user — the admin ``project
create`` made (the vault's hint; ``projects.default_cli_user`` in the database) — with SURVEY_APP_PASSWORD,
else the device slot. ``login(db, None)`` then acts as whoever opened the project, or the default user.
In a real project the sync keys come with the unlock: no sync key password is asked. A user who must
change their password is refused everything but ``users passwd`` for themselves.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import weakref
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # main() imports this module before every handler: `survey-app gui` must not pay SQLAlchemy's
    from survey_app.core.domain.actor import Actor  # import before its login dialog paints
    from survey_app.core.storage.database import Database

# Who logged in while a real project was unlocked for this command (so ``login`` does not ask again).
_LOGGED_IN: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def open_db(args: argparse.Namespace, *, must_exist: bool = True) -> Database:
    """The database named by ``--db`` (default: the demo project in the per-user data folder)."""
    from survey_app.core.domain.errors import ValidationError
    from survey_app.core.paths import default_db_path
    from survey_app.core.services.startup import open_database

    path = args.db or default_db_path()
    if must_exist and "://" not in str(path) and not path.exists():
        raise ValidationError(f"数据库文件不存在：{path}")
    from survey_app.core.services import project_files

    if project_files.is_real_project(path):
        return _open_real(args, path)
    return open_database(path)


def _open_real(args: argparse.Namespace, path) -> Database:  # noqa: ANN001
    from survey_app.core.security import vault
    from survey_app.core.services import project_files

    store = vault.Vault.load(vault.vault_path(path))
    device = store.has_slot(vault.DEVICE_SLOT)
    username = getattr(args, "login", None)
    if not username and not (device and os.environ.get("SURVEY_APP_SYNC_PASSWORD") is not None):
        username = store.default_user
    if username:
        password = read_password(f"{username} 的密码: ", "SURVEY_APP_PASSWORD")
        db, actor = project_files.open_project_database(path, username, password)
        _LOGGED_IN[db] = actor
        return db
    if not device:
        from survey_app.core.domain.errors import ValidationError

        raise ValidationError("本项目没有设置设备密码：请用 --login 指定用户")
    unlocked = store.unlock(vault.DEVICE_SLOT, read_password("设备密码: ", "SURVEY_APP_SYNC_PASSWORD"))
    return project_files.open_unlocked(path, unlocked)


def key_password(db: Database) -> str | None:
    """The sync key password, asked only where keys are sealed under one (legacy/demo): a real project's
    keys were unlocked with the project (None)."""
    from survey_app.core.sync import identity

    if not identity.needs_password(db):
        return None
    return read_password("同步密钥密码: ", "SURVEY_APP_SYNC_PASSWORD")


# Set by main() from the global --password-file option: the first line of that file is the password
# every prompt would otherwise ask for (scripts and schedulers have no terminal).
PASSWORD_FILE: list = [None]
_TYPED: dict[str, str] = {}  # what a prompt got, per variable: one command asks for one password once


def read_password(prompt: str, env: str) -> str:
    """A password from ``env``, else --password-file, else a terminal prompt; with none of them, a
    one-line Chinese message (never a traceback from getpass without a terminal)."""
    from survey_app.core.domain.errors import ValidationError

    value = os.environ.get(env)
    if value is not None:
        return value
    if PASSWORD_FILE[0] is not None:
        try:
            lines = PASSWORD_FILE[0].read_text(encoding="utf-8-sig").splitlines()
        except OSError as e:
            raise ValidationError(f"无法读取密码文件：{e.strerror or e}") from None
        if not lines or not lines[0]:
            raise ValidationError("密码文件是空的")
        return lines[0]
    if not sys.stdin or not sys.stdin.isatty():
        raise ValidationError(f"没有终端可输入密码：请设置环境变量 {env} 或使用 --password-file 文件")
    if env not in _TYPED:
        _TYPED[env] = getpass.getpass(prompt)
    return _TYPED[env]


def login(db: Database, username: str | None, *, changing_password: bool = False) -> Actor:
    """Log in for a CLI action. The password comes from SURVEY_APP_PASSWORD, --password-file or a prompt.
    ``username`` None (no ``--login``): whoever unlocked the project for this command, else the project's
    default CLI user (``projects.default_cli_user``: the admin ``project create`` made; "hq" in the demo).
    A user who must change their password is refused unless ``changing_password`` (``users passwd``)."""
    from survey_app.core.domain.errors import AuthenticationError
    from survey_app.core.services import project_files, users
    from survey_app.core.services.devices import local_device_code
    from survey_app.core.services.projects import default_cli_user

    actor = _LOGGED_IN.get(db)
    if not username:
        username = actor.username if actor is not None else default_cli_user(db)
    if actor is not None and actor.username != username:
        raise AuthenticationError("项目已用另一个用户解开，请用同一个 --login")
    if actor is None:
        password = read_password(f"{username} 的密码: ", "SURVEY_APP_PASSWORD")
        if project_files.is_real_project(db.path):
            actor = project_files.relogin(db, username, password)
        else:
            actor = users.login(db, username, password, device=local_device_code(db))
    if not changing_password and users.must_change_password(db, actor.username):
        raise AuthenticationError(f"用户“{actor.username}”必须先修改密码：请运行 "
                                  f"survey-app users passwd {actor.username} --login {actor.username}")
    return actor


def progress_printer(label_width: int = 0):  # noqa: ANN201 - returns a progress callable
    """A progress(done, total, label) that redraws one line on stderr."""
    def progress(done: int, total: int, label: str) -> None:
        pct = 100 * done // total if total else 100
        end = "\n" if done >= total else ""
        print(f"\r{label}: {done:,}/{total:,} ({pct}%)", end=end, file=sys.stderr, flush=True)
    return progress
