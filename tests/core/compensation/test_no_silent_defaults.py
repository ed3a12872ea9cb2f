"""Issue 9 items 2–3, engine side: a fixture count of 0 pays nothing; legality "" is refused in Chinese."""

from __future__ import annotations

from decimal import Decimal

import pytest

from survey_app.core.compensation.engine import compute
from survey_app.core.compensation.fields import PolicyError
from tests.core.compensation.compensation_helpers import household, make_policy

FIXTURES = """
[[items]]
code = "fix"
label = "附属物补偿"
kind = "fixtures"
rates = [ { kind = "water_meter", sub_kind = "main", label = "水表（主表）", unit = "块", unit_price = "1500" } ]
"""


def test_a_fixture_count_of_zero_pays_nothing() -> None:
    policy = make_policy(FIXTURES, modes="[modes.cash]\n")
    hh = household(fixtures=[{"kind": "water_meter", "sub_kind": "main", "count": "0"}])
    assert hh.fixtures[0].count == Decimal("0.00")  # not turned into 1
    calc = compute(policy, hh, "cash")
    assert [ln for ln in calc.lines if ln.code == "fix"] == []
    assert calc.total == 0


def test_a_missing_fixture_count_still_means_one() -> None:
    hh = household(fixtures=[{"kind": "water_meter", "sub_kind": "main"}])
    assert hh.fixtures[0].count == Decimal("1.00")


def test_legality_not_chosen_is_refused_in_chinese_never_taken_as_registered() -> None:
    parts = [{"area": "58.32", "use": "residential", "legality": "", "label": "主房"}]
    with pytest.raises(PolicyError) as refused:
        household(building_parts=parts)
    assert "建筑部分“主房”尚未选择合法性认定" in str(refused.value)


def test_engine_refusals_reach_the_user_in_chinese_naming_section_and_field_all_at_once() -> None:
    from survey_app.core.domain.errors import ValidationError
    from survey_app.core.services.calc_errors import in_chinese

    parts = [{"area": "58.32", "use": "residential", "legality": ""},
             {"area": "12,5", "use": "commercial", "legality": "registered"}]
    with pytest.raises(PolicyError) as refused:
        household(building_parts=parts)
    text = str(in_chinese(refused.value, "B1-0001"))
    assert text.startswith("户 B1-0001 无法测算")
    assert "建筑部分（第1项） · 合法性认定：" in text and "建筑部分（第2项） · 面积：" in text
    assert "building_parts" not in text and "legality" not in text

    single = in_chinese(ValidationError("appraisal.unit_price.commercial: 缺少商业用途的评估单价"), "B1-0002")
    assert "评估 · 评估单价 · 商业：缺少商业用途的评估单价" in str(single)
