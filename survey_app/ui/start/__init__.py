"""The start window: which project to open (issue 12 item 1).

``choose_database`` decides the database when the app starts without ``--db``: the project opened last
(project_registry), else the start window — 新建项目（指挥部）, 加入项目（调查员笔记本）, 打开演示项目, and the
list of projects this machine knows. 项目 → 切换项目… in the main window (``request_switch``) shows the same
window; a choice ends the running project's session with the exit code ``SWITCH_PROJECT`` and
ui/app.py ``main`` starts again on the chosen file (``argv_for``), through the same open and login path.
Threading: GUI thread only; creating a project or a laptop database runs on the window's TaskRunner.
"""

from __future__ import annotations

from pathlib import Path

SWITCH_PROJECT = 75  # app.exec() result: start again with the database in CHOSEN
CHOSEN: list[Path | None] = [None]


def choose_database(app, *, force: bool = False, parent=None) -> Path | None:  # noqa: ANN001
    """The project database to open: the last one opened (unless ``force``), else what the user picks in
    the start window; None when the window is closed without a choice."""
    from survey_app.core.services import project_registry

    if not force:
        last = project_registry.last_opened()
        if last is not None:
            project_registry.touch(last.path)
            return last.path
    from survey_app.ui.start.chooser import StartWindow

    window = StartWindow(parent)
    window.exec()
    return window.chosen


def request_switch(window) -> None:  # noqa: ANN001
    """项目 → 切换项目…: show the start window; on a choice close this project and start on the new one.
    Cancelling the start window leaves everything as it was."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication, QMessageBox

    if window.runner.busy:
        QMessageBox.information(window, QCoreApplication.translate("StartWindow", "切换项目"),
                                QCoreApplication.translate("StartWindow", "还有任务在运行，请等它完成后再切换项目。"))
        return
    path = choose_database(QApplication.instance(), force=True, parent=window)
    if path is None:
        return
    CHOSEN[0] = Path(path)
    window.hide()
    QApplication.instance().exit(SWITCH_PROJECT)


def argv_for(argv: list[str], path: Path) -> list[str]:
    """``argv`` with its ``--db`` replaced by ``path`` (the other options, e.g. --lang, kept)."""
    out: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg == "--db":
            skip = True
            continue
        if arg.startswith("--db="):
            continue
        out.append(arg)
    return [*out, "--db", str(path)]
