"""`survey-app users list|add|passwd|unlock`: user accounts (HQ admin for changes)."""

from __future__ import annotations

import argparse
import os

from survey_app.core.domain.roles import Role


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("users", help="用户管理")
    usub = p.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    ls = usub.add_parser("list", help="列出用户")
    ls.set_defaults(func=list_users)
    add = usub.add_parser("add", help="新增用户（需指挥部管理员登录）")
    add.add_argument("username")
    add.add_argument("--role", choices=[r.value for r in Role], default=Role.FIELD_WORKER.value)
    add.add_argument("--name", default="", help="显示姓名")
    add.add_argument("--login", required=True, help="执行操作的管理员用户名（密码取自 SURVEY_APP_PASSWORD 或提示输入）")
    add.set_defaults(func=add_user)
    pw = usub.add_parser("passwd", help="修改密码")
    pw.add_argument("username")
    pw.add_argument("--login", required=True)
    pw.set_defaults(func=passwd)
    un = usub.add_parser("unlock", help="解除锁定")
    un.add_argument("username")
    un.add_argument("--login", required=True)
    un.set_defaults(func=unlock)


def _new_password() -> str:
    from survey_app.cli.common import read_password

    return read_password("新密码: ", "SURVEY_APP_NEW_PASSWORD")


def list_users(args: argparse.Namespace) -> int:
    from survey_app.cli.common import open_db
    from survey_app.core.services.users import list_users as do_list

    for u in do_list(open_db(args)):
        locked = "（已锁定）" if u.locked_until else ""
        print(f"{u.username:<16} {u.display_name:<8} {u.role.label}{locked}")
    return 0


def add_user(args: argparse.Namespace) -> int:
    from survey_app.cli.common import login, open_db
    from survey_app.core.services.users import create_user

    db = open_db(args)
    actor = login(db, args.login)
    info = create_user(db, actor, args.username, _new_password(), args.role, args.name)
    print(f"已新增用户 {info.username}（{info.role.label}）")
    return 0


def passwd(args: argparse.Namespace) -> int:
    from survey_app.cli.common import login, open_db
    from survey_app.core.services.users import set_password

    db = open_db(args)
    set_password(db, login(db, args.login), args.username, _new_password())
    print(f"已修改 {args.username} 的密码")
    return 0


def unlock(args: argparse.Namespace) -> int:
    from survey_app.cli.common import login, open_db
    from survey_app.core.services.users import unlock as do_unlock

    db = open_db(args)
    do_unlock(db, login(db, args.login), args.username)
    print(f"已解除 {args.username} 的锁定")
    return 0
