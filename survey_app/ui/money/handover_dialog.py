"""交房验收: a supervisor records the handover of a signed household — date, meter readings, keys, notes,
photos with a category — and the household becomes 已交房. Threading: GUI thread; the write runs on the
TaskRunner (files are copied into the media store there too)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from survey_app.core.domain.actor import Actor
from survey_app.core.services import Database
from survey_app.core.services.handover import MAX_KEYS, record_handover
from survey_app.ui.money.common import buttons, date_edit, date_of, line
from survey_app.ui.pages.common import MessageBanner, run_write
from survey_app.ui.task_runner import TaskRunner


class HandoverDialog(QDialog):
    """Emits ``recorded()`` once the handover is saved (the dialog then closes)."""

    recorded = Signal()

    def __init__(self, db: Database, actor: Actor, runner: TaskRunner, household_id: str, title: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor, self.runner, self.household_id = db, actor, runner, household_id
        self.setObjectName("handoverDialog")
        self.setWindowTitle(self.tr("交房验收 — {household}").format(household=title))
        intro = QLabel(self.tr("核对房屋已腾空、表计读数和交回的钥匙；保存后该户状态为“已交房”。"), self)
        intro.setWordWrap(True)
        self.handed_on = date_edit(self, "handoverDate")
        self.water = line(self, "handoverWater", self.tr("m³"), 16)
        self.power = line(self, "handoverPower", self.tr("kWh"), 16)
        self.gas = line(self, "handoverGas", self.tr("m³"), 16)
        self.keys = QSpinBox(self)
        self.keys.setObjectName("handoverKeys")
        self.keys.setRange(0, MAX_KEYS)
        self.keys.setMinimumHeight(32)
        self.notes = line(self, "handoverNotes", self.tr("如：屋内已清空，门窗完好"), 500)
        self.category = QComboBox(self)
        self.category.setObjectName("handoverPhotoCategory")
        for code, text in (("meters", self.tr("表计读数")), ("keys", self.tr("钥匙")), ("house", self.tr("房屋现状")),
                           ("other", self.tr("其他"))):
            self.category.addItem(text, code)
        self.add_photo = QPushButton(self.tr("添加照片…"), self)
        self.add_photo.setObjectName("handoverAddPhoto")
        self.add_photo.clicked.connect(self._choose_photos)
        self.photo_label = QLabel(self.tr("未添加照片"), self)
        self.photo_label.setObjectName("handoverPhotoCount")
        photos = QHBoxLayout()
        photos.addWidget(self.category)
        photos.addWidget(self.add_photo)
        photos.addWidget(self.photo_label, 1)
        form = QFormLayout()
        form.addRow(self.tr("交房日期"), self.handed_on)
        form.addRow(self.tr("水表读数"), self.water)
        form.addRow(self.tr("电表读数"), self.power)
        form.addRow(self.tr("燃气表读数"), self.gas)
        form.addRow(self.tr("交回钥匙(把)"), self.keys)
        form.addRow(self.tr("验收说明"), self.notes)
        form.addRow(self.tr("照片"), photos)
        self.banner = MessageBanner(self)
        box, self.ok_button = buttons(self, self.tr("确认交房"), "handoverSaveButton", self.tr("取消"))
        self.ok_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.banner)
        layout.addWidget(box)
        self.setMinimumWidth(460)
        self.photos: list[tuple[Path, str]] = []

    def add_photos(self, files: list[Path]) -> None:
        """Queue ``files`` under the chosen category (the file dialog calls this; so can a test)."""
        category = self.category.currentData()
        self.photos += [(Path(f), category) for f in files]
        self.photo_label.setText(self.tr("已添加 {n} 张照片").format(n=len(self.photos)))

    def _choose_photos(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("选择照片"), "",
                                                self.tr("图片 (*.jpg *.jpeg *.png *.heic *.webp *.bmp)"))
        if files:
            self.add_photos([Path(f) for f in files])

    def save(self) -> None:
        if self.runner.busy:
            return
        self.banner.hide()
        hid, day, photos = self.household_id, date_of(self.handed_on), list(self.photos)
        water, power, gas = self.water.text(), self.power.text(), self.gas.text()
        keys, notes = self.keys.value(), self.notes.text()

        def done(_info: object) -> None:
            self.recorded.emit()
            self.accept()

        run_write(self.runner, lambda: record_handover(self.db, self.actor, hid, day, water=water, power=power,
                                                       gas=gas, keys=keys, notes=notes, photos=photos),
                  label=self.tr("正在保存…"), banner=self.banner, on_done=done)
