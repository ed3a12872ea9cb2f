"""Agreement PDF, warm: milliseconds per agreement (budget 60 ms, DESIGN §8), beside bare reportlab.

``python -m bench agreement_pdf [--json] [--iterations N] [--warmup N] [--households N]``

Two paths, each interleaved render by render with a *bare* render of the same content:

* **document** — ``render_agreement`` of the realistic cash agreement of
  tests/core/documents/document_samples.py (two owners, 12 lines, wet-ink signature page, 3 pages);
* **database** — ``render_agreement_pdf(db, agreement_id, out)``, the call the agreement dialog makes
  (read the agreement, its calculation and household, build the document, render), for cash agreements
  of real demo households prepared (``lifecycle.prepare``: number, signed QR payload) on a copy of the
  cached demo database before the timer.

The *bare* render draws the same paragraphs (already filled in), the same tables and the same QR with
plain reportlab platypus — one style sheet, SimpleDocTemplate, a page-number footer — and none of the
template machinery (no template parsing or placeholder filling, no numbered-canvas second pass, no
faux-bold, no copy marks). Both draw the QR through the same fixed-version path (``qr_image``: version
10-M, mask 0, vector runs) and both caches of that path are cleared before every render, ours or bare:
each render builds its QR once, as a freshly issued agreement does (every payload is new). Renders
alternate ours/bare (and which goes first alternates too), so load on the shared machine hits both alike.
The first render of the process (font registration, template parsing, imports) is reported apart;
``--warmup`` renders of each kind follow, untimed. Figures are medians (p95 also given).
"""

from __future__ import annotations

import dataclasses
import importlib.util
import io
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench.figures import Figure, percentile

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "tests" / "core" / "documents" / "document_samples.py"
BUDGET_MS = 60.0
# The smoke run (tests/bench): every path and figure, two timed renders each, two prepared agreements
SMOKE = ["--iterations", "2", "--warmup", "1", "--households", "60", "--agreements", "2"]


def add_arguments(parser) -> None:
    """Options: timed iterations, warm-up renders, demo database size for the database path."""
    parser.add_argument("--iterations", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--households", type=int, default=500,
                        help="demo database for the database path (≤ 5000: the demo calculates those)")
    parser.add_argument("--agreements", type=int, default=20, help="agreements prepared for the database path")


def _samples():
    # The hand-built documents the renderer tests use: one realistic agreement for tests and bench.
    spec = importlib.util.spec_from_file_location("document_samples", SAMPLES)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _payload(base: str, n: int) -> str:
    return f"{base[:-6]}{n:06d}"


def _fresh_qr() -> None:
    """Forget every QR built so far: the next render builds its own, whoever renders it."""
    from survey_app.core.documents import qr

    qr.qr_matrix.cache_clear()
    qr._cached_runs.cache_clear()


def _once(render) -> float:
    _fresh_qr()
    start = time.perf_counter()
    render()
    return (time.perf_counter() - start) * 1000


def _interleaved(ours: list, bare: list, warmup: int) -> tuple[list[float], list[float]]:
    """Time ``ours[i]()`` and ``bare[i]()`` alternately (who goes first alternates too); warm-ups untimed."""
    ours_ms, bare_ms = [], []
    for i, (a, b) in enumerate(zip(ours, bare)):
        if i % 2:
            tb, ta = _once(b), _once(a)
        else:
            ta, tb = _once(a), _once(b)
        if i >= warmup:
            ours_ms.append(ta)
            bare_ms.append(tb)
    return ours_ms, bare_ms


def _database_path(args, iterations: int) -> tuple[list[float], list[float]]:
    """Interleave render_agreement_pdf of prepared demo agreements with the bare render of their content."""
    import uuid

    from bench.common import demo_database
    from survey_app.core.compensation.calculation import Calculation as Result
    from survey_app.core.services import devices, users
    from survey_app.core.services.agreements.documents import _policy, _terms, build_doc, render_agreement_pdf
    from survey_app.core.services.agreements.lifecycle import prepare
    from survey_app.core.storage.database import Database
    from survey_app.core.storage.models import Agreement, Calculation, Household

    source, _ = demo_database(args.households)
    with tempfile.TemporaryDirectory(prefix="agreement_pdf_") as tmp:
        path = Path(tmp) / "project.sqlite3"
        shutil.copyfile(source, path)  # prepare() writes agreements: the shared cache stays untouched
        db = Database(path)
        actor = users.login(db, "worker", "worker123", device=devices.local_device_code(db))
        with db.engine.connect() as conn:
            ids = [r[0] for r in conn.exec_driver_sql(
                "SELECT id FROM households WHERE status = 'calculated' AND chosen_option = 'cash'"
                " AND deleted_at IS NULL ORDER BY household_code LIMIT ?", (max(1, args.agreements),))]
        if not ids:
            raise SystemExit(f"no calculated cash household in the {args.households}-household demo "
                             "(the demo calculates up to 5000 households)")
        agreements, bare_docs = [], []
        for hid in ids:
            info = prepare(db, actor, uuid.UUID(bytes=hid) if isinstance(hid, bytes) else hid)
            with db.read() as s:  # the same content, built as render_agreement_pdf builds it
                a = s.get(Agreement, uuid.UUID(str(info.id)))
                calc = s.get(Calculation, a.calculation_id)
                doc = build_doc(s, s.get(Household, a.household_id), Result.from_json(calc.result_json),
                                number=a.number, template_version=a.template_version, qr_payload=a.qr_payload,
                                terms=_terms(s, calc), policy=_policy(s, calc))
            agreements.append(info.id)
            bare_docs.append(dataclasses.replace(doc, content_hash=a.content_hash))
        bares = [_BareAgreement(d) for d in bare_docs]
        ours, bare = [], []
        for i in range(args.warmup + iterations):
            aid, b, d = agreements[i % len(agreements)], bares[i % len(bares)], bare_docs[i % len(bare_docs)]
            ours.append(lambda aid=aid: render_agreement_pdf(db, aid, io.BytesIO()))
            bare.append(lambda b=b, d=d: b.render(d, io.BytesIO()))
        result = _interleaved(ours, bare, args.warmup)
        db.dispose()
    return result


