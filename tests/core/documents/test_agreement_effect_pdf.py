"""The printed agreement states 协议生效条件, the amount paid only once it takes effect, and the rewards settled after it
(issue 13 Z1 and the 上海长桥 rules): terms read from a real calculation under a real policy, rendered, read back.

Figures by hand: 58.32 m² × 13,670 元/m² = 797,234.40; 提前签约奖励 6,000.00; 早搬迁奖 58.32 × 4,000 = 233,280.00 /
× 2,000 = 116,640.00 / × 1,000 = 58,320.00 (each above its minimum)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import document_samples as samples
from pdf_probe import pdf_text, squash

from survey_app.core.compensation.engine import compute
from survey_app.core.compensation.inputs import HouseholdInput
from survey_app.core.compensation.policy import parse_policy
from survey_app.core.documents import render_agreement
from survey_app.core.services.agreements.terms import document_terms

POLICY = """
format = 1
version = "t"
[project]
name = "长桥"
code = "CQ"
city = "上海"
decision_no = "x"
valuation_date = 2023-05-20
signing_start = 2023-06-01
signing_end = 2023-08-31
effective_when = { signing_rate_pct = "80%" }
[rounding]
line_places = 2
[modes.cash]
[[items]]
code = "hv"
kind = "house_value"
label = "房屋价值补偿"
[[items]]
code = "early"
kind = "fixed"
label = "提前签约奖励"
amount = "6000"
when = { agreement_effective = true }
[[items]]
code = "move"
kind = "early_moving_reward"
label = "早搬迁奖"
tiers = [{ days = 15, per_m2 = "4000", minimum = "160000" }, { days = 30, per_m2 = "2000", minimum = "80000" },
         { days = 45, per_m2 = "1000", minimum = "40000" }]
"""


def test_the_printed_agreement_states_the_condition_and_the_schedule(tmp_path: Path) -> None:
    policy = parse_policy(POLICY, "t.toml")
    house = HouseholdInput.from_dict({"household_code": "CQ-1", "signing_date": "2023-06-10", "building_parts": [
        {"area": "58.32", "use": "residential", "legality": "registered"}],
        "appraisal": {"unit_price": {"residential": "13670"}}})
    calc = compute(policy, house, "cash")
    assert calc.total == Decimal("803234.40")  # 797,234.40 + 6,000.00: the schedule's 0 line adds nothing
    doc = dataclasses.replace(samples.cash_doc(), terms=document_terms(calc, policy))
    render_agreement(doc, tmp_path / "a.pdf")
    text = squash(pdf_text(tmp_path / "a.pdf"))
    assert ("本协议为附生效条件的补偿协议：在签约期限内（2023年8月31日（含）之前）本项目签约比例达到80%的，本协议生效；"
            "未达到的，本协议不生效。") in text
    assert "提前签约奖励人民币6,000.00元以本协议生效为前提。" in text
    assert ("早搬迁奖：自本协议生效次日起第1日至第15日内搬离被征收房屋并办理完毕交房手续的，奖励人民币233,280.00元；"
            "第16日至第30日内的，奖励人民币116,640.00元；第31日至第45日内的，奖励人民币58,320.00元；此后搬离的不予奖励。"
            "该奖励按实际交房日期确定，不计入本协议补偿金额，另行支付。") in text


VALID_AT_SIGNING = "本协议自甲方盖章、乙方签字并按手印之日起生效。"
VALID_ON_CONDITION = ("本协议自甲方盖章、乙方签字并按手印之日起成立，自本协议约定的生效条件成就之日起生效；"
                      "生效条件未成就的，本协议不生效。")


def _render(tmp_path: Path, policy_text: str, name: str, template_version: str = "") -> str:
    policy = parse_policy(policy_text, "t.toml")
    house = HouseholdInput.from_dict({"household_code": "CQ-1", "signing_date": "2023-06-10", "building_parts": [
        {"area": "58.32", "use": "residential", "legality": "registered"}],
        "appraisal": {"unit_price": {"residential": "13670"}}})
    calc = compute(policy, house, "cash")
    doc = dataclasses.replace(samples.cash_doc(), terms=document_terms(calc, policy))
    if template_version:
        doc = dataclasses.replace(doc, template_version=template_version)
    render_agreement(doc, tmp_path / name)
    return squash(pdf_text(tmp_path / name))


def test_a_conditional_agreement_does_not_also_say_it_takes_effect_at_signing(tmp_path: Path) -> None:
    """Found by reading the printed text: 第十二条 said "自…按手印之日起生效" under the sentence saying the agreement takes
    effect only when the signing rate is reached — two sentences that cannot both be true."""
    text = _render(tmp_path, POLICY, "conditional.pdf")
    assert "本协议为附生效条件的补偿协议" in text
    assert VALID_ON_CONDITION in text and VALID_AT_SIGNING not in text
    plain = _render(tmp_path, POLICY.replace('effective_when = { signing_rate_pct = "80%" }\n', ""), "plain.pdf")
    assert "附生效条件" not in plain
    assert VALID_AT_SIGNING in plain and VALID_ON_CONDITION not in plain


def test_a_reprint_of_an_agreement_made_on_the_old_template_keeps_its_words(tmp_path: Path) -> None:
    text = _render(tmp_path, POLICY.replace('effective_when = { signing_rate_pct = "80%" }\n', ""), "v2.pdf", "cash-v2")
    assert VALID_AT_SIGNING in text and "模板cash-v2" in text
