"""Issue 13 gaps Z2 / Q1: a signing-reward tier counted from the signing period's start (``within_days = N``:
签约期开始之日起 N 日内, day 1 = signing_start — the mode's own when it has one).

Figures by hand. Zhoushan 2023 (resources/policies/zhoushan_urban_village_2023.toml): period 2023-04-06 — 05-05;
day 7 = 04-12 (6,000 元/户), day 14 = 04-19 (4,000), day 21 = 04-26 (2,000), 04-27 nothing. Inline policy
(compensation_helpers.HEADER: period 2023-06-01 — 08-31): 30 日内 = to 06-30, 45 日内 = to 07-15."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from compensation_helpers import HEADER, MODES, POLICIES, household, make_policy

from survey_app.core.compensation.engine import compute
from survey_app.core.compensation.policy import load_policy, parse_policy
from survey_app.core.compensation.policy_tools import check
from survey_app.core.compensation.policy_tools.explain import explain_text

ZHOUSHAN = POLICIES / "zhoushan_urban_village_2023.toml"


def _line(policy, signed, code="early_signing_reward", mode="cash", **kw):
    calc = compute(policy, household(signing_date=signed, **kw), mode)
    return next(((ln.amount, ln.formula) for ln in calc.lines if ln.code == code), None)


@pytest.mark.parametrize(("signed", "amount", "until"), [
    ("2023-04-01", "6000", "2023-04-12"), ("2023-04-12", "6000", "2023-04-12"), ("2023-04-13", "4000", "2023-04-19"),
    ("2023-04-26", "2000", "2023-04-26")])
def test_zhoushan_weeks_are_counted_from_the_signing_start(signed, amount, until) -> None:
    policy = load_policy(ZHOUSHAN)
    # Z1: the scheme pays these rewards only once the agreements take effect, and the line says so
    assert _line(policy, signed) == (D(amount), f"{int(amount):,} 元/户（{until} 前签约）（以协议生效为前提） = {int(amount):,}.00")


def test_zhoushan_after_the_third_week_pays_nothing() -> None:
    assert _line(load_policy(ZHOUSHAN), "2023-04-27")[0] == D("0")


def test_a_postponed_period_moves_every_week_with_one_edit() -> None:
    text = ZHOUSHAN.read_text("utf-8").replace("signing_start = 2023-04-06", "signing_start = 2023-04-10")
    policy = parse_policy(text, "z.toml")
    assert _line(policy, "2023-04-16")[0] == D("6000")  # day 7 of a period starting 04-10
    assert _line(policy, "2023-04-17")[0] == D("4000")
    assert _line(policy, "2023-04-30")[0] == D("2000")  # day 21
    assert _line(policy, "2023-05-01")[0] == D("0")


Q1 = ('[[items]]\ncode = "early"\nkind = "signing_reward"\nlabel = "住宅签约奖励"\nlegality = ["registered"]\n'
      'tiers = [{ within_days = 30, per_m2 = "300" }, { within_days = 45, per_m2 = "200" },'
      ' { until = "signing_end", per_m2 = "100" }]\n')
PART = [{"area": "80.00", "use": "residential"}]


@pytest.mark.parametrize(("signed", "amount", "formula"), [
    ("2023-06-30", "24000", "80.00 m² × 300 元/m²（2023-06-30 前签约） = 24,000"),   # day 30
    ("2023-07-01", "16000", "80.00 m² × 200 元/m²（2023-07-15 前签约） = 16,000"),   # day 31
    ("2023-07-15", "16000", "80.00 m² × 200 元/m²（2023-07-15 前签约） = 16,000"),   # day 45
    ("2023-07-16", "8000", "80.00 m² × 100 元/m²（2023-08-31 前签约） = 8,000")])
def test_q1_thirty_days_forty_five_days_and_the_rest_of_the_period(signed, amount, formula) -> None:
    assert _line(make_policy(Q1), signed, "early", building_parts=PART) == (D(amount), formula)


def test_a_mode_with_its_own_period_counts_from_its_own_start() -> None:
    modes = MODES.replace("[modes.voucher]\n", "[modes.voucher]\nsigning_start = 2023-07-01\n")
    policy = make_policy(Q1, modes=modes)
    assert _line(policy, "2023-07-30", "early", "voucher", building_parts=PART)[0] == D("24000")  # its day 30
    assert _line(policy, "2023-07-30", "early", "cash", building_parts=PART)[0] == D("8000")  # project's day 60


def test_explain_says_days_from_the_start() -> None:
    assert ("提前签约奖励：按签约日期：签约期开始之日起 7 日内（至 2023-04-12）签约每户 6,000 元；签约期开始之日起 14 日内"
            "（至 2023-04-19）签约每户 4,000 元；签约期开始之日起 21 日内（至 2023-04-26）签约每户 2,000 元；之后签约没有此项奖励。"
            ) in explain_text(load_policy(ZHOUSHAN))
    open_tier = Q1.replace('{ until = "signing_end", per_m2 = "100" }', '{ per_m2 = "100" }')
    assert "签约期第 45 日（2023-07-15） 以后签约按 面积 × 100 元/m²" in explain_text(make_policy(open_tier))


@pytest.mark.parametrize(("tiers", "error"), [
    ('{ within_days = 7, until = 2023-06-07, amount = "1" }',
     "items[0].tiers[0].within_days: 项目“early”的第 1 档：until 和 within_days 只写一个"),
    ('{ within_days = 0, amount = "1" }', "items[0].tiers[0].within_days: 不能小于 1，实际是 0"),
    ('{ within_days = 14, amount = "2" }, { within_days = 7, amount = "1" }',
     "items[0].tiers: 奖励档次须按截止日期从早到晚排列且不重复"),
    ('{ within_days = 30, amount = "2" }, { until = 2023-06-15, amount = "1" }',
     "items[0].tiers: 项目“early”：代入货币补偿签约期开始日 2023-06-01 后，奖励档次不是按截止日期从早到晚排列且不重复"),
])
def test_check_names_the_item_and_tier(tiers, error) -> None:
    items = f'[[items]]\ncode = "early"\nkind = "signing_reward"\nlabel = "签约奖励"\nmodes = ["cash"]\ntiers = [{tiers}]\n'
    report = check(HEADER.format(places=0) + MODES + items, "t.toml")
    assert f"t.toml: {error}" in [p.as_text() for p in report.errors]


def test_check_says_a_mode_has_no_start_to_count_from() -> None:
    items = '[[items]]\ncode = "early"\nkind = "signing_reward"\nlabel = "签约奖励"\ntiers = [{ within_days = 7, amount = "1" }]\n'
    text = HEADER.format(places=0).replace("signing_start = 2023-06-01\n", "") + MODES + items
    assert [p.as_text() for p in check(text, "t.toml").errors] == [
        "t.toml: items[0].tiers: 项目“early”：货币补偿没有签约期开始日期（[modes.cash] 或 [project] 的 signing_start），"
        "档次不能写 within_days"] + [p.as_text() for p in check(text, "t.toml").errors][1:]
