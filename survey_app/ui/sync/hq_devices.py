"""设备与任务包 at HQ: enroll a laptop from its request file; write a device's assignment bundle.

设备登记: choose the request file the laptop wrote (on the stick); its name and key fingerprint are
shown for confirmation (the worker reads the same fingerprint off the laptop); HQ gives it a code
(D01, D02 … or one typed) and writes the enrollment file next to the request. 下发任务包: a device
code and the field workers whose households it carries; the file goes to a chosen folder. Below: the
project's devices with their fingerprints and state, and 吊销 (ui/sync/hq_device_list.py).
Threading: GUI thread only; the core calls run on the TaskRunner's worker.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
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
from survey_app.core.services import Database
from survey_app.core.sync import assignments, enrollment
from survey_app.ui.sync.common import ERROR, OK, KeySession, ResultList, card, error_text, fingerprint, publish_changes
from survey_app.ui.sync.hq_device_list import DeviceList
from survey_app.ui.task_runner import TaskRunner


class DevicesPanel(QWidget):
    def __init__(self, db: Database, actor: Actor, runner: TaskRunner, keys: KeySession,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("devicesPanel")
        self.db, self.actor, self.runner, self.keys = db, actor, runner, keys
        self.results = ResultList(self, placeholder=self.tr("登记和任务包的结果会显示在这里。"))

        self.code = QLineEdit(self)
        self.code.setObjectName("enrollCode")
        self.code.setPlaceholderText(self.tr("留空则自动编号（D01、D02…）"))
        self.accept_button = QPushButton(self.tr("选择登记申请并登记…"), self)
        self.accept_button.setObjectName("syncAction")
        self.accept_button.clicked.connect(self.choose_and_accept)
        enroll_form = QWidget(self)
        f1 = QFormLayout(enroll_form)
        f1.setContentsMargins(0, 0, 0, 0)
        f1.addRow(self.tr("设备代码"), self.code)
        enroll = card(self, self.tr("设备登记"), self.tr(
            "选择调查笔记本写出的登记申请（.json），核对设备名称和指纹后登记。"
            "登记回复文件写在申请文件旁边，拷回该笔记本导入。"), self.accept_button)
        enroll.layout().insertWidget(2, enroll_form)

        self.device = QLineEdit(self)
        self.device.setObjectName("assignDevice")
        self.device.setPlaceholderText(self.tr("如 D01"))
        self.users = QListWidget(self)
        self.users.setObjectName("assignUsers")
        for name in assignments.field_users(db):
            item = QListWidgetItem(name, self.users)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.users.setMaximumHeight(4 * (self.fontMetrics().height() + 8))
        self.assign_button = QPushButton(self.tr("写出任务包…"), self)
        self.assign_button.setObjectName("syncAction")
        self.assign_button.clicked.connect(self.choose_and_assign)
        assign_form = QWidget(self)
        f2 = QFormLayout(assign_form)
        f2.setContentsMargins(0, 0, 0, 0)
        f2.addRow(self.tr("设备代码"), self.device)
        f2.addRow(self.tr("调查员"), self.users)
        assign = card(self, self.tr("下发任务包"), self.tr(
            "任务包带去补偿方案、各设备公钥和所选调查员负责的住户（含指挥部已决定的冲突）。"), self.assign_button)
        assign.layout().insertWidget(2, assign_form)

        row = QHBoxLayout()
        row.setSpacing(12)
        row.addWidget(enroll, 1)
        row.addWidget(assign, 1)
        self.list = DeviceList(db, actor, runner, self.results, self)  # fingerprints, state, 吊销
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(row)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.results, 1)

    def checked_users(self) -> list[str]:
        return [self.users.item(i).text() for i in range(self.users.count())
                if self.users.item(i).checkState() == Qt.CheckState.Checked]

    # --- enrollment -------------------------------------------------------------------------------------

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
        pair = self.keys.ensure()
        if pair is None:
            return None
        code = self.code.text().strip().upper() or None
        db, actor = self.db, self.actor
        return self.runner.run(
            lambda progress, cancel: enrollment.accept_request(db, actor, pair, path, path.parent, code=code),
            on_done=lambda r: self._accepted(path, r),
            on_error=lambda e: self.results.add(ERROR, self.tr("{name} 未登记：{error}").format(
                name=path.name, error=error_text(e))),
            label=self.tr("正在登记设备…"), cancellable=False)

    def _accepted(self, request: Path, enrolled: tuple[str, Path]) -> None:
        code, out = enrolled
        self.code.clear()
        self.device.setText(code)
        hq = fingerprint(self.keys.pair.fingerprint) if self.keys.pair else ""
        self.results.add(OK, self.tr("已登记设备 {code}").format(code=code), [
            self.tr("登记回复文件：{path}").format(path=out),
            self.tr("指挥部密钥指纹：{fp}（设备导入后会显示，请与调查员核对）").format(fp=hq),
            self.tr("下一步：把登记回复文件拷回该笔记本导入，再为它下发任务包。")])
        self.list.refresh()
        publish_changes(enrolled)

    # --- assignments ------------------------------------------------------------------------------------

    def choose_and_assign(self) -> None:
        if not self._check_assign():
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("任务包写到哪个文件夹（U 盘）"))
        if folder:
            self.assign(Path(folder))

    def _check_assign(self) -> bool:
        if not self.device.text().strip():
            self.results.add(ERROR, self.tr("请填写设备代码"))
            self.device.setFocus()
            return False
        return True

    def assign(self, folder: Path) -> int | None:
        if not self._check_assign():
            return None
        pair = self.keys.ensure()
        if pair is None:
            return None
        code, users = self.device.text().strip().upper(), self.checked_users()
        db, actor = self.db, self.actor
        return self.runner.run(
            lambda progress, cancel: assignments.write_assignment(db, actor, pair, code, users, folder),
            on_done=lambda path: self.results.add(OK, self.tr("已写出设备 {code} 的任务包").format(code=code), [
                self.tr("文件：{name}").format(name=path.name), self.tr("位置：{folder}").format(folder=path.parent),
                self.tr("调查员：{users}").format(users="、".join(users) if users else self.tr("（无，只更新方案和设备公钥）")),
                self.tr("下一步：拷到 U 盘，在该笔记本的“同步”页点“导入回执 / 任务包”。")]),
            on_error=lambda e: self.results.add(ERROR, self.tr("任务包未写出：{error}").format(error=error_text(e))),
            label=self.tr("正在写出任务包…"), cancellable=False)
