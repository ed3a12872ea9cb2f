"""The USB sticks plugged into this computer, offered as one-click destinations on the sync page.

``core.platform.removable_drives`` finds them (Windows: removable drive letters; Linux: /media, /run/media,
/mnt). The row shows one button per stick, ``KINGSTON (E:)``; clicking one emits ``chosen(path)``. 刷新 looks
again (a stick plugged in after the page opened); the page also looks again whenever it is shown. The first
stick is where the page's file dialogs open (``first()``). Threading: GUI thread only; listing the drives reads
one small system file (Linux) or asks Windows for a few drive letters: cheap enough for the GUI thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from survey_app.core import platform


class DriveRow(QWidget):
    chosen = Signal(Path)

    def __init__(self, prompt: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("syncDrives")
        self.drives: list[platform.Drive] = []
        self.buttons: list[QPushButton] = []
        self.prompt = QLabel(prompt, self)
        self.prompt.setObjectName("syncHint")
        self.none = QLabel(self.tr("没有找到 U 盘：插入 U 盘后点“刷新”，或用上面的按钮选择文件夹。"), self)
        self.none.setObjectName("syncHint")
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.refresh_button.setToolTip(self.tr("重新查找插入的 U 盘"))
        self.refresh_button.clicked.connect(self.refresh)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(8)
        self._row.addWidget(self.prompt)
        self._row.addWidget(self.none)
        self._row.addStretch(1)
        self._row.addWidget(self.refresh_button)
        self.refresh()

    def refresh(self) -> None:
        """Look for sticks again and show one button per stick."""
        for button in self.buttons:
            self._row.removeWidget(button)
            button.deleteLater()
        self.drives = platform.removable_drives()
        self.buttons = []
        for n, drive in enumerate(self.drives):
            button = QPushButton(drive.title, self)
            button.setObjectName("syncAction")
            button.setToolTip(str(drive.path))
            button.clicked.connect(lambda _=False, p=drive.path: self.chosen.emit(p))
            self._row.insertWidget(1 + n, button)
            button.show()  # added after the row was shown: Qt shows it only when asked
            self.buttons.append(button)
        self.none.setVisible(not self.drives)

    def first(self) -> str:
        """Where a file dialog opens: the first stick, else "" (the dialog's own default)."""
        return str(self.drives[0].path) if self.drives else ""

    def showEvent(self, event) -> None:  # noqa: ANN001 - Qt's name
        super().showEvent(event)
        self.refresh()
