"""Signing periods per mode (J3) and reward tiers by the hand-over date (J1, F4) — issue 13.

The policy below: cash signs 2016-04-16—05-30, voucher 2016-06-18—08-31 ([modes.*] signing_start/end); one
reward of 3,000 元/户 up to 05-15 and 2,000 元/户 up to the chosen mode's signing end (until = "signing_end")."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from types import SimpleNamespace

import pytest

from survey_app.core.compensation.engine import compute
from survey_app.core.compensation.inputs import HouseholdInput
from survey_app.core.compensation.policy import PolicyError, parse_policy
from survey_app.core.compensation.policy_tools import check, explain_text
from survey_app.core.documents.article25 import signing_terms
from survey_app.core.domain.errors import ValidationError
from survey_app.core.services.agreements.terms import check_signing_date, document_terms

POLICY = '''format = 1
version = "v"
[project]
name = "p"
code = "P"
city = "c"
decision_no = "d"
valuation_date = 2016-04-01
[modes.cash]
signing_start = 2016-04-16
signing_end = 2016-05-30
[modes.voucher]
bonus_pct = 0
signing_start = 2016-06-18
signing_end = 2016-08-31
[[items]]
code = "house_value"
kind = "house_value"
label = "房屋价值"
[[items]]
code = "reward"
kind = "signing_reward"
label = "奖励"
date_basis = "{basis}"
tiers = [{{ until = 2016-05-15, amount = "3000" }}, {{ until = "signing_end", amount = "2000" }}]
'''


def _policy(basis: str = "handover"):
    return parse_policy(POLICY.format(basis=basis), "t.toml")


def _reward(policy, mode: str, signed: str | None, handover: str | None = None):
    data = {"household_code": "X", "building_parts": [{"area": "50.00", "use": "residential"}],
            "appraisal": {"unit_price": {"residential": "10000"}}, "signing_date": signed, "handover_date": handover}
    calc = compute(policy, HouseholdInput.from_dict(data), mode)
    line = next(ln for ln in calc.lines if ln.code == "reward")
    return line.amount, line.formula, calc


@pytest.mark.parametrize(("basis", "signed", "handover", "amount", "formula"), [
    # before the hand-over: priced by the signing date, the deadline stated as the condition
    ("handover", "2016-05-10", None, "3000", "3,000 元/户（以 2016-05-15 前腾空交房为条件） = 3,000"),
    ("later_of", "2016-05-10", None, "3000", "3,000 元/户（2016-05-15 前签约，以 2016-05-15 前腾空交房为条件） = 3,000"),
    ("signing", "2016-05-10", "2016-05-20", "3000", "3,000 元/户（2016-05-15 前签约） = 3,000"),
    # handed over: the hand-over date decides (later_of: the later of the two)
    ("handover", "2016-05-10", "2016-05-20", "2000", "2,000 元/户（2016-05-30 前腾空交房） = 2,000"),
    ("later_of", "2016-05-10", "2016-05-20", "2000", "2,000 元/户（2016-05-30 前签约并腾空交房） = 2,000"),
    ("later_of", "2016-05-20", "2016-05-12", "2000", "2,000 元/户（2016-05-30 前签约并腾空交房） = 2,000"),
    ("handover", "2016-05-10", "2016-06-01", "0", "2016-06-01 腾空交房，已过奖励期限 = 0"),
    ("later_of", "2016-05-10", "2016-06-01", "0", "签约、腾空交房较晚者为 2016-06-01，已过奖励期限 = 0"),
    ("handover", None, None, "3000", "3,000 元/户（未填签约日期，按 2016-05-15 前腾空交房测算） = 3,000"),
])
def test_tiers_by_hand_over_date(basis, signed, handover, amount, formula) -> None:
    assert _reward(_policy(basis), "cash", signed, handover)[:2] == (D(amount), formula)


def test_signing_end_is_the_chosen_modes_period_end() -> None:
    policy = _policy("signing")
    assert policy.signing_period("cash") == (dt.date(2016, 4, 16), dt.date(2016, 5, 30))
    assert policy.signing_period("voucher") == (dt.date(2016, 6, 18), dt.date(2016, 8, 31))
    # signed 2016-06-20: past cash's period (0), inside voucher's (2,000)
    assert _reward(policy, "cash", "2016-06-20")[:2] == (D("0"), "2016-06-20 签约，已过奖励期限 = 0")
    assert _reward(policy, "voucher", "2016-06-20")[:2] == (D("2000"), "2,000 元/户（2016-08-31 前签约） = 2,000")


def test_a_mode_without_its_own_period_takes_the_projects() -> None:
    text = POLICY.format(basis="signing").replace("signing_start = 2016-06-18\nsigning_end = 2016-08-31\n", "")
    text = text.replace('valuation_date = 2016-04-01\n', 'valuation_date = 2016-04-01\nsigning_start = 2016-04-01\n'
                        'signing_end = 2016-07-31\n')
    policy = parse_policy(text, "t.toml")
    assert policy.signing_period("voucher") == (dt.date(2016, 4, 1), dt.date(2016, 7, 31))
    assert _reward(policy, "voucher", "2016-07-31")[0] == D("2000")
    assert "签约期：货币补偿 2016-04-16 至 2016-05-30；房票安置 2016-04-01 至 2016-07-31。" in explain_text(policy)


def test_check_names_the_item_when_a_mode_has_no_period_end_or_the_tiers_fall_out_of_order() -> None:
    no_end = POLICY.format(basis="signing").replace("signing_end = 2016-08-31\n", "")
    report = check(no_end, "t.toml")
    assert [p.as_text() for p in report.errors] == [
        "t.toml: items[1].tiers: 项目“reward”：房票安置没有签约期结束日期（[modes.voucher] 或 [project] 的 signing_end），"
        "档次不能写 until = \"signing_end\""]
    early = POLICY.format(basis="signing").replace("signing_end = 2016-05-30", "signing_end = 2016-05-01")
    with pytest.raises(PolicyError, match=r"items\[1\]\.tiers: 项目“reward”：代入货币补偿签约期结束日 2016-05-01 后"):
        parse_policy(early, "t.toml")
    reversed_period = POLICY.format(basis="signing").replace("signing_start = 2016-06-18", "signing_start = 2016-09-18")
    with pytest.raises(PolicyError, match=r"modes\.voucher\.signing_end: 签约期结束日期早于开始日期"):
        parse_policy(reversed_period, "t.toml")
    with pytest.raises(PolicyError, match="date_basis"):
        parse_policy(POLICY.format(basis="moving"), "t.toml")


def test_project_period_not_asked_for_when_every_mode_has_its_own() -> None:
    warnings = check(POLICY.format(basis="signing"), "t.toml").warnings
    assert not [w for w in warnings if "签约期" in w.as_text()]


def test_explain_says_what_decides_the_tier_and_the_periods() -> None:
    text = explain_text(_policy("handover"))
    assert "签约期：货币补偿 2016-04-16 至 2016-05-30；房票安置 2016-06-18 至 2016-08-31。" in text
    assert ("奖励：按腾空交房（交房验收）日期：2016-05-15 前腾空交房每户 3,000 元；所选安置方式的签约期结束日 前腾空交房"
            "每户 2,000 元；之后腾空交房没有此项奖励。尚未交房时先按签约日期所在的档次测算，以在该档截止日前腾空交房为条件。") in text


def test_the_agreement_states_the_hand_over_condition_and_signing_checks_use_the_basis() -> None:
    policy = _policy("later_of")
    calc = _reward(policy, "cash", "2016-05-10")[2]
    terms = document_terms(calc, policy)
    assert terms.handover_by == dt.date(2016, 5, 15)
    assert signing_terms(SimpleNamespace(terms=terms)) == (
        "按期签约奖励按2016年5月15日（含）之前签约计算，并以2016年5月15日（含）之前腾空交房为条件；"
        "实际签约日期不在此期间的，须重新测算后方可签约。")
    check_signing_date(calc, policy, dt.date(2016, 5, 15))
    with pytest.raises(ValidationError, match="2016年5月30日前签约"):
        check_signing_date(calc, policy, dt.date(2016, 5, 16))
    handed = _reward(_policy("handover"), "cash", "2016-05-10", "2016-05-12")[2]  # the house already handed over
    assert document_terms(handed, _policy("handover")).handover_by is None
    check_signing_date(handed, _policy("handover"), dt.date(2016, 5, 20))  # the tier no longer depends on signing
