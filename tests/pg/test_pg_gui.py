"""The desktop app on a PostgreSQL HQ database: ``--db postgresql+psycopg://…`` reaches the GUI as a URL, the
main window opens on the test server, the 总览 dashboard paints its figures, and 项目信息 shows the database
URL with its password hidden."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt

pytestmark = pytest.mark.postgres


def test_the_gui_keeps_a_database_url_as_a_url() -> None:
    from survey_app.ui.app import parse_args

    url = "postgresql+psycopg://hq:secret@db.example:5432/survey"
    args, _qt = parse_args(["--db", url, "--lang", "zh_CN"])
    assert args.db == url  # not a Path, which folds "//" into a file name
    assert str(parse_args(["--db", "项目/hq.sqlite3"])[0].db).endswith("hq.sqlite3")


def test_main_window_opens_on_postgresql_and_the_dashboard_paints(qtbot, pg_server_running, pg_demo_url) -> None:
    from survey_app.core.services import devices, startup, users
    from survey_app.ui.main_window import MainWindow
    from survey_app.ui.pages import navigation as nav
    from survey_app.ui.task_runner import TaskRunner

    # The URL as a user types it, with a password (the test server trusts loopback, so any password does).
    url = pg_demo_url.replace("postgres@", "postgres:s3cret-pw@")
    db = startup.open_database(url)  # what the GUI does with --db
    runner = TaskRunner()
    try:
        actor = users.login(db, "hq", "hq123456", device=devices.local_device_code(db))
        window = MainWindow(db, actor, runner=runner)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.mouseClick(window.rail.buttons[nav.PROJECT], Qt.MouseButton.LeftButton)
        tabs = window.pages[nav.PROJECT]
        dashboard = tabs.widget(0)
        qtbot.waitUntil(lambda: dashboard.dash is not None and not dashboard._loading, timeout=30_000)
        assert dashboard.dash.households.value == 60
        assert dashboard.tiles["households"].text().startswith("60")
        image = dashboard.grab().toImage()  # painted: not one flat colour
        assert image.width() > 0 and len({image.pixel(x, 40) for x in range(0, image.width(), 7)}) > 1
        project = next(tabs.widget(i) for i in range(tabs.count()) if tabs.widget(i).objectName() == "hqProjectTab")
        tabs.setCurrentWidget(project)
        shown = project.database.text()
        assert shown.startswith("postgresql+psycopg://postgres:***@127.0.0.1:") and "s3cret" not in shown
    finally:
        runner.shutdown()
        db.dispose()
