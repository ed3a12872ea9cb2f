"""文件 → 备份到…（U 盘） / 从备份恢复…, and the automatic daily backup (services/backup.py).

Every backup, check and restore the user asks for runs on the window's TaskRunner (progress, cancel); the
daily backup on a thread of its own (BackupController); nothing here blocks the GUI thread. A restore goes to
a new project file; once it passed its checks the user may switch to it (the app starts again on it through
ui/start, like 项目 → 切换项目…). ``start_daily_backup`` is called when a main window opens (ui/app.py
Session.open_window): a silent job, its outcome a status-bar line. GUI thread only, but for that job.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from survey_app.core.domain.errors import SurveyAppError

log = logging.getLogger(__name__)
NO_DAILY_ENV = "SURVEY_APP_BENCH_LOGIN"  # the start-up bench quits at first paint: no backup job then
_DAILY_LOCK = threading.Lock()  # two windows opened quickly (switch user): the second finds today's backup


def start_daily_backup(window) -> threading.Thread | None:  # noqa: ANN001
    """Start today's automatic backup of the window's project (at most one a China day; services/backup) on a
    thread of its own; returns it (None: nothing to do)."""
    if os.environ.get(NO_DAILY_ENV) or getattr(window.db, "path", None) is None:
        return None
    return BackupController(window).start_daily()


class _DailyOutcome(QObject):
    """Carries the daily job's outcome from its thread to the GUI thread (a queued signal)."""

    finished = Signal(object, object)  # the new backup folder or None, the exception or None


class BackupController(QObject):
    """The two menu actions of a main window (``window``: db, actor, runner), and the daily backup.

    The daily backup does not go through the window's TaskRunner: a job there makes the window busy, and a
    busy window refuses 注销 and 切换项目 and asks before closing — for a job the user never started. It only
    reads the database (its own connection, one snapshot) and writes in the data folder, so it cannot
    interleave with the runner's writes; quitting the app cancels it (an unfinished copy is never named as a
    backup and is cleaned up next time)."""

    def __init__(self, window) -> None:  # noqa: ANN001
        super().__init__(window)
        self.window = window

    def start_daily(self) -> threading.Thread:
        from PySide6.QtWidgets import QApplication

        from survey_app.core.services import backup

        db, stop, outcome = self.window.db, threading.Event(), _DailyOutcome()
        outcome.finished.connect(self._daily_finished, Qt.ConnectionType.QueuedConnection)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(stop.set)

        def run() -> None:
            try:
                with _DAILY_LOCK:
                    path, error = backup.daily(db, cancel=stop.is_set), None
            except Exception as exc:
                path, error = None, exc
            try:
                outcome.finished.emit(path, error)
            except RuntimeError:  # the app is gone
                pass

        thread = threading.Thread(target=run, name="daily-backup")
        thread.outcome = outcome  # type: ignore[attr-defined] - kept alive with the thread
        thread.start()
        return thread

    def _daily_finished(self, path, error) -> None:  # noqa: ANN001
        if error is not None:
            log.warning("daily backup failed: %s", type(error).__name__)
            text = str(error) if isinstance(error, SurveyAppError) else type(error).__name__
            self.show_status(lambda: self.tr("今日自动备份未完成：{error}").format(error=text))
        elif path is not None:
            self.show_status(lambda: self.tr("今日自动备份已完成"))

    def show_status(self, text) -> None:  # noqa: ANN001 - a callable: the window may be gone by now
        try:
            self.window.statusBar().showMessage(text(), 8000)
        except RuntimeError:  # the window (and this object) was deleted meanwhile (switch user)
            pass

    def _error(self, exc: BaseException) -> None:
        text = str(exc) if isinstance(exc, SurveyAppError | OSError) else type(exc).__name__
        QMessageBox.warning(self.window, self.tr("备份与恢复"), text)

    # --- backup ---------------------------------------------------------------------------------------------

    def backup_to_usb(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("选择备份位置（如 U 盘）"))
        if folder:
            self.backup_to(Path(folder))

    def backup_to(self, folder: Path) -> None:
        from survey_app.core.services import backup

        db = self.window.db

        def job(progress, cancel):  # noqa: ANN001, ANN202
            path = backup.backup(db, folder, progress=progress, cancel=cancel)
            return backup.verify_backup(path)

        def done(info) -> None:  # noqa: ANN001
            self.last_backup = info.path
            QMessageBox.information(self.window, self.tr("备份完成"), self.tr(
                "已备份到：{path}\n共 {files} 个文件，已逐个校验。").format(path=str(info.path), files=info.files))

        self.window.runner.run(job, on_done=done, on_error=self._error, label=self.tr("正在备份项目…"))

    # --- restore --------------------------------------------------------------------------------------------

    def restore_from_backup(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("选择要恢复的备份文件夹"))
        if folder:
            self.check_backup(Path(folder))

    def check_backup(self, folder: Path) -> None:
        from survey_app.core.services import backup

        self.window.runner.run(lambda progress, cancel: backup.verify_backup(folder, progress=progress, cancel=cancel),
                               on_done=self.ask_restore, on_error=self._error, label=self.tr("正在校验备份…"))

    def ask_restore(self, info) -> None:  # noqa: ANN001
        dialog = RestoreDialog(info, self.window)
        self.dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.restore(info, dialog.target(), dialog.username(), dialog.password())

    def restore(self, info, target: Path, username: str | None, password: str | None) -> None:  # noqa: ANN001
        from survey_app.core.services import backup

        def job(progress, cancel):  # noqa: ANN001, ANN202
            return backup.restore(info.path, target, username=username, password=password, progress=progress,
                                  cancel=cancel)

        self.window.runner.run(job, on_done=self.restored, on_error=self._error, label=self.tr("正在恢复…"))

    def restored(self, result) -> None:  # noqa: ANN001
        self.last_restore = result.path
        answer = QMessageBox.question(self.window, self.tr("恢复完成"), self.tr(
            "已恢复到：{path}\n完整性检查和审计链校验均已通过。\n现在切换到恢复的项目吗？").format(path=str(result.path)))
        if answer == QMessageBox.StandardButton.Yes:
            self.switch_to(result)

    def switch_to(self, result) -> None:  # noqa: ANN001
        from PySide6.QtWidgets import QApplication

        from survey_app.core.services import project_registry
        from survey_app.ui import start

        known = project_registry.find(self.window.db.path) if self.window.db.path else None
        role = known.role if known else ("hq" if result.info.encrypted else "demo")
        project_registry.remember(result.path, name=result.info.project_name, code=result.info.project, role=role)
        start.CHOSEN[0] = result.path
        self.window.hide()
        QApplication.instance().exit(start.SWITCH_PROJECT)


