"""Start the desktop app: options, QApplication, font, translations, database, first-start demo, login, window.

Start-up budget (DESIGN §8): 0.8 s from process start to a usable window over 10k households, where
a bare PySide6 window takes ~0.16 s. So: nothing heavy at module level (this module is imported by
main.py and the CLI before anything else), and the window reads one page of list keys and the rows on
screen before its first paint; whatever reads every household (status counts, the list's total) comes
after it (main_window.py), so nothing before the first paint grows with the number of households. The
detail panel loads after it too. Importing the core (SQLAlchemy, its asyncio and importlib.metadata,
and the 31 mapped models) costs 3–4× a bare window's start: importing it on a thread while Qt starts
gains nothing (the GIL serialises both imports). Modules the first screen does not use are imported where
used (compensation engine, form checks, python-stdnum, multiprocessing). Threading: everything here runs
on the GUI thread except the TaskRunner's jobs and the first window's opener (first_attach.py).

First window without the ORM (issue 11 item 5): a plain SQLite project at the schema's head shows the
login dialog at once (its project name and language from the first screen's light read: stdlib sqlite3)
while a thread imports the ORM and opens the database (app_first_window.py); a user the light check
settles (services/first_screen.py, the same scrypt as ``users.login``) gets a window painted from that
read, and after that paint, on a thread (first_attach.py), the login is recorded through ``users.login``
(audit, lockout counters) and the window switches to the database unseen (main_window.py). A wrong
password, a lock or a forced change go through ``users.login`` in the dialog as before. A database URL
(PostgreSQL), a vaulted (SQLCipher) project (project_login.py: the dialog up while the ORM and the
cipher are imported on a thread), an empty, unclean or older database take the ordinary path below.
The warm-up yields to the GUI thread: it starts once the login dialog has painted, and 登录 pauses it at its
next module import until the window's first paint (first_attach.Warmup), so 登录 pressed at once no longer
waits for the imports (bench/startup.py); meanwhile the GUI thread imports the main window's modules while
the worker checks the password (``import_window_soon``). PySide6's check of every module imported after it
reads the file's bytes instead of tokenizing it (feature_check.py).

Bench hook: with ``SURVEY_APP_BENCH_LOGIN="user:password"`` the login dialog is shown as for a user; once it
has painted the app prints ``LOGIN_SHOWN <s> <CPU s>``, fills it and presses 登录 (``bench_fill``: at once,
or with ``SURVEY_APP_BENCH_TYPED=1`` once the warm-up is done, printing ``LOGIN_ACCEPT`` then); after the
main window's first paint it prints ``FIRST_PAINT <seconds since started_at> <CPU seconds>`` and quits
(bench/startup.py).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

BENCH_ENV = "SURVEY_APP_BENCH_LOGIN"
BENCH_TYPED_ENV = "SURVEY_APP_BENCH_TYPED"  # press 登录 only once the warm-up is done (a user who typed a while)


def _db_target(text: str) -> str | Path:
    """``--db``: a database URL stays a URL (a Path would fold its "//" into a local file name)."""
    return text if "://" in text else Path(text)


def parse_args(argv: list[str] | None) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="survey-app-gui", description="征收补偿入户调查 / survey workstation")
    parser.add_argument("--db", type=_db_target, default=None,
                        help="project database: a file, or a URL such as postgresql+psycopg://user@host/db "
                             "(default: the demo project)")
    parser.add_argument("--lang", choices=("zh_CN", "en"), default=None,
                        help="interface language (default: the last one chosen, else zh_CN)")
    return parser.parse_known_args(argv)  # leave Qt's own options (-platform, -style) to Qt


def main(argv: list[str] | None = None, *, started_at: float | None = None) -> int:
    """Run the app; returns the exit code. ``started_at`` is a ``time.perf_counter()`` from main.py.

    项目 → 切换项目… ends a project's run with ``start.SWITCH_PROJECT``; the app then starts again, in
    this process, on the project chosen (ui/start), through the same open and login path."""
    from survey_app.ui import start, start_gc

    argv = sys.argv[1:] if argv is None else list(argv)
    while True:
        try:
            code = _main_once(argv, started_at=started_at)
        finally:
            start_gc.resume()  # main.py paused it for the start: never left paused past a run
        if code != start.SWITCH_PROJECT or start.CHOSEN[0] is None:
            return code
        argv, started_at = start.argv_for(argv, start.CHOSEN[0]), None
        start.CHOSEN[0] = None


def _main_once(argv: list[str] | None = None, *, started_at: float | None = None) -> int:
    started_at = time.perf_counter() if started_at is None else started_at
    args, qt_args = parse_args(sys.argv[1:] if argv is None else argv)

    from PySide6.QtWidgets import QApplication, QMessageBox

    from survey_app.ui import feature_check

    feature_check.install()  # before anything else is imported: PySide6 checks each module imported from now on
    from survey_app.ui.fonts import install_app_font

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "survey-app", *qt_args])
    app.setApplicationName("survey_app")
    app.setOrganizationName("survey_app")
    install_app_font(app)
    if args.db is None:  # no --db: the project opened last, else the start window (ui/start)
        from survey_app.core.services import project_registry
        from survey_app.ui import start_gc
        from survey_app.ui.start import choose_database

        if project_registry.last_opened() is None:  # the start window: the user chooses, not a start to hurry
            start_gc.resume()

        if args.lang:
            from survey_app.ui import i18n as _i18n

            _i18n.install_translators(app, args.lang)
        args.db = choose_database(app)
        if args.db is None:
            return 0

    from survey_app.core.paths import default_db_path
    from survey_app.core.security.vault import exists as is_real_project  # a file check, no crypto import

    if not is_real_project(args.db):
        from survey_app.ui.app_first_window import start_first_window

        code = start_first_window(app, args, started_at)
        if code is not None:
            return code
    from survey_app.ui import start_gc

    start_gc.resume()  # only the first window's start runs with it paused (start_gc.py)
    if is_real_project(args.db or default_db_path()):  # key vault: the login opens the project
        from survey_app.ui.project_login import run_real_project

        return run_real_project(app, args, args.db or default_db_path(), started_at)
    from survey_app.core.domain.errors import SurveyAppError
    from survey_app.core.services import startup
    from survey_app.ui import i18n
    from survey_app.ui.task_runner import TaskRunner

    runner = TaskRunner()
    try:
        db = open_on_worker(app, runner, args.db)
    except Exception as exc:
        runner.shutdown()
        i18n.install_translators(app, args.lang or "zh_CN")
        QMessageBox.critical(None, app.translate("App", "无法打开数据库"),
                             app.translate("App", "无法打开数据库：{path}\n{error}").format(
                                 path=args.db or "", error=exc))
        return 1
    lang = args.lang or db.setting(i18n.SETTING_KEY) or "zh_CN"
    if lang not in i18n.LANGUAGES:
        lang = "zh_CN"
    if args.lang and args.lang != db.setting(i18n.SETTING_KEY):
        db.set_setting(i18n.SETTING_KEY, args.lang)
    if not i18n.install_translators(app, lang):
        print(f"survey_app: translation file missing: {i18n.qm_path(lang)} (run make install)", file=sys.stderr)

    try:
        if startup.is_empty(db) and not _create_demo(app, db, runner):
            return 1
        project = _project_name(db)
        session = Session(app, db, runner, project=project, language=lang)
        actor = _login(db, runner, project, started_at if os.environ.get(BENCH_ENV) else None)
        if actor is None:
            return 0
        window = session.open_window(actor)
        if os.environ.get(BENCH_ENV):
            report_first_paint(app, window.table.viewport(), started_at)
        return app.exec()
    except SurveyAppError as exc:
        QMessageBox.critical(None, app.translate("App", "错误"), str(exc))
        return 1
    finally:
        runner.shutdown()
        from survey_app.ui.editor.autosave import finish_drafts

        finish_drafts(10.0)  # an editor's last draft lands before the database closes
        db.dispose()


class Session:
    """The signed-in user's main window; 注销 / 切换用户 goes back to the login dialog without quitting.

    The old window is hidden while the login dialog asks, then deleted; a new window is built for
    the new user (roles decide which pages and buttons exist, so nothing of the old one is reused).
    Cancelling the login dialog quits. GUI thread only.
    """

    def __init__(self, app, db, runner, *, project: str = "", language: str = "zh_CN",  # noqa: ANN001
                 login=None):  # noqa: ANN001
        self.app, self.db, self.runner, self.project, self.language = app, db, runner, project, language
        self._login = login or (lambda: _login(self.db, runner, project))
        self.window = None

    def open_window(self, actor, *, first_screen=None, opener=None):  # noqa: ANN001, ANN201
        """``first_screen``/``opener``: a first window painted before the ORM (``self.db`` None until then)."""
        from survey_app.ui.main_window import MainWindow

        window = MainWindow(self.db, actor, project_name=self.project, language=self.language, runner=self.runner,
                            first_screen=first_screen, opener=opener)
        self.runner.set_parent_widget(window)
        window.logout_requested.connect(self.switch_user)
        self.window = window
        window.show_for_screen()
        from survey_app.ui.backup_dialog import start_daily_backup

        if window.db is None:  # on a thread of its own: never holds the window (or 注销) up
            window.attached.connect(lambda: start_daily_backup(window))
        else:
            start_daily_backup(window)
        return window

    def switch_user(self) -> None:
        old = self.window
        quits = self.app.quitOnLastWindowClosed()
        self.app.setQuitOnLastWindowClosed(False)  # no window is shown while the login dialog asks
        try:
            if old is not None:
                old.hide()
            actor = self._login()
            if actor is None:
                self.app.quit()
                return
            self.open_window(actor)
        finally:
            self.app.setQuitOnLastWindowClosed(quits)
            if old is not None:
                old.deleteLater()


def _project_name(db) -> str:  # noqa: ANN001
    # Until the core offers it (see the UI report), fall back to nothing: the title still names the user.
    from survey_app.core.services import startup

    getter = getattr(startup, "project_name", None)
    return getter(db) if getter else ""


def wait_for(runner, fn, **options):  # noqa: ANN001, ANN003, ANN201
    """Run ``fn(progress, cancel)`` on the worker behind the runner's progress dialog (``options``: its label,
    cancellable, min_duration_ms), keeping the GUI alive until it ends; its result, or raises what it raised."""
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()
    outcome: dict[str, object] = {}

    def done(result: object) -> None:
        outcome["result"] = result
        loop.quit()

    def failed(exc: BaseException) -> None:
        outcome["error"] = exc
        loop.quit()

    runner.run(fn, on_done=done, on_error=failed, **options)
    loop.exec()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["result"]


def open_on_worker(app, runner, path):  # noqa: ANN001, ANN201
    """``startup.open_database`` on the worker: this path opens databases that need their schema upgraded (or
    checked after an unclean close), and a large HQ project upgrades for a minute (300k households: ~65 s to
    0016). A progress window says so once the open lasts longer than a moment; the GUI stays alive. Raises what
    the open raised."""
    from survey_app.core.services import startup

    return wait_for(runner, lambda progress, cancel: startup.open_database(path), cancellable=False,
                    min_duration_ms=700,
                    label=app.translate("App", "正在打开项目数据库。新版本第一次打开时要升级数据库，数据多时需要几分钟，请勿关闭程序…"))


def _create_demo(app, db, runner) -> bool:  # noqa: ANN001
    """First start: create the demo project on the worker with a cancellable progress dialog."""
    from PySide6.QtWidgets import QMessageBox

    from survey_app.core.services import startup

    try:
        wait_for(runner, lambda progress, cancel: startup.create_first_start_demo(db, progress, cancel),
                 min_duration_ms=0, label=app.translate("App", "首次启动：正在创建演示项目…"))
    except Exception as exc:  # shown to the user in Chinese, as before
        QMessageBox.critical(None, app.translate("App", "错误"),
                             app.translate("App", "创建演示项目失败：{error}").format(error=exc))
        return False
    return True


def _login(db, runner, project: str, bench_started_at: float | None = None):  # noqa: ANN001, ANN202
    from PySide6.QtWidgets import QDialog

    from survey_app.ui.login_dialog import LoginDialog

    dialog = LoginDialog(db, runner, project_name=project)
    dialog.login_button.clicked.connect(import_window_soon)
    if bench_started_at is not None:
        bench_fill(dialog, bench_started_at)
    runner.set_parent_widget(dialog)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    runner.set_parent_widget(None)
    return dialog.actor if accepted else None


WINDOW_MODULES = ("survey_app.ui.main_window", "survey_app.ui.backup_dialog")  # what Session.open_window imports


def import_window_soon() -> None:
    """登录 pressed: import the main window's modules on the GUI thread once the event loop turns, while the
    login job checks the password on the worker — scrypt releases the GIL, so on two cores the two overlap
    (bench/startup.py, 10k, zero typing: ~45 ms of imports that otherwise wait for the sign-in's ~80 ms). Only imports:
    the window is built once the login is accepted, as before; a refused login has imported what the next
    attempt needs."""
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, _import_window)


def _import_window() -> None:
    import importlib

    for name in WINDOW_MODULES:
        importlib.import_module(name)


def _stamp(what: str, started_at: float) -> None:
    # seconds since started_at, then the process's CPU seconds (bench/startup.py: robust under load)
    try:
        print(f"{what} {time.perf_counter() - started_at:.4f} {time.process_time():.4f}", flush=True)
    except BrokenPipeError:
        # The reader took what it wanted (FIRST_PAINT) and closed the pipe: this stamp, the later ones and the
        # interpreter's last flush go to the null device, not into a traceback (Python's documented remedy).
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def bench_fill(dialog, started_at: float, warmup=None) -> None:  # noqa: ANN001
    """Bench hook: once the login dialog has painted, print ``LOGIN_SHOWN``, fill in ``SURVEY_APP_BENCH_LOGIN``'s
    user and password and press 登录 — at once (zero typing time: the warm-up's imports not hidden), or with
    ``SURVEY_APP_BENCH_TYPED`` once ``warmup`` is done (a user who types for a few seconds), printing
    ``LOGIN_ACCEPT`` as 登录 is pressed. A refused login ends the run (stderr says so)."""
    from survey_app.ui.first_paint import after_first_paint

    username, _, password = os.environ[BENCH_ENV].partition(":")
    pressed: list[bool] = []

    def press() -> None:
        if pressed:
            return
        pressed.append(True)
        dialog.username.setText(username)
        dialog.password.setText(password)
        _stamp("LOGIN_ACCEPT", started_at)
        dialog.login_button.click()

    def shown() -> None:
        _stamp("LOGIN_SHOWN", started_at)
        if os.environ.get(BENCH_TYPED_ENV) and warmup is not None:
            warmup.finished.connect(press)
            if warmup.done():  # set before finished is emitted: one of the two presses
                press()
        else:
            press()

    def refused(message: str) -> None:
        print(f"survey_app: bench login refused: {message}", file=sys.stderr, flush=True)
        dialog.reject()

    dialog.login_failed.connect(refused)
    after_first_paint(dialog, shown)


def report_first_paint(app, widget, started_at: float) -> None:  # noqa: ANN001
    """Print ``FIRST_PAINT <s> <CPU s>`` once ``widget`` has painted, then quit (bench hook). A first window
    painted before the ORM (app_first_window.py) then prints ``READY <s> <CPU s>`` once its database is
    attached — when the user's first click is served — and quits then."""
    from survey_app.ui.first_paint import after_first_paint

    def stamp(what: str) -> None:
        _stamp(what, started_at)

    def ready() -> None:
        try:
            stamp("READY")
        finally:
            app.quit()

    def finish() -> None:
        window = widget.window()
        waits = getattr(window, "db", True) is None
        try:
            stamp("FIRST_PAINT")
        finally:
            if waits:
                window.attached.connect(ready)
            else:
                app.quit()

    after_first_paint(widget, finish)
