"""作废 (void an agreement): the dialog that asks for the reason, which is required and audited.

Threading: GUI thread only.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget


class VoidDialog(QDialog):
    """作废: the reason is required (the service refuses an empty one too)."""

    def __init__(self, number: str, parent: QWidget, agreement_id: str = ""):
        super().__init__(parent)
        self.setObjectName("voidDialog")
        self.agreement_id = agreement_id  # the agreement this dialog voids, whatever is selected later
        self.setWindowTitle(self.tr("作废协议 {number}").format(number=number))
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("voidReason")
        self.reason.setPlaceholderText(self.tr("例如：被征收人对面积有异议，重新测量后另行出具"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("作废"))
        self.ok.setEnabled(False)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(lambda: self.ok.setEnabled(bool(self.text())))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("作废原因（必填，记入审计记录）："), self))
        layout.addWidget(self.reason)
        layout.addWidget(buttons)
        self.resize(460, 220)

    def text(self) -> str:
        return self.reason.toPlainText().strip()
