"""Agreements (征收补偿协议) and calculation sheets (补偿测算单) from an AgreementDoc.

The wording comes from a versioned template (templates.py); this module lays it out: the centred title
with the verification QR top-right on page 1, numbered articles, the tables that replace ``[[blocks]]``,
and the signature page. Every page has the project and number in the header and "第 N 页 共 M 页",
the template version and a content digest in the footer; reprints carry the 副本 mark.
Warm rendering stays well under DESIGN §8's 60 ms: font, styles, templates and QR matrices are cached.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from survey_app.core.documents.digest import short_digest
from survey_app.core.documents.fonts import font_name
from survey_app.core.documents.model import AgreementDoc
from survey_app.core.documents.output import write_pdf
from survey_app.core.documents.page import PageMarks, build_document
from survey_app.core.documents.placeholders import fill, placeholder_values
from survey_app.core.documents.qr import qr_image
from survey_app.core.documents.signatures import sheet_signature_block, signature_block
from survey_app.core.documents.styles import PORTRAIT, BoldParagraph, styles
from survey_app.core.documents.tables import (
    CONTENT_WIDTH,
    compensation_table,
    flat_table,
    house_table,
    parties_table,
    sheet_info_table,
    terms_table,
)
from survey_app.core.documents.templates import Block, Template, load_template

_CN_DIGITS = "零一二三四五六七八九"


def chinese_ordinal(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (article numbers up to 99)."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CN_DIGITS[tens] + "十")
    return head + (_CN_DIGITS[ones] if ones else "") if n else "零"


def render_agreement(doc: AgreementDoc, out: Path | BinaryIO) -> None:
    """Render ``doc`` as an agreement PDF with the template ``doc.template`` at ``doc.template_version``.

    ``out`` is a path (written atomically) or a binary stream. A signed QR payload is required; raises
    TemplateError for an unknown template or version and QRPayloadTooLong for an oversized payload.
    """
    if not doc.qr_payload:
        raise ValueError(f"协议 {doc.number} 缺少二维码核验内容（qr_payload）")
    template = load_template(doc.template, doc.template_version)
    _render(doc, template, out, number_label="协议编号")


def _render(doc: AgreementDoc, template: Template, out: Path | BinaryIO, number_label: str) -> None:
    digest = short_digest(doc)
    values = placeholder_values(doc)
    marks = PageMarks(
        header_left=doc.project_name,
        header_right=f"{number_label}：{doc.number}",
        footer_left=f"模板 {template.version}",
        footer_right=f"内容摘要 {digest}",
        copy_label=doc.copy_label,
    )
    story = _story(doc, template, values, digest)

    def build(stream: BinaryIO) -> None:
        build_document(stream, story, marks, PORTRAIT, title=fill(template.title, values),
                       author=doc.authority, subject=doc.number)

    write_pdf(out, build)


def _title_block(doc: AgreementDoc, template: Template, values: dict[str, str]) -> Flowable:
    st = styles()
    lines: list[Flowable] = [BoldParagraph(fill(template.title, values), st.title)]
    if template.subtitle:
        lines.append(Paragraph(fill(template.subtitle, values), st.subtitle))
    if not doc.qr_payload:
        return Table([[lines]], colWidths=[CONTENT_WIDTH],
                     style=TableStyle([("FONT", (0, 0), (-1, -1), font_name()), ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
    qr = qr_image(doc.qr_payload)
    side = qr.width + 2
    # Equal side columns keep the title centred on the page while the QR sits top-right.
    return Table([["", lines, [qr, Paragraph("扫码核验", st.small_center)]]],
                 colWidths=[side, CONTENT_WIDTH - 2 * side, side],
                 # Every table names the CJK font, even with empty cells: reportlab's default Helvetica
                 # would otherwise be referenced (unembedded) by the PDF.
                 style=TableStyle([("FONT", (0, 0), (-1, -1), font_name()), ("VALIGN", (0, 0), (1, 0), "MIDDLE"), ("VALIGN", (2, 0), (2, 0), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                   ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))


# A calculation sheet's own blocks ([[options]], [[option_summary]]) need every option: the sheet
# renderer (sheet_pdf.py) hands them in as ``more(name) -> flowables``.
More = Callable[[str], list[Flowable]]


def _story(doc: AgreementDoc, template: Template, values: dict[str, str], digest: str,
           more: More | None = None) -> list[Flowable]:
    story: list[Flowable] = [_title_block(doc, template, values)]
    story += _blocks(doc, template.preamble, values, digest, more)
    st = styles()
    for n, article in enumerate(template.articles, start=1):
        number = f"第{chinese_ordinal(n)}条" if template.numbered else f"{chinese_ordinal(n)}、"
        gap = "　" if template.numbered else ""
        story.append(BoldParagraph(f"{number}{gap}{fill(article.heading, values)}", st.heading))
        story += _blocks(doc, article.blocks, values, digest, more)
    story += _blocks(doc, template.ending, values, digest, more)
    return story


def _blocks(doc: AgreementDoc, blocks: tuple[Block, ...], values: dict[str, str], digest: str,
            more: More | None = None) -> list[Flowable]:
    st = styles()
    out: list[Flowable] = []
    for block in blocks:
        if block.kind == "text":
            out.append(Paragraph(fill(block.value, values), st.body))
        elif block.kind == "flush":
            out.append(Paragraph(fill(block.value, values), st.body_flush))
        elif more is not None and block.value in ("options", "option_summary"):
            out += more(block.value)
        else:
            out += _table_block(doc, block.value, values, digest)
    return out


def _table_block(doc: AgreementDoc, name: str, values: dict[str, str], digest: str) -> list[Flowable]:
    gap = Spacer(1, 2 * mm)
    if name == "parties":
        return [gap, parties_table(doc), gap]
    if name == "house_table":
        return [*house_table(doc), gap]
    if name == "compensation_table":
        return [compensation_table(doc), gap]
    if name == "flat_table":
        tables = flat_table(doc)
        return [*tables, gap] if tables else []
    if name == "notes":
        return [Paragraph(f"注：{escape(note)}", styles().body) for note in doc.notes if note.strip()]
    if name == "signatures":
        return signature_block(doc)
    if name == "sheet_info":
        return [sheet_info_table(doc, values["owner_names"], digest), gap]
    if name == "terms":
        return [gap, terms_table(doc), gap]
    if name == "sheet_signatures":
        return sheet_signature_block()
    raise AssertionError(f"unhandled block {name}")  # templates.BLOCKS and this function list the same names
