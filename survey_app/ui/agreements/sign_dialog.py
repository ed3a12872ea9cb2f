"""签字: one signature per party (the owners on the certificates, or the head) and the worker.

One pad at a time, the people listed on the left with a ✓ and a thumbnail once signed: three pads
stacked would not fit a 768-pixel screen at a size a finger can sign on. 确定 keeps the current
signature and moves to the next unsigned person; tapping a name signs it again.
The roles (被征收人 / 共有人 / 调查员) are data stored with the signature; they are shown translated.
Threading: GUI thread only.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from survey_app.ui.agreements.signature_pad import SignaturePad
from survey_app.ui.kit import theme

OWNER = QT_TRANSLATE_NOOP("SignDialog", "被征收人")
CO_OWNER = QT_TRANSLATE_NOOP("SignDialog", "共有人")
WORKER = QT_TRANSLATE_NOOP("SignDialog", "调查员")


@dataclass
class Signer:
    role: str  # OWNER / CO_OWNER / WORKER (Chinese: stored as is)
    name: str
    png: bytes = b""
    thumb: object = None  # QPixmap once signed


def signers_for(owner_names: list[str], head_name: str, worker_name: str) -> list[Signer]:
    """The owners (first 被征收人, the rest 共有人) or the head when no certificate names one; then the worker."""
    names = [n for n in owner_names if n] or [head_name]
    people = [Signer(OWNER if i == 0 else CO_OWNER, n) for i, n in enumerate(dict.fromkeys(names))]
    return people + [Signer(WORKER, worker_name)]


class SignDialog(QDialog):
    """Accepted when everyone has signed; ``signers`` then hold the PNGs."""

    def __init__(self, signers: list[Signer], number: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("signDialog")
        self.setWindowTitle(self.tr("签字 — 协议 {number}").format(number=number))
        self.signers = signers
        self.current = 0
        self.agreement_id = ""  # set by the owner: the agreement these signatures are for (by id)

        self.people = QListWidget(self)
        self.people.setObjectName("signerList")
        self.people.setIconSize(QSize(75, 30))
        self.people.setFixedWidth(230)
        theme.set_role(self.people, "touch")
        self.people.currentRowChanged.connect(self._select)
        self.prompt = QLabel(self)
        self.prompt.setObjectName("signPrompt")
        theme.set_role(self.prompt, "prompt")
        self.pad = SignaturePad(self)
        self.pad.changed.connect(self._update_buttons)
        note = QLabel(self.tr("用手指、触控笔或鼠标签名。签名将保存为图片，随协议存档。"), self)
        theme.set_role(note, "muted")

        self.clear_button = self._button(self.tr("清除"), "clearButton", self.pad.clear)
        self.ok_button = self._button(self.tr("确定"), "confirmSignatureButton", self.confirm_current)
        self.finish_button = self._button(self.tr("完成签订"), "finishButton", self.accept)
        theme.set_role(self.finish_button, "finish")
        cancel = self._button(self.tr("取消"), "cancelButton", self.reject)

        right = QVBoxLayout()
        right.addWidget(self.prompt)
        right.addWidget(self.pad, 1)
        pad_buttons = QHBoxLayout()
        pad_buttons.addWidget(note, 1)
        pad_buttons.addWidget(self.clear_button)
        pad_buttons.addWidget(self.ok_button)
        right.addLayout(pad_buttons)
        top = QHBoxLayout()
        top.addWidget(self.people)
        top.addLayout(right, 1)
        bottom = QHBoxLayout()
        self.progress = QLabel(self)
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(cancel)
        bottom.addWidget(self.finish_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(bottom)
        self.resize(1060, 460)

        blank = QPixmap(self.people.iconSize())  # the same gap before every name, signed or not
        blank.fill(Qt.GlobalColor.transparent)
        self._blank = QIcon(blank)
        for s in signers:
            self.people.addItem(QListWidgetItem(self._blank, self._item_text(s)))
        self.people.setCurrentRow(0)
        self._update_buttons()

    def _button(self, text: str, name: str, slot) -> QPushButton:  # noqa: ANN001
        b = QPushButton(text, self)
        b.setObjectName(name)
        b.setMinimumSize(96, 44)
        b.setAutoDefault(False)
        b.clicked.connect(slot)
        return b

    @staticmethod
    def role_text(role: str) -> str:
        return QCoreApplication.translate("SignDialog", role)

    def _item_text(self, s: Signer) -> str:
        mark = "✓ " if s.png else ""
        return f"{mark}{self.role_text(s.role)}\n{s.name}"

    def _select(self, row: int) -> None:
        if row < 0:
            return
        self.current = row
        s = self.signers[row]
        self.prompt.setText(self.tr("请 {role} {name} 签字").format(role=self.role_text(s.role), name=s.name))
        self.pad.clear()
        self._update_buttons()

    def confirm_current(self) -> None:
        """Keep the pad's signature for the current person and move to the next one still to sign."""
        if not self.pad.has_real_ink():
            return
        s = self.signers[self.current]
        s.png, s.thumb = self.pad.to_png(), self.pad.thumbnail(30)
        item = self.people.item(self.current)
        item.setText(self._item_text(s))
        item.setIcon(QIcon(s.thumb))
        pending = [i for i, x in enumerate(self.signers) if not x.png]
        if pending:
            self.people.setCurrentRow(pending[0])
        else:
            self.pad.clear()
            self.prompt.setText(self.tr("全部签字完成，请点击“完成签订”"))
        self._update_buttons()

    def all_signed(self) -> bool:
        return all(s.png for s in self.signers)

    def _update_buttons(self) -> None:
        ink = self.pad.has_real_ink()
        self.ok_button.setEnabled(ink)
        self.ok_button.setToolTip("" if ink or self.pad.is_empty()
                                  else self.tr("签名太短（只有一个点或一小笔），请完整签名"))
        self.clear_button.setEnabled(not self.pad.is_empty())
        self.finish_button.setEnabled(self.all_signed())
        done = sum(1 for s in self.signers if s.png)
        self.progress.setText(self.tr("已签 {done} / {total} 人").format(done=done, total=len(self.signers)))
        if self.all_signed():
            self.finish_button.setDefault(True)
