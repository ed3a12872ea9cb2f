"""What the screenshots of the HQ set-up showed (issue 12 polish), checked on the real windows at 1366×738
(a 768-pixel screen under a taskbar) and 1024×768: the 测算 page's choose buttons are whole on screen; the
editor shows every imported appraisal value and does not ask a field worker for what only HQ imports; one
timestamp reads the same (China time) on every page whatever this computer's zone; 待处理事项 keeps its
heading and explanation together at the top when there is nothing to do."""

from __future__ import annotations

import datetime as dt
import time
import uuid
from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QWidget
from sqlalchemy import insert, select, update
from test_editor_helpers import destroy, household_with_status, open_editor
from test_pages_helpers import window_for

from survey_app.core.storage.models import Appraisal, Household
from survey_app.ui.pages import navigation as nav

SIZES = [(1366, 738), (1024, 738)]


@pytest.fixture
def app_font(qapp):
    """The shipped CJK font, as the application installs it before its first window (taller rows)."""
    from survey_app.ui.fonts import install_app_font

    before = qapp.font()
    assert install_app_font(qapp)
    yield
    qapp.setFont(before)


def _on_screen(widget: QWidget, window: QWidget) -> bool:
    """The whole widget is painted: inside the window and not clipped by any parent."""
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    return (widget.isVisible() and window.rect().contains(rect)
            and widget.visibleRegion().boundingRect() == widget.rect())


# --- 测算: the 选择方案 row ------------------------------------------------------------------------------

@pytest.mark.parametrize("size", SIZES)
def test_choose_buttons_are_whole_on_a_768_pixel_screen(qtbot, demo_db, worker_actor, runner, calculated,
                                                        app_font, size) -> None:
    window = window_for(qtbot, demo_db, worker_actor, runner)
    window.resize(*size)
    page = window.page(nav.COMPENSATION)
    window.show_page(nav.COMPENSATION)
    page.show_household(calculated)
    qtbot.waitUntil(lambda: bool(page.choose_buttons) and page.table.isVisible())
    page.reload()  # what a change elsewhere (a signing, a sync) does while the page is on screen
    assert page.choose_buttons["cash"].text() == "✓ 已选择"
    footer = page.table.footer

    def in_view() -> list:  # the columns not scrolled off to the right (1024 px, many options)
        return [b for col, b in enumerate(page.choose_buttons.values(), 1)
                if footer.columnViewportPosition(col) + footer.columnWidth(col) <= footer.viewport().width()]

    def placed() -> bool:  # the view has laid out its cell widgets (it does so after its own layout)
        row = page.model.rowCount() - 1
        return all(b.parentWidget().geometry() == footer.visualRect(page.model.index(row, col))
                   for col, b in enumerate(page.choose_buttons.values(), 1))

    def whole() -> bool:  # once the view and the page have laid out (both deferred), every button is whole
        viewport = QRect(footer.viewport().mapTo(window, QPoint(0, 0)), footer.viewport().size())
        return placed() and all(
            _on_screen(b, window) and viewport.contains(QRect(b.mapTo(window, QPoint(0, 0)), b.size()))
            for b in in_view())

    qtbot.waitUntil(whole, timeout=3000)
    assert len(in_view()) >= (3 if size[0] >= 1366 else 1)


# --- 评估 in the editor -------------------------------------------------------------------------------

def _imported_appraisal(db) -> str:
    """A surveyed household whose first appraisal carries what an appraisal report import writes."""
    hh = household_with_status(db, "surveyed")
    with db.engine.begin() as conn:
        first = conn.execute(select(Appraisal.id).where(Appraisal.household_id == uuid.UUID(hh.id),
                                                        Appraisal.deleted_at.is_(None)).order_by(Appraisal.id)).scalar()
        conn.execute(update(Appraisal).where(Appraisal.id == first).values(
            part_label="证载主房", structure="砖混", newness="八成新", decoration_grade="中档",
            decoration_value=Decimal("22520.00"), fixtures_value=Decimal("4800.00")))
    return hh.id


SHOWN = {"part_label": "证载主房", "structure": "砖混", "newness": "八成新", "decoration_grade": "中档",
         "decoration_value": "22520.00", "fixtures_value": "4800.00"}


def test_a_field_worker_sees_every_imported_appraisal_value_read_only(qtbot, demo_db, worker_actor,
                                                                      runner) -> None:
    hid = _imported_appraisal(demo_db)
    dialog = open_editor(qtbot, demo_db, worker_actor, runner, hid)
    table = dialog.appraisals.table
    row = table.rows[0]
    for key, text in SHOWN.items():
        assert row.widgets[key].text() == text, key
        assert row.widgets[key].isReadOnly(), key
    assert row.widgets["report_no"].toolTip() == row.widgets["report_no"].text() != ""  # long: read on hover
    headers = {k: label.text() for k, label in table.header_labels.items()}
    assert not any(h.endswith("*") for h in headers.values()), headers  # nothing for the worker to fill
    assert dialog.appraisals.hint.isVisible() and "指挥部" in dialog.appraisals.hint.text()
    assert not dialog.is_dirty()
    destroy(dialog)


