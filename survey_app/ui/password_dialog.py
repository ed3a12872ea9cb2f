"""The forced password change: shown after login when ``users.must_change_password`` is set (an account
HQ made or reset, so the admin knows the password). The change runs ``users.set_password`` on the
TaskRunner's worker (it hashes, writes the database and, in a real project, rewraps the user's key slot);
the service's Chinese message (too short, a demo password, the same as before) is shown as it is.
Threading: GUI thread; the job runs on the worker.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from survey_app.core.domain.actor import Actor
from survey_app.core.domain.errors import SurveyAppError
from survey_app.core.services import Database, users
from survey_app.ui.kit import dialogs
from survey_app.ui.task_runner import TaskRunner


def _change_job(db: Database, actor: Actor, password: str, *, progress, cancel) -> None:  # noqa: ANN001
    users.set_password(db, actor, actor.username, password)  # worker thread: no widgets here


class PasswordChangeDialog(QDialog):
    """Accepts once the new password is stored; ``failed`` carries each message shown."""

    failed = Signal(str)

    def __init__(self, db: Database, runner: TaskRunner, actor: Actor, *, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.runner, self.actor = db, runner, actor
        self.setObjectName("passwordChangeDialog")
        self.setWindowTitle(self.tr("修改密码"))
        self.setMinimumWidth(420)
        intro = QLabel(self.tr("首次登录或密码被重置后，须先设置自己的新密码（至少8位，不能用演示密码）。"), self)
        intro.setWordWrap(True)
        self.new_password = QLineEdit(self)
        self.new_password.setObjectName("newPassword")
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit(self)
        self.confirm.setObjectName("confirmPassword")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("新密码(&N)"), self.new_password)
        form.addRow(self.tr("再输一次(&A)"), self.confirm)
        self.error_label = dialogs.error_line(self, "passwordError")
        buttons, self.ok_button, cancel = dialogs.ok_cancel(self, self.tr("确定"), self.tr("取消"), ok_name="passwordOk")
        self.ok_button.clicked.connect(self.try_change)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.new_password.setFocus(Qt.FocusReason.OtherFocusReason)

    def try_change(self) -> None:
        if self.new_password.text() != self.confirm.text():
            self._show_error(self.tr("两次输入的密码不一致"))
            self.confirm.clear()
            self.confirm.setFocus()
            return
        self._set_busy(True)
        self.runner.run(partial(_change_job, self.db, self.actor, self.new_password.text()),
                        on_done=self._on_done, on_error=self._on_failure,
                        label=self.tr("正在保存新密码…"), cancellable=False, show_progress=False)

    def _set_busy(self, busy: bool) -> None:
        for w in (self.ok_button, self.new_password, self.confirm):
            w.setEnabled(not busy)

    def _on_done(self, _result: object) -> None:
        self._set_busy(False)
        self.new_password.clear()
        self.confirm.clear()
        self.accept()

    def _on_failure(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(exc, SurveyAppError):
            raise exc
        self._show_error(str(exc))
        self.new_password.clear()
        self.confirm.clear()
        self.new_password.setFocus()

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        self.failed.emit(message)
