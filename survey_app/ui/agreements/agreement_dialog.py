"""协议 dialog: one household's agreements (history included) and the next step of their life.

出具协议 (a draft with a number) → 预览 / 打印 (份数; the first print makes it 已打印, later ones are
marked 副本 and counted) → 签字 (a pad for each party and the worker) or 湿签 (paper) → 已签订 (the
household becomes 已签约, its survey frozen) → 作废 (supervisor/HQ, with a reason) → 重新出具.

Reads (the household, its agreements) are short and run on the GUI thread. Every write and every
render goes through the TaskRunner: rendering the PDF takes ~60 ms and rasterising it for a 300 dpi
printer a few hundred, which would freeze a 2-core laptop's window. Writes publish a ChangeSet on
the ChangeHub (the ChangeSet the service's commit produced, ``AgreementInfo.changes``); this dialog
reloads from it like every other view. Buttons are enabled by state and
role, but the services decide: their refusal is shown in the banner.
Printing order: the pages are painted first and the print is recorded only when the printer
accepted the job, so a jammed or missing printer does not count (or audit) a print.
Threading: GUI thread only (job bodies run on the runner's worker, touching no widget).
"""

from __future__ import annotations

import io
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from survey_app.core.domain.actor import Actor
from survey_app.core.domain.roles import Permission
from survey_app.core.services import Database, households
from survey_app.core.services.agreements import lifecycle
from survey_app.core.services.agreements.documents import print_copies, render_agreement_pdf
from survey_app.core.services.agreements.lifecycle import AgreementInfo, SignatureInput
from survey_app.ui import labels
from survey_app.ui.agreements import printing
from survey_app.ui.agreements.agreement_list import AgreementListModel
from survey_app.ui.agreements.sign_dialog import SignDialog, signers_for
from survey_app.ui.agreements.void_dialog import VoidDialog
from survey_app.ui.changes import ChangeHub
from survey_app.ui.kit import theme
from survey_app.ui.kit.table import DataTable
from survey_app.ui.pages.common import TOUCH_HEIGHT, MessageBanner, can, run_write
from survey_app.ui.task_runner import TaskRunner

COPY_LABEL = "副本"  # printed on every copy after the first print (data on the PDF, not UI text)


def render_pdf(db: Database, info: AgreementInfo) -> bytes:
    """The agreement as printed now: a 副本 once it has been printed. Worker thread."""
    out = io.BytesIO()
    render_agreement_pdf(db, info.id, out, copy_label=COPY_LABEL if info.issued else "")
    return out.getvalue()


