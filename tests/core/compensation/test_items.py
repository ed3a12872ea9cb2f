"""Worked examples, by hand, for every item kind. Expected values are computed in the test text."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from compensation_helpers import household, make_policy

from survey_app.core.compensation.engine import compute
from survey_app.core.domain.errors import ValidationError


def lines(calc, code):
    return [ln for ln in calc.lines if ln.code == code]


def test_house_value_is_area_times_price_times_share():
    policy = make_policy('[[items]]\ncode = "hv"\nkind = "house_value"\nlabel = "房屋价值"\n')
    calc = compute(policy, household(share="0.5"), "cash")
    (line,) = lines(calc, "hv")
    # 58.32 × 13,670 = 797,234.40; × 0.5 = 398,617.20 → 398,617
    assert line.amount == D("398617")
    assert line.formula == "58.32 m² × 13,670 元/m² × 0.5 = 398,617"


def test_the_issue_example_formula():
    policy = make_policy('[[items]]\ncode = "hv"\nkind = "house_value"\nlabel = "房屋价值"\n')
    (line,) = lines(compute(policy, household(), "cash"), "hv")
    assert line.formula == "58.32 m² × 13,670 元/m² × 1 = 797,234"
    assert line.amount == D("797234")


def test_house_value_half_up_on_exact_decimal():
    policy = make_policy('[[items]]\ncode = "hv"\nkind = "house_value"\nlabel = "房屋价值"\n')
    hh = household(building_parts=[{"area": "2.00", "use": "residential"}],
                   appraisal={"unit_price": {"residential": "34459.25"}})
    # 2 × 34,459.25 = 68,918.50 → half-up 68,919 (banker's rounding would give 68,918)
    assert lines(compute(policy, hh, "cash"), "hv")[0].amount == D("68919")


def test_rounding_to_fen_keeps_cents():
    policy = make_policy('[[items]]\ncode = "hv"\nkind = "house_value"\nlabel = "房屋价值"\n', places=2)
    (line,) = lines(compute(policy, household(), "cash"), "hv")
    assert line.amount == D("797234.40")
    assert line.formula.endswith("= 797,234.40")


UNREG = """
[[items]]
code = "ur"
kind = "unregistered"
label = "未登记建筑"
ratios = { found_legal = "1", illegal = "0", temporary = "0.5" }
temporary_expired_ratio = "0.1"
unit_price_by_structure = { brick = "1000", simple = "400" }
"""


def test_unregistered_by_legality():
    hh = household(building_parts=[
        {"area": "58.32", "use": "residential", "legality": "registered"},
        {"area": "10.00", "use": "residential", "legality": "found_legal", "structure": "brick"},
        {"area": "20.00", "use": "residential", "legality": "illegal", "structure": "simple"},
        {"area": "8.00", "use": "residential", "legality": "temporary", "structure": "simple",
         "temporary_term_valid": "2023-12-31"},
        {"area": "5.00", "use": "residential", "legality": "temporary", "structure": "simple",
         "temporary_term_valid": "2023-01-31"},
    ])
    got = [ln.amount for ln in lines(compute(make_policy(UNREG), hh, "cash"), "ur")]
    # found legal 10 × 1000 × 1; illegal 20 × 400 × 0; temporary in term 8 × 400 × 0.5;
    # expired (term ended before the 2023-05-20 valuation date) 5 × 400 × 0.1
    assert got == [D(10000), D(0), D(1600), D(200)]


def test_decoration_by_grade_and_flat_rate():
    by_grade = make_policy('[[items]]\ncode = "dec"\nkind = "decoration"\nlabel = "装修"\n'
                           'per_m2_by_grade = { simple = "200", fine = "700" }\n')
    hh = household(building_parts=[{"area": "58.32", "use": "residential", "decoration_grade": "fine"},
                                   {"area": "10.00", "use": "commercial", "decoration_grade": "simple"},
                                   {"area": "5.00", "use": "residential"}])
    assert [ln.amount for ln in lines(compute(by_grade, hh, "cash"), "dec")] == [D("40824"), D("2000")]  # 58.32×700
    flat = make_policy('[[items]]\ncode = "dec"\nkind = "decoration"\nlabel = "装修"\nper_m2 = "300"\n')
    assert [ln.amount for ln in lines(compute(flat, hh, "cash"), "dec")] == [D("17496"), D("3000"), D("1500")]


def test_decoration_unknown_grade_is_named():
    policy = make_policy('[[items]]\ncode = "dec"\nkind = "decoration"\nlabel = "装修"\n'
                         'per_m2_by_grade = { simple = "200" }\n')
    hh = household(building_parts=[{"area": "10.00", "use": "residential", "decoration_grade": "gold"}])
    with pytest.raises(ValidationError, match="decoration_grade.*gold"):
        compute(policy, hh, "cash")


FIXTURES = """
[[items]]
code = "fx"
kind = "fixtures"
label = "附属物"
rates = [
  { kind = "water_meter", sub_kind = "main", label = "水表主表", unit = "块", unit_price = "1500" },
  { kind = "water_meter", sub_kind = "sub", label = "水表分表", unit = "块", unit_price = "500" },
  { kind = "air_conditioner", label = "空调", unit = "台", unit_price = "300" },
  { kind = "wall", label = "围墙", unit = "处", ratio = "0.8" },
]
"""


def test_fixtures_count_times_price_and_value_times_ratio():
    hh = household(fixtures=[{"kind": "water_meter", "sub_kind": "main", "count": "1"},
                             {"kind": "water_meter", "sub_kind": "sub", "count": "2"},
                             {"kind": "air_conditioner", "sub_kind": "cabinet", "count": "3"},
                             {"kind": "wall", "value": "3200"}])
    calc = compute(make_policy(FIXTURES), hh, "cash")
    # 1×1500, 2×500, 3×300 (sub-kind falls back to the kind's row), 3200×0.8
    assert [ln.amount for ln in lines(calc, "fx")] == [D(1500), D(1000), D(900), D(2560)]
    assert lines(calc, "fx")[1].formula == "2 块 × 500 元/块 = 1,000"


def test_unknown_fixture_is_named():
    hh = household(fixtures=[{"kind": "piano"}])
    with pytest.raises(ValidationError, match=r"fixtures\[0\].kind.*piano"):
        compute(make_policy(FIXTURES), hh, "cash")


def test_extras_from_menu():
    policy = make_policy('[[items]]\ncode = "ex"\nkind = "extras"\nlabel = "其他"\nmenu = [\n'
                         '{ code = "shed", label = "简易棚", unit = "m²", unit_price = "150" },\n'
                         '{ code = "stove", label = "灶台", unit = "个", unit_price = "200" }]\n')
    hh = household(extra_items=[{"code": "shed", "quantity": "12.5"}, {"code": "stove", "quantity": "2"}])
    assert [ln.amount for ln in lines(compute(policy, hh, "cash"), "ex")] == [D("1875"), D("400")]
    with pytest.raises(ValidationError, match=r"extra_items\[0\].code"):
        compute(policy, household(extra_items=[{"code": "pool", "quantity": "1"}]), "cash")


MOVING = """
[[items]]
code = "mv"
kind = "moving"
label = "搬迁费"
per_m2 = "15"
minimum = "1000"
times = { cash = 1, voucher = 1, exchange_ready = 1, exchange_future = 2 }
"""


def test_moving_fee_minimum_and_times_by_mode():
    policy = make_policy(MOVING)
    big = household(building_parts=[{"area": "94.82", "use": "residential"}])
    small = household(building_parts=[{"area": "40.00", "use": "residential"}])
    assert lines(compute(policy, big, "cash"), "mv")[0].amount == D("1422")        # 94.82×15 = 1,422.30
    assert lines(compute(policy, small, "cash"), "mv")[0].amount == D("1000")      # 600 < minimum 1,000
    assert lines(compute(policy, big, "exchange", "A60"), "mv")[0].amount == D("2845")  # 1,422.30 × 2 = 2,844.60
    assert lines(compute(policy, big, "exchange", "R40"), "mv")[0].amount == D("1422")  # ready flat: once


def test_moving_fee_fixed_amount():
    policy = make_policy('[[items]]\ncode = "mv"\nkind = "moving"\nlabel = "搬迁费"\namount = "2000"\n'
                         'times = { exchange = 2 }\n')
    assert lines(compute(policy, household(), "cash"), "mv")[0].amount == D("2000")
    assert lines(compute(policy, household(), "exchange", "A60"), "mv")[0].amount == D("4000")


TRANSITION = """
[[items]]
code = "tr"
kind = "transition"
label = "临时安置费"
rate_per_m2_month = "15"
minimum_per_month = "1200"
months = { cash = 6, voucher = 6, exchange_ready = 6, exchange_future = 36 }
"""


def test_transition_fee_floor_months_and_residential_only():
    policy = make_policy(TRANSITION)
    hh = household(building_parts=[{"area": "58.32", "use": "residential"}, {"area": "30.00", "use": "commercial"}])
    # max(58.32 × 15 = 874.80, 1,200) × 6 = 7,200 — commercial area does not count
    assert lines(compute(policy, hh, "cash"), "tr")[0].amount == D("7200")
    big = household(building_parts=[{"area": "100.00", "use": "residential"}])
    assert lines(compute(policy, big, "exchange", "A60"), "tr")[0].amount == D("54000")  # 1,500 × 36
    assert lines(compute(policy, big, "exchange", "R40"), "tr")[0].amount == D("9000")   # 1,500 × 6
    shop = household(building_parts=[{"area": "30.00", "use": "commercial"}])
    assert lines(compute(policy, shop, "cash"), "tr") == []


def test_household_delivery_fills_in_when_policy_is_silent():
    modes = """
