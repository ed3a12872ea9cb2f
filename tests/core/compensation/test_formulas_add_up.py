"""Issue 13 item 4 (engine defects): what a household reads must add up — every line's written-out formula
equals its amount — and a count of 0 pays nothing, in every kind that counts."""

from __future__ import annotations

import json
from decimal import Decimal as D

import pytest
from compensation_helpers import EXAMPLES, POLICIES, household, make_policy
from formula_check import adds_up, evaluate
from homestead_helpers import fit_homestead

from bench.engine import generate
from survey_app.core.compensation.calculation import Calculation
from survey_app.core.compensation.engine import compute, compute_all, verify
from survey_app.core.compensation.inputs import HouseholdInput
from survey_app.core.compensation.policy import load_policy
from survey_app.core.domain.errors import ValidationError

HV = '[[items]]\ncode = "hv"\nkind = "house_value"\nlabel = "房屋价值"\n'
NO_BANDS = """
[modes.exchange]
resettlement_price = "6000"
[[modes.exchange.flats]]
key = "A60"
label = "A60"
area = "60.00"
[[modes.exchange.flats]]
key = "R40"
label = "R40"
area = "40.00"
"""


def test_the_checker_itself_reads_formulas_and_catches_a_wrong_one() -> None:
    assert evaluate("max(50.50 m² × 15 元/m², 1,000 元) × 1 次") == D("1000")
    assert evaluate("(186.40 m² × 1,200 元/m² + 32.60 m² × 900 元/m²) × 10%") == D("25302")
    assert adds_up("58.32 m² × 13,670 元/m² × 1 = 797,234", D("797234"), 0)
    assert not adds_up("−min(60.00, 58.32) m² × 6,000 元/m² = −360,000", D("-360000"), 0)


def test_flat_price_without_excess_bands_prints_the_area_it_charges() -> None:
    # Entitlement 58.32 m², flat 60 m², no bands: every m² of the flat costs 6,000 → 360,000.
    calc = compute(make_policy(HV, modes=NO_BANDS), household(), "exchange", "A60")
    flat = [ln for ln in calc.lines if ln.section == "flat"]
    assert [ln.amount for ln in flat] == [D("-360000")]
    assert flat[0].formula == "−60.00 m² × 6,000 元/m² = −360,000"
    assert adds_up(flat[0].formula, flat[0].amount, 0)


def test_flat_price_with_bands_still_shows_the_entitled_part() -> None:
    calc = compute(make_policy(HV), household(), "exchange", "A60")
    flat = [ln for ln in calc.lines if ln.section == "flat"]
    assert flat[0].formula == "−min(60.00, 58.32) m² × 6,000 元/m² = −349,920"
    assert all(adds_up(ln.formula, ln.amount, 0) for ln in flat)


def _households() -> list[HouseholdInput]:
    examples = [json.loads(p.read_text("utf-8")) for p in sorted(EXAMPLES.glob("*.json"))]
    return [HouseholdInput.from_dict(d) for d in examples + generate(150, 13)]


@pytest.mark.parametrize("policy_file", sorted(POLICIES.glob("*.toml")), ids=lambda p: p.stem)
def test_every_line_of_every_option_adds_up(policy_file) -> None:
    policy = load_policy(policy_file)
    checked = 0
    for hh in fit_homestead(policy, _households()):  # a homestead scheme: each household has a homestead
        try:
            calcs = compute_all(policy, hh)
        except ValidationError:
            continue  # a household written for the other scheme (a flat or structure this one lacks)
        for calc in calcs:
            for line in calc.lines:
                assert adds_up(line.formula, line.amount, policy.rounding.places), (calc.option_key, line.formula)
                checked += 1
    assert checked > 200  # enough households fit each scheme for the check to mean something


def test_every_line_adds_up_without_bands_too() -> None:
    policy = make_policy(HV, modes=NO_BANDS)
    for area in ("20.00", "40.00", "58.32", "75.10"):
        hh = household(building_parts=[{"area": area, "use": "residential"}])
        for calc in compute_all(policy, hh):
            assert all(adds_up(ln.formula, ln.amount, 0) for ln in calc.lines), calc.option_key


ZEROS = """
[[items]]
code = "fx"
kind = "fixtures"
label = "附属物补偿"
rates = [ { kind = "meter", label = "水表", unit = "块", unit_price = "500" },
          { kind = "wall", label = "围墙", unit = "处", ratio = "0.8" } ]
[[items]]
code = "cy"
kind = "courtyard_reward"
label = "宅基地奖励"
amount = "1000"
[[items]]
code = "mv"
kind = "moving"
label = "搬迁费"
amount = "1000"
times = { cash = 0, default = 1 }
[[items]]
code = "tp"
kind = "transition_per_person"
label = "过渡费"
rate_per_person_month = "500"
months = { cash = 0, default = 3 }
"""


@pytest.mark.parametrize("count", ["0", "0.00", 0])
def test_a_count_of_zero_pays_nothing_in_any_kind_that_counts(count) -> None:
    policy = make_policy(ZEROS)
    paid = household(fixtures=[{"kind": "meter", "count": "2"}, {"kind": "wall", "count": "1", "value": "1000"}])
    assert [ln.amount for ln in compute(policy, paid, "cash").lines] == [D("1000"), D("800")]
    # The same fixtures again with a count of 0 (after the counted ones were priced and remembered).
    hh = household(fixtures=[{"kind": "meter", "count": count}, {"kind": "wall", "count": count, "value": "1000"}],
                   land_area="120.00", courtyards=count if isinstance(count, int) else int(D(count)))
    cash = compute(policy, hh, "cash")
    assert cash.lines == () and cash.total == 0
    # Read back from the saved snapshot (as HQ re-derives it): still nothing.
    restored = Calculation.from_json(cash.to_canonical_json())
    assert verify(policy, restored)
    assert compute(policy, restored.inputs, "cash").total == 0
