"""``survey-app hq effective``: HQ records 协议生效 from the command line (the project of conftest.py: 3 of 60
households signed on 2023-07-01 → 5%, the policy's threshold, by 2023-08-31). Chinese lines; refusals are one
Chinese line on stderr and exit status 1."""

from __future__ import annotations

import datetime as dt

import pytest

from survey_app.cli import main
from survey_app.core.domain import china_time
from survey_app.core.services.agreements.effect_record import effect_record


@pytest.fixture
def cli(effect_db, monkeypatch, capsys):
    monkeypatch.setattr(china_time, "today", lambda: dt.date(2023, 7, 31))
    monkeypatch.setenv("SURVEY_APP_PASSWORD", "hq123456")

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--db", str(effect_db.path), "hq", "effective", *args])
        out = capsys.readouterr()
        return code, out.out, out.err
    return run


def test_record_show_and_record_again_with_a_reason(cli, effect_db) -> None:
    assert cli("--show") == (0, "尚未登记协议生效情况\n", "")
    assert cli("--date", "2023-07-05") == (
        0, "已登记：协议已于 2023-07-05 生效（签约比例 5.00%：3 / 60 户，计至 2023-07-31）\n", "")
    code, _out, err = cli("--date", "2023-07-06")
    assert code == 1 and "重新登记必须填写原因" in err and "Traceback" not in err
    assert cli("--date", "2023-07-06", "--reason", "公告日期更正")[0] == 0
    assert cli("--show") == (0, "协议已于 2023-07-06 生效（签约比例 5.00%：3 / 60 户，计至 2023-07-31）\n", "")


def test_refusals(cli, effect_db, monkeypatch, capsys) -> None:
    code, _out, err = cli("--failed")
    assert code == 1 and "生效期限 2023-08-31 尚未届满，不能登记协议未生效" in err
    with pytest.raises(SystemExit) as bad:  # argparse's own refusal, as ``pay --date`` (exit status 2)
        cli("--date", "2023-7-5x")
    assert bad.value.code == 2 and "日期格式应为 YYYY-MM-DD：2023-7-5x" in capsys.readouterr().err
    monkeypatch.setenv("SURVEY_APP_PASSWORD", "review123")
    code, _out, err = cli("--date", "2023-07-05", "--login", "reviewer")
    assert code == 1 and "只有指挥部管理员" in err
    assert effect_record(effect_db) is None