def run(args) -> list[Figure]:
    """Time render_agreement beside the bare reportlab equivalent, on a sample and through the database."""
    samples = _samples()
    base = samples.cash_doc()
    n_warm, n_iter = max(0, args.warmup), max(1, args.iterations)
    docs = [dataclasses.replace(base, qr_payload=_payload(base.qr_payload, i)) for i in range(n_warm + n_iter + 1)]
    bare_docs = [dataclasses.replace(base, qr_payload=_payload(base.qr_payload, 1000 + i))
                 for i in range(n_warm + n_iter)]

    from survey_app.core.documents import render_agreement

    first_ms = _once(lambda: render_agreement(docs[-1], io.BytesIO()))  # cold: fonts, template, imports
    bare = _BareAgreement(base)
    bare_first_ms = _once(lambda: bare.render(bare_docs[0], io.BytesIO()))  # its own first (fonts already in)
    ours, theirs = _interleaved([lambda d=d: render_agreement(d, io.BytesIO()) for d in docs[:-1]],
                                [lambda d=d: bare.render(d, io.BytesIO()) for d in bare_docs], n_warm)

    signed = samples.signed(base)
    signed_docs = [dataclasses.replace(signed, qr_payload=_payload(base.qr_payload, 500 + i))
                   for i in range(n_warm + n_iter)]
    ours_signed, _ = _interleaved([lambda d=d: render_agreement(d, io.BytesIO()) for d in signed_docs],
                                  [lambda d=d: bare.render(d, io.BytesIO()) for d in bare_docs], n_warm)

    db_ours, db_bare = _database_path(args, n_iter)

    ours_ms, bare_ms = statistics.median(ours), statistics.median(theirs)
    db_ms, db_bare_ms = statistics.median(db_ours), statistics.median(db_bare)
    return [
        Figure("agreement_pdf_warm_ms", ours_ms, "ms", budget=BUDGET_MS, baseline=bare_ms,
               baseline_label="bare reportlab"),
        Figure("agreement_pdf_warm_p95_ms", percentile(ours, 95), "ms", budget=BUDGET_MS,
               baseline=percentile(theirs, 95), baseline_label="bare reportlab p95"),
        Figure("agreement_pdf_database_ms", db_ms, "ms", budget=BUDGET_MS, baseline=db_bare_ms,
               baseline_label="bare reportlab, same content"),
        Figure("agreement_pdf_signed_3_images_warm_ms", statistics.median(ours_signed), "ms", budget=BUDGET_MS,
               baseline=ours_ms, baseline_label="same agreement unsigned"),
        Figure("agreement_pdf_first_ms", first_ms, "ms", baseline=bare_first_ms,
               baseline_label="bare reportlab's first render (fonts already registered)"),
    ]


class _BareAgreement:
    """The same agreement content with plain reportlab: what a hand-written one-off script would do."""

    def __init__(self, doc) -> None:
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

    def render(self, doc, out) -> None:
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.units import mm
        from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

        from survey_app.core.documents.qr import qr_image
        from survey_app.core.domain.money import format_yuan

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
        story = [Table([["", Paragraph("房屋征收补偿协议", self.title), qr_image(doc.qr_payload)]],
                       colWidths=[38 * mm, 94 * mm, 38 * mm])]
        for kind, text in self.texts:
            if kind == "heading":
                story.append(Paragraph(text, self.head))
            elif kind == "text":
                story.append(Paragraph(text, self.body))
            elif kind in tables:
                story.append(Table(tables[kind], repeatRows=1, style=grid))
        story.append(Table([["甲方（盖章）：", "乙方（签字）：", "指印"]], style=grid))

        def footer(canv, d) -> None:
            canv.setFont(self.font, 8)
            canv.drawCentredString(A4[0] / 2, 11 * mm, f"第 {d.page} 页")
            canv.drawString(20 * mm, A4[1] - 13 * mm, doc.project_name)

        SimpleDocTemplate(out, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=22 * mm,
                          bottomMargin=20 * mm, invariant=1).build(story, onFirstPage=footer, onLaterPages=footer)
