"""`survey-app --db DB agreement render|notice|keys …`: agreements from the command line (HQ batch printing, tests)."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("agreement", help="协议：生成协议与公示表 PDF、导出设备公钥")
    asub = p.add_subparsers(dest="agreement_command", metavar="ACTION", required=True)
    r = asub.add_parser("render", help="按住户所选方案生成协议 PDF（需已测算并选定方案）")
    r.add_argument("--household", required=True, help="户号")
    r.add_argument("--out", type=Path, required=True, help="输出 PDF 文件")
    r.add_argument("--login", default="hq", help="以哪个用户出具（密码取自 SURVEY_APP_PASSWORD 或提示输入）")
    r.set_defaults(func=render)
    n = asub.add_parser("notice", help="生成地块公示表 PDF（姓名脱敏，不含身份证号）")
    n.add_argument("--section", required=True, help="地块，如 A1")
    n.add_argument("--out", type=Path, required=True)
    n.set_defaults(func=notice)
    k = asub.add_parser("keys", help="导出本项目设备公钥（供离线核验）")
    k.add_argument("--out", type=Path, help="输出文件（默认打印）")
    k.set_defaults(func=keys)


def render(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from survey_app.cli.common import login, open_db
    from survey_app.core.domain.errors import ValidationError
    from survey_app.core.services.agreements.documents import render_agreement_pdf
    from survey_app.core.services.agreements.lifecycle import prepare
    from survey_app.core.storage.models import Household

    db = open_db(args)
    actor = login(db, args.login)
    with db.read() as s:
        hid = s.scalar(select(Household.id).where(Household.household_code == args.household,
                                                  Household.deleted_at.is_(None)))
    if hid is None:
        raise ValidationError(f"没有户号为“{args.household}”的住户")
    info = prepare(db, actor, hid)
    render_agreement_pdf(db, info.id, args.out)
    print(f"协议 {info.number}（{info.status}）已生成：{args.out}")
    return 0


def keys(args: argparse.Namespace) -> int:
    from survey_app.cli.common import open_db
    from survey_app.core.files import atomic_write_bytes
    from survey_app.core.security.keys import export_public_keys

    text = export_public_keys(open_db(args))
    if args.out:
        atomic_write_bytes(args.out, text.encode())
    else:
        print(text, end="")
    return 0


def notice(args: argparse.Namespace) -> int:
    from survey_app.cli.common import open_db
    from survey_app.core.services.agreements.notice import render_notice_pdf

    n = render_notice_pdf(open_db(args), args.section, args.out)
    print(f"公示表已生成（{n} 户）：{args.out}")
    return 0
