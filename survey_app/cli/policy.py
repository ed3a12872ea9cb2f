"""`survey-app policy …`: check, explain, diff, test and publish compensation policy files.

    survey-app policy check F.toml            every problem at once (exit 1 when there are errors)
    survey-app policy explain F.toml          every item in plain Chinese
    survey-app policy diff A.toml B.toml      what changed from A to B
    survey-app policy test F.toml CASES_DIR   golden cases (exit 1 on any mismatch)
    survey-app --db P policy publish F.toml --reason …   HQ: publish as the current version
    survey-app --db P policy list             versions, and households calculated under older ones

Messages are Chinese; a refusal prints one line per problem and exits non-zero (never a traceback).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``policy`` command and its subcommands."""
    policy = subparsers.add_parser("policy", help="补偿方案文件：检查、说明、比较、金例测试、发布",
                                   description="征收补偿方案（TOML）工具，格式见 docs/policy.md。")
    sub = policy.add_subparsers(dest="policy_command", metavar="SUBCOMMAND")
    policy.set_defaults(func=lambda args: _help(policy))

    c = sub.add_parser("check", help="检查方案文件，一次列出全部问题")
    c.add_argument("file", type=Path)
    c.set_defaults(func=run_check)
    e = sub.add_parser("explain", help="用白话逐项说明方案（住户读得懂）")
    e.add_argument("file", type=Path)
    e.set_defaults(func=run_explain)
    d = sub.add_parser("diff", help="比较两个方案版本：增删了哪些项目、改了哪些标准")
    d.add_argument("old", type=Path, help="原版本")
    d.add_argument("new", type=Path, help="新版本")
    d.set_defaults(func=run_diff)
    t = sub.add_parser("test", help="用金例（住户 JSON + 预期金额）测试方案")
    t.add_argument("file", type=Path)
    t.add_argument("cases", type=Path, help="金例文件夹（每个 .json 一例，格式见 docs/policy.md）")
    t.set_defaults(func=run_test)
    p = sub.add_parser("publish", help="指挥部：发布方案为当前版本（锁定哈希，记入审计）")
    p.add_argument("file", type=Path)
    p.add_argument("--reason", default="", help="发布原因（第二个及以后的版本必填）")
    p.add_argument("--login", default=None, help="执行发布的指挥部管理员（默认：项目的默认用户，即建项目时的管理员）")
    p.set_defaults(func=run_publish)
    ls = sub.add_parser("list", help="列出方案版本，以及按旧版本测算、需要重新测算的住户")
    ls.set_defaults(func=run_list)


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _load(path: Path):  # noqa: ANN202 - a Policy, or None after printing every problem
    from survey_app.core.compensation.policy_tools import check

    report = check(path, trial=False)
    if not report.ok:
        _print_problems(report)
        return None
    return report.policy


def _print_problems(report) -> None:  # noqa: ANN001
    for problem in report.errors:
        print(problem.as_text(), file=sys.stderr)
    for problem in report.warnings:
        print(problem.as_text(), file=sys.stderr)
    print(report.summary(), file=sys.stderr)


def run_check(args: argparse.Namespace) -> int:
    from survey_app.core.compensation.policy_tools import check

    report = check(args.file)
    for problem in report.problems:
        print(problem.as_text())
    print(report.summary())
    return 0 if report.ok else 1


def run_explain(args: argparse.Namespace) -> int:
    from survey_app.core.compensation.policy_tools import explain_text

    policy = _load(args.file)
    if policy is None:
        return 1
    print(explain_text(policy))
    return 0


def run_diff(args: argparse.Namespace) -> int:
    from survey_app.core.compensation.policy_tools import diff_text

    old, new = _load(args.old), _load(args.new)
    if old is None or new is None:
        return 1
    print(f"{args.old.name} → {args.new.name}")
    print(diff_text(old, new))
    return 0


def run_test(args: argparse.Namespace) -> int:
    from survey_app.core.compensation.policy_tools import run_cases

    policy = _load(args.file)
    if policy is None:
        return 1
    report = run_cases(policy, args.cases)
    print(report.text())
    return 0 if report.passed else 1


def run_publish(args: argparse.Namespace) -> int:
    from survey_app.cli.common import login, open_db
    from survey_app.core.services import policies

    db = open_db(args)
    try:
        actor = login(db, args.login)  # None: the project's default user (cli/common.login)
        result = policies.publish_file(db, actor, args.file, args.reason)
        print(f"已发布：{result.label}")
        print(f"内容哈希：{result.content_hash}")
        if result.previous_hash:
            print(f"上一版本：{result.previous_hash}")
        for warning in result.warnings:
            print(warning)
        outdated = policies.outdated_households(db)
        if outdated:
            print(f"有 {len(outdated)} 户按旧版本测算，需要重新测算（未做任何改动）：`survey-app --db … policy list` 查看")
        print("新版本将随下一次任务包下发到调查员笔记本。")
    finally:
        db.dispose()
    return 0


def run_list(args: argparse.Namespace) -> int:
    from survey_app.cli.common import open_db
    from survey_app.core.services import policies

    db = open_db(args)
    try:
        versions = policies.list_versions(db)
        outdated = policies.outdated_households(db)
    finally:
        db.dispose()
    if not versions:
        print("还没有发布过补偿方案")
        return 0
    for v in versions:
        when = _china(v.published_at).strftime("%Y-%m-%d %H:%M") if v.published_at else "—"
        mark = "当前" if v.current else {"published": "已发布", "withdrawn": "已撤回", "draft": "草稿"}.get(v.status, v.status)
        reason = f"  原因：{v.reason}" if v.reason else ""
        print(f"[{mark}] {v.label}  {when}  {v.published_by}  {v.content_hash}{reason}")
    if outdated:
        print(f"\n按旧版本测算、需要重新测算的住户（{len(outdated)} 户）：")
        for h in outdated:
            print(f"{h.household_code}\t{h.section}\t{h.status}\t{h.policy_label or h.policy_hash[:12]}")
    return 0


def _china(when):  # noqa: ANN001, ANN202 - stored UTC (aware, or naive from some drivers) → China time
    import datetime as dt

    from survey_app.core.domain.china_time import CHINA

    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone(CHINA)
