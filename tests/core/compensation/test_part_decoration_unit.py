"""Issue 13 gap “装修的每平方米评估单价”: a ``decoration`` item with ``price = "part_appraisal_unit"`` pays each
building part's area × the appraisal report's decoration unit price for that part (装修单价, the part's
``decoration_unit_price``); a part without one gets the item's own ``per_m2`` / ``per_m2_by_grade`` when the item
has one, else the calculation is refused naming ``items[N]`` and the part."""

from __future__ import annotations

import json
from decimal import Decimal as D

import pytest
from compensation_helpers import HEADER, MODES, appraise_first_part, household, make_policy
from formula_check import adds_up

from survey_app.core.compensation.engine import compute
from survey_app.core.compensation.fields import PolicyError
from survey_app.core.compensation.inputs import HouseholdInput
from survey_app.core.compensation.policy_tools import check
from survey_app.core.compensation.policy_tools.diff import diff
from survey_app.core.compensation.policy_tools.explain import explain_text
from survey_app.core.sync.rederive import rederive

DECO = '[[items]]\ncode = "deco"\nkind = "decoration"\nlabel = "装修补偿"\nprice = "part_appraisal_unit"\n'
PARTS = [
    {"label": "主房", "area": "80.50", "use": "residential", "decoration_unit_price": "305.50",
     "decoration_grade": "fine"},
    {"label": "厢房", "area": "20.00", "use": "residential", "decoration_unit_price": "120.00"},
    {"label": "杂屋", "area": "6.25", "use": "residential", "decoration_grade": "simple"},  # no 装修单价
]


def _deco(calc):
    return [(ln.label, ln.amount, ln.formula) for ln in calc.lines if ln.code == "deco"]


def test_each_part_is_paid_its_area_times_the_reports_decoration_unit_price() -> None:
    calc = compute(make_policy(DECO), household(building_parts=PARTS[:2]), "cash")
    # 80.50 × 305.50 = 24,592.75 → 24,593; 20.00 × 120.00 = 2,400
    assert _deco(calc) == [
        ("装修补偿（主房）", D("24593"), "80.50 m² × 305.5 元/m²（评估报告中该处的装修单价） = 24,593"),
        ("装修补偿（厢房）", D("2400"), "20.00 m² × 120 元/m²（评估报告中该处的装修单价） = 2,400")]
    assert all(adds_up(ln.formula, ln.amount, 0) for ln in calc.lines if ln.code == "deco")


def test_one_line_for_the_household_adds_before_rounding() -> None:
    calc = compute(make_policy(DECO + 'lines = "per_household"\n'), household(building_parts=PARTS[:2]), "cash")
    (line,) = _deco(calc)
    assert line[1] == D("26993")  # 24,592.75 + 2,400.00 = 26,992.75 → 26,993


def test_a_part_without_one_gets_the_items_own_price() -> None:
    flat = compute(make_policy(DECO + 'per_m2 = "100"\n'), household(building_parts=PARTS), "cash")
    # 杂屋: 6.25 × 100 = 625
    assert [(label, amount) for label, amount, _ in _deco(flat)] == [
        ("装修补偿（主房）", D("24593")), ("装修补偿（厢房）", D("2400")), ("装修补偿（杂屋）", D("625"))]
    assert _deco(flat)[2][2] == "6.25 m² × 100 元/m² = 625"
    graded = compute(make_policy(DECO + 'per_m2_by_grade = { simple = "80", fine = "500" }\n'),
                     household(building_parts=PARTS), "cash")
    # 主房 keeps its own 305.50 (not the grade's 500); 杂屋 simple: 6.25 × 80 = 500
    assert [(label, amount) for label, amount, _ in _deco(graded)] == [
        ("装修补偿（主房）", D("24593")), ("装修补偿（厢房）", D("2400")), ("装修补偿（杂屋）", D("500"))]
    assert _deco(graded)[2][2] == "6.25 m² × 80 元/m²（简易装修） = 500"


