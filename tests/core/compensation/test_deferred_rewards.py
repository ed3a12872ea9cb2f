"""Rewards settled after the agreements take effect (上海长桥新村片区征求意见稿, http://www.infqj.cn/dy/article/
I7OHAI3H0551P6O4.html): 签约率奖 — 90% 每证 15 万元，每增加 1% 加 1.5 万元 — and 早搬迁奖 counted from the day after
the agreements take effect — 第 1–15 日 4,000 元/m²（不足 16 万元按 16 万元）, 第 16–30 日 2,000（8 万）, 第 31–45 日
1,000（4 万）. Neither amount exists at signing: the line is 0, states the schedule and stays out of the total.

Figures by hand (58.32 m² residential, 13,670 元/m²: house value 797,234.40 → 797,234):
  早搬迁 58.32 × 4,000 = 233,280 ≥ 160,000; × 2,000 = 116,640 ≥ 80,000; × 1,000 = 58,320 ≥ 40,000.
  32.50 m²: 130,000 < 160,000 → 160,000; 65,000 < 80,000 → 80,000; 32,500 < 40,000 → 40,000.
  签约率 92.5%: 2 whole steps above 90% → 150,000 + 2 × 15,000 = 180,000; 100%: 150,000 + 10 × 15,000 = 300,000.
  生效 2023-09-10 → day 1 is 09-11; 09-25 is day 15, 09-26 day 16, 10-25 day 45, 10-26 day 46 (nothing)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from compensation_helpers import HEADER, MODES, household, make_policy

from survey_app.core.compensation.engine import compute
from survey_app.core.compensation.policy_tools import check
from survey_app.core.compensation.policy_tools.diff import diff_text
from survey_app.core.compensation.policy_tools.explain import explain_text
from survey_app.core.services.agreements.terms import document_terms

RATE = ('[[items]]\ncode = "rate"\nkind = "signing_rate_reward"\nlabel = "签约率奖"\nfrom_pct = "90%"\n'
        'amount = "150000"\nstep_pct = "1%"\nstep_amount = "15000"\n')
MOVE = ('[[items]]\ncode = "move"\nkind = "early_moving_reward"\nlabel = "早搬迁奖"\n'
        'tiers = [{ days = 15, per_m2 = "4000", minimum = "160000" }, { days = 30, per_m2 = "2000", minimum = "80000" },'
        ' { days = 45, per_m2 = "1000", minimum = "40000" }]\n')
HV = '[[items]]\ncode = "hv"\nkind = "house_value"\nlabel = "房屋价值"\n'
MOVE_LINE = ("自协议生效次日起：第 1–15 日内搬离交房 max(58.32 m² × 4,000 元/m², 160,000 元) = 233,280 元；"
             "第 16–30 日内搬离交房 max(58.32 m² × 2,000 元/m², 80,000 元) = 116,640 元；"
             "第 31–45 日内搬离交房 max(58.32 m² × 1,000 元/m², 40,000 元) = 58,320 元"
             "（按实际交房日期另行结算，不计入本次合计） = 0")


def test_both_lines_state_the_schedule_and_stay_out_of_the_total() -> None:
    calc = compute(make_policy(HV + RATE + MOVE), household(signing_date="2023-08-31"), "cash")
    lines = {ln.code: (ln.amount, ln.formula) for ln in calc.lines}
    assert lines["rate"] == (D("0"), "签约期限内本项目签约率达到 90% 的 150,000 元/户，此后每增加 1% 增加 15,000 元/户"
                                      "（按签约期限届满时的签约率另行结算，不计入本次合计） = 0")
    assert lines["move"] == (D("0"), MOVE_LINE)
    assert calc.total == D("797234")  # the house value only


def test_the_minimum_of_each_window_is_stated_for_a_small_flat() -> None:
    small = household(building_parts=[{"area": "32.50", "use": "residential", "legality": "registered"}])
    line = compute(make_policy(MOVE), small, "cash").lines[0]
    assert "第 1–15 日内搬离交房 max(32.50 m² × 4,000 元/m², 160,000 元) = 160,000 元" in line.formula
    assert "第 16–30 日内搬离交房 max(32.50 m² × 2,000 元/m², 80,000 元) = 80,000 元" in line.formula
    assert "第 31–45 日内搬离交房 max(32.50 m² × 1,000 元/m², 40,000 元) = 40,000 元" in line.formula


def test_a_household_signing_after_the_period_gets_neither() -> None:
    calc = compute(make_policy(HV + RATE + MOVE), household(signing_date="2023-09-01"), "cash")
    assert [ln.code for ln in calc.lines] == ["hv"]


@pytest.mark.parametrize(("rate", "amount"), [("89.99", "0"), ("90", "150000"), ("92.5", "180000"), ("100", "300000")])
def test_signing_rate_amount_once_the_rate_is_known(rate, amount) -> None:
    item = make_policy(RATE).items[0]
    assert item.amount_at(D(rate)) == D(amount)


@pytest.mark.parametrize(("handover", "amount"), [("2023-09-05", "233280"), ("2023-09-25", "233280"),
                                                  ("2023-09-26", "116640"), ("2023-10-25", "58320"),
                                                  ("2023-10-26", "0")])
def test_early_moving_amount_once_the_dates_are_known(handover, amount) -> None:
    item = make_policy(MOVE).items[0]
    assert item.settle(dt.date(2023, 9, 10), dt.date.fromisoformat(handover), D("58.32")) == D(amount)


def test_the_agreement_states_both_schedules_as_terms() -> None:
    policy = make_policy(HV + RATE + MOVE, places=2)
    terms = document_terms(compute(policy, household(signing_date="2023-06-10"), "cash"), policy)
    assert terms.effect_terms == (
        "签约率奖：签约期限内本项目签约率达到90%的，奖励人民币150,000.00元；在90%基础上签约率每增加1%，增加人民币15,000.00元。"
        "该奖励按签约期限届满时的签约率确定，不计入本协议补偿金额，另行支付。",
        "早搬迁奖：自本协议生效次日起第1日至第15日内搬离被征收房屋并办理完毕交房手续的，奖励人民币233,280.00元；"
        "第16日至第30日内的，奖励人民币116,640.00元；第31日至第45日内的，奖励人民币58,320.00元；此后搬离的不予奖励。"
        "该奖励按实际交房日期确定，不计入本协议补偿金额，另行支付。")


def test_check_reports_every_problem_at_once() -> None:
    bad = (RATE.replace('step_amount = "15000"\n', 'maximum = "1"\n')
           + MOVE.replace("days = 30", "days = 10").replace('{ days = 45, per_m2 = "1000", minimum = "40000" }',
                                                             '{ days = 45, amount = "1", minimum = "40000" }'))
    errors = [p.as_text() for p in check(HEADER.format(places=0) + MODES + bad, "t.toml").errors]
    assert "t.toml: items[0].step_pct: step_pct 和 step_amount 须同时写（“每增加 1%，增加 1.5 万元”）或都不写" in errors
    assert any(e.startswith("t.toml: items[0].maximum: 项目“rate”的金额签约时不确定、另行结算") for e in errors), errors
    assert "t.toml: items[1].tiers: 档次须按天数（days）从少到多排列且不重复" in errors
    assert "t.toml: items[1].tiers[2].minimum: minimum 只用于按面积（per_m2）的档次" in errors
    assert len(errors) == 4, errors


def test_a_policy_without_a_signing_period_end_is_told() -> None:
    header = HEADER.format(places=0).replace("signing_end = 2023-08-31\n", "")
    errors = [p.as_text() for p in check(header + "[modes.cash]\n" + RATE, "t.toml").errors]
    assert errors == ["t.toml: items[0].kind: 项目“rate”只给签约期限内签约的户：货币补偿没有签约期结束日期"
                      "（[modes.cash] 或 [project] 的 signing_end）"]


def test_explain_and_diff() -> None:
    text = explain_text(make_policy(RATE + MOVE))
    assert ("签约率奖：签约期限内签约的住户：签约期限内本项目签约率达到 90% 的，每户 150,000 元；在此基础上签约率每增加 1%，"
            "每户增加 15,000 元（不足 1% 的部分不计）。按签约期限届满时的签约率确定，签约时金额未定，不计入测算合计，另行结算支付。"
            ) in text
    assert ("早搬迁奖：签约期限内签约的住户，自协议生效次日起计日：第 1–15 日内搬离并交房的按 面积 × 4,000 元/m²，"
            "不足 160,000 元 的按 160,000 元；第 16–30 日内") in text
    changed = diff_text(make_policy(RATE + MOVE), make_policy(RATE.replace('"15000"', '"20000"') + MOVE.replace(
        "days = 15", "days = 14")))
    assert "～ 签约率奖（rate）：每档增加的金额：15,000 → 20,000" in changed.splitlines(), changed
    assert "～ 早搬迁奖（move）：签约奖励档次「第 1 档」 自协议生效次日起天数：15 → 14" in changed.splitlines(), changed
