"""Agreements and calculation sheets, checked as printed: extracted text, fonts, QR, signatures, pages."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import document_samples as samples
import pytest
from pdf_probe import decode_qr, page_png, pdf_fonts, pdf_images, pdf_pages, pdf_text, squash

from survey_app.core.documents import TEMPLATE_VERSIONS, render_agreement, render_calculation_sheet
from survey_app.core.domain.money import format_yuan

ALL_MODES = {"cash": samples.cash_doc, "exchange": samples.exchange_doc, "voucher": samples.voucher_doc}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each mode rendered once (wet ink), plus a signed reprint; shared by the tests of this module."""
    folder = tmp_path_factory.mktemp("agreements")
    out = {}
    for mode, make in ALL_MODES.items():
        out[mode] = folder / f"{mode}.pdf"
        render_agreement(make(), out[mode])
    out["signed_copy"] = folder / "signed_copy.pdf"
    render_agreement(samples.signed(samples.cash_doc(copy_label="副本")), out["signed_copy"])
    return out


@pytest.mark.parametrize("mode", sorted(ALL_MODES))
def test_text_gives_back_names_ids_amounts_and_upper_exactly(rendered: dict[str, Path], mode: str) -> None:
    doc = ALL_MODES[mode]()
    text = pdf_text(rendered[mode])
    for party in doc.parties:
        assert party.name in text
        assert party.id_number in text
    for line in doc.lines:
        assert format_yuan(abs(line.amount)) in text, line.label
    assert format_yuan(doc.total) in text
    assert format_yuan(abs(doc.net)) in text
    assert doc.upper in text
    assert doc.number in text and doc.household_code in text
    # Chinese running text may wrap between any two characters; compare it without line breaks.
    # Reading order (not layout) keeps a wrapped table cell's lines together.
    flat = squash(pdf_text(rendered[mode], layout=False))
    assert [ln.label for ln in doc.lines if squash(ln.label) not in flat] == []
    assert squash(doc.decision_no) in flat and "《国有土地上房屋征收与补偿条例》" in flat


def test_each_mode_has_its_own_wording(rendered: dict[str, Path]) -> None:
    cash, exchange, voucher = (pdf_text(rendered[m]) for m in ("cash", "exchange", "voucher"))
    assert "货币补偿" in cash and "安置房购房款合计" not in cash
    assert "安置房购房款合计" in exchange and "A户型60㎡（古稻田安置小区）" in exchange and "60.12 m²" in exchange
    assert "房票自出具之日起12个月内有效" in squash(voucher) and "8%" in voucher


def test_title_articles_header_and_footer(rendered: dict[str, Path]) -> None:
    doc = samples.cash_doc()
    pages = pdf_pages(rendered["cash"])
    assert "房屋征收补偿协议" in pages[0]
    for article in ("第一条", "征收依据", "被征收房屋基本情况", "补偿方式", "补偿金额", "支付期限",
                    "搬迁费、临时安置费与停产停业损失", "搬迁期限、过渡方式和过渡期限", "协议要点", "违约责任",
                    "争议解决", "协议份数与生效"):
        assert article in "".join(pages)
    for n, page in enumerate(pages, start=1):
        assert doc.project_name in page and f"协议编号：{doc.number}" in page
        assert f"第{n}页共{len(pages)}页" in squash(page)  # drawn as "第 1 页 共 3 页"
        assert f"模板 {TEMPLATE_VERSIONS['cash']}" in page
        assert "内容摘要 " in page
    assert "2023年5月20日" in pages[0]  # valuation date as documents write dates


def test_font_is_embedded_and_subset(rendered: dict[str, Path]) -> None:
    for path in rendered.values():
        fonts = pdf_fonts(path)
        assert fonts and all("WenQuanYiMicroHei" in f["name"] for f in fonts), fonts
        assert all(f["emb"] == "yes" and f["sub"] == "yes" for f in fonts), fonts


