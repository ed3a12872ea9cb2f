"""The household's photos as thumbnails, with 添加照片… (many files at once, or dropped from a folder).

Attaching copies the files into the project's content-addressed media store and records them in one
unit of work (attachments.attach_photos) on the TaskRunner's worker, with progress and cancel; the
same photo twice is one photo. Photos are saved the moment they are attached — they are not part
of the form's Save. Thumbnails decode off the GUI thread (thumbnails.py) and fill in as they come.
Threading: GUI thread; the attach job runs on the TaskRunner's worker.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QIcon, QImage, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from survey_app.core.domain.actor import Actor, ChangeSet
from survey_app.core.domain.errors import SurveyAppError
from survey_app.core.domain.written import WrittenList
from survey_app.core.services import Database, attachments
from survey_app.core.services.attachments import CAPTION_MAX, PHOTO_TYPES, AttachedPhoto
from survey_app.ui.changes import ChangeHub
from survey_app.ui.photos import labels
from survey_app.ui.photos.thumbnails import ThumbnailLoader
from survey_app.ui.task_runner import TaskRunner

THUMB = QSize(160, 120)


class PhotoStrip(QWidget):
    attached = Signal(list)  # the AttachedPhoto records newly added (duplicates left out)
    thumbnails_done = Signal()  # every thumbnail asked for has arrived (tests, screenshots)
    saved = Signal()  # a category, caption or deletion has been written (tests)

    def __init__(self, db: Database, actor: Actor, runner: TaskRunner, household_id: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor, self.runner, self.household_id = db, actor, runner, household_id
        self.photos: list[AttachedPhoto] = []
        self._pending: set[str] = set()
        self.busy = False
        self.read_only = False
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
        self.list.currentRowChanged.connect(self._show_current)
        layout.addWidget(self.list)
        layout.addLayout(self._details_row())

        self.loader = ThumbnailLoader(THUMB, self)
        self.loader.ready.connect(self._thumbnail)
        placeholder = QPixmap(THUMB)
        placeholder.fill(QColor("#e4e8ee"))
        self._placeholder = QIcon(placeholder)

    def _details_row(self) -> QHBoxLayout:
        """The selected photo's category, caption and delete button (saved at once, like attaching)."""
        row = QHBoxLayout()
        self.category = QComboBox(self)
        self.category.setObjectName("photoCategory")
        for code, label in labels.category_labels():
            self.category.addItem(label, code)
        self.category.setToolTip(self.tr("照片分类：外观、室内、证件、临建批复或其他"))
        self.category.activated.connect(lambda _i: self._save_details())
        self.caption = QLineEdit(self)
        self.caption.setObjectName("photoCaption")
        self.caption.setMaxLength(CAPTION_MAX)
        self.caption.setPlaceholderText(self.tr("照片说明，例如：东立面、厨房、房产证第1页"))
        self.caption.editingFinished.connect(self._save_details)
        self.delete_button = QPushButton(self.tr("删除照片…"), self)
        self.delete_button.setObjectName("deletePhoto")
        self.delete_button.clicked.connect(self.delete_current)
        self.list.installEventFilter(self)  # Delete on a thumbnail asks to delete it
        row.addWidget(QLabel(self.tr("分类"), self))
        row.addWidget(self.category)
        row.addWidget(QLabel(self.tr("说明"), self))
        row.addWidget(self.caption, 1)
        row.addWidget(self.delete_button)
        self._show_current(-1)
        return row

    # --- listing ------------------------------------------------------------------------------------

    def reload(self) -> None:
        keep = self.current_photo().id if self.current_photo() else None
        self.photos = attachments.list_photos(self.db, self.household_id)
        self.list.clear()
        self._pending = set()
        for photo in self.photos:
            item = QListWidgetItem(self._placeholder, "")
            item.setData(Qt.ItemDataRole.UserRole, photo.id)
            item.setSizeHint(self.list.gridSize())
            self._describe(item, photo)
            self.list.addItem(item)
            self._pending.add(photo.id)
            self.loader.request(photo.id, photo.path, photo.key)
        ids = [p.id for p in self.photos]
        self.list.setCurrentRow(ids.index(keep) if keep in ids else (0 if ids else -1))
        self._show_current(self.list.currentRow())
        self._show_count()
        if not self._pending:
            self.thumbnails_done.emit()

    def _describe(self, item: QListWidgetItem, photo: AttachedPhoto) -> None:
        when = labels.when_text(photo)
        item.setText(f"{labels.title(photo)}\n{when}")
        item.setToolTip("\n".join([labels.title(photo), photo.original_name,
                                   self.tr("拍摄时间：{when}（北京时间）").format(when=when), labels.gps_text(photo)]))

    def current_photo(self) -> AttachedPhoto | None:
        row = self.list.currentRow()
        return self.photos[row] if 0 <= row < len(self.photos) else None

    def _show_current(self, row: int) -> None:
        photo = self.photos[row] if 0 <= row < len(self.photos) else None
        self.category.setCurrentIndex(max(0, self.category.findData(photo.category if photo else "")))
        self.caption.setText(photo.caption if photo else "")
        editable = photo is not None and not self.read_only
        for w in (self.category, self.caption, self.delete_button):
            w.setEnabled(editable)
        why = (self.tr("只读：不能修改照片") if self.read_only else self.tr("先在上面选中一张照片")) if not editable else ""
        self.delete_button.setToolTip(why or self.tr("删除选中的照片（会先确认；审计日志记下删除）"))

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

    def _attached(self, added: WrittenList[AttachedPhoto], asked: int) -> None:
        self.busy = False
        self.add_button.setEnabled(True)
        ChangeHub.instance().publish(added.changes)  # what attach_photos' commit inserted (nothing: not published)
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

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.add_button.isEnabled() and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        files = [f for f in files if f.suffix.lower() in PHOTO_TYPES]
        if files:
            event.acceptProposedAction()
            self.attach_files(files)

    # --- category, caption, delete ------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.list and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Delete):
            self.delete_current()
            return True
        return super().eventFilter(watched, event)

    def _save_details(self) -> None:
        photo = self.current_photo()
        if photo is None or self.read_only:
            return
        category, caption = self.category.currentData() or "", " ".join(self.caption.text().split())
        if (category, caption) == (photo.category, photo.caption):
            return  # editingFinished also fires on a mere focus change
        db, actor = self.db, self.actor

        def job(progress, cancel):  # noqa: ANN001, ANN202 - worker thread: no widgets
            return attachments.update_photo(db, actor, photo.id, category=category, caption=caption)

        self.runner.run(job, on_done=self._updated, on_error=self._write_failed, show_progress=False)

    def _updated(self, photo: AttachedPhoto) -> None:
        ChangeHub.instance().publish(photo.changes)
        for i, old in enumerate(self.photos):
            if old.id == photo.id:
                self.photos[i] = photo
                self._describe(self.list.item(i), photo)
                if i == self.list.currentRow():
                    self._show_current(i)
        self._show_count(self.tr("已保存照片信息。"))
        self.saved.emit()

    def delete_current(self) -> None:
        """Ask, then tombstone the selected photo. The question is a window-modal box (tests click it)."""
        photo = self.current_photo()
        if photo is None or self.read_only:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("删除照片"), self.tr(
            "删除照片“{name}”吗？\n照片是调查证据：删除后不再显示，但审计日志会记下谁在何时删除。").format(
            name=photo.caption or photo.original_name), parent=self)
        box.setObjectName("confirmDeletePhoto")
        delete = box.addButton(self.tr("删除"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)  # Enter must not delete evidence
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda b: self._delete(photo) if b is delete else None)
        box.open()

    def _delete(self, photo: AttachedPhoto) -> None:
        db, actor = self.db, self.actor

        def job(progress, cancel):  # noqa: ANN001, ANN202 - worker thread: no widgets
            return attachments.delete_photo(db, actor, photo.id)

        self.runner.run(job, on_done=self._deleted, on_error=self._write_failed, show_progress=False)

    def _deleted(self, changes: ChangeSet) -> None:
        ChangeHub.instance().publish(changes)
        self.reload()
        self._show_count(self.tr("已删除照片。"))
        self.saved.emit()

    def _write_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, SurveyAppError):
            raise exc
        QMessageBox.warning(self, self.tr("照片"), self.tr("未能保存：{error}").format(error=exc))
        self.reload()  # show what is really stored

    # --- viewing, state -----------------------------------------------------------------------------

    def open_viewer(self, index: int) -> None:
        if not 0 <= index < len(self.photos):
            return
        from survey_app.ui.photos.viewer import PhotoViewer

        viewer = PhotoViewer(self.photos, index, self)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.open()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.add_button.setEnabled(not read_only)
        self.add_button.setVisible(not read_only)
        self.delete_button.setVisible(not read_only)
        self._show_current(self.list.currentRow())

    def shutdown(self) -> None:
        self.loader.shutdown()
