"""The 测算 button: ms from the click on the compensation page until the page shows the new result.

``python -m bench calculate_button [--json] [--households N] [--clicks N]``

Drives the real ``CompensationPage`` (offscreen Qt) on a copy of the cached demo database (the
clicks write calculations and audit events; the shared cache stays untouched), logged in as the
demo field worker. For each of ``--clicks`` households spread over the database (appraised, not
signed) the page is shown on the household (not timed), then ``calc_button`` is clicked and the
Qt event loop runs (no sleeps) until the page has reloaded from the ChangeHub and the option grid
has been painted: engine + storage + audit + TaskRunner round trip + page refresh, what the user
waits for. The first click (first calculation of the run: policy parse, first queries, imports on
the worker thread) is reported separately; the headline is the median of the others.

Same-run baselines, for the same households:

* ``engine alone`` — ``compute_all(policy, HouseholdInput)`` with the input read beforehand (what
  ``engine`` measures in bulk): the ratio is what storage, audit and UI cost over the arithmetic;
* ``service`` — ``calculations.calculate(db, actor, id)`` called directly (engine + reads + storage
  + audit, no Qt), to split the cost between the service and the page.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from bench.common import count_label, demo_database
from bench.figures import Figure

SMOKE = ["--households", "60", "--clicks", "3"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--households", type=int, default=10_000, help="demo database size")
    parser.add_argument("--clicks", type=int, default=30, help="households clicked (the first reported apart)")


def _pick(db, count: int) -> list[str]:
    """``count`` calculable households (appraised, not signed) spread evenly over the database, as hex ids."""
    with db.engine.connect() as conn:
        rows = [r[0] for r in conn.exec_driver_sql(
            "SELECT h.id FROM households h WHERE h.deleted_at IS NULL"
            " AND h.status IN ('surveyed', 'reviewed', 'calculated')"
            " AND EXISTS (SELECT 1 FROM appraisals a WHERE a.household_id = h.id AND a.deleted_at IS NULL)"
            " ORDER BY h.household_code")]
    if not rows:
        raise SystemExit("no calculable household in the demo database")
    step = max(1, len(rows) // count)
    picked = rows[::step][:count]
    return [(uuid.UUID(bytes=r) if isinstance(r, bytes) else uuid.UUID(str(r))).hex for r in picked]


def run(args: argparse.Namespace) -> list[Figure]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from survey_app.core.compensation.engine import compute_all
    from survey_app.core.services import calculations, devices, users
    from survey_app.core.storage.database import Database
    from survey_app.core.storage.models import Household
    from survey_app.ui.changes import ChangeHub
    from survey_app.ui.pages.compensation_page import CompensationPage
    from survey_app.ui.task_runner import TaskRunner

    source, _ = demo_database(args.households)
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="calc_button_") as tmp:
        path = Path(tmp) / "project.sqlite3"
        shutil.copyfile(source, path)
        db = Database(path)
        actor = users.login(db, "worker", "worker123", device=devices.local_device_code(db))
        picked = _pick(db, max(2, args.clicks))
        runner = TaskRunner()
        page = CompensationPage(db, actor, runner)
        runner.set_parent_widget(page)
        page.resize(1366, 700)
        page.show()
        app.processEvents()

        class PaintWatch(QObject):
            """Quits ``loop`` at the first paint of the option grid after the page reloaded."""

            def __init__(self) -> None:
                super().__init__()
                self.loop: QEventLoop | None = None
                self.reloaded = False

            def changed(self, _changes: object) -> None:  # connected after the page's own slot: it has reloaded
                self.reloaded = True

            def eventFilter(self, watched, event) -> bool:
                if (self.reloaded and event.type() == QEvent.Type.Paint and self.loop is not None
                        and self.loop.isRunning()):
                    self.loop.quit()
                return False

        watch = PaintWatch()
        ChangeHub.instance().changed.connect(watch.changed)
        for view in (page.table.body, page.table.footer, page.empty):
            view.installEventFilter(watch)
            if hasattr(view, "viewport"):
                view.viewport().installEventFilter(watch)

        def click_ms() -> float:
            loop = QEventLoop()
            watch.loop, watch.reloaded = loop, False
            timeout = QTimer()
            timeout.setSingleShot(True)
            timeout.timeout.connect(loop.quit)
            timeout.start(30_000)
            start = time.perf_counter()
            page.calc_button.click()
            loop.exec()
            elapsed = (time.perf_counter() - start) * 1000
            if not timeout.isActive() or page.model.columnCount() <= 1:
                raise RuntimeError(f"the page showed no new result (banner: {page.banner.text()!r})")
            timeout.stop()
            return elapsed

        clicks, service, engine = [], [], []
        for hid in picked:
            page.show_household(hid)
            app.processEvents()
            clicks.append(click_ms())
            app.processEvents()
            start = time.perf_counter()
            calculations.calculate(db, actor, hid)
            service.append((time.perf_counter() - start) * 1000)
            with db.read() as s:  # the engine's input and policy, read outside the timer
                h = s.get(Household, uuid.UUID(hid))
                _pv, policy = calculations.current_policy(s, h.project_id)
                inputs = calculations.household_input(s, h)
            start = time.perf_counter()
            compute_all(policy, inputs)
            engine.append((time.perf_counter() - start) * 1000)
        app.processEvents()
        ChangeHub.instance().changed.disconnect(watch.changed)
        runner.shutdown()
        page.close()
        page.deleteLater()
        app.processEvents()
        db.dispose()

    n = count_label(args.households)
    warm_click, warm_service, warm_engine = (statistics.median(v[1:]) for v in (clicks, service, engine))
    return [
        Figure(f"calculate_button_ms_{n}", warm_click, "ms", baseline=warm_engine,
               baseline_label="engine alone"),
        Figure(f"calculate_button_first_ms_{n}", clicks[0], "ms", baseline=engine[0],
               baseline_label="engine alone (same household)"),
        Figure(f"calculate_service_ms_{n}", warm_service, "ms", baseline=warm_engine,
               baseline_label="engine alone"),
        Figure(f"calculate_button_over_service_ms_{n}", warm_click, "ms", baseline=warm_service,
               baseline_label="calculations.calculate alone (no Qt)"),
        Figure(f"calculate_clicks_{n}", len(clicks), "households clicked"),
    ]
