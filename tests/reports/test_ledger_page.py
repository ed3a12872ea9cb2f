"""HQ's 台账 tab (pytest-qt, offscreen): the real page on the signed project — the view's figures equal the
same cells of the .xlsx its 导出 Excel… button writes, the filter combos narrow rows, 合计 and export alike,
户号 and 户主 stay in sight when the money columns scroll in, a double-click asks for that household, and the
tab is in the HQ page for HQ only."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from survey_app.core.services.reports import ledger
from tests.reports.conftest import q


@pytest.fixture
def runner(qapp):
    from survey_app.ui.task_runner import TaskRunner

    r = TaskRunner()
    yield r
    r.shutdown()


def _login(db, name: str, password: str):
    from survey_app.core.services import devices, users

    return users.login(db, name, password, device=devices.local_device_code(db))


@pytest.fixture
def page(qtbot, signed_db, runner):
    from survey_app.ui.hq.ledger_page import build

    widget = build(signed_db, _login(signed_db, "hq", "hq123456"), runner)
    qtbot.addWidget(widget)
    widget.resize(1024, 700)
    widget.show()
    qtbot.waitUntil(widget.totals_ready, timeout=20_000)
    return widget


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def _export(qtbot, page, target: Path, monkeypatch) -> list:
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已导出台账" in page.message.text(), timeout=20_000)
    written = target.with_suffix(".xlsx")
    assert str(written) in page.message.text()
    return list(load_workbook(written)["台账"].iter_rows())


def _pick(qtbot, combo, text: str) -> None:
    """Choose an entry of a combo box from the keyboard, as a user can: Home, then Down until it shows."""
    assert combo.findText(text) >= 0, text
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text


def test_the_view_shows_the_exported_files_figures(qtbot, page, signed_db, tmp_path: Path, monkeypatch) -> None:
    model, table = page.model, page.table
    assert model.rowCount() == 60 and "共 60 户" in page.count.text()
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
        c.header for c in ledger.COLUMNS]
    rows = _export(qtbot, page, tmp_path / "台账.xlsx", monkeypatch)
    assert [c.value for c in rows[0]] == [c.header for c in ledger.COLUMNS] and len(rows) == 62
    row = next(r for r in range(60) if model.data(model.index(r, 0)) == "A2-0004")
    net = model.index(row, ledger.NET_COL)
    table.scrollTo(net)
    assert table.visualRect(net).intersects(table.viewport().rect())  # on screen, as the user reads it
    cell = rows[row + 1][ledger.NET_COL]
    assert rows[row + 1][0].value == "A2-0004"
    assert _number(model.data(net)) == Decimal(str(cell.value)).quantize(Decimal("0.01")) > 0
    (stored,) = q(signed_db, "SELECT a.net FROM agreements a JOIN households h ON h.id = a.household_id "
                             "WHERE h.household_code = 'A2-0004' AND a.status = 'signed'")[0]
    assert model.data(net) == f"{Decimal(stored).scaleb(-2):,.2f}"  # written as the document writes it
    area = model.index(row, ledger.AREA_COL)
    assert model.data(area) == f"{Decimal(str(rows[row + 1][ledger.AREA_COL].value)):.2f}"
    assert model.data(model.index(row, 14)) == "2023年7月1日" and rows[row + 1][14].value.date().isoformat() == "2023-07-01"
    assert model.data(area, Qt.ItemDataRole.TextAlignmentRole) & int(Qt.AlignmentFlag.AlignRight)
    # The 合计 line under the table is the file's last row.
    totals, last = page.totals, rows[-1]
    assert totals.text(0) == last[0].value == "合计（60 户）"
    for col in (ledger.AREA_COL, ledger.TOTAL_COL, ledger.NET_COL):
        assert _number(totals.text(col)) == Decimal(str(last[col].value)).quantize(Decimal("0.01")), col


def test_filters_narrow_the_rows_the_totals_and_the_export(qtbot, page, signed_db, tmp_path: Path,
                                                           monkeypatch) -> None:
    _pick(qtbot, page.section, "B1")
    _pick(qtbot, page.status, "已签约")
    expected = [c for (c,) in q(signed_db, "SELECT household_code FROM households WHERE section = 'B1' AND "
                                           "status = 'signed' ORDER BY household_code")]
    assert expected
    model = page.model
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == expected
    assert page.count.text() == f"共 {len(expected)} 户"
    qtbot.waitUntil(page.totals_ready, timeout=20_000)
    assert page.totals.text(0) == f"合计（{len(expected)} 户）"
    rows = _export(qtbot, page, tmp_path / "B1", monkeypatch)  # no suffix typed: .xlsx added
    assert [r[0].value for r in rows[1:-1]] == expected and rows[-1][0].value == f"合计（{len(expected)} 户）"
    assert _number(page.totals.text(ledger.AREA_COL)) == Decimal(str(rows[-1][ledger.AREA_COL].value)).quantize(
        Decimal("0.01"))
    _pick(qtbot, page.section, "全部片区")
    _pick(qtbot, page.status, "全部状态")
    assert model.rowCount() == 60


def test_code_and_head_stay_in_sight_when_the_money_scrolls_in(qtbot, page) -> None:
    table, side = page.table, page.table.frozen_view
    bar = table.horizontalScrollBar()
    assert bar.maximum() > 0  # 18 columns are wider than 1024 px
    bar.setValue(bar.maximum())
    first = page.model.index(0, 0)
    assert table.visualRect(first).right() < 0  # the table's own 户号 has scrolled away…
    assert side.isVisible() and side.viewport().rect().contains(side.visualRect(first).center())  # …this one not
    assert side.indexAt(side.visualRect(first).center()).data() == page.model.data(first)
    assert all(side.isColumnHidden(c) for c in range(2, page.model.columnCount()))
    # the 合计 line scrolls with the table, column by column
    footer = page.footer
    assert footer.horizontalScrollBar().value() == bar.value()
    col = ledger.PAID_COL
    assert (footer.mapTo(page, footer.visualRect(footer.model().index(0, col)).topLeft()).x()
            == table.mapTo(page, table.visualRect(page.model.index(0, col)).topLeft()).x())


def test_double_click_asks_for_that_household(qtbot, page, signed_db) -> None:
    table, side = page.table, page.table.frozen_view
    row = 5
    code = page.model.data(page.model.index(row, 0))
    (hid,) = q(signed_db, "SELECT id FROM households WHERE household_code = ?", code)[0]
    for view, col in ((table, 4), (side, 0)):  # the scrolling part and the frozen 户号
        rect = view.visualRect(page.model.index(row, col))
        with qtbot.waitSignal(page.householdRequested) as sig:  # press/release, then the double-click event
            qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert sig.args[0] == str(hid).replace("-", "")


def test_the_tab_is_in_the_hq_page_for_hq_only(qtbot, signed_db, runner) -> None:
    from PySide6.QtWidgets import QLabel

    from survey_app.ui.hq import TABS
    from survey_app.ui.hq.ledger_page import build

    assert TABS[1][1:] == ("台账", "hqLedgerTab") and TABS[1][0] == "ledger_page"  # beside 总览
    refused = build(signed_db, _login(signed_db, "worker", "worker123"), runner)
    qtbot.addWidget(refused)
    assert isinstance(refused, QLabel) and "指挥部管理员" in refused.text()


def test_keys_are_read_a_page_at_a_time_as_the_user_scrolls(qtbot, signed_db, runner, monkeypatch) -> None:
    from survey_app.ui.hq import ledger_model
    from survey_app.ui.hq.ledger_page import build

    monkeypatch.setattr(ledger_model, "FIRST_PAGE", 10)
    monkeypatch.setattr(ledger_model, "NEXT_PAGE", 10)
    page = build(signed_db, _login(signed_db, "hq", "hq123456"), runner)
    qtbot.addWidget(page)
    page.resize(1024, 400)
    page.show()
    model = page.model
    assert model.rowCount() == 10 and not model.complete
    qtbot.waitUntil(page.totals_ready, timeout=20_000)
    assert page.count.text() == "共 60 户" and page.totals.text(0) == "合计（60 户）"  # the count is the filter's
    bar = page.table.verticalScrollBar()
    for _ in range(10):
        if model.complete:
            break
        before = model.rowCount()
        qtbot.waitUntil(lambda: bar.maximum() > bar.value())  # the rows loaded so far laid out below
        bar.setValue(bar.maximum())  # as a user drags it down
        qtbot.waitUntil(lambda n=before: model.rowCount() > n, timeout=5_000)
    assert model.complete and model.rowCount() == 60
    codes = [model.data(model.index(r, 0)) for r in range(60)]
    assert codes == sorted(codes) and len(set(codes)) == 60
