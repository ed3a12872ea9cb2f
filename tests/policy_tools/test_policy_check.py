"""policy check and the loader's traps (issue 13 item 4): every problem at once, with file and key path."""

from __future__ import annotations

from decimal import Decimal

import pytest
from policy_tools_helpers import CITY, VILLAGE

from survey_app.core.compensation.fields import PolicyError
from survey_app.core.compensation.policy import parse_policy
from survey_app.core.compensation.policy_tools import check, check_text, compute_located, sample_household

MINIMAL = 'format = 1\nversion = "v"\n[modes.cash]\n'


@pytest.mark.parametrize("path", [CITY, VILLAGE], ids=lambda p: p.stem)
def test_shipped_samples_check_clean_with_their_trial(path):
    report = check(path)
    assert report.ok and report.errors == () and report.warnings == (), [p.as_text() for p in report.problems]
    assert "检查通过" in report.summary() and report.policy.hash in report.summary()


def test_broken_file_lists_every_problem_at_once(broken):
    report = check(broken)
    assert not report.ok and report.policy is None
    paths = {p.path for p in report.errors}
    assert {"rounding.line_places", "items[0].ratio", "items[2].times.cash"} <= paths
    assert all(p.source == "broken.toml" for p in report.problems)
    assert [p.path for p in report.warnings] == ["project", "items[1].pct"]  # warnings beside the errors
    assert report.errors[0].as_text().startswith("broken.toml: rounding.line_places: ")


def test_unknown_key_names_the_kind_and_its_keys_not_a_typo():
    report = check_text(MINIMAL + '[[items]]\ncode = "a"\nkind = "fixed"\nlabel = "x"\namount = "1"\nratio = "2"\n',
                        "t.toml")
    [problem] = report.errors
    assert problem.path == "items[0].ratio"
    assert "定额补助（fixed）类项目没有键“ratio”" in problem.message
    assert "它的键是: kind、code、label、note、modes、uses、legality、amount" in problem.message
    assert "“ratio”是use_change" in problem.message and "拼写错误" not in problem.message


def test_percent_text_is_accepted_and_means_the_same_as_the_number():
    item = '[[items]]\ncode = "r"\nkind = "cash_subsidy"\nlabel = "奖励"\npct = {}\n'
    with_sign = parse_policy(MINIMAL + item.format('"20%"'))
    plain = parse_policy(MINIMAL + item.format('"20"'))
    assert with_sign.items[0].pct == plain.items[0].pct == Decimal(20)
    assert with_sign.warnings == plain.warnings  # no pct warning for either (only the [project] one)


def test_a_pct_below_one_is_a_warning_that_suggests_the_percent():
    policy = parse_policy(MINIMAL + '[[items]]\ncode = "r"\nkind = "cash_subsidy"\nlabel = "奖励"\npct = 0.2\n')
    assert "items[0].pct: 0.2 表示 0.2%，是否想写 20%？" in "\n".join(policy.warnings)


def test_a_percent_sign_on_a_ratio_is_refused_with_the_decimal_to_write():
    report = check_text(MINIMAL + '[[items]]\ncode = "u"\nkind = "use_change"\nlabel = "住改商"\nratio = "50%"\n')
    assert [p.path for p in report.errors] == ["items[0].ratio"]
    assert "比例写小数" in report.errors[0].message


def test_project_fields_for_documents_are_not_needed_to_calculate():
    policy = parse_policy(MINIMAL + '[[items]]\ncode = "f"\nkind = "fixed"\nlabel = "补助"\namount = "100"\n')
    calc = compute_located(policy, sample_household(policy), "cash")
    assert calc.total == Decimal(100)
    assert any(w.startswith("project: 没有 [project]") for w in policy.warnings)
    partial = parse_policy(MINIMAL + '[project]\nname = "项目"\n[[items]]\ncode = "f"\nkind = "fixed"\n'
                           'label = "补助"\namount = "100"\n')
    assert any(w.startswith("project.decision_no: 未填写征收决定文号") for w in partial.warnings)


def test_toml_syntax_error_names_the_line(tmp_path):
    path = tmp_path / "syntax.toml"
    path.write_text('format = 1\nversion = "v"\nlabel = = 2\n', encoding="utf-8")
    [problem] = check(path).errors
    assert problem.path == "第 3 行第 9 列" and "TOML 格式错误" in problem.message


def test_unreadable_and_missing_files(tmp_path):
    assert check(tmp_path / "none.toml").errors[0].message == "找不到方案文件"
    gbk = tmp_path / "gbk.toml"
    gbk.write_bytes('version = "第一版"'.encode("gbk"))
    assert "UTF-8" in check(gbk).errors[0].message


def test_calculation_errors_name_the_file_and_the_item():
    # A scheme pricing commercial space by use but listing only a residential price: loads, cannot price a shop.
    text = (MINIMAL + '[[items]]\ncode = "f"\nkind = "fixed"\nlabel = "补助"\namount = "1"\n'
            '[[items]]\ncode = "shop"\nkind = "house_value"\nlabel = "房屋价值"\n'
            'unit_price_by_use = { residential = "9000" }\nuses = ["commercial"]\n')
    policy = parse_policy(text, "shop.toml")
    with pytest.raises(PolicyError) as info:
        compute_located(policy, sample_household(policy), "cash")
    assert str(info.value).startswith("shop.toml: items[1]（shop）: ")
    report = check_text(text, "shop.toml")  # the trial calculation reports it before anyone publishes
    assert report.ok and [p.path for p in report.warnings if "试算" in p.message] == ["items[1]（shop）"]


def test_a_request_error_is_not_blamed_on_an_item():
    policy = parse_policy(MINIMAL + '[[items]]\ncode = "f"\nkind = "fixed"\nlabel = "补助"\namount = "1"\n', "c.toml")
    with pytest.raises(PolicyError) as info:
        compute_located(policy, sample_household(policy), "exchange")
    assert str(info.value).startswith("c.toml: mode: 本方案不提供产权调换")