class RestoreDialog(QDialog):
    """What the backup is (project, time, device), where to restore it, and a password for a real project."""

    def __init__(self, info, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.info = info
        self.setWindowTitle(self.tr("从备份恢复"))
        form = QFormLayout()
        project = info.project + (f"（{info.project_name}）" if info.project_name else "")
        form.addRow(self.tr("项目"), QLabel(project))
        form.addRow(self.tr("备份时间"), QLabel(f"{info.created_at:%Y-%m-%d %H:%M:%S}"))
        form.addRow(self.tr("设备"), QLabel(info.device))
        form.addRow(self.tr("文件"), QLabel(self.tr("{n} 个，已逐个校验").format(n=info.files)))
        self.target_edit = QLineEdit(str(self._default_target(parent)))
        self.target_edit.setObjectName("restoreTarget")
        browse = QPushButton(self.tr("更改…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.target_edit, 1)
        row.addWidget(browse)
        form.addRow(self.tr("恢复为新文件"), row)
        self.user_edit = QLineEdit(getattr(getattr(parent, "actor", None), "username", "") or "")
        self.user_edit.setObjectName("restoreUser")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("restorePassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        if info.encrypted:
            form.addRow(self.tr("用户名"), self.user_edit)
            form.addRow(self.tr("密码"), self.password_edit)
            hint = QLabel(self.tr("加密项目：恢复后要用其中一位用户的密码打开检查。用户名留空则输入恢复密码。"))
            hint.setWordWrap(True)
            form.addRow(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.addButton(self.tr("恢复"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("restoreOk")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _default_target(self, parent) -> Path:  # noqa: ANN001
        from survey_app.core.domain import china_time
        from survey_app.core.paths import data_dir
        from survey_app.core.services.backup_files import STAMP, safe_part

        db_path = getattr(getattr(parent, "db", None), "path", None)
        folder = db_path.parent if db_path is not None else data_dir()
        return folder / f"{safe_part(self.info.project, 'project')}_restored_{china_time.now():{STAMP}}.sqlite3"

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("恢复为哪个新项目文件"), self.target_edit.text(),
                                              self.tr("项目数据库 (*.sqlite3);;所有文件 (*)"))
        if path:
            self.target_edit.setText(path)

    def _accept(self) -> None:
        if not self.target_edit.text().strip():
            QMessageBox.warning(self, self.tr("从备份恢复"), self.tr("请填写恢复后的项目文件名"))
            return
        if self.info.encrypted and not self.password_edit.text():
            QMessageBox.warning(self, self.tr("从备份恢复"), self.tr("请输入密码"))
            return
        self.accept()

    def target(self) -> Path:
        return Path(self.target_edit.text().strip())

    def username(self) -> str | None:
        return self.user_edit.text().strip() or None if self.info.encrypted else None

    def password(self) -> str | None:
        return self.password_edit.text() if self.info.encrypted else None
