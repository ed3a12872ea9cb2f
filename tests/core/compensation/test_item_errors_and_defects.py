"""Calculation errors name the item (``items[N]（code）``), and two engine defects found writing the real
schemes: per-m² business loss ignoring the item's uses, and hardship paid once per category."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from compensation_helpers import household, make_policy

from survey_app.core.compensation.engine import compute, compute_all
from survey_app.core.compensation.fields import PolicyError
from survey_app.core.services.calc_errors import in_chinese

TWO_ITEMS = """
[[items]]
code = "hv"
kind = "house_value"
label = "房屋价值"

[[items]]
code = "dec"
kind = "decoration"
label = "装修"
per_m2_by_grade = { simple = "300" }
"""


def test_an_error_while_computing_names_the_file_the_item_index_and_its_code():
    policy = make_policy(TWO_ITEMS)
    hh = household(building_parts=[{"area": "50.00", "use": "residential", "decoration_grade": "fine"}])
    with pytest.raises(PolicyError) as caught:
        compute(policy, hh, "cash")
    assert caught.value.source == "test.toml"
    assert caught.value.problems == [
        "items[1]（dec）: building_parts.decoration_grade: 方案没有装修等级“fine”，可选: simple"]
    assert str(caught.value).startswith("test.toml: items[1]（dec）: building_parts.decoration_grade")


def test_compute_all_names_the_item_too():
    policy = make_policy(TWO_ITEMS)
    hh = household(building_parts=[{"area": "50.00", "use": "commercial"}], appraisal={"unit_price": {}})
    with pytest.raises(PolicyError) as caught:
        compute_all(policy, hh)
    assert caught.value.problems[0].startswith("items[0]（hv）: appraisal.unit_price.commercial: 缺少商业用途")


def test_the_ui_message_still_reads_in_the_surveys_words_and_says_which_item():
    policy = make_policy(TWO_ITEMS)
    hh = household(building_parts=[{"area": "50.00", "use": "commercial"}], appraisal={"unit_price": {}})
    with pytest.raises(PolicyError) as caught:
        compute(policy, hh, "cash")
    text = str(in_chinese(caught.value, "H-1"))
    assert text == ("户 H-1 无法测算，请先改正：\n"
                    "1. 评估 · 评估单价 · 商业：缺少商业用途的评估单价（方案第 1 项 hv）")


SHOP_AND_OTHER = """
[[items]]
code = "bl_shop"
kind = "business_loss"
label = "停产停业（店面）"
uses = ["commercial"]
basis = "per_m2"
per_m2 = "100"

[[items]]
code = "bl_other"
kind = "business_loss"
label = "停产停业（其他非住宅）"
uses = ["office", "industrial", "other"]
basis = "per_m2"
per_m2 = "50"
"""


def test_per_m2_business_loss_with_a_business_area_keeps_to_the_items_uses():
    policy = make_policy(SHOP_AND_OTHER, places=2)
    shop = household(building_parts=[{"area": "40.00", "use": "commercial"}],
                     business={"uscc": "x", "area": "40.00"})
    calc = compute(policy, shop, "cash")
    assert [(ln.code, ln.amount) for ln in calc.lines] == [("bl_shop", D("4000.00"))]  # 40 × 100, no 50/m² line
    office = household(building_parts=[{"area": "30.00", "use": "office"}], business={"uscc": "x", "area": "30.00"})
    assert [(ln.code, ln.amount) for ln in compute(policy, office, "cash").lines] == [("bl_other", D("1500.00"))]


def test_per_m2_business_area_larger_than_the_items_parts_is_limited_to_them():
    policy = make_policy(SHOP_AND_OTHER, places=2)
    shop = household(building_parts=[{"area": "25.00", "use": "commercial"}, {"area": "60.00", "use": "residential"}],
                     business={"uscc": "x", "area": "40.00"})
    line, = compute(policy, shop, "cash").lines
    assert line.amount == D("2500.00")  # min(40, 25) m² × 100
    assert line.formula == "min(40.00, 25.00) m² × 100 元/m² = 2,500.00"


HARDSHIP = """
[[items]]
code = "hs"
kind = "hardship"
label = "装修补助"
per = "{per}"
amounts = {{ wubao = "30000", dibao = "30000", elderly_alone = "30000", tekun = "20000" }}
labels = {{ wubao = "五保户" }}
"""


def test_hardship_once_per_household_pays_one_amount_whatever_the_categories():
    policy = make_policy(HARDSHIP.format(per="household_once"))
    members = [{"relation": "户主", "name": "a", "dibao": True, "flags": ["elderly_alone"]}]
    line, = compute(policy, household(members=members), "cash").lines
    assert line.amount == D("30000")  # 低保 + 孤寡老人: 30,000 once, not 60,000
    assert line.label == "装修补助（低保、孤寡老人）"
    assert line.formula == "30,000 元/户（任一类别，每户一次） = 30,000"
    # categories with different amounts: the highest one, once
    members = [{"relation": "户主", "name": "a", "flags": ["tekun"]}, {"relation": "子", "name": "b", "dibao": True}]
    assert [ln.amount for ln in compute(policy, household(members=members), "cash").lines] == [D("30000")]
    assert compute(policy, household(), "cash").lines == ()


def test_hardship_per_household_still_pays_each_category_once():
    # per = "household" keeps its documented meaning (每类每户一次): published policies must not change
    policy = make_policy(HARDSHIP.format(per="household"))
    members = [{"relation": "户主", "name": "a", "dibao": True, "flags": ["elderly_alone"]}]
    assert [ln.amount for ln in compute(policy, household(members=members), "cash").lines] == [D("30000"), D("30000")]
