"""The 总览 tab (pytest-qt, offscreen): real tiles and tables clicked, the households behind them listed and
signalled, the ledger exported from its button; only HQ administrators get the page."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt

from survey_app.core.services.households import HouseholdFilter
from survey_app.core.services.reports import count_households


@pytest.fixture
def runner(qapp):
    from survey_app.ui.task_runner import TaskRunner

    r = TaskRunner()
    yield r
    r.shutdown()


@pytest.fixture
def page(qtbot, signed_db, runner):
    from survey_app.core.services import devices, users
    from survey_app.ui.hq.dashboard_page import build

    actor = users.login(signed_db, "hq", "hq123456", device=devices.local_device_code(signed_db))
    widget = build(signed_db, actor, runner)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitUntil(lambda: widget.dash is not None and not widget._loading, timeout=20_000)
    return widget


def test_tiles_show_the_figures_and_a_click_lists_the_households(qtbot, page, signed_db) -> None:
    rate = page.tiles["cash_rate"]
    assert rate.text().startswith("75.00%") and "60.00%" in rate.text()
    assert rate.property("good") is True
    with qtbot.waitSignal(page.scopeRequested) as scope_sig, qtbot.waitSignal(page.householdsRequested) as flt_sig:
        qtbot.mouseClick(rate, Qt.MouseButton.LeftButton)
    scope = scope_sig.args[0]
    assert count_households(signed_db, scope) == 3
    assert flt_sig.args[0] == HouseholdFilter()  # "cash or voucher" is more than the 住户 page can filter
    assert "共 3 户" in page.detail.text() and "A2-0004" in page.detail.text()
    with qtbot.waitSignal(page.householdsRequested) as flt_sig:
        qtbot.mouseClick(page.status_buttons["signed"], Qt.MouseButton.LeftButton)
    assert flt_sig.args[0] == HouseholdFilter(status="signed")


def test_a_table_cell_click_lists_that_section_and_stage(qtbot, page, signed_db) -> None:
    view = page.views["sections"]
    model = view.model()
    row = next(r for r in range(model.rowCount()) if model.data(model.index(r, 0)) == "B1")
    index = model.index(row, 4)  # 已签约
    rect = view.visualRect(index)
    with qtbot.waitSignal(page.householdsRequested) as sig:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert sig.args[0] == HouseholdFilter(section="B1")
    signed_b1 = count_households(signed_db, model.scope_at(index))
    assert model.data(index) == str(signed_b1) and f"共 {signed_b1} 户" in page.detail.text()


def test_export_ledger_button_writes_the_file(qtbot, page, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog, QPushButton

    target = tmp_path / "out" / "台账"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    button = page.findChild(QPushButton, "exportLedger")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    written = target.with_suffix(".xlsx")
    qtbot.waitUntil(lambda: "已导出台账" in page.detail.text(), timeout=20_000)
    assert written.exists() and "60 户" in page.detail.text()


def test_only_hq_gets_the_dashboard(qtbot, signed_db, runner) -> None:
    from survey_app.core.services import devices, users
    from survey_app.ui.hq.dashboard_page import DashboardPage, build

    worker = users.login(signed_db, "worker", "worker123", device=devices.local_device_code(signed_db))
    widget = build(signed_db, worker, runner)
    qtbot.addWidget(widget)
    assert not isinstance(widget, DashboardPage) and "指挥部管理员" in widget.text()


def test_a_dashboard_click_opens_the_households_page_filtered(qtbot, signed_db, runner) -> None:
    from survey_app.core.services import devices, users
    from survey_app.ui.main_window import MainWindow
    from survey_app.ui.pages import navigation as nav

    actor = users.login(signed_db, "hq", "hq123456", device=devices.local_device_code(signed_db))
    window = MainWindow(signed_db, actor, runner=runner)
    qtbot.addWidget(window)
    window.show()
    qtbot.mouseClick(window.rail.buttons[nav.PROJECT], Qt.MouseButton.LeftButton)
    dashboard = window.pages[nav.PROJECT].widget(0)  # 总览 is the HQ page's first tab
    qtbot.waitUntil(lambda: dashboard.dash is not None and not dashboard._loading, timeout=20_000)
    qtbot.mouseClick(dashboard.status_buttons["signed"], Qt.MouseButton.LeftButton)
    assert window.current_page() == nav.HOUSEHOLDS
    model = window.households_page.model
    assert model.current_filter.status == "signed"
    qtbot.waitUntil(lambda: model.total() is not None)
    from survey_app.core.services import households

    signed = len(households.search_keys(signed_db, HouseholdFilter(status="signed")))
    assert signed > 0 and model.total() == signed
