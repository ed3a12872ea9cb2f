"""A plain SQLite project's start: the login dialog before the ORM, then a main window painted before it too.

``start_first_window`` returns None — nothing shown, nothing written — when the first screen's read cannot
serve this start (services/first_screen.py: a URL, a vaulted, encrypted, empty, unclean or older database):
the caller then takes the ordinary path (open the database, then the login dialog).

Otherwise the login dialog is shown at once, its project name and language from the light read; once it
has painted, a ``Warmup`` thread (first_attach.py) imports the ORM and the services and opens the database:
the user's typing hides that cost. 登录 also imports the main window's modules on the GUI thread while the
worker checks the password (app.import_window_soon: scrypt releases the GIL, the two overlap). On 登录 the
light check (``first_screen.sign_in``) settles a user who may start at once: the window is built on the
light read and painted, and right after that paint the ``Opener`` (on a thread of its own: first_attach.py)
takes the warm-up's database and records the login with ``users.login`` — the audited login, which checks
the password again — and the window attaches it. A login the light check cannot settle (wrong password,
unknown, locked, must change the password) waits for the warm-up's database and goes through ``users.login``
in the dialog, exactly as the ordinary path (attempt recorded, the same message); once accepted, the window
opens on that database.

The warm-up yields to the GUI thread (first_attach.Warmup): 登录 pauses it at its next module import,
the main window's first paint resumes it — so 登录 pressed before the imports are done (zero typing time)
no longer shares the CPU between the sign-in, the window's first paint and the imports.

Threading: GUI thread, like app.py, but for ``Warmup``'s work and ``Opener.open``.
"""

from __future__ import annotations

import os
import sys
from typing import Any

WARM_IMPORTS = ("survey_app.core.services.startup",)  # SQLAlchemy, the models, the services: one step a module


def start_first_window(app: Any, args: Any, started_at: float) -> int | None:  # app: QApplication, args: Namespace
    from survey_app.core.services.first_screen import open_first_screen
    from survey_app.ui import app as app_module
    from survey_app.ui import i18n

    screen = open_first_screen(args.db)
    if screen is None:
        return None
    stored_lang = screen.setting(i18n.SETTING_KEY)
    lang = args.lang or stored_lang or "zh_CN"
    if lang not in i18n.LANGUAGES:
        lang = "zh_CN"
    if not i18n.install_translators(app, lang):
        print(f"survey_app: translation file missing: {i18n.qm_path(lang)} (run make install)", file=sys.stderr)

    from PySide6.QtWidgets import QDialog

    from survey_app.ui import start_gc
    from survey_app.ui.first_attach import Warmup
    from survey_app.ui.first_paint import after_first_paint
    from survey_app.ui.login_dialog import LoginDialog
    from survey_app.ui.task_runner import TaskRunner

    def warm() -> Any:  # on the warm-up thread, while the dialog waits for the user (after WARM_IMPORTS)
        from survey_app.core.services import startup

        db = startup.open_database(args.db)
        if args.lang and args.lang != stored_lang:
            db.set_setting(i18n.SETTING_KEY, args.lang)
        return db

    runner = TaskRunner()
    warmup = Warmup(warm, imports=WARM_IMPORTS)  # step by step: paused from 登录 to the window's first paint
    session = app_module.Session(app, None, runner, project=screen.project_name(), language=lang)
    try:
        dialog = LoginDialog(None, runner, project_name=session.project, db_path=args.db, warmup=warmup)
        after_first_paint(dialog, warmup.start)  # not before: the dialog's own start gets the CPU to itself
        dialog.login_button.clicked.connect(app_module.import_window_soon)  # while the sign-in's scrypt runs
        if os.environ.get(app_module.BENCH_ENV):
            app_module.bench_fill(dialog, started_at, warmup)
        runner.set_parent_widget(dialog)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        runner.set_parent_widget(None)
        if not accepted:
            return 0
        if dialog.db is None:  # the light sign-in: paint from the light read, attach after
            window = session.open_window(dialog.actor, first_screen=screen,
                                         opener=_Opener(app, args, session, warmup, dialog))
            window.attached.connect(screen.close)  # the light read's connection: the GUI thread's, closed there
        else:  # the audited login in the dialog settled it (e.g. a forced password change)
            session.db = dialog.db
            window = session.open_window(dialog.actor)
        after_first_paint(window.table.viewport(), warmup.resume)  # (the Opener's result() would resume it too)
        after_first_paint(window.table.viewport(), start_gc.resume)  # main.py paused the collector until here
        if os.environ.get(app_module.BENCH_ENV):
            app_module.report_first_paint(app, window.table.viewport(), started_at)
        return app.exec()
    finally:
        runner.shutdown()
        first_attach = getattr(session.window, "first_attach", None)
        if first_attach is not None:
            first_attach.wait()  # a window closed at once: its database is being opened (and the login recorded)
        db = _opened(warmup)  # opened whatever the user did: closed here, after the warm-up ends
        if db is not None:
            from survey_app.ui.editor.autosave import finish_drafts

            finish_drafts(10.0)  # an editor's last draft lands before the database closes
            db.dispose()
        screen.close()


def _opened(warmup: Any) -> Any:
    if not warmup.started():  # the run ended before the login dialog painted: nothing was opened
        return None
    try:
        return warmup.result()
    except Exception:  # failed to open: the dialog or the Opener told the user
        return None


class _Opener:  # first_attach.Opener: open() on the first-attach thread, failed() on the GUI thread
    def __init__(self, app: Any, args: Any, session: Any, warmup: Any, dialog: Any):
        self.app, self.args, self.session, self.warmup = app, args, session, warmup
        self.username, self._password = dialog.take_credentials()
        self.device = dialog.actor.device

    def open(self) -> Any:
        from survey_app.core.services import users

        password, self._password = self._password, ""
        db = self.warmup.result()
        self.session.db = db
        users.login(db, self.username, password, device=self.device)  # the audited login (same answer but for a race)
        return db

    def failed(self, exc: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox

        app = self.app
        if self.session.db is None:
            QMessageBox.critical(None, app.translate("App", "无法打开数据库"), app.translate(
                "App", "无法打开数据库：{path}\n{error}").format(path=self.args.db, error=exc))
        else:
            QMessageBox.critical(None, app.translate("App", "错误"), str(exc))
        app.exit(1)
