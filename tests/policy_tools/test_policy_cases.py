"""Golden cases: the demo policy's hand-checked households, and a clear report when one does not match."""

from __future__ import annotations

import json
import shutil

import pytest
from policy_tools_helpers import CASES, CITY

from survey_app.core.compensation.fields import PolicyError
from survey_app.core.compensation.policy import load_policy
from survey_app.core.compensation.policy_tools import run_cases


def test_demo_policy_reproduces_every_hand_checked_household():
    report = run_cases(load_policy(CITY), CASES)
    assert len(report.results) == 5
    assert report.passed, report.text()
    assert report.text().endswith("共 5 例：通过 5 例，不符 0 例")


def test_a_changed_policy_is_caught_line_by_line(city_v2):
    report = run_cases(load_policy(city_v2), CASES)  # transition 15 → 18 元/m²·月, +3,000 per household
    assert not report.passed
    first = report.results[0]
    assert first.file == "01_shop_household_cash.json" and not first.passed
    assert first.mismatches[0] == "utilities: 多出此行 水电迁移补助：3,000 元/户 = 3,000"
    assert first.mismatches[1] == "补偿合计: 应为 1,765,024.00，实际 1,768,024.00（差 3,000.00）"
    big = report.results[3]  # 300 m²: the transition fee itself changes (300 × 18 × 6)
    assert any(m.startswith("transition: 应为 27,000.00，实际 32,400.00（差 5,400.00；算式 ") for m in big.mismatches)
    assert "不符  01_shop_household_cash.json" in report.text()


def test_missing_lines_labels_and_bad_cases_are_reported(tmp_path):
    case = json.loads((CASES / "04_reward_cap_cash.json").read_text(encoding="utf-8"))
    case["expect"]["lines"].append({"code": "decoration", "amount": "100"})
    case["expect"]["lines"][0]["label"] = "房屋补偿"
    case["expect"]["upper"] = "人民币壹元整"
    (tmp_path / "a.json").write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "b.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "c.json").write_text(json.dumps({"name": "空", "household": {}}), encoding="utf-8")
    bad_household = dict(case, household={"household_code": "X", "building_parts": [{"area": "-1", "use": "residential"}]})
    (tmp_path / "d.json").write_text(json.dumps(bad_household, ensure_ascii=False), encoding="utf-8")
    report = run_cases(load_policy(CITY), tmp_path)
    a, b, c, d = report.results
    assert "decoration: 缺少此行（应为 100.00）" in a.mismatches
    assert "house_value: 名称应为“房屋补偿”，实际“被征收房屋价值补偿（住宅）”" in a.mismatches
    assert any(m.startswith("大写: 应为 人民币壹元整") for m in a.mismatches)
    assert b.error.startswith("第 1 行第 2 列: 不是有效的 JSON")
    assert c.error.startswith("expect: 缺少预期结果")
    assert "d.json: household: building_parts[0].area" in d.error
    assert report.text().endswith("共 4 例：通过 0 例，不符 4 例")


def test_empty_and_missing_folders(tmp_path):
    assert not run_cases(load_policy(CITY), tmp_path).passed
    assert "没有找到金例文件" in run_cases(load_policy(CITY), tmp_path).text()
    with pytest.raises(PolicyError, match="找不到金例文件夹"):
        run_cases(load_policy(CITY), tmp_path / "none")


def test_case_files_are_a_folder_anyone_can_copy(tmp_path):
    shutil.copytree(CASES, tmp_path / "copy")
    assert run_cases(load_policy(CITY), tmp_path / "copy").passed
