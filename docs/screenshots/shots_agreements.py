"""Screenshots of the agreement UI — called from make_screenshots.py, or run alone:

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/shots_agreements.py \
        --db /tmp/shots.sqlite3 [--lang en] [--out docs/screenshots]

``grab(db, worker, reviewer, runner, out_dir, lang)`` brings a surveyed demo household to 已测算
(货币补偿), issues and prints an agreement (to a PDF file, never a real printer), has the supervisor
void it and issues it again, so agreement-dialog.png shows a live agreement over its voided
predecessor; signature-pad.png is the pad with a signature drawn; verify.png checks the printed PDF.
``-en`` goes before the suffix when ``lang == "en"``. Note: this writes to the database.
"""

from __future__ import annotations

import math
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))


def _calculated_household(db, worker, reviewer) -> str:
    from survey_app.core.services import calculations, households, workflow
    from survey_app.core.services.households import HouseholdFilter

    for key in households.search_keys(db, HouseholdFilter(status="surveyed")):
        d = households.get_detail(db, key)
        if d.appraisals and d.surveyed_by != reviewer.username:
            workflow.approve(db, reviewer, d.id)
            calculations.calculate(db, worker, d.id)
            calculations.choose_option(db, worker, d.id, "cash")
            workflow.mark_calculated(db, worker, d.id)
            return d.id
    raise SystemExit("no surveyed, appraised household left in this database: make a fresh demo")


def _write_name(pad) -> None:
    """Three loopy 'characters' drawn as pen strokes with varying pressure (a stand-in signature)."""
    from PySide6.QtCore import QPointF

    w, h = pad.width(), pad.height()
    for k in range(3):
        x0 = w * (0.2 + 0.22 * k)
        pad._begin(QPointF(x0, h * 0.45), 2.0)
        for i in range(1, 60):
            t = i / 59
            x = x0 + t * w * 0.16 + 14 * math.sin(t * 9 + k)
            y = h * 0.45 + h * 0.18 * math.sin(t * 6.5 + k * 1.3) - 20 * t
            pad._extend(QPointF(x, y), 2.0 + 2.2 * math.sin(t * math.pi))
        pad._end()
    pad._begin(QPointF(w * 0.18, h * 0.66), 2.5)
    pad._extend(QPointF(w * 0.5, h * 0.63), 3.2)
    pad._extend(QPointF(w * 0.84, h * 0.6), 1.6)
    pad._end()


def grab(db, worker, reviewer, runner, out_dir: Path, lang: str) -> list[Path]:
    """Save agreement-dialog.png, signature-pad.png and verify.png (``-en`` for English) into ``out_dir``."""
    from PySide6.QtPrintSupport import QPrinter
    from shots_pages import _settle, _wait

    from survey_app.core.services.agreements import lifecycle
    from survey_app.ui.agreements import printing
    from survey_app.ui.agreements.agreement_dialog import AgreementDialog
    from survey_app.ui.agreements.verify_dialog import VerifyDialog

    suffix = "" if lang == "zh_CN" else "-en"
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="shots-agreement-"))
    saved: list[Path] = []

    hid = _calculated_household(db, worker, reviewer)
    first = lifecycle.prepare(db, worker, hid)
    lifecycle.record_print(db, worker, first.id, 4)
    lifecycle.void(db, reviewer, first.id, "被征收人对面积有异议，重新测量后另行出具" if lang == "zh_CN"
                   else "The owner disputes the area; re-measure and issue again")

    setup = printing.PrintSetup()
    setup.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    setup.printer.setOutputFileName(str(tmp / "printed.pdf"))
    dialog = AgreementDialog(db, worker, runner, hid, setup=setup)
    dialog.show()
    _settle()
    dialog.issue()
    _wait(lambda: not runner.busy)
    dialog.print_selected(ask=False)
    _wait(lambda: not runner.busy and dialog.selected() is not None and dialog.selected().status == "printed")
    _settle(300)
    saved.append(_save(dialog, out_dir / f"agreement-dialog{suffix}.png"))

    sign = dialog.open_sign_dialog()
    _settle()
    _write_name(sign.pad)
    sign.confirm_current()
    _settle()
    _write_name(sign.pad)
    _settle(300)
    saved.append(_save(sign, out_dir / f"signature-pad{suffix}.png"))
    sign.reject()
    live = dialog.selected()
    dialog.close()

    from survey_app.core.services.agreements.documents import render_agreement_pdf

    pdf = tmp / f"{live.number}.pdf"
    render_agreement_pdf(db, live.id, pdf)
    verify = VerifyDialog(db, runner)
    verify.show()
    verify.open_file(pdf)
    _wait(lambda: verify.verdict is not None)
    _settle(300)
    saved.append(_save(verify, out_dir / f"verify{suffix}.png"))
    verify.close()
    return saved


def _save(widget, path: Path) -> Path:
    widget.grab().save(str(path))
    print("saved", path)
    return path


def main() -> int:
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--lang", default="zh_CN", choices=("zh_CN", "en"))
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from survey_app.core.services import devices, startup, users
    from survey_app.ui import i18n
    from survey_app.ui.fonts import install_app_font
    from survey_app.ui.task_runner import TaskRunner

    app = QApplication(sys.argv[:1])
    install_app_font(app)
    i18n.install_translators(app, args.lang)
    db = startup.open_database(args.db)
    device = devices.local_device_code(db)
    worker = users.login(db, "worker", "worker123", device=device)
    reviewer = users.login(db, "reviewer", "review123", device=device)
    runner = TaskRunner()
    try:
        grab(db, worker, reviewer, runner, args.out, args.lang)
    finally:
        runner.shutdown()
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
