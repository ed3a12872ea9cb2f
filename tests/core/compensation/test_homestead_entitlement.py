"""Issue 13, the village scheme (lygzb.net 某村拆迁安置办法): entitlement by homestead area with a cap and a
per-person minimum, flat prices by floor, cash for the entitlement with a bonus by the number of flats, the
land above 200 m², and policy check / explain / diff of each. Figures hand-computed in the comments."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from compensation_helpers import HEADER, household, make_policy
from formula_check import adds_up

from survey_app.core.compensation.engine import compute, compute_all
from survey_app.core.compensation.fields import PolicyError
from survey_app.core.compensation.policy import parse_policy
from survey_app.core.compensation.policy_tools.check import check_text
from survey_app.core.compensation.policy_tools.diff import diff_text
from survey_app.core.compensation.policy_tools.explain import explain_text
from survey_app.core.domain.errors import ValidationError

EXCHANGE = """
[modes.cash]
[modes.exchange]
resettlement_price = "440"
entitlement_basis = "land_area"
entitlement_ratio = "1.4"
entitlement_maximum = "280"
entitlement_per_person = "35"
floor_step = "20"
top_floor_discount = "40"
[[modes.exchange.excess_bands]]
unit_price = "3030"
[[modes.exchange.flats]]
key = "H90"
label = "H90"
area = "90"
floors = 18
building = "high_rise"
[[modes.exchange.flats]]
key = "H60"
label = "H60"
area = "60"
floors = 18
building = "high_rise"
[[modes.exchange.flats]]
key = "H120"
label = "H120"
area = "120"
floors = 18
building = "high_rise"
"""
ITEMS = """
[[items]]
code = "ec"
kind = "entitlement_cash"
label = "安置指标货币补偿"
market_price = "3030"
resettlement_price = "440"
bonus_pct_by_flats = { 0 = "20", 1 = "10%" }
[[items]]
code = "land"
kind = "area_award"
label = "宅基地超 200 平方米部分补偿"
basis = "land_area"
above = "200"
per_m2 = "1050"
[[items]]
code = "tr"
kind = "transition"
label = "过渡费"
basis = "entitlement_cash"
rate_per_m2_month = "8"
months = { default = 12 }
"""


def village(items: str = ITEMS, modes: str = EXCHANGE):
    return make_policy(items, modes=modes, places=2)


def home(land: str | None, here: int, away: int = 0, **fields):
    members = [{"relation": "户主", "name": "甲"}] * here + [{"relation": "子女", "name": "乙", "hukou_here": False}] * away
    return household(land_area=land, members=members, building_parts=[], **fields)


def amounts(calc) -> dict[str, list[D]]:
    out: dict[str, list[D]] = {}
    for ln in calc.lines:
        out.setdefault(ln.code, []).append(ln.amount)
    return out


@pytest.mark.parametrize(("land", "here", "away", "entitled"), [
    ("150.00", 4, 0, "210.00"),   # 150 × 1.4 = 210 < 280; 4 × 35 = 140 below it
    ("230.00", 3, 0, "280.00"),   # 230 × 1.4 = 322, capped at 280
    ("100.00", 7, 1, "245.00"),   # 100 × 1.4 = 140 < 7 × 35 = 245 (the member without hukou not counted)
    ("240.00", 9, 0, "315.00"),   # min(336, 280) = 280 < 9 × 35 = 315: the top-up is not capped
])
def test_the_entitlement_is_the_homestead_times_ratio_capped_and_topped_up_per_person(land, here, away, entitled):
    calc = compute(village(), home(land, here, away), "exchange", "H60")
    assert calc.entitlement == D(entitled)


def test_default_entitlement_stays_the_legal_building_area():
    policy = make_policy('[[items]]\ncode = "f"\nkind = "fixed"\nlabel = "定额"\namount = "1"\n', places=2)
    calc = compute(policy, household(land_area="500.00"), "exchange", "A60")
    assert calc.entitlement == D("58.32")  # max(58.32 × 1, 45): the land area plays no part


def test_a_household_without_a_homestead_area_is_refused_naming_the_item():
    with pytest.raises(PolicyError) as err:
        compute(village(), home(None, 3), "cash")
    assert "items[0]（ec）" in str(err.value) and "须填写宅基地面积" in str(err.value)


def test_cash_for_the_entitlement_and_its_bonus_by_the_number_of_flats():
    policy = village()
    h = home("150.00", 4)  # entitlement 210
    # all cash: 210 × (3,030 − 440) × 1.2 = 652,680.00; transition 210 × 8 × 12 = 20,160.00
    cash = compute(policy, h, "cash")
    assert amounts(cash) == {"ec": [D("652680.00")], "tr": [D("20160.00")]}
    assert all(adds_up(ln.formula, ln.amount, 2) for ln in cash.lines)
    assert cash.lines[0].formula == ("min(150.00 × 1.4, 280) m² × (3,030 − 440) 元/m² × (1 + 20%) = 652,680.00"
                                     ).replace("min(", "max(min(").replace(", 280)", ", 280), 4 人 × 35)")
    # one flat H90: (210 − 90) × 2,590 × 1.1 = 341,880.00; two flats H90 + H60: (210 − 150) × 2,590 = 155,400.00
    one = compute(policy, h, "exchange", "H90@3")
    two = compute(policy, h, "exchange", "H90@3+H60@3")
    assert amounts(one)["ec"] == [D("341880.00")] and amounts(two)["ec"] == [D("155400.00")]
    assert "(1 + 10%)" in one.lines[0].formula and "(1 +" not in two.lines[0].formula


def test_options_of_the_same_flat_area_but_another_number_of_flats_are_not_confused():
    # H120 alone and H60 + H60 both take 120 m²: the first earns 10%, the second nothing.
    policy = village()
    h = home("150.00", 4, flat_choices=[["H120@3"], ["H60@2", "H60@18"]])
    shared = {c.flat_key: c for c in compute_all(policy, h) if c.mode == "exchange"}
    assert amounts(shared["H120@3"])["ec"] == [D("256410.00")]  # (210 − 120) × 2,590 × 1.1 = 233,100 × 1.1
    assert amounts(shared["H60@2+H60@18"])["ec"] == [D("233100.00")]  # (210 − 120) × 2,590
    for key, calc in shared.items():
        assert calc.to_canonical_json() == compute(policy, h, "exchange", key).to_canonical_json()


def test_flat_price_by_floor_within_and_beyond_the_entitlement():
    policy = village()
    # entitlement 70 (50 × 1.4); H90 on floor 10: within 70 × (440 + 9 × 20) = 43,400; beyond 20 × (3,030 + 180) = 64,200
    calc = compute(policy, home("50.00", 1), "exchange", "H90@10")
    flat = [ln for ln in calc.lines if ln.code == "flat_price"]
    assert [ln.amount for ln in flat] == [D("-43400.00"), D("-64200.00")]
    assert flat[0].formula == "−min(90.00, 70.00) m² × (440 + (10 − 1) × 20) 元/m² = −43,400.00"
    assert flat[1].formula == "−20.00 m² × (3,030 + (10 − 1) × 20) 元/m² = −64,200.00"
    assert calc.flat_label == "H90 10 层"
    # top floor: 440 + 17 × 20 − 40 = 740 per m²; 90 × 740 = 66,600 (entitlement 210 covers it)
    top = compute(policy, home("150.00", 4), "exchange", "H90@18")
    assert [ln.amount for ln in top.lines if ln.code == "flat_price"] == [D("-66600.00")]
    assert "(440 + (18 − 1) × 20 − 40) 元/m²" in top.lines[-1].formula
    # first floor: the base price; no floor chosen: the base price, and the line says so
    assert [ln.amount for ln in compute(policy, home("150.00", 4), "exchange", "H90@1").lines
            if ln.code == "flat_price"] == [D("-39600.00")]
    bare = compute(policy, home("150.00", 4), "exchange", "H90")
    assert bare.lines[-1].label == "安置房购房款（H90，楼层未定按底价，应安置面积内）" and bare.lines[-1].amount == D("-39600.00")
    assert all(adds_up(ln.formula, ln.amount, 2) for c in (calc, top, bare) for ln in c.lines)


@pytest.mark.parametrize(("choice", "message"), [
    ("H90@19", "楼层应为 1 到 18 之间的整数"),
    ("H90@0", "楼层应为 1 到 18 之间的整数"),
    ("H90@x", "楼层应为 1 到 18 之间的整数"),
    ("Z9@3", "方案中没有户型“Z9@3”"),
])
def test_a_floor_that_cannot_be_chosen_is_refused(choice, message):
    with pytest.raises(ValidationError, match=message):
        compute(village(), home("150.00", 4), "exchange", choice)


def test_a_floor_is_refused_where_the_scheme_does_not_price_by_floor():
    policy = make_policy('[[items]]\ncode = "f"\nkind = "fixed"\nlabel = "定额"\namount = "1"\n', places=2)
    with pytest.raises(ValidationError, match="本方案不按楼层定价"):
        compute(policy, household(), "exchange", "A60@3")


def test_land_above_the_threshold():
    policy = village()
    # (230.00 − 200) × 1,050 = 31,500.00; 200.00 exactly: nothing
    assert amounts(compute(policy, home("230.00", 3), "cash"))["land"] == [D("31500.00")]
    assert "land" not in amounts(compute(policy, home("200.00", 3), "cash"))
    line = next(ln for ln in compute(policy, home("230.00", 3), "cash").lines if ln.code == "land")
    assert line.formula == "(230.00 − 200) m² × 1,050 元/m² = 31,500.00"


def test_check_reports_every_new_mistake_at_once():
    modes = EXCHANGE.replace('entitlement_maximum = "280"', 'entitlement_maximum = "0"').replace(
        "floors = 18\nbuilding", "building", 1).replace('key = "H60"', 'key = "H60@2"')
    items = ITEMS.replace('market_price = "3030"', 'market_price = "400"').replace(
        '{ 0 = "20", 1 = "10%" }', '{ 0 = "20", 5 = "10", x = "3" }')
    report = check_text(HEADER.format(places=2) + modes + items, "v.toml")
    found = {(p.path, p.message) for p in report.errors}
    paths = {p for p, _ in found}
    assert "modes.exchange.entitlement_maximum" in paths
    assert "modes.exchange.flats[0].floors" in paths  # H90 without floors while floors are priced
    assert "modes.exchange.flats[1].key" in paths  # “@” in a key
    assert "items[0].market_price" in paths
    assert "items[0].bonus_pct_by_flats.x" in paths
    assert any(p == "items[0].bonus_pct_by_flats.5" and "最多选 2 套" in m for p, m in found)


def test_an_entitlement_item_without_property_exchange_is_refused():
    text = HEADER.format(places=2) + "[modes.cash]\n" + ITEMS
    with pytest.raises(PolicyError) as err:
        parse_policy(text, "v.toml")
    assert "items[0].kind: 项目“ec”按安置指标计算，但方案没有产权调换" in str(err.value)
    assert "items[2].basis" in str(err.value)


def test_explain_says_each_rule_in_plain_chinese():
    text = explain_text(village())
    assert "应安置面积 = 宅基地面积 × 1.4，最多 280 m²，人均不足 35 m² 的补足到 户口在本地的家庭成员人数 × 35 m²" in text
    assert "从第二层起每层每平方米递加 20 元，顶层递加后每平方米减 40 元" in text
    assert "H90 90 m²（18 层高层楼）" in text
    assert "全部货币补偿（不选安置房）增加 20%，只选一套安置房增加 10%；其他情形不增加" in text
    assert "宅基地面积超过 200 m² 的部分，按 超出面积 × 单价（1,050 元/m²）计算" in text
    assert "每月按 货币安置指标" in text
    assert "另有规定" not in text  # every new key is said in words


def test_diff_shows_a_change_of_each_new_key():
    old = village()
    new = village(ITEMS.replace('above = "200"', 'above = "180"').replace('1 = "10%"', '1 = "15"'),
                  EXCHANGE.replace('entitlement_maximum = "280"', 'entitlement_maximum = "300"').replace(
                      'floor_step = "20"', 'floor_step = "25"'))
    text = diff_text(old, new)
    assert "应安置面积上限：280 → 300" in text
    assert "每层递加单价：20 → 25" in text
    assert "起算面积：200 → 180" in text
    assert "安置指标货币补偿（ec）：按所选套数的增加百分比 选一套：10 → 15" in text


def test_the_agreement_flat_rows_name_the_floor_and_the_area():
    from survey_app.core.services.agreements.documents import _flats

    policy = village()
    calc = compute(policy, home("150.00", 4), "exchange", "H120@18+H90@1")
    rows = _flats(calc, policy)
    assert [(r.label, r.area) for r in rows] == [("H120 18 层", D("120")), ("H90 1 层", D("90"))]
    assert rows[-1].amount == D("128400.00")  # 120 × 740 + 90 × 440
