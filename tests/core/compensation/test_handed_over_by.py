"""Issue 13 gap F4: ``when = { handed_over_by = "YYYY-MM-DD" }`` — paid when the household's 交房验收 date is on or
before the date; before the hand-over the line is priced as if it will be met and says “以 … 前腾空交房为条件”.

Figures by hand: 58.32 m² legal residential × 1,784 元/m² = 104,042.88; a fixed 5,000 元/户."""

from __future__ import annotations

from decimal import Decimal as D
from types import SimpleNamespace

import pytest
from compensation_helpers import HEADER, MODES, household, make_policy

from survey_app.core.compensation.engine import compute
from survey_app.core.compensation.policy_tools import check
from survey_app.core.compensation.policy_tools.explain import explain_text
from survey_app.core.documents.article25 import handover_conditions
from survey_app.core.services.agreements.terms import document_terms

ITEMS = ('[[items]]\ncode = "moving"\nkind = "area_award"\nlabel = "搬迁奖励"\nper_m2 = "1784"\n'
         'when = { handed_over_by = 2023-08-31 }\n'
         '[[items]]\ncode = "bonus"\nkind = "fixed"\nlabel = "搬迁交房奖励"\namount = "5000"\n'
         'when = { handed_over_by = 2023-08-31 }\n'
         '[[items]]\ncode = "plain"\nkind = "fixed"\nlabel = "水电迁移补助"\namount = "800"\n')


def _lines(handover):
    calc = compute(make_policy(ITEMS, places=2), household(handover_date=handover, signing_date="2023-06-10"), "cash")
    return {ln.code: (ln.amount, ln.formula) for ln in calc.lines}, calc.total


def test_not_yet_handed_over_is_priced_on_the_condition_and_says_so() -> None:
    lines, total = _lines(None)
    assert lines["moving"] == (D("104042.88"), "58.32 m² × 1,784 元/m²（以 2023-08-31 前腾空交房为条件） = 104,042.88")
    assert lines["bonus"] == (D("5000.00"), "5,000 元/户（以 2023-08-31 前腾空交房为条件） = 5,000.00")
    assert lines["plain"] == (D("800.00"), "800 元/户 = 800.00")
    assert total == D("109842.88")


@pytest.mark.parametrize("day", ["2023-06-10", "2023-08-31"])
def test_handed_over_by_the_date_pays_without_the_condition(day) -> None:
    lines, total = _lines(day)
    assert lines["moving"] == (D("104042.88"), "58.32 m² × 1,784 元/m² = 104,042.88")
    assert lines["bonus"] == (D("5000.00"), "5,000 元/户 = 5,000.00")
    assert total == D("109842.88")


def test_handed_over_after_the_date_pays_nothing_from_those_items() -> None:
    lines, total = _lines("2023-09-01")
    assert set(lines) == {"plain"}
    assert total == D("800.00")


def test_check_names_the_item_and_key() -> None:
    bad = ITEMS.replace("handed_over_by = 2023-08-31 }\n[[items]]\ncode = \"bonus\"",
                        "handed_over_by = \"八月底\" }\n[[items]]\ncode = \"bonus\"")
    errors = [p.as_text() for p in check(HEADER.format(places=2) + MODES + bad, "t.toml").errors]
    assert len(errors) == 1 and errors[0].startswith("t.toml: items[0].when.handed_over_by: "), errors


def test_explain_names_the_hand_over_date() -> None:
    text = explain_text(make_policy(ITEMS, places=2))
    assert ("搬迁交房奖励：每户 5,000 元。（仅限：以 2023-08-31 前（含）腾空交房为条件，尚未交房时照此测算）"
            ) in text


def test_the_agreement_says_which_amounts_depend_on_the_hand_over_and_what_happens_if_late() -> None:
    policy = make_policy(ITEMS, places=2)
    pending = compute(policy, household(signing_date="2023-06-10"), "cash")
    text = handover_conditions(SimpleNamespace(terms=document_terms(pending, policy)))
    assert text == ("搬迁奖励人民币104,042.88元以2023年8月31日（含）之前腾空交房为条件，逾期交房的不予支付。"
                    "搬迁交房奖励人民币5,000.00元以2023年8月31日（含）之前腾空交房为条件，逾期交房的不予支付。")
    handed = compute(policy, household(handover_date="2023-08-01", signing_date="2023-06-10"), "cash")
    assert handover_conditions(SimpleNamespace(terms=document_terms(handed, policy))) == ""  # nothing conditional left
