"""What every page carries besides its content: header, footer "第 N 页 共 M 页", copy mark, watermark.

reportlab only knows the page count once the whole story is laid out, so the canvas keeps each finished
page's state and draws the footers in ``save`` (the usual one-pass "numbered canvas" recipe; a second
layout pass would double the render time). The header, the 副本 mark and the watermark are drawn when a
page begins, underneath the content.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from survey_app import __version__
from survey_app.core.documents.fonts import font_name
from survey_app.core.documents.styles import COPY_RED, FAINT, HEADER_GAP, MARGIN, RULE


@dataclass(frozen=True)
class PageMarks:
    """The texts repeated on every page of one document."""

    header_left: str
    header_right: str
    footer_left: str
    footer_right: str
    copy_label: str = ""  # "副本" on reprints: a boxed mark in the header and a faint diagonal watermark


def draw_page_start(canv: Canvas, marks: PageMarks) -> None:
    """Header line (project left, number right), and the copy mark/watermark on reprints."""
    width, height = canv._pagesize
    font = font_name()
    top = height - 13 * mm
    canv.saveState()
    if marks.copy_label:
        _watermark(canv, marks.copy_label, width, height)
    canv.setFont(font, 8.5)
    canv.setFillColor(FAINT)
    canv.drawString(MARGIN, top, marks.header_left)
    canv.drawRightString(width - MARGIN, top, marks.header_right)
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.5)
    canv.line(MARGIN, top - 2.2 * mm, width - MARGIN, top - 2.2 * mm)
    if marks.copy_label:
        _copy_mark(canv, marks.copy_label, width / 2, top - 0.6 * mm)
    canv.restoreState()


def _copy_mark(canv: Canvas, label: str, centre_x: float, baseline: float) -> None:
    font = font_name()
    size = 13
    text_w = canv.stringWidth(label, font, size)
    box_w, box_h = text_w + 6 * mm, 7.5 * mm
    canv.setStrokeColor(COPY_RED)
    canv.setFillColor(colors.white)
    canv.setLineWidth(1.2)
    canv.rect(centre_x - box_w / 2, baseline - 2 * mm, box_w, box_h, stroke=1, fill=1)
    canv.setFillColor(COPY_RED)
    canv.setFont(font, size)
    canv.drawCentredString(centre_x, baseline, label)


def _watermark(canv: Canvas, label: str, width: float, height: float) -> None:
    canv.saveState()
    canv.setFillColor(COPY_RED)
    canv.setFillAlpha(0.07)
    canv.translate(width / 2, height / 2)
    canv.rotate(35)
    canv.setFont(font_name(), 130)
    canv.drawCentredString(0, -45, label)
    canv.restoreState()


def draw_page_end(canv: Canvas, marks: PageMarks, page: int, pages: int) -> None:
    """Footer: template version left, page N of M centred, content digest right."""
    width = canv._pagesize[0]
    y = 11 * mm
    canv.saveState()
    canv.setFont(font_name(), 8)
    canv.setFillColor(FAINT)
    canv.drawString(MARGIN, y, marks.footer_left)
    canv.drawCentredString(width / 2, y, f"第 {page} 页 共 {pages} 页")
    canv.drawRightString(width - MARGIN, y, marks.footer_right)
    canv.restoreState()


class NumberedCanvas(Canvas):
    """A canvas that holds finished pages until ``save`` so each footer can say how many pages there are."""

    def __init__(self, *args: object, marks: PageMarks, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._marks = marks
        self._pages: list[dict] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            draw_page_end(self, self._marks, number, total)
            Canvas.showPage(self)
        Canvas.save(self)


def canvas_maker(marks: PageMarks):  # noqa: ANN201 - a reportlab canvasmaker callable
    """A ``canvasmaker`` for ``doc.build`` that numbers pages and draws ``marks``' footer."""
    return partial(NumberedCanvas, marks=marks)


def build_document(stream: BinaryIO, story: list[Flowable], marks: PageMarks, pagesize: tuple[float, float],
                   title: str, author: str = "", subject: str = "") -> None:
    """Lay ``story`` out on pages of ``pagesize`` (20 mm margins, one frame) with ``marks``, into ``stream``."""
    document = BaseDocTemplate(
        stream, pagesize=pagesize, leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=MARGIN + HEADER_GAP - 4 * mm, bottomMargin=MARGIN,
        title=title, author=author, subject=subject, creator=f"survey_app {__version__}", lang="zh-CN",
        # The CJK font as the canvas' initial font keeps an unused, unembedded Helvetica out of the PDF.
        initialFontName=font_name(),
        invariant=1,  # same document → same bytes: no creation time, no random file id
    )
    frame = Frame(document.leftMargin, document.bottomMargin, document.width, document.height,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    document.addPageTemplates([PageTemplate(id="page", frames=[frame],
                                            onPage=lambda canv, _doc: draw_page_start(canv, marks))])
    document.build(story, canvasmaker=canvas_maker(marks))


def frame_size(pagesize: tuple[float, float]) -> tuple[float, float]:
    """Width and height available to the story on a page of ``pagesize`` (as build_document lays it out)."""
    return pagesize[0] - 2 * MARGIN, pagesize[1] - 2 * MARGIN - HEADER_GAP + 4 * mm
