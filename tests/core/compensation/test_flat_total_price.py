"""Issue 13 gap: a listed flat (一房一价) priced as a whole (``total_price``, 整套总价) instead of per m².

Hand figures: the household's house is 58.32 m² × 13,670 元/m² = 797,234 (to the yuan); flat 3 幢 501 costs
285,432.10 as a whole, flat type B 60.00 m² × 3,000 = 180,000."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from compensation_helpers import HEADER, household, make_policy
from formula_check import adds_up

from survey_app.core.compensation.engine import compute, compute_all
from survey_app.core.compensation.fields import PolicyError
from survey_app.core.compensation.policy import parse_policy
from survey_app.core.compensation.policy_tools import check
from survey_app.core.compensation.policy_tools.explain import explain_text

HV = '[[items]]\ncode = "hv"\nkind = "house_value"\nlabel = "房屋价值"\n'
MODES = """
[modes.cash]
[modes.exchange]
resettlement_price = "3000"
[[modes.exchange.flats]]
key = "A"
label = "A 户型"
area = "89.63"
listed = [{ key = "3-501", total_price = "285432.10" }, { key = "3-502", unit_price = "3180.27" }]
[[modes.exchange.flats]]
key = "B"
label = "B 户型"
area = "60.00"
"""


def _flat_lines(calc):
    return [ln for ln in calc.lines if ln.section == "flat"]


def test_a_flat_with_a_total_price_costs_that_total() -> None:
    calc = compute(make_policy(HV, modes=MODES), household(), "exchange", "3-501")
    (line,) = _flat_lines(calc)
    assert (line.label, line.amount) == ("安置房购房款（整套总价）", D("-285432"))  # rounded to the yuan like lines
    assert line.formula == "−285,432.10 元（A 户型 3-501 整套总价） = −285,432"
    assert adds_up(line.formula, line.amount, 0)
    assert (calc.total, calc.flat_total, calc.net) == (D("797234"), D("-285432"), D("511802"))


def test_flat_places_keep_the_total_to_the_fen() -> None:
    policy = parse_policy(HEADER.format(places=0) + "flat_places = 2\n" + MODES + HV, "t.toml")
    calc = compute(policy, household(), "exchange", "3-501")
    assert _flat_lines(calc)[0].amount == D("-285432.10")
    assert calc.net == D("511801.90")  # 797,234 − 285,432.10


def test_with_another_flat_each_has_its_line_and_options_agree() -> None:
    policy = make_policy(HV, modes=MODES)
    calc = compute(policy, household(), "exchange", "3-501+B")
    assert [(ln.label, ln.amount) for ln in _flat_lines(calc)] == [
        ("安置房购房款（A 户型 3-501，整套总价）", D("-285432")), ("安置房购房款（B 户型，应安置面积内）", D("-180000"))]
    assert calc.flat_total == D("-465432")
    shared = compute_all(policy, household(flat_choices=[["3-501", "B"]]))
    assert [(c.lines, c.net) for c in shared if c.flat_key == "3-501+B"] == [(calc.lines, calc.net)]
    # the per-m² listed flat beside it is unchanged: 89.63 × 3,180.27 = 285,047.6001 → 285,048
    assert _flat_lines(compute(policy, household(), "exchange", "3-502"))[0].amount == D("-285048")


@pytest.mark.parametrize(("listed", "message"), [
    ('{ key = "3-501", total_price = "285432.10", unit_price = "3180" }',
     "modes.exchange.flats[0].listed[0].unit_price: 房源“3-501”须写且只写 unit_price（元/m²）或 total_price（整套总价，元）之一"),
    ('{ key = "3-501" }',
     "modes.exchange.flats[0].listed[0].unit_price: 房源“3-501”须写且只写 unit_price（元/m²）或 total_price（整套总价，元）之一"),
    ('{ key = "3-501", total_price = "0" }', "modes.exchange.flats[0].listed[0].total_price: 房源“3-501”的整套总价应大于 0"),
])
def test_check_says_what_a_listed_flat_lacks(listed, message) -> None:
    modes = MODES.replace('listed = [{ key = "3-501", total_price = "285432.10" }, ', f"listed = [{listed}, ")
    with pytest.raises(PolicyError) as caught:
        make_policy(HV, modes=modes)
    assert caught.value.problems == [message]


def test_a_total_price_is_refused_where_bands_price_the_area_beyond_the_entitlement() -> None:
    modes = MODES.replace('area = "60.00"\n', 'area = "60.00"\n[[modes.exchange.excess_bands]]\nunit_price = "8000"\n')
    report = check(HEADER.format(places=0) + modes + HV, "t.toml")
    assert [p.path for p in report.errors] == ["modes.exchange.flats[0].listed[0].total_price"]
    assert "整套总价无法按应安置面积拆分" in report.errors[0].message


def test_explain_says_the_total_price() -> None:
    text = explain_text(make_policy(HV, modes=MODES))
    assert ("逐套定价的安置房（一房一价，可按房号选择）：A 户型 3-501 89.63 m² 整套总价 285,432.10 元、"
            "A 户型 3-502 89.63 m² 3,180.27 元/m²") in text
