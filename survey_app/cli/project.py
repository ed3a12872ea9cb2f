"""`survey-app --db P project create|show|list`: a real project, the CLI twin of 新建项目（指挥部）.

``project create`` makes a new database file (never over an existing one; without ``--db`` it goes into the
per-user data folder as ``<code>.sqlite3``) with the project, this machine as HQ with its sync keys, and
the first HQ administrator (default ``admin``), whom later commands act as by default. The password
comes from SURVEY_APP_PASSWORD, --password-file or a prompt (asked twice at a terminal); it also seals
HQ's sync keys. The **recovery password** (the vault's ``device`` slot: a forgotten password is reset with
it, ``users recover``) comes from SURVEY_APP_RECOVERY_PASSWORD, --recovery-password-file or a prompt; with
none of them and no terminal the project is not made. ``project list`` is this machine's list of projects
(the start window's list).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("project", help="项目：新建（指挥部）、查看、本机项目列表")
    s = p.add_subparsers(dest="project_command", metavar="ACTION", required=True)
    c = s.add_parser("create", help="新建项目数据库：项目信息、指挥部密钥、第一位指挥部管理员")
    c.add_argument("--name", required=True, help="项目名称")
    c.add_argument("--code", required=True, help="项目编号（英文字母、数字、-、_），如 FR2024-01")
    c.add_argument("--city", required=True, help="城市")
    c.add_argument("--admin", default="admin", help="第一位指挥部管理员的用户名（默认 admin）")
    c.add_argument("--display-name", default="", help="管理员显示姓名")
    c.add_argument("--decision-no", default="", help="征收决定文号")
    c.add_argument("--valuation-date", type=_date, default=None, help="评估时点 YYYY-MM-DD")
    c.add_argument("--signing-start", type=_date, default=None, help="签约期开始 YYYY-MM-DD")
    c.add_argument("--signing-end", type=_date, default=None, help="签约期结束 YYYY-MM-DD")
    c.add_argument("--target", default=None, help="货币化安置目标（%%），如 60")
    c.add_argument("--section", action="append", default=[],
                   help="片区/地块，可重复；写作“A1=一组”或只写名称“一组”")
    c.add_argument("--recovery-password-file", type=Path, default=None,
                   help="恢复密码文件（第一行）；也可用环境变量 SURVEY_APP_RECOVERY_PASSWORD；管理员忘记密码时用它重设")
    c.set_defaults(func=create)
    s.add_parser("show", help="显示项目信息").set_defaults(func=show)
    s.add_parser("list", help="列出本机已知的项目").set_defaults(func=list_projects)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{text}") from None


def _admin_password(username: str) -> str:
    import os

    from survey_app.cli.common import PASSWORD_FILE, read_password
    from survey_app.core.domain.errors import ValidationError

    prompted = os.environ.get("SURVEY_APP_PASSWORD") is None and PASSWORD_FILE[0] is None
    password = read_password(f"管理员 {username} 的密码（至少 8 位）: ", "SURVEY_APP_PASSWORD")
    if prompted and read_password("再次输入密码: ", "SURVEY_APP_PASSWORD") != password:
        raise ValidationError("两次输入的密码不一致")
    return password


RECOVERY_ENV = "SURVEY_APP_RECOVERY_PASSWORD"
NO_RECOVERY = ("没有给出恢复密码，项目未创建：请设置环境变量 SURVEY_APP_RECOVERY_PASSWORD 或使用 "
               "--recovery-password-file（管理员忘记密码时要用它重设）")


def read_recovery_password(path: Path | None, *, twice: bool, missing: str = NO_RECOVERY) -> str:
    """The recovery password: SURVEY_APP_RECOVERY_PASSWORD, else the first line of ``path``, else a prompt
    at a terminal (asked again when ``twice``). Never --password-file (that one holds the login password)."""
    import getpass
    import os

    from survey_app.core.domain.errors import ValidationError

    value = os.environ.get(RECOVERY_ENV)
    if value is not None:
        return value
    if path is not None:
        try:
            lines = path.read_text(encoding="utf-8-sig").splitlines()
        except OSError as e:
            raise ValidationError(f"无法读取恢复密码文件：{e.strerror or e}") from None
        if not lines or not lines[0]:
            raise ValidationError("恢复密码文件是空的")
        return lines[0]
    if not sys.stdin or not sys.stdin.isatty():
        raise ValidationError(missing)
    value = getpass.getpass("恢复密码（至少 8 位，交项目负责人另行保管）: ")
    if twice and getpass.getpass("再次输入恢复密码: ") != value:
        raise ValidationError("两次输入的恢复密码不一致")
    return value


def create(args: argparse.Namespace) -> int:
    from survey_app.core.paths import data_dir
    from survey_app.core.services import project_registry, users
    from survey_app.core.services.project_rules import check_admin, clean_code
    from survey_app.core.services.projects import create_project, refuse_existing

    code = clean_code(args.code)
    path = refuse_existing(args.db or data_dir() / f"{code}.sqlite3")
    check_admin(args.admin, "x" * 64)  # a bad user name is refused before the password is asked
    password = _admin_password(args.admin)
    users.validate_new_password(password, real=True)  # before the recovery password is asked
    recovery = read_recovery_password(args.recovery_password_file, twice=True)
    made = create_project(path, name=args.name, code=code, city=args.city, decision_no=args.decision_no,
                          valuation_date=args.valuation_date, signing_start=args.signing_start,
                          signing_end=args.signing_end, cash_target_pct=args.target, sections=args.section,
                          admin_username=args.admin, admin_password=password, display_name=args.display_name,
                          device_password=recovery)
    project_registry.remember(made.path, name=made.name, code=made.code, role="hq")
    print(f"已新建项目 {made.code}「{made.name}」：{made.path}")
    print(f"指挥部管理员：{made.admin_username}（之后的命令默认以此用户执行）")
    print("恢复密码已设置：请交项目负责人另行保管；管理员忘记密码时用 survey-app users recover 重设")
    print(f"指挥部密钥指纹：{_groups(made.fingerprint)}（调查员笔记本登记时请核对）")
    return 0


def _groups(text: str) -> str:
    text = text.upper()
    return " ".join(text[i:i + 4] for i in range(0, len(text), 4))


def show(args: argparse.Namespace) -> int:
    from survey_app.cli.common import open_db
    from survey_app.core.domain.errors import ValidationError
    from survey_app.core.services.projects import project_info

    info = project_info(open_db(args))
    if info is None:
        raise ValidationError("数据库中还没有项目")
    rows = [("项目编号", info.code), ("项目名称", info.name), ("城市", info.city), ("征收决定文号", info.decision_no),
            ("评估时点", _d(info.valuation_date)), ("签约期", _period(info.signing_start, info.signing_end)),
            ("货币化安置目标", f"{info.cash_target_pct}%" if info.cash_target_pct is not None else "未设定"),
            ("片区/地块", "、".join(f"{s.code}={s.name}" if s.code != s.name else s.name for s in info.sections)
             or "未设定"),
            ("指挥部密钥指纹", _groups(info.hq_fingerprint) if info.hq_fingerprint else "（本机不是指挥部）"),
            ("修改规则", "已有协议：修改须填写原因并记入审计" if info.locked else "尚无协议：可自由修改")]
    for label, value in rows:
        print(f"{label}：{value or '—'}")
    return 0


def _d(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def _period(start: dt.date | None, end: dt.date | None) -> str:
    return f"{_d(start) or '?'} 至 {_d(end) or '?'}" if start or end else ""


ROLE_LABELS = {"hq": "指挥部", "field": "调查员笔记本", "demo": "演示"}


def list_projects(args: argparse.Namespace) -> int:
    from survey_app.core.services import project_registry

    entries = project_registry.load()
    for p in entries:
        state = "（登记未完成）" if p.pending else ("" if p.exists else "（文件不存在）")
        opened = p.last_opened[:16].replace("T", " ") if p.last_opened else "从未打开"
        print(f"{p.code or '—':<12} {p.name or '—'}  [{ROLE_LABELS.get(p.role, p.role)}]  {opened}  {p.path}{state}")
    print(f"共 {len(entries)} 个项目")
    return 0
