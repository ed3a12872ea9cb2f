"""`survey-app` command line: headless subcommands over the core services.

Each module named in COMMAND_MODULES defines ``register(subparsers)`` which adds its
subcommand(s) and sets ``func(args) -> int`` as the handler. Modules are imported only
to build the parser; heavy imports belong inside the handlers.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import sys
from pathlib import Path

COMMAND_MODULES = ("gui", "audit", "demo", "users", "calc", "verify", "agreement", "sync", "assign", "project", "policy", "roster", "hq",
                   "backup", "money")


def db_target(text: str) -> str | Path:
    """``--db``: a database URL stays a URL (a Path would fold its "//" into a local file name)."""
    return text if "://" in text else Path(text)


@functools.cache  # argparse parses with a built parser any number of times; scripts and tests call main() often
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="survey-app", description="征收补偿入户调查工作站 / survey workstation")
    parser.add_argument("--db", type=db_target, default=None,
                        help="SQLite database file or a database URL such as postgresql+psycopg://user@host/db "
                             "(default: the demo project in the per-user data folder)")
    parser.add_argument("--password-file", type=Path, default=None,
                        help="密码文件（第一行为密码），供脚本使用；也可用环境变量 SURVEY_APP_PASSWORD 等")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"survey_app.cli.{name}")
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    from survey_app.core.platform import safe_console

    safe_console()  # a GBK / cp1252 / ASCII console prints what it can and escapes the rest, never crashes
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    from survey_app.cli import common

    common.PASSWORD_FILE[0] = args.password_file
    # The handler as its module holds it now: the parser is built once per process, and a module's handler may
    # have been replaced since (tests patch them); a nested function or lambda is used as stored.
    func = getattr(sys.modules.get(args.func.__module__), args.func.__name__, args.func)
    try:
        return int(func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a clear one-line message, not a traceback, for known errors
        message = _known_error(exc)
        if message is None:
            raise
        print(f"错误: {message}", file=sys.stderr)
        return 1


def _known_error(exc: Exception) -> str | None:
    """One Chinese line for an error the user can act on (a database or disk fault included), else None."""
    import errno

    from survey_app.core.domain.errors import SurveyAppError

    if isinstance(exc, SurveyAppError):
        return str(exc)
    if type(exc).__module__.startswith(("sqlite3", "sqlalchemy")):  # reached the CLI without the mapping
        from survey_app.core.storage.errors import translate

        mapped = translate(exc)
        return None if mapped is None else str(mapped)
    if isinstance(exc, OSError):
        if exc.errno == errno.ENOSPC:
            return "磁盘空间不足，文件未能写完；请清理磁盘空间后重试。"
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return "没有权限读写该文件或文件夹（可能是只读的），请检查后重试。"
    return None
