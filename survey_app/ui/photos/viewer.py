"""A photo at window size with previous/next: its category, caption, file name, capture time
(on the project's clock, Asia/Shanghai, whatever this computer's zone) and GPS position.

Decoded on the GUI thread at most at screen size (one photo, ~50 ms), then only rescaled on resize.
Keys: ←/→ or PgUp/PgDn previous/next, Home/End, Esc closes. Threading: GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QPixmap, QResizeEvent, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from survey_app.core.services.attachments import AttachedPhoto
from survey_app.ui.photos import labels
from survey_app.ui.photos.thumbnails import read_scaled


class PhotoViewer(QDialog):
    def __init__(self, photos: list[AttachedPhoto], index: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("photoViewer")
        self.photos, self.index = photos, index
        self._pixmap = QPixmap()
        screen = (parent.screen() if parent else QGuiApplication.primaryScreen()).availableGeometry()
        self._decode_box = QSize(screen.width(), screen.height())
        self.resize(int(screen.width() * 0.9), int(screen.height() * 0.9))

        self.image = QLabel(self)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.image.setStyleSheet("background: #222; color: #ddd;")
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.prev_button = QPushButton(self.tr("◀ 上一张"), self)
        self.next_button = QPushButton(self.tr("下一张 ▶"), self)
        close = QPushButton(self.tr("关闭"), self)
        for b in (self.prev_button, self.next_button, close):
            b.setMinimumSize(110, 40)
            b.setAutoDefault(False)
        self.prev_button.clicked.connect(lambda: self.show_index(self.index - 1))
        self.next_button.clicked.connect(lambda: self.show_index(self.index + 1))
        close.clicked.connect(self.accept)

        bar = QHBoxLayout()
        bar.addWidget(self.prev_button)
        bar.addWidget(self.info, 1)
        bar.addWidget(self.next_button)
        bar.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.image, 1)
        layout.addLayout(bar)
        for key, step in ((QKeySequence(Qt.Key.Key_PageUp), -1), (QKeySequence(Qt.Key.Key_PageDown), 1)):
            QShortcut(key, self, lambda s=step: self.show_index(self.index + s))
        self.show_index(index)

    def show_index(self, index: int) -> None:
        if not 0 <= index < len(self.photos):
            return
        self.index = index
        photo = self.photos[index]
        image = read_scaled(photo.path, self._decode_box, photo.key)
        self._pixmap = QPixmap.fromImage(image) if not image.isNull() else QPixmap()
        self.info.setText(self.tr("{title}　（第{i}张，共{n}张）\n{name}　拍摄时间：{when}（北京时间）　位置：{gps}").format(
            title=labels.title(photo), name=photo.original_name, when=labels.when_text(photo),
            gps=labels.gps_text(photo), i=index + 1, n=len(self.photos)))
        self.setWindowTitle(self.tr("照片 — {name}").format(name=photo.original_name))
        self.prev_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self.photos) - 1)
        self._fit()

    def _fit(self) -> None:
        if self._pixmap.isNull():
            self.image.setText(self.tr("无法读取此图片"))
            return
        self.image.setPixmap(self._pixmap.scaled(self.image.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                                 Qt.TransformationMode.SmoothTransformation))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Left:
            self.show_index(self.index - 1)
        elif key == Qt.Key.Key_Right:
            self.show_index(self.index + 1)
        elif key == Qt.Key.Key_Home:
            self.show_index(0)
        elif key == Qt.Key.Key_End:
            self.show_index(len(self.photos) - 1)
        else:
            super().keyPressEvent(event)
