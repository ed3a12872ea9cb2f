"""笔记本 at HQ: one list of the project's laptops and the whole life of each, in the order a clerk does it.

One table — code, name, state, the workers set on it (``sync.device_users.<code>``, set through
core/services/assignment_admin.set_device_workers, never by hand) and its key fingerprint — and one
row of buttons over it: 接受登记申请… (choose the laptop's request file on the stick, compare the
fingerprint in the question with the one the laptop shows, and the reply file is written next to the
request), 指定调查员…, 导出任务包… (the selected laptop's bundle to a folder). Under the table, 吊销…
with its reason for a lost or stolen laptop. Every result goes to the tab's one result list. (The sync
page's 设备与任务包 keeps its own tools, ui/sync/hq_devices.py, for the same core calls.)
The HQ key password is asked once per session (KeySession). Threading: GUI thread only; the writes
run on the TaskRunner.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from survey_app.core.domain.actor import Actor
from survey_app.core.domain.errors import SurveyAppError
from survey_app.core.services import Database, devices
from survey_app.core.services import assignment_admin as admin
from survey_app.core.sync import enrollment
from survey_app.ui.hq.people_common import FormDialog, RowsModel, RowsTable
from survey_app.ui.sync.common import ERROR, OK, KeySession, ResultList, error_text, fingerprint, publish_changes
from survey_app.ui.sync.hq_device_list import confirm_revoke
from survey_app.ui.task_runner import TaskRunner

CTX = "LaptopsPanel"
HEADERS = (QT_TRANSLATE_NOOP("LaptopsPanel", "设备代码"), QT_TRANSLATE_NOOP("LaptopsPanel", "名称"),
           QT_TRANSLATE_NOOP("LaptopsPanel", "状态"), QT_TRANSLATE_NOOP("LaptopsPanel", "调查员"),
           QT_TRANSLATE_NOOP("LaptopsPanel", "密钥指纹"))
_STATES = (QT_TRANSLATE_NOOP("LaptopsPanel", "已吊销（{day}）"), QT_TRANSLATE_NOOP("LaptopsPanel", "已登记"),
           QT_TRANSLATE_NOOP("LaptopsPanel", "未登记"), QT_TRANSLATE_NOOP("LaptopsPanel", "（未指定）"))


@dataclass(frozen=True)
class LaptopRow:
    """A laptop as the table shows it: the workers on it (assignment_admin) and its key (devices)."""

    code: str
    name: str
    enrolled: bool
    revoked: bool
    workers: tuple[str, ...]
    fingerprint: str
    revoked_day: str
    revoked_reason: str


def laptop_rows(db: Database) -> list[LaptopRow]:
    keys = {d.code: d for d in devices.list_devices(db)}
    out = []
    for d in admin.laptops(db):
        info = keys.get(d.code)
        out.append(LaptopRow(d.code, d.name, d.enrolled, d.revoked, d.workers, info.fingerprint if info else "",
                             devices.china_day(info.revoked_at) if info and info.revoked else "",
                             info.revoked_reason if info else ""))
    return out


def _cells(d: LaptopRow) -> list[str]:
    tr = QCoreApplication.translate
    state = tr(CTX, _STATES[0]).format(day=d.revoked_day) if d.revoked else tr(CTX, _STATES[1 if d.enrolled else 2])
    workers = "、".join(d.workers) if d.workers else tr(CTX, _STATES[3])
    return [d.code, d.name, state, workers, fingerprint(d.fingerprint) if d.fingerprint else "—"]


class LaptopsPanel(QWidget):
    def __init__(self, db: Database, actor: Actor, runner: TaskRunner, keys: KeySession, results: ResultList,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("peopleLaptops")
        self.db, self.actor, self.runner, self.keys, self.results = db, actor, runner, keys, results
        hint = QLabel(self.tr("① 接受登记申请：选择调查笔记本写出的登记申请（.json），核对指纹后登记，登记回复写在申请"
                              "文件旁边，拷回该笔记本导入。② 指定使用它的调查员。③ 分派住户后导出任务包。"), self)
        hint.setObjectName("syncHint")
        hint.setWordWrap(True)
        self.model = RowsModel(CTX, HEADERS, _cells, self)
        self.table = RowsTable(self.model, lambda d: d.code, self)
        self.table.setObjectName("laptopsTable")
        self.accept_button = QPushButton(self.tr("接受登记申请…"), self)
        self.accept_button.setObjectName("acceptEnrollment")
        self.accept_button.clicked.connect(self.choose_and_accept)
        self.workers_button = QPushButton(self.tr("指定调查员…"), self)
        self.workers_button.setObjectName("deviceWorkers")
        self.workers_button.clicked.connect(self.open_workers)
        self.export_button = QPushButton(self.tr("导出任务包…"), self)
        self.export_button.setObjectName("exportAssignment")
        self.export_button.clicked.connect(self.choose_and_export)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("revokeReason")
        self.reason.setPlaceholderText(self.tr("吊销原因（如：笔记本丢失）"))
        self.revoke_button = QPushButton(self.tr("吊销…"), self)
        self.revoke_button.setObjectName("revokeButton")
        self.revoke_button.setToolTip(self.tr("设备丢失或被盗时吊销：指挥部不再接受它的同步包，它在吊销之后签发的协议"
                                              "核验为无效（吊销随任务包传到各笔记本）。"))
        self.revoke_button.clicked.connect(self.ask_revoke)
        self.dialog: FormDialog | None = None
        buttons = QHBoxLayout()
        for b in (self.accept_button, self.workers_button, self.export_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        revoke = QHBoxLayout()
        revoke.addWidget(QLabel(self.tr("笔记本丢失或被盗："), self))
        revoke.addWidget(self.reason, 1)
        revoke.addWidget(self.revoke_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addLayout(revoke)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.refresh()

    def refresh(self) -> None:
        self.table.reload(laptop_rows(self.db))
        self._selection_changed()

    def selected(self) -> LaptopRow | None:
        return self.table.selected()

    def _selection_changed(self, *_args: object) -> None:
        d = self.selected()
        usable = d is not None and not d.revoked
        self.workers_button.setEnabled(usable)
        self.export_button.setEnabled(usable and d.enrolled)
        self.revoke_button.setEnabled(usable)

    # --- enrolment ---------------------------------------------------------------------------------------

    def choose_and_accept(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择设备登记申请"), "",
                                              self.tr("登记申请 (*.json);;所有文件 (*)"))
        if not path:
            return
        try:
            request = enrollment.read_request(Path(path))
        except SurveyAppError as exc:
            self.results.add(ERROR, self.tr("{name} 不能登记：{error}").format(name=Path(path).name, error=exc))
            return
        answer = QMessageBox.question(self, self.tr("登记设备"), self.tr(
            "设备名称：{name}\n设备密钥指纹：{fp}\n\n请与调查笔记本上显示的指纹核对。登记此设备？").format(
                name=request.name, fp=fingerprint(request.fingerprint)))
        if answer == QMessageBox.StandardButton.Yes:
            self.accept(Path(path))

    def accept(self, path: Path) -> int | None:
        """Enrol the laptop whose request is ``path`` (next free code); the reply goes next to the request."""
        pair = self.keys.ensure()
        if pair is None:
            return None
        db, actor = self.db, self.actor
        return self.runner.run(
            lambda progress, cancel: enrollment.accept_request(db, actor, pair, path, path.parent),
            on_done=self._accepted,
            on_error=lambda e: self.results.add(ERROR, self.tr("{name} 未登记：{error}").format(
                name=path.name, error=error_text(e))),
            label=self.tr("正在登记设备…"), cancellable=False)

    def _accepted(self, enrolled: tuple[str, Path]) -> None:
        code, reply = enrolled
        hq = fingerprint(self.keys.pair.fingerprint) if self.keys.pair else ""
        self.results.add(OK, self.tr("已登记设备 {code}").format(code=code), [
            self.tr("登记回复文件：{path}").format(path=reply),
            self.tr("指挥部密钥指纹：{fp}（设备导入后会显示，请与调查员核对）").format(fp=hq),
            self.tr("下一步：把登记回复文件拷回该笔记本导入；再点“指定调查员…”。")])
        self.refresh()
        self.table.select(code)
        publish_changes(enrolled)

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

    # --- revocation --------------------------------------------------------------------------------------

    def ask_revoke(self) -> None:
        d = self.selected()
        if d is None:
            return
        reason = self.reason.text().strip()
        if not reason:
            self.results.add(ERROR, self.tr("请先填写吊销原因"))
            self.reason.setFocus()
            return
        if confirm_revoke(self, d, reason):
            self.revoke(d.code, reason)

    def revoke(self, code: str, reason: str) -> int | None:
        db, actor = self.db, self.actor
        return self.runner.run(
            lambda progress, cancel: devices.revoke(db, actor, code, reason),
            on_done=self._revoked,
            on_error=lambda e: self.results.add(ERROR, self.tr("设备 {code} 未吊销：{error}").format(
                code=code, error=error_text(e))),
            label=self.tr("正在吊销设备…"), cancellable=False)

    def _revoked(self, device: devices.DeviceInfo) -> None:
        code = device.code
        self.reason.clear()
        self.refresh()
        self.results.add(OK, self.tr("已吊销设备 {code}").format(code=code), [
            self.tr("指挥部不再接受它的同步包。"),
            self.tr("下一步：给其他笔记本导出任务包，让它们也知道此设备已吊销。")])
        publish_changes(device)
