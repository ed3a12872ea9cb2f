"""A vaulted project through the real command line (real files): `project create`, then roster, policy, users,
assign and households act as the admin it made with SURVEY_APP_PASSWORD alone, and HQ's sync commands need no
sync key password. Each step runs the CLI's entry point in this process (tests/conftest.py's ``cli``: same
parser, handlers, messages and exit codes); the step with no password and no terminal runs as a real process,
whose one-line message and exit code (no traceback) are what a script sees."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from vaulted_helpers import ADMIN_PASSWORD, DEVICE_PASSWORD, RECOVERY_PASSWORD, raw_bytes

REPO = Path(__file__).resolve().parents[2]
POLICY = REPO / "resources" / "policies" / "city_shantytown_2023.toml"
HEADERS = ["序号", "户号", "户主姓名", "公民身份号码", "联系电话", "房屋坐落", "地块", "建筑面积（㎡）"]


def _id(n: int) -> str:
    from survey_app.core.domain.validation import resident_id_check_digit

    first17 = f"43010219500101{n:03d}"
    return first17 + resident_id_check_digit(first17)


def _roster(path: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["古稻田片区入户调查名册"])
    ws.append(HEADERS)
    for i in (1, 2, 3):
        ws.append([i, f"A1-{i:04d}", f"测试户主{i}", _id(i), f"138{i:08d}", f"芙蓉区古稻田路{i}号", "A1", "56.30"])
    wb.save(path)
    return path


def _cli(tmp: Path, *args: str, **env: str | None) -> subprocess.CompletedProcess:
    """``survey-app *args`` with no terminal; SURVEY_APP_PASSWORD is the admin's unless ``env`` says (None:
    unset). No SURVEY_APP_SYNC_PASSWORD unless given."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("SURVEY_APP_")}
    base.update(SURVEY_APP_DATA=str(tmp / "data"), SURVEY_APP_PASSWORD=ADMIN_PASSWORD,
                SURVEY_APP_RECOVERY_PASSWORD=RECOVERY_PASSWORD)
    base.update({k: v for k, v in env.items() if v is not None})
    base = {k: v for k, v in base.items() if env.get(k, "") is not None}
    result = subprocess.run([sys.executable, "-m", "survey_app", *args], capture_output=True, text=True,
                            env=base, cwd=tmp, stdin=subprocess.DEVNULL, timeout=300)
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.mark.real_process_keys  # a real survey-app process opens the key files it writes
def test_project_create_then_the_hq_commands_act_as_its_admin(tmp_path: Path, cli) -> None:
    db = tmp_path / "hq" / "FR2023.sqlite3"
    env = {"SURVEY_APP_DATA": str(tmp_path / "data"), "SURVEY_APP_PASSWORD": ADMIN_PASSWORD,
           "SURVEY_APP_RECOVERY_PASSWORD": RECOVERY_PASSWORD}
    run = lambda *a, **e: cli("--db", db, *a, env=env | e, cwd=tmp_path)

    made = run("project", "create", "--name", "古稻田片区棚户区改造", "--code", "FR2023", "--city", "长沙市",
               "--section", "A1=一组")
    assert made.returncode == 0, made.stderr
    assert db.is_file() and (db.parent / "FR2023.sqlite3.vault").is_file()
    assert "古稻田".encode() not in raw_bytes(db.parent)  # encrypted from its first byte

    roster = run("roster", "import", str(_roster(tmp_path / "名册.xlsx")))
    assert roster.returncode == 0 and "新增住户3条" in roster.stdout, roster.stderr
    policy = run("policy", "publish", str(POLICY))
    assert policy.returncode == 0 and "已发布" in policy.stdout, policy.stderr
    added = run("users", "add", "zhang", "--name", "张工", "--login", "admin",
                SURVEY_APP_NEW_PASSWORD="Zhang-first-2024")
    assert added.returncode == 0 and "已新增用户 zhang" in added.stdout, added.stderr
    assigned = run("assign", "--section", "A1", "--to", "zhang")
    assert assigned.returncode == 0 and "分派给 zhang：3 户" in assigned.stdout, assigned.stderr
    listed = run("households", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [(r["code"], r["assigned_to"]) for r in rows] == [(f"A1-{i:04d}", "zhang") for i in (1, 2, 3)]

    wrong = run("households", "list", SURVEY_APP_PASSWORD="Not-the-password")
    assert wrong.returncode == 1 and "密码错误（还可尝试4次）" in wrong.stderr
    bare = _cli(tmp_path, "--db", str(db), "households", "list", SURVEY_APP_PASSWORD=None)  # a real process:
    # no password, no terminal: one line
    assert bare.returncode == 1 and "SURVEY_APP_PASSWORD" in bare.stderr and bare.stderr.count("\n") == 1

    # HQ's sync work: no SURVEY_APP_SYNC_PASSWORD anywhere, the login unlocked HQ's keys
    from survey_app.core.services.project_join import start_join

    usb = tmp_path / "usb"
    usb.mkdir()
    started = start_join(tmp_path / "laptop" / "field.sqlite3", device_name="一号笔记本",
                         device_password=DEVICE_PASSWORD, request_dir=usb)
    accepted = run("sync", "enroll-accept", str(started.request_file), "--out-dir", str(usb))
    assert accepted.returncode == 0 and "已登记设备 D01" in accepted.stdout, accepted.stderr
    bundle = run("sync", "assign", "--device", "D01", "--users", "zhang", "--out-dir", str(usb))
    assert bundle.returncode == 0 and "已写出任务包" in bundle.stdout, bundle.stderr
    issues = run("sync", "issues")
    assert issues.returncode == 0 and "共 0 项待处理" in issues.stdout
