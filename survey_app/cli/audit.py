"""`survey-app audit verify|log`: check the audit hash chain; show a record's history."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("audit", help="审计链：校验 / 查看记录历史")
    asub = p.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    v = asub.add_parser("verify", help="先做 SQLite 完整性检查，再校验审计哈希链（登录后含密钥校验）与全部记录"
                                      "（发现文件损坏和绕过应用的修改）")
    v.add_argument("--json", action="store_true")
    v.add_argument("--against", type=Path, metavar="FILE",
                   help="指挥部：再核对设备导出的检查点列表（audit checkpoints --out）中本指挥部签发的检查点")
    v.set_defaults(func=verify)
    c = asub.add_parser("checkpoints", help="设备：导出本机保存的指挥部审计检查点，交指挥部 audit verify --against 核对")
    c.add_argument("--out", type=Path, required=True, metavar="FILE")
    c.set_defaults(func=export_checkpoints)
    log = asub.add_parser("log", help="显示审计事件")
    log.add_argument("--entity-id", help="只显示该记录（32位十六进制ID）的事件")
    log.add_argument("--last", type=int, default=20, help="最近N条（默认20）")
    log.set_defaults(func=show_log)


def verify(args: argparse.Namespace) -> int:
    from survey_app.cli.common import open_db, progress_printer
    from survey_app.core.services.audit import verify_database

    db = open_db(args)
    against = None
    if args.against is not None:
        from survey_app.core.domain.errors import ValidationError
        from survey_app.core.services.audit import verify_against

        try:
            data = args.against.read_bytes()
        except OSError:
            raise ValidationError(f"无法读取检查点文件：{args.against.name}") from None
        against, report = verify_against(db, data)
    else:
        report = verify_database(db, progress=None if args.json else progress_printer())
    if args.json:
        print(json.dumps({"ok": report.ok, "events": report.events, "rows": report.rows, "keyed": report.keyed,
                          "notes": report.notes,
                          "problems": [{"seq": p.seq, "message": p.message} for p in report.problems]},
                         ensure_ascii=False))
    elif report.ok:
        keyed = "（含密钥校验）" if report.keyed else ""
        print(f"审计链完整{keyed}：{report.events:,} 个事件，{report.rows:,} 条记录均与审计记录一致。")
        for note in report.notes:
            print(f"注意：{note}")
        if against is not None:
            print(f"设备保存的 {against} 个指挥部检查点均与本机审计链一致。")
    else:
        first = report.problems[0]
        where = f"（第一个异常事件 #{first.seq}）" if first.seq is not None else ""
        print(f"审计校验失败{where}：", file=sys.stderr)
        for p in report.problems:
            print(f"  - {p.message}", file=sys.stderr)
        for note in report.notes:
            print(f"注意：{note}", file=sys.stderr)
    return 0 if report.ok else 1


def show_log(args: argparse.Namespace) -> int:
    from survey_app.cli.common import open_db
    from survey_app.core.services.audit import recent_events

    db = open_db(args)
    for ev in recent_events(db, entity_id=args.entity_id, limit=args.last):
        print(f"#{ev.seq} {ev.at:%Y-%m-%d %H:%M:%S} {ev.user}@{ev.device} {ev.action} {ev.entity} {ev.entity_id}")
        if ev.changes not in ("{}", ""):
            print(f"    {ev.changes}")
    return 0


def export_checkpoints(args: argparse.Namespace) -> int:
    from survey_app.cli.common import open_db
    from survey_app.core.files import atomic_writer
    from survey_app.core.services.audit import export_checkpoints as export

    data = export(open_db(args))
    with atomic_writer(args.out) as f:
        f.write(data)
    print(f"已导出 {len(json.loads(data)['checkpoints'])} 个指挥部审计检查点：{args.out}")
    return 0
