"""Agreement PDF, warm: milliseconds per agreement (budget 60 ms, DESIGN §8), against bare reportlab.

``python -m bench agreement_pdf [--json] [--iterations N] [--warmup N]``

Renders the realistic cash agreement of tests/core/documents/document_samples.py (two owners, 12 lines,
wet-ink signature page, 3 pages) into memory: ``--warmup`` renders first (font registration, template
parsing, reportlab's own caches), then ``--iterations`` timed renders. Every render gets a different QR
payload, as real agreements do, so the QR cache never flatters the figure.

In the same run a *bare* document is timed: the same paragraphs (already filled in), the same tables and
the same QR drawn with plain reportlab platypus — one style sheet, SimpleDocTemplate, a page-number
footer, the QR as a PNG image from qrcode at the same fixed version — with none of the template machinery
(no template parsing or placeholder filling, no numbered-canvas second pass, no faux-bold, no copy marks).
The ratio shows what the machinery costs over reportlab itself. Figures are medians (p95 also given).
"""

from __future__ import annotations

import dataclasses
import importlib.util
import io
import statistics
import time
from pathlib import Path

from bench.figures import Figure, percentile

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "tests" / "core" / "documents" / "document_samples.py"
BUDGET_MS = 60.0


def add_arguments(parser) -> None:
    """Options: timed iterations and warm-up renders."""
    parser.add_argument("--iterations", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=3)


def _samples():
    # The hand-built documents the renderer tests use: one realistic agreement for tests and bench.
    spec = importlib.util.spec_from_file_location("document_samples", SAMPLES)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _payload(base: str, n: int) -> str:
    return f"{base[:-6]}{n:06d}"


def _time(render, docs) -> list[float]:  # noqa: ANN001
    out = []
    for doc in docs:
        start = time.perf_counter()
        render(doc, io.BytesIO())
        out.append((time.perf_counter() - start) * 1000)
    return out


def run(args) -> list[Figure]:
    """Time render_agreement and the bare reportlab equivalent; report ms per PDF and their ratio."""
    samples = _samples()
    base = samples.cash_doc()
    n_warm, n_iter = max(0, args.warmup), max(1, args.iterations)
    docs = [dataclasses.replace(base, qr_payload=_payload(base.qr_payload, i)) for i in range(n_warm + n_iter)]

    from survey_app.core.documents import render_agreement

    start = time.perf_counter()
    render_agreement(docs[0], io.BytesIO())
    first_ms = (time.perf_counter() - start) * 1000
    _time(render_agreement, docs[1:n_warm])
    ours = _time(render_agreement, docs[n_warm:])

    signed = samples.signed(base)
    signed_docs = [dataclasses.replace(signed, qr_payload=_payload(base.qr_payload, 500 + i)) for i in range(n_iter)]
    _time(render_agreement, signed_docs[:n_warm])
    ours_signed = _time(render_agreement, signed_docs)

    bare = _BareAgreement(base)
    bare_docs = [dataclasses.replace(base, qr_payload=_payload(base.qr_payload, 1000 + i))
                 for i in range(n_warm + n_iter)]
    _time(bare.render, bare_docs[:n_warm])
    theirs = _time(bare.render, bare_docs[n_warm:])

    ours_ms, bare_ms = statistics.median(ours), statistics.median(theirs)
    return [
        Figure("agreement_pdf_warm_ms", ours_ms, "ms (median)"),
        Figure("agreement_pdf_warm_p95_ms", percentile(ours, 95), "ms"),
        Figure("agreement_pdf_signed_warm_ms", statistics.median(ours_signed), "ms (median, 3 signature images)"),
        Figure("agreement_pdf_first_ms", first_ms, "ms (incl. font registration, template parse)"),
        Figure("bare_reportlab_pdf_warm_ms", bare_ms, "ms (median)"),
        Figure("agreement_vs_bare_ratio", ours_ms / bare_ms, "×"),
        Figure("agreement_pdf_budget_ms", BUDGET_MS, "ms"),
    ]


class _BareAgreement:
    """The same agreement content with plain reportlab: what a hand-written one-off script would do."""

    def __init__(self, doc) -> None:  # noqa: ANN001
        from survey_app.core.documents.fonts import font_name
        from survey_app.core.documents.placeholders import fill, placeholder_values
        from survey_app.core.documents.templates import load_template

        # Prepared once, outside the timed loop: the finished wording, as literal strings.
        template = load_template(doc.template, doc.template_version)
        values = placeholder_values(doc)
        self.font = font_name()
        self.texts: list[tuple[str, str]] = []  # (kind, text): kind is heading | text | table name
        for n, article in enumerate([None, *template.articles]):
            if article is not None:
                self.texts.append(("heading", f"第{n}条 {article.heading}"))
            for block in template.preamble if article is None else article.blocks:
                self.texts.append((block.value, "") if block.kind == "block" else ("text", fill(block.value, values)))
        from reportlab.lib.styles import ParagraphStyle

        self.body = ParagraphStyle("b", fontName=self.font, fontSize=10.5, leading=17, wordWrap="CJK")
        self.head = ParagraphStyle("h", parent=self.body, fontSize=11)
        self.title = ParagraphStyle("t", parent=self.body, fontSize=19, leading=26, alignment=1)

    def render(self, doc, out) -> None:  # noqa: ANN001
        import qrcode
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.units import mm
        from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Table, TableStyle

        from survey_app.core.domain.money import format_yuan

        code = qrcode.QRCode(version=10, error_correction=qrcode.constants.ERROR_CORRECT_M, mask_pattern=0,
                             border=4, box_size=4)
        code.add_data(doc.qr_payload, optimize=0)
        code.make(fit=False)
        png = io.BytesIO()
        code.make_image().save(png)
        png.seek(0)
        grid = TableStyle([("FONT", (0, 0), (-1, -1), self.font, 9), ("GRID", (0, 0), (-1, -1), 0.5, "grey")])
        tables = {
            "parties": [["身份", "姓名", "公民身份号码", "联系电话"]]
            + [[p.role, p.name, p.id_number, p.phone] for p in doc.parties],
            "house_table": [["房屋部位", "用途", "结构", "性质认定", "面积"]]
            + [[p.label, p.use, p.structure, p.legality, str(p.area)] for p in doc.parts],
            "compensation_table": [["序号", "补偿项目", "计算方式", "金额（元）"]]
            + [[str(i), Paragraph(ln.label, self.body), Paragraph(ln.formula, self.body), format_yuan(ln.amount)]
               for i, ln in enumerate(doc.lines, 1)] + [["", "补偿合计", "", format_yuan(doc.total)]],
        }
        story = [Table([["", Paragraph("房屋征收补偿协议", self.title), Image(png, 36 * mm, 36 * mm)]],
                       colWidths=[38 * mm, 94 * mm, 38 * mm])]
        for kind, text in self.texts:
            if kind == "heading":
                story.append(Paragraph(text, self.head))
            elif kind == "text":
                story.append(Paragraph(text, self.body))
            elif kind in tables:
                story.append(Table(tables[kind], repeatRows=1, style=grid))
        story.append(Table([["甲方（盖章）：", "乙方（签字）：", "指印"]], style=grid))

        def footer(canv, d) -> None:  # noqa: ANN001
            canv.setFont(self.font, 8)
            canv.drawCentredString(A4[0] / 2, 11 * mm, f"第 {d.page} 页")
            canv.drawString(20 * mm, A4[1] - 13 * mm, doc.project_name)

        SimpleDocTemplate(out, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=22 * mm,
                          bottomMargin=20 * mm, invariant=1).build(story, onFirstPage=footer, onLaterPages=footer)
