"""Conditions by house type (issue 13; docs/policy.md, the county road scheme: 搬迁腾空奖励 自建住宅、私建营业房
8,000 元，住宅套房（含房改房）4,000 元 per household).

``when = { part_category = [...] }`` on a per-household award already says “this household has a part of that
category”: a household of one house type gets the right amount. What it cannot say is “only if it has none of the
other type”: a household with both a self-built house and a flat would get both awards (12,000). ``house_type`` /
``not_house_type`` (conditions.py) choose households by the categories of their parts, so the flat award can
exclude households that get the self-built one."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from compensation_helpers import household, make_policy

from survey_app.core.compensation.engine import compute
from survey_app.core.compensation.fields import PolicyError
from survey_app.core.compensation.policy_tools.diff import diff
from survey_app.core.compensation.policy_tools.explain import explain_text

SELF_BUILT = '["自建住宅", "私建营业房"]'
FLAT = '["住宅套房", "房改房"]'


def _award(code: str, amount: str, when: str) -> str:
    return (f'[[items]]\ncode = "{code}"\nkind = "fixed"\nlabel = "搬迁腾空奖励"\namount = "{amount}"\n'
            f'when = {{ {when} }}\n')


BY_HOUSE_TYPE = (_award("vacate_self", "8000", f"house_type = {SELF_BUILT}")
                 + _award("vacate_flat", "4000", f"house_type = {FLAT}, not_house_type = {SELF_BUILT}"))
BY_PART_CATEGORY = (_award("vacate_self", "8000", f"part_category = {SELF_BUILT}")
                    + _award("vacate_flat", "4000", f"part_category = {FLAT}"))


def _part(category: str, use: str = "residential", legality: str = "registered") -> dict:
    return {"label": category, "area": "60.00", "use": use, "legality": legality, "category": category}


def _awards(items: str, *parts: dict) -> list[tuple[str, D]]:
    calc = compute(make_policy(items), household(building_parts=list(parts)), "cash")
    return [(ln.code, ln.amount) for ln in calc.lines if ln.code.startswith("vacate")]


@pytest.mark.parametrize("items", [BY_HOUSE_TYPE, BY_PART_CATEGORY])
def test_a_household_of_one_house_type_gets_its_amount(items: str) -> None:
    assert _awards(items, _part("自建住宅")) == [("vacate_self", D("8000"))]
    assert _awards(items, _part("私建营业房", use="commercial")) == [("vacate_self", D("8000"))]
    assert _awards(items, _part("房改房")) == [("vacate_flat", D("4000"))]
    assert _awards(items, _part("住宅套房"), _part("住宅套房")) == [("vacate_flat", D("4000"))]  # once per household
    assert _awards(items, _part("")) == []  # no house type recorded: neither award


def test_a_household_with_both_types_is_paid_once_at_the_higher_amount() -> None:
    both = (_part("自建住宅"), _part("住宅套房"))
    assert _awards(BY_PART_CATEGORY, *both) == [("vacate_self", D("8000")), ("vacate_flat", D("4000"))]  # 12,000
    assert _awards(BY_HOUSE_TYPE, *both) == [("vacate_self", D("8000"))]


def test_the_house_type_is_that_of_the_parts_the_item_counts() -> None:
    # an illegal self-built shed is not a part the award counts (legality: registered, found_legal): the
    # household's house type is 住宅套房, so it gets the 4,000
    shed = _part("自建住宅", legality="illegal")
    assert _awards(BY_HOUSE_TYPE, _part("住宅套房"), shed) == [("vacate_flat", D("4000"))]


def test_an_area_item_with_house_type_still_counts_all_its_parts() -> None:
    items = ('[[items]]\ncode = "moving"\nkind = "moving"\nlabel = "搬迁费"\nper_m2 = "10"\n'
             f'when = {{ house_type = {SELF_BUILT} }}\n')
    calc = compute(make_policy(items), household(building_parts=[_part("自建住宅"), _part("附房")]), "cash")
    (line,) = [ln for ln in calc.lines if ln.code == "moving"]
    assert line.amount == D("1200")  # (60 + 60) m² × 10 元/m²: both parts, not only the 自建住宅 one


def test_check_explain_and_diff() -> None:
    with pytest.raises(PolicyError) as caught:
        make_policy(_award("x", "1", 'house_type = ["自建住宅"], not_house_type = ["自建住宅", "房改房"]'))
    assert caught.value.problems == [
        "items[0].when.not_house_type: 类别“自建住宅”同时写在 house_type 和 not_house_type 中，这个条件没有户能满足"]
    text = explain_text(make_policy(BY_HOUSE_TYPE))
    assert "（仅限：有类别为“住宅套房”、“房改房”的房屋的户；没有类别为“自建住宅”、“私建营业房”的房屋的户）" in text
    changes = [c.as_text() for c in diff(make_policy(BY_PART_CATEGORY), make_policy(BY_HOUSE_TYPE))]
    assert any("vacate_flat" in c and "不得有的房屋类别" in c for c in changes), changes
