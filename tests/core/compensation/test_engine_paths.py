"""Issue 13 item 8: the engine's two paths agree. ``compute_all`` (every option of a household, sharing the
lines options have in common, see engine.py) must give, option by option, exactly what ``compute`` (one
option, every item in the policy's order, nothing shared) gives: the same lines, amounts, formula texts
and totals — and the same refusal, word for word, for a household it cannot price. Checked over a broad
set of generated households under every shipped policy and under two synthetic policies that use every
kind, condition, cap, per-household line, listed flat and rounding rule the format offers."""

from __future__ import annotations

import json
import random

import pytest
from compensation_helpers import EXAMPLES, POLICIES
from homestead_helpers import fit_homestead

from bench.engine import generate
from survey_app.core.compensation.engine import compute, compute_all
from survey_app.core.compensation.fields import PolicyError
from survey_app.core.compensation.inputs import HouseholdInput
from survey_app.core.compensation.policy import load_policy, parse_policy
from survey_app.core.domain.errors import ValidationError

EVERYTHING = """
format = 1
version = "paths"
[project]
name = "两条路径"
code = "P"
valuation_date = 2023-05-20
[rounding]
line_places = {places}
{rounding}
[modes.cash]
[modes.exchange]
resettlement_price = "6500"
entitlement_minimum = "45"
entitlement_bonus_area = "5"
max_flats = 2
excess_bands = [{{ width = "10", unit_price = "8500" }}, {{ unit_price = "12000" }}]
[[modes.exchange.flats]]
key = "D45"
label = "D户型"
area = "45.20"
delivery = "ready"
[[modes.exchange.flats]]
key = "A60"
label = "A户型"
area = "60.12"
unit_price = "6612.34"
listed = [{{ key = "3-501", unit_price = "6701.27" }}, {{ key = "3-1801", area = "61.07", unit_price = "6599.99" }}]
[[modes.exchange.flats]]
key = "C90"
label = "C户型"
area = "89.87"
[modes.voucher]
bonus_pct = "8"
excluded_items = ["moving", "transition"]
valid_months = 24

[[items]]
code = "house_value"
kind = "house_value"
label = "房屋价值"
lines = "per_household"
[[items]]
code = "unregistered"
kind = "unregistered"
label = "未登记建筑"
ratios = {{ found_legal = "0.6", temporary = "0.3" }}
ratios_by_category = {{ "沿小街巷" = "0.7", "成套房" = "0.5" }}
temporary_expired_ratio = "0.1"
[[items]]
code = "decoration"
kind = "decoration"
label = "装修"
per_m2_by_grade = {{ simple = "300", medium = "600", fine = "900" }}
[[items]]
code = "fixtures"
kind = "fixtures"
label = "附属物"
rates = [
  {{ kind = "water_meter", label = "水表", unit = "块", unit_price = "800" }},
  {{ kind = "electric_meter", sub_kind = "main", label = "电表", unit = "块", unit_price = "1000" }},
  {{ kind = "air_conditioner", label = "空调移机", unit = "台", unit_price = "300" }},
  {{ kind = "water_heater", label = "热水器", unit = "台", unit_price = "200" }},
]
[[items]]
code = "extras"
kind = "extras"
label = "其他"
menu = [{{ code = "shed", label = "简易棚", unit = "m²", unit_price = "150" }}]
[[items]]
code = "moving"
kind = "moving"
label = "搬迁费"
per_m2 = "15"
minimum = "1000"
times = {{ cash = 1, voucher = 1, exchange_ready = 1, exchange_future = 2 }}
[[items]]
code = "transition"
kind = "transition"
label = "临时安置费"
rate_per_m2_month = "15"
minimum_per_month = "1200"
months = {{ cash = 6, voucher = 6, exchange_ready = 3, exchange_future = 36 }}
[[items]]
code = "transition_people"
kind = "transition_per_person"
label = "过渡费（按人）"
rate_per_person_month = "300"
months = {{ default = 6, exchange_future = 24 }}
[[items]]
code = "business_loss"
kind = "business_loss"
label = "停产停业"
basis = "pct_of_value"
pct = "5"
[[items]]
code = "use_change"
kind = "use_change"
label = "住改商"
ratio = "0.5"
require_business = false
[[items]]
code = "min_area_topup"
kind = "min_area_topup"
label = "最低面积补足"
min_area = "45"
apply_share = true
[[items]]
code = "small_area"
kind = "small_area_reward"
label = "小面积补助"
progressive = true
bands = [{{ up_to = "30", per_m2 = "800" }}, {{ up_to = "45", per_m2 = "500" }}]
[[items]]
code = "small_banded"
kind = "small_area_reward"
label = "小面积奖励（按档）"
floor_area = "40"
max_area = "80"
bands = [{{ up_to = "60", per_m2 = "200" }}, {{ per_m2 = "100" }}]
when = {{ area_max = "80", owner_type = ["individual", "public_tenant"] }}
[[items]]
code = "signing_reward"
kind = "signing_reward"
label = "签约奖励"
tiers = [{{ until = 2023-07-15, pct = "10" }}, {{ until = 2023-08-15, per_m2 = "300" }}, {{ until = 2023-08-31, amount = "10000" }}]
[[items]]
code = "cash_reward"
kind = "cash_subsidy"
label = "货币奖励"
modes = ["cash"]
pct = "10"
min_area = "45"
when = {{ owner_type = ["individual"] }}
[[items]]
code = "value_reward"
kind = "cash_subsidy"
label = "按价值奖励"
basis = "house_value"
pct = "3"
when = {{ mode = ["cash", "voucher"], legality = ["registered"] }}
[[items]]
code = "ready_reward"
kind = "fixed"
label = "现房奖励"
amount = "5000"
when = {{ mode = ["exchange"], delivery = ["ready"] }}
[[items]]
code = "shop_reward"
kind = "fixed"
label = "沿街奖励"
amount = "3000"
when = {{ part_category = ["沿小街巷"], has_business = true }}
[[items]]
code = "hardship"
kind = "hardship"
label = "困难补助"
per = "person"
amounts = {{ dibao = "10000", disabled = "5000" }}
[[items]]
code = "hardship_once"
kind = "hardship"
label = "困难补助（每户）"
per = "household_once"
amounts = {{ dibao = "8000", serious_illness = "12000" }}
[[items]]
code = "land"
kind = "land_location"
label = "区位补偿"
unit_price = "2000"
max_area = "200"
ratio = "0.8"
[[items]]
code = "courtyard"
kind = "courtyard_reward"
label = "每宗奖励"
amount = "20000"
[[items]]
code = "uncovered_area"
kind = "exchange_uncovered"
label = "未安置面积"
modes = ["exchange"]
ratio = "0.9"
[[caps]]
code = "reward_cap"
label = "奖励封顶"
items = ["signing_reward", "cash_reward", "uncovered_area", "small_banded"]
maximum = "60000"
"""

