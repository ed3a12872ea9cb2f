"""Starting the app on a real project (a key vault beside the database): the login opens the project.

The database is encrypted and its keys come from the vault, so nothing can be read from it before the
login: the interface language comes from QSettings (``i18n.SETTING_KEY``; the language menu's choice,
stored in the database, is copied back there when the app closes), the login dialog unlocks the user's
key slot and opens the database (services/project_files.py), and only then is the window built. With
``SURVEY_APP_BENCH_LOGIN`` the dialog is filled and accepted once painted (app.py's ``bench_fill``). While
the dialog waits for the user, a thread imports the ORM, the services and the cipher (``_warm``): the
dialog comes up without them (the thread starts once it has painted) and the login after 登录 no longer pays
for them. GUI thread only.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def run_real_project(app, args, path: Path, started_at: float) -> int:  # noqa: ANN001
    """The app's main loop for the real project at ``path``; returns the exit code."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from survey_app.core.domain.errors import SurveyAppError
    from survey_app.ui import i18n
    from survey_app.ui.app import BENCH_ENV, Session, _project_name, report_first_paint
    from survey_app.ui.task_runner import TaskRunner

    settings = QSettings()
    lang = args.lang or str(settings.value(i18n.SETTING_KEY, "") or "") or "zh_CN"
    if lang not in i18n.LANGUAGES:
        lang = "zh_CN"
    if args.lang:
        settings.setValue(i18n.SETTING_KEY, args.lang)
    if not i18n.install_translators(app, lang):
        print(f"survey_app: translation file missing: {i18n.qm_path(lang)} (run make install)", file=sys.stderr)

    runner = TaskRunner()
    db, at_login = None, ""
    try:
        db, actor = login_and_open(runner, path, started_at if os.environ.get(BENCH_ENV) else None)
        if db is None:
            return 0
        at_login = db.setting(i18n.SETTING_KEY)
        session = Session(app, db, runner, project=_project_name(db), language=lang)
        window = session.open_window(actor)
        if os.environ.get(BENCH_ENV):
            report_first_paint(app, window.table.viewport(), started_at)
        return app.exec()
    except SurveyAppError as exc:
        QMessageBox.critical(None, app.translate("App", "错误"), str(exc))
        return 1
    finally:
        runner.shutdown()
        if db is not None:
            from survey_app.ui.editor.autosave import finish_drafts

            finish_drafts(10.0)  # an editor's last draft lands before the project closes
            _keep_language(db, settings, at_login)
            db.dispose()


def login_and_open(runner, path: Path, bench_started_at: float | None = None):  # noqa: ANN001, ANN201
    """(open database, actor) after the login dialog, or (None, None) when the user quit."""
    from PySide6.QtWidgets import QDialog

    from survey_app.ui.first_attach import Warmup
    from survey_app.ui.first_paint import after_first_paint
    from survey_app.ui.login_dialog import LoginDialog

    warmup = Warmup(_warm)  # the job after 登录 imports the same modules: it waits for this thread, never twice
    dialog = LoginDialog(None, runner, project_name=path.stem, db_path=path)
    after_first_paint(dialog, warmup.start)  # once the dialog is up: its own start gets the CPU to itself
    if bench_started_at is not None:
        from survey_app.ui.app import bench_fill

        bench_fill(dialog, bench_started_at, warmup)
    runner.set_parent_widget(dialog)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    runner.set_parent_widget(None)
    return (dialog.db, dialog.actor) if accepted else (None, None)


def _warm() -> None:
    """On the warm-up thread: what unlocking and opening a real project imports (nothing opened, no key)."""
    import importlib

    for module in ("survey_app.core.services.project_files", "survey_app.core.services.startup",
                   "cryptography.hazmat.primitives.ciphers.aead", "cryptography.hazmat.primitives.kdf.scrypt",
                   "cryptography.hazmat.primitives.kdf.hkdf"):
        importlib.import_module(module)
    from survey_app.core.services import project_files

    project_files.load_cipher_driver()  # the SQLCipher driver (a missing one is reported by the login itself)


def _keep_language(db, settings, at_login: str) -> None:  # noqa: ANN001
    """The language menu stores its choice in the database: keep it where the next start can read it."""
    from survey_app.core.domain.errors import SurveyAppError
    from survey_app.ui import i18n

    try:
        chosen = db.setting(i18n.SETTING_KEY)
    except SurveyAppError:
        return
    if chosen != at_login and chosen in i18n.LANGUAGES:
        settings.setValue(i18n.SETTING_KEY, chosen)
