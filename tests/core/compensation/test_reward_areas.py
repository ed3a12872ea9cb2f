"""Reward items priced per m² take a floor area and an eligibility ceiling: pay on max(area, 40 m²)
only when the area is at most the ceiling (the 小面积 rule of real schemes)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from compensation_helpers import household, make_policy
from formula_check import adds_up

from survey_app.core.compensation.engine import compute
from survey_app.core.compensation.fields import PolicyError


def one(policy, area: str, **fields):
    hh = household(building_parts=[{"area": area, "use": "residential"}], **fields)
    return [ln for ln in compute(policy, hh, "cash").lines]


SMALL = ('[[items]]\ncode = "sm"\nkind = "small_area_reward"\nlabel = "小面积奖励"\n'
         'bands = [{ per_m2 = "2000" }]\nfloor_area = "40"\nmax_area = "40"\n')


def test_small_area_reward_pays_on_the_floor_area_below_the_ceiling():
    policy = make_policy(SMALL, places=2)
    line, = one(policy, "32.50")
    assert line.amount == D("80000.00")  # max(32.50, 40) × 2,000
    assert line.formula == "max(32.50, 40) m² × 2,000 元/m² = 80,000.00"
    assert adds_up(line.formula, line.amount, 2)
    assert one(policy, "40.00")[0].amount == D("80000.00")  # 40 m² 以下 includes 40
    assert one(policy, "40.01") == []  # above the ceiling: not eligible


def test_signing_reward_per_m2_tier_with_floor_and_ceiling():
    policy = make_policy('[[items]]\ncode = "sr"\nkind = "signing_reward"\nlabel = "早签约奖"\n'
                         'floor_area = "40"\nmax_area = "60"\n'
                         'tiers = [{ until = 2023-06-30, per_m2 = "10000" }, { until = 2023-07-31, per_m2 = "5000" }]\n')
    line, = one(policy, "25.00", signing_date="2023-07-02")
    assert line.amount == D("200000")  # max(25, 40) × 5,000
    assert line.formula.startswith("max(25.00, 40) m² × 5,000 元/m²（2023-07-31 前签约）")
    assert one(policy, "58.32", signing_date="2023-06-01")[0].amount == D("583200")
    assert one(policy, "60.01", signing_date="2023-06-01") == []


def test_cash_subsidy_ceiling():
    policy = make_policy('[[items]]\ncode = "cs"\nkind = "cash_subsidy"\nlabel = "货币安置奖励"\npct = "10"\n'
                         'min_area = "45"\nmax_area = "60"\n')
    assert one(policy, "30.00")[0].amount == D("61515")  # max(30, 45) × 13,670 × 10%
    assert one(policy, "60.50") == []


def test_floor_area_only_where_the_reward_is_per_m2():
    with pytest.raises(PolicyError, match=r"items\[0\]\.floor_area: floor_area 只用于按面积"):
        make_policy('[[items]]\ncode = "sm"\nkind = "small_area_reward"\nlabel = "小面积"\n'
                    'bands = [{ up_to = "40", amount = "5000" }]\nfloor_area = "40"\n')