class AgreementDialog(QDialog):
    """The agreements of one household (hex id). ``setup`` defaults to the session's PrintSetup."""

    def __init__(self, db: Database, actor: Actor, runner: TaskRunner, household_id: str,
                 parent: QWidget | None = None, *, setup: printing.PrintSetup | None = None):
        super().__init__(parent)
        self.setObjectName("agreementDialog")
        self.db, self.actor, self.runner, self.household_id = db, actor, runner, household_id
        self.setup = setup or printing.shared_setup()
        self.detail: households.HouseholdDetail | None = None
        self.preview: printing.PreviewDialog | None = None
        self.sign_dialog: SignDialog | None = None
        self.void_dialog: VoidDialog | None = None

        self.title = theme.set_role(QLabel(self), "title")
        self.title.setObjectName("agreementTitle")
        self.subtitle = theme.set_role(QLabel(self), "muted")
        self.steps = QLabel(self)
        self.steps.setObjectName("agreementSteps")
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.banner = MessageBanner(self)
        self.model = AgreementListModel(self)
        self.table = DataTable(self, name="agreementTable", model=self.model, row_height=34, fit="contents",
                               stretch=-1, padded=True)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())

        self.issue_button = self._button(self.tr("出具协议"), "issueButton", self.issue)
        self.preview_button = self._button(self.tr("预览"), "previewButton", self.show_preview)
        self.copies = QSpinBox(self)
        self.copies.setObjectName("copiesSpin")
        self.copies.setRange(1, 20)
        self.copies.setValue(printing.DEFAULT_COPIES)
        self.copies.setMinimumHeight(TOUCH_HEIGHT)
        self.print_button = self._button(self.tr("打印…"), "printButton", lambda: self.print_selected(ask=True))
        self.save_button = self._button(self.tr("另存为 PDF…"), "savePdfButton", lambda: self.save_pdf())
        self.sign_button = self._button(self.tr("签字…"), "signButton", self.open_sign_dialog)
        self.sign_button.setToolTip(self.tr("在屏幕上为各方签字（被征收人、共有人、调查员）"))
        self.wet_button = self._button(self.tr("湿签"), "wetSignButton", lambda: self.wet_sign())
        self.wet_button.setToolTip(self.tr("已在纸质协议上签字按手印：不采集电子签名，直接确认签订"))
        self.void_button = self._button(self.tr("作废…"), "voidButton", self.open_void_dialog)
        close = self._button(self.tr("关闭"), "closeButton", self.reject)

        print_row = QHBoxLayout()
        print_row.addWidget(self.issue_button)
        print_row.addSpacing(16)
        print_row.addWidget(self.preview_button)
        print_row.addWidget(QLabel(self.tr("份数"), self))
        print_row.addWidget(self.copies)
        print_row.addWidget(self.print_button)
        print_row.addWidget(self.save_button)
        print_row.addStretch(1)
        sign_row = QHBoxLayout()
        sign_row.addWidget(self.sign_button)
        sign_row.addWidget(self.wet_button)
        sign_row.addSpacing(16)
        sign_row.addWidget(self.void_button)
        sign_row.addStretch(1)
        sign_row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.steps)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        layout.addLayout(print_row)
        layout.addLayout(sign_row)
        self.resize(980, 480)
        self.setWindowTitle(self.tr("协议"))

        ChangeHub.instance().changed.connect(self._on_changed)
        self.reload()

    def _button(self, text: str, name: str, slot) -> QPushButton:  # noqa: ANN001
        b = QPushButton(text, self)
        b.setObjectName(name)
        b.setMinimumHeight(TOUCH_HEIGHT)
        b.setMinimumWidth(88)
        b.setAutoDefault(False)
        b.clicked.connect(slot)
        return b

    # --- data -------------------------------------------------------------------------------------------

    def _on_changed(self, _changes: object) -> None:
        self.reload()

    def reload(self, select: str | None = None) -> None:
        keep = select or (self.selected().id if self.selected() else None)
        self.detail = households.get_detail(self.db, self.household_id)
        d = self.detail
        self.title.setText(self.tr("{code}　{name}　协议").format(code=d.household_code, name=d.head_name))
        self.setWindowTitle(self.tr("协议 — {code} {name}").format(code=d.household_code, name=d.head_name))
        self.subtitle.setText("　·　".join(p for p in (labels.status(d.status), d.address) if p))
        self.model.set_items(lifecycle.agreements_of(self.db, self.household_id))
        row = self.model.row_of(keep) if keep else -1
        if row < 0:  # the live agreement (not void), else the newest
            row = next((i for i, a in enumerate(self.model.items) if a.status != "void"), 0)
        if self.model.rowCount():
            self.table.selectRow(row)
        if self._live() is None and not self.banner.isVisible():  # say why 出具协议 is greyed out
            if d.status != "calculated":
                self.banner.show_message(self.tr("只有“已测算”且已选择安置方案的住户才能出具协议"), "warning")
            elif not d.chosen_option:
                self.banner.show_message(self.tr("请先在测算页为该户选择安置方案，再出具协议"), "warning")
        self._update_buttons()

    def selected(self) -> AgreementInfo | None:
        index = self.table.currentIndex() if hasattr(self, "table") else None
        if index is None or not index.isValid() or index.row() >= len(self.model.items):
            return None
        return self.model.items[index.row()]

    def agreement(self, agreement_id: str) -> AgreementInfo | None:
        """The agreement ``agreement_id`` as last loaded (fresh counts), or None if it is gone."""
        row = self.model.row_of(agreement_id)
        return self.model.items[row] if row >= 0 else None

    def _live(self) -> AgreementInfo | None:
        return next((a for a in self.model.items if a.status != "void"), None)

    def _update_buttons(self) -> None:
        a, live, d = self.selected(), self._live(), self.detail
        may_print = can(self.actor, Permission.PRINT_AGREEMENT)
        for b in (self.issue_button, self.preview_button, self.print_button, self.save_button, self.sign_button,
                  self.wet_button, self.copies):
            b.setVisible(may_print)
        state = a.status if a else ""
        self.issue_button.setEnabled(d is not None and d.status == "calculated" and bool(d.chosen_option)
                                     and (live is None or live.status == "draft"))
        self.issue_button.setText(self.tr("重新出具") if live is None and self.model.items else self.tr("出具协议"))
        if d is not None and d.status != "calculated" and live is None:
            self.issue_button.setToolTip(self.tr("只有“已测算”且已选择安置方案的住户才能出具协议"))
        else:
            self.issue_button.setToolTip(self.tr("按所选安置方案生成协议（编号、二维码），先预览再打印"))
        printable = state in ("draft", "printed", "signed")
        for b in (self.preview_button, self.print_button, self.save_button, self.copies):
            b.setEnabled(printable)
        if a is not None and printable and getattr(self, "_copies_for", None) != (a.id, a.print_count):
            # The policy says how many copies are printed on site (本协议一式N份); a reprint is one 副本.
            self._copies_for = (a.id, a.print_count)
            self.copies.setValue(print_copies(self.db, a.id) if a.print_count == 0 else 1)
        self.sign_button.setEnabled(state == "printed")
        self.wet_button.setEnabled(state == "printed")
        may_void = can(self.actor, Permission.VOID_AGREEMENT)
        self.void_button.setEnabled(may_void and state in ("draft", "printed", "signed"))
        self.void_button.setToolTip(self.tr("作废协议（须填写原因）") if may_void
                                    else self.tr("只有复核员或指挥部可以作废协议"))
        self.steps.setText(self._steps_html(live))
        # The next step's button is the one coloured: a worker at the door sees what to press.
        nxt = {"draft": self.print_button, "printed": self.sign_button}.get(live.status if live else "",
                                                                          self.issue_button if live is None else None)
        for b in (self.issue_button, self.print_button, self.sign_button):
            theme.set_role(b, "primary" if b is nxt and b.isEnabled() else "")

    def _steps_html(self, live: AgreementInfo | None) -> str:
        steps = [self.tr("① 出具协议"), self.tr("② 预览、打印"), self.tr("③ 当场签字"), self.tr("④ 已签订")]
        current = {None: 0, "draft": 1, "printed": 2, "signed": 3}[live.status if live else None]
        return theme.steps_html(steps, current, last_done=current == 3)

    # --- actions ----------------------------------------------------------------------------------------

    def _write(self, fn, label: str, message: str = "") -> None:  # noqa: ANN001
        self.banner.hide()

        def done(info: AgreementInfo) -> None:
            self.reload(select=info.id)
            if message:
                self.banner.show_message(message.format(number=info.number, copies=info.print_count), "info")

        run_write(self.runner, fn, label=label, banner=self.banner, on_done=done)  # publishes info.changes

    def issue(self) -> None:
        hid = self.household_id
        self._write(lambda: lifecycle.prepare(self.db, self.actor, hid), self.tr("正在出具协议…"),
                    self.tr("已出具协议 {number}（草稿），请预览并打印"))

    def _render(self, agreement_id: str, dpi: int, then, label: str) -> None:  # noqa: ANN001
        a = self.agreement(agreement_id)
        if a is None:
            return
        self.banner.hide()
        db = self.db
        self.runner.run(lambda progress, cancel: printing.pdf_pages(render_pdf(db, a), dpi),
                        on_done=lambda images: then(a, images), on_error=self._failed, label=label,
                        cancellable=False)

    def _failed(self, exc: BaseException) -> None:
        self.banner.show_message(str(exc) or type(exc).__name__, "error")

    def show_preview(self) -> None:
        a = self.selected()
        if a is not None:
            self._render(a.id, printing.PREVIEW_DPI, self._open_preview, self.tr("正在生成预览…"))

    def _open_preview(self, a: AgreementInfo, images: list) -> None:
        title = self.tr("打印预览 — 协议 {number}").format(number=a.number)
        self.preview = printing.PreviewDialog(self.setup, images, title, self)
        self.preview.agreement_id = a.id  # 打印… prints the agreement previewed, not what is selected then
        self.preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.preview.destroyed.connect(lambda: setattr(self, "preview", None))
        aid = a.id
        self.preview.print_requested.connect(lambda: self.print_agreement(aid, ask=True))
        self.preview.fit_to_screen()
        self.preview.open()

    def print_selected(self, *, ask: bool = True) -> None:
        """Print the selected agreement (the one whose row is on screen when 打印… is pressed)."""
        a = self.selected()
        if a is not None:
            self.print_agreement(a.id, ask=ask)

    def print_agreement(self, agreement_id: str, *, ask: bool = True) -> None:
        """Print agreement ``agreement_id``: the system dialog first (``ask``), else the printer as set up."""
        a = self.agreement(agreement_id)
        if a is None:
            return
        copies = self.copies.value()
        if ask:
            copies = self.setup.ask(self, copies, self.tr("打印协议 {number}").format(number=a.number))
            if not copies:
                return
            self.copies.setValue(min(copies, self.copies.maximum()))
        self._render(a.id, printing.PRINT_DPI, lambda info, images: self._paint(info, images, copies),
                     self.tr("正在准备打印…"))

    def _paint(self, a: AgreementInfo, images: list, copies: int) -> None:
        if not self.setup.print_images(images, copies):
            self.banner.show_message(self.tr("打印机无法开始打印，请检查打印机连接后重试"), "error")
            return
        aid = a.id
        self._write(lambda: lifecycle.record_print(self.db, self.actor, aid, copies), self.tr("正在记录打印…"),
                    self.tr("已打印 {number} 共 {n} 份（累计打印 {copies} 份）").replace("{n}", str(copies))
                    + ("" if not a.issued else self.tr("（重印标注“副本”）")))

    def default_pdf_name(self, a: AgreementInfo) -> str:
        """The original's name only for the original: a reprint is named as the 副本 it is."""
        if not a.issued:
            return f"{a.number}.pdf"
        return self.tr("{number}-副本{n}.pdf").format(number=a.number, n=a.print_count + a.saved_count)

    def save_pdf(self, path: Path | None = None) -> None:
        """另存为 PDF (the vector PDF itself; a 副本 once printed or saved). Counted as a saved PDF, apart
        from paper prints; like a print it unlocks signing."""
        a = self.selected()
        if a is None:
            return
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("另存为 PDF"),
                                                    str(Path.home() / self.default_pdf_name(a)),
                                                    self.tr("PDF 文件 (*.pdf)"))
            if not chosen:
                return
            path = Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")
        db, actor, target, aid = self.db, self.actor, path, a.id
        label = COPY_LABEL if a.issued else ""

        def save() -> AgreementInfo:  # worker: render (refused when stale), then count the save
            render_agreement_pdf(db, aid, target, copy_label=label)
            return lifecycle.record_save(db, actor, aid)

        self._write(save, self.tr("正在保存 PDF…"),
                    self.tr("已另存为 PDF（未打印纸质协议）：") + str(target).replace("{", "{{").replace("}", "}}"))

    def open_sign_dialog(self) -> SignDialog | None:
        """Open the pad dialog (non-blocking); when everyone has signed, the agreement is signed."""
        a, d = self.selected(), self.detail
        if a is None or d is None:
            return None
        owners = [t["owner_name"] for t in d.tenures]
        signers = signers_for(owners, d.head_name, self.actor.display_name or self.actor.username)
        self.sign_dialog = SignDialog(signers, a.number, self)
        self.sign_dialog.agreement_id = a.id  # the pad signs this agreement, whatever is selected later
        aid, dialog = a.id, self.sign_dialog
        self.sign_dialog.accepted.connect(lambda: self.sign_with(
            [SignatureInput(s.role, s.name, s.png) for s in dialog.signers], agreement_id=aid))
        self.sign_dialog.open()
        return self.sign_dialog

    def sign_with(self, signatures: list[SignatureInput] | None, agreement_id: str | None = None) -> None:
        """Mark agreement ``agreement_id`` (default: the selected one) signed (None: 湿签, signed on paper)."""
        a = self.agreement(agreement_id) if agreement_id else self.selected()
        if a is None:
            return
        aid = a.id
        self._write(lambda: lifecycle.sign(self.db, self.actor, aid, signatures), self.tr("正在保存签字…"),
                    self.tr("协议 {number} 已签订，住户状态为“已签约”，调查与测算已锁定"))

    def wet_sign(self, *, confirm: bool = True) -> None:
        a = self.selected()
        if a is None:
            return
        if confirm and QMessageBox.question(
                self, self.tr("湿签"), self.tr("确认各方已在纸质协议 {number} 上签字并按手印？").format(number=a.number)
        ) != QMessageBox.StandardButton.Yes:
            return
        self.sign_with(None, agreement_id=a.id)  # the one asked about, even if the list reloaded meanwhile

    def open_void_dialog(self) -> VoidDialog | None:
        a = self.selected()
        if a is None:
            return None
        self.void_dialog = VoidDialog(a.number, self, a.id)
        aid, dialog = a.id, self.void_dialog
        self.void_dialog.accepted.connect(lambda: self.void_with(dialog.text(), agreement_id=aid))
        self.void_dialog.open()
        return self.void_dialog

    def void_with(self, reason: str, agreement_id: str | None = None) -> None:
        """Void agreement ``agreement_id`` (default: the selected one)."""
        a = self.agreement(agreement_id) if agreement_id else self.selected()
        if a is None:
            return
        aid = a.id
        self._write(lambda: lifecycle.void(self.db, self.actor, aid, reason), self.tr("正在作废…"),
                    self.tr("协议 {number} 已作废，可重新出具"))


def open_agreements(parent: QWidget, db: Database, actor: Actor, runner: TaskRunner,
                    household_id: str) -> AgreementDialog:
    """Show the household's 协议 dialog (window-modal, deleted on close)."""
    dialog = AgreementDialog(db, actor, runner, household_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.open()
    return dialog