def test_hq_edits_the_appraisal_and_keeps_the_imported_values(qtbot, demo_db, admin, runner) -> None:
    from survey_app.core.services.survey import store

    hid = _imported_appraisal(demo_db)
    dialog = open_editor(qtbot, demo_db, admin, runner, hid)
    table = dialog.appraisals.table
    assert table.header_labels["unit_price"].text().endswith("*")  # HQ fills it: the policy needs it
    assert not dialog.appraisals.hint.isVisible()
    newness = table.rows[0].widgets["newness"]
    newness.setFocus()
    newness.selectAll()
    qtbot.keyClick(newness, Qt.Key.Key_Delete)
    newness.insert("九成新")  # QTest types ASCII only; insert() is what an IME commit does
    newness.editingFinished.emit()
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        assert dialog.save()
    saved = store.load_form(demo_db, hid).appraisals[0]
    assert (saved.newness, saved.part_label, saved.fixtures_value) == ("九成新", "证载主房", Decimal("4800.00"))
    destroy(dialog)


@pytest.mark.parametrize("width", [1366, 1024])
def test_appraisal_headers_are_whole_and_the_row_fits(qtbot, demo_db, worker_actor, runner, app_font,
                                                      width) -> None:
    dialog = open_editor(qtbot, demo_db, worker_actor, runner, _imported_appraisal(demo_db))
    dialog.resize(width, 738)
    dialog.jump_to_section(dialog.sections.index(dialog.appraisals))
    table = dialog.appraisals.table
    qtbot.waitUntil(lambda: table.rows[0].width() > 0)
    for key, label in table.header_labels.items():
        needed = label.heightForWidth(label.width()) if label.wordWrap() else label.sizeHint().height()
        assert needed <= label.height(), (key, label.text(), label.width())
    row = table.rows[0]
    assert row.minimumSizeHint().width() <= row.width(), (row.minimumSizeHint().width(), row.width())
    destroy(dialog)


# --- China time on every page ---------------------------------------------------------------------------

@pytest.fixture
def utc_machine(monkeypatch):
    """This computer's zone is UTC (as the build machine's): local time and China time differ by 8 h."""
    monkeypatch.setenv("TZ", "UTC")
    if hasattr(time, "tzset"):
        time.tzset()
    yield
    monkeypatch.undo()
    if hasattr(time, "tzset"):
        time.tzset()


def test_one_timestamp_reads_the_same_china_time_on_every_page(qtbot, demo_db, admin, worker_actor, runner,
                                                               utc_machine) -> None:
    from test_pages_helpers import first_with

    from survey_app.core.storage.models import ImportBatch
    from survey_app.ui.hq.imports_tab import build as imports_tab
    from survey_app.ui.pages.review_model import COL_UPDATED

    instant = dt.datetime(2023, 7, 1, 20, 30, tzinfo=dt.UTC)  # 2023-07-02 04:30 in China
    key, detail = first_with(demo_db, "surveyed")
    with demo_db.engine.begin() as conn:
        conn.execute(update(Household).where(Household.id == uuid.UUID(detail.id)).values(updated_at=instant))
        conn.execute(insert(ImportBatch).values(id=str(uuid.uuid4()), kind="roster", file_name="名册.xlsx",
                                                created_at=instant, created_by="hq"))

    tab = imports_tab(demo_db, admin, runner)  # 名册与评估
    qtbot.addWidget(tab)
    assert tab.model.item(0, 0).text() == "2023年7月2日 04:30"

    window = window_for(qtbot, demo_db, worker_actor, runner)  # 住户: the detail panel
    window.table.select_row(window.model.row_of(key))
    qtbot.waitUntil(lambda: window.detail.key == key and window.detail.detail is not None, timeout=5000)
    assert "2023年7月2日 04:30" in window.detail.toPlainText()

    dialog = open_editor(qtbot, demo_db, worker_actor, runner, detail.id)  # the editor's header
    assert "2023年7月2日 04:30" in dialog.rev_label.text()
    destroy(dialog)

    window.show_page(nav.REVIEW) if nav.REVIEW in window.rail.buttons else None
    review = window.page(nav.REVIEW)
    if review is not None:  # 复核: the queue's 最后修改 column
        model = review.model
        row = next((r for r in range(model.rowCount()) if model.index(r, 0).data() == detail.household_code), None)
        if row is not None:
            assert model.index(row, COL_UPDATED).data() == "2023年7月2日 04:30"


def test_datetime_shown_is_china_time_whatever_the_zone(utc_machine) -> None:
    from survey_app.ui import formatting

    assert formatting.datetime_local(dt.datetime(2023, 12, 31, 16, 5, tzinfo=dt.UTC)) == "2024年1月1日 00:05"
    assert formatting.datetime_local(dt.datetime(2023, 12, 31, 16, 5)) == "2024年1月1日 00:05"  # naive: UTC


# --- 待处理事项 with nothing to do ----------------------------------------------------------------------

@pytest.mark.parametrize("size", [(1270, 620), (930, 620)])
def test_empty_issues_keep_heading_and_explanation_together_at_the_top(qtbot, demo_db, admin, runner,
                                                                       app_font, size) -> None:
    from survey_app.ui.sync.issues_panel import IssuesPanel

    panel = IssuesPanel(demo_db, admin, runner)
    qtbot.addWidget(panel)
    panel.resize(*size)
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.model.rowCount() == 0 and panel.title.text() == "没有待处理事项"
    line = panel.fontMetrics().height()
    title_top = panel.title.mapTo(panel, QPoint(0, 0)).y()
    gap = panel.message.mapTo(panel, QPoint(0, 0)).y() - (title_top + panel.title.height())
    assert title_top <= panel.table.mapTo(panel, QPoint(0, 0)).y() + line, title_top  # level with the list's top
    assert 0 <= gap <= line, gap
    assert panel.message.isVisible()
    for label in (panel.title, panel.message):  # not stretched: their text sits at their top, not mid-panel
        assert label.height() <= label.heightForWidth(label.width()) + line // 2 if label.wordWrap() \
            else label.height() <= label.sizeHint().height() + line // 2, (label.text(), label.height())
