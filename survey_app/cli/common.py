"""Helpers shared by CLI subcommands: opening the database, logging in, printing progress."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from survey_app.core.storage.database import Database
from survey_app.core.storage.uow import Actor


def open_db(args: argparse.Namespace, *, must_exist: bool = True) -> Database:
    """The database named by ``--db`` (default: the demo project in the per-user data folder)."""
    from survey_app.core.domain.errors import ValidationError
    from survey_app.core.paths import default_db_path
    from survey_app.core.services.startup import open_database

    path = args.db or default_db_path()
    if must_exist and "://" not in str(path) and not path.exists():
        raise ValidationError(f"数据库文件不存在：{path}")
    return open_database(path)


# Set by main() from the global --password-file option: the first line of that file is the password
# every prompt would otherwise ask for (scripts and schedulers have no terminal).
PASSWORD_FILE: list = [None]


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
    return getpass.getpass(prompt)


def login(db: Database, username: str) -> Actor:
    """Log in for a CLI action. The password comes from SURVEY_APP_PASSWORD, --password-file or a prompt."""
    from survey_app.core.services.devices import local_device_code
    from survey_app.core.services.users import login as do_login

    password = read_password(f"{username} 的密码: ", "SURVEY_APP_PASSWORD")
    return do_login(db, username, password, device=local_device_code(db))


def progress_printer(label_width: int = 0):  # noqa: ANN201 - returns a progress callable
    """A progress(done, total, label) that redraws one line on stderr."""
    def progress(done: int, total: int, label: str) -> None:
        pct = 100 * done // total if total else 100
        end = "\n" if done >= total else ""
        print(f"\r{label}: {done:,}/{total:,} ({pct}%)", end=end, file=sys.stderr, flush=True)
    return progress
