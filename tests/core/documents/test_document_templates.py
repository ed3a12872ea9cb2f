"""Templates are versioned text resources: every one loads, uses known placeholders and blocks, and a
malformed or missing template fails loudly at load time instead of printing a wrong agreement."""

from __future__ import annotations

from pathlib import Path

import pytest

from survey_app.core.documents import TEMPLATE_VERSIONS
from survey_app.core.documents.agreement_pdf import chinese_ordinal
from survey_app.core.documents.templates import (
    TEMPLATE_DIR,
    TemplateError,
    load_template,
    load_template_file,
    parse_text,
)

EXPECTED_FILES = ["agreement_cash_v1.toml", "agreement_cash_v2.toml", "agreement_cash_v3.toml",
                  "agreement_exchange_v1.toml", "agreement_exchange_v2.toml", "agreement_exchange_v3.toml",
                  "agreement_voucher_v1.toml", "agreement_voucher_v2.toml", "agreement_voucher_v3.toml",
                  "calculation_sheet_v1.toml", "calculation_sheet_v2.toml", "calculation_sheet_v3.toml"]


def test_the_four_templates_ship_with_their_versions() -> None:
    assert sorted(p.name for p in TEMPLATE_DIR.glob("*.toml")) == EXPECTED_FILES
    assert TEMPLATE_VERSIONS == {"calculation_sheet": "calculation_sheet-v3", "cash": "cash-v3",
                                 "exchange": "exchange-v3", "voucher": "voucher-v3"}


@pytest.mark.parametrize("name", ["cash", "exchange", "voucher"])
def test_agreements_have_the_usual_sections_and_blocks(name: str) -> None:
    template = load_template(name)
    headings = [a.heading for a in template.articles]
    for required in ("征收依据", "被征收房屋基本情况", "补偿方式", "补偿金额", "违约责任", "争议解决", "协议份数与生效"):
        assert required in headings
    blocks = {b.value for part in (template.preamble, template.ending, *(a.blocks for a in template.articles))
              for b in part if b.kind == "block"}
    assert {"parties", "house_table", "compensation_table", "signatures"} <= blocks
    assert ("flat_table" in blocks) == (name == "exchange")


def test_unknown_version_is_an_error_not_a_fallback() -> None:
    assert load_template("cash", "cash-v1").version == "cash-v1"
    with pytest.raises(TemplateError, match="cash-v9"):
        load_template("cash", "cash-v9")
    with pytest.raises(TemplateError):
        load_template("lease")


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "t.toml"
    path.write_text('format = 1\nname = "cash"\nversion = "cash-v2"\nkind = "agreement"\ntitle = "协议"\n' + body,
                    encoding="utf-8")
    return path


def test_unknown_placeholder_or_block_is_refused(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="owner_nmae"):
        load_template_file(_write(tmp_path, 'preamble = "乙方：{owner_nmae}"\n'))
    with pytest.raises(TemplateError, match="house_tabel"):
        load_template_file(_write(tmp_path, 'preamble = "[[house_tabel]]"\n'))


def test_key_after_an_article_header_is_refused(tmp_path: Path) -> None:
    # TOML files `ending` under the last [[article]]: it would silently vanish from the print.
    body = '[[article]]\nheading = "征收依据"\ntext = "文"\nending = "[[signatures]]"\n'
    with pytest.raises(TemplateError, match="article.ending"):
        load_template_file(_write(tmp_path, body))


def test_text_rules_paragraphs_flush_lines_and_markers() -> None:
    blocks = parse_text("第一段第一行\n第一段第二行\n\n|甲方：{authority}\n|乙方：{owner_names}\n\n[[parties]]\n")
    assert [(b.kind, b.value) for b in blocks] == [
        ("text", "第一段第一行第一段第二行"), ("flush", "甲方：{authority}"), ("flush", "乙方：{owner_names}"),
        ("block", "parties")]


def test_article_numbers_in_chinese() -> None:
    assert [chinese_ordinal(n) for n in (1, 9, 10, 11, 12, 20, 35)] == ["一", "九", "十", "十一", "十二", "二十", "三十五"]


@pytest.mark.parametrize("name", ["cash", "exchange", "voucher"])
def test_article_references_in_the_text_point_at_the_right_article(name: str) -> None:
    # Article numbers are automatic but cross-references are plain text: moving an article must fail here.
    import re

    template = load_template(name)
    numbers = {f"第{chinese_ordinal(n)}条": a.heading for n, a in enumerate(template.articles, start=1)}
    expected = {"补偿金额", "产权调换房屋及差价", "房票与现金部分"}  # the only articles the wording refers to
    # "《条例》第二十五条" cites the law, not this agreement.
    refs = [ref for a in template.articles for b in a.blocks
            for ref in re.findall(r"(?<!》)第[一二三四五六七八九十]+条", b.value)]
    assert (refs or name == "cash") and all(numbers.get(ref) in expected for ref in refs), [(r, numbers.get(r)) for r in refs]
