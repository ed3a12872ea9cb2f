"""Issue 13 gap Z1: 协议生效条件 — ``[project] effective_when = { signing_rate_pct, by }`` and an item paid only once the
agreements take effect (``when = { agreement_effective = true }``): priced as usual, its line and the agreement say so.

Figures by hand: 58.32 m² × 13,670 元/m² = 797,234.40 → 797,234 (to the yuan); a fixed 6,000 元/户; total 803,234.
80% of 370 households: 296 × 100 = 29,600 = 80 × 370 → reached; 295 is not."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from compensation_helpers import HEADER, MODES, POLICIES, household, make_policy

from survey_app.core.compensation.effect import Effectiveness
from survey_app.core.compensation.engine import compute
from survey_app.core.compensation.policy import load_policy
from survey_app.core.compensation.policy_tools import check
from survey_app.core.compensation.policy_tools.diff import diff_text
from survey_app.core.compensation.policy_tools.explain import explain_text
from survey_app.core.services.agreements.terms import document_terms

RULE = '[project.effective_when]\nsigning_rate_pct = "80%"\n'
ITEMS = ('[[items]]\ncode = "hv"\nkind = "house_value"\nlabel = "房屋价值"\n'
         '[[items]]\ncode = "early"\nkind = "fixed"\nlabel = "提前签约奖励"\namount = "6000"\n'
         'when = { agreement_effective = true }\n')


def _lines(items: str):
    calc = compute(make_policy(items), household(signing_date="2023-06-10"), "cash")
    return {ln.code: (ln.amount, ln.formula) for ln in calc.lines}, calc.total


def test_the_reward_is_priced_and_its_line_states_the_projects_rule() -> None:
    lines, total = _lines(RULE + ITEMS)  # by: the project's signing_end, 2023-08-31
    assert lines["early"] == (D("6000"), "6,000 元/户（以本项目在 2023-08-31（含）前签约比例达到 80%、协议生效为前提） = 6,000")
    assert lines["hv"] == (D("797234"), "58.32 m² × 13,670 元/m² × 1 = 797,234")  # other lines unchanged
    assert total == D("803234")


def test_without_the_projects_rule_the_line_says_only_what_the_scheme_says() -> None:
    lines, total = _lines(ITEMS)
    assert lines["early"] == (D("6000"), "6,000 元/户（以协议生效为前提） = 6,000")
    assert total == D("803234")
    warnings = [p.as_text() for p in check(HEADER.format(places=0) + MODES + ITEMS, "t.toml").warnings]
    assert any(w.startswith("提醒：t.toml: project.effective_when: items[1]（early） 以协议生效为前提") for w in warnings)


def test_an_explicit_deadline_is_stated_and_nothing_is_noted_on_a_zero_line() -> None:
    items = ('[project.effective_when]\nsigning_rate_pct = 85\nby = 2023-07-15\n'
             '[[items]]\ncode = "tier"\nkind = "signing_reward"\nlabel = "签约奖励"\n'
             'tiers = [{ until = 2023-06-30, amount = "6000" }]\nwhen = { agreement_effective = true }\n')
    policy = make_policy(items)
    early = compute(policy, household(signing_date="2023-06-10"), "cash").lines[0]
    assert early.formula == ("6,000 元/户（2023-06-30 前签约）（以本项目在 2023-07-15（含）前签约比例达到 85%、"
                             "协议生效为前提） = 6,000")
    late = compute(policy, household(signing_date="2023-07-01"), "cash").lines[0]
    assert late.formula == "2023-07-01 签约，已过奖励期限 = 0"  # nothing due: no condition to state


def test_check_reports_every_problem_at_once_naming_the_key() -> None:
    bad = ("[project.effective_when]\nsigning_rate_pct = \"120%\"\nby = \"月底\"\nextra = 1\n"
           + ITEMS.replace("agreement_effective = true", "agreement_effective = false"))
    errors = [p.as_text() for p in check(HEADER.format(places=0) + MODES + bad, "t.toml").errors]
    assert any(e.startswith("t.toml: project.effective_when.signing_rate_pct: ") for e in errors), errors
    assert any(e.startswith("t.toml: project.effective_when.by: 应为日期") for e in errors), errors
    assert any(e.startswith("t.toml: project.effective_when.extra: 未知的键：协议生效条件（effective_when）没有键")
               for e in errors), errors
    assert "t.toml: items[1].when.agreement_effective: 只能写 true（以协议生效为前提）；不以协议生效为前提的项目不写此键" in errors
    assert len(errors) == 4, errors


def test_a_rule_without_any_deadline_is_refused() -> None:
    header = HEADER.format(places=0).replace("signing_end = 2023-08-31\n", "")
    errors = [p.as_text() for p in check(header + MODES + RULE + ITEMS, "t.toml").errors]
    assert errors == ["t.toml: project.effective_when.by: 协议生效条件须有签约期限：写 by = 日期，或写 [project] 的 signing_end"]


def test_a_fraction_rate_is_warned_as_percent_units() -> None:
    warnings = [p.as_text() for p in check(HEADER.format(places=0) + MODES + RULE.replace('"80%"', "0.8") + ITEMS,
                                           "t.toml").warnings]
    assert any("project.effective_when.signing_rate_pct: 0.8 表示 0.8%" in w for w in warnings), warnings


def test_explain_states_the_rule_and_the_condition() -> None:
    text = explain_text(make_policy(RULE + ITEMS))
    assert ("协议生效：补偿协议附生效条件：签约期限内（至 2023-08-31，含当日）本项目签约比例达到 80% 的，协议生效；"
            "未达到的，协议不生效。") in text
    assert "提前签约奖励：每户 6,000 元。（仅限：以协议生效为前提，签约时照常测算）" in text


def test_diff_shows_a_changed_rate_and_a_new_condition() -> None:
    old, new = make_policy(ITEMS.replace("when = { agreement_effective = true }\n", "")), make_policy(
        RULE.replace('"80%"', '"85%"') + ITEMS)
    text = diff_text(old, new)
    assert "～ 项目信息：协议生效条件：新增 签约比例 85%" in text.splitlines(), text
    assert "～ 提前签约奖励（early）：when：新增 以协议生效为前提 是" in text.splitlines(), text
    text = diff_text(make_policy(RULE + ITEMS), new)
    assert "～ 项目信息：协议生效条件 签约比例：80% → 85%" in text, text


def test_the_agreement_states_the_rule_and_the_conditional_amount() -> None:
    policy = make_policy(RULE + ITEMS)
    terms = document_terms(compute(policy, household(signing_date="2023-06-10"), "cash"), policy)
    assert terms.effect_terms == (
        "本协议为附生效条件的补偿协议：在签约期限内（2023年8月31日（含）之前）本项目签约比例达到80%的，本协议生效；"
        "未达到的，本协议不生效。",
        "提前签约奖励人民币6,000.00元以本协议生效为前提。")
    plain = make_policy(ITEMS.replace("when = { agreement_effective = true }\n", ""))
    assert document_terms(compute(plain, household(), "cash"), plain).effect_terms == ()


@pytest.mark.parametrize(("signed", "on", "reached"), [(296, dt.date(2023, 8, 31), True), (295, dt.date(2023, 8, 31), False),
                                                       (370, dt.date(2023, 9, 1), False)])
def test_hq_can_tell_whether_the_rule_is_met(signed, on, reached) -> None:
    assert Effectiveness(D("80"), dt.date(2023, 8, 31)).reached(signed, 370, on) is reached


def test_zhoushan_states_its_condition_and_keeps_its_amounts() -> None:
    policy = load_policy(POLICIES / "zhoushan_urban_village_2023.toml")
    calc = compute(policy, household(signing_date="2023-04-12"), "cash")
    reward = next(ln for ln in calc.lines if ln.code == "early_signing_reward")
    assert (reward.amount, reward.formula) == (D("6000.00"), "6,000 元/户（2023-04-12 前签约）（以协议生效为前提） = 6,000.00")
    assert document_terms(calc, policy).effect_terms == ("提前签约奖励人民币6,000.00元以本协议生效为前提。",)
