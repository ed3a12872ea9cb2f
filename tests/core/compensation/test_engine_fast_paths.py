"""Issue 13 item 8: the engine's shortcuts say what the long way says. An area is counted as it stands
when its exponent already fits the policy (``same_quantum`` before ``as_tuple``), else rounded; the excess
band labels an exchange option remembers are those of its own policy's bands; a household's entitlement
is worked out once and is the same in every exchange option."""

from __future__ import annotations

from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

import pytest

from survey_app.core.compensation.compiled import compiled
from survey_app.core.compensation.engine import compute, compute_all
from survey_app.core.compensation.inputs import BuildingPart, HouseholdInput
from survey_app.core.compensation.policy import parse_policy

POLICY = """
format = 1
version = "fast"
[project]
name = "捷径"
code = "F"
valuation_date = 2023-05-20
[rounding]
line_places = 0
{rounding}
[modes.cash]
[modes.exchange]
resettlement_price = "6500"
entitlement_minimum = "45"
excess_bands = [{bands}]
[[modes.exchange.flats]]
key = "A60"
label = "A户型"
area = "60.12"
[[modes.exchange.flats]]
key = "C90"
label = "C户型"
area = "89.87"
[[items]]
code = "hv"
kind = "house_value"
label = "房屋价值"
unit_price = "10000"
"""
BANDS_A = '{ width = "10", unit_price = "8500" }, { unit_price = "12000" }'
BANDS_B = '{ width = "5", unit_price = "9000" }, { width = "20", unit_price = "11000" }, { unit_price = "13000" }'


def policy(rounding: str = "", bands: str = BANDS_A):
    return parse_policy(POLICY.format(rounding=rounding, bands=bands), "fast.toml")


def household(*areas: str) -> HouseholdInput:
    return HouseholdInput(household_code="F-1", building_parts=tuple(
        BuildingPart(area=Decimal(a), use="residential") for a in areas))


@pytest.mark.parametrize(("areas", "same"), [
    (("58.32",), True), (("58.3", "40"), True), (("58",), True), (("5.8E+1",), True),
    (("58.320",), False), (("58.32", "12.005"), False)])
def test_two_decimal_policy_keeps_areas_that_fit_and_rounds_the_rest(areas, same):
    h = household(*areas)
    counted = compiled(policy()).counted_areas(h)
    assert (counted is h) is same
    expected = [Decimal(a) if Decimal(a).as_tuple().exponent >= -2
                else Decimal(a).quantize(Decimal("0.01"), ROUND_HALF_UP) for a in areas]
    assert [p.area for p in counted.building_parts] == expected
    assert [str(p.area) for p in counted.building_parts] == [str(a) for a in expected]


@pytest.mark.parametrize(("areas", "same"), [(("58.325",), True), (("58.320", "1.000"), True),
                                             (("58.32",), False), (("58.325", "12"), False)])
def test_three_decimal_policy_carries_every_area_with_three(areas, same):
    h = household(*areas)
    counted = compiled(policy("area_decimals = 3")).counted_areas(h)
    assert (counted is h) is same
    assert all(p.area.as_tuple().exponent == -3 for p in counted.building_parts)
    assert [p.area for p in counted.building_parts] == [Decimal(a) for a in areas]


def test_band_labels_are_each_policys_own():
    h = household("50.00")
    a = compute(policy(bands=BANDS_A), h, "exchange", "C90")
    b = compute(policy(bands=BANDS_B), h, "exchange", "C90")
    again = compute(policy(bands=BANDS_A), h, "exchange", "C90")
    labels = [[line.label for line in c.lines if line.code == "flat_price"] for c in (a, b, again)]
    assert labels[0] == ["安置房购房款（应安置面积内）", "安置房购房款（超出应安置面积 0–10 m²）",
                         "安置房购房款（超出应安置面积 10 m² 以上部分）"]
    assert labels[1] == ["安置房购房款（应安置面积内）", "安置房购房款（超出应安置面积 0–5 m²）",
                         "安置房购房款（超出应安置面积 5–25 m²）", "安置房购房款（超出应安置面积 25 m² 以上部分）"]
    assert labels[2] == labels[0]
    # 89.87 − 50 = 39.87 m² beyond: 10 at 8,500 and 29.87 at 12,000 (A); 5 at 9,000, 20 at 11,000, 14.87 at 13,000 (B)
    assert [line.amount for line in a.lines if line.code == "flat_price"] == [
        Decimal(-325000), Decimal(-85000), Decimal(-358440)]
    assert [line.amount for line in b.lines if line.code == "flat_price"] == [
        Decimal(-325000), Decimal(-45000), Decimal(-220000), Decimal(-193310)]


def test_every_exchange_option_has_the_households_one_entitlement():
    p = policy()
    for areas in (("30.00",), ("50.00", "12.50"), ("120.25",)):
        h = household(*areas)
        shared = [c for c in compute_all(p, h) if c.mode == "exchange"]
        plain = [compute(p, h, "exchange", c.flat_key) for c in shared]
        assert [c.entitlement for c in shared] == [c.entitlement for c in plain]
        assert len({c.entitlement for c in shared}) == 1
        assert shared == plain
        # a second household through the same compiled policy gets its own, not the first one's
        other = replace(h, building_parts=(BuildingPart(area=Decimal("99.00"), use="residential"),))
        assert {c.entitlement for c in compute_all(p, other) if c.mode == "exchange"} == {Decimal("99.00")}
