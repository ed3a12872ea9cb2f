"""`survey-app roster import|undo|batches`, `appraisal import`, `households list`: HQ's roster and appraisal
imports and the household list, for scripting and support (the GUI's 名册与评估 tab is the twin).

Imports and undo act as an HQ administrator: ``--login NAME`` (default: the one active HQ admin, as
``assign`` does); the password comes from SURVEY_APP_PASSWORD, --password-file or a prompt.
A refused file prints every problem with its row number and exits 1; nothing is written.
"""

from __future__ import annotations

import argparse
import json
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("roster", help="入户名册：导入、撤销、批次列表（指挥部）")
    rsub = p.add_subparsers(dest="roster_command", metavar="ACTION", required=True)
    imp = rsub.add_parser("import", help="导入入户名册（.xlsx 或 .csv）")
    _import_options(imp)
    imp.set_defaults(func=roster_import, kind="roster")
    undo = rsub.add_parser("undo", help="撤销一个尚未被改动的导入批次")
    undo.add_argument("batch", help="批次编号（至少前6位，见 roster batches）")
    undo.add_argument("--login", default=None, help="执行操作的指挥部管理员（默认：项目的默认用户，即建项目时的管理员）")
    undo.set_defaults(func=batch_undo)
    ls = rsub.add_parser("batches", help="列出名册与评估结果的导入批次")
    ls.set_defaults(func=batches)
    _template_options(rsub, "roster", "空白入户名册模板（.xlsx，含填写说明）")

    a = sub.add_parser("appraisal", help="评估结果：导入（指挥部）")
    asub = a.add_subparsers(dest="appraisal_command", metavar="ACTION", required=True)
    aimp = asub.add_parser("import", help="导入评估结果（.xlsx 或 .csv）")
    _import_options(aimp)
    aimp.set_defaults(func=roster_import, kind="appraisal")
    aundo = asub.add_parser("undo", help="撤销一个尚未被改动的评估结果批次")
    aundo.add_argument("batch")
    aundo.add_argument("--login", default=None)
    aundo.set_defaults(func=batch_undo)
    _template_options(asub, "appraisal", "空白评估结果模板（.xlsx，含填写说明）")

    h = sub.add_parser("households", help="住户列表")
    hsub = h.add_subparsers(dest="households_command", metavar="ACTION", required=True)
    hl = hsub.add_parser("list", help="列出住户：户号、户主、片区、状态、调查员")
    hl.add_argument("--section", default=None, help="只列出该片区/地块")
    hl.add_argument("--status", default=None, help="只列出该状态（pending/surveyed/…或 待调查/已调查/…）")
    hl.add_argument("--json", action="store_true", help="输出 JSON（每行一户）")
    hl.set_defaults(func=households_list)


def _import_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help=".xlsx 或 .csv 文件")
    p.add_argument("--mapping", default=None, help="列对应关系 TOML 文件（字段 = \"列标题\"）；不给时按常见列名识别")
    p.add_argument("--header-row", type=int, default=None, help="标题行的行号（默认自动寻找）")
    p.add_argument("--dry-run", action="store_true", help="只检查并报告，不写入")
    p.add_argument("--login", default=None, help="执行操作的指挥部管理员（默认：项目的默认用户，即建项目时的管理员）")


def _template_options(sub: argparse._SubParsersAction, kind: str, what: str) -> None:
    t = sub.add_parser("template", help=f"写出{what}")
    t.add_argument("--out", required=True, help="保存到的 .xlsx 文件")
    t.set_defaults(func=write_template, kind=kind)


def write_template(args: argparse.Namespace) -> int:
    from pathlib import Path

    from survey_app.core.services.imports.templates import write_template as write

    path = Path(args.out)
    if path.exists():
        print(f"错误: {path.name} 已存在，未覆盖；请换一个文件名。", file=sys.stderr)
        return 1
    print(f"已写出模板：{write(args.kind, path)}")
    return 0


