"""`survey-app --db DB sync …`: enrollment, day-end export, HQ import with receipts, assignments.

Key passwords come from SURVEY_APP_SYNC_PASSWORD or a prompt — only in the demo/legacy databases: a real
project's keys are unlocked with the project (cli/common.py). User logins (for HQ actions) from
SURVEY_APP_PASSWORD or a prompt; without ``--login``, the project's default user (the admin ``project
create`` made; "hq" in the demo). The whole round trip is in docs/sync.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sync", help="U盘同步：设备登记、导出、导入、回执、任务包")
    s = p.add_subparsers(dest="sync_command", metavar="ACTION", required=True)
    a = s.add_parser("init-hq", help="指挥部：生成指挥部密钥")
    a.set_defaults(func=init_hq)
    a = s.add_parser("enroll-request", help="设备：生成密钥并写出登记申请文件")
    a.add_argument("--name", required=True, help="设备名称，如“调查组一号笔记本”")
    a.add_argument("--out", type=Path, required=True)
    a.set_defaults(func=enroll_request)
    a = s.add_parser("enroll-accept", help="指挥部：接受登记申请，写出登记回复文件")
    a.add_argument("request", type=Path)
    a.add_argument("--out-dir", type=Path, required=True)
    a.add_argument("--code", help="指定设备代码（默认自动 D01、D02…）")
    a.add_argument("--login", default=None, help="以哪个用户执行（默认：项目的默认用户）")
    a.set_defaults(func=enroll_accept)
    a = s.add_parser("enroll-import", help="设备：导入登记回复文件")
    a.add_argument("file", type=Path)
    a.set_defaults(func=enroll_import)
    a = s.add_parser("export", help="设备：导出当日同步包到指定目录（U盘）")
    a.add_argument("--out-dir", type=Path, required=True)
    a.set_defaults(func=export)
    a = s.add_parser("import", help="导入同步包：指挥部导入设备同步包并写回执；设备导入回执或任务包")
    a.add_argument("files", type=Path, nargs="+")
    a.add_argument("--receipts-dir", type=Path, help="指挥部：回执写到此目录（默认与同步包同目录）")
    a.add_argument("--login", default=None, help="以哪个用户执行（默认：项目的默认用户）")
    a.set_defaults(func=import_files)
    a = s.add_parser("receipt", help="设备：导入指挥部回执")
    a.add_argument("file", type=Path)
    a.set_defaults(func=receipt)
    a = s.add_parser("assign", help="指挥部：为设备写出任务包（方案、设备公钥、分派的住户）")
    a.add_argument("--device", required=True)
    a.add_argument("--users", required=True, help="分派给哪些调查员（逗号分隔的用户名）")
    a.add_argument("--out-dir", type=Path, required=True)
    a.add_argument("--login", default=None, help="以哪个用户执行（默认：项目的默认用户）")
    a.set_defaults(func=assign)
    a = s.add_parser("issues", help="列出待处理的同步冲突与重算差异；resolve：按规则批量处理冲突")
    a.set_defaults(func=issues)
    r = a.add_subparsers(dest="issues_command", metavar="resolve", required=False).add_parser(
        "resolve", help="按规则批量处理冲突（先列出将处理哪些，再处理）")
    r.add_argument("--rule", required=True,
                   help="如 action=take;table=households;fields=notes,phone 或 action=keep;device=D02;bundle=3")
    r.add_argument("--dry-run", action="store_true", help="只列出将处理哪些冲突，不写入")
    r.add_argument("--login", default=None, help="以哪个用户执行（默认：项目的默认用户）")
    r.set_defaults(func=resolve_issues)


def _password(db) -> str | None:  # noqa: ANN001
    from survey_app.cli.common import key_password

    return key_password(db)


def init_hq(args: argparse.Namespace) -> int:
    from survey_app.cli.common import open_db
    from survey_app.core.sync.enrollment import init_hq as do

    db = open_db(args)
    public = do(db, _password(db))
    print(f"已生成指挥部密钥，指纹 {public.fingerprint}")
    return 0


def enroll_request(args: argparse.Namespace) -> int:
    from survey_app.cli.common import open_db
    from survey_app.core.sync.enrollment import make_request

    db = open_db(args, must_exist=False)
    req = make_request(db, _password(db), args.name, args.out)
    print(f"已写出登记申请 {args.out}（设备指纹 {req.fingerprint}）")
    return 0


def enroll_accept(args: argparse.Namespace) -> int:
    from survey_app.cli.common import login, open_db
    from survey_app.core.sync import identity
    from survey_app.core.sync.enrollment import accept_request

    db = open_db(args)
    actor = login(db, args.login)
    code, path = accept_request(db, actor, identity.unlock(db, _password(db)), args.request, args.out_dir,
                                code=args.code)
    print(f"已登记设备 {code}，登记回复文件：{path}")
    return 0


def enroll_import(args: argparse.Namespace) -> int:
    from survey_app.cli.common import open_db
    from survey_app.core.sync.enrollment import import_response

    db = open_db(args, must_exist=False)
    code, fingerprint = import_response(db, _password(db), args.file)
    print(f"登记完成：本机设备代码 {code}；指挥部密钥指纹 {fingerprint}（请与指挥部核对）")
    return 0


def export(args: argparse.Namespace) -> int:
    from survey_app.cli.common import open_db, progress_printer
    from survey_app.core.sync import identity
    from survey_app.core.sync.export import export_bundle

    db = open_db(args)
    result = export_bundle(db, identity.unlock(db, _password(db)), args.out_dir, progress=progress_printer())
    print(f"已导出第 {result.seq} 号同步包：{result.path}（{result.records} 条记录，{result.events} 个审计事件，"
          f"{result.media} 个附件）")
    return 0


def import_files(args: argparse.Namespace) -> int:
    from survey_app.cli.common import login, open_db
    from survey_app.core.sync import bundle, identity
    from survey_app.core.sync.assignments import import_assignment
    from survey_app.core.sync.importer import import_field_bundle
    from survey_app.core.sync.receipts import import_receipt, write_receipt

    db = open_db(args)
    pair = identity.unlock(db, _password(db))
    actor = None
    status = 0
    for path in args.files:
        kind = bundle.read_header(path).get("kind")
        if kind == "field":
            actor = actor or login(db, args.login)
            report = import_field_bundle(db, actor, pair, path)
            if report.already_imported:
                print(f"{path.name}：已导入过，未作任何改动")
            else:
                print(f"{path.name}：设备 {report.device} 第 {report.seq} 号，新增 {report.inserted}，更新 "
                      f"{report.updated}，未变 {report.unchanged}，冲突 {report.conflicts}")
            if report.missing_seqs:
                print(f"  注意：缺少设备 {report.device} 的第 {', '.join(map(str, report.missing_seqs))} 号同步包",
                      file=sys.stderr)
            for msg in report.recheck_differences + report.audit_warnings:
                print(f"  重算/审计差异：{msg}", file=sys.stderr)
            out = write_receipt(db, pair, report, args.receipts_dir or path.parent)
            print(f"  回执：{out}")
        elif kind == "receipt":
            body = import_receipt(db, pair, path)
            print(f"{path.name}：指挥部已收到第 {body['bundle_seq']} 号同步包（确认 {len(body['acked'])} 条记录）")
        elif kind == "assignment":
            r = import_assignment(db, pair, path)
            print(f"{path.name}：任务包新增 {r.inserted}，更新 {r.updated}，未变 {r.unchanged}，冲突 {r.conflicts}")
        else:
            print(f"{path.name}：不是可导入的同步包（{kind}）", file=sys.stderr)
            status = 1
    return status


def receipt(args: argparse.Namespace) -> int:
    args.files, args.receipts_dir, args.login = [args.file], None, None
    return import_files(args)


def assign(args: argparse.Namespace) -> int:
    from survey_app.cli.common import login, open_db
    from survey_app.core.sync import identity
    from survey_app.core.sync.assignments import write_assignment

    db = open_db(args)
    actor = login(db, args.login)
    users = [u.strip() for u in args.users.split(",") if u.strip()]
    path = write_assignment(db, actor, identity.unlock(db, _password(db)), args.device, users, args.out_dir)
    print(f"已写出任务包：{path}")
    return 0


def issues(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from survey_app.cli.common import open_db
    from survey_app.core.storage.models import SyncIssue

    db = open_db(args)
    with db.read() as s:
        rows = s.scalars(select(SyncIssue).where(SyncIssue.status == "open").order_by(SyncIssue.id)).all()
    for i in rows:
        print(f"#{i.id} [{i.kind}] {i.entity} {i.entity_id} 设备 {i.device}：{i.message}")
    print(f"共 {len(rows)} 项待处理")
    return 0


def resolve_issues(args: argparse.Namespace) -> int:
    from survey_app.cli.common import login, open_db
    from survey_app.core.sync import issue_rules

    db = open_db(args)
    rule = issue_rules.parse_rule(args.rule)
    shown = issue_rules.preview(db, rule)
    print(f"规则：{rule.describe()}")
    for i in shown.matched:
        print(f"  #{i.id} {i.entity} {i.entity_id[:12]} 设备 {i.device} 第 {i.bundle_seq} 号同步包")
    for i, why in shown.refused:
        print(f"  #{i.id} {i.entity} {i.entity_id[:12]} 设备 {i.device}：不能采用（{why}），保持待处理")
    if args.dry_run:
        print(f"将处理 {len(shown.matched)} 项冲突（预览，未写入）")
        return 0
    done = issue_rules.apply_rule(db, login(db, args.login), rule, expect=shown.ids)
    print(f"已处理 {len(done.matched)} 项冲突")
    return 0
