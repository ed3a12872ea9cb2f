"""忘记密码: a user of a real project sets a new password with the project's recovery password (the vault's
``device`` slot; at HQ the one the new-project form asked for, kept sealed by the project lead).

Asks the user name, the recovery password and the new password twice; the reset runs
``project_files.reset_password_with_recovery`` on the TaskRunner's worker (scrypt, a database write):
a wrong recovery password is counted by the vault's lock-out and its Chinese message shown as it is.
On success the dialog accepts with ``username`` set and the new password still in ``new_password`` (the
login dialog logs in with it right away, then clears it). Threading: GUI thread; the job runs on the worker.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from survey_app.core.domain.errors import SurveyAppError
from survey_app.core.services import project_files
from survey_app.ui.kit import dialogs
from survey_app.ui.task_runner import TaskRunner


def _reset_job(path: Path, username: str, recovery: str, new: str, *, progress, cancel) -> None:  # noqa: ANN001
    project_files.reset_password_with_recovery(path, username, recovery, new)  # worker thread: no widgets


class RecoveryDialog(QDialog):
    """Accepts once the new password is stored; ``failed`` carries each message shown."""

    failed = Signal(str)

    def __init__(self, runner: TaskRunner, db_path: Path, *, username: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.runner, self.db_path = runner, Path(db_path)
        self.username = ""
        self.setObjectName("recoveryDialog")
        self.setWindowTitle(self.tr("忘记密码"))
        self.setMinimumWidth(460)
        intro = QLabel(self.tr("用项目的恢复密码（建项目时设置，由项目负责人另行保管）为账号设一个新密码。"
                               "新密码至少8位，不能用演示密码，设好后直接用它登录。"), self)
        intro.setObjectName("recoveryIntro")
        intro.setWordWrap(True)

        def line(name: str, text: str = "", password: bool = True) -> QLineEdit:
            edit = QLineEdit(self)
            edit.setObjectName(name)
            edit.setText(text)
            if password:
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            return edit

        self.user = line("recoveryUsername", username, password=False)
        self.user.setMaxLength(64)
        self.recovery = line("recoveryPassword")
        self.new_password = line("recoveryNewPassword")
        self.confirm = line("recoveryConfirm")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("用户名(&U)"), self.user)
        form.addRow(self.tr("恢复密码(&R)"), self.recovery)
        form.addRow(self.tr("新密码(&N)"), self.new_password)
        form.addRow(self.tr("再输一次(&A)"), self.confirm)
        self.error_label = dialogs.error_line(self, "recoveryError")
        buttons, self.ok_button, self.cancel_button = dialogs.ok_cancel(
            self, self.tr("重设密码"), self.tr("取消"), ok_name="recoveryOk", cancel_name="recoveryCancel")
        self.ok_button.clicked.connect(self.try_reset)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        (self.recovery if username else self.user).setFocus(Qt.FocusReason.OtherFocusReason)

    def try_reset(self) -> None:
        username = self.user.text().strip()
        if not username:
            self._show_error(self.tr("请输入用户名"), self.user)
            return
        if not self.recovery.text():
            self._show_error(self.tr("请输入恢复密码"), self.recovery)
            return
        if self.new_password.text() != self.confirm.text():
            self.confirm.clear()
            self._show_error(self.tr("两次输入的新密码不一致"), self.confirm)
            return
        self._set_busy(True)
        self.runner.run(partial(_reset_job, self.db_path, username, self.recovery.text(), self.new_password.text()),
                        on_done=partial(self._on_done, username), on_error=self._on_failure,
                        label=self.tr("正在重设密码…"), cancellable=False, show_progress=False)

    def _set_busy(self, busy: bool) -> None:
        for w in (self.ok_button, self.user, self.recovery, self.new_password, self.confirm):
            w.setEnabled(not busy)

    def _on_done(self, username: str, _result: object) -> None:
        self._set_busy(False)
        self.username = username
        self.recovery.clear()
        self.confirm.clear()
        self.accept()

    def _on_failure(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(exc, SurveyAppError):
            raise exc
        field = getattr(exc, "field", None)
        self.confirm.clear()
        if field in ("password",):
            self.new_password.clear()
            self._show_error(str(exc), self.new_password)
        elif field == "username":
            self._show_error(str(exc), self.user)
        else:  # a wrong or locked recovery password, a laptop, a project without recovery
            self.recovery.clear()
            self._show_error(str(exc), self.recovery)

    def reject(self) -> None:
        for w in (self.recovery, self.new_password, self.confirm):
            w.clear()
        super().reject()

    def _show_error(self, message: str, focus: QLineEdit | None = None) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        if focus is not None:
            focus.setFocus()
        self.failed.emit(message)
