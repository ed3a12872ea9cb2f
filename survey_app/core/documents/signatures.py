"""The signature page block: captured signature images, or wet-ink lines with fingerprint boxes.

With captured signatures (``AgreementDoc.signatures``) each signer's PNG is scaled into a fixed box with
the name and date under it. With none the agreement is printed for wet ink: a signature line, a date line
and a square 指印 box per party, because Chinese practice has the owner sign *and* press a fingerprint.
A party with no captured signature still gets wet-ink lines, so nobody can be left off the page.
"""

from __future__ import annotations

from io import BytesIO

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, KeepTogether, Spacer, Table, TableStyle

from survey_app.core.documents.fonts import font_name
from survey_app.core.documents.model import AgreementDoc, Party, Signature
from survey_app.core.documents.placeholders import chinese_date
from survey_app.core.documents.styles import FAINT, GRID
from survey_app.core.documents.tables import CONTENT_WIDTH, para

SIGNATURE_BOX = (48 * mm, 16 * mm)  # width, height an image is scaled into (aspect ratio kept)
FINGERPRINT_BOX = 20 * mm
CELL_WIDTH = CONTENT_WIDTH / 2
BLANK_LINE = "________________"
BLANK_DATE = "______年____月____日"


def _image(sig: Signature) -> Image:
    reader = ImageReader(BytesIO(sig.png))
    w, h = reader.getSize()
    box_w, box_h = SIGNATURE_BOX
    scale = min(box_w / w, box_h / h)
    # mask="auto" keeps a transparent PNG's background transparent instead of black.
    return Image(BytesIO(sig.png), width=w * scale, height=h * scale, mask="auto", hAlign="LEFT")


def _fingerprint_box() -> Table:
    box = Table([["指印"]], colWidths=[FINGERPRINT_BOX], rowHeights=[FINGERPRINT_BOX])
    box.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), font_name(), 7.5),
        ("TEXTCOLOR", (0, 0), (-1, -1), FAINT),
        ("BOX", (0, 0), (-1, -1), 0.8, GRID),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    return box


def _cell(rows: list[list[object]], fingerprint: bool) -> Table:
    """One signer's cell: label rows on the left, optionally a 指印 box on the right."""
    text_w = CELL_WIDTH - (FINGERPRINT_BOX + 6 * mm if fingerprint else 0) - 4 * mm
    inner = Table(rows, colWidths=[text_w])
    inner.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), font_name(), 10, 14),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
    ]))
    if not fingerprint:
        return inner
    outer = Table([[inner, _fingerprint_box()]], colWidths=[text_w, FINGERPRINT_BOX + 6 * mm])
    outer.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), font_name()), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return outer


def _party_cell(party: Party, sig: Signature | None) -> Table:
    head = f"乙方（{party.role}）：{party.name}"
    if sig is None:
        return _cell([[head], [f"签字：{BLANK_LINE}"], [f"日期：{BLANK_DATE}"]], fingerprint=True)
    return _cell([[head], ["签字："], [_image(sig)], [f"{sig.name}　{chinese_date(sig.signed_at)}"]],
                 fingerprint=False)


def _authority_cell(doc: AgreementDoc, workers: list[Signature]) -> Table:
    rows: list[list[object]] = [[para(f"甲方（盖章）：{doc.authority}", "body_flush")]]
    if doc.implementer:
        rows.append([para(f"征收实施单位（盖章）：{doc.implementer}", "body_flush")])
    if not workers:
        rows += [[f"经办人：{BLANK_LINE}"], [f"日期：{BLANK_DATE}"]]
    for sig in workers:
        rows += [[f"{sig.role or '经办人'}："], [_image(sig)], [f"{sig.name}　{chinese_date(sig.signed_at)}"]]
    return _cell(rows, fingerprint=False)


def split_signatures(doc: AgreementDoc) -> tuple[dict[str, Signature], list[Signature]]:
    """Captured signatures by party name, and the rest (the department's workers), in order."""
    names = {p.name for p in doc.parties}
    by_party: dict[str, Signature] = {}
    workers: list[Signature] = []
    for sig in doc.signatures:
        if sig.name in names and sig.name not in by_party and "经办" not in sig.role:
            by_party[sig.name] = sig
        else:
            workers.append(sig)
    return by_party, workers


def signature_block(doc: AgreementDoc) -> list[Flowable]:
    """甲方 (seal, worker) and one cell per 乙方 party, two cells a row, kept on one page."""
    by_party, workers = split_signatures(doc)
    cells: list[Flowable] = [_authority_cell(doc, workers)]
    cells += [_party_cell(p, by_party.get(p.name)) for p in doc.parties]
    if len(cells) % 2:
        cells.append(Spacer(1, 1))
    rows = [cells[i:i + 2] for i in range(0, len(cells), 2)]
    grid = Table(rows, colWidths=[CELL_WIDTH, CELL_WIDTH])
    grid.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), font_name()), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
    return [Spacer(1, 4 * mm), KeepTogether([grid])]


def sheet_signature_block() -> list[Flowable]:
    """The calculation sheet's acknowledgement lines: who computed, who reviewed, the owner saw it."""
    rows = [[f"测算人：{BLANK_LINE}", f"复核人：{BLANK_LINE}"],
            [f"被征收人（知悉）：{BLANK_LINE}", f"日期：{BLANK_DATE}"]]
    table = Table(rows, colWidths=[CELL_WIDTH, CELL_WIDTH])
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), font_name(), 10, 14),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 8)]))
    return [Spacer(1, 6 * mm), KeepTogether([table])]
