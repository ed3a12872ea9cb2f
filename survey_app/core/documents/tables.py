"""The tables that replace a template's ``[[block]]`` markers: parties, house, compensation, flats.

Cells that never wrap (ID numbers, amounts, areas) are plain strings — far cheaper for reportlab than
Paragraphs, and an ID number or amount is never broken across lines, so pdftotext reads it back whole.
Labels and formulas, which can be long, are Paragraphs that wrap inside their column. Long tables
split across pages with the header row repeated (``repeatRows``).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from survey_app.core.documents import article25
from survey_app.core.documents.fonts import font_name
from survey_app.core.documents.model import AgreementDoc, AmountLine
from survey_app.core.documents.placeholders import DASH, area_text, chinese_date, money_text, share_text
from survey_app.core.documents.styles import GRID, HEAD_FILL, TOTAL_FILL, VOUCHER_FILL, styles
from survey_app.core.documents.wording import formula_words
from survey_app.core.domain.money import format_area

CONTENT_WIDTH = 170 * mm  # A4 portrait less 2 × 20 mm margins


def grid_table(rows: Sequence[Sequence[object]], widths: Sequence[float], *, header_rows: int = 1,
               extra: Sequence[tuple] = (), right_cols: Sequence[int] = (),
               row_heights: Sequence[float] | None = None) -> Table:
    """A ruled table in the document font; the first ``header_rows`` rows are shaded and repeat on
    every page the table spans."""
    commands: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), font_name(), 9, 12),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header_rows:
        commands += [("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_FILL),
                     ("ALIGN", (0, 0), (-1, header_rows - 1), "CENTER")]
    for col in right_cols:
        commands.append(("ALIGN", (col, header_rows), (col, -1), "RIGHT"))
    commands.extend(extra)
    table = Table(rows, colWidths=list(widths), rowHeights=row_heights, repeatRows=header_rows, hAlign="CENTER")
    table.setStyle(TableStyle(commands))
    return table


def para(text: str, style_name: str = "cell") -> Paragraph:
    """A wrapping cell; ``text`` is plain text (escaped here)."""
    return Paragraph(escape(text), getattr(styles(), style_name))


def parties_table(doc: AgreementDoc) -> Table:
    """被征收人: role, name, citizen ID number, phone."""
    rows: list[list[object]] = [["身份", "姓名", "公民身份号码", "联系电话"]]
    for party in doc.parties:
        rows.append([party.role, para(party.name), party.id_number, party.phone or DASH])
    return grid_table(rows, [32 * mm, 40 * mm, 58 * mm, 40 * mm],
                      extra=[("ALIGN", (0, 1), (0, -1), "CENTER")])


def house_table(doc: AgreementDoc) -> list[Flowable]:
    """Certificates (number, owner, share), building parts (use, structure, legality, area) and the
    areas by legality."""
    out: list[Flowable] = []
    if doc.certificates:
        rows: list[list[object]] = [["权属证书", "证号", "权利人", "份额"]]
        for cert in doc.certificates:
            rows.append([para(cert.kind), para(cert.number), para(cert.owner), share_text(cert.share)])
        out += [grid_table(rows, [40 * mm, 70 * mm, 40 * mm, 20 * mm], right_cols=(3,)), Spacer(1, 2 * mm)]
    rows = [["序号", "房屋部位", "用途", "结构", "性质认定", "面积（m²）"]]
    total_area = sum((p.area for p in doc.parts), start=Decimal(0))
    for n, part in enumerate(doc.parts, start=1):
        rows.append([str(n), para(part.label), part.use, part.structure, part.legality, format_area(part.area)])
    rows.append(["", "合计", "", "", "", format_area(total_area)])
    out.append(grid_table(rows, [12 * mm, 58 * mm, 22 * mm, 24 * mm, 30 * mm, 24 * mm], right_cols=(5,),
                          extra=[("ALIGN", (0, 1), (0, -1), "CENTER"),
                                 ("BACKGROUND", (0, -1), (-1, -1), TOTAL_FILL)]))
    if doc.area_by_legality:
        summary = "；".join(f"{label} {area_text(area)}" for label, area in doc.area_by_legality)
        out += [Spacer(1, 1.5 * mm), para(f"面积认定：{summary}。", "body_flush")]
    return out


def _unsigned(formula: str) -> str:
    """A flat-price formula without its minus signs: the table already says it is a price paid."""
    return formula.removeprefix("−").replace("；−", "；").replace("= −", "= ")


def _line_rows(lines: Sequence[AmountLine], start: int, absolute: bool = False) -> list[list[object]]:
    return [[str(n), para(line.label),
             para(formula_words(_unsigned(line.formula) if absolute else line.formula) or DASH),
             money_text(abs(line.amount) if absolute else line.amount)]
            for n, line in enumerate(lines, start=start)]


_AMOUNT_WIDTHS = [12 * mm, 52 * mm, 76 * mm, 30 * mm]


def has_flat_part(doc: AgreementDoc) -> bool:
    """Whether the document settles a resettlement flat (exchange) against the compensation."""
    return bool(doc.flats) or any(line.section == "flat" for line in doc.lines)


def compensation_table(doc: AgreementDoc) -> Table:
    """Itemised compensation: one row per line with its formula, then 合计 (and, without a flat,
    the settlement and the amount in words)."""
    items = [line for line in doc.lines if line.section != "flat"]
    rows: list[list[object]] = [["序号", "补偿项目", "计算方式", "金额（元）"]]
    rows += _line_rows(items, 1)
    rows.append(["", "补偿合计", "", money_text(doc.total)])
    extra: list[tuple] = [("ALIGN", (0, 1), (0, -1), "CENTER"),
                          ("SPAN", (1, len(rows) - 1), (2, len(rows) - 1)),
                          ("BACKGROUND", (0, len(rows) - 1), (-1, -1), TOTAL_FILL)]
    t = doc.terms
    if doc.template == "voucher" and t.voucher_face is not None:
        # A voucher is not money: its face value and the cash part are separate, shaded rows.
        first = len(rows)
        rows.append(["", "其中：计入房票（面额，只能用于购房）", "", money_text(t.voucher_face)])
        rows.append(["", "其中：现金支付", "", money_text(t.voucher_cash or Decimal(0))])
        extra += [("SPAN", (1, first), (2, first)), ("SPAN", (1, first + 1), (2, first + 1)),
                  ("BACKGROUND", (0, first), (-1, first + 1), VOUCHER_FILL)]
        rows.append(["", "大写", para(doc.upper), ""])
        extra.append(("SPAN", (2, len(rows) - 1), (3, len(rows) - 1)))
    elif not has_flat_part(doc):
        if doc.net != doc.total:
            rows.append(["", doc.net_label, "", money_text(abs(doc.net))])
            extra.append(("SPAN", (1, len(rows) - 1), (2, len(rows) - 1)))
        rows.append(["", "大写", para(doc.upper), ""])
        extra.append(("SPAN", (2, len(rows) - 1), (3, len(rows) - 1)))
    return grid_table(rows, _AMOUNT_WIDTHS, right_cols=(3,), extra=extra)


def flat_table(doc: AgreementDoc) -> list[Flowable]:
    """Resettlement flats and their price lines, then compensation − flat price = settlement, in words.

    Empty for cash and voucher agreements, so one template block serves every mode.
    """
    if not has_flat_part(doc):
        return []
    rows: list[list[object]] = [["序号", "安置房 / 计价项目", "面积与计价方式", "金额（元）"]]
    for n, flat in enumerate(doc.flats, start=1):
        rows.append([str(n), para(flat.label), para(f"建筑面积 {area_text(flat.area)}；{formula_words(_unsigned(flat.price_text))}"),
                     money_text(abs(flat.amount))])
    extra: list[tuple] = [("ALIGN", (0, 1), (0, -1), "CENTER")]
    price_lines = [line for line in doc.lines if line.section == "flat"]
    if price_lines:
        rows.append(["", "购房款计价明细", "", ""])
        extra += [("SPAN", (1, len(rows) - 1), (3, len(rows) - 1)),
                  ("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), TOTAL_FILL)]
        rows += [["", *row[1:]] for row in _line_rows(price_lines, 1, absolute=True)]
    summary = [("安置房购房款合计", money_text(abs(doc.flat_total))), ("补偿合计", money_text(doc.total)),
               (f"结算：{doc.net_label}", money_text(abs(doc.net)))]
    first = len(rows)
    for label, amount in summary:
        rows.append(["", label, "", amount])
        extra.append(("SPAN", (1, len(rows) - 1), (2, len(rows) - 1)))
    rows.append(["", "大写", para(doc.upper), ""])
    extra += [("SPAN", (2, len(rows) - 1), (3, len(rows) - 1)),
              ("BACKGROUND", (0, first), (-1, -1), TOTAL_FILL)]
    return [grid_table(rows, _AMOUNT_WIDTHS, right_cols=(3,), extra=extra)]


def sheet_info_table(doc: AgreementDoc, owner_names: str, digest: str) -> Table:
    """The calculation sheet's heading facts: number, household, owners, address, policy, dates."""
    policy = doc.policy_version or DASH
    if doc.policy_hash:
        policy += f"（{doc.policy_hash[:12]}）"
    rows = [
        ["测算编号", doc.number, "户号", doc.household_code],
        ["被征收人", para(owner_names), "测算日期", chinese_date(doc.printed_at) if doc.printed_at else DASH],
        ["房屋坐落", para(doc.address), "", ""],
        ["补偿方案", para(policy), "价值时点", chinese_date(doc.valuation_date) if doc.valuation_date else DASH],
        ["征收决定", para(doc.decision_no), "内容摘要", digest],
    ]
    return grid_table(rows, [22 * mm, 68 * mm, 22 * mm, 58 * mm], header_rows=0,
                      extra=[("SPAN", (1, 2), (3, 2)),
                             ("BACKGROUND", (0, 0), (0, -1), HEAD_FILL),
                             ("BACKGROUND", (2, 0), (2, 1), HEAD_FILL),
                             ("BACKGROUND", (2, 3), (2, -1), HEAD_FILL)])


def terms_table(doc: AgreementDoc) -> Table:
    """《条例》第二十五条 in one table: each element and what it is for this household."""
    rows: list[list[object]] = [["协议事项", "约定内容"]]
    rows += [[para(label), para(text)] for label, text in article25.rows(doc)]
    return grid_table(rows, [38 * mm, CONTENT_WIDTH - 38 * mm],
                      extra=[("BACKGROUND", (0, 1), (0, -1), HEAD_FILL)])
