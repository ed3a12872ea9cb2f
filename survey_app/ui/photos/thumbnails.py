"""Thumbnails decoded off the GUI thread.

``QImageReader.setScaledSize`` lets the JPEG decoder scale while decoding (a 12-megapixel photo
becomes a 160 px thumbnail in a few tens of ms instead of ~200 ms for a full decode), but a camera
folder of 40 photos would still freeze the GUI for seconds, so decoding runs on a private one-thread
pool. This is file reading only — no database — so it does not go through the TaskRunner (whose one
worker serialises database work and shows a progress dialog); a thumbnail is not a job the user waits
for. Threading: ``request`` and ``shutdown`` on the GUI thread; ``_Decode.run`` on the pool's thread
builds a QImage (safe off the GUI thread; QPixmap is not) and hands it back through a queued signal.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRunnable, QSize, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QImage, QImageReader


def read_scaled(path: Path, box: QSize, key: bytes | None = None) -> QImage:
    """Decode ``path`` scaled to fit ``box`` (EXIF orientation applied); a null image if unreadable.
    With ``key`` (an encrypted project's file key) the file is decrypted in memory first."""
    buffer = None
    if key is None:
        reader = QImageReader(str(path))
    else:
        from survey_app.core.files import read_private
        from survey_app.core.services import StorageError

        try:
            data = read_private(path, key)
        except (OSError, StorageError):
            return QImage()
        buffer = QBuffer()
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and (size.width() > box.width() or size.height() > box.height()):
        reader.setScaledSize(size.scaled(box, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if buffer is not None:
        buffer.close()
    if not image.isNull() and (image.width() > box.width() or image.height() > box.height()):
        # formats whose decoder cannot scale (or rotated photos) are scaled here, still off the GUI thread
        image = image.scaled(box, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
    return image


class _Signals(QObject):
    ready = Signal(str, QImage)


class _Decode(QRunnable):
    def __init__(self, key: str, path: Path, box: QSize, signals: _Signals, file_key: bytes | None = None):
        super().__init__()
        self.key, self.path, self.box, self.signals, self.file_key = key, path, box, signals, file_key

    def run(self) -> None:  # pool thread
        image = read_scaled(self.path, self.box, self.file_key)
        try:
            self.signals.ready.emit(self.key, image)
        except RuntimeError:  # the strip went away meanwhile
            pass


class ThumbnailLoader(QObject):
    ready = Signal(str, QImage)  # key, image (null when the file could not be read); GUI thread

    def __init__(self, box: QSize, parent: QObject | None = None):
        super().__init__(parent)
        self.box = box
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # a 2-core laptop: leave the other core to the GUI
        self._signals = _Signals(self)
        self._signals.ready.connect(self._forward, Qt.ConnectionType.QueuedConnection)

    def request(self, key: str, path: Path, file_key: bytes | None = None) -> None:
        self._pool.start(_Decode(key, path, self.box, self._signals, file_key))

    def shutdown(self, timeout_ms: int = 3000) -> None:
        self._pool.clear()
        self._pool.waitForDone(timeout_ms)

    @Slot(str, QImage)
    def _forward(self, key: str, image: QImage) -> None:
        self.ready.emit(key, image)
