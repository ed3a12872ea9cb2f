"""`survey-app [--db DB] verify PATH|--text PAYLOAD [--keys FILE] [--json]`: is this printed agreement genuine?"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("verify", help="核验协议二维码（PDF、照片/扫描件或二维码文本）")
    p.add_argument("path", nargs="?", type=Path, help="PDF 或图片文件")
    p.add_argument("--text", help="二维码内容文本")
    p.add_argument("--keys", type=Path, help="设备公钥文件（每行“设备代码 公钥”）；不给时用数据库中的设备公钥")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from survey_app.core.domain.errors import ValidationError
    from survey_app.core.paths import default_db_path
    from survey_app.core.security.keys import parse_public_keys
    from survey_app.core.services.agreements.verify import check_record, read_qr, verify_in, verify_text
    from survey_app.core.services.devices import grouped, revocations
    from survey_app.core.services.startup import open_database

    if bool(args.path) == bool(args.text):
        raise ValidationError("请给出一个文件，或用 --text 给出二维码内容（二者选一）")
    text = args.text if args.text else read_qr(args.path)
    db_path = args.db or default_db_path()
    db = open_database(db_path) if (args.db or db_path.exists()) else None
    if args.keys:  # the key file's keys; revocations and the record from the database when there is one
        keys = parse_public_keys(args.keys.read_text(encoding="utf-8-sig"))
        verdict = verify_text(text, keys, revocations(db) if db is not None else None)
        if db is not None:
            verdict = check_record(db, verdict)
    elif db is not None:
        verdict = verify_in(db, text)
    else:
        raise ValidationError("没有数据库时须用 --keys 指定设备公钥文件")
    if args.json:
        print(json.dumps(verdict.to_dict(), ensure_ascii=False))
    else:
        out = sys.stdout if verdict.ok else sys.stderr
        print(("✔ " if verdict.ok else "✘ ") + verdict.message, file=out)
        p = verdict.payload
        if p is not None:
            from survey_app.core.domain.money import format_cny, from_fen
            print(f"  协议编号 {p.number}　户号 {p.household_code}　方式 {p.mode}　净额 {format_cny(from_fen(p.net_fen))}"
                  f"　设备 {p.device}", file=out)
        if verdict.details.get("fingerprint"):
            print(f"  签发设备密钥指纹 {grouped(verdict.details['fingerprint'])}", file=out)
        if verdict.flag:
            print(f"  ⚠ {verdict.flag}", file=out)
        if verdict.record_message:
            print(f"  记录核对：{verdict.record_message}", file=out)
    return 0 if verdict.ok else 1
