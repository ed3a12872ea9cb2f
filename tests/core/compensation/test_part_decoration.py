"""Issue 13 gap: a building part's own appraised decoration (装修评估值), as ``price = "part_appraisal"`` does for the
unit price: the appraisal import already stores a decoration amount on a part's row (``appraisals.decoration_value``
with ``part_id``); the engine's input carries it on the part, a ``decoration`` item may pay it, and HQ's
re-derivation from the survey compares it like any other input."""

from __future__ import annotations

import json
from decimal import Decimal as D

import pytest
from compensation_helpers import appraise_first_part, household, make_policy
from formula_check import adds_up

from survey_app.core.compensation.engine import compute
from survey_app.core.compensation.fields import PolicyError
from survey_app.core.compensation.inputs import HouseholdInput
from survey_app.core.compensation.policy_tools import check
from survey_app.core.compensation.policy_tools.explain import explain_text
from survey_app.core.sync.rederive import rederive

HV = '[[items]]\ncode = "hv"\nkind = "house_value"\nlabel = "房屋价值"\nprice = "part_appraisal"\n'
DECO = '[[items]]\ncode = "deco"\nkind = "decoration"\nlabel = "装修补偿"\nprice = "part_appraisal"\n'
PARTS = [
    {"label": "主房", "area": "80.00", "use": "residential", "unit_price": "13000", "decoration_value": "24560.00"},
    {"label": "厢房", "area": "20.00", "use": "residential", "unit_price": "9000", "decoration_value": "5120.50"},
    {"label": "杂屋", "area": "6.00", "use": "residential", "unit_price": "3000"},  # appraised: no decoration
]


def _deco(calc):
    return [ln for ln in calc.lines if ln.code == "deco"]


def test_each_part_is_paid_its_appraised_decoration() -> None:
    calc = compute(make_policy(HV + DECO), household(building_parts=PARTS), "cash")
    lines = _deco(calc)
    assert [(ln.label, ln.amount) for ln in lines] == [("装修补偿（主房）", D("24560")), ("装修补偿（厢房）", D("5121"))]
    assert lines[0].formula == "24,560 元（评估报告中该处的装修评估值） = 24,560"
    assert all(adds_up(ln.formula, ln.amount, 0) for ln in lines)
    # house value 80 × 13,000 + 20 × 9,000 + 6 × 3,000 = 1,040,000 + 180,000 + 18,000
    assert calc.total == D("1238000") + D("24560") + D("5121")


def test_one_line_for_the_household_adds_before_rounding() -> None:
    policy = make_policy(HV + DECO + 'lines = "per_household"\n')
    (line,) = _deco(compute(policy, household(building_parts=PARTS), "cash"))
    assert line.amount == D("29681")  # 24,560.00 + 5,120.50 = 29,680.50 → 29,681
    assert line.formula == ("24,560 元（评估报告中该处的装修评估值） + 5,120.50 元（评估报告中该处的装修评估值） = 29,681")


def test_a_part_the_report_never_appraised_on_its_own_is_refused_naming_it() -> None:
    parts = [{"label": "主房", "area": "80.00", "use": "residential"}]
    with pytest.raises(PolicyError) as caught:
        compute(make_policy(DECO), household(building_parts=parts), "cash")
    assert caught.value.problems == [
        "items[0]（deco）: building_parts.decoration_value: 建筑部分“主房”没有评估报告中的装修评估值"
        "（本项目按各建筑部分的装修评估值计算；请导入按建筑部分的评估结果）"]


def test_check_and_explain() -> None:
    with pytest.raises(PolicyError) as caught:
        make_policy(DECO + 'per_m2 = "300"\n')
    assert caught.value.problems == [
        "items[0].per_m2_by_grade: 项目“deco”的 per_m2_by_grade（按等级）、per_m2（统一单价）、"
        "price = \"part_appraisal\"（各处的装修评估值）须写且只写一个"]
    policy = make_policy(HV + DECO)
    assert "装修补偿：装修按评估报告中每一处房屋的装修评估值补偿；评估报告对该处没有装修评估值的不补偿。" in explain_text(policy)
    from compensation_helpers import HEADER, MODES
    report = check(HEADER.format(places=0) + MODES + HV + DECO, "t.toml")  # the sample household is priced
    assert report.ok and [w for w in report.warnings if "试算" in w.message] == []


def test_the_input_round_trips_and_old_inputs_keep_their_bytes() -> None:
    hh = household(building_parts=PARTS)
    assert hh.to_dict()["building_parts"][1]["decoration_value"] == "5120.50"
    assert HouseholdInput.from_dict(hh.to_dict()) == hh
    assert "decoration_value" not in household().to_dict()["building_parts"][0]
    with pytest.raises(PolicyError, match="装修评估值最多两位小数"):
        household(building_parts=[{"area": "1.00", "use": "residential", "decoration_value": "1.005"}])


def test_the_survey_carries_the_reports_decoration_and_hq_compares_it(demo_db, admin) -> None:
    h, survey = appraise_first_part(demo_db, admin, decoration_value=D("12345.60"))
    assert survey.building_parts[0].decoration_value == D("12345.60")
    assert all(p.decoration_value is None for p in survey.building_parts[1:])
    # a calculation whose saved inputs say 22,345.60 for that decoration (and is consistent with them)
    items = '[[items]]\ncode = "deco"\nkind = "decoration"\nlabel = "装修补偿"\nprice = "part_appraisal"\n' \
            'uses = ["residential", "commercial", "office", "industrial", "other"]\n' \
            'legality = ["registered", "found_legal", "illegal", "temporary"]\n'
    policy = make_policy(items)
    data = survey.to_dict()
    data["building_parts"][0]["decoration_value"] = "22345.60"
    tampered = HouseholdInput.from_dict(data)
    result = compute(policy, tampered, "cash")
    assert _deco(result)[0].amount == D("22346")
    honest = compute(policy, survey, "cash")
    with demo_db.engine.connect() as conn:
        found = rederive(conn, policy, h.id.hex, json.dumps(data, ensure_ascii=False), result.to_canonical_json())
        clean = rederive(conn, policy, h.id.hex, json.dumps(survey.to_dict(), ensure_ascii=False),
                         honest.to_canonical_json())
    assert clean.ok, clean.problems
    assert not found.ok
    assert (found.hq["building_parts[0].decoration_value"], found.device["building_parts[0].decoration_value"]) == (
        "12345.60", "22345.60")
