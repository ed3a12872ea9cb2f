"""Issue 13, transition-fee rules from public material: a minimum billing area (铜陵义安区：合法建筑面积不足 50 m²
的按 50 m² 计算), the entitlement as the basis (某村：以安置指标面积为基数), and the overdue multiplier (产权调换安置在
多层楼房超过 18 个月、高层楼房超过 24 个月的，从超出之月起按 2 倍) — paid later, so stated in the agreement for the
chosen flat's building while the amount covers the planned months. Figures hand-computed in the comments."""

from __future__ import annotations

from decimal import Decimal as D
from types import SimpleNamespace

import pytest
from compensation_helpers import HEADER, household, make_policy
from formula_check import adds_up
from test_homestead_entitlement import home, village

from survey_app.core.compensation.engine import compute
from survey_app.core.compensation.fields import PolicyError
from survey_app.core.compensation.policy import parse_policy
from survey_app.core.compensation.policy_tools.diff import diff_text
from survey_app.core.compensation.policy_tools.explain import explain_text
from survey_app.core.documents.article25 import flat_terms, transition_way
from survey_app.core.services.agreements.terms import document_terms

TONGLING_MODES = """
[modes.cash]
[modes.exchange]
resettlement_price = "3000"
[[modes.exchange.flats]]
key = "M60"
label = "多层 60 m²"
area = "60.00"
delivery = "future"
building = "multi_storey"
[[modes.exchange.flats]]
key = "G90"
label = "高层 90 m²"
area = "90.00"
delivery = "future"
building = "high_rise"
"""
TONGLING = """
[[items]]
code = "tr"
kind = "transition"
label = "临时安置费"
rate_per_m2_month = "15"
minimum_area = "50"
months = { cash = 6, exchange_future = 18 }
overdue_multiplier = "2"
overdue_after_months = { multi_storey = 18, high_rise = 24 }
"""


def tongling(items: str = TONGLING, modes: str = TONGLING_MODES):
    return make_policy(items, modes=modes, places=2)


def area(value: str):
    return household(building_parts=[{"area": value, "use": "residential", "legality": "registered"}])


def test_a_small_house_is_billed_as_the_minimum_area():
    policy = tongling()
    # 42.00 m² < 50: max(42.00, 50) × 15 × 6 = 4,500.00
    small = compute(policy, area("42.00"), "cash").lines[0]
    assert small.amount == D("4500.00")
    assert small.formula == "max(42.00, 50) m² × 15 元/m²·月 × 6 月 = 4,500.00" and adds_up(small.formula, small.amount, 2)
    # 58.32 m² ≥ 50: 58.32 × 15 × 6 = 5,248.80, written as before
    large = compute(policy, area("58.32"), "cash").lines[0]
    assert large.amount == D("5248.80") and large.formula == "58.32 m² × 15 元/m²·月 × 6 月 = 5,248.80"


def test_the_amount_covers_the_planned_months_whatever_the_overdue_rule():
    # exchange, future flat: 58.32 × 15 × 18 = 15,746.40 — the doubled months are not paid in advance
    calc = compute(tongling(), area("58.32"), "exchange", "G90")
    assert [ln.amount for ln in calc.lines if ln.code == "tr"] == [D("15746.40")]


@pytest.mark.parametrize(("flat", "sentence"), [
    ("G90", "；安置房屋为高层楼房，临时过渡期超过24个月的，从超出之月起临时安置费按2倍支付，超期部分届时另行支付，不在本协议补偿金额之内"),
    ("M60", "；安置房屋为多层楼房，临时过渡期超过18个月的，从超出之月起临时安置费按2倍支付，超期部分届时另行支付，不在本协议补偿金额之内"),
])
def test_the_agreement_states_the_overdue_rule_for_the_chosen_flats_building(flat, sentence):
    policy = tongling()
    calc = compute(policy, area("58.32"), "exchange", flat)
    terms = document_terms(calc, policy)
    doc = SimpleNamespace(template="exchange", terms=terms)
    assert transition_way(doc) == "乙方自行过渡，过渡期限18个月，自乙方搬迁交房之日起计算；安置房屋为期房" + sentence


