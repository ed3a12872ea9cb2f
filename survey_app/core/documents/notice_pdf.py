"""The public notice list (公示表) of a section: one landscape A4 sheet per page, ready to post on a wall.

Every page repeats the title and the column headers and ends with a 本页小计 row, because notices are
posted as separate sheets and each must be readable on its own; the last page adds the 总计 row, the
notice period and whom to contact. Names arrive masked (张*伟) and the rows carry no ID numbers; as a
last line of defence any cell that looks like a citizen ID number is refused rather than printed.
Rows are paginated here (fixed row height) rather than by platypus, so each page's subtotal is known.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table

from survey_app.core.documents.model import NoticeList, NoticeRow
from survey_app.core.documents.output import write_pdf
from survey_app.core.documents.page import PageMarks, build_document, frame_size
from survey_app.core.documents.placeholders import DASH, chinese_date
from survey_app.core.documents.styles import LANDSCAPE, TOTAL_FILL, BoldParagraph, styles
from survey_app.core.documents.tables import grid_table
from survey_app.core.domain.money import format_area, format_yuan
from survey_app.core.domain.vocabulary import LEGALITY

ROW_HEIGHT = 6.6 * mm
_ID_LIKE = re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)")
_WIDTHS = [12 * mm, 34 * mm, 26 * mm, 26 * mm, 30 * mm, 26 * mm, 26 * mm, 28 * mm, 49 * mm]  # = 257 mm
_HEADER = [
    ["序号", "户号", "被征收人", "房屋面积（m²）", "", "", "", "补偿方式", "补偿总额（元）"],
    ["", "", "", *LEGALITY.values(), "", ""],  # one column per legality, in the vocabulary's order
]
_HEADER_SPANS = [("SPAN", (3, 0), (6, 0)), ("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)),
                 ("SPAN", (2, 0), (2, 1)), ("SPAN", (7, 0), (7, 1)), ("SPAN", (8, 0), (8, 1))]


class NoticeContentError(ValueError):
    """A notice row carries something that must never be posted publicly (an ID-number-like string)."""


def render_notice_list(notice: NoticeList, out: Path | BinaryIO) -> None:
    """Render the public notice list as a landscape A4 PDF to ``out`` (a path, written atomically, or a stream).

    Raises NoticeContentError if any cell looks like an 18-digit citizen ID number.
    """
    _refuse_id_numbers(notice.rows)
    marks = PageMarks(header_left=notice.project_name, header_right=f"{notice.section} 征收补偿公示",
                      footer_left=f"公示日期 {chinese_date(notice.published_on)}",
                      footer_right="姓名已作隐私处理，不公示身份证号码")
    story = _story(notice, *frame_size(LANDSCAPE))

    def build(stream: BinaryIO) -> None:
        build_document(stream, story, marks, LANDSCAPE, title=f"{notice.project_name}{notice.section}征收补偿公示")

    write_pdf(out, build)


def _refuse_id_numbers(rows: Sequence[NoticeRow]) -> None:
    for row in rows:
        for text in (row.household_code, row.masked_name, row.mode_label):
            if _ID_LIKE.search(text):
                raise NoticeContentError(f"公示表第 {row.household_code} 行含有疑似身份证号码，已拒绝生成")


def _title(notice: NoticeList) -> list[Flowable]:
    st = styles()
    until = f"公示期 {notice.notice_days} 日（自{chinese_date(notice.published_on)}起）"
    return [BoldParagraph(f"{notice.project_name}{notice.section}房屋征收补偿情况公示表", st.title),
            Paragraph(f"征收决定文号：{notice.decision_no}　　{until}", st.subtitle), Spacer(1, 2.5 * mm)]


def _closing(notice: NoticeList) -> list[Flowable]:
    st = styles()
    text = (f"以上为{notice.section}被征收房屋面积认定、补偿方式及补偿金额，公示期为{notice.notice_days}日。"
            "被征收人对公示内容有异议的，请在公示期内以书面形式提出，逾期视为无异议。")
    out: list[Flowable] = [Spacer(1, 3 * mm), Paragraph(text, st.body)]
    if notice.contact:
        out.append(Paragraph(f"联系方式：{notice.contact}", st.body_flush))
    return out


def _height(flowables: list[Flowable], width: float) -> float:
    return sum(f.wrap(width, 1e6)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in flowables)


def _chunks(rows: Sequence[NoticeRow], per_page: int, last_page: int) -> list[Sequence[NoticeRow]]:
    """Rows per page; the last page holds at most ``last_page`` rows so the closing text fits under them."""
    chunks = [rows[i:i + per_page] for i in range(0, len(rows), per_page)] or [rows]
    if len(chunks[-1]) > last_page:
        tail = chunks.pop()
        chunks += [tail[:last_page], tail[last_page:]] if last_page > 0 else [tail, []]
    return chunks


def _story(notice: NoticeList, width: float, height: float) -> list[Flowable]:
    title_h = _height(_title(notice), width) + 1 * mm
    closing_h = _height(_closing(notice), width) + 1 * mm
    # Header rows + subtotal row; a little slack absorbs rounding in reportlab's layout.
    fixed = title_h + ROW_HEIGHT * 3 + 2 * mm
    per_page = max(1, math.floor((height - fixed) / ROW_HEIGHT))
    last_page = max(0, math.floor((height - fixed - ROW_HEIGHT - closing_h) / ROW_HEIGHT))
    chunks = _chunks(notice.rows, per_page, last_page)
    story: list[Flowable] = []
    start = 1
    for index, chunk in enumerate(chunks):
        last = index == len(chunks) - 1
        story += _title(notice)
        story.append(_page_table(chunk, start, notice.rows if last else None))
        if last:
            story += _closing(notice)
        else:
            story.append(PageBreak())
        start += len(chunk)
    return story


def _sums(rows: Sequence[NoticeRow]) -> list[str]:
    def total(attr: str) -> str:
        # Grouped like money (1,298.08): column totals run into thousands of m².
        return format_yuan(sum((getattr(r, attr) for r in rows), start=Decimal(0)))

    amounts = [r.total for r in rows if r.total is not None]
    money = format_yuan(sum(amounts, start=Decimal(0))) if amounts else DASH
    return [total("registered_area"), total("found_legal_area"), total("illegal_area"), total("temporary_area"),
            "", money]


def _page_table(rows: Sequence[NoticeRow], start: int, all_rows: Sequence[NoticeRow] | None) -> Table:
    body = [[str(n), r.household_code, r.masked_name, format_area(r.registered_area),
             format_area(r.found_legal_area), format_area(r.illegal_area), format_area(r.temporary_area),
             r.mode_label, format_yuan(r.total) if r.total is not None else "未测算"]
            for n, r in enumerate(rows, start=start)]
    if not body:
        body = [["", "（无）", "", "", "", "", "", "", ""]]
    only_page = all_rows is not None and len(all_rows) == len(rows)
    data = [*_HEADER, *body, ["", f"{'合计' if only_page else '本页小计'}（{len(rows)} 户）", "", *_sums(rows)]]
    extra = [*_HEADER_SPANS, ("VALIGN", (0, 0), (-1, 1), "MIDDLE"),
             ("ALIGN", (0, 2), (2, -1), "CENTER"), ("ALIGN", (7, 2), (7, -1), "CENTER"),
             ("SPAN", (1, len(data) - 1), (2, len(data) - 1)),
             ("BACKGROUND", (0, len(data) - 1), (-1, -1), TOTAL_FILL)]
    if all_rows is not None and not only_page:
        data.append(["", f"总计（{len(all_rows)} 户）", "", *_sums(all_rows)])
        extra.append(("SPAN", (1, len(data) - 1), (2, len(data) - 1)))
    # Fixed row heights make the page capacity computed in _story exact.
    return grid_table(data, _WIDTHS, header_rows=2, right_cols=(3, 4, 5, 6, 8), extra=extra,
                      row_heights=[ROW_HEIGHT] * len(data))
