"""`survey-app --db P hq ledger|report|dashboard`: HQ's 台账, monthly report and dashboard, headless.

    hq ledger --out F.xlsx                  the 台账: one row per household
    hq report --month YYYY-MM --out F.xlsx  the monthly report by section, this month against last
    hq dashboard [--json]                   the dashboard's figures (JSON: money as exact strings)
    hq effective --date D | --failed | --show   协议生效: record the date the agreements took effect, or that they
                                            did not by the deadline (--reason when recording again), or show it

HQ admin only: ``--login`` (default: the one active HQ admin); password from SURVEY_APP_PASSWORD,
--password-file or a prompt. Refusals are one Chinese line on stderr and exit status 1.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("hq", help="指挥部报表：台账、月报、总览")
    s = p.add_subparsers(dest="hq_command", metavar="ACTION", required=True)
    ledger = s.add_parser("ledger", help="导出台账（每户一行，.xlsx）")
    ledger.add_argument("--out", type=Path, required=True, help="写出的 .xlsx 文件")
    report = s.add_parser("report", help="导出月报（按片区，本月与上月对比，.xlsx）")
    report.add_argument("--month", required=True, help="月份 YYYY-MM，如 2026-10")
    report.add_argument("--out", type=Path, required=True, help="写出的 .xlsx 文件")
    dash = s.add_parser("dashboard", help="显示总览数字")
    dash.add_argument("--json", action="store_true", help="输出 JSON")
    dash.add_argument("--days", type=int, default=30, help="每日趋势的天数（默认 30）")
    eff = s.add_parser("effective", help="登记协议生效（生效日期，或期限届满未达到签约比例）")
    what = eff.add_mutually_exclusive_group(required=True)
    what.add_argument("--date", type=_day, help="协议生效日期 YYYY-MM-DD")
    what.add_argument("--failed", action="store_true", help="期限届满签约比例未达到，协议未生效")
    what.add_argument("--show", action="store_true", help="只显示已登记的情况")
    eff.add_argument("--reason", default="", help="重新登记的原因（已登记过时必填，记入审计）")
    eff.add_argument("--note", default="", help="说明（可选，如公告文号）")
    for q in (ledger, report, dash, eff):
        q.add_argument("--login", help="执行操作的指挥部管理员（默认：唯一的指挥部管理员）")
    eff.set_defaults(func=run_effective)
    ledger.set_defaults(func=run_ledger)
    report.set_defaults(func=run_report)
    dash.set_defaults(func=run_dashboard)


def _open(args: argparse.Namespace):  # noqa: ANN202
    from survey_app.cli.assign import acting_admin
    from survey_app.cli.common import open_db
    from survey_app.core.services.reports import require_hq

    db = open_db(args)
    require_hq(acting_admin(db, args.login))
    return db


def _out(path: Path) -> Path:
    from survey_app.core.domain.errors import ValidationError

    if path.suffix.lower() != ".xlsx":
        raise ValidationError(f"输出文件须以 .xlsx 结尾：{path}")
    if not path.parent.exists():
        raise ValidationError(f"文件夹不存在：{path.parent}")
    return path


def run_ledger(args: argparse.Namespace) -> int:
    from survey_app.cli.common import progress_printer
    from survey_app.core.services.reports import ledger_xlsx

    out = _out(args.out)
    db = _open(args)
    summary = ledger_xlsx(db, out, progress=progress_printer())
    print(f"已导出台账：{summary.households} 户，建筑面积合计 {summary.area:,} m²，"
          f"结算金额合计 {summary.net:,} 元 → {summary.path}")
    return 0


def run_report(args: argparse.Namespace) -> int:
    from survey_app.core.services.reports import monthly_report_xlsx, parse_month
    from survey_app.core.services.reports.monthly import totals_of

    month = parse_month(args.month)
    out = _out(args.out)
    rows = monthly_report_xlsx(_open(args), month, out)
    t = totals_of(rows)
    print(f"已导出 {month.year}年{month.month}月 月报：{len(rows)} 个片区，本月签约 {t.signed} 户"
          f"（上月 {t.signed_prev} 户），累计签约 {t.cum} 户 → {out}")
    return 0


def _pct(value: object) -> str:
    return "—" if value is None else f"{value}%"


def run_dashboard(args: argparse.Namespace) -> int:
    from survey_app.core.domain.errors import ValidationError
    from survey_app.core.services.reports import dashboard

    if not 1 <= args.days <= 366:
        raise ValidationError("--days 应在 1 到 366 之间")
    d = dashboard(_open(args), days=args.days)
    if args.json:
        print(d.as_json())
        return 0
    rate = d.cash_rate
    print(f"{d.project_name}　总览（{d.today.isoformat()}）")
    print(f"住户 {d.households.value} 户：" + "，".join(f"{c.label} {c.value}" for c in d.by_status))
    print(f"已签约 {d.signed.value} 户（{_pct(d.signed_pct)}）")
    rule = d.effective_when  # the policy's 协议生效条件 (compensation/effect.py)
    if rule is not None:
        reached = d.signed_pct is not None and d.signed_pct >= rule.rate
        state = "已达到" if reached else ("未达到，签约期限已过" if d.today > rule.by else "尚未达到")
        print(f"协议生效条件：{rule.by.isoformat()} 前签约比例达到 {rule.rate.normalize():f}%（当前 {_pct(d.signed_pct)}，{state}）")
    print(f"货币化安置率 {_pct(rate.pct)}（货币补偿与房票 {rate.cash_like.value} 户 / 已签协议 {rate.signed.value} 户；"
          f"目标 {_pct(rate.target_pct)}）")
    print(f"已承诺金额（已签协议结算金额）{d.money_total:,} 元")
    for m in d.money_by_mode:
        print(f"  {m.label}：{m.households} 户，补偿总额 {m.total:,} 元，结算金额 {m.net:,} 元")
    if d.money_by_item:
        print("按补偿项目：")
        for i in d.money_by_item:
            print(f"  {i.label}：{i.amount:,} 元（{i.households} 户）")
    for title, rows in (("按片区", d.by_section), ("按调查员", d.by_worker)):
        print(f"{title}（户数 / 已调查 / 已测算 / 已签约）：")
        for p in rows:
            print(f"  {p.label}：{p.households} / {p.surveyed} / {p.calculated} / {p.signed}")
    active = [p for p in d.trend if p.surveyed or p.signed]
    print(f"近 {len(d.trend)} 天：调查 {sum(p.surveyed for p in d.trend)} 户，签约 {sum(p.signed for p in d.trend)} 户"
          + ("" if active else "（无）"))
    for p in active:
        print(f"  {p.day.isoformat()}：调查 {p.surveyed}，签约 {p.signed}")
    print(f"未结信访 {d.open_grievances.value} 件")
    end = d.signing_end.isoformat() if d.signing_end else "未设定"
    print(f"逾期未签 {d.overdue.value} 户（签约期截止 {end}）")
    return 0


def _day(text: str):  # noqa: ANN202 - argparse type: a date, or a Chinese refusal
    import datetime as dt

    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{text}") from None


def run_effective(args: argparse.Namespace) -> int:
    from survey_app.cli.assign import acting_admin
    from survey_app.cli.common import open_db
    from survey_app.core.services.agreements.effect_record import effect_record, record_effect
    from survey_app.core.services.reports import require_hq

    db = open_db(args)
    actor = acting_admin(db, args.login)
    require_hq(actor)  # HQ administrators only
    if args.show:
        found = effect_record(db)
        print(found.words() if found is not None else "尚未登记协议生效情况")
        return 0
    found = record_effect(db, actor, effective_on=args.date, failed=args.failed, note=args.note, reason=args.reason)
    print(f"已登记：{found.words()}")
    return 0