SYNTHETIC = {
    "yuan_fen_flats": EVERYTHING.format(places=0, rounding="flat_places = 2"),
    "fen_milli_areas": EVERYTHING.format(places=2, rounding='method = "down"\narea_decimals = 3'),
}


def _households() -> list[dict]:
    """The sample households, the golden cases' and 400 generated ones, a third of them varied further:
    part categories, per-part appraised prices, areas to 0.001 m², other uses and owner types, no signing
    date, a homestead, a delivery, flat choices naming listed flats."""
    out = [json.loads(p.read_text("utf-8")) for p in sorted(EXAMPLES.glob("*.json"))]
    cases = POLICIES.parent.parent / "tests" / "policy_cases"
    out += [json.loads(p.read_text("utf-8"))["household"] for p in sorted(cases.glob("*/*.json"))]
    rng = random.Random(8)
    categories = ["", "沿六一南路", "沿小街巷", "成套房"]
    for n, data in enumerate(generate(400, 80)):
        if n % 3 == 1:
            for part in data["building_parts"]:
                part["category"] = rng.choice(categories)
                if rng.random() < 0.5:
                    part["unit_price"] = str(rng.randint(8000, 20000))
                if rng.random() < 0.4:
                    part["area"] = f"{rng.randint(5, 150)}.{rng.randint(0, 999):03d}"
                if rng.random() < 0.2:
                    part["use"] = rng.choice(["office", "industrial", "commercial", "residential"])
                if rng.random() < 0.2:
                    part["actual_use"] = "commercial"
        if n % 5 == 2:
            data["owner_type"] = rng.choice(["enterprise", "public_body", "collective", "public_tenant"])
        if n % 7 == 3:
            data["signing_date"] = None
        if n % 4 == 0:
            data["land_area"] = f"{rng.randint(50, 300)}.00"
            data["delivery"] = rng.choice(["ready", "future"])
        if n % 6 == 5:
            data["flat_choices"] = [["3-1801"], ["D45", "3-501"], ["C90"]]
        for member in data["members"][1:2]:
            member["flags"] = ["dibao"] * rng.randint(0, 2)
        out.append(data)
    return out


HOUSEHOLDS = [HouseholdInput.from_dict(d) for d in _households()]


def _policies() -> list:
    shipped = [pytest.param(lambda path=path: load_policy(path), id=path.stem)
               for path in sorted(POLICIES.glob("*.toml"))]
    return shipped + [pytest.param(lambda text=text, name=name: parse_policy(text, f"{name}.toml"), id=name)
                      for name, text in SYNTHETIC.items()]


def _line_rows(calc) -> list[tuple]:
    return [(ln.code, ln.label, ln.kind, ln.section, ln.amount, ln.formula) for ln in calc.lines]


@pytest.mark.parametrize("make", _policies())
def test_every_option_of_compute_all_equals_compute_of_that_option(make) -> None:
    policy = make()
    compared = refused = 0
    kinds_seen: set[str] = set()
    for household in fit_homestead(policy, HOUSEHOLDS):  # a homestead scheme: each household has a homestead
        try:
            options = compute_all(policy, household)
        except (ValidationError, PolicyError) as exc:
            # The plain path refuses the same household with the same words, at the first option that fails.
            first_error = None
            for mode in policy.mode_names:
                choices = (household.flat_choices or tuple((f.key,) for f in policy.exchange.flats)
                           if mode == "exchange" else (None,))
                for flat in choices:
                    try:
                        compute(policy, household, mode, flat)
                    except (ValidationError, PolicyError) as plain_exc:
                        first_error = plain_exc
                        break
                if first_error is not None:
                    break
            assert first_error is not None and str(first_error) == str(exc), household.household_code
            refused += 1
            continue
        for calc in options:
            plain = compute(policy, household, calc.mode, calc.flat_key or None)
            assert _line_rows(calc) == _line_rows(plain), (household.household_code, calc.option_key)
            assert calc.to_canonical_json() == plain.to_canonical_json(), (household.household_code, calc.option_key)
            kinds_seen.update(ln.kind for ln in calc.lines if ln.amount)
            compared += 1
    assert compared > 400, (compared, refused)  # enough households fit the policy for the check to mean something
    if policy.source.endswith(tuple(f"{name}.toml" for name in SYNTHETIC)):
        # The synthetic policies really exercise what they list: every kind paid something somewhere.
        assert {item.kind for item in policy.items} | {"cap", "voucher_bonus", "flat_price"} <= kinds_seen, \
            {item.kind for item in policy.items} - kinds_seen
