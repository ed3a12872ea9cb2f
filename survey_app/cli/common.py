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


def login(db: Database, username: str) -> Actor:
    """Log in for a CLI action. The password comes from SURVEY_APP_PASSWORD or a prompt."""
    from survey_app.core.services.devices import local_device_code
    from survey_app.core.services.users import login as do_login

    password = os.environ.get("SURVEY_APP_PASSWORD")
    if password is None:
        password = getpass.getpass(f"{username} 的密码: ")
    return do_login(db, username, password, device=local_device_code(db))


def progress_printer(label_width: int = 0):  # noqa: ANN201 - returns a progress callable
    """A progress(done, total, label) that redraws one line on stderr."""
    def progress(done: int, total: int, label: str) -> None:
        pct = 100 * done // total if total else 100
        end = "\n" if done >= total else ""
        print(f"\r{label}: {done:,}/{total:,} ({pct}%)", end=end, file=sys.stderr, flush=True)
    return progress
