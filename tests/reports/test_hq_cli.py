"""`survey-app hq ledger|report|dashboard` in-process: files written, figures printed, refusals exit 1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from survey_app.cli import main


@pytest.fixture
def as_hq(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SURVEY_APP_PASSWORD", "hq123456")


def test_ledger_and_report_from_the_command_line(signed_db, tmp_path: Path, as_hq, capsys) -> None:
    ledger = tmp_path / "ledger.xlsx"
    assert main(["--db", str(signed_db.path), "hq", "ledger", "--out", str(ledger)]) == 0
    out = capsys.readouterr().out
    assert "已导出台账：60 户" in out and str(ledger) in out
    assert load_workbook(ledger)["台账"].max_row == 62
    report = tmp_path / "report.xlsx"
    assert main(["--db", str(signed_db.path), "hq", "report", "--month", "2023-06", "--out", str(report)]) == 0
    out = capsys.readouterr().out
    assert "2023年6月 月报" in out and "本月签约 1 户（上月 1 户），累计签约 2 户" in out
    assert load_workbook(report)["月报"]["A1"].value.endswith("截至 2023-06-30）")


def test_dashboard_text_and_json(signed_db, as_hq, capsys) -> None:
    assert main(["--db", str(signed_db.path), "hq", "dashboard"]) == 0
    out = capsys.readouterr().out
    assert "货币化安置率 75.00%（货币补偿与房票 3 户 / 已签协议 4 户；目标 60.00%）" in out
    assert "未结信访 1 件" in out
    assert main(["--db", str(signed_db.path), "hq", "dashboard", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["cash_rate"]["pct"] == "75.00" and data["households"]["value"] == 60
    assert {m["mode"]: m["households"] for m in data["money_by_mode"]} == {"cash": 3, "exchange": 1}


def test_refusals_are_one_chinese_line_and_exit_1(signed_db, tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("SURVEY_APP_PASSWORD", "worker123")
    out = tmp_path / "x.xlsx"
    assert main(["--db", str(signed_db.path), "hq", "ledger", "--out", str(out), "--login", "worker"]) == 1
    assert "只有指挥部管理员" in capsys.readouterr().err and not out.exists()
    monkeypatch.setenv("SURVEY_APP_PASSWORD", "hq123456")
    assert main(["--db", str(signed_db.path), "hq", "report", "--month", "2023-13", "--out", str(out)]) == 1
    assert "月份格式应为 YYYY-MM" in capsys.readouterr().err
    assert main(["--db", str(signed_db.path), "hq", "ledger", "--out", str(tmp_path / "x.csv")]) == 1
    assert ".xlsx" in capsys.readouterr().err
    monkeypatch.setenv("SURVEY_APP_PASSWORD", "wrong-password")
    assert main(["--db", str(signed_db.path), "hq", "dashboard"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("错误:") and "Traceback" not in err
