"""Issue 13 items 1–2, the rest: ratio tables keyed by part category, owner type (incl. 公房承租人), a price
per flat type and per listed flat rounded apart from the lines, one line per household, areas to 0.001 m²."""

from __future__ import annotations

from decimal import Decimal

import pytest

from survey_app.core.compensation.engine import compute, compute_all, verify
from survey_app.core.compensation.fields import PolicyError
from survey_app.core.compensation.inputs import HouseholdInput
from survey_app.core.compensation.policy import parse_policy
from survey_app.core.compensation.policy_tools import check, explain_text

HEAD = """
format = 1
version = "t"
[rounding]
line_places = 0
{rounding}
[modes.cash]
[modes.exchange]
resettlement_price = "3000"
excess_bands = [{{ width = "10", unit_price = "5000" }}, {{ unit_price = "8000" }}]
[[modes.exchange.flats]]
key = "A90"
label = "A户型"
area = "89.63"
unit_price = "3123.45"
listed = [{{ key = "3-501", unit_price = "3180.27" }}, {{ key = "3-1801", area = "89.71", unit_price = "3099.99" }}]
[[modes.exchange.flats]]
key = "B60"
label = "B户型"
area = "60.12"
"""

HV = """
[[items]]
code = "hv"
kind = "house_value"
label = "房屋价值"
legality = ["registered"]
{extra}
"""

UNREG = """
[[items]]
code = "unreg"
kind = "unregistered"
label = "未登记建筑"
ratios = { found_legal = "0.6", temporary = "0.3" }
ratios_by_category = { "1990年前建" = "0.7", "临建批复" = "0.5" }
"""


def policy(rounding: str = "", extra: str = "", more: str = ""):
    return parse_policy(HEAD.format(rounding=rounding) + HV.format(extra=extra) + more, "t.toml")


def household(*parts: dict, **kw) -> HouseholdInput:
    return HouseholdInput.from_dict({"household_code": "T-1", "building_parts": list(parts),
                                     "appraisal": {"unit_price": {"residential": "10000"}}, **kw})


def part(area: str, legality: str = "registered", **kw) -> dict:
    return {"area": area, "use": "residential", "legality": legality, **kw}


def test_unregistered_ratio_keyed_by_category_wins_over_legality():
    calc = compute(policy(more=UNREG), household(
        part("10.00", "found_legal", category="1990年前建"), part("8.00", "temporary", category="临建批复",
                                                                   temporary_term_valid=True),
        part("5.00", "found_legal"), part("4.00", "temporary", category="临建批复", temporary_term_valid=False)),
        "cash")
    unreg = [line for line in calc.lines if line.code == "unreg"]
    # 10 × 10,000 × 0.7; 8 × 10,000 × 0.5; 5 × 10,000 × 0.6 (no category: by legality); 4 m² expired: 0
    assert [line.amount for line in unreg] == [Decimal(70000), Decimal(40000), Decimal(30000), Decimal(0)]
    assert "0.7（未登记认定合法，1990年前建）" in unreg[0].formula
    assert "临建批复" in explain_text(parse_policy(HEAD.format(rounding="") + UNREG, "t.toml"))


def test_ratio_table_by_category_alone_is_enough_and_a_bad_ratio_is_refused():
    only = UNREG.replace('ratios = { found_legal = "0.6", temporary = "0.3" }\n', "")
    calc = compute(policy(more=only), household(part("10.00", "found_legal", category="1990年前建"),
                                                part("5.00", "found_legal")), "cash")
    assert [line.amount for line in calc.lines if line.code == "unreg"] == [Decimal(70000)]
    with pytest.raises(PolicyError, match=r"ratios_by_category\.1990年前建"):
        policy(more=only.replace('"0.7"', '"70%"'))


def test_owner_type_public_tenant_is_a_condition_value_and_travels_in_the_input():
    more = """
[[items]]
code = "reward"
kind = "fixed"
label = "奖励"
amount = "1000"
when = { owner_type = ["individual", "public_tenant"] }
"""
    p = policy(more=more)
    tenant = household(part("50.00"), owner_type="public_tenant")
    body = household(part("50.00"), owner_type="public_body")
    assert [line.code for line in compute(p, tenant, "cash").lines] == ["hv", "reward"]
    assert [line.code for line in compute(p, body, "cash").lines] == ["hv"]
    assert tenant.to_dict()["owner_type"] == "public_tenant"
    assert "owner_type" not in household(part("50.00")).to_dict()  # 个人: the old bytes


