"""Screenshots of the pages (首页, 测算, 复核) — called from make_screenshots.py, or run alone:

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/shots_pages.py \
        --db /tmp/shots.sqlite3 [--lang en] [--out docs/screenshots]

``grab(db, actor_by_role, runner, out_dir, lang)`` saves home.png (the worker's day), compensation.png
(a surveyed demo household calculated, with the most options, one chosen, formulas shown) and
review.png (the supervisor's queue), with ``-en`` before the suffix when ``lang == "en"``.
``actor_by_role`` maps "field_worker" and "supervisor" to logged-in Actors. The windows are the real
MainWindow at 1366×738 (a 768-pixel screen less a taskbar). Note: calculating writes to the database.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

SIZE = (1366, 768 - 30)


def _settle(ms: int = 200) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _wait(predicate, timeout_ms: int = 10_000) -> None:
    import time

    end = time.monotonic() + timeout_ms / 1000
    while not predicate() and time.monotonic() < end:
        _settle(20)


def _window(db, actor, runner, lang: str):
    from survey_app.ui.app import _project_name
    from survey_app.ui.main_window import MainWindow

    window = MainWindow(db, actor, project_name=_project_name(db), language=lang, runner=runner)
    window.resize(*SIZE)
    window.show()
    _settle()
    return window


def _widest_surveyed(db) -> str:
    """A surveyed household whose calculation offers the most options (every exchange flat)."""
    from survey_app.core.services import households
    from survey_app.core.services.households import HouseholdFilter

    keys = households.search_keys(db, HouseholdFilter(status="surveyed"))
    rows = households.fetch_rows(db, keys[:40])
    # Middle-sized homes qualify for every flat type; the largest area is a simple, stable pick.
    best = max(rows.values(), key=lambda r: (r.total_area < 120, r.total_area))
    return best.id


def grab(db, actor_by_role: dict, runner, out_dir: Path, lang: str) -> list[Path]:
    """Save home.png, compensation.png and review.png (``-en`` suffix for English) into ``out_dir``."""
    from survey_app.core.services import calculations
    from survey_app.ui.pages import navigation as nav

    suffix = "" if lang == "zh_CN" else "-en"
    out_dir.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    worker = actor_by_role["field_worker"]

    window = _window(db, worker, runner, lang)
    hid = _widest_surveyed(db)
    options = calculations.calculate(db, worker, hid)
    exchange = [o.option_key for o in options if o.option_key.startswith("exchange:")]
    calculations.choose_option(db, worker, hid, exchange[1] if len(exchange) > 1 else options[0].option_key)

    window.show_page(nav.HOME)
    window.page(nav.HOME).refresh()
    _settle(300)
    saved.append(_save(window, out_dir / f"home{suffix}.png"))

    window.show_compensation(hid)
    page = window.page(nav.COMPENSATION)
    page.formulas.setChecked(True)
    _settle(300)
    saved.append(_save(window, out_dir / f"compensation{suffix}.png"))
    window.close()

    reviewer = actor_by_role.get("supervisor")
    if reviewer is not None:
        window = _window(db, reviewer, runner, lang)
        window.show_page(nav.REVIEW)
        review = window.page(nav.REVIEW)
        review.select_row(0)
        _wait(lambda: review.detail.detail is not None)
        review.comment.setPlainText("请补拍附属物照片（空调外机）" if lang == "zh_CN" else "Please add photos of the fixtures")
        _settle(300)
        saved.append(_save(window, out_dir / f"review{suffix}.png"))
        window.close()
    return saved


def _save(window, path: Path) -> Path:
    window.grab().save(str(path))
    print("saved", path)
    return path


def main() -> int:
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--lang", default="zh_CN", choices=("zh_CN", "en"))
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from survey_app.core.services import devices, startup, users
    from survey_app.ui import i18n
    from survey_app.ui.fonts import install_app_font
    from survey_app.ui.task_runner import TaskRunner

    app = QApplication(sys.argv[:1])
    install_app_font(app)
    i18n.install_translators(app, args.lang)
    db = startup.open_database(args.db)
    device = devices.local_device_code(db)
    actors = {"field_worker": users.login(db, "worker", "worker123", device=device),
              "supervisor": users.login(db, "reviewer", "review123", device=device)}
    runner = TaskRunner()
    try:
        grab(db, actors, runner, args.out, args.lang)
    finally:
        runner.shutdown()
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
