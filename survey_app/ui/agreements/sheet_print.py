"""补偿测算单 for the family: preview, print and 另存为 PDF of every option of one household.

The sheet is rendered by core (services.agreements.documents.render_calculation_sheet_pdf) from the
stored calculations; a stale calculation is refused there and the refusal shown in the page's banner.
Rendering and rasterising run on the TaskRunner (PDFium stays on its one worker thread); previews,
printers and file dialogs stay on the GUI thread. Threading: GUI thread only.
"""

from __future__ import annotations

import io
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QWidget

from survey_app.core.services import Database
from survey_app.core.services.agreements.documents import render_calculation_sheet_pdf
from survey_app.ui.agreements import printing
from survey_app.ui.pages.common import MessageBanner
from survey_app.ui.task_runner import TaskRunner


def sheet_pdf(db: Database, household_id: str) -> bytes:
    """The household's calculation sheet as PDF bytes. Worker thread."""
    out = io.BytesIO()
    render_calculation_sheet_pdf(db, household_id, out)
    return out.getvalue()


class SheetPrinter(QObject):
    """Owns the preview of one household's sheet; ``setup`` defaults to the session's printer."""

    def __init__(self, db: Database, runner: TaskRunner, banner: MessageBanner, parent: QWidget,
                 setup: printing.PrintSetup | None = None):
        super().__init__(parent)
        self.db, self.runner, self.banner, self.widget = db, runner, banner, parent
        self.setup = setup or printing.shared_setup()
        self.preview: printing.PreviewDialog | None = None
        self.household_id: str | None = None
        self.code = ""
        self.pdf = b""

    def show_preview(self, household_id: str, household_code: str) -> None:
        """Render the sheet, then open the preview (打印… / 另存为 PDF… from there)."""
        self.household_id, self.code = household_id, household_code
        db = self.db
        self.banner.hide()

        def job(progress, cancel):  # noqa: ANN001, ANN202
            pdf = sheet_pdf(db, household_id)
            return pdf, printing.pdf_pages(pdf, printing.PREVIEW_DPI)

        self.runner.run(job, on_done=self._open, on_error=self._failed,
                        label=self.tr("正在生成测算单…"), cancellable=False)

    def _failed(self, exc: BaseException) -> None:
        self.banner.show_message(str(exc) or type(exc).__name__, "error")

    def _open(self, result: tuple) -> None:
        self.pdf, images = result
        title = self.tr("补偿测算单 — {code}").format(code=self.code)
        self.preview = printing.PreviewDialog(self.setup, images, title, self.widget, can_save=True)
        self.preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.preview.destroyed.connect(lambda: setattr(self, "preview", None))
        self.preview.print_requested.connect(lambda: self.print_sheet(ask=True))
        self.preview.save_requested.connect(lambda: self.save_pdf())
        self.preview.fit_to_screen()
        self.preview.open()

    def print_sheet(self, *, ask: bool = True) -> None:
        """Print the sheet last rendered (one copy for the family unless chosen otherwise)."""
        if not self.pdf:
            return
        copies = 1
        if ask:
            copies = self.setup.ask(self.widget, 1, self.tr("打印测算单 {code}").format(code=self.code))
            if not copies:
                return
        pdf = self.pdf

        def painted(images: list) -> None:
            if self.setup.print_images(images, copies):
                self.banner.show_message(self.tr("已打印测算单 {n} 份").format(n=copies), "info")
            else:
                self.banner.show_message(self.tr("打印机无法开始打印，请检查打印机连接后重试"), "error")

        self.runner.run(lambda progress, cancel: printing.pdf_pages(pdf, printing.PRINT_DPI), on_done=painted,
                        on_error=self._failed, label=self.tr("正在准备打印…"), cancellable=False)

    def save_pdf(self, path: Path | None = None) -> None:
        """另存为 PDF: the vector sheet itself."""
        if not self.pdf:
            return
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self.widget, self.tr("另存为 PDF"), str(Path.home() / self.tr("补偿测算单-{code}.pdf").format(
                    code=self.code)), self.tr("PDF 文件 (*.pdf)"))
            if not chosen:
                return
            path = Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")
        from survey_app.core.documents.output import write_pdf

        pdf, target = self.pdf, path
        self.runner.run(lambda progress, cancel: write_pdf(target, lambda stream: stream.write(pdf)),
                        on_done=lambda _r: self.banner.show_message(
                            self.tr("测算单已保存：{path}").format(path=str(target)), "info"),
                        on_error=self._failed, label=self.tr("正在保存 PDF…"), cancellable=False)
