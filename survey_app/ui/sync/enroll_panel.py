"""Enrolling this laptop with HQ, shown on the 同步 page until it is done (once per laptop).

① 生成登记申请: a device name and the sync key password (typed twice: there is no way to recover a
forgotten one), then a folder (the USB stick); the core makes the key pair, seals it under the
password and writes the request file. ② 导入登记回复: the enrollment file HQ wrote; the result shows
HQ's key fingerprint in four groups, to compare with HQ by phone or face to face.
The password typed here unlocks the keys for this session too (KeySession): the worker is not
asked again for the first export. The password is passed to the job and dropped with it.
A real project (key vault) has its identity unlocked by the login: the password rows are hidden and
nothing is asked (``identity.needs_password``).
Threading: GUI thread only; the core calls run on the TaskRunner's worker.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QWidget

from survey_app.core.services import Database
from survey_app.core.sync import enrollment, identity
from survey_app.ui.sync.common import ERROR, OK, KeySession, ResultList, card, error_text, fingerprint, publish_changes
from survey_app.ui.task_runner import TaskRunner


class EnrollPanel(QWidget):
    enrolled = Signal()

    def __init__(self, db: Database, runner: TaskRunner, keys: KeySession, results: ResultList,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("enrollPanel")
        self.db, self.runner, self.keys, self.results = db, runner, keys, results
        self.name = QLineEdit(self)
        self.name.setObjectName("enrollName")
        self.name.setPlaceholderText(self.tr("例如：调查组1号笔记本"))
        self.password = QLineEdit(self)
        self.password.setObjectName("enrollPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit(self)
        self.password2.setObjectName("enrollPassword2")
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        for edit in (self.name, self.password, self.password2):
            edit.setMinimumHeight(32)
        self.request_button = QPushButton(self.tr("生成登记申请…"), self)
        self.request_button.setObjectName("syncAction")
        self.request_button.clicked.connect(self.choose_and_request)
        self.response_button = QPushButton(self.tr("导入登记回复…"), self)
        self.response_button.setObjectName("syncAction")
        self.response_button.clicked.connect(self.choose_and_import)

        form_host = QWidget(self)
        form = QFormLayout(form_host)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("设备名称"), self.name)
        form.addRow(self.tr("同步密钥密码"), self.password)
        form.addRow(self.tr("再次输入密码"), self.password2)
        self.form = form
        step1 = card(self, self.tr("① 生成登记申请"), self.tr(
            "给本机起个名字，设置同步密钥密码（至少 8 位，请牢记：忘记后只能重新登记），"
            "然后选择 U 盘。把写出的申请文件交给指挥部。"), self.request_button)
        step1.layout().insertWidget(2, form_host)
        step2 = card(self, self.tr("② 导入登记回复"), self.tr(
            "指挥部登记后会给你一个登记回复文件（.saenroll）。导入后请与指挥部核对屏幕上显示的指挥部密钥指纹。"),
                     self.response_button)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(step1, 1)
        layout.addWidget(step2, 1)

    def refresh(self) -> None:
        # A real project: the login unlocked the keys, no password rows. Legacy/demo with keys made already
        # (a request was written before): only the existing password is needed.
        asks = identity.needs_password(self.db)
        has = identity.has_keys(self.db)
        self.form.setRowVisible(self.password, asks)
        self.form.setRowVisible(self.password2, asks and not has)
        self.password.setPlaceholderText(self.tr("本机已有密钥：输入当时设置的密码") if has else "")

    # --- ① request --------------------------------------------------------------------------------------

    def choose_and_request(self) -> None:
        if not self._check_form():
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("登记申请写到哪个文件夹（U 盘）"))
        if folder:
            self.write_request(Path(folder))

    def _check_form(self) -> bool:
        if not self.name.text().strip():
            self.results.add(ERROR, self.tr("请填写设备名称"))
            self.name.setFocus()
            return False
        if self.password2.isVisibleTo(self) and self.password.text() != self.password2.text():
            self.results.add(ERROR, self.tr("两次输入的密码不一致"))
            self.password2.clear()
            self.password2.setFocus()
            return False
        return True

    def write_request(self, folder: Path) -> int | None:
        if not self._check_form():
            return None
        db, name = self.db, self.name.text().strip()
        password = self.password.text() if identity.needs_password(db) else None
        out = folder / f"enroll-request-{db.setting('device_code') or 'device'}.json"

        def job(progress, cancel):  # noqa: ANN001, ANN202 - worker thread
            request = enrollment.make_request(db, password, name, out)
            return request, identity.unlock(db, password)

        return self.runner.run(job, on_done=lambda r: self._requested(out, *r),
                               on_error=lambda e: self.results.add(ERROR, error_text(e)),
                               label=self.tr("正在生成密钥和登记申请…"), cancellable=False)

    def _requested(self, out: Path, request: enrollment.Request, pair) -> None:  # noqa: ANN001
        self.keys.pair = pair
        self.password.clear()
        self.password2.clear()
        self.refresh()
        self.results.add(OK, self.tr("登记申请已写出"), [
            self.tr("文件：{name}").format(name=out.name), self.tr("位置：{folder}").format(folder=out.parent),
            self.tr("本机密钥指纹：{fp}").format(fp=fingerprint(request.fingerprint)),
            self.tr("下一步：把此文件交给指挥部，指挥部会给你登记回复文件，然后点“导入登记回复”。")])

    # --- ② response -------------------------------------------------------------------------------------

    def choose_and_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择指挥部的登记回复文件"), "",
                                              self.tr("登记回复 (*.saenroll);;所有文件 (*)"))
        if path:
            self.import_response(Path(path))

    def import_response(self, path: Path) -> int | None:
        db, password = self.db, None
        if identity.needs_password(db):
            password = self.keys.ask_password(self.tr("请输入生成登记申请时设置的同步密钥密码："))
            if password is None:
                return None

        def job(progress, cancel):  # noqa: ANN001, ANN202 - worker thread
            enrolled = enrollment.import_response(db, password, path)  # (code, HQ fingerprint) + .changes
            return enrolled, identity.unlock(db, password)

        return self.runner.run(job, on_done=self._imported,
                               on_error=lambda e: self.results.add(ERROR, self.tr("{name} 未导入：{error}").format(
                                   name=path.name, error=error_text(e))),
                               label=self.tr("正在导入登记回复…"), cancellable=False)

    def _imported(self, result: tuple) -> None:
        enrolled, pair = result
        code, hq = enrolled
        self.keys.pair = pair
        self.results.add(OK, self.tr("登记完成：本机设备代码 {code}").format(code=code), [
            self.tr("指挥部密钥指纹：{fp}").format(fp=fingerprint(hq)),
            self.tr("请与指挥部当面或电话核对这串指纹；不一致时不要使用本机同步，并告知指挥部。"),
            self.tr("下一步：导入指挥部给的任务包，开始调查。")])
        publish_changes(enrolled)
        self.enrolled.emit()
