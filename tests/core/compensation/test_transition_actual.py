"""Issue 13, V3 / fsou — a transition fee paid for the months actually waited. 某县道路改造拆迁补偿安置方案（fsou 页面）:
“过渡安置费每月每平方米 3 元，不足 200 元的补足 200 元；过渡期从搬迁腾空之月起到安置之月止”; 某村拆迁安置办法第二十四条:
实物安置“以实物安置指标为基数，自腾清拆除验收合格结算之日起至安置房具备交付条件止”. At signing the months are unknown:
the line is 0 and states the monthly amount, the agreement states it as a term paid separately. Figures hand-computed."""

from __future__ import annotations

from decimal import Decimal as D
from types import SimpleNamespace

import pytest
from agreement_render import agreement_text
from compensation_helpers import HEADER, POLICIES, household
from formula_check import adds_up
from test_homestead_entitlement import home

from survey_app.core.compensation.engine import compute
from survey_app.core.compensation.items.base import Ctx
from survey_app.core.compensation.policy import load_policy, parse_policy
from survey_app.core.compensation.policy_tools.check import check_text
from survey_app.core.compensation.policy_tools.diff import diff_text
from survey_app.core.compensation.policy_tools.explain import explain_text
from survey_app.core.documents.article25 import transition_terms, transition_way
from survey_app.core.services.agreements.terms import document_terms

FSOU = """
[modes.cash]
[modes.exchange]
resettlement_price = "3000"
[[modes.exchange.flats]]
key = "A80"
label = "A80"
area = "80.00"
delivery = "future"
[[items]]
code = "transition"
kind = "transition"
label = "过渡安置费"
modes = ["exchange"]
rate_per_m2_month = "3"
minimum_per_month = "200"
actual_months = "从搬迁腾空之月起到安置之月止"
"""


def fsou(items: str = FSOU):
    return parse_policy(HEADER.format(places=2) + items, source="fsou.toml")


def area(value: str):
    return household(building_parts=[{"area": value, "use": "residential", "legality": "registered"}])


@pytest.mark.parametrize(("size", "monthly", "formula"), [
    # 58.32 × 3 = 174.96 < 200: 不足 200 元补足 200 元
    ("58.32", D("200"), "每月 max(58.32 m² × 3 元/m²·月, 200 元/月) = 200 元，"),
    # 120.00 × 3 = 360 ≥ 200
    ("120.00", D("360"), "每月 max(120.00 m² × 3 元/m²·月, 200 元/月) = 360 元，"),
])
def test_the_line_is_zero_and_states_the_monthly_amount(size, monthly, formula):
    policy = fsou()
    calc = compute(policy, area(size), "exchange", "A80")
    line = next(ln for ln in calc.lines if ln.code == "transition")
    assert line.amount == D("0.00") and calc.total == D("0.00")
    assert line.formula == formula + "从搬迁腾空之月起到安置之月止按实际月数计付（另行结算，不计入本次合计） = 0.00"
    assert adds_up(line.formula, line.amount, 2)  # the monthly figure is what its formula says
    assert not adds_up(line.formula.replace(f"= {monthly} 元", f"= {monthly + 1} 元"), line.amount, 2)
    item = policy.items[0]
    ctx = Ctx(area(size), "exchange", "future", D("80.00"), "A80", None, {})
    assert item.monthly(ctx) == monthly
    # settled once the months are known: 14 months → 200 × 14 = 2,800 / 360 × 14 = 5,040
    assert item.settle(ctx, 14) == monthly * 14


def test_cash_has_no_line():
    assert [ln.code for ln in compute(fsou(), area("58.32"), "cash").lines] == []


