"""Start-up work that must not grow with the number of households (issue 11 item 5, DESIGN §8).

Work is counted in SQLite virtual-machine steps (a progress handler on every pooled connection), not in
time: deterministic, and it grows with the rows a query reads. The demo project's 60 households are
copied in raw SQL to make a bigger project (test data for reads only: the copies bypass the unit of work).
"""

from __future__ import annotations

from sqlalchemy import event

from survey_app.core.services import households
from survey_app.ui.household_model import FIRST_PAGE
from survey_app.ui.main_window import MainWindow

STEP = 100  # VM instructions per progress-handler call


class Steps:
    """Counts SQLite VM steps of every statement run on ``db`` while ``on`` is set."""

    def __init__(self, db) -> None:
        self.count = 0
        self.on = False
        event.listen(db.engine, "checkout", self._checkout)

    def _checkout(self, dbapi_conn, _record, _proxy) -> None:
        dbapi_conn.set_progress_handler(self._tick, STEP)

    def _tick(self) -> int:
        if self.on:
            self.count += 1
        return 0  # 0: carry on

    def measure(self, fn) -> int:
        """Steps of the statements ``fn()`` runs (in units of STEP instructions)."""
        self.count, self.on = 0, True
        try:
            fn()
        finally:
            self.on = False
        return self.count


def grow(db, copies: int) -> int:
    """Add ``copies`` copies of the households there were at the start; returns the live count."""
    with db.begin_write() as conn:
        last = conn.exec_driver_sql("SELECT max(rowid) FROM households").scalar()
        cols = [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(households)")]
        for n in range(copies):
            values = ["lower(hex(randomblob(16)))" if c == "id" else f"household_code || '~{last}.{n}'"
                      if c == "household_code" else c for c in cols]
            conn.exec_driver_sql(f"INSERT INTO households ({', '.join(cols)}) SELECT {', '.join(values)} "
                                 f"FROM households WHERE rowid <= {int(last)}")
        return conn.exec_driver_sql("SELECT count(*) FROM households WHERE deleted_at IS NULL").scalar()


def test_sections_read_each_section_once_not_each_household(demo_db) -> None:
    steps = Steps(demo_db)
    expected = households.sections(demo_db)
    small = steps.measure(lambda: households.sections(demo_db))
    grow(demo_db, 20)
    assert households.sections(demo_db) == expected  # the copies are in the same 地块
    big = steps.measure(lambda: households.sections(demo_db))
    assert len(expected) > 1 and expected == sorted(expected)
    assert big <= small + 2, (small, big)  # 21× the households: the same few index seeks


def test_a_big_projects_window_counts_statuses_after_its_first_paint(qtbot, demo_db, worker_actor,
                                                                      runner) -> None:
    total = grow(demo_db, 6)
    assert total > FIRST_PAGE  # more than the list's first page: the counts would read every household
    statements: list[str] = []
    event.listen(demo_db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))

    window = MainWindow(demo_db, worker_actor, runner=runner)
    qtbot.addWidget(window)
    assert not any("GROUP BY" in s and "households.status" in s for s in statements)
    assert window.filter_bar.status.itemText(0) == "全部"  # not counted yet: no number rather than a wrong one
    assert window.model.rowCount() == FIRST_PAGE  # the list itself is there

    window.show()
    qtbot.waitUntil(lambda: window.filter_bar.status.itemText(0) != "全部", timeout=5000)
    assert window.filter_bar.status.itemText(0) == f"全部 ({total:,})"
    pending = households.status_counts(demo_db)["pending"]
    combo = window.filter_bar.status
    assert combo.itemText(combo.findData("pending")) == f"待调查 ({pending:,})"
    assert window.filter_bar.section.count() == 1 + len(households.sections(demo_db))


def test_a_small_projects_window_has_its_counts_before_painting(qtbot, demo_db, worker_actor,
                                                                runner) -> None:
    window = MainWindow(demo_db, worker_actor, runner=runner)
    qtbot.addWidget(window)
    assert window.filter_bar.status.itemText(0) == "全部 (60)"  # one page holds all: as cheap as the list


def test_building_the_window_reads_no_more_for_more_households(qtbot, demo_db, worker_actor,
                                                               runner) -> None:
    steps = Steps(demo_db)

    def build() -> None:
        qtbot.addWidget(MainWindow(demo_db, worker_actor, runner=runner))

    grow(demo_db, 6)  # 420 households: more than a page
    steps.measure(build)  # first build: statement caches and the like
    smaller = steps.measure(build)
    total = grow(demo_db, 3)  # ×4: 1,680
    assert total >= 4 * 420
    bigger = steps.measure(build)
    assert bigger <= smaller * 1.2 + 5, (smaller, bigger)


def test_a_big_projects_total_is_counted_after_the_first_paint_never_guessed(qtbot, demo_db,
                                                                              worker_actor, runner) -> None:
    total = grow(demo_db, 6)
    window = MainWindow(demo_db, worker_actor, runner=runner)
    qtbot.addWidget(window)
    assert window.count_label.text() == ""  # not "共 300 户": the first page is not the total
    window.show()
    qtbot.waitUntil(lambda: window.count_label.text() != "", timeout=5000)
    assert window.count_label.text() == f"共 {total:,} 户"


def test_first_time_imports_of_a_households_detail_are_warmed_after_the_first_paint(qtbot, demo_db, worker_actor,
                                                                                    runner, monkeypatch) -> None:
    """What the first not-yet-surveyed household's detail imports (0.2–0.4 s) is imported on a thread once the
    window has painted, not inside the keystroke that first shows one (a stand-in module proves the path)."""
    import sys

    from survey_app.ui import main_window

    monkeypatch.setattr(main_window, "WARM_MODULES", ("colorsys",))
    monkeypatch.delitem(sys.modules, "colorsys", raising=False)
    window = MainWindow(demo_db, worker_actor, runner=runner)
    qtbot.addWidget(window)
    assert "colorsys" not in sys.modules  # not before the paint
    window.show()
    qtbot.waitUntil(lambda: "colorsys" in sys.modules, timeout=5000)
