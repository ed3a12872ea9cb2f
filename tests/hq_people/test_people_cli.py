"""`survey-app assign …` and `survey-app users disable|enable|reset|role|add --phone`, run through the real
command-line entry point (in process) against the HQ database file."""

from __future__ import annotations

from pathlib import Path

import pytest
from people_setup import HQ_KEY_PASSWORD
from sqlalchemy import select

from survey_app.cli import main
from survey_app.core.services import assignment_admin as aa
from survey_app.core.services import users
from survey_app.core.storage.models import Household


@pytest.fixture
def cli(hq, db_path, monkeypatch, capsys):
    monkeypatch.setenv("SURVEY_APP_PASSWORD", "hq123456")
    monkeypatch.setenv("SURVEY_APP_SYNC_PASSWORD", HQ_KEY_PASSWORD)
    monkeypatch.setenv("SURVEY_APP_NEW_PASSWORD", "new-pass-123")

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--db", str(db_path), *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def _owner(db, code: str) -> str:
    with db.read() as s:
        return s.scalar(select(Household.assigned_to).where(Household.household_code == code))


def test_users_add_disable_enable_reset_role(cli, hq) -> None:
    code, out, err = cli("users", "add", "wang", "--role", "field_worker", "--name", "王五", "--phone", "13800000000",
                         "--login", "hq")
    assert code == 0 and "已新增用户 wang（调查员）" in out, err
    account = {a.username: a for a in users.list_accounts(hq)}["wang"]
    assert (account.phone, account.display_name) == ("13800000000", "王五")
    code, out, _ = cli("users", "disable", "worker")  # --login: the one active HQ admin
    assert code == 0 and "已停用 worker" in out and "还负责 60 户" in out and "assign --from worker" in out
    code, out, _ = cli("users", "enable", "worker")
    assert code == 0 and "已启用 worker" in out
    code, out, _ = cli("users", "reset", "reviewer")
    assert code == 0 and "下次登录时须修改密码" in out
    assert users.login(hq, "reviewer", "new-pass-123", device="HQ")
    code, out, _ = cli("users", "role", "reviewer", "field_worker")
    assert code == 0 and "调查员" in out
    code, _out, err = cli("users", "role", "worker", "hq_admin")
    assert code == 1 and err.startswith("错误: ") and "请先转派" in err


def test_assign_section_households_reassign_with_refusals(cli, hq, hq_admin) -> None:
    users.create_account(hq, hq_admin, "wang", "wangpass1", "field_worker")
    code, out, _ = cli("assign", "--section", "A1", "--to", "wang", "--dry-run")
    assert code == 0 and "预览，未写入" in out and _owner(hq, "A1-0001") == "worker"
    code, out, _ = cli("assign", "--section", "A1", "--to", "wang")
    assert code == 0 and "分派给 wang：" in out and "还没有指定笔记本" in out
    assert _owner(hq, "A1-0001") == "wang"
    code, out, _ = cli("assign", "--households", "A2-0001,A2-0002", "--to", "wang")
    assert code == 0 and _owner(hq, "A2-0002") == "wang"
    code, out, _ = cli("assign", "--from", "wang", "--to", "reviewer")
    assert code == 0 and "从 wang 转出" in out and "先导入其最新同步包" in out
    assert _owner(hq, "A1-0001") == "reviewer"
    for args, message in ((("--section", "Z9", "--to", "wang"), "Z9"),
                          (("--households", "X-1", "--to", "wang"), "X-1"),
                          (("--section", "A1", "--to", "hq"), "指挥部管理员"),
                          (("--section", "A1"), "--to")):
        code, out, err = cli("assign", *args)
        assert code == 1 and message in err and "Traceback" not in err, (args, err)


def test_assign_device_workers_and_export_bundles(cli, hq, hq_admin, enrol, tmp_path: Path) -> None:
    device, _laptop = enrol()
    code, out, err = cli("assign", "--device", device.lower(), "--workers", "worker")
    assert code == 0 and f"设备 {device} 的调查员：worker" in out, err
    usb = tmp_path / "usb"
    code, out, err = cli("assign", "--section", "C1", "--to", "worker", "--out-dir", str(usb))
    assert code == 0 and f"需要更新任务包的笔记本：{device}" in out and "已写出任务包" in out, err
    assert len(list(usb.glob(f"*_{device}_A*.saassign"))) == 1
    code, out, _ = cli("assign", "--list")
    assert code == 0 and "C1  14 户" in out and f"{device}" in out and "worker" in out
    code, _out, err = cli("assign", "--device", "D99", "--workers", "worker")
    assert code == 1 and "D99" in err
    assert aa.laptops(hq)[0].workers == ("worker",)
