"""笔记本 at HQ: the enrolled laptops, which workers use each, and their assignment bundles.

The table lists the field devices with the workers set for each (``sync.device_users.<code>``, set
through core/services/assignment_admin.set_device_workers, never by hand). 接受登记申请… is the sync
page's own enrolment (ui/sync/hq_devices.DevicesPanel, embedded below, not copied): choose the
laptop's request file, compare the fingerprint, and the reply file is written next to the request
(on the stick). 指定调查员… picks the workers; 导出任务包… writes the selected laptop's bundle to a
folder. The HQ key password is asked once per session (KeySession). Threading: GUI thread only; the
writes run on the TaskRunner.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from survey_app.core.services import assignment_admin as admin
from survey_app.core.storage.database import Database
from survey_app.core.storage.uow import Actor
from survey_app.ui.hq.people_common import FormDialog, RowsModel, RowsTable
from survey_app.ui.sync.common import ERROR, OK, KeySession, ResultList, error_text
from survey_app.ui.sync.hq_devices import DevicesPanel
from survey_app.ui.task_runner import TaskRunner

CTX = "LaptopsPanel"
HEADERS = (QT_TRANSLATE_NOOP("LaptopsPanel", "设备代码"), QT_TRANSLATE_NOOP("LaptopsPanel", "名称"),
           QT_TRANSLATE_NOOP("LaptopsPanel", "状态"), QT_TRANSLATE_NOOP("LaptopsPanel", "调查员"))
_STATES = (QT_TRANSLATE_NOOP("LaptopsPanel", "已停用"), QT_TRANSLATE_NOOP("LaptopsPanel", "已登记"),
           QT_TRANSLATE_NOOP("LaptopsPanel", "未登记"), QT_TRANSLATE_NOOP("LaptopsPanel", "（未指定）"))


def _cells(d: admin.Laptop) -> list[str]:
    state = _STATES[0] if d.revoked else _STATES[1] if d.enrolled else _STATES[2]
    workers = "、".join(d.workers) if d.workers else QCoreApplication.translate(CTX, _STATES[3])
    return [d.code, d.name, QCoreApplication.translate(CTX, state), workers]


class LaptopsPanel(QWidget):
    def __init__(self, db: Database, actor: Actor, runner: TaskRunner, keys: KeySession, results: ResultList,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("peopleLaptops")
        self.db, self.actor, self.runner, self.keys, self.results = db, actor, runner, keys, results
        self.model = RowsModel(CTX, HEADERS, _cells, self)
        self.table = RowsTable(self.model, lambda d: d.code, self)
        self.table.setObjectName("laptopsTable")
        self.devices = DevicesPanel(db, actor, runner, keys, self)  # enrolment (and H3's device tools)
        self.accept_button = QPushButton(self.tr("接受登记申请…"), self)
        self.accept_button.setObjectName("acceptEnrollment")
        self.accept_button.clicked.connect(self.devices.choose_and_accept)
        self.workers_button = QPushButton(self.tr("指定调查员…"), self)
        self.workers_button.setObjectName("deviceWorkers")
        self.workers_button.clicked.connect(self.open_workers)
        self.export_button = QPushButton(self.tr("导出任务包…"), self)
        self.export_button.setObjectName("exportAssignment")
        self.export_button.clicked.connect(self.choose_and_export)
        self.dialog: FormDialog | None = None
        buttons = QHBoxLayout()
        for b in (self.accept_button, self.workers_button, self.export_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.devices, 1)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.refresh()

    def refresh(self) -> None:
        self.table.reload(admin.laptops(self.db))
        self._selection_changed()

    def selected(self) -> admin.Laptop | None:
        return self.table.selected()

    def _selection_changed(self, *_args: object) -> None:
        d = self.selected()
        usable = d is not None and not d.revoked
        self.workers_button.setEnabled(usable)
        self.export_button.setEnabled(usable and d.enrolled)

    # --- workers on a laptop -----------------------------------------------------------------------------

    def open_workers(self) -> FormDialog | None:
        d = self.selected()
        if d is None:
            return None
        listing = QListWidget()
        listing.setObjectName("deviceWorkerList")
        for name in admin.assignable_workers(self.db):
            item = QListWidgetItem(name, listing)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in d.workers else Qt.CheckState.Unchecked)
        dialog = FormDialog(self, self.tr("使用 {code} 的调查员").format(code=d.code),
                            [(self.tr("调查员"), listing)])
        db, actor, code = self.db, self.actor, d.code

        def accepted() -> None:
            names = [listing.item(i).text() for i in range(listing.count())
                     if listing.item(i).checkState() == Qt.CheckState.Checked]
            self.runner.run(lambda progress, cancel: admin.set_device_workers(db, actor, code, names),
                            on_done=lambda got: self._workers_set(code, got),
                            on_error=lambda e: self.results.add(ERROR, self.tr("未保存：{error}").format(
                                error=error_text(e))), label=self.tr("正在保存…"), cancellable=False)

        dialog.accepted.connect(accepted)
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _workers_set(self, code: str, names: list[str]) -> None:
        self.results.add(OK, self.tr("设备 {code} 的调查员已保存").format(code=code), [
            "、".join(names) if names else self.tr("（无）"),
            self.tr("下一步：导出该笔记本的任务包，拷到 U 盘交给调查员导入。")])
        self.refresh()

    # --- assignment bundles ------------------------------------------------------------------------------

    def choose_and_export(self) -> None:
        d = self.selected()
        if d is None:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("任务包写到哪个文件夹（U 盘）"))
        if folder:
            self.export([d.code], Path(folder))

    def export(self, codes: list[str], folder: Path) -> int | None:
        """Write the assignment bundle of each laptop in ``codes`` to ``folder`` (one runner job)."""
        pair = self.keys.ensure()
        if pair is None:
            return None
        db, actor = self.db, self.actor
        return self.runner.run(
            lambda progress, cancel: admin.export_bundles(db, actor, pair, codes, folder, progress=progress,
                                                          cancel=cancel),
            on_done=self._exported,
            on_error=lambda e: self.results.add(ERROR, self.tr("任务包未写出：{error}").format(error=error_text(e))),
            label=self.tr("正在写出任务包…"), cancellable=True)

    def _exported(self, paths: list[Path]) -> None:
        lines = [self.tr("文件：{name}").format(name=p.name) for p in paths]
        if paths:
            lines.append(self.tr("位置：{folder}").format(folder=paths[0].parent))
        lines.append(self.tr("下一步：拷到 U 盘，在该笔记本的“同步”页点“导入回执 / 任务包”。"))
        self.results.add(OK, self.tr("已写出 {n} 个任务包").format(n=len(paths)), lines)
        self.refresh()
