"""Issue 13 gap J2: the last signing-reward tier may omit ``until`` (“超过货币补偿集中签约期……奖励幅度为百分之十”).

Figures by hand from the Jinan 2016 scheme (resources/policies/jinan_old_town_2016.toml): 88.00 m² at an appraised
14,900 元/m² is worth 1,311,200.00; after 2016-05-30 the reward is 10%: 131,120.00 — whenever the household signs
(the file used to stand in 2099-12-31 for “此后”, so a signing in 2100 got nothing)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from types import SimpleNamespace

import pytest
from compensation_helpers import POLICIES, household, make_policy
from formula_check import adds_up

from survey_app.core.compensation.engine import compute
from survey_app.core.compensation.policy import load_policy
from survey_app.core.compensation.policy_tools import check, diff_text
from survey_app.core.compensation.policy_tools.explain import explain_text
from survey_app.core.documents.article25 import signing_terms
from survey_app.core.domain.errors import ValidationError
from survey_app.core.services.agreements.terms import check_signing_date, document_terms

JINAN = POLICIES / "jinan_old_town_2016.toml"


def _jinan_household(signed: str | None):
    return household(building_parts=[{"area": "88.00", "use": "residential"}],
                     appraisal={"unit_price": {"residential": "14900"}}, signing_date=signed)


def _reward(calc):
    return next(ln for ln in calc.lines if ln.code == "cash_reward")


@pytest.mark.parametrize("signed", ["2016-06-10", "2100-01-04"])
def test_jinan_open_last_tier_pays_ten_percent_whenever_signed_after_the_period(signed) -> None:
    calc = compute(load_policy(JINAN), _jinan_household(signed), "cash")
    line = _reward(calc)
    assert line.amount == D("131120.00")
    assert line.formula == ("(88.00 m² × 14,900 元/m² × 1) × 10%（2016-05-30 后签约并腾空交房） = 131,120.00")  # date_basis = "later_of"
    assert adds_up(line.formula, line.amount, 2)
    assert calc.total == D("1442320.00")


def test_the_dated_tiers_before_it_are_unchanged() -> None:
    calc = compute(load_policy(JINAN), _jinan_household("2016-05-30"), "cash")
    assert _reward(calc).amount == D("262240.00")  # 1,311,200.00 × 20%
    assert _reward(calc).formula.endswith("× 20%（2016-05-30 前签约，以 2016-05-30 前腾空交房为条件） = 262,240.00")


def test_only_the_last_tier_may_omit_until_and_check_says_which() -> None:
    items = ('[[items]]\ncode = "early"\nkind = "signing_reward"\nlabel = "签约奖励"\n'
             'tiers = [{ amount = "6000" }, { until = 2023-06-30, amount = "3000" }]\n')
    from compensation_helpers import HEADER, MODES
    report = check(HEADER.format(places=0) + MODES + items, "t.toml")
    assert [p.as_text() for p in report.errors] == [
        "t.toml: items[0].tiers[0].until: 项目“early”的第 1 档缺少截止日期：只有最后一档可以不写 until（表示“此后”）"]


def test_a_single_open_tier_pays_everyone_and_names_no_date() -> None:
    items = '[[items]]\ncode = "early"\nkind = "signing_reward"\nlabel = "签约奖励"\ntiers = [{ amount = "5000" }]\n'
    policy = make_policy(items)
    for signed in (None, "2031-01-01"):
        line = _reward_code(compute(policy, household(signing_date=signed), "cash"), "early")
        assert (line.amount, line.formula) == (D("5000"), "5,000 元/户 = 5,000")
    assert "签约奖励：按签约日期：任何时候签约每户 5,000 元。" in explain_text(policy)


def _reward_code(calc, code):
    return next(ln for ln in calc.lines if ln.code == code)


def test_explain_and_diff_name_the_open_tier(tmp_path) -> None:
    text = explain_text(load_policy(JINAN))
    assert "2016-05-30 前签约并腾空交房按房屋价值" in text and "2016-05-30 以后签约并腾空交房按房屋价值" in text
    assert "之后签约没有此项奖励" not in text
    old = tmp_path / "jinan_2099.toml"
    old.write_text(JINAN.read_text("utf-8").replace('  { pct = "10" },', '  { until = 2099-12-31, pct = "10" },'),
                   encoding="utf-8")
    assert diff_text(load_policy(old), load_policy(JINAN)).splitlines() == [
        "～ 货币补偿奖励（cash_reward）：签约奖励档次「2099-12-31」：删除（原为 截止日期 2099-12-31，百分比 10%）",
        "～ 货币补偿奖励（cash_reward）：签约奖励档次「此后」：新增 百分比 10%"]


def test_the_agreement_states_the_open_tier_and_refuses_a_signing_in_another_tier() -> None:
    policy = load_policy(JINAN)
    after = compute(policy, _jinan_household("2016-06-10"), "cash")
    terms = document_terms(after, policy)
    assert (terms.signing_from, terms.signing_until) == (dt.date(2016, 5, 30), None)
    assert signing_terms(SimpleNamespace(terms=terms)) == (
        "按期签约奖励按2016年5月30日之后签约计算；实际签约日期不在此期间的，须重新测算后方可签约。")
    check_signing_date(after, policy, dt.date(2101, 3, 1))  # still the open tier: fine
    with pytest.raises(ValidationError, match="属于“2016年5月30日前签约”的奖励档次"):
        check_signing_date(after, policy, dt.date(2016, 5, 20))
    during = compute(policy, _jinan_household("2016-05-20"), "cash")
    with pytest.raises(ValidationError, match="属于“2016年5月30日后签约”的奖励档次"):
        check_signing_date(during, policy, dt.date(2016, 6, 10))
