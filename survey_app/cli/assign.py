"""`survey-app --db P assign …`: give households to field workers at HQ, set who uses which laptop.

    assign --section A1[,A2] --to USER       every household of the sections
    assign --households CODE,CODE --to USER  the listed 户号
    assign --from A --to B                   reassign A's households (signed ones stay with A)
    assign --device D01 --workers A,B        which workers use laptop D01
    assign --list                            sections, workers and laptops

``--dry-run`` shows the plan and writes nothing; ``--out-dir DIR`` then writes the assignment bundle of
every laptop concerned (sync key password from SURVEY_APP_SYNC_PASSWORD, --password-file or a prompt).
HQ admin login: ``--login`` (default: the one active HQ admin, when there is just one).
Refusals are one Chinese line on stderr and exit status 1 (cli/__init__.py).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # building the parser must not import the storage layer (~1 CPU-s per CLI process)
    from survey_app.core.storage.database import Database
    from survey_app.core.storage.uow import Actor


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("assign", help="指挥部：按地块或户号把住户分派给调查员、转派、指定笔记本的调查员")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--section", help="地块，可用逗号分隔多个")
    what.add_argument("--households", help="户号，逗号分隔")
    what.add_argument("--from", dest="from_worker", metavar="USER", help="转派：把此调查员的住户转给 --to")
    what.add_argument("--device", help="设备代码：设置哪些调查员使用这台笔记本（配合 --workers）")
    what.add_argument("--list", action="store_true", help="列出地块、调查员和笔记本")
    p.add_argument("--to", metavar="USER", help="分派给哪个调查员（用户名）")
    p.add_argument("--workers", help="与 --device 一起：使用该笔记本的调查员，逗号分隔")
    p.add_argument("--dry-run", action="store_true", help="只显示将分派多少户，不写入")
    p.add_argument("--out-dir", type=Path, help="分派后为受影响的笔记本写出任务包到此文件夹")
    p.add_argument("--login", help="执行操作的指挥部管理员（默认：项目的默认用户，即建项目时的管理员）")
    p.set_defaults(func=run)


def acting_admin(db: Database, login: str | None) -> Actor:
    """Log in as ``login``, or (none named) as whoever unlocked the project for this command, else the
    project's default CLI user: the admin ``project create`` made (cli/common.login)."""
    from survey_app.cli.common import login as do_login

    return do_login(db, login)


def run(args: argparse.Namespace) -> int:
    from survey_app.cli.common import open_db
    from survey_app.core.domain.errors import ValidationError
    from survey_app.core.services import assignment_admin as aa

    db = open_db(args)
    if args.list:
        return _list(db)
    if args.device:
        if args.workers is None:
            raise ValidationError("请用 --workers 给出使用该笔记本的调查员（逗号分隔；空字符串表示清空）")
        names = aa.set_device_workers(db, acting_admin(db, args.login), args.device.strip().upper(),
                                      args.workers.split(","))
        print(f"设备 {args.device.strip().upper()} 的调查员：{'、'.join(names) or '（无）'}")
        return _export(db, args, None, [args.device.strip().upper()]) if args.out_dir else 0
    if not args.to:
        raise ValidationError("请用 --to 指定接收住户的调查员")
    sections = [s for s in (args.section or "").replace("，", ",").split(",") if s.strip()]
    if args.dry_run:
        plan = (aa.plan_reassign(db, args.from_worker, args.to) if args.from_worker
                else aa.plan_assign(db, args.to, sections=sections, codes=args.households or ""))
        _print_plan(plan, "（预览，未写入）")
        return 0
    actor = acting_admin(db, args.login)
    plan = (aa.reassign(db, actor, args.from_worker, args.to) if args.from_worker
            else aa.assign(db, actor, args.to, sections=sections, codes=args.households or ""))
    _print_plan(plan, "")
    if args.from_worker:
        print(f"提示：{args.from_worker} 的笔记本上尚未交回的修改，涉及已转出住户的将被指挥部拒收；"
              "转派前应先导入其最新同步包。")
    if not plan.devices:
        print(f"{args.to} 还没有指定笔记本：用 assign --device 设备代码 --workers {args.to} 指定后再写出任务包。")
        return 0
    print(f"需要更新任务包的笔记本：{'、'.join(plan.devices)}")
    return _export(db, args, actor, plan.devices) if args.out_dir else 0


def _print_plan(plan, note: str) -> None:  # noqa: ANN001
    print(plan.summary() + note)
    for worker, n in sorted(plan.from_workers.items()):
        print(f"  从 {worker} 转出 {n} 户")
    if plan.kept_signed:
        shown = "、".join(plan.kept_signed[:20]) + ("……" if len(plan.kept_signed) > 20 else "")
        print(f"  已签约、保留原调查员：{shown}")


def _export(db: Database, args: argparse.Namespace, actor: Actor | None, codes: list[str]) -> int:
    from survey_app.cli.common import progress_printer, read_password
    from survey_app.core.services.assignment_admin import export_bundles
    from survey_app.core.sync import identity

    actor = actor or acting_admin(db, args.login)
    pair = identity.unlock(db, read_password("同步密钥密码: ", "SURVEY_APP_SYNC_PASSWORD"))
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for path in export_bundles(db, actor, pair, codes, args.out_dir, progress=progress_printer()):
        print(f"已写出任务包：{path}")
    return 0


def _list(db: Database) -> int:
    from survey_app.core.services import assignment_admin as aa
    from survey_app.core.services.users import list_accounts

    print("地块：")
    for section, n in aa.sections(db):
        print(f"  {section or '（未分地块）'}  {n} 户")
    print("调查员：")
    for a in list_accounts(db):
        if a.role.value in aa.ASSIGNABLE_ROLES:
            state = "" if a.active else "（已停用）"
            print(f"  {a.username:<16} {a.role.label}{state}  负责 {a.households} 户")
    print("笔记本：")
    for d in aa.laptops(db):
        state = "（已停用）" if d.revoked else ("" if d.enrolled else "（未登记）")
        print(f"  {d.code:<6} {d.name}{state}  调查员：{'、'.join(d.workers) or '（无）'}")
    return 0
