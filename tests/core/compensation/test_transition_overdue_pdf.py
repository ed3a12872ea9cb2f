"""The overdue transition rule printed: an exchange agreement for a high-rise flat, rendered to a real PDF from a
real calculation, states 超过24个月的从超出之月起按2倍 (the amount covers the planned 18 months); the agreement for
a multi-storey flat states its 18 months and not the high-rise rule."""

from __future__ import annotations

import dataclasses
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from test_transition_rules import area, tongling

from survey_app.core.compensation.engine import compute
from survey_app.core.documents import render_agreement
from survey_app.core.documents.model import AmountLine
from survey_app.core.domain.money import amount_in_words, format_yuan
from survey_app.core.services.agreements.terms import document_terms

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "documents"))  # the documents tests' samples/probe
import document_samples as samples
from pdf_probe import pdf_text, squash


def _agreement(flat: str, out: Path) -> str:
    policy = tongling()
    calc = compute(policy, area("58.32"), "exchange", flat)
    lines = tuple(AmountLine(ln.code, ln.label, ln.formula, ln.amount, ln.section, ln.kind) for ln in calc.lines)
    terms = document_terms(calc, policy)
    doc = dataclasses.replace(
        samples.exchange_doc(), lines=lines, total=calc.total, flat_total=calc.flat_total, net=calc.net,
        net_label=calc.net_label, upper=amount_in_words(calc.net), terms=terms, transition_months=terms.transition_months)
    render_agreement(doc, out)
    return squash(pdf_text(out, layout=False))


@pytest.mark.parametrize(("flat", "says", "not_says"), [
    ("G90", "安置房屋为高层楼房，临时过渡期超过24个月的，从超出之月起临时安置费按2倍支付", "多层楼房"),
    ("M60", "安置房屋为多层楼房，临时过渡期超过18个月的，从超出之月起临时安置费按2倍支付", "高层楼房"),
])
def test_the_printed_agreement_states_the_overdue_rule_of_its_flat(tmp_path, flat, says, not_says):
    text = _agreement(flat, tmp_path / f"{flat}.pdf")
    assert says in text and not_says not in text
    assert "超期部分届时另行支付，不在本协议补偿金额之内" in text
    assert "过渡期限18个月" in text
    assert format_yuan(Decimal("15746.40")) in text  # 58.32 × 15 × 18: the planned months only
