"""Issue 13 gap F8: ``kind = "area_award"`` — 合法面积 × 定额单价 (Fuzhou 2016's 搬迁奖励, 安家补贴, 货币补偿另加奖励),
no longer borrowing small_area_reward's one-band wording.

Figures by hand: 58.32 m² registered + 10.00 m² illegal residential + 20.00 m² commercial; 住宅搬迁奖励
1,784 元/m² on the legal residential area only: 58.32 × 1,784 = 104,042.88. Fuzhou 01 (75.60 m²): 134,870.40."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from compensation_helpers import HEADER, MODES, POLICIES, household, make_policy

from survey_app.core.compensation.engine import compute
from survey_app.core.compensation.policy import load_policy
from survey_app.core.compensation.policy_tools import check
from survey_app.core.compensation.policy_tools.explain import explain_text

FUZHOU = POLICIES / "fuzhou_old_district_2016.toml"
AWARD = '[[items]]\ncode = "moving"\nkind = "area_award"\nlabel = "搬迁奖励（住宅）"\nper_m2 = "1784"\n{extra}'
PARTS = [{"area": "58.32", "use": "residential", "legality": "registered"},
         {"area": "10.00", "use": "residential", "legality": "illegal"},
         {"area": "20.00", "use": "commercial", "legality": "registered", "category": "沿小街巷"}]


def _lines(policy, parts=PARTS):
    return [(ln.code, ln.amount, ln.formula) for ln in compute(policy, household(building_parts=parts), "cash").lines
            if ln.code != "house_value"]


def test_legal_area_times_the_rate() -> None:
    assert _lines(make_policy(AWARD.format(extra=""), places=2)) == [
        ("moving", D("104042.88"), "58.32 m² × 1,784 元/m² = 104,042.88")]


def test_uses_legality_and_when_choose_the_parts() -> None:
    shop = AWARD.format(extra='uses = ["commercial"]\nwhen = { part_category = ["沿小街巷"] }\n').replace("1784", "2315")
    assert _lines(make_policy(shop, places=2)) == [("moving", D("46300.00"), "20.00 m² × 2,315 元/m² = 46,300.00")]
    other_lane = shop.replace('["沿小街巷"]', '["沿六一南路"]')
    assert _lines(make_policy(other_lane, places=2)) == []
    registered_only = AWARD.format(extra='legality = ["registered", "illegal"]\n')
    assert _lines(make_policy(registered_only, places=2))[0][1] == D("121882.88")  # 68.32 × 1,784


def test_a_household_without_such_a_part_gets_no_line() -> None:
    assert _lines(make_policy(AWARD.format(extra=""), places=2), parts=[PARTS[2]]) == []


@pytest.mark.parametrize(("extra", "error"), [
    ('bands = [{ per_m2 = "1" }]\n', "items[0].bands: 未知的键"),
])
def test_check_names_the_item(extra, error) -> None:
    report = check(HEADER.format(places=2) + MODES + AWARD.format(extra=extra), "t.toml")
    assert any(p.as_text().startswith(f"t.toml: {error}") for p in report.errors), report.errors


def test_check_says_the_rate_is_missing() -> None:
    text = HEADER.format(places=2) + MODES + AWARD.format(extra="").replace('per_m2 = "1784"\n', "")
    assert [p.as_text() for p in check(text, "t.toml").errors] == ["t.toml: items[0].per_m2: 缺少此项（必填）"]


def test_explain_says_legal_area_times_the_rate() -> None:
    text = explain_text(load_policy(FUZHOU))
    assert "搬迁奖励（住宅）：按 合法面积 × 单价（1,784 元/m²）计算。（只计住宅用途）" in text
    assert "按合法面积所在的档次计算" not in text


def test_fuzhou_moving_reward_keeps_its_amount_and_reads_plainly() -> None:
    calc = compute(load_policy(FUZHOU), household(
        building_parts=[{"area": "75.60", "use": "residential", "legality": "registered"}],
        appraisal={"unit_price": {"residential": "12000"}}), "cash")
    line = next(ln for ln in calc.lines if ln.code == "moving_reward_residential")
    assert (line.amount, line.formula) == (D("134870.40"), "75.60 m² × 1,784 元/m² = 134,870.40")
