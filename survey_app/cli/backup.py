"""`survey-app backup --out DIR` / `backup verify PATH` / `restore PATH --to NEWDB` (services/backup.py).

A real project is unlocked as every command does (cli/common.py). Restoring a real project's backup opens
the restored copy for its checks with ``--login USER``'s password (SURVEY_APP_PASSWORD, --password-file or a
prompt); without ``--login`` the backup's default user, else the recovery/device password
(SURVEY_APP_SYNC_PASSWORD).
"""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    b = sub.add_parser("backup", help="备份项目（数据库、密钥库、照片）到一个文件夹，如 U 盘；或校验一个备份")
    b.add_argument("--out", type=Path, metavar="DIR", help="备份到这个文件夹（在其中新建一个备份文件夹）")
    bsub = b.add_subparsers(dest="backup_command", metavar="ACTION")
    v = bsub.add_parser("verify", help="按清单逐个核对备份中的文件（sha256）")
    v.add_argument("path", type=Path, metavar="PATH", help="备份文件夹")
    v.set_defaults(func=verify)
    b.set_defaults(func=make_backup)
    r = sub.add_parser("restore", help="把备份恢复为一个新的项目文件（先校验文件、完整性和审计链）")
    r.add_argument("path", type=Path, metavar="PATH", help="备份文件夹")
    r.add_argument("--to", type=Path, required=True, metavar="NEWDB", help="恢复成的项目文件（应是新文件名）")
    r.add_argument("--login", default=None, help="加密项目：用哪个用户的密码打开恢复的项目做检查")
    r.add_argument("--replace", action="store_true",
                   help="目标已有项目时仍然恢复（原文件改名保留为 …before-restore-时间）")
    r.set_defaults(func=restore)


def make_backup(args: argparse.Namespace) -> int:
    from survey_app.cli.common import open_db, progress_printer
    from survey_app.core.domain.errors import ValidationError
    from survey_app.core.services import backup

    if args.out is None:
        raise ValidationError("请用 --out 指定备份到哪个文件夹（例如 U 盘），或用 backup verify PATH 校验备份")
    db = open_db(args)
    try:
        path = backup.backup(db, args.out, progress=progress_printer())
        info = backup.verify_backup(path)
    finally:
        db.dispose()
    print(f"已备份到：{path}")
    print(f"共 {info.files} 个文件，{info.size:,} 字节" + ("（数据库保持加密）" if info.encrypted else ""))
    if info.missing_media:
        print(f"注意：有 {info.missing_media} 个附件在本机找不到文件，未能备份")
    return 0


def verify(args: argparse.Namespace) -> int:
    from survey_app.core.services import backup

    info = backup.verify_backup(args.path)
    print(f"备份完好：项目 {info.project}，设备 {info.device}，时间 {info.created_at:%Y-%m-%d %H:%M:%S}，"
          f"{info.files} 个文件均与清单一致。")
    return 0


def restore(args: argparse.Namespace) -> int:
    from survey_app.cli.common import progress_printer, read_password
    from survey_app.core.security import vault
    from survey_app.core.services import backup
    from survey_app.core.services import backup_files as bf

    username, password = args.login, None
    keys = Path(args.path) / bf.VAULT_FILE
    if keys.is_file():
        if not username:
            username = vault.Vault.load(keys).default_user
        if username:
            password = read_password(f"{username} 的密码: ", "SURVEY_APP_PASSWORD")
        else:
            password = read_password("恢复密码（设备密码）: ", "SURVEY_APP_SYNC_PASSWORD")
    result = backup.restore(args.path, args.to, username=username, password=password, replace=args.replace,
                            progress=progress_printer())
    counts = result.counts
    print(f"已恢复到：{result.path}")
    print(f"完整性检查和审计链校验通过：{result.events:,} 个审计事件，{counts.get('households', 0):,} 户。")
    for aside in result.moved_aside:
        print(f"原有文件已改名保留：{aside.name}")
    return 0
