"""Page geometry, paragraph styles and table looks shared by every document.

Styles are built once (after the font is registered) and reused: creating ParagraphStyle objects per
document is measurable in the warm agreement budget. Threading: the cache is filled under the font lock's
protection of registration; the style objects are never mutated after creation, so sharing is safe.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from survey_app.core.documents.fonts import font_name

PORTRAIT = A4
LANDSCAPE = landscape(A4)
MARGIN = 20 * mm
HEADER_GAP = 6 * mm  # room between the header rule and the first line of text

RULE = colors.Color(0.35, 0.35, 0.35)
GRID = colors.Color(0.45, 0.45, 0.45)
HEAD_FILL = colors.Color(0.90, 0.90, 0.90)
TOTAL_FILL = colors.Color(0.96, 0.96, 0.96)
VOUCHER_FILL = colors.Color(1.0, 0.95, 0.82)  # 房票 rows: a warm tint, so a voucher never reads as cash
COPY_RED = colors.Color(0.78, 0.10, 0.10)
FAINT = colors.Color(0.40, 0.40, 0.40)


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    body_flush: ParagraphStyle
    note: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_right: ParagraphStyle
    cell_head: ParagraphStyle
    small_center: ParagraphStyle


@lru_cache(maxsize=1)
def styles() -> Styles:
    """The shared styles (registers the font on first use)."""
    font = font_name()
    # wordWrap CJK: Chinese breaks between any two characters; reportlab still keeps runs of Latin
    # letters and digits (amounts, ID numbers) together where it can, so pdftotext reads them whole.
    body = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=17, alignment=TA_JUSTIFY,
                          wordWrap="CJK", firstLineIndent=21, spaceAfter=2)
    cell = ParagraphStyle("cell", fontName=font, fontSize=9, leading=12, wordWrap="CJK", alignment=TA_LEFT)
    return Styles(
        title=ParagraphStyle("title", fontName=font, fontSize=19, leading=26, alignment=TA_CENTER),
        subtitle=ParagraphStyle("subtitle", fontName=font, fontSize=11, leading=16, alignment=TA_CENTER),
        heading=ParagraphStyle("heading", parent=body, fontSize=11, leading=17, firstLineIndent=0,
                               spaceBefore=7, spaceAfter=3, alignment=TA_LEFT, keepWithNext=1),
        body=body,
        body_flush=ParagraphStyle("body_flush", parent=body, firstLineIndent=0),
        note=ParagraphStyle("note", parent=body, fontSize=9, leading=13, firstLineIndent=0, textColor=FAINT),
        cell=cell,
        cell_center=ParagraphStyle("cell_center", parent=cell, alignment=TA_CENTER),
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        cell_head=ParagraphStyle("cell_head", parent=cell, alignment=TA_CENTER),
        small_center=ParagraphStyle("small_center", fontName=font, fontSize=8, leading=10, alignment=TA_CENTER),
    )


class BoldParagraph(Paragraph):
    """A paragraph drawn in faux bold (fill + thin stroke), because the CJK font has no bold face.

    Text render mode 2 is part of the PDF graphics state, so it is set outside reportlab's text objects
    and undone by restoreState; the text still extracts as ordinary characters.
    """

    stroke_width = 0.35

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setLineWidth(self.stroke_width)
        canv.setStrokeColor(self.style.textColor)
        canv._code.append("2 Tr")
        super().draw()
        canv.restoreState()


def _extend_line_start_rules() -> None:
    # reportlab's CJK wrapping keeps a short list of characters that may not start a line, but it lacks
    # the full-width punctuation of Chinese text (，；：！？》”), so lines began with a comma. The list is
    # a module global read on every wrap; adding to it only ever removes bad breaks.
    from reportlab.platypus import paragraph

    extra = "，；：！？》」』”’、。）"
    missing = "".join(ch for ch in extra if ch not in paragraph.ALL_CANNOT_START)
    if missing:
        paragraph.ALL_CANNOT_START += missing


_extend_line_start_rules()
