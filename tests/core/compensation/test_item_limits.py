"""Issue 13 gap: an item's own minimum and maximum (``minimum``, ``maximum``).

Figures by hand from the zuomama scheme's rule “非住宅房屋……按其被征收房屋货币补偿金额的 5% 给予搬迁奖励费和提前搬迁
奖励费，最少不低于 3 万元，最多不超过 300 万元” (the golden cases of that scheme are in tests/policy_cases/)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from compensation_helpers import household, make_policy
from formula_check import adds_up

from survey_app.core.compensation.engine import compute, compute_all
from survey_app.core.compensation.fields import PolicyError
from survey_app.core.compensation.policy_tools import check
from survey_app.core.compensation.policy_tools.explain import explain_text

HV = '[[items]]\ncode = "hv"\nkind = "house_value"\nlabel = "房屋价值"\n'
REWARD = """
[[items]]
code = "move_reward"
kind = "cash_subsidy"
label = "非住宅搬迁奖励"
basis = "house_value"
uses = ["commercial", "office", "industrial", "other"]
pct = "5"
minimum = "30000"
maximum = "3000000"
"""


def _shop(area: str, price: str, use: str = "commercial"):
    return household(building_parts=[{"area": area, "use": use, "legality": "registered"}],
                     appraisal={"unit_price": {use: price}})


def _line(calc, code):
    found = [ln for ln in calc.lines if ln.code == code]
    assert len(found) == 1, [ln.code for ln in calc.lines]
    return found[0]


@pytest.mark.parametrize(("area", "price", "amount", "formula"), [
    # 40 × 12,000 = 480,000; × 5% = 24,000 < 30,000 → 30,000
    ("40.00", "12000", "30000.00",
     "(40.00 m² × 12,000 元/m²) × 5% = 24,000.00，不足 30,000 元按 30,000 元 = 30,000.00"),
    # 500 × 15,000 = 7,500,000; × 5% = 375,000 (between the limits: as computed)
    ("500.00", "15000", "375000.00", "(500.00 m² × 15,000 元/m²) × 5% = 375,000.00"),
    # 20,000 × 4,000 = 80,000,000; × 5% = 4,000,000 > 3,000,000 → 3,000,000
    ("20000.00", "4000", "3000000.00",
     "(20000.00 m² × 4,000 元/m²) × 5% = 4,000,000.00，超过 3,000,000 元按 3,000,000 元 = 3,000,000.00"),
])
def test_the_line_is_held_between_minimum_and_maximum_and_says_so(area, price, amount, formula) -> None:
    policy = make_policy(HV + REWARD, places=2)
    calc = compute(policy, _shop(area, price), "cash")
    line = _line(calc, "move_reward")
    assert line.amount == D(amount)
    assert line.formula == formula
    assert adds_up(line.formula, line.amount, 2)
    assert calc.total == D(area) * D(price) + D(amount)
    # the shared path of every option gives the same line
    assert [ln for ln in compute_all(policy, _shop(area, price))[0].lines if ln.code == "move_reward"] == [line]


def test_the_limit_compares_the_rounded_amount() -> None:
    # 24.99 m² × 1,200.10 = 29,990.499 → 29,990 (yuan) < 30,000 → 30,000; 25.00 m² × 1,200 = 30,000: not below.
    items = '[[items]]\ncode = "r"\nkind = "small_area_reward"\nlabel = "奖励"\nbands = [{ per_m2 = "1200.10" }]\n' \
            'minimum = "30000"\n'
    calc = compute(make_policy(items), household(building_parts=[{"area": "24.99", "use": "residential"}]), "cash")
    assert _line(calc, "r").amount == D("30000")
    assert _line(calc, "r").formula.endswith("= 29,990，不足 30,000 元按 30,000 元 = 30,000")
    items = items.replace("1200.10", "1200")
    calc = compute(make_policy(items), household(building_parts=[{"area": "25.00", "use": "residential"}]), "cash")
    assert _line(calc, "r").formula == "25.00 m² × 1,200 元/m² = 30,000"


def test_several_lines_of_one_item_are_added_up_before_the_limit() -> None:
    # Two parts: 10 × 1,000 = 10,000 and 20 × 1,000 = 20,000 → 30,000 > 25,000 → one line of 25,000.
    items = HV.replace('label = "房屋价值"', 'label = "房屋价值"\nunit_price = "1000"\nmaximum = "25000"')
    parts = [{"area": "10.00", "use": "residential"}, {"area": "20.00", "use": "residential"}]
    calc = compute(make_policy(items), household(building_parts=parts), "cash")
    line = _line(calc, "hv")
    assert (line.label, line.amount) == ("房屋价值", D("25000"))
    assert line.formula == ("10.00 m² × 1,000 元/m² × 1 + 20.00 m² × 1,000 元/m² × 1 = 30,000，"
                            "超过 25,000 元按 25,000 元 = 25,000")
    assert adds_up(line.formula, line.amount, 0)


def test_nothing_due_stays_nothing_and_an_item_not_paid_gives_no_line() -> None:
    items = """
