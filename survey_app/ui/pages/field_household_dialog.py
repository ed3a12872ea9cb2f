"""新增住户 dialog: a house found door to door that is not on HQ's register.

Only what identifies the household at the door (户主姓名, 地址, 地块, phone, a note); the survey
itself is entered in the editor afterwards, as for any other household. The service
(core/services/field_households.py) creates it 待调查, assigned to the worker, marked 新增 for HQ
to confirm, and refuses what is missing with a Chinese message shown in the dialog.
Threading: GUI thread; the write runs on the TaskRunner's worker.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from survey_app.core.domain.actor import Actor
from survey_app.core.services import Database, field_households, households
from survey_app.ui.pages.common import TOUCH_HEIGHT, MessageBanner, run_write
from survey_app.ui.task_runner import TaskRunner


class FieldHouseholdDialog(QDialog):
    """Emits ``created(hex id)`` after the household was created (the dialog then closes)."""

    created = Signal(str)

    def __init__(self, db: Database, actor: Actor, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor, self.runner = db, actor, runner
        self.setObjectName("fieldHouseholdDialog")
        self.setWindowTitle(self.tr("新增住户"))
        intro = QLabel(self.tr("登记名册上没有、在现场发现的住户。新增后状态为“待调查”，由您调查；"
                               "列表中标记为“新增”，待指挥部确认。"), self)
        intro.setWordWrap(True)
        self.head_name = QLineEdit(self)
        self.head_name.setObjectName("fieldHeadName")
        self.head_name.setMaxLength(64)
        self.address = QLineEdit(self)
        self.address.setObjectName("fieldAddress")
        self.address.setPlaceholderText(self.tr("街道、门牌号、楼栋、单元、室"))
        self.section = QComboBox(self)
        self.section.setObjectName("fieldSection")
        self.section.setEditable(True)  # a new 地块 name may be typed; the known ones are offered
        self.section.addItems(households.sections(db))
        self.section.setCurrentIndex(-1)
        self.phone = QLineEdit(self)
        self.phone.setObjectName("fieldPhone")
        self.phone.setMaxLength(20)
        self.notes = QLineEdit(self)
        self.notes.setObjectName("fieldNotes")
        self.notes.setPlaceholderText(self.tr("如：名册外的后院加建户，邻居指认"))
        for w in (self.head_name, self.address, self.section, self.phone, self.notes):
            w.setMinimumHeight(32)
        form = QFormLayout()
        form.addRow(self.tr("户主姓名 *"), self.head_name)
        form.addRow(self.tr("地址 *"), self.address)
        form.addRow(self.tr("地块"), self.section)
        form.addRow(self.tr("电话"), self.phone)
        form.addRow(self.tr("备注"), self.notes)
        self.banner = MessageBanner(self)
        buttons = QDialogButtonBox(self)
        self.ok_button = QPushButton(self.tr("新增"), self)
        self.ok_button.setObjectName("fieldCreateButton")
        self.ok_button.setDefault(True)
        buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        for b in (self.ok_button, cancel):
            b.setMinimumHeight(TOUCH_HEIGHT)
        self.ok_button.clicked.connect(self.create)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.banner)
        layout.addWidget(buttons)
        self.setMinimumWidth(min(460, self.screen().availableGeometry().width() - 40) if self.screen() else 460)

    def create(self) -> None:
        if self.runner.busy:  # a second tap while the first is saving must not add the house twice
            return
        new = field_households.NewHousehold(head_name=self.head_name.text(), address=self.address.text(),
                                            section=self.section.currentText(), phone=self.phone.text(),
                                            notes=self.notes.text())
        self.banner.hide()

        def done(result: tuple[str, object]) -> None:
            self.created.emit(result[0])
            self.accept()

        # A refusal (name or address missing, bad phone) leaves the dialog open with the service's message.
        run_write(self.runner, lambda: field_households.add_field_household(self.db, self.actor, new),
                  label=self.tr("正在保存…"), banner=self.banner, changes=lambda r: r[1], on_done=done)