def test_flat_type_and_listed_flat_prices_round_to_the_cent_while_lines_round_to_the_yuan():
    p = policy("flat_places = 2")
    h = household(part("58.33"))
    calc = compute(p, h, "exchange", "3-501")
    flat = [line for line in calc.lines if line.code == "flat_price"]
    # 58.33 × 3,180.27 = 185,505.1491 → −185,505.15; the rest (89.63 − 58.33 = 31.30): 10 × 5,000 + 21.30 × 8,000
    assert [line.amount for line in flat] == [Decimal("-185505.15"), Decimal("-50000.00"), Decimal("-170400.00")]
    assert calc.lines[0].amount == Decimal("583300")  # 58.33 × 10,000, a line: to the yuan
    assert calc.net == Decimal("583300") - Decimal("405905.15")
    assert flat[0].formula.endswith("= −185,505.15")
    by_type = compute(p, h, "exchange", "A90")
    assert by_type.lines[1].amount == Decimal("-182190.84")  # 58.33 × 3,123.45 = 182,190.8385
    assert verify(p, calc) and verify(p, by_type)
    assert "安置房价款四舍五入到分" in calc.rounding


def test_without_own_prices_the_flat_lines_keep_their_old_words_and_rounding():
    p = policy()
    calc = compute(p, household(part("58.33")), "exchange", "B60")
    assert calc.lines[1].formula == "−min(60.12, 58.33) m² × 3,000 元/m² = −174,990"
    assert calc.rounding == "每项金额四舍五入到元，合计为各项之和"


def test_two_flats_with_own_prices_share_the_entitlement_in_the_order_chosen():
    calc = compute(policy("flat_places = 2"), household(part("100.00")), "exchange", "3-1801+B60")
    flat = [(line.label, line.amount) for line in calc.lines if line.code == "flat_price"]
    assert flat[0] == ("安置房购房款（A户型 3-1801，应安置面积内）", Decimal("-278100.10"))  # 89.71 × 3,099.99
    assert flat[1] == ("安置房购房款（B户型，应安置面积内）", Decimal("-30870.00"))  # (100 − 89.71) × 3,000
    assert sum(a for _, a in flat[2:]) == Decimal("-50000.00") - Decimal("39.83") * 8000


def test_one_line_per_household_rounds_once():
    parts = (part("10.01"), part("10.01"))
    h = HouseholdInput.from_dict({"household_code": "T", "building_parts": list(parts),
                                  "appraisal": {"unit_price": {"residential": "100.05"}}})
    per_part = compute(policy(), h, "cash")
    whole = compute(policy(extra='lines = "per_household"'), h, "cash")
    # 10.01 × 100.05 = 1,001.5005 → 1,002 per part (2,004); together 2,003.001 → 2,003
    assert [line.amount for line in per_part.lines] == [Decimal(1002), Decimal(1002)]
    assert [(line.label, line.amount) for line in whole.lines] == [("房屋价值", Decimal(2003))]
    assert whole.lines[0].formula == ("10.01 m² × 100.05 元/m² × 1 + 10.01 m² × 100.05 元/m² × 1 = 2,003")
    with pytest.raises(PolicyError, match="lines"):
        policy(extra='lines = "per_floor"')


def test_areas_to_three_decimals_when_the_policy_says_so_else_rounded_by_its_rule():
    h = household(part("58.325"))
    three = compute(policy("area_decimals = 3"), h, "cash")
    assert three.lines[0].amount == Decimal(583250)
    assert three.lines[0].formula.startswith("58.325 m² × 10,000 元/m²")
    two_up = compute(policy(), h, "cash")  # default: 0.01 m², half up → 58.33
    assert two_up.lines[0].amount == Decimal(583300) and two_up.lines[0].formula.startswith("58.33 m²")
    two_down = compute(policy('area_method = "down"'), h, "cash")
    assert two_down.lines[0].amount == Decimal(583200)
    assert three.inputs.building_parts[0].area == Decimal("58.325")  # the calculation keeps the survey's area
    two_dec = compute(policy("area_decimals = 3"), household(part("58.32")), "cash")
    assert two_dec.lines[0].formula.startswith("58.320 m²")
    assert household(part("58.320")).to_dict()["building_parts"][0]["area"] == "58.32"  # old bytes
    with pytest.raises(PolicyError, match="最多三位小数"):
        household(part("58.3251"))
    with pytest.raises(PolicyError, match="area_decimals"):
        policy("area_decimals = 4")


def test_all_options_use_the_counted_areas():
    calcs = compute_all(policy("area_decimals = 3\nflat_places = 2"), household(part("58.325")))
    assert {c.lines[0].amount for c in calcs} == {Decimal(583250)}


def test_check_warns_of_a_flat_rule_without_exchange(tmp_path):
    text = """format = 1
version = "t"
[project]
name = "x"
[rounding]
flat_places = 2
[modes.cash]
[[items]]
code = "hv"
kind = "house_value"
"""
    report = check(text if False else _write(tmp_path, text))
    assert any(w.path == "rounding.flat_places" and "产权调换" in w.message for w in report.warnings)


def _write(tmp_path, text: str):
    path = tmp_path / "p.toml"
    path.write_text(text, encoding="utf-8")
    return path
