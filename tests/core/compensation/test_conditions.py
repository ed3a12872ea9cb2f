"""``when = { … }`` conditions on items: one declarative vocabulary, each key worked by hand."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from compensation_helpers import household, make_policy

from survey_app.core.compensation.engine import compute, compute_all
from survey_app.core.compensation.fields import PolicyError
from survey_app.core.compensation.inputs import HouseholdInput


def fixed(when: str, code: str = "r", amount: str = "1000") -> str:
    return f'[[items]]\ncode = "{code}"\nkind = "fixed"\nlabel = "奖励"\namount = "{amount}"\nwhen = {{ {when} }}\n'


def paid(policy, hh, mode="cash", flat=None) -> list[tuple[str, D]]:
    return [(ln.code, ln.amount) for ln in compute(policy, hh, mode, flat).lines]


def test_owner_type_defaults_to_individual_and_limits_the_item():
    policy = make_policy(fixed('owner_type = ["individual", "collective"]'))
    assert paid(policy, household()) == [("r", D("1000"))]
    assert paid(policy, household(owner_type="collective")) == [("r", D("1000"))]
    assert paid(policy, household(owner_type="public_body")) == []  # 机关事业单位: no cash reward


def test_owner_type_round_trips_and_old_inputs_keep_their_bytes():
    plain = household()
    assert "owner_type" not in plain.to_dict()  # an input without it serialises as it always did
    body = household(owner_type="enterprise")
    assert body.to_dict()["owner_type"] == "enterprise"
    assert HouseholdInput.from_dict(body.to_dict()) == body
    with pytest.raises(PolicyError, match="owner_type: “person”不是可选值"):
        household(owner_type="person")


def test_mode_and_delivery_decide_the_option():
    policy = make_policy(fixed('mode = ["exchange"], delivery = ["ready"]'))
    assert paid(policy, household(), "cash") == []
    assert [ln.amount for ln in compute(policy, household(), "exchange", "R40").lines if ln.code == "r"] == [D("1000")]
    assert [ln for ln in compute(policy, household(), "exchange", "A60").lines if ln.code == "r"] == []  # 期房
    by_option = {c.flat_key or c.mode: [ln.code for ln in c.lines] for c in compute_all(policy, household())}
    assert "r" in by_option["R40"] and "r" not in by_option["A60"] and "r" not in by_option["cash"]


def test_part_conditions_choose_the_parts_counted():
    item = ('[[items]]\ncode = "mv"\nkind = "small_area_reward"\nlabel = "沿街店面搬迁奖励"\nuses = ["commercial"]\n'
            'bands = [{ per_m2 = "3468" }]\nwhen = { part_category = ["沿六一南路"], legality = ["registered"] }\n')
    policy = make_policy(item, places=2)
    parts = [{"area": "40.00", "use": "commercial", "category": "沿六一南路"},
             {"area": "20.00", "use": "commercial", "category": "小街巷"}]
    assert paid(policy, household(building_parts=parts)) == [("mv", D("138720.00"))]  # 40 × 3,468 only
    assert paid(policy, household(building_parts=parts[1:])) == []
    per_part = make_policy('[[items]]\ncode = "hv"\nkind = "house_value"\nlabel = "房屋价值"\n'
                           'when = { part_area_min = "30", use = ["commercial"] }\n', places=2)
    assert paid(per_part, household(building_parts=parts)) == [("hv", D("840000.00"))]  # 40 × 21,000


def test_household_area_bounds_follow_yi_xia_and_bu_zu():
    under = make_policy(fixed('area_under = "40"'))  # 不足 40 m²
    at_most = make_policy(fixed('area_max = "40"'))  # 40 m² 以下（含 40）
    over = make_policy(fixed('area_over = "40", area_max = "90"'))  # 超过 40 且 90 以下
    for area, expected in (("39.99", (1, 1, 0)), ("40.00", (0, 1, 0)), ("40.01", (0, 0, 1)), ("90.01", (0, 0, 0))):
        hh = household(building_parts=[{"area": area, "use": "residential"}])
        assert tuple(len(paid(p, hh)) for p in (under, at_most, over)) == expected, area


def test_has_business_hukou_here_and_signing_dates():
    business = make_policy(fixed("has_business = false"))
    assert paid(business, household()) == [("r", D("1000"))]
    assert paid(business, household(business={"uscc": "x"})) == []
    hukou = make_policy(fixed("hukou_here = true"))
    away = [{"relation": "户主", "name": "a", "hukou_here": False}]
    assert paid(hukou, household(members=away)) == []
    assert paid(hukou, household(members=away + [{"relation": "子", "name": "b"}])) == [("r", D("1000"))]
    dated = make_policy(fixed("signed_from = 2023-06-01, signed_until = 2023-06-30"))
    assert paid(dated, household(signing_date="2023-06-30")) == [("r", D("1000"))]
    assert paid(dated, household(signing_date="2023-07-01")) == []
    assert paid(dated, household()) == []  # no signing date yet: the condition does not hold


def test_unknown_and_bad_condition_keys_are_refused_with_the_valid_ones():
    with pytest.raises(PolicyError) as caught:
        make_policy(fixed('owner = ["individual"], area_min = "50", area_max = "40", mode = ["barter"]'))
    problems = "\n".join(caught.value.problems)
    assert "items[0].when.owner: 未知的键：支付条件（when）没有键“owner”" in problems
    assert "owner_type、mode、delivery、use、legality、part_category、area_min" in problems
    assert "items[0].when.area_max: 面积范围为空" in problems
    assert "items[0].when.mode[0]: “barter”不是可选值" in problems


def test_a_failing_condition_costs_nothing_and_other_items_are_unchanged():
    items = fixed('owner_type = ["enterprise"]', "r1") + fixed("has_business = false", "r2", "500")
    policy = make_policy(items)
    assert paid(policy, household()) == [("r2", D("500"))]


def test_policy_explain_says_the_conditions_in_words():
    from survey_app.core.compensation.policy_tools import explain

    policy = make_policy(fixed('owner_type = ["individual"], area_under = "40", signed_until = 2023-06-30, '
                               'part_category = ["成套房"], has_business = false'))
    text = next(p.text for p in explain(policy) if p.code == "r")
    assert "另有规定" not in text
    assert ("（仅限：被征收人为个人的；只计类别为“成套房”的房屋；合法面积不足 40 m²；没有经营；"
            "2023-06-30 前（含）签约）") in text


@pytest.mark.parametrize("when, problem", [
    ("when = {}", "items[0].when: when 是空表：没有条件就不要写 when"),
    ('when = "x"', "items[0].when: 应为表（键值对），实际是文本"),
    ('when = { has_business = "yes" }', "items[0].when.has_business: 应为 true 或 false，实际是文本 'yes'"),
    ("when = { signed_from = 2023-07-01, signed_until = 2023-06-01 }",
     "items[0].when.signed_until: 签约日期范围的结束早于开始"),
])
def test_bad_when_tables_are_refused_once_each(when, problem):
    with pytest.raises(PolicyError) as caught:
        make_policy('[[items]]\ncode = "r"\nkind = "fixed"\nlabel = "奖"\namount = "1"\n' + when + "\n")
    assert caught.value.problems == [problem]