[modes.exchange]
resettlement_price = "6000"
[[modes.exchange.flats]]
key = "X"
label = "X"
area = "50.00"
"""
    policy = make_policy(TRANSITION, modes=modes)
    big = household(building_parts=[{"area": "100.00", "use": "residential"}], delivery="ready")
    assert lines(compute(policy, big, "exchange", "X"), "tr")[0].amount == D("9000")
    later = household(building_parts=[{"area": "100.00", "use": "residential"}])
    assert lines(compute(policy, later, "exchange", "X"), "tr")[0].amount == D("54000")


def test_transition_per_person():
    policy = make_policy('[[items]]\ncode = "tp"\nkind = "transition_per_person"\nlabel = "过渡费"\n'
                         'rate_per_person_month = "600"\nminimum_per_month = "1500"\n'
                         'months = { cash = 6, exchange = 36 }\n')
    members = [{"relation": "户主", "name": "a"}, {"relation": "妻", "name": "b"},
               {"relation": "子", "name": "c"}, {"relation": "媳", "name": "d", "hukou_here": False}]
    hh = household(members=members)
    assert lines(compute(policy, hh, "cash"), "tp")[0].amount == D("10800")  # 3 × 600 = 1,800 × 6
    one = household(members=members[:1])
    assert lines(compute(policy, one, "exchange", "A60"), "tp")[0].amount == D("54000")  # max(600,1500) × 36


def test_business_loss_three_bases():
    shop = [{"area": "58.32", "use": "residential"}, {"area": "36.50", "use": "commercial"}]
    business = {"uscc": "x", "area": "30.00", "annual_profit": "96000"}
    pct = make_policy('[[items]]\ncode = "bl"\nkind = "business_loss"\nlabel = "停产停业"\nbasis = "pct_of_value"\npct = "5"\n')
    assert lines(compute(pct, household(building_parts=shop, business=business), "cash"), "bl")[0].amount == D("38325")
    # 36.50 × 21,000 = 766,500 × 5% = 38,325
    assert lines(compute(pct, household(building_parts=shop), "cash"), "bl") == []  # no business: nothing
    per_m2 = make_policy('[[items]]\ncode = "bl"\nkind = "business_loss"\nlabel = "停产停业"\nbasis = "per_m2"\nper_m2 = "800"\n')
    assert lines(compute(per_m2, household(building_parts=shop, business=business), "cash"), "bl")[0].amount == D("24000")
    profit = make_policy('[[items]]\ncode = "bl"\nkind = "business_loss"\nlabel = "停产停业"\nbasis = "profit"\nmonths = 6\n')
    assert lines(compute(profit, household(building_parts=shop, business=business), "cash"), "bl")[0].amount == D("48000")


def test_signing_reward_tiers():
    policy = make_policy("""
