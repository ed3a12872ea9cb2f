"""Login dialog: user name + password, checked by ``users.login`` (lockout and audit live there).

The check runs on the TaskRunner's worker (scrypt takes ~50 ms and login writes an audit event,
and DB writes belong on the one worker thread); the dialog stays responsive and shows the service's
Chinese message (remaining attempts, lockout) as it is. Threading: GUI thread; the job runs on the worker.

A real project (a key vault beside the database, services/project_files.py) is opened by the login:
construct with ``db=None, db_path=…``; on success ``self.db`` is the unlocked, open database. A user with
no key slot on this machine is asked once for the device password (the row appears). Switching user on
an open real project passes that ``db``: the new user's slot must open too. Either way, a user who must
change their password gets the ``PasswordChangeDialog`` before the dialog accepts.

忘记密码… (a real project opened by this login only) opens the ``RecoveryDialog``: the project's recovery
password gives the user a new password, and the login then proceeds with it as if typed.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from survey_app.core.domain.actor import Actor
from survey_app.core.domain.errors import SurveyAppError
from survey_app.core.paths import DEMO_DB_NAME
from survey_app.core.security import vault
from survey_app.ui.kit import dialogs, theme

if TYPE_CHECKING:
    from survey_app.core.services import Database
    from survey_app.ui.first_attach import Warmup
    from survey_app.ui.password_dialog import PasswordChangeDialog
    from survey_app.ui.recovery_dialog import RecoveryDialog
    from survey_app.ui.task_runner import TaskRunner


class _OpenFailed(SurveyAppError):
    """The warm-up could not open the database (not a SurveyAppError of its own): the dialog says so."""


def _login_job(db: Database | None, path: Path | None, warmup: Warmup | None, username: str, password: str,
               device_password: str, *, progress: Any, cancel: Any) -> tuple[Database | None, Actor, bool]:
    # Worker thread: no widgets here. Returns (open database, actor, must change the password); a plain
    # project shown before the ORM (``warmup``) returns (None, actor, False) when the light check settles it.
    if warmup is not None:
        import sqlite3

        from survey_app.core.services.first_screen import reopen_first_screen, sign_in

        try:
            screen = reopen_first_screen(path)
            try:
                actor = sign_in(screen, username, password)
            finally:
                screen.close()
        except sqlite3.Error:
            actor = None  # users.login, on the warm-up's database, answers instead
        if actor is not None:
            return None, actor, False
        try:
            db = warmup.result()  # the ORM and the database, opened while the user typed: users.login says why
        except SurveyAppError:
            raise
        except Exception as exc:
            raise _OpenFailed(str(exc)) from exc
    from survey_app.core.services import devices, project_files, users

    if db is None:
        if device_password:
            db, actor = project_files.add_user_with_device_password(path, username, password, device_password)
        else:
            db, actor = project_files.open_project_database(path, username, password)
    elif project_files.is_real_project(db.path):
        actor = project_files.relogin(db, username, password)
    else:
        actor = users.login(db, username, password, device=devices.local_device_code(db))
    return db, actor, users.must_change_password(db, actor.username)


class LoginDialog(QDialog):
    """Accepts with ``self.actor`` set once the service accepted the user.

    ``warmup`` (a plain project shown before the ORM, ui/app_first_window.py; ``db=None, db_path=…``): the
    light check (services/first_screen.py) settles a user who may start at once — the dialog then accepts
    with ``self.db`` None and ``take_credentials()`` hands the name and password to the audited login
    after the first paint; anything else waits for the warm-up's database and goes through ``users.login``
    (attempt recorded, the same message), and accepts with ``self.db`` that database."""

    login_failed = Signal(str)  # the message shown (for tests and the status of the dialog)

    def __init__(self, db: Database | None, runner: TaskRunner, *, project_name: str = "",
                 db_path: Path | None = None, parent: QWidget | None = None, warmup: Warmup | None = None):
        super().__init__(parent)
        self.db, self.runner, self.db_path, self.warmup = db, runner, db_path, warmup
        self.opens_project = db is None and warmup is None  # a real project, opened by this login
        self._credentials: tuple[str, str] | None = None  # a light sign-in's, until take_credentials()
        self.actor: Actor | None = None
        self.change_dialog: PasswordChangeDialog | None = None
        self.recovery_dialog: RecoveryDialog | None = None
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("登录 — 征收补偿入户调查"))
        self.setMinimumWidth(440)  # the demo hint on two lines, not three

        title = QLabel(self.tr("征收补偿入户调查"), self)
        title.setObjectName("loginTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        self.project_label = QLabel(project_name, self)
        self.project_label.setObjectName("loginProject")
        self.project_label.setWordWrap(True)
        self.project_label.setVisible(bool(project_name))

        self.username = QLineEdit(self)
        self.username.setObjectName("loginUsername")
        self.username.setMaxLength(64)
        self.password = QLineEdit(self)
        self.password.setObjectName("loginPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("用户名(&U)"), self.username)
        form.addRow(self.tr("密码(&P)"), self.password)
        self.device_password = QLineEdit(self)
        self.device_password.setObjectName("loginDevicePassword")
        self.device_password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("设备密码(&D)"), self.device_password)
        form.setRowVisible(self.device_password, False)  # only for a user with no key on this machine
        self.form = form

        self.error_label = dialogs.error_line(self, "loginError")

        self.hint_label = QLabel(self.tr("演示账号：worker / worker123（调查员）\n"
                                         "reviewer / review123（复核员）　hq / hq123456（指挥部管理员）"), self)
        self.hint_label.setObjectName("loginHint")
        self.hint_label.setWordWrap(True)
        theme.set_role(self.hint_label, "hint")
        shown_path = db.path if db is not None else db_path
        self.hint_label.setVisible(shown_path is not None and Path(shown_path).name == DEMO_DB_NAME)

        buttons, self.login_button, quit_button = dialogs.ok_cancel(self, self.tr("登录"), self.tr("退出"),
                                                                   ok_name="loginButton")
        self.login_button.clicked.connect(self.try_login)
        quit_button.clicked.connect(self.reject)
        self.forgot_button = QPushButton(self.tr("忘记密码…"), self)
        self.forgot_button.setObjectName("loginForgot")
        self.forgot_button.setFlat(True)
        self.forgot_button.setAutoDefault(False)
        self.forgot_button.setCursor(Qt.CursorShape.PointingHandCursor)
        theme.set_role(self.forgot_button, "link")
        self.forgot_button.setToolTip(self.tr("用项目的恢复密码设一个新密码"))
        self.forgot_button.clicked.connect(self.forgot_password)
        self.forgot_button.setVisible(self.opens_project and vault.exists(db_path))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(self.project_label)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.forgot_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(buttons)
        self.username.setFocus(Qt.FocusReason.OtherFocusReason)

    def try_login(self) -> None:
        username = self.username.text().strip()
        if not username:
            self._show_error(self.tr("请输入用户名"))
            self.username.setFocus()
            return
        self._set_busy(True)
        device_password = self.device_password.text() if self.device_password.isVisible() else ""
        db = None if self.opens_project else self.db
        warmup = self.warmup if self.db is None else None
        self._credentials = (username, self.password.text()) if warmup is not None else None
        if warmup is not None:
            warmup.pause()  # the sign-in and the window's first paint first; resumed after it, or by result()
        self.runner.run(partial(_login_job, db, self.db_path, warmup, username, self.password.text(),
                                device_password),
                        on_done=self._on_success, on_error=self._on_failure,
                        label=self.tr("正在登录…"), cancellable=False, show_progress=False)

    def take_credentials(self) -> tuple[str, str]:
        """A light sign-in's (user name, password), once, for the audited login after the first paint."""
        credentials, self._credentials = self._credentials, None
        if credentials is None:
            raise RuntimeError("no light sign-in to hand over")
        return credentials

    def forgot_password(self) -> None:
        """忘记密码…: the recovery dialog (window-modal); on success the login proceeds with the new password."""
        from survey_app.ui.recovery_dialog import RecoveryDialog

        self.recovery_dialog = RecoveryDialog(self.runner, self.db_path, username=self.username.text().strip(),
                                              parent=self)
        self.recovery_dialog.accepted.connect(self._recovered)
        self.recovery_dialog.open()

    def _recovered(self) -> None:
        dialog = self.recovery_dialog
        self.username.setText(dialog.username)
        self.password.setText(dialog.new_password.text())
        dialog.new_password.clear()
        self.device_password.clear()
        self.form.setRowVisible(self.device_password, False)  # the reset gave the user a key slot here
        self.error_label.hide()
        self.try_login()

    def _set_busy(self, busy: bool) -> None:
        self.forgot_button.setEnabled(not busy)
        self.login_button.setEnabled(not busy)
        self.username.setEnabled(not busy)
        self.password.setEnabled(not busy)
        self.device_password.setEnabled(not busy)
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    def _on_success(self, result: tuple[Database, Actor, bool]) -> None:
        self._set_busy(False)
        db, actor, must_change = result
        self.db = db
        if db is not None:
            self._credentials = None  # the audited login ran: nothing to hand over
        self.password.clear()  # don't keep the password in a widget longer than needed
        self.device_password.clear()
        self.form.setRowVisible(self.device_password, False)
        if not must_change:
            self._finish(actor)
            return
        from survey_app.ui.password_dialog import PasswordChangeDialog

        self.change_dialog = PasswordChangeDialog(db, self.runner, actor, parent=self)
        self.change_dialog.accepted.connect(partial(self._finish, actor))
        self.change_dialog.rejected.connect(self._change_refused)
        self.change_dialog.open()

    def _finish(self, actor: Actor) -> None:
        self.actor = actor
        self.accept()

    def _change_refused(self) -> None:
        self._close_project()
        self._show_error(self.tr("必须先修改密码才能使用本软件"))
        self.password.setFocus()

    def _close_project(self) -> None:
        if self.opens_project and self.db is not None:
            self.db.dispose()
            self.db = None

    def reject(self) -> None:
        self._close_project()
        super().reject()

    def _on_failure(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._credentials = None
        if self.warmup is not None:
            self.warmup.resume()  # no window to paint first (users.login's result() has resumed it already)
        if not isinstance(exc, SurveyAppError):
            raise exc
        if isinstance(exc, vault.NoSlot) and self.opens_project:
            self.form.setRowVisible(self.device_password, True)
            self._show_error(self.tr("本机还没有该用户的密钥：请同时输入设备密码（只需这一次）"))
            self.device_password.setFocus()
            return
        if isinstance(exc, _OpenFailed):
            self._show_error(self.tr("无法打开数据库：{error}").format(error=exc))
            return
        self._show_error(str(exc))  # the service's Chinese message, e.g. 还可尝试3次 / 账户已锁定
        self.password.clear()
        self.device_password.clear()
        self.password.setFocus()

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        self.login_failed.emit(message)