[[items]]
code = "early"
kind = "signing_reward"
label = "签约奖励"
tiers = [{ until = 2023-06-30, pct = "5" }]
minimum = "10000"
"""
    late = compute(make_policy(HV + items), household(signing_date="2023-07-01"), "cash")
    assert _line(late, "early").amount == 0  # past the deadline: 0, not the minimum
    # a household with no non-residential part gets no 搬迁奖励 line at all (not the minimum)
    calc = compute(make_policy(HV + REWARD, places=2), household(), "cash")
    assert [ln.code for ln in calc.lines] == ["hv"]


def test_the_held_amount_is_what_caps_and_the_voucher_count() -> None:
    # shop 40 × 12,000 = 480,000; reward 30,000 (minimum); voucher bonus 10% of 510,000 = 51,000
    calc = compute(make_policy(HV + REWARD, places=2), _shop("40.00", "12000"), "voucher")
    assert _line(calc, "voucher_bonus").amount == D("51000.00")
    assert calc.total == D("561000.00")


def test_moving_keeps_its_own_minimum_per_move_and_takes_a_maximum() -> None:
    # 58.32 × 20 = 1,166.40 per move, at least 1,500 → 1,500 × 2 moves = 3,000 > 2,500 → 2,500
    items = ('[[items]]\ncode = "mv"\nkind = "moving"\nlabel = "搬迁费"\nper_m2 = "20"\nminimum = "1500"\n'
             'times = { exchange_future = 2, default = 1 }\nmaximum = "2500"\n')
    policy = make_policy(items)
    cash = compute(policy, household(), "cash")
    assert _line(cash, "mv").amount == D("1500")
    line = _line(compute(policy, household(), "exchange", "A60"), "mv")
    assert line.amount == D("2500")
    assert line.formula == ("max(58.32 m² × 20 元/m², 1,500 元) × 2 次 = 3,000，超过 2,500 元按 2,500 元 = 2,500")
    assert "每次不少于 1,500 元" in explain_text(policy) and "此项每户最多 2,500 元" in explain_text(policy)


def test_check_names_the_item_and_its_code_when_limits_contradict() -> None:
    bad = REWARD.replace('minimum = "30000"', 'minimum = "3000001"')
    report = check(make_policy_text(HV + bad), "zm.toml")
    assert not report.ok
    assert [p.as_text() for p in report.errors] == [
        "zm.toml: items[1].minimum: 项目“move_reward”的最低额 3,000,001 元大于最高额 3,000,000 元"]
    report = check(make_policy_text(HV + REWARD.replace('maximum = "3000000"', 'maximum = "0"')), "zm.toml")
    assert [p.as_text() for p in report.errors] == ["zm.toml: items[1].maximum: 项目“move_reward”的最高额应大于 0，实际是 0"]
    with pytest.raises(PolicyError, match=r"items\[1\]\.maximum: 应为数字"):
        make_policy(HV + REWARD.replace('maximum = "3000000"', 'maximum = "三百万"'))


def test_explain_says_the_limits_in_plain_chinese() -> None:
    text = explain_text(make_policy(HV + REWARD, places=2))
    assert ("非住宅搬迁奖励：按房屋价值（面积 × 评估报告中该用途的评估单价）的 5% 计算。此项每户最少 30,000 元、最多 "
            "3,000,000 元（不足最低额的按最低额、超过最高额的按最高额；分处计算的先相加为一行）。") in text
    assert "另有规定" not in text


def make_policy_text(items: str) -> str:
    from compensation_helpers import HEADER, MODES
    return HEADER.format(places=2) + MODES + items
