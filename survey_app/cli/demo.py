"""`survey-app --db PATH demo --households N --seed S`: fill an empty database with demo households."""

from __future__ import annotations

import argparse
import time
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="生成演示项目（空数据库）")
    p.add_argument("--households", type=int, default=500, help="住户数（默认500）")
    p.add_argument("--seed", type=int, default=1, help="随机种子：相同种子生成相同数据")
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=run)
    q = sub.add_parser("demo-sync", help="生成同步演示：一个指挥部、两台已登记的调查笔记本")
    q.add_argument("--dir", type=Path, required=True, help="空目录")
    q.add_argument("--households", type=int, default=300)
    q.set_defaults(func=run_sync)


def run(args: argparse.Namespace) -> int:
    from survey_app.cli.common import open_db, progress_printer
    from survey_app.core.services.demo import DEMO_USERS, create_demo

    db = open_db(args, must_exist=False)
    started = time.perf_counter()
    summary = create_demo(db, households=args.households, seed=args.seed,
                          progress=None if args.quiet else progress_printer())
    elapsed = time.perf_counter() - started
    if not args.quiet:
        print(f"已生成 {summary.households:,} 户（{summary.rows:,} 条记录），用时 {elapsed:.1f} 秒：{db.path or db.url}")
        print("演示账号：" + "，".join(f"{u} / {p}（{r.label}）" for u, p, r, _ in DEMO_USERS))
    return 0


def run_sync(args: argparse.Namespace) -> int:
    from survey_app.core.services.demo.sync_demo import DEVICE_KEY_PASSWORD, HQ_KEY_PASSWORD, create_sync_demo

    demo = create_sync_demo(args.dir, households=args.households)
    print(f"指挥部：{demo.hq}（密钥密码 {HQ_KEY_PASSWORD}）")
    for code, path in demo.devices.items():
        print(f"设备 {code}：{path}（密钥密码 {DEVICE_KEY_PASSWORD}）")
    print(f"U盘目录：{demo.usb}；说明见 {args.dir / 'README.txt'} 与 docs/sync.md")
    return 0
