"""Issue 13, V4 — extra units to buy besides the flats. 某村拆迁安置办法: “地下室每平方米 200 元，一户一个，先挑先得”
(village_homestead_lygzb.toml: ``[[modes.exchange.extras]]`` B1, 20 m² — the area is demonstration data, the page has
none). The basement is its own price line, does not count against the entitlement or the number of flats, and the
agreement states it. Figures hand-computed in the comments."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from agreement_render import agreement_text
from compensation_helpers import HEADER, POLICIES
from test_homestead_entitlement import home

from survey_app.core.compensation.engine import compute, compute_all
from survey_app.core.compensation.policy import load_policy, parse_policy
from survey_app.core.compensation.policy_tools.check import check_text
from survey_app.core.compensation.policy_tools.diff import diff_text
from survey_app.core.compensation.policy_tools.explain import explain_text
from survey_app.core.domain.errors import ValidationError

LYGZB = POLICIES / "village_homestead_lygzb.toml"


def lines(calc, code: str) -> list[D]:
    return [ln.amount for ln in calc.lines if ln.code == code]


def test_the_basement_is_its_own_line_and_leaves_the_entitlement_alone():
    policy = load_policy(LYGZB)
    h = home("150.00", 4)  # 指标 max(min(150 × 1.4, 280), 4 × 35) = 210 m²
    plain = compute(policy, h, "exchange", "H90@5")
    with_b1 = compute(policy, h, "exchange", "H90@5+B1")
    # 20.00 m² × 200 = 4,000.00, set against the compensation with the flat's price
    extra = next(ln for ln in with_b1.lines if ln.code == "extra_price")
    assert (extra.label, extra.formula, extra.amount) == (
        "另购地下室（B1，不计入应安置面积）", "−20.00 m² × 200 元/m² = −4,000.00", D("-4000.00"))
    assert extra.section == "flat"
    # the entitlement cash (210 − 90 = 120 m² × 2,590 × 1.1 = 341,880.00) and the other lines are the same
    assert [ln for ln in with_b1.lines if ln.code != "extra_price"] == list(plain.lines)
    assert lines(with_b1, "entitlement_cash") == [D("341880.00")]
    assert with_b1.total == plain.total == D("353400.00")
    assert with_b1.flat_total == D("-50800.00")  # −46,800 − 4,000
    assert with_b1.net == D("302600.00")
    assert with_b1.flat_label == "H90 户型（演示） 5 层+地下室" and with_b1.entitlement == D("210.00")


def test_the_basement_does_not_count_as_a_flat():
    policy = load_policy(LYGZB)  # max_flats = 2: two flats and the basement are allowed
    calc = compute(policy, home("100.00", 7), "exchange", "H120@18+H90@1+B1")
    assert lines(calc, "extra_price") == [D("-4000.00")]
    assert lines(calc, "entitlement_cash") == lines(compute(policy, home("100.00", 7), "exchange", "H120@18+H90@1"),
                                                    "entitlement_cash")


@pytest.mark.parametrize(("flat", "message"), [
    ("H90+B1+B1", "flat_choices: 地下室（B1）一户最多 1 个，选了 2 个"),
    ("B1", "flat_choices: 另购地下室（B1）须同时选择安置房"),
])
def test_a_choice_that_breaks_the_rule_is_refused(flat, message):
    with pytest.raises(ValidationError, match=message.replace("（", r"\（").replace("）", r"\）")):
        compute(load_policy(LYGZB), home("150.00", 4), "exchange", flat)


def test_options_side_by_side_agree_with_each_option_alone():
    policy = load_policy(LYGZB)
    h = home("150.00", 4, flat_choices=[["H90@5"], ["H90@5", "B1"], ["H120", "B1"]])
    options = compute_all(policy, h)
    assert [c.flat_key for c in options if c.mode == "exchange"] == ["H90@5", "H90@5+B1", "H120+B1"]
    for calc in options:
        assert compute(policy, h, calc.mode, calc.flat_key or None).to_canonical_json() == calc.to_canonical_json()


MODES = """
[modes.exchange]
resettlement_price = "440"
[[modes.exchange.flats]]
key = "H90"
label = "H90"
area = "90"
[[modes.exchange.extras]]
key = "{key}"
label = "地下室"
area = "{area}"
unit_price = "200"
[[items]]
code = "f"
kind = "fixed"
label = "定额"
amount = "1"
"""


def test_check_names_every_extra_mistake_at_once():
    report = check_text(HEADER.format(places=2) + MODES.format(key="H90", area="0"), "v4.toml", trial=False)
    texts = [p.as_text() for p in report.errors]
    assert "v4.toml: modes.exchange.extras[0].key: 键“H90”与安置房户型或另一可另购房源重复" in texts
    assert "v4.toml: modes.exchange.extras[0].area: 可另购房源“H90”的面积应大于 0" in texts
    report = check_text(HEADER.format(places=2) + MODES.format(key="B+1", area="20"), "v4.toml", trial=False)
    assert [p.as_text() for p in report.errors] == ["v4.toml: modes.exchange.extras[0].key: 可另购房源的键不能含“+”或“@”"]


def test_explain_and_diff_say_the_extra():
    policy = load_policy(LYGZB)
    assert ("选择安置房的住户可另购：地下室（选房写“+B1”）20 m²，按 200 元/m²，一户最多 1 个；另购的不计入应安置面积，"
            "价款另列一行，与安置房购房款一并从补偿款中扣除") in explain_text(policy)
    text = HEADER.format(places=2) + MODES.format(key="B1", area="20")
    dearer = parse_policy(text.replace('unit_price = "200"', 'unit_price = "250"'), "b.toml")
    assert "～ 产权调换：可另购房源「B1」 单价：200 → 250" in diff_text(parse_policy(text, "a.toml"), dearer)


def test_the_printed_agreement_states_the_basement(tmp_path):
    policy = load_policy(LYGZB)
    calc = compute(policy, home("150.00", 4), "exchange", "H90@5+B1")
    text = agreement_text(policy, calc, tmp_path / "b1.pdf")
    # 产权调换房屋: the flat's area without the basement, then the basement as bought apart
    assert "安置房屋H90户型（演示）5层，建筑面积共90.00m²" in text
    assert "另购地下室（B1），建筑面积20.00m²，价款人民币4,000.00元，不计入应安置面积，已列入安置房购房款" in text
    assert "−20.00m²×200元/m²" in text or "20.00m²×200元/m²" in text  # the basement's own price row
    assert "302,600.00" in text  # 应付被征收人: 353,400 − 50,800