@pytest.mark.parametrize("mode", ["cash", "voucher"])
def test_qr_decodes_back_to_the_payload_at_150_dpi(rendered: dict[str, Path], mode: str) -> None:
    image = page_png(rendered[mode], page=1, dpi=150)
    assert decode_qr(image) == [ALL_MODES[mode]().qr_payload]
    # first page, top-right quarter: where a worker and a verifier expect it
    right_top = image.crop((image.width // 2, 0, image.width, image.height // 3))
    assert decode_qr(right_top) == [ALL_MODES[mode]().qr_payload]
    assert "扫码核验" in pdf_pages(rendered[mode])[0]


def test_wet_ink_mode_has_lines_and_a_fingerprint_box_per_party(rendered: dict[str, Path]) -> None:
    text = pdf_text(rendered["cash"])
    doc = samples.cash_doc()
    assert text.count("指印") == len(doc.parties)
    assert text.count("签字：_____") == len(doc.parties) and "经办人：_____" in text
    assert text.count("日期：______年____月____日") == len(doc.parties) + 1
    assert pdf_images(rendered["cash"]) == []


def test_signature_mode_embeds_the_images_with_names_and_dates(rendered: dict[str, Path]) -> None:
    doc = samples.signed(samples.cash_doc())
    images = [i for i in pdf_images(rendered["signed_copy"]) if i["type"] == "image"]
    assert len(images) == len(doc.signatures)
    text = squash(pdf_text(rendered["signed_copy"]))
    for sig in doc.signatures:
        assert f"{sig.name}2023年6月12日" in text
    assert "指印" not in text  # everyone signed: no wet-ink boxes left


def test_a_party_without_captured_signature_still_gets_wet_ink_lines(tmp_path: Path) -> None:
    doc = samples.signed(samples.cash_doc())
    doc = dataclasses.replace(doc, signatures=tuple(s for s in doc.signatures if s.name != "李秀英"))
    render_agreement(doc, tmp_path / "a.pdf")
    assert pdf_text(tmp_path / "a.pdf").count("指印") == 1
    assert len([i for i in pdf_images(tmp_path / "a.pdf") if i["type"] == "image"]) == 2


def test_reprint_is_marked_copy_and_original_is_not(rendered: dict[str, Path]) -> None:
    pages = pdf_pages(rendered["signed_copy"])
    assert all("副本" in page for page in pages)
    assert "副本" not in pdf_text(rendered["cash"])


def test_long_itemised_table_spans_pages_with_repeated_header(tmp_path: Path) -> None:
    doc = samples.long_doc(40)
    render_agreement(doc, tmp_path / "long.pdf")
    pages = pdf_pages(tmp_path / "long.pdf")
    first = next(i for i, p in enumerate(pages) if "第1项" in p)
    last = next(i for i, p in enumerate(pages) if "第40项" in p)
    assert last > first
    for page in pages[first:last + 1]:
        assert "序号" in page and "计算方式" in page and "金额（元）" in page
    text = "".join(pages)
    assert all(format_yuan(line.amount) in text for line in doc.lines)
    assert format_yuan(doc.total) in text


def test_calculation_sheet_has_title_note_and_no_qr(tmp_path: Path) -> None:
    doc = dataclasses.replace(samples.exchange_doc(), qr_payload="", number="CALC-0017-02")
    render_calculation_sheet(doc, tmp_path / "sheet.pdf")
    text = pdf_text(tmp_path / "sheet.pdf")
    assert "补偿测算单" in text and "本测算单仅供参考，以签订的协议为准" in squash(text)
    assert "扫码核验" not in text and decode_qr(page_png(tmp_path / "sheet.pdf", dpi=100)) == []
    assert doc.upper in text and format_yuan(doc.total) in text and "测算编号：CALC-0017-02" in text
    assert f"模板 {TEMPLATE_VERSIONS['calculation_sheet']}" in text


def test_calculation_sheet_prints_a_qr_when_given_one(tmp_path: Path) -> None:
    render_calculation_sheet(samples.cash_doc(), tmp_path / "sheet.pdf")
    assert decode_qr(page_png(tmp_path / "sheet.pdf", dpi=150)) == [samples.QR_PAYLOAD]


def test_stream_output_and_same_document_gives_same_bytes() -> None:
    first, second = io.BytesIO(), io.BytesIO()
    render_agreement(samples.exchange_doc(), first)
    render_agreement(samples.exchange_doc(), second)
    assert first.getvalue().startswith(b"%PDF-") and first.getvalue() == second.getvalue()


def test_a_failed_render_leaves_no_partial_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "agreement.pdf"
    target.write_bytes(b"the earlier, complete print")

    def explode(*_args, **_kwargs):
        raise RuntimeError("power cut while writing")

    # draw_page_end runs inside canvas.save(), after the pages were laid out into the temp file's writer
    monkeypatch.setattr("survey_app.core.documents.page.draw_page_end", explode)
    with pytest.raises(RuntimeError, match="power cut"):
        render_agreement(samples.cash_doc(), target)
    assert target.read_bytes() == b"the earlier, complete print"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["agreement.pdf"]
    with pytest.raises(RuntimeError):
        render_agreement(samples.cash_doc(), tmp_path / "new.pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["agreement.pdf"]


def test_agreement_without_qr_payload_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="qr_payload"):
        render_agreement(samples.cash_doc(qr_payload=""), tmp_path / "a.pdf")
    assert list(tmp_path.iterdir()) == []


def test_markup_characters_in_data_print_as_typed(tmp_path: Path) -> None:
    doc = samples.cash_doc(address="古稻田路17号<附2栋> & 后院", notes=("门面租约于2023年7月到期 {见附件}",))
    render_agreement(doc, tmp_path / "a.pdf")
    text = pdf_text(tmp_path / "a.pdf")
    assert "古稻田路17号<附2栋>&后院" in squash(text) and "{见附件}" in squash(text)


def test_a_household_sheet_prints_the_household_once_then_each_option(tmp_path: Path) -> None:
    from survey_app.core.documents import render_calculation_sheets

    docs = [dataclasses.replace(make(), qr_payload="") for make in (samples.cash_doc, samples.exchange_doc,
                                                                    samples.voucher_doc)]
    render_calculation_sheets(docs, tmp_path / "sheet.pdf", number="SLC-02-0017-20230701")
    pages = pdf_pages(tmp_path / "sheet.pdf")
    text = squash("".join(pages))
    assert len(pages) <= len(docs) + 1  # one page per option at most, plus the household's
    assert text.count(samples.OWNER.id_number) == 1 and text.count("房屋部位") == 1  # owners and house once
    assert text.count("补偿测算单") == 1 and "测算编号：SLC-02-0017-20230701" in text
    assert "各安置方案测算结果" in text and "共3个方案" in text
    starts = [text.index(squash(f"方案{n}：{d.option_label}")) for n, d in zip("一二三", docs)]
    starts.append(text.index("说明", starts[-1]))
    assert starts == sorted(starts)
    for n, doc in enumerate(docs):
        section = text[starts[n]:starts[n + 1]]
        assert format_yuan(doc.total) in section and doc.upper in section
    assert "其中：计入房票（面额，只能用于购房）" in text[starts[2]:]