def _login(db, args: argparse.Namespace):  # noqa: ANN001, ANN202
    from survey_app.cli.assign import acting_admin

    return acting_admin(db, args.login)


def roster_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from survey_app.cli.common import open_db, progress_printer
    from survey_app.core.services import imports

    db = open_db(args)
    mapping = imports.load_mapping_file(Path(args.mapping), args.kind) if args.mapping else None
    actor = None if args.dry_run else _login(db, args)  # log in first: refuse a non-admin before the work
    if actor is not None:
        from survey_app.core.domain.roles import Permission

        actor.require(Permission.IMPORT_ROSTER)
    plan_fn = imports.plan_roster if args.kind == "roster" else imports.plan_appraisals
    plan = plan_fn(db, Path(args.file), mapping, header_row=args.header_row)
    print(f"{plan.table.file_name}：{plan.table.source}，第{plan.table.header_row}行为标题行")
    names = {f.key: f.label for f in imports.FIELDS[args.kind]}
    print("列对应：" + "，".join(f"{names[k]}←“{h}”" for k, h in plan.mapped_headers.items()))
    for p in plan.problems:
        print(f"问题 {p}")
    for p in plan.notices:
        print(f"提示 {p}")
    if not plan.ok:
        print(f"错误: 共{len(plan.problems)}个问题，整个文件未导入；请改正后重新导入。", file=sys.stderr)
        return 1
    print(plan.summary_line())
    if args.dry_run:
        print("（试运行：未写入）")
        return 0
    apply_fn = imports.apply_roster if args.kind == "roster" else imports.apply_appraisals
    result = apply_fn(db, actor, plan, progress=progress_printer() if sys.stderr.isatty() else None)
    print(result.line())
    print(f"批次编号：{result.batch_id}")
    return 0


def batch_undo(args: argparse.Namespace) -> int:
    from survey_app.cli.common import open_db
    from survey_app.core.services import imports

    db = open_db(args)
    print(imports.undo_batch(db, _login(db, args), args.batch))
    return 0


def batches(args: argparse.Namespace) -> int:
    from survey_app.cli.common import open_db
    from survey_app.core.domain.china_time import CHINA
    from survey_app.core.services import imports

    for b in imports.list_batches(open_db(args)):
        undone = "（已撤销）" if b.undone_at else ""
        when = b.created_at.astimezone(CHINA).strftime("%Y-%m-%d %H:%M")
        print(f"{b.id}  {when}  {b.kind_label}  {b.file_name}  新增{b.rows_added} 更新{b.rows_updated}  "
              f"{b.created_by}{undone}")
    return 0


def households_list(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from survey_app.cli.common import open_db
    from survey_app.core.domain.errors import ValidationError
    from survey_app.core.domain.statuses import HouseholdStatus
    from survey_app.core.storage.models import Household

    status = args.status
    if status:
        by_label = {s.label: s.value for s in HouseholdStatus}
        status = by_label.get(status, status)
        if status not in {s.value for s in HouseholdStatus}:
            raise ValidationError(f"状态“{args.status}”不认识（可用：{'、'.join(by_label)}）")
    db = open_db(args)
    stmt = (select(Household.household_code, Household.head_name, Household.section, Household.status,
                   Household.assigned_to).where(Household.deleted_at.is_(None)).order_by(Household.household_code))
    if args.section:
        stmt = stmt.where(Household.section == args.section)
    if status:
        stmt = stmt.where(Household.status == status)
    labels = {s.value: s.label for s in HouseholdStatus}
    with db.read() as s:
        for code, name, section, st, worker in s.execute(stmt):
            if args.json:
                print(json.dumps({"code": code, "head_name": name, "section": section, "status": st,
                                  "assigned_to": worker}, ensure_ascii=False))
            else:
                print(f"{code}\t{name}\t{section}\t{labels.get(st, st)}\t{worker}")
    return 0
