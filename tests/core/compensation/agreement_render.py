"""Test helper: a real agreement PDF rendered from a real calculation under a policy, and its extracted text.

The flat rows and the terms come from the services that build them for the stored agreement (documents._flats,
terms.document_terms); the rest of the document is the documents tests' exchange sample."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

from survey_app.core.documents import render_agreement
from survey_app.core.documents.model import AmountLine
from survey_app.core.domain.money import amount_in_words
from survey_app.core.services.agreements.documents import _flats
from survey_app.core.services.agreements.terms import document_terms

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "documents"))  # the documents tests' samples/probe
import document_samples as samples
from pdf_probe import pdf_text, squash


def agreement_text(policy, calc, out: Path) -> str:
    """Render ``calc`` (under ``policy``) as an agreement PDF at ``out``; its text with whitespace squashed."""
    lines = tuple(AmountLine(ln.code, ln.label, ln.formula, ln.amount, ln.section, ln.kind) for ln in calc.lines)
    terms = document_terms(calc, policy)
    base = samples.exchange_doc() if calc.mode == "exchange" else samples.cash_doc()
    doc = dataclasses.replace(
        base, lines=lines, total=calc.total, flat_total=calc.flat_total, net=calc.net, net_label=calc.net_label,
        upper=amount_in_words(calc.net), terms=terms, transition_months=terms.transition_months,
        flats=_flats(calc, policy), option_label=calc.mode_label + (f"（{calc.flat_label}）" if calc.flat_label else ""))
    render_agreement(doc, out)
    return squash(pdf_text(out, layout=False))
