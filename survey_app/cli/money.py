"""`survey-app --db P pay|handover|grievance …`: money and moving out, and grievances, headless.

    pay --agreement NO --amount 100000.00 --date 2024-03-01 --ref TX… [--method bank|cash|cheque]
        [--receipt R…] [--kind compensation|transition] [--list]       补偿款支付 (HQ)
    handover --household CODE --date D [--water …] [--power …] [--gas …] [--keys N] [--notes …]
        [--photo FILE[:category]] …                                    交房验收 (supervisor or HQ)
    grievance add --household CODE --kind petition|dispute|complaint --summary … [--due D] [--detail …]
    grievance list [--household CODE] [--status open|following|closed|unresolved] [--overdue]
    grievance follow --id ID --text … [--date D]
    grievance close --id ID --resolution …                          (HQ)

``--login`` names the user (default: whoever unlocked the project, else its default user); the password
comes from SURVEY_APP_PASSWORD, --password-file or a prompt. The services decide who may do what; a
refusal is one Chinese line and exit status 1. Money is read as exact decimals (never floats).
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{text}") from None


def register(sub: argparse._SubParsersAction) -> None:
    pay = sub.add_parser("pay", help="补偿款支付：登记一笔付款（指挥部）")
    pay.add_argument("--agreement", required=True, help="协议编号")
    pay.add_argument("--amount", help="金额（元，最多两位小数），如 100000.00")
    pay.add_argument("--date", type=_date, help="付款日期 YYYY-MM-DD（默认今天）")
    pay.add_argument("--ref", default="", help="银行转账流水号")
    pay.add_argument("--receipt", default="", help="凭证号 / 收据号")
    pay.add_argument("--method", default="bank", choices=("bank", "cash", "cheque"), help="付款方式（默认 bank 银行转账）")
    pay.add_argument("--kind", default="compensation", choices=("compensation", "transition"),
                     help="compensation 补偿款（默认）或 transition 过渡费")
    pay.add_argument("--note", default="", help="备注")
    pay.add_argument("--list", action="store_true", help="只列出该协议住户的付款记录")
    pay.set_defaults(func=run_pay)
    ho = sub.add_parser("handover", help="交房验收：登记交房（复核员或指挥部）")
    ho.add_argument("--household", required=True, help="户号")
    ho.add_argument("--date", type=_date, help="交房日期 YYYY-MM-DD（默认今天）")
    ho.add_argument("--water", help="水表读数")
    ho.add_argument("--power", help="电表读数")
    ho.add_argument("--gas", help="燃气表读数")
    ho.add_argument("--keys", type=int, default=0, help="交回钥匙数")
    ho.add_argument("--notes", default="", help="验收说明")
    ho.add_argument("--photo", action="append", default=[], metavar="FILE[:CATEGORY]",
                    help="照片（可多次）；类别 meters 表计、keys 钥匙、house 房屋现状、other 其他（默认 house）")
    ho.set_defaults(func=run_handover)
    g = sub.add_parser("grievance", help="信访/纠纷：登记、列表、跟进、办结")
    gs = g.add_subparsers(dest="grievance_command", metavar="ACTION", required=True)
    add = gs.add_parser("add", help="登记信访纠纷")
    add.add_argument("--household", required=True, help="户号")
    add.add_argument("--kind", required=True, choices=("petition", "dispute", "complaint"),
                     help="petition 信访、dispute 纠纷、complaint 投诉")
    add.add_argument("--summary", required=True, help="事由")
    add.add_argument("--detail", default="", help="详细说明")
    add.add_argument("--due", type=_date, help="办理期限 YYYY-MM-DD")
    add.add_argument("--file", action="append", type=Path, default=[], help="附件（可多次）")
    lst = gs.add_parser("list", help="列出信访纠纷")
    lst.add_argument("--household", help="户号")
    lst.add_argument("--status", choices=("open", "following", "closed", "unresolved"))
    lst.add_argument("--overdue", action="store_true", help="只列逾期未办结的")
    fol = gs.add_parser("follow", help="登记跟进情况")
    fol.add_argument("--id", required=True, help="信访纠纷编号（list 显示的前 12 位即可）")
    fol.add_argument("--text", required=True, help="跟进情况")
    fol.add_argument("--date", type=_date, help="跟进日期（默认今天）")
    close = gs.add_parser("close", help="办结（指挥部）")
    close.add_argument("--id", required=True)
    close.add_argument("--resolution", required=True, help="处理结果")
    for p in (pay, ho, add, lst, fol, close):
        p.add_argument("--login", help="以哪个用户操作（默认：解开项目的用户或项目默认用户）")
    add.set_defaults(func=run_grievance_add)
    lst.set_defaults(func=run_grievance_list)
    fol.set_defaults(func=run_grievance_follow)
    close.set_defaults(func=run_grievance_close)


def _session(args: argparse.Namespace):  # noqa: ANN202
    from survey_app.cli.common import login, open_db

    db = open_db(args)
    return db, login(db, args.login)


def _today(value: dt.date | None) -> dt.date:
    from survey_app.core.domain import china_time

    return value or china_time.today()


def _household_id(db, code: str):  # noqa: ANN001, ANN202
    from sqlalchemy import select

    from survey_app.core.domain.errors import ValidationError
    from survey_app.core.storage.models import Household

    with db.read() as s:
        hid = s.scalar(select(Household.id).where(Household.household_code == code, Household.deleted_at.is_(None)))
    if hid is None:
        raise ValidationError(f"没有户号为“{code}”的住户")
    return hid


def run_pay(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from survey_app.core.domain.errors import NotFound, ValidationError
    from survey_app.core.services import money
    from survey_app.core.storage.models import Agreement

    db, actor = _session(args)
    if args.list:
        money.require_finance(actor, "查看付款记录")
        with db.read() as s:
            hid = s.scalar(select(Agreement.household_id).where(Agreement.number == args.agreement))
        if hid is None:
            raise NotFound(f"没有编号为 {args.agreement} 的协议")
        for p in money.payments_of(db, hid):
            print(f"{p.paid_on.isoformat()}  {money.KINDS[p.kind]}第{p.instalment}期  {p.amount:,} 元  "
                  f"{money.METHODS.get(p.method, p.method)}  {p.bank_ref or p.receipt_no}  协议 {p.agreement_number}")
        summary = money.paid_summary(db, hid)
        if summary is not None:
            print(f"结算金额 {summary.net:,} 元，已付补偿款 {summary.paid:,} 元，未付 {summary.outstanding:,} 元；"
                  f"已付过渡费 {summary.transition_paid:,} 元")
        return 0
    if not args.amount:
        raise ValidationError("请用 --amount 给出金额")
    p = money.record_payment(db, actor, args.agreement, args.amount, _today(args.date), method=args.method,
                             receipt_no=args.receipt, bank_ref=args.ref, kind=args.kind, note=args.note)
    print(f"已登记付款：协议 {p.agreement_number}（户 {p.household_code}）{money.KINDS[p.kind]}第{p.instalment}期 "
          f"{p.amount:,} 元，{p.paid_on.isoformat()}，{money.METHODS[p.method]}")
    return 0


def run_handover(args: argparse.Namespace) -> int:
    from survey_app.core.services.handover import record_handover

    db, actor = _session(args)
    photos = []
    for item in args.photo:
        path, _, category = item.rpartition(":") if ":" in Path(item).name else (item, "", "house")
        photos.append((Path(path), category or "house"))
    info = record_handover(db, actor, _household_id(db, args.household), _today(args.date), water=args.water,
                           power=args.power, gas=args.gas, keys=args.keys, notes=args.notes, photos=photos)
    print(f"已登记交房验收：户 {info.household_code}，{info.handed_on.isoformat()}，钥匙 {info.keys_count} 把，"
          f"照片 {info.photos} 张；住户状态为已交房")
    return 0


def _grievance_id(db, prefix: str) -> str:  # noqa: ANN001
    from sqlalchemy import select

    from survey_app.core.domain.errors import NotFound, ValidationError
    from survey_app.core.storage.models import Grievance

    text = prefix.strip().lower().replace("-", "")
    if len(text) < 6:
        raise ValidationError("信访纠纷编号至少给出前 6 位")
    with db.read() as s:
        ids = [g.hex for g in s.scalars(select(Grievance.id).where(Grievance.deleted_at.is_(None)))
               if g.hex.startswith(text)]
    if not ids:
        raise NotFound(f"没有编号为 {prefix} 的信访纠纷")
    if len(ids) > 1:
        raise ValidationError(f"编号 {prefix} 不唯一，请多给几位")
    return ids[0]


def run_grievance_add(args: argparse.Namespace) -> int:
    from survey_app.core.services import grievances as gv

    db, actor = _session(args)
    g = gv.add_grievance(db, actor, _household_id(db, args.household), args.kind, args.summary,
                         detail=args.detail, due_on=args.due, files=args.file)
    print(f"已登记{g.kind_label}：{g.id[:12]}（户 {g.household_code}）{g.summary}"
          + (f"，办理期限 {g.due_on.isoformat()}" if g.due_on else ""))
    return 0


def run_grievance_list(args: argparse.Namespace) -> int:
    from survey_app.core.domain import china_time
    from survey_app.core.services import grievances as gv

    db, _actor = _session(args)
    today = china_time.today()
    rows = gv.list_grievances(db, household_id=_household_id(db, args.household) if args.household else None,
                              status=args.status, overdue_on=today if args.overdue else None)
    for g in rows:
        late = "（逾期）" if g.overdue(today) else ""
        due = g.due_on.isoformat() if g.due_on else "—"
        print(f"{g.id[:12]}  {g.household_code}  {g.kind_label}  {g.status_label}{late}  登记 {g.raised_on.isoformat()}"
              f"  期限 {due}  {g.summary}")
    print(f"共 {len(rows)} 件")
    return 0


def run_grievance_follow(args: argparse.Namespace) -> int:
    from survey_app.core.services import grievances as gv

    db, actor = _session(args)
    g = gv.follow_up(db, actor, _grievance_id(db, args.id), args.text, on=args.date)
    print(f"已登记跟进：{g.id[:12]}（户 {g.household_code}）现为{g.status_label}，共 {len(g.follow_ups)} 次跟进")
    return 0


def run_grievance_close(args: argparse.Namespace) -> int:
    from survey_app.core.services import grievances as gv

    db, actor = _session(args)
    gid = _grievance_id(db, args.id)
    gv.close_grievance(db, actor, gid, args.resolution)
    print(f"已办结：{gid[:12]}")
    return 0
