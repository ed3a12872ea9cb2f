"""Screenshots at 1024×768 (a small field laptop), and of the help and 新增住户 windows — called from
make_screenshots.py (``make screenshots``).

``grab(db, actor_by_role, runner, out_dir, lang)`` saves small-<page>.png for every page of the main
window (首页, 住户, 测算, 复核, 同步) at 1024×738 (a 768-pixel screen less a taskbar), the worker's pages
as the worker and 复核 as the supervisor, then help.png (F1) and new-household.png at their own size;
``-en`` before the suffix when ``lang == "en"``. Nothing is written to the database.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

SMALL = (1024, 768 - 30)


def grab(db, actor_by_role: dict, runner, out_dir: Path, lang: str) -> list[Path]:
    from shots_pages import _settle, _wait

    from survey_app.ui.app import _project_name
    from survey_app.ui.main_window import MainWindow
    from survey_app.ui.pages import navigation as nav

    suffix = "" if lang == "zh_CN" else "-en"
    saved: list[Path] = []

    def window_for(actor):
        window = MainWindow(db, actor, project_name=_project_name(db), language=lang, runner=runner)
        window.resize(*SMALL)
        window.show()
        _settle()
        return window

    def save(widget, name: str) -> None:
        path = out_dir / f"{name}{suffix}.png"
        widget.grab().save(str(path))
        saved.append(path)

    worker = window_for(actor_by_role["field_worker"])
    worker.table.select_row(3)
    _wait(lambda: worker.detail.detail is not None)
    _settle(300)
    save(worker, "small-households")
    for name in (nav.HOME, nav.COMPENSATION, nav.SYNC):
        worker.show_page(name)
        _settle(400)
        save(worker, f"small-{name}")
    worker.show_page(nav.HOUSEHOLDS)
    worker.help_action.trigger()
    _settle(300)
    save(worker.help_dialog, "help")
    worker.help_dialog.close()
    worker.households_page.new_button.click()
    _settle(300)
    save(worker.households_page.field_dialog, "new-household")
    worker.households_page.field_dialog.reject()
    worker.close()

    reviewer = window_for(actor_by_role["supervisor"])
    reviewer.show_page(nav.REVIEW)
    page = reviewer.page(nav.REVIEW)
    page.select_row(0)
    _wait(lambda: page.approve_button.isEnabled())
    _settle(300)
    save(reviewer, "small-review")
    reviewer.close()
    return saved
