"""Grab the real windows to PNG, to look at what users see (DESIGN §9).

    xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/make_screenshots.py \
        --db /tmp/shots.sqlite3 [--lang en] [--search 1010]

Writes login.png, main.png, editor.png, home.png, compensation.png and review.png, then small-*.png
(every page at 1024×768), help.png and new-household.png (with -en for --lang en) next to this file. The database must hold
the demo project (``survey-app --db … demo create`` or a first start). The login dialog is grabbed with
a wrong password typed once (to show the error line), then the main window at 1366×768 with a row
selected and the detail panel filled. Uses the same start-up path as the app (font, translators).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--lang", default="zh_CN", choices=("zh_CN", "en"))
    parser.add_argument("--search", default="", help="text typed in the search box before the grab")
    parser.add_argument("--row", type=int, default=3, help="row selected in the list")
    args = parser.parse_args()

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from survey_app.core.services import devices, startup, users
    from survey_app.ui import i18n
    from survey_app.ui.fonts import install_app_font
    from survey_app.ui.login_dialog import LoginDialog
    from survey_app.ui.main_window import MainWindow
    from survey_app.ui.task_runner import TaskRunner

    app = QApplication(sys.argv[:1])
    family = install_app_font(app)
    print("app font:", family, app.font().pointSizeF())
    i18n.install_translators(app, args.lang)
    db = startup.open_database(args.db)
    runner = TaskRunner()
    suffix = "" if args.lang == "zh_CN" else "-en"

    def settle(ms: int = 150) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    dialog = LoginDialog(db, runner, project_name=_project(db))
    runner.set_parent_widget(dialog)
    dialog.show()
    dialog.username.setText("worker")
    dialog.password.setText("wrong-password")
    loop = QEventLoop()
    dialog.login_failed.connect(lambda _m: loop.quit())
    dialog.try_login()
    loop.exec()
    settle()
    dialog.grab().save(str(HERE / f"login{suffix}.png"))
    dialog.close()

    actor = users.login(db, "worker", "worker123", device=devices.local_device_code(db))
    window = MainWindow(db, actor, project_name=_project(db), language=args.lang, runner=runner)
    window.resize(1366, 768 - 30)  # what is left of the screen under a taskbar
    window.show()
    settle()
    if args.search:
        window.filter_bar.search.setText(args.search)
        window.filter_bar.flush()
    window.table.select_row(args.row if not args.search else 0)
    window.table.setFocus()
    settle(300)
    window.grab().save(str(HERE / f"main{suffix}.png"))
    print("saved", HERE / f"login{suffix}.png", HERE / f"main{suffix}.png")
    window.close()

    sys.path.insert(0, str(HERE))
    import shots_editor
    import shots_pages

    reviewer = users.login(db, "reviewer", "review123", device=devices.local_device_code(db))
    print("saved", shots_editor.grab(db, actor, runner, HERE, args.lang))
    print("saved", *shots_pages.grab(db, {"field_worker": actor, "supervisor": reviewer}, runner, HERE, args.lang))
    import shots_agreements

    print("saved", shots_agreements.grab(db, actor, reviewer, runner, HERE, args.lang))
    import shots_sync

    print("saved", shots_sync.grab(HERE, args.lang))
    import shots_small  # every page again at 1024×768, the help (F1) and 新增住户 windows

    print("saved", *shots_small.grab(db, {"field_worker": actor, "supervisor": reviewer}, runner, HERE, args.lang))
    runner.shutdown()
    return 0


def _project(db) -> str:
    from survey_app.ui.app import _project_name

    return _project_name(db)


if __name__ == "__main__":
    raise SystemExit(main())