def test_no_overdue_sentence_for_cash_or_without_the_rule():
    policy = tongling()
    cash = compute(policy, area("58.32"), "cash")
    assert document_terms(cash, policy).transition_overdue == ()
    plain = tongling(TONGLING.replace('overdue_multiplier = "2"\n', "").replace(
        "overdue_after_months = { multi_storey = 18, high_rise = 24 }\n", ""))
    calc = compute(plain, area("58.32"), "exchange", "G90")
    assert document_terms(calc, plain).transition_overdue == ()
    assert "倍" not in transition_way(SimpleNamespace(template="exchange", terms=document_terms(calc, plain)))


def test_check_names_every_overdue_mistake():
    modes = TONGLING_MODES.replace('building = "multi_storey"\n', "")
    items = TONGLING.replace('overdue_multiplier = "2"', 'overdue_multiplier = "1"').replace(
        "high_rise = 24", "high_rise = 0")
    with pytest.raises(PolicyError) as err:
        parse_policy(HEADER.format(places=2) + modes + items, "tl.toml")
    text = str(err.value)
    assert "tl.toml: items[0].overdue_multiplier: 超期倍数应大于 1，实际是 1" in text
    assert "items[0].overdue_after_months.high_rise: 应为正整数（月），实际是 0" in text
    assert "户型 M60 没有写楼型 building" in text
    half = TONGLING.replace('overdue_multiplier = "2"\n', "")
    with pytest.raises(PolicyError, match="须同时写 overdue_multiplier"):
        parse_policy(HEADER.format(places=2) + TONGLING_MODES + half, "tl.toml")
    with pytest.raises(PolicyError, match="最低计费面积只用于按房屋面积计算"):
        tongling(TONGLING.replace('minimum_area = "50"', 'minimum_area = "50"\nbasis = "entitlement"'))


def test_explain_and_diff_say_the_rules():
    text = explain_text(tongling())
    assert "每月按 面积（不足 50 m² 的按 50 m² 计算） × 15 元/m²" in text
    assert ("产权调换的临时过渡期安置在多层楼房超过 18 个月、安置在高层楼房超过 24 个月的，从超出之月起按 2 倍发放"
            "（超期部分届时另行支付，测算只计上列月数；协议写明此条）") in text
    changed = tongling(TONGLING.replace('minimum_area = "50"', 'minimum_area = "40"').replace("high_rise = 24", "high_rise = 30"))
    diff = diff_text(tongling(), changed)
    assert "最低计费面积：50 → 40" in diff
    assert "各楼型过渡期限（月） 高层：24 → 30" in diff


def test_the_entitlement_as_the_basis():
    modes = TONGLING_MODES.replace('resettlement_price = "3000"', 'resettlement_price = "3000"\nentitlement_minimum = "70"')
    items = """
[[items]]
code = "tr"
kind = "transition"
label = "过渡费"
basis = "entitlement"
rate_per_m2_month = "8"
months = { default = 12 }
"""
    policy = tongling(items, modes)
    # entitlement max(58.32, 70) = 70: 70 × 8 × 12 = 6,720.00, in cash and exchange alike
    for mode, flat in (("cash", None), ("exchange", "G90")):
        line = compute(policy, area("58.32"), mode, flat).lines[0]
        assert line.amount == D("6720.00") and line.formula == "max(58.32, 70) m² × 8 元/m²·月 × 12 月 = 6,720.00"
    assert "每月按 应安置面积（安置指标） × 8 元/m²" in explain_text(policy)


def test_the_agreement_says_the_flat_price_follows_the_floor():
    policy = village()
    calc = compute(policy, home("150.00", 4), "exchange", "H90@5")
    doc = SimpleNamespace(template="exchange", terms=document_terms(calc, policy), flats=(), option_label="H90 5 层")
    assert "应安置面积210.00 m²，应安置面积以内按安置房结算价计价，超出部分按补偿方案规定的分档价格计价，" \
           "单价按安置房所在楼层调整（见购房款算式）" in flat_terms(doc)
    plain = tongling()
    other = compute(plain, area("58.32"), "exchange", "G90")
    assert "楼层" not in flat_terms(SimpleNamespace(template="exchange", terms=document_terms(other, plain), flats=(),
                                                  option_label="G90"))
