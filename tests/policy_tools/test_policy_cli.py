"""`survey-app policy …`: Chinese output and a non-zero exit on problems."""

from __future__ import annotations

from policy_tools_helpers import CASES, CITY

from survey_app.cli import main


def test_check(capsys, broken):
    assert main(["policy", "check", str(CITY)]) == 0
    assert "检查通过（17 个补偿项目）" in capsys.readouterr().out
    assert main(["policy", "check", str(broken)]) == 1
    out = capsys.readouterr().out
    assert "broken.toml: rounding.line_places:" in out and "broken.toml: items[0].ratio:" in out
    assert "提醒：broken.toml: items[1].pct: 0.1 表示 0.1%" in out
    assert out.rstrip().endswith("发现 3 个问题、2 条提醒")


def test_explain_diff_and_test(capsys, city_v2, broken):
    assert main(["policy", "explain", str(CITY)]) == 0
    assert "临时安置费：每月按 面积 × 15 元/m²" in capsys.readouterr().out
    assert main(["policy", "explain", str(broken)]) == 1
    assert "broken.toml: items[0].ratio" in capsys.readouterr().err
    assert main(["policy", "diff", str(CITY), str(city_v2)]) == 0
    assert "～ 临时安置费（transition）：每平方米每月金额：15 → 18" in capsys.readouterr().out
    assert main(["policy", "test", str(CITY), str(CASES)]) == 0
    assert "共 5 例：通过 5 例，不符 0 例" in capsys.readouterr().out
    assert main(["policy", "test", str(city_v2), str(CASES)]) == 1
    assert "不符  01_shop_household_cash.json" in capsys.readouterr().out


def test_publish_and_list(capsys, monkeypatch, demo_db, db_path, city_v2):
    monkeypatch.setenv("SURVEY_APP_PASSWORD", "hq123456")
    assert main(["--db", str(db_path), "policy", "publish", str(city_v2)]) == 1
    assert "须写明发布原因" in capsys.readouterr().err
    assert main(["--db", str(db_path), "policy", "publish", str(city_v2), "--reason", "调整临时安置费"]) == 0
    out = capsys.readouterr().out
    assert "已发布：2023-09 第2版" in out and "需要重新测算" in out
    assert main(["--db", str(db_path), "policy", "list"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("[当前] 2023-09 第2版") and "原因：调整临时安置费" in out
    assert "按旧版本测算、需要重新测算的住户" in out


def test_publish_refuses_a_wrong_password(capsys, monkeypatch, demo_db, db_path, city_v2):
    monkeypatch.setenv("SURVEY_APP_PASSWORD", "wrong")
    assert main(["--db", str(db_path), "policy", "publish", str(city_v2), "--reason", "x"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("错误: ") and "Traceback" not in err
