"""Property tests: totals are sums of rounded lines, results are byte-identical, signs are as allowed,
and a calculation survives serialisation."""

from __future__ import annotations

from decimal import Decimal as D

from compensation_helpers import POLICIES
from hypothesis import given, settings
from hypothesis import strategies as st

from survey_app.core.compensation.calculation import Calculation
from survey_app.core.compensation.engine import compute_all, verify
from survey_app.core.compensation.inputs import HouseholdInput
from survey_app.core.compensation.policy import load_policy

CITY = load_policy(POLICIES / "city_shantytown_2023.toml")
VILLAGE = load_policy(POLICIES / "urban_village_homestead_2022.toml")

cents = st.integers(min_value=100, max_value=30_000).map(lambda n: str(D(n) / 100))
part = st.fixed_dictionaries({
    "area": cents,
    "use": st.sampled_from(["residential", "residential", "commercial"]),
    "legality": st.sampled_from(["registered", "registered", "found_legal", "illegal", "temporary"]),
    "structure": st.sampled_from(["brick_concrete", "brick_wood", "simple"]),
    "decoration_grade": st.sampled_from(["", "simple", "medium", "fine"]),
    "temporary_term_valid": st.booleans(),
})
member = st.fixed_dictionaries({"relation": st.just("成员"), "name": st.just("某"), "dibao": st.booleans(),
                                "disabled": st.booleans(), "serious_illness": st.booleans(),
                                "hukou_here": st.booleans()})
households = st.fixed_dictionaries({
    "household_code": st.just("P-1"),
    "members": st.lists(member, min_size=1, max_size=5),
    "share": st.sampled_from(["1", "0.5", "0.25"]),
    "building_parts": st.lists(part, min_size=1, max_size=4),
    "fixtures": st.lists(st.fixed_dictionaries({"kind": st.sampled_from(["water_meter", "electric_meter"]),
                                                "sub_kind": st.sampled_from(["main", "sub"]),
                                                "count": st.integers(1, 3).map(str)}), max_size=3),
    "business": st.one_of(st.none(), st.just({"uscc": "x", "annual_profit": "60000"})),
    "appraisal": st.fixed_dictionaries({"unit_price": st.fixed_dictionaries({
        "residential": st.integers(3000, 30000).map(str), "commercial": st.integers(5000, 40000).map(str)})}),
    "land_area": st.one_of(st.none(), cents),
    "signing_date": st.sampled_from([None, "2022-05-01", "2023-07-01", "2023-08-20", "2023-12-01"]),
})


def check_invariants(calc: Calculation) -> None:
    items = [ln.amount for ln in calc.lines if ln.section == "item"]
    flats = [ln.amount for ln in calc.lines if ln.section == "flat"]
    assert calc.total == sum(items, D(0))
    assert calc.flat_total == sum(flats, D(0))
    assert calc.net == calc.total + calc.flat_total == sum((ln.amount for ln in calc.lines), D(0))
    for line in calc.lines:
        # lines are already rounded to the policy's places
        assert line.amount == line.amount.quantize(D(1))
        # only flat prices and cap adjustments may be negative
        if line.amount < 0:
            assert line.section == "flat" or line.kind == "cap", line
    assert (calc.net >= 0) == (calc.net_direction == "pay")


@settings(max_examples=60, deadline=None)
@given(households)
def test_city_policy_invariants_and_determinism(data):
    household = HouseholdInput.from_dict(data)
    calcs = compute_all(CITY, household)
    again = compute_all(CITY, HouseholdInput.from_dict(data))
    assert [c.to_canonical_json() for c in calcs] == [c.to_canonical_json() for c in again]
    for calc in calcs:
        check_invariants(calc)
        restored = Calculation.from_json(calc.to_canonical_json())
        assert restored == calc and restored.to_canonical_json() == calc.to_canonical_json()
    assert verify(CITY, calcs[0])


@settings(max_examples=30, deadline=None)
@given(households)
def test_village_policy_invariants(data):
    data = dict(data, building_parts=[dict(p, use="residential") for p in data["building_parts"]])
    for calc in compute_all(VILLAGE, HouseholdInput.from_dict(data)):
        for line in calc.lines:
            assert line.amount == line.amount.quantize(D("0.01"))
        items = [ln.amount for ln in calc.lines if ln.section == "item"]
        assert calc.total == sum(items, D(0))


def test_verify_detects_a_tampered_calculation():
    data = {"household_code": "T", "building_parts": [{"area": "50.00", "use": "residential"}],
            "appraisal": {"unit_price": {"residential": "10000"}}}
    calc = compute_all(CITY, HouseholdInput.from_dict(data))[0]
    tampered = calc.to_dict()
    tampered["lines"][0]["amount"] = "500001.00"
    assert not verify(CITY, Calculation.from_dict(tampered))
