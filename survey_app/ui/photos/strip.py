"""The household's photos as thumbnails, with 添加照片… (many files at once, or dropped from a folder).

Attaching copies the files into the project's content-addressed media store and records them in one
unit of work (attachments.attach_photos) on the TaskRunner's worker, with progress and cancel; the
same photo twice is one photo. Photos are saved the moment they are attached — they are not part
of the form's Save. Thumbnails decode off the GUI thread (thumbnails.py) and fill in as they come.
Threading: GUI thread; the attach job runs on the TaskRunner's worker.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QLabel, QListView, QListWidget, QListWidgetItem,
                               QMessageBox, QPushButton, QVBoxLayout, QWidget)

from survey_app.core.domain.errors import SurveyAppError
from survey_app.core.services import attachments
from survey_app.core.services.attachments import PHOTO_TYPES, AttachedPhoto
from survey_app.core.storage.database import Database
from survey_app.core.storage.uow import Actor, ChangeSet
from survey_app.ui import formatting
from survey_app.ui.changes import ChangeHub
from survey_app.ui.photos.thumbnails import ThumbnailLoader
from survey_app.ui.task_runner import TaskRunner

THUMB = QSize(160, 120)


class PhotoStrip(QWidget):
    attached = Signal(list)  # the AttachedPhoto records newly added (duplicates left out)
    thumbnails_done = Signal()  # every thumbnail asked for has arrived (tests, screenshots)

    def __init__(self, db: Database, actor: Actor, runner: TaskRunner, household_id: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor, self.runner, self.household_id = db, actor, runner, household_id
        self.photos: list[AttachedPhoto] = []
        self._pending: set[str] = set()
        self.busy = False
        self.setAcceptDrops(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        bar = QHBoxLayout()
        self.add_button = QPushButton(self.tr("＋ 添加照片…"), self)
        self.add_button.setObjectName("addPhotos")
        self.add_button.setMinimumHeight(36)
        self.add_button.setToolTip(self.tr("可一次选择多张（例如相机文件夹中的全部照片），也可把文件拖到这里"))
        self.add_button.clicked.connect(self.choose_files)
        bar.addWidget(self.add_button)
        self.status = QLabel(self)
        self.status.setObjectName("muted")
        self.status.setWordWrap(True)
        bar.addWidget(self.status, 1)
        layout.addLayout(bar)

        self.list = QListWidget(self)
        self.list.setObjectName("photoList")
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(THUMB)
        self.list.setGridSize(QSize(THUMB.width() + 24, THUMB.height() + 48))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(True)
        self.list.setDragDropMode(QListWidget.DragDropMode.NoDragDrop)
        self.list.setAcceptDrops(False)  # drops go to the strip (attach), not to the list (reorder)
        self.list.setMinimumHeight(THUMB.height() + 64)
        self.list.itemActivated.connect(lambda item: self.open_viewer(self.list.row(item)))
        layout.addWidget(self.list)

        self.loader = ThumbnailLoader(THUMB, self)
        self.loader.ready.connect(self._thumbnail)
        placeholder = QPixmap(THUMB)
        placeholder.fill(QColor("#e4e8ee"))
        self._placeholder = QIcon(placeholder)

    # --- listing ------------------------------------------------------------------------------------

    def reload(self) -> None:
        self.photos = attachments.list_photos(self.db, self.household_id)
        self.list.clear()
        self._pending = set()
        for photo in self.photos:
            when = formatting.datetime_local(photo.captured_at) if photo.captured_at else self.tr("拍摄时间不详")
            item = QListWidgetItem(self._placeholder, f"{photo.original_name}\n{when}")
            item.setData(Qt.ItemDataRole.UserRole, photo.id)
            item.setToolTip(f"{photo.original_name}\n{when}")
            item.setSizeHint(self.list.gridSize())
            self.list.addItem(item)
            self._pending.add(photo.id)
            self.loader.request(photo.id, photo.path)
        self._show_count()
        if not self._pending:
            self.thumbnails_done.emit()

    @property
    def loaded_count(self) -> int:
        return len(self.photos) - len(self._pending)

    def _thumbnail(self, key: str, image: QImage) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == key:
                if not image.isNull():
                    item.setIcon(QIcon(QPixmap.fromImage(image)))
                else:
                    item.setToolTip(item.toolTip() + "\n" + self.tr("无法读取此图片"))
                break
        self._pending.discard(key)
        if not self._pending:
            self.thumbnails_done.emit()

    def _show_count(self, extra: str = "") -> None:
        text = self.tr("共{n}张照片。双击或按 Enter 查看大图。").format(n=len(self.photos)) if self.photos \
            else self.tr("还没有照片。")
        self.status.setText(f"{extra}　{text}" if extra else text)

    # --- attaching ----------------------------------------------------------------------------------

    def choose_files(self) -> None:
        patterns = " ".join(f"*{s}" for s in sorted(PHOTO_TYPES))
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("选择照片（可多选）"), "",
                                                self.tr("照片 ({patterns})").format(patterns=patterns))
        if files:
            self.attach_files([Path(f) for f in files])

    def attach_files(self, files: list[Path]) -> None:
        if self.busy or not files or not self.add_button.isEnabled():
            return
        self.busy = True
        self.add_button.setEnabled(False)
        db, actor, hid = self.db, self.actor, self.household_id

        def job(progress, cancel):  # noqa: ANN001, ANN202 - worker thread: no widgets
            return attachments.attach_photos(db, actor, hid, files, progress=progress, cancel=cancel)

        self.runner.run(job, on_done=lambda added: self._attached(added, len(files)), on_error=self._failed,
                        label=self.tr("正在导入{n}张照片…").format(n=len(files)))

    def _attached(self, added: list[AttachedPhoto], asked: int) -> None:
        self.busy = False
        self.add_button.setEnabled(True)
        if added:
            # attach_photos returns the photos, not the commit's ChangeSet: say what it inserted.
            ChangeHub.instance().publish(ChangeSet(inserted={"attachments": {uuid.UUID(p.id) for p in added}}))
        self.reload()
        skipped = asked - len(added)
        text = self.tr("已添加{n}张。").format(n=len(added))
        if skipped:
            text += self.tr("{n}张已在本户照片中（或已取消），未重复添加。").format(n=skipped)
        self._show_count(text)
        self.attached.emit(added)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.add_button.setEnabled(True)
        if not isinstance(exc, SurveyAppError):
            raise exc
        QMessageBox.warning(self, self.tr("添加照片"), self.tr("照片未能添加：{error}").format(error=exc))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt API
        if self.add_button.isEnabled() and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt API
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        files = [f for f in files if f.suffix.lower() in PHOTO_TYPES]
        if files:
            event.acceptProposedAction()
            self.attach_files(files)

    # --- viewing, state -----------------------------------------------------------------------------

    def open_viewer(self, index: int) -> None:
        if not 0 <= index < len(self.photos):
            return
        from survey_app.ui.photos.viewer import PhotoViewer

        viewer = PhotoViewer(self.photos, index, self)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.open()

    def set_read_only(self, read_only: bool) -> None:
        self.add_button.setEnabled(not read_only)
        self.add_button.setVisible(not read_only)

    def shutdown(self) -> None:
        self.loader.shutdown()
