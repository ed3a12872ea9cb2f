"""付款登记: HQ records a payment on the household's signed agreement and sees what was paid so far; for a
房票安置 household, issues its 房票 and records its use (voucher_panel.py).

The amount is read as typed (exact Decimal through the service; a third decimal place is refused, never
rounded). Over-payment, a missing transfer reference, a date before signing: the service's Chinese message
stays in the dialog. Threading: GUI thread; the write runs on the TaskRunner.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QListWidget, QVBoxLayout, QWidget

from survey_app.core.domain.actor import Actor
from survey_app.core.domain.money import format_yuan
from survey_app.core.services import Database, money
from survey_app.ui.money.common import buttons, date_edit, date_of, line
from survey_app.ui.money.voucher_panel import VoucherPanel
from survey_app.ui.pages.common import MessageBanner, run_write
from survey_app.ui.task_runner import TaskRunner


class PaymentDialog(QDialog):
    def __init__(self, db: Database, actor: Actor, runner: TaskRunner, household_id: str, title: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor, self.runner, self.household_id = db, actor, runner, household_id
        self.setObjectName("paymentDialog")
        self.setWindowTitle(self.tr("付款登记 — {household}").format(household=title))
        self.summary = QLabel(self)
        self.summary.setObjectName("paymentSummary")
        self.summary.setWordWrap(True)
        self.history = QListWidget(self)
        self.history.setObjectName("paymentHistory")
        self.history.setMaximumHeight(120)
        self.kind = QComboBox(self)
        self.kind.setObjectName("paymentKind")
        self.kind.addItem(self.tr("补偿款"), "compensation")
        self.kind.addItem(self.tr("过渡费"), "transition")
        self.amount = line(self, "paymentAmount", self.tr("元，最多两位小数"), 20)
        self.paid_on = date_edit(self, "paymentDate")
        self.method = QComboBox(self)
        self.method.setObjectName("paymentMethod")
        for code, text in (("bank", self.tr("银行转账")), ("cash", self.tr("现金")), ("cheque", self.tr("支票"))):
            self.method.addItem(text, code)
        self.bank_ref = line(self, "paymentBankRef", self.tr("银行转账流水号"))
        self.receipt = line(self, "paymentReceipt", self.tr("凭证号 / 收据号"))
        self.note = line(self, "paymentNote", "", 255)
        form = QFormLayout()
        form.addRow(self.tr("类别"), self.kind)
        form.addRow(self.tr("金额(元) *"), self.amount)
        form.addRow(self.tr("付款日期"), self.paid_on)
        form.addRow(self.tr("付款方式"), self.method)
        form.addRow(self.tr("转账流水号"), self.bank_ref)
        form.addRow(self.tr("凭证号"), self.receipt)
        form.addRow(self.tr("备注"), self.note)
        self.banner = MessageBanner(self)
        box, self.ok_button = buttons(self, self.tr("登记付款"), "paymentSaveButton", self.tr("关闭"))
        self.ok_button.clicked.connect(self.save)
        # 房票: only for a household signed in 房票安置 mode (the panel hides itself otherwise).
        self.voucher = VoucherPanel(db, actor, runner, household_id, self.banner, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.history)
        layout.addLayout(form)
        layout.addWidget(self.voucher)
        layout.addWidget(self.banner)
        layout.addWidget(box)
        self.setMinimumWidth(480)
        self.number = ""
        self.reload()

    def reload(self) -> None:
        s = money.paid_summary(self.db, self.household_id)
        self.history.clear()
        if s is None:
            self.summary.setText(self.tr("该户没有已签订的协议，不能登记付款。"))
            self.ok_button.setEnabled(False)
            return
        self.number = s.agreement_number
        self.summary.setText(self.tr("协议 {number}：结算金额 {net} 元，已付补偿款 {paid} 元，未付 {left} 元；"
                                     "已付过渡费 {transition} 元").format(
            number=s.agreement_number, net=format_yuan(s.net), paid=format_yuan(s.paid),
            left=format_yuan(s.outstanding), transition=format_yuan(s.transition_paid)))
        for p in money.payments_of(self.db, self.household_id):
            kind = self.tr("补偿款") if p.kind == "compensation" else self.tr("过渡费")
            self.history.addItem(self.tr("{day}  {kind}第{n}期  {amount} 元  {ref}").format(
                day=p.paid_on.isoformat(), kind=kind, n=p.instalment, amount=format_yuan(p.amount),
                ref=p.bank_ref or p.receipt_no))

    def save(self) -> None:
        if self.runner.busy or not self.number:
            return
        self.banner.hide()
        number, amount, day = self.number, self.amount.text(), date_of(self.paid_on)
        kind, method = self.kind.currentData(), self.method.currentData()
        bank_ref, receipt, note = self.bank_ref.text(), self.receipt.text(), self.note.text()

        def done(p: money.PaymentInfo) -> None:
            self.amount.clear()
            self.bank_ref.clear()
            self.receipt.clear()
            self.reload()
            self.banner.show_message(self.tr("已登记第{n}期付款 {amount} 元").format(
                n=p.instalment, amount=format_yuan(p.amount)), "info")

        run_write(self.runner, lambda: money.record_payment(
            self.db, self.actor, number, amount, day, method=method, receipt_no=receipt, bank_ref=bank_ref,
            kind=kind, note=note), label=self.tr("正在保存…"), banner=self.banner, on_done=done)
