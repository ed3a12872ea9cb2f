"""房票 in the 付款登记 dialog: the household's housing voucher — face value, validity, what is left — issued
and its use recorded by HQ (core/services/vouchers.py decides; its refusals show in the dialog's banner).

Shown only for a household whose signed agreement is in 房票安置 mode. Threading: GUI thread; writes run on
the TaskRunner (pages/common.run_write).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QWidget

from survey_app.core.domain.actor import Actor
from survey_app.core.domain.money import format_yuan
from survey_app.core.services import Database, vouchers
from survey_app.ui.money.common import date_edit, date_of, line
from survey_app.ui.pages.common import TOUCH_HEIGHT, MessageBanner, run_write
from survey_app.ui.task_runner import TaskRunner

ZERO = Decimal("0.00")


class VoucherPanel(QGroupBox):
    changed = Signal()  # a voucher was issued or used

    def __init__(self, db: Database, actor: Actor, runner: TaskRunner, household_id: str, banner: MessageBanner,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor, self.runner, self.household_id, self.banner = db, actor, runner, household_id, banner
        self.setObjectName("voucherPanel")
        self.setTitle(self.tr("房票"))
        self.state: vouchers.VoucherState | None = None
        self.summary = QLabel(self)
        self.summary.setObjectName("voucherSummary")
        self.summary.setWordWrap(True)
        self.number = line(self, "voucherNumber", self.tr("房票编号（纸质房票上的编号）"), 48)
        self.issued_on = date_edit(self, "voucherIssuedOn")
        self.issue_button = self._button(self.tr("出具房票"), "voucherIssueButton", self.issue)
        self.used_on = date_edit(self, "voucherUsedOn")
        self.used_amount = line(self, "voucherUsedAmount", self.tr("元，不超过面额"), 20)
        self.use_button = self._button(self.tr("登记使用"), "voucherUseButton", self.use)
        issue_row, use_row = QHBoxLayout(), QHBoxLayout()
        for row, widgets in ((issue_row, (self.number, self.issued_on, self.issue_button)),
                             (use_row, (self.used_on, self.used_amount, self.use_button))):
            for w in widgets:
                row.addWidget(w, 1 if w in (self.number, self.used_amount) else 0)
        form = QFormLayout(self)
        form.addRow(self.summary)
        form.addRow(self.tr("出具"), issue_row)
        form.addRow(self.tr("使用"), use_row)
        self.reload()

    def _button(self, text: str, name: str, slot) -> QPushButton:  # noqa: ANN001
        b = QPushButton(text, self)
        b.setObjectName(name)
        b.setMinimumHeight(TOUCH_HEIGHT)
        b.clicked.connect(slot)
        return b

    def reload(self) -> None:
        self.state = st = vouchers.voucher_state(self.db, self.household_id)
        self.setVisible(st is not None)
        if st is None:
            return
        v = st.voucher
        face = format_yuan(st.face_value) if st.face_value is not None else self.tr("（测算未给出）")
        validity = (self.tr("自出具日起 {n} 个月").format(n=st.valid_months) if st.valid_months
                    else self.tr("不限期"))
        if v is None:
            text = self.tr("协议 {number} 为房票安置，尚未出具房票。面额 {face} 元，有效期{validity}。").format(
                number=st.agreement_number, face=face, validity=validity)
        else:
            status = {"issued": self.tr("未使用"), "used": self.tr("已使用"), "expired": self.tr("已过期")}.get(
                v.status, v.status)
            until = v.valid_until.isoformat() if v.valid_until else self.tr("不限期")
            text = self.tr("房票 {number}（{status}）：面额 {face} 元，{issued} 出具，有效期至 {until}；"
                           "已用 {used} 元，剩余 {left} 元").format(
                number=v.number, status=status, face=format_yuan(v.face_value),
                issued=v.issued_on.isoformat() if v.issued_on else "—", until=until,
                used=format_yuan(v.used_amount or ZERO), left=format_yuan(st.left or ZERO))
            if v.used_on:
                text += self.tr("（{day} 使用）").format(day=v.used_on.isoformat())
        self.summary.setText(text)
        can_issue = v is None and st.face_value is not None
        can_use = v is not None and v.status == "issued"
        for w in (self.number, self.issued_on, self.issue_button):
            w.setEnabled(can_issue)
        for w in (self.used_on, self.used_amount, self.use_button):
            w.setEnabled(can_use)
        if can_use and not self.used_amount.text():
            self.used_amount.setText(f"{v.face_value:.2f}")

    def issue(self) -> None:
        st = self.state
        if self.runner.busy or st is None:
            return
        self.banner.hide()
        agreement, number, day = st.agreement_number, self.number.text(), date_of(self.issued_on)

        def done(v: vouchers.VoucherInfo) -> None:
            self.number.clear()
            self.reload()
            self.banner.show_message(self.tr("已出具房票 {number}，面额 {face} 元").format(
                number=v.number, face=format_yuan(v.face_value)), "info")
            self.changed.emit()

        run_write(self.runner, lambda: vouchers.issue_voucher(self.db, self.actor, agreement, number, day),
                  label=self.tr("正在保存…"), banner=self.banner, on_done=done)

    def use(self) -> None:
        st = self.state
        if self.runner.busy or st is None or st.voucher is None:
            return
        self.banner.hide()
        number, day, amount = st.voucher.number, date_of(self.used_on), self.used_amount.text()

        def done(v: vouchers.VoucherInfo) -> None:
            self.used_amount.clear()
            self.reload()
            self.banner.show_message(self.tr("已登记房票 {number} 使用 {amount} 元").format(
                number=v.number, amount=format_yuan(v.used_amount or ZERO)), "info")
            self.changed.emit()

        run_write(self.runner, lambda: vouchers.use_voucher(self.db, self.actor, number, day, amount),
                  label=self.tr("正在保存…"), banner=self.banner, on_done=done)