def test_a_part_without_one_and_no_fallback_is_refused_naming_the_item_and_part() -> None:
    with pytest.raises(PolicyError) as caught:
        compute(make_policy(DECO), household(building_parts=PARTS), "cash")
    assert caught.value.problems == [
        "items[0]（deco）: building_parts.decoration_unit_price: 建筑部分“杂屋”没有评估报告中的装修单价"
        "（本项目按 面积 × 各建筑部分的装修评估单价 计算，且未写没有装修单价时的 per_m2 或 per_m2_by_grade；"
        "请导入含“装修单价”的按建筑部分的评估结果）"]


def test_check_refuses_two_fallbacks_and_explain_says_it_plainly() -> None:
    with pytest.raises(PolicyError) as caught:
        make_policy(DECO + 'per_m2 = "100"\nper_m2_by_grade = { simple = "80" }\n')
    assert caught.value.problems == [
        "items[0].per_m2_by_grade: 项目“deco”按各处的装修评估单价计算（price = \"part_appraisal_unit\"），"
        "没有装修单价的建筑部分按 per_m2（统一单价）或 per_m2_by_grade（按等级）计算，二者至多写一个"]
    with pytest.raises(PolicyError, match="应为: part_appraisal、part_appraisal_unit"):
        make_policy(DECO.replace("part_appraisal_unit", "part_unit"))
    assert "装修补偿：装修按 面积 × 评估报告中该处房屋的装修单价 补偿；评估报告须给出每一处房屋的装修单价。" \
        in explain_text(make_policy(DECO))
    assert "评估报告没有给出该处装修单价的，按 面积 × 100 元/m² 补偿。" in explain_text(make_policy(DECO + 'per_m2 = "100"\n'))
    report = check(HEADER.format(places=0) + MODES + DECO, "t.toml")  # the sample household is priced
    assert report.ok and [w for w in report.warnings if "试算" in w.message] == [], report.warnings


def test_diff_shows_the_change_of_price_source() -> None:
    old = make_policy('[[items]]\ncode = "deco"\nkind = "decoration"\nlabel = "装修补偿"\nper_m2 = "100"\n')
    new = make_policy(DECO + 'per_m2 = "100"\n')
    texts = [c.as_text() for c in diff(old, new)]
    assert any("价格来源" in t and "面积 × 评估报告中各处的装修单价" in t for t in texts), texts


def test_the_input_round_trips_and_old_inputs_keep_their_bytes() -> None:
    hh = household(building_parts=PARTS)
    assert hh.to_dict()["building_parts"][0]["decoration_unit_price"] == "305.50"
    assert HouseholdInput.from_dict(hh.to_dict()) == hh
    assert "decoration_unit_price" not in household().to_dict()["building_parts"][0]
    with pytest.raises(PolicyError, match="装修评估单价最多两位小数"):
        household(building_parts=[{"area": "1.00", "use": "residential", "decoration_unit_price": "1.005"}])


def test_the_survey_carries_the_reports_unit_price_and_hq_compares_it(demo_db, admin) -> None:
    h, survey = appraise_first_part(demo_db, admin, decoration_unit_price=D("215.50"))
    assert survey.building_parts[0].decoration_unit_price == D("215.50")
    assert all(p.decoration_unit_price is None for p in survey.building_parts[1:])
    items = DECO + 'per_m2 = "0"\nuses = ["residential", "commercial", "office", "industrial", "other"]\n' \
        'legality = ["registered", "found_legal", "illegal", "temporary"]\n'
    policy = make_policy(items)
    data = survey.to_dict()
    data["building_parts"][0]["decoration_unit_price"] = "415.50"  # a calculation made on a higher unit price
    tampered = HouseholdInput.from_dict(data)
    result = compute(policy, tampered, "cash")
    assert result.lines[0].amount == (survey.building_parts[0].area * D("415.50")).quantize(D("1"), "ROUND_HALF_UP")
    honest = compute(policy, survey, "cash")
    with demo_db.engine.connect() as conn:
        found = rederive(conn, policy, h.id.hex, json.dumps(data, ensure_ascii=False), result.to_canonical_json())
        clean = rederive(conn, policy, h.id.hex, json.dumps(survey.to_dict(), ensure_ascii=False),
                         honest.to_canonical_json())
    assert clean.ok, clean.problems
    assert not found.ok
    key = "building_parts[0].decoration_unit_price"
    assert (found.hq[key], found.device[key]) == ("215.50", "415.50")
