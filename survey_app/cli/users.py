"""`survey-app users list|add|passwd|unlock|disable|enable|reset|role|recover`: user accounts (HQ admin for
changes). ``recover`` is 忘记密码's twin: the project's recovery password (SURVEY_APP_RECOVERY_PASSWORD or a
prompt) gives a user a new password (SURVEY_APP_PASSWORD, --password-file or a prompt) without a login."""

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
    add.add_argument("--phone", default="", help="联系电话")
    add.add_argument("--login", help="执行操作的管理员用户名（默认：项目的默认用户；密码取自 SURVEY_APP_PASSWORD 或提示输入）")
    add.set_defaults(func=add_user)
    pw = usub.add_parser("passwd", help="修改密码")
    pw.add_argument("username")
    pw.add_argument("--login", required=True)
    pw.set_defaults(func=passwd)
    un = usub.add_parser("unlock", help="解除锁定")
    un.add_argument("username")
    un.add_argument("--login", required=True)
    un.set_defaults(func=unlock)
    _register_admin(usub)
    rec = usub.add_parser("recover", help="忘记密码：用项目的恢复密码为用户设新密码（无需登录）")
    rec.add_argument("username")
    rec.set_defaults(func=recover)


def _register_admin(usub: argparse._SubParsersAction) -> None:
    """disable / enable / reset / role (issue 12 item 6): --login defaults to the one active HQ admin."""
    for name, help_text, func in (("disable", "停用账号", disable), ("enable", "启用账号", enable),
                                  ("reset", "重置密码（下次登录须修改）", reset)):
        a = usub.add_parser(name, help=help_text)
        a.add_argument("username")
        a.add_argument("--login", help="执行操作的指挥部管理员（默认：项目的默认用户，即建项目时的管理员）")
        a.set_defaults(func=func)
    a = usub.add_parser("role", help="修改角色")
    a.add_argument("username")
    a.add_argument("role", choices=[r.value for r in Role])
    a.add_argument("--login", help="执行操作的指挥部管理员（默认：项目的默认用户，即建项目时的管理员）")
    a.set_defaults(func=change_role)


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
    from survey_app.core.services.users import create_account

    db = open_db(args)
    actor = login(db, args.login)
    info = create_account(db, actor, args.username, _new_password(), args.role, args.name, args.phone)
    print(f"已新增用户 {info.username}（{info.role.label}）")
    return 0


def passwd(args: argparse.Namespace) -> int:
    from survey_app.cli.common import login, open_db
    from survey_app.core.services.users import set_password

    db = open_db(args)
    actor = login(db, args.login, changing_password=args.username == args.login)  # a forced change is allowed
    set_password(db, actor, args.username, _new_password())
    print(f"已修改 {args.username} 的密码")
    return 0


def unlock(args: argparse.Namespace) -> int:
    from survey_app.cli.common import login, open_db
    from survey_app.core.services.users import unlock as do_unlock

    db = open_db(args)
    do_unlock(db, login(db, args.login), args.username)
    print(f"已解除 {args.username} 的锁定")
    return 0


def _admin_action(args: argparse.Namespace, action) -> None:  # noqa: ANN001
    from survey_app.cli.assign import acting_admin
    from survey_app.cli.common import open_db

    db = open_db(args)
    action(db, acting_admin(db, args.login))


def disable(args: argparse.Namespace) -> int:
    from survey_app.core.services.users import set_active

    left: list[int] = []
    _admin_action(args, lambda db, actor: left.append(set_active(db, actor, args.username, False).households))
    print(f"已停用 {args.username}")
    if left[0]:
        print(f"{args.username} 还负责 {left[0]} 户：请用 assign --from {args.username} --to 其他调查员 转派")
    return 0


def enable(args: argparse.Namespace) -> int:
    from survey_app.core.services.users import set_active

    _admin_action(args, lambda db, actor: set_active(db, actor, args.username, True))
    print(f"已启用 {args.username}")
    return 0


def reset(args: argparse.Namespace) -> int:
    from survey_app.core.services.users import reset_password

    _admin_action(args, lambda db, actor: reset_password(db, actor, args.username, _new_password()))
    print(f"已重置 {args.username} 的密码；该用户下次登录时须修改密码")
    return 0


def change_role(args: argparse.Namespace) -> int:
    from survey_app.core.domain.roles import Role
    from survey_app.core.services.users import change_role as do_change

    _admin_action(args, lambda db, actor: do_change(db, actor, args.username, args.role))
    print(f"已将 {args.username} 的角色改为{Role(args.role).label}")
    return 0


NO_RECOVERY = "没有给出恢复密码：请设置环境变量 SURVEY_APP_RECOVERY_PASSWORD，或在终端中运行以便输入"


def recover(args: argparse.Namespace) -> int:
    """忘记密码: the recovery password opens the project's vault; the user gets the new password."""
    import getpass

    from survey_app.cli.common import PASSWORD_FILE, read_password
    from survey_app.cli.project import read_recovery_password
    from survey_app.core.domain.errors import ValidationError
    from survey_app.core.services import project_files

    path = args.db
    if path is None or "://" in str(path) or not path.exists():
        raise ValidationError("请用 --db 指定项目数据库文件" if path is None else f"数据库文件不存在：{path}")
    if not project_files.is_real_project(path):
        raise ValidationError("这个数据库没有密钥库（演示项目）：请用 users reset 由管理员重设密码")
    recovery = read_recovery_password(None, twice=False, missing=NO_RECOVERY)
    prompted = os.environ.get("SURVEY_APP_PASSWORD") is None and PASSWORD_FILE[0] is None
    new = read_password(f"{args.username} 的新密码（至少 8 位）: ", "SURVEY_APP_PASSWORD")
    if prompted and getpass.getpass("再次输入新密码: ") != new:
        raise ValidationError("两次输入的新密码不一致")
    project_files.reset_password_with_recovery(path, args.username, recovery, new)
    print(f"已用恢复密码重设 {args.username} 的密码，请用新密码登录")
    return 0
