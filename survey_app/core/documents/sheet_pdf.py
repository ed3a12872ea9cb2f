"""补偿测算单: one household's options on one sheet the family keeps.

The household, its owners and its house are printed once; then the options side by side (one row
each: compensation total and what is settled), then each option under its own heading — its lines with
the formulas in words, 合计, the settlement and the amount in words (大写), kept on one page where it
fits. A voucher's bottom line is shaded and split into 房票 and cash, so it never reads as money in the
bank. Layout helpers are shared with the agreements (agreement_pdf.py, tables.py).
"""

from __future__ import annotations

import dataclasses
import hashlib
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from survey_app.core.documents.agreement_pdf import _blocks, _story, chinese_ordinal
from survey_app.core.documents.digest import content_digest
from survey_app.core.documents.model import AgreementDoc
from survey_app.core.documents.output import write_pdf
from survey_app.core.documents.page import PageMarks, build_document
from survey_app.core.documents.placeholders import fill, money_text, placeholder_values
from survey_app.core.documents.styles import PORTRAIT, VOUCHER_FILL, BoldParagraph, styles
from survey_app.core.documents.tables import grid_table, has_flat_part, para
from survey_app.core.documents.templates import load_template

SHEET_TEMPLATE = "calculation_sheet"


def option_title(n: int, doc: AgreementDoc) -> str:
    """方案一：货币补偿 — the heading an option has everywhere on the sheet."""
    return f"方案{chinese_ordinal(n)}：{doc.option_label or doc.mode_label}"


def _bottom_line(doc: AgreementDoc) -> str:
    t = doc.terms
    if doc.template == "voucher" and t.voucher_face is not None:
        return (f"房票面额 {money_text(t.voucher_face)} 元（只能用于购房）；"
                f"现金 {money_text(t.voucher_cash or Decimal(0))} 元")
    if has_flat_part(doc):
        return f"安置房购房款 {money_text(abs(doc.flat_total))} 元；{doc.net_label} {money_text(abs(doc.net))} 元"
    return f"{doc.net_label} {money_text(abs(doc.net))} 元"


def option_summary_table(docs: list[AgreementDoc]) -> Table:
    """The options side by side: what each one pays in total and what is settled."""
    rows: list[list[object]] = [["方案", "安置方式", "补偿合计（元）", "结算"]]
    extra: list[tuple] = [("ALIGN", (0, 1), (0, -1), "CENTER")]
    for n, doc in enumerate(docs, start=1):
        rows.append([f"方案{chinese_ordinal(n)}", para(doc.option_label or doc.mode_label), money_text(doc.total),
                     para(_bottom_line(doc))])
        if doc.template == "voucher":
            extra.append(("BACKGROUND", (0, n), (-1, n), VOUCHER_FILL))
    return grid_table(rows, [18 * mm, 56 * mm, 30 * mm, 66 * mm], right_cols=(2,), extra=extra)


def sheet_digest(docs: list[AgreementDoc], length: int = 12) -> str:
    """A printing aid over every option's content (see digest.py): two sheets can be told apart."""
    h = hashlib.sha256()
    for doc in docs:
        h.update(content_digest(doc).encode())
    return h.hexdigest()[:length]


def render_calculation_sheet(doc: AgreementDoc, out: Path | BinaryIO) -> None:
    """Render ``doc`` (one option) as a 补偿测算单 numbered ``doc.number``; QR only when ``doc.qr_payload``."""
    render_calculation_sheets([doc], out, number=doc.number)


def render_calculation_sheets(docs: list[AgreementDoc], out: Path | BinaryIO, *, number: str = "") -> None:
    """One household's options (one AgreementDoc each, same household) as one 补偿测算单 numbered
    ``number`` (default: the first option's number). ``out`` is a path (written atomically) or a stream."""
    if not docs:
        raise ValueError("没有可打印的测算方案")
    template = load_template(SHEET_TEMPLATE)
    first = dataclasses.replace(docs[0], number=number or docs[0].number)
    values = placeholder_values(first)
    # The signing-reward deadline is the calculation's, the same for every option that has the reward.
    values["signing_terms"] = next((v for d in docs if (v := placeholder_values(d)["signing_terms"])), "")
    digest = sheet_digest(docs)
    st = styles()

    def more(name: str) -> list[Flowable]:
        if name == "option_summary":
            return [Spacer(1, 1 * mm), option_summary_table(docs), Spacer(1, 2 * mm)]
        flowables: list[Flowable] = []
        for n, doc in enumerate(docs, start=1):
            body = _blocks(doc, template.option, placeholder_values(doc), digest)
            # An option is read as a whole: kept on one page where it fits (a long one still splits).
            flowables.append(KeepTogether([BoldParagraph(option_title(n, doc), st.heading), *body,
                                           Spacer(1, 3 * mm)]))
        return flowables

    story = _story(first, template, values, digest, more)
    marks = PageMarks(header_left=first.project_name, header_right=f"测算编号：{first.number}",
                      footer_left=f"模板 {template.version}",
                      footer_right=f"户号 {first.household_code}　共 {len(docs)} 个方案",
                      copy_label=first.copy_label)

    def build(stream: BinaryIO) -> None:
        build_document(stream, story, marks, PORTRAIT, title=fill(template.title, values),
                       author=first.authority, subject=first.household_code)

    write_pdf(out, build)