def test_the_agreement_states_the_monthly_amount_and_the_period():
    policy = fsou()
    calc = compute(policy, area("58.32"), "exchange", "A80")
    terms = document_terms(calc, policy)
    assert terms.transition_actual == (("过渡安置费", D("200.00"), "从搬迁腾空之月起到安置之月止"),)
    doc = SimpleNamespace(template="exchange", terms=terms, lines=calc.lines)
    assert transition_terms(doc) == ("过渡安置费每月人民币200.00元，从搬迁腾空之月起到安置之月止按实际过渡月数计付，"
                                     "不计入本协议补偿金额，另行支付；乙方自行安排过渡住房，甲方不提供周转用房")
    assert transition_way(doc) == "乙方自行过渡，过渡期从搬迁腾空之月起到安置之月止；安置房屋为期房"


def test_the_village_states_both_its_fees():
    # 某村: cash part 12 months in the total (120 m² × 8 × 12 = 11,520.00), flats part per month (90 × 8 = 720)
    policy = load_policy(POLICIES / "village_homestead_lygzb.toml")
    calc = compute(policy, home("150.00", 4), "exchange", "H90@5")
    terms = document_terms(calc, policy)
    assert terms.transition_months == 12
    doc = SimpleNamespace(template="exchange", terms=terms, lines=calc.lines)
    assert transition_terms(doc) == (
        "临时安置费人民币11,520.00元（按12个月计），已列入补偿金额；过渡费（实物安置指标）每月人民币720.00元，"
        "自腾清拆除验收合格结算之日起至安置房具备交付条件止按实际过渡月数计付，不计入本协议补偿金额，另行支付；"
        "乙方自行安排过渡住房，甲方不提供周转用房")
    # cash: no flats part (实物安置指标 0), the 12 months only: 210 × 8 × 12 = 20,160.00
    cash = compute(policy, home("150.00", 4), "cash")
    assert [(ln.code, ln.amount) for ln in cash.lines if ln.kind == "transition"] == [("transition", D("20160.00"))]
    assert document_terms(cash, policy).transition_actual == ()


def test_check_refuses_months_beside_actual_months():
    report = check_text(HEADER.format(places=2) + FSOU.replace('actual_months =', 'months = { exchange = 24 }\nactual_months ='),
                        "fsou.toml", trial=False)
    assert [p.as_text() for p in report.errors] == [
        "fsou.toml: items[0].months: 项目“transition”按实际过渡月数计付（actual_months），不写 months；"
        "另有按固定月数计付的安置方式的，另写一个项目并用 modes 区分"]
    report = check_text(HEADER.format(places=2) + FSOU.replace('actual_months = "从搬迁腾空之月起到安置之月止"', ""),
                        "fsou.toml", trial=False)
    assert [p.as_text() for p in report.errors] == ["fsou.toml: items[0].months: 缺少此项（必填）"]


def test_explain_and_diff_say_the_period():
    assert ("过渡安置费：每月按 面积 × 3 元/m²，每户每月不少于 200 元；从搬迁腾空之月起到安置之月止，按实际过渡月数发放"
            "（签约时月数未知，不计入补偿合计，协议写明每月金额，另行结算）。") in explain_text(fsou())
    later = fsou(FSOU.replace("到安置之月止", "到安置房交付之月止"))
    assert ("～ 过渡安置费（transition）：按实际月数的过渡期：从搬迁腾空之月起到安置之月止 → 从搬迁腾空之月起到安置房交付之月止"
            in diff_text(fsou(), later))


def test_the_printed_agreement_states_it(tmp_path):
    policy = fsou()
    calc = compute(policy, area("58.32"), "exchange", "A80")
    text = agreement_text(policy, calc, tmp_path / "fsou.pdf")
    assert ("过渡安置费每月人民币200.00元，从搬迁腾空之月起到安置之月止按实际过渡月数计付，不计入本协议补偿金额，另行支付"
            in text)
    assert "乙方自行过渡，过渡期从搬迁腾空之月起到安置之月止" in text
    assert "临时安置费人民币0.00元" not in text  # never a sentence of 0 yuan “已列入补偿金额”
