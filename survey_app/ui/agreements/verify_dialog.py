"""核验协议: is this printed agreement genuine, and does it match our records?

Input: a PDF, a photo or scan (PNG/JPG…) — chosen, or dropped on the dialog — or the QR text pasted.
The answer is one big word (有效 green / 无效 red; amber when the signature is good but the record
cannot confirm it), the service's Chinese message, the payload's fields, and the record check
(与记录一致 / 已作废 / 内容被改动 / 本数据库中没有该编号).
Reading the QR (PDFium + zxing, up to a few hundred ms for a large photo) and the record check run
on the TaskRunner; the keys are read there too. Threading: GUI thread only otherwise.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from survey_app.core.domain.money import from_fen
from survey_app.core.services import Database
from survey_app.core.services.agreements import verify
from survey_app.core.services.agreements.verify import Verdict
from survey_app.ui import formatting, labels
from survey_app.ui.kit import theme
from survey_app.ui.pages.common import TOUCH_HEIGHT
from survey_app.ui.sync.common import fingerprint
from survey_app.ui.task_runner import TaskRunner

_GREEN, _RED, _AMBER = theme.VERDICT_OK, theme.ERROR, theme.VERDICT_WARN
_SUFFIXES = {".pdf"} | verify.IMAGE_SUFFIXES


def check(db: Database, *, path: Path | None = None, text: str = "") -> Verdict:
    """Read (from ``path``) and verify a QR payload, then compare it with the record. Worker thread."""
    if path is not None:
        text = verify.read_qr(path)
    return verify.verify_in(db, text.strip())


class VerifyDialog(QDialog):
    def __init__(self, db: Database, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("verifyDialog")
        self.setWindowTitle(self.tr("核验协议"))
        self.db, self.runner = db, runner
        self.verdict: Verdict | None = None
        self.setAcceptDrops(True)

        intro = QLabel(self.tr("打开协议的 PDF、照片或扫描件（也可直接拖到此窗口），或粘贴二维码内容。"), self)
        intro.setWordWrap(True)
        self.open_button = QPushButton(self.tr("打开文件…"), self)
        self.open_button.setObjectName("openFileButton")
        self.open_button.clicked.connect(lambda: self.open_file())
        self.text = QLineEdit(self)
        self.text.setObjectName("qrText")
        self.text.setPlaceholderText(self.tr("粘贴二维码内容（SA1|…）"))
        self.text.returnPressed.connect(self.check_text)
        self.check_button = QPushButton(self.tr("核验"), self)
        self.check_button.setObjectName("checkButton")
        self.check_button.clicked.connect(self.check_text)
        for w in (self.open_button, self.text, self.check_button):
            w.setMinimumHeight(TOUCH_HEIGHT)

        self.big = QLabel(self)
        self.big.setObjectName("verdictLabel")
        self.big.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel(self)
        self.message.setObjectName("verdictMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("font-size: 12pt;")
        self.source = QLabel(self)
        theme.set_role(self.source, "muted")
        self.source.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setHorizontalSpacing(16)
        for key, caption in (("number", self.tr("协议编号")), ("household", self.tr("户号")),
                             ("mode", self.tr("安置方式")), ("net", self.tr("结算金额")),
                             ("device", self.tr("签发设备")), ("record", self.tr("记录核对"))):
            value = QLabel(self)
            value.setObjectName(f"field_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            value.setStyleSheet("font-size: 11pt;")
            self.fields[key] = value
            name = QLabel(caption + "：", self)
            name.setStyleSheet(f"font-size: 11pt; color: {theme.MUTED};")
            form.addRow(name, value)
        self.panel = QFrame(self)
        self.panel.setObjectName("verdictPanel")
        panel_layout = QVBoxLayout(self.panel)
        panel_layout.addWidget(self.big)
        panel_layout.addWidget(self.message)
        panel_layout.addWidget(self.source)
        panel_layout.addSpacing(8)
        centred = QHBoxLayout()  # the fields under the verdict, not against the left edge
        centred.addStretch(1)
        centred.addLayout(form, 3)
        centred.addStretch(1)
        panel_layout.addLayout(centred)
        panel_layout.addStretch(1)

        close = QPushButton(self.tr("关闭"), self)
        close.setMinimumHeight(TOUCH_HEIGHT)
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addWidget(self.text, 1)
        row.addWidget(self.check_button)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.panel, 1)
        layout.addLayout(bottom)
        self.resize(720, 480)
        self._show_idle()

    # --- input ------------------------------------------------------------------------------------------

    def open_file(self, path: Path | None = None) -> None:
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self, self.tr("选择协议文件"), str(Path.home()),
                self.tr("协议或图片 (*.pdf *.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)"))
            if not chosen:
                return
            path = Path(chosen)
        self.source.setText(self.tr("文件：{name}").format(name=path.name))
        self._run(lambda db=self.db, p=path: check(db, path=p))

    def check_text(self) -> None:
        text = self.text.text().strip()
        if text:
            self.source.setText(self.tr("粘贴的二维码内容"))
            self._run(lambda db=self.db, t=text: check(db, text=t))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile() and Path(urls[0].toLocalFile()).suffix.lower() in _SUFFIXES:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.open_file(Path(event.mimeData().urls()[0].toLocalFile()))

    def _run(self, job) -> None:  # noqa: ANN001
        self.big.setText(self.tr("正在核验…"))
        self.big.setStyleSheet(f"font-size: 20pt; color: {theme.MUTED};")
        self.runner.run(lambda progress, cancel: job(), on_done=self.show_verdict, on_error=self._failed,
                        label=self.tr("正在读取二维码…"), cancellable=False)

    # --- output -----------------------------------------------------------------------------------------

    def _show_idle(self) -> None:
        self.big.setText(self.tr("尚未核验"))
        self.big.setStyleSheet(f"font-size: 20pt; color: {theme.FAINT};")
        self.message.setText("")
        for value in self.fields.values():
            value.setText("—")

    def _failed(self, exc: BaseException) -> None:
        """A file without a readable QR, a broken PDF: not a verdict, but the file cannot prove anything."""
        self.show_verdict(Verdict(False, str(exc) or type(exc).__name__))

    def show_verdict(self, verdict: Verdict) -> None:
        self.verdict = verdict
        if verdict.ok and verdict.record == "matches" and verdict.flag:
            big, colour = self.tr("✔ 有效（签发设备已吊销）"), _AMBER
        elif verdict.ok and verdict.record == "matches":
            big, colour = self.tr("✔ 有效"), _GREEN
        elif not verdict.valid:
            big, colour = self.tr("✘ 无效"), _RED
        elif verdict.record == "void":
            big, colour = self.tr("✘ 已作废"), _RED
        elif verdict.record == "tampered":
            big, colour = self.tr("✘ 内容被改动"), _RED
        else:  # genuine signature, but this database cannot confirm it (not synced yet / no record check)
            big, colour = self.tr("✔ 签名有效（未能核对记录）"), _AMBER
        self.big.setText(big)
        self.big.setStyleSheet(f"font-size: 26pt; font-weight: bold; color: {colour};")
        self.message.setText(verdict.message + ("\n" + verdict.flag if verdict.flag else ""))
        self.panel.setStyleSheet(f"#verdictPanel {{ border: 2px solid {colour}; border-radius: 6px; }}")
        p = verdict.payload
        values = {
            "number": p.number if p else "", "household": p.household_code if p else "",
            "mode": labels.mode(p.mode) if p else "", "net": formatting.money(from_fen(p.net_fen)) if p else "",
            "device": self._signer(verdict), "record": verdict.record_message,
        }
        for key, value in values.items():
            self.fields[key].setText(value or "—")
        record_colour = {"matches": _GREEN, "void": _RED, "tampered": _RED, "unknown": _AMBER}.get(verdict.record)
        self.fields["record"].setStyleSheet("font-size: 11pt;" + (f" color: {record_colour}; font-weight: bold;"
                                                                  if record_colour else ""))


    def _signer(self, verdict: Verdict) -> str:
        """The device code, with its key fingerprint (as enrolment showed it) when this database knows it."""
        p = verdict.payload
        if p is None:
            return ""
        fp = verdict.details.get("fingerprint")
        if not fp:
            return p.device
        return self.tr("{device}（密钥指纹 {fp}）").format(device=p.device, fp=fingerprint(fp))


def open_verify(parent: QWidget, db: Database, runner: TaskRunner) -> VerifyDialog:
    dialog = VerifyDialog(db, runner, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.open()
    return dialog
