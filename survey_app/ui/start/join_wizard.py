"""加入项目（调查员笔记本）: a fresh laptop joins HQ's project in two sittings (core/services/project_join.py).

① 生成登记申请: device name (and a code, optional: HQ gives the real one), a device password typed twice,
the folder of the USB stick. A new, empty, encrypted field database is made (no demo; its key vault has
only the device slot, so each worker's first login here also asks the device password once) and listed
as "pending" on this machine; the request file goes to the stick and the key fingerprint is shown, to read out to HQ.
② 导入登记回复和任务包 (right away, or later from the start window's list): HQ's reply (.saenroll) and the
assignment bundle(s) (.saassign); after them the accounts HQ made exist and can log in, and
``ready`` is the database to open. Threading: GUI thread; the core work runs on the TaskRunner's worker.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from survey_app.core.domain.errors import SurveyAppError
from survey_app.core.paths import data_dir
from survey_app.core.services import project_registry
from survey_app.core.services.project_join import JoinFinished, JoinStarted
from survey_app.ui.kit import theme
from survey_app.ui.task_runner import TaskRunner


def _groups(text: str) -> str:
    text = text.upper()
    return " ".join(text[i:i + 4] for i in range(0, len(text), 4))


def new_field_path(folder: Path) -> Path:
    stem = "field-" + dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path, n = folder / f"{stem}.sqlite3", 2
    while path.exists():
        path, n = folder / f"{stem}-{n}.sqlite3", n + 1
    return path


class JoinWizard(QDialog):
    def __init__(self, runner: TaskRunner, parent: QWidget | None = None, *, pending: Path | None = None):
        super().__init__(parent)
        self.setObjectName("joinWizard")
        self.setWindowTitle(self.tr("加入项目（调查员笔记本）"))
        self.runner = runner
        self.path: Path | None = Path(pending) if pending else None
        self.ready: Path | None = None
        self.request_dir: Path | None = None
        self.response: Path | None = None
        self.assignments: list[Path] = []
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._start_page())
        self.pages.addWidget(self._finish_page())
        self.error = QLabel(self)
        self.error.setObjectName("joinError")
        theme.set_role(self.error, "error")
        self.error.setWordWrap(True)
        self.close_button = QPushButton(self.tr("关闭（稍后继续）"), self)
        self.close_button.setObjectName("joinClose")
        self.close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.error, 1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(bottom)
        self.pages.setCurrentIndex(1 if pending else 0)
        self.resize(720, 520)

    def _line(self, name: str, placeholder: str = "", password: bool = False) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        if password:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def _title(self, text: str, hint: str) -> list[QLabel]:
        title = QLabel(text, self)
        theme.set_role(title, "bigTitle")
        note = QLabel(hint, self)
        note.setWordWrap(True)
        theme.set_role(note, "hint")
        return [title, note]

    # --- ① request --------------------------------------------------------------------------------------

    def _start_page(self) -> QWidget:
        page = QWidget(self)
        self.device_name = self._line("joinDeviceName", self.tr("如 调查组1号笔记本"))
        self.device_code = self._line("joinDeviceCode", self.tr("可不填：指挥部登记时分配正式代码"))
        self.device_password = self._line("joinPassword", self.tr("至少 8 位"), password=True)
        self.device_password2 = self._line("joinPassword2", "", password=True)
        self.folder_label = QLabel(self.tr("尚未选择"), self)
        self.folder_label.setObjectName("joinFolder")
        folder_button = QPushButton(self.tr("选择 U 盘文件夹…"), self)
        folder_button.clicked.connect(self.choose_request_dir)
        self.request_button = QPushButton(self.tr("生成登记申请"), self)
        self.request_button.setObjectName("joinRequest")
        self.request_button.clicked.connect(self.write_request)
        self.request_result = QLabel(self)
        self.request_result.setObjectName("joinRequestResult")
        self.request_result.setWordWrap(True)
        self.next_button = QPushButton(self.tr("已拿到指挥部的回复：继续 ②"), self)
        self.next_button.setObjectName("joinNext")
        self.next_button.setVisible(False)
        self.next_button.clicked.connect(lambda: self.pages.setCurrentIndex(1))
        form = QFormLayout()
        form.addRow(self.tr("设备名称 *"), self.device_name)
        form.addRow(self.tr("设备代码"), self.device_code)
        form.addRow(self.tr("设备密码 *"), self.device_password)
        form.addRow(self.tr("再次输入密码 *"), self.device_password2)
        where = QHBoxLayout()
        where.addWidget(self.folder_label, 1)
        where.addWidget(folder_button)
        form.addRow(self.tr("U 盘文件夹 *"), where)
        layout = QVBoxLayout(page)
        for w in self._title(self.tr("① 生成登记申请"), self.tr(
                "本机将新建一个空的、加密的项目数据库（不含演示数据）。设备密码解开它和本机的同步密钥，"
                "调查员第一次在本机登录时也要输入一次；请牢记：忘记后只能重新登记。登记申请写到 U 盘，交给指挥部。")):
            layout.addWidget(w)
        layout.addLayout(form)
        layout.addWidget(self.request_button)
        layout.addWidget(self.request_result, 1)
        layout.addWidget(self.next_button)
        return page

    def choose_request_dir(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("登记申请写到哪个文件夹（U 盘）"))
        if folder:
            self.set_request_dir(Path(folder))

    def set_request_dir(self, folder: Path) -> None:
        self.request_dir = Path(folder)
        self.folder_label.setText(str(self.request_dir))

    def write_request(self) -> int | None:
        if self.device_password.text() != self.device_password2.text():
            self.device_password2.clear()
            return self._fail_text(self.tr("两次输入的密码不一致"), self.device_password2)
        if self.request_dir is None:
            return self._fail_text(self.tr("请先选择 U 盘文件夹"))
        path = new_field_path(data_dir())
        name, code, password, folder = (self.device_name.text(), self.device_code.text(),
                                        self.device_password.text(), self.request_dir)
        self.error.clear()
        self.request_button.setEnabled(False)

        def job(progress, cancel):  # noqa: ANN001, ANN202 - worker thread
            from survey_app.core.services.project_join import start_join

            return start_join(path, device_name=name, device_code=code, device_password=password,
                              request_dir=folder)

        return self.runner.run(job, on_done=self._requested, on_error=self._failed,
                               label=self.tr("正在生成密钥和登记申请…"), cancellable=False)

    def _requested(self, started: JoinStarted) -> None:
        self.path = started.path
        project_registry.remember(started.path, name=self.tr("待登记：{name}").format(
            name=self.device_name.text().strip()), role="field", pending=True)
        self.device_password.clear()
        self.device_password2.clear()
        self.request_result.setText(self.tr(
            "<b>登记申请已写出：</b>{file}<br>本机密钥指纹：<b>{fp}</b><br>下一步：把此文件交给指挥部，"
            "并把这串指纹读给指挥部核对。拿到登记回复和任务包后，在开始窗口的项目列表中打开本项目继续。").format(
                file=started.request_file, fp=_groups(started.fingerprint)))
        self.next_button.setVisible(True)

    # --- ② reply and assignments ------------------------------------------------------------------------

    def _finish_page(self) -> QWidget:
        page = QWidget(self)
        self.response_label = QLabel(self.tr("尚未选择"), self)
        self.response_label.setObjectName("joinResponse")
        response_button = QPushButton(self.tr("选择登记回复…"), self)
        response_button.clicked.connect(self.choose_response)
        self.assign_label = QLabel(self.tr("尚未选择"), self)
        self.assign_label.setObjectName("joinAssignments")
        assign_button = QPushButton(self.tr("选择任务包…"), self)
        assign_button.clicked.connect(self.choose_assignments)
        self.finish_password = self._line("joinFinishPassword", self.tr("生成登记申请时设置的设备密码"), True)
        self.finish_button = QPushButton(self.tr("导入并完成登记"), self)
        self.finish_button.setObjectName("joinFinish")
        self.finish_button.clicked.connect(self.finish)
        self.finish_result = QLabel(self)
        self.finish_result.setObjectName("joinFinishResult")
        self.finish_result.setWordWrap(True)
        self.open_button = QPushButton(self.tr("打开项目"), self)
        self.open_button.setObjectName("joinOpen")
        self.open_button.setVisible(False)
        self.open_button.clicked.connect(self.accept)
        form = QFormLayout()
        for label, text, button in ((self.tr("登记回复 *"), self.response_label, response_button),
                                    (self.tr("任务包"), self.assign_label, assign_button)):
            row = QHBoxLayout()
            row.addWidget(text, 1)
            row.addWidget(button)
            form.addRow(label, row)
        form.addRow(self.tr("设备密码 *"), self.finish_password)
        layout = QVBoxLayout(page)
        for w in self._title(self.tr("② 导入登记回复和任务包"), self.tr(
                "指挥部登记本机后会给你登记回复文件（.saenroll）和任务包（.saassign）。"
                "导入后本机就有了项目、补偿方案、指挥部为你建的账号和分派的住户。")):
            layout.addWidget(w)
        layout.addLayout(form)
        layout.addWidget(self.finish_button)
        layout.addWidget(self.finish_result, 1)
        layout.addWidget(self.open_button)
        return page

    def choose_response(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择指挥部的登记回复文件"), "",
                                              self.tr("登记回复 (*.saenroll);;所有文件 (*)"))
        if path:
            self.set_response(Path(path))

    def set_response(self, path: Path) -> None:
        self.response = Path(path)
        self.response_label.setText(self.response.name)

    def choose_assignments(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("选择任务包"), "",
                                                self.tr("任务包 (*.saassign);;所有文件 (*)"))
        if paths:
            self.set_assignments([Path(p) for p in paths])

    def set_assignments(self, paths: list[Path]) -> None:
        self.assignments = [Path(p) for p in paths]
        self.assign_label.setText("、".join(p.name for p in self.assignments) or self.tr("尚未选择"))

    def finish(self) -> int | None:
        if self.path is None:
            return self._fail_text(self.tr("请先完成第 ① 步"))
        if self.response is None:
            return self._fail_text(self.tr("请选择指挥部的登记回复文件"))
        path, password, response, bundles = self.path, self.finish_password.text(), self.response, self.assignments
        self.error.clear()
        self.finish_button.setEnabled(False)

        def job(progress, cancel):  # noqa: ANN001, ANN202 - worker thread
            from survey_app.core.services.project_join import finish_join

            return finish_join(path, device_password=password, response=response, assignments=bundles)

        return self.runner.run(job, on_done=self._finished, on_error=self._failed,
                               label=self.tr("正在导入登记回复和任务包…"), cancellable=False)

    def _finished(self, done: JoinFinished) -> None:
        self.finish_password.clear()
        self.finish_button.setEnabled(True)
        lines = [self.tr("本机设备代码：<b>{code}</b>；项目：{project}").format(
            code=done.device_code, project=f"{done.project_code} {done.project_name}".strip()),
            self.tr("指挥部密钥指纹：<b>{fp}</b>（请与指挥部当面或电话核对；不一致时不要使用，并告知指挥部）").format(
                fp=_groups(done.hq_fingerprint))]
        if done.users:
            project_registry.remember(self.path, name=done.project_name, code=done.project_code, role="field",
                                      pending=False, opened=True)
            self.ready = self.path
            lines.append(self.tr("登记完成：本机有 {n} 个账号可以登录。点“打开项目”登录。").format(n=done.users))
            self.open_button.setVisible(True)
        else:
            lines.append(self.tr("本机还没有可登录的账号：请导入指挥部为本机写出的任务包。"))
        self.finish_result.setText("<br>".join(lines))

    # --- errors -----------------------------------------------------------------------------------------

    def _fail_text(self, message: str, widget: QWidget | None = None) -> None:
        self.error.setText(message)
        if widget is not None:
            widget.setFocus()
        return None

    def _failed(self, exc: BaseException) -> None:
        self.request_button.setEnabled(True)
        self.finish_button.setEnabled(True)
        text = str(exc) if isinstance(exc, SurveyAppError) else self.tr("操作失败：{error}").format(error=exc)
        self.error.setText(text)
