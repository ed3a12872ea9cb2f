"""The public notice list (公示): masked names, no ID numbers, page subtotals, page numbers."""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from pathlib import Path

import document_samples as samples
import pytest
from pdf_probe import pdf_fonts, pdf_pages, pdf_text, squash

from survey_app.core.documents import render_notice_list
from survey_app.core.documents.notice_pdf import NoticeContentError
from survey_app.core.domain.money import format_yuan

ID_LIKE = re.compile(r"\d{17}[\dXx]")


@pytest.fixture(scope="module")
def notice_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("notice") / "notice.pdf"
    render_notice_list(samples.notice_list(60), path)
    return path


def test_masked_names_codes_and_no_id_numbers(notice_pdf: Path) -> None:
    notice = samples.notice_list(60)
    text = pdf_text(notice_pdf)
    for row in notice.rows:
        assert row.masked_name in text and row.household_code in text
    assert not ID_LIKE.search(text.replace(",", ""))
    assert not ID_LIKE.search(squash(text).replace(",", ""))


def test_every_page_has_title_headers_subtotal_and_page_number(notice_pdf: Path) -> None:
    pages = pdf_pages(notice_pdf)
    assert len(pages) > 1
    for n, page in enumerate(pages, start=1):
        flat = squash(page)
        assert "房屋征收补偿情况公示表" in flat and "第二地块" in flat
        assert "已登记" in page and "违法建筑" in page and "补偿总额（元）" in page
        assert "本页小计" in page
        assert f"第{n}页共{len(pages)}页" in flat
    assert "总计（60户）" in squash(pages[-1]) and "公示期为10日" in squash(pages[-1])


def test_page_subtotals_and_grand_total(notice_pdf: Path) -> None:
    notice = samples.notice_list(60)
    pages = pdf_pages(notice_pdf)
    seen = 0
    for page in pages:
        codes = re.findall(r"SLC-02-\d{4}", page)
        rows = [r for r in notice.rows if r.household_code in codes]
        seen += len(rows)
        subtotal = sum((r.total for r in rows if r.total is not None), start=Decimal(0))
        line = next(ln for ln in page.splitlines() if "本页小计" in ln)
        assert format_yuan(subtotal) in line
    assert seen == 60
    grand = sum((r.total for r in notice.rows if r.total is not None), start=Decimal(0))
    assert format_yuan(grand) in next(ln for ln in pages[-1].splitlines() if "总计" in ln)
    assert "未测算" in pdf_text(notice_pdf)  # a household without a calculation shows no amount


def test_landscape_embedded_font(notice_pdf: Path) -> None:
    import subprocess

    info = subprocess.run(["pdfinfo", str(notice_pdf)], capture_output=True, text=True).stdout
    assert re.search(r"Page size:\s+841.89 x 595.2\d* pts", info)
    assert all(f["emb"] == "yes" and f["sub"] == "yes" for f in pdf_fonts(notice_pdf))


def test_an_id_number_in_a_row_is_refused(tmp_path: Path) -> None:
    notice = samples.notice_list(3)
    leaked = dataclasses.replace(notice.rows[0], masked_name="王建国 430102196504123018")
    notice = dataclasses.replace(notice, rows=(leaked, *notice.rows[1:]))
    with pytest.raises(NoticeContentError):
        render_notice_list(notice, tmp_path / "n.pdf")
    assert list(tmp_path.iterdir()) == []


def test_empty_and_single_page_lists(tmp_path: Path) -> None:
    render_notice_list(samples.notice_list(0), tmp_path / "empty.pdf")
    assert "（无）" in pdf_text(tmp_path / "empty.pdf")
    render_notice_list(samples.notice_list(5), tmp_path / "five.pdf")
    pages = pdf_pages(tmp_path / "five.pdf")
    assert len(pages) == 1 and "合计（5户）" in squash(pages[0]) and "本页小计" not in pages[0]
