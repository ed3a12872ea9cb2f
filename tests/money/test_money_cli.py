"""`survey-app pay|handover|grievance` in-process against a real file: what is printed, what is stored,
refusals as one Chinese line with exit status 1."""

from __future__ import annotations

from decimal import Decimal

import pytest
from money_helpers import agreement_of

from survey_app.cli import main
from survey_app.core.services import grievances as gv
from survey_app.core.services import money
from survey_app.core.services.handover import handover_of


def run(db, *argv: str) -> int:
    return main(["--db", str(db.path), *argv])


def test_pay_records_exact_money_and_refuses_over_payment(signed_db, monkeypatch, capsys) -> None:
    monkeypatch.setenv("SURVEY_APP_PASSWORD", "hq123456")
    hid, number, net = agreement_of(signed_db, "A2-0004")
    assert run(signed_db, "pay", "--agreement", number, "--amount", "100000.10", "--date", "2023-07-01",
               "--ref", "TX-001", "--login", "hq") == 0
    assert "补偿款第1期 100,000.10 元" in capsys.readouterr().out
    assert money.paid_summary(signed_db, hid).paid == Decimal("100000.10")
    too_much = str(net - Decimal("100000.10") + Decimal("0.01"))
    assert run(signed_db, "pay", "--agreement", number, "--amount", too_much, "--date", "2023-07-01",
               "--ref", "TX-002", "--login", "hq") == 1
    err = capsys.readouterr().err
    assert err.startswith("错误: 超额付款") and "Traceback" not in err
    assert run(signed_db, "pay", "--agreement", number, "--list", "--login", "hq") == 0
    assert "已付补偿款 100,000.10 元" in capsys.readouterr().out


def test_a_supervisor_may_not_pay_but_hands_over(signed_db, monkeypatch, tmp_path, capsys) -> None:
    monkeypatch.setenv("SURVEY_APP_PASSWORD", "review123")
    hid, number, _net = agreement_of(signed_db, "A2-0004")
    assert run(signed_db, "pay", "--agreement", number, "--amount", "1", "--ref", "X", "--login", "reviewer") == 1
    assert "指挥部管理员" in capsys.readouterr().err
    photo = tmp_path / "keys.jpg"
    photo.write_bytes(b"jpeg-ish")
    assert run(signed_db, "handover", "--household", "A2-0004", "--date", "2023-07-01", "--water", "12.5",
               "--keys", "2", "--photo", f"{photo}:keys", "--login", "reviewer") == 0
    assert "钥匙 2 把，照片 1 张" in capsys.readouterr().out
    info = handover_of(signed_db, hid)
    assert info.water_reading == Decimal("12.50") and info.checked_by == "reviewer"


def test_grievance_add_list_follow_close(signed_db, monkeypatch, capsys) -> None:
    monkeypatch.setenv("SURVEY_APP_PASSWORD", "worker123")
    assert run(signed_db, "grievance", "add", "--household", "A2-0004", "--kind", "dispute", "--summary", "邻里界址纠纷",
               "--due", "2023-07-10", "--login", "worker") == 0
    gid = capsys.readouterr().out.split("：", 1)[1][:12]
    assert run(signed_db, "grievance", "follow", "--id", gid, "--text", "已现场调解", "--date", "2023-07-01",
               "--login", "worker") == 0
    assert "现为跟进中" in capsys.readouterr().out
    assert run(signed_db, "grievance", "close", "--id", gid, "--resolution", "调解成功", "--login", "worker") == 1
    assert "只有指挥部管理员可以办结" in capsys.readouterr().err
    monkeypatch.setenv("SURVEY_APP_PASSWORD", "hq123456")
    assert run(signed_db, "grievance", "list", "--status", "unresolved", "--login", "hq") == 0
    out = capsys.readouterr().out
    assert f"{gid}  A2-0004  纠纷  跟进中" in out and "共 1 件" in out
    assert run(signed_db, "grievance", "close", "--id", gid, "--resolution", "调解成功", "--login", "hq") == 0
    assert [g.status for g in gv.list_grievances(signed_db)] == ["closed"]


@pytest.mark.parametrize("argv", [["pay", "--agreement", "X", "--amount", "1", "--date", "2023-13-01"]])
def test_bad_dates_are_argument_errors(signed_db, argv, capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        run(signed_db, *argv)
    assert exit_.value.code == 2 and "日期格式应为" in capsys.readouterr().err