[[items]]
code = "sr"
kind = "signing_reward"
label = "签约奖励"
tiers = [
  { until = 2023-07-15, per_m2 = "600" },
  { until = 2023-08-15, pct = "2" },
  { until = 2023-08-31, amount = "10000" },
]
""")
    amount = lambda date: [ln.amount for ln in lines(compute(policy, household(signing_date=date), "cash"), "sr")]
    assert amount("2023-07-15") == [D("34992")]      # 58.32 × 600
    assert amount("2023-07-16") == [D("15945")]      # 797,234.40 × 2% = 15,944.688
    assert amount("2023-08-31") == [D("10000")]
    assert amount("2023-09-01") == [D("0")]
    assert amount(None) == [D("34992")]              # no date yet: first tier, said in the formula


def test_cash_subsidy_with_minimum_area_and_only_in_cash():
    policy = make_policy('[[items]]\ncode = "cs"\nkind = "cash_subsidy"\nlabel = "货币奖励"\nmodes = ["cash"]\n'
                         'pct = "10"\nmin_area = "45"\n')
    small = household(building_parts=[{"area": "38.50", "use": "residential"}])
    calc = compute(policy, small, "cash")
    # max(38.50, 45) × 13,670 × 10% = 61,515
    assert lines(calc, "cs")[0].amount == D("61515")
    assert lines(calc, "cs")[0].formula == "max(38.50, 45) m² × 13,670 元/m² × 10% = 61,515"
    assert lines(compute(policy, small, "voucher"), "cs") == []


def test_min_area_topup_with_and_without_share():
    with_share = make_policy('[[items]]\ncode = "tu"\nkind = "min_area_topup"\nlabel = "补足"\nmin_area = "45"\n'
                             'apply_share = true\n')
    hh = household(share="0.5", building_parts=[{"area": "38.50", "use": "residential"}])
    assert lines(compute(with_share, hh, "cash"), "tu")[0].amount == D("44428")  # 6.5 × 13,670 × 0.5 = 44,427.5
    without = make_policy('[[items]]\ncode = "tu"\nkind = "min_area_topup"\nlabel = "补足"\nmin_area = "45"\n')
    assert lines(compute(without, hh, "cash"), "tu")[0].amount == D("88855")  # 6.5 × 13,670
    assert lines(compute(without, household(), "cash"), "tu") == []            # 58.32 ≥ 45


def test_small_area_bands_whole_and_progressive():
    whole = make_policy('[[items]]\ncode = "sa"\nkind = "small_area_reward"\nlabel = "小面积"\nbands = [\n'
                        '{ up_to = "30", per_m2 = "800" }, { up_to = "45", per_m2 = "500" }]\n')
    amount = lambda policy, area: [ln.amount for ln in lines(compute(
        policy, household(building_parts=[{"area": area, "use": "residential"}]), "cash"), "sa")]
    assert amount(whole, "25.00") == [D("20000")]   # 25 × 800
    assert amount(whole, "40.00") == [D("20000")]   # 40 × 500
    assert amount(whole, "50.00") == []
    progressive = make_policy('[[items]]\ncode = "sa"\nkind = "small_area_reward"\nlabel = "小面积"\n'
                              'progressive = true\nbands = [\n'
                              '{ up_to = "30", per_m2 = "800" }, { up_to = "45", per_m2 = "500" }]\n')
    assert amount(progressive, "40.00") == [D("24000"), D("5000")]  # 30 × 800 + 10 × 500


def test_use_change_subsidy():
    policy = make_policy('[[items]]\ncode = "uc"\nkind = "use_change"\nlabel = "住改商"\nratio = "0.5"\n')
    parts = [{"area": "20.00", "use": "residential", "actual_use": "commercial"}]
    with_licence = household(building_parts=parts, business={"uscc": "x"})
    # 20 × (21,000 − 13,670) × 0.5 = 73,300
    assert lines(compute(policy, with_licence, "cash"), "uc")[0].amount == D("73300")
    assert lines(compute(policy, household(building_parts=parts), "cash"), "uc") == []  # no business


def test_hardship_per_household_and_per_person():
    per_household = make_policy('[[items]]\ncode = "hs"\nkind = "hardship"\nlabel = "困难"\n'
                                'amounts = { dibao = "10000", serious_illness = "8000", tekun = "3000" }\n')
    members = [{"relation": "户主", "name": "a", "dibao": True, "disabled": True},
               {"relation": "子", "name": "b", "dibao": True, "flags": ["tekun"]}]
    assert [ln.amount for ln in lines(compute(per_household, household(members=members), "cash"), "hs")] == \
        [D("10000"), D("3000")]
    per_person = make_policy('[[items]]\ncode = "hs"\nkind = "hardship"\nlabel = "困难"\nper = "person"\n'
                             'amounts = { dibao = "5000" }\n')
    assert lines(compute(per_person, household(members=members), "cash"), "hs")[0].amount == D("10000")


def test_fixed_amount_limited_by_use():
    policy = make_policy('[[items]]\ncode = "fx"\nkind = "fixed"\nlabel = "奖励"\namount = "5000"\n'
                         'uses = ["residential"]\n')
    assert lines(compute(policy, household(), "cash"), "fx")[0].amount == D("5000")
    shop = household(building_parts=[{"area": "30.00", "use": "commercial"}])
    assert lines(compute(policy, shop, "cash"), "fx") == []


def test_exchange_uncovered_area():
    policy = make_policy('[[items]]\ncode = "un"\nkind = "exchange_uncovered"\nlabel = "未安置面积"\n'
                         'modes = ["exchange"]\n')
    # old 58.32 m², flat R40 40 m²: (58.32 − 40) × 13,670 × 1 = 250,434.40
    assert lines(compute(policy, household(), "exchange", "R40"), "un")[0].amount == D("250434")
    assert lines(compute(policy, household(), "exchange", "A60"), "un") == []


def test_land_location_and_courtyard_reward():
    policy = make_policy('[[items]]\ncode = "ll"\nkind = "land_location"\nlabel = "区位"\nunit_price = "2000"\n'
                         'max_area = "167"\n[[items]]\ncode = "cy"\nkind = "courtyard_reward"\nlabel = "每宗奖励"\n'
                         'amount = "30000"\n')
    calc = compute(policy, household(land_area="198.00"), "cash")
    assert lines(calc, "ll")[0].amount == D("334000")   # min(198, 167) × 2,000
    assert lines(calc, "cy")[0].amount == D("30000")    # 1 courtyard by default when land is given
    two = compute(policy, household(land_area="120.00", courtyards=2), "cash")
    assert [lines(two, "ll")[0].amount, lines(two, "cy")[0].amount] == [D("240000"), D("60000")]
    assert lines(compute(policy, household(), "cash"), "cy") == []  # no homestead, no courtyard
