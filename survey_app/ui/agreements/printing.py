"""Printing and previewing an agreement from its PDF: pages rendered by PDFium, painted by Qt.

Why images and not the PDF itself: Qt has no PDF print path on Windows without extra modules,
and a field laptop prints to whatever driver the portable printer came with; a 300 dpi image per
page prints identically everywhere. The PDF itself (vector, text) is what 另存为 PDF writes.

Threading rules:
* ``pdf_pages(pdf_bytes, dpi)`` is pure and runs on the TaskRunner's worker (PDFium is not
  thread-safe, and the runner has exactly one thread, so PDFium is only ever used from there).
  It returns QImages, which may be created off the GUI thread and handed over.
* ``paint_pages`` and everything touching a QPrinter or a dialog is GUI thread only.

Lifetime (DESIGN §5): a preview dialog paints through the QPrinter it was given; a temporary
QPrinter that dies while the preview lives crashes Qt. The printer is therefore owned by
``PrintSetup`` — one per application (``shared_setup()``) so the printer and paper the worker
chose once stay chosen — and preview dialogs are children of a dialog that outlives them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Signal
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

PRINT_DPI = 300  # enough for the QR (30 mm, read from a 100 dpi scan) and small Chinese text
PREVIEW_DPI = 100  # a screen: sharp at 100 % zoom, ~1 MB per page
DEFAULT_COPIES = 4  # 份数: the policy will set it later (one each for owner, implementer, archive, HQ)


def pdf_pages(pdf_bytes: bytes, dpi: int) -> list[QImage]:
    """Every page of a PDF as an RGB QImage at ``dpi`` (worker thread: see the module docstring)."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(pdf_bytes)
    try:
        images = []
        for i in range(len(pdf)):
            pil = pdf[i].render(scale=dpi / 72).to_pil().convert("RGB")
            data = pil.tobytes("raw", "RGB")
            # copy(): the QImage must own its pixels, ``data`` is gone when this frame returns
            image = QImage(data, pil.width, pil.height, 3 * pil.width, QImage.Format.Format_RGB888).copy()
            image.setDotsPerMeterX(round(dpi / 0.0254))
            image.setDotsPerMeterY(round(dpi / 0.0254))
            images.append(image)
        return images
    finally:
        pdf.close()


def paint_pages(printer: QPrinter, images: list[QImage], painter: QPainter | None = None) -> bool:
    """Paint one image per page, each filling the paper (the PDF has its own margins). GUI thread.

    Returns False when the printer could not be started (no printer, file not writable)."""
    own = painter is None
    if own:
        painter = QPainter()
        if not painter.begin(printer):
            return False
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        for n, image in enumerate(images):
            if n:
                printer.newPage()
            paper = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
            # fullPage: device (0,0) is the paper's corner, so the paper rect is the target
            target = _fit(image.width(), image.height(), paper)
            painter.drawImage(target, image)
    finally:
        if own:
            painter.end()
    return True


def _fit(width: int, height: int, area: QRectF) -> QRectF:
    scale = min(area.width() / width, area.height() / height)
    w, h = width * scale, height * scale
    return QRectF(area.x() + (area.width() - w) / 2, area.y() + (area.height() - h) / 2, w, h)


class PrintSetup(QObject):
    """Owns the QPrinter (A4, full page, 份数) for the whole session. GUI thread only."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        self.printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        self.printer.setFullPage(True)
        self.printer.setCopyCount(DEFAULT_COPIES)
        self.printer.setCollateCopies(True)

    def ask(self, parent: QWidget, copies: int, title: str) -> int:
        """Show the system print dialog with ``copies`` preset; the copies chosen, or 0 if cancelled."""
        self.printer.setCopyCount(copies)
        self.printer.setDocName(title)
        dialog = QPrintDialog(self.printer, parent)
        dialog.setWindowTitle(title)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return 0
        return max(1, self.printer.copyCount())

    def print_images(self, images: list[QImage], copies: int) -> bool:
        """Print ``copies`` of the pages. Drivers that cannot make copies get the pages repeated."""
        self.printer.setCopyCount(copies)
        repeat = 1 if self.printer.supportsMultipleCopies() else copies
        if repeat > 1:
            self.printer.setCopyCount(1)
        return paint_pages(self.printer, images * repeat)


_shared: PrintSetup | None = None


def shared_setup() -> PrintSetup:
    """The session's PrintSetup (created on first use, on the GUI thread; lives until the app quits)."""
    global _shared
    if _shared is None:
        _shared = PrintSetup()
    return _shared


class PreviewDialog(QDialog):
    """Print preview of rendered pages with big buttons (touch): 适合宽度 / 整页, 打印…, 关闭.

    ``print_requested`` is emitted when the user presses 打印…; the owner then prints (and counts)
    the job itself, so a print from the preview is audited exactly like one from the dialog."""

    print_requested = Signal()
    save_requested = Signal()  # 另存为 PDF…: shown only when ``can_save``

    def __init__(self, setup: PrintSetup, images: list[QImage], title: str, parent: QWidget, *,
                 can_save: bool = False):
        super().__init__(parent)
        self.setObjectName("agreementPreview")
        self.setWindowTitle(title)
        self.images = images
        self.agreement_id = ""  # set by the owner: what these pages are of (打印… acts on it, by id)
        self.view = QPrintPreviewWidget(setup.printer, self)
        self.view.setObjectName("previewWidget")
        self.view.paintRequested.connect(lambda printer: paint_pages(printer, self.images))
        self.view.setViewMode(QPrintPreviewWidget.ViewMode.SinglePageView)
        self.view.fitToWidth()
        self.page_label = QLabel(self)
        self.view.previewChanged.connect(self._update_label)

        def button(text: str, slot) -> QPushButton:  # noqa: ANN001
            b = QPushButton(text, self)
            b.setMinimumHeight(40)
            b.clicked.connect(slot)
            return b

        self.prev_button = button(self.tr("上一页"), lambda: self._go(-1))
        self.next_button = button(self.tr("下一页"), lambda: self._go(1))
        self.width_button = button(self.tr("适合宽度"), self.view.fitToWidth)
        self.whole_button = button(self.tr("整页"), self.view.fitInView)
        self.print_button = button(self.tr("打印…"), self._print)
        self.print_button.setObjectName("previewPrintButton")
        self.print_button.setDefault(True)
        self.save_button = button(self.tr("另存为 PDF…"), self._save)
        self.save_button.setObjectName("previewSaveButton")
        self.save_button.setVisible(can_save)
        close = button(self.tr("关闭"), self.reject)
        bar = QHBoxLayout()
        for b in (self.prev_button, self.next_button, self.width_button, self.whole_button):
            bar.addWidget(b)
        bar.addWidget(self.page_label)
        bar.addStretch(1)
        bar.addWidget(self.save_button)
        bar.addWidget(self.print_button)
        bar.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)
        self.resize(900, 700)

    def page_count(self) -> int:
        return self.view.pageCount()

    def _go(self, step: int) -> None:
        self.view.setCurrentPage(max(1, min(self.view.pageCount(), self.view.currentPage() + step)))
        self._update_label()

    def _update_label(self) -> None:
        self.page_label.setText(self.tr("第 {n} / {total} 页").format(n=self.view.currentPage(),
                                                                     total=self.view.pageCount()))

    def _print(self) -> None:
        self.accept()
        self.print_requested.emit()

    def _save(self) -> None:
        self.accept()
        self.save_requested.emit()

    def fit_to_screen(self) -> None:
        """Use most of the screen height: an A4 page is tall and a 768-pixel screen is short."""
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            self.resize(min(960, screen.width() - 40), screen.height() - 40)
