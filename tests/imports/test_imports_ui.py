"""名册与评估 tab and the mapping dialog, driven with real clicks: an unrecognised name column is mapped in
the combo, 重新检查 lists no problem, 导入 writes, the batch appears, 撤销本批 takes it back; a bad file keeps
导入 disabled with every problem shown. Appraiser's values show in the household detail."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from import_helpers import ROSTER_HEADERS, bad_check_digit, roster_rows, write_xlsx
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from survey_app.core.storage.models import Household


@pytest.fixture
def runner(qapp):
    from survey_app.ui.task_runner import TaskRunner

    r = TaskRunner()
    yield r
    r.shutdown()


def _live(db, prefix: str) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(Household).where(
            Household.household_code.like(prefix + "%"), Household.deleted_at.is_(None)))


def _tab(qtbot, demo_db, admin, runner):
    from survey_app.ui.hq.imports_tab import build

    tab = build(demo_db, admin, runner)
    qtbot.addWidget(tab)
    tab.show()
    return tab


def test_map_a_column_check_import_and_undo(qtbot, demo_db, admin, runner, tmp_path: Path, monkeypatch) -> None:
    headers = list(ROSTER_HEADERS)
    headers[2] = "业主名"  # not a name the importer knows
    path = write_xlsx(tmp_path / "名册.xlsx", headers, roster_rows(8, section="Z1"))
    tab = _tab(qtbot, demo_db, admin, runner)
    tab.open_file("roster", path)
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible())
    dialog = tab.dialog
    assert not dialog.import_button.isEnabled()
    assert "户主姓名" in dialog.report.toPlainText()
    assert dialog.model.rowCount() == 8 and dialog.model.item(0, 3).text() == "测试户主1"
    combo = dialog.combos["head_name"]
    combo.setFocus()
    for _ in range(combo.findText("业主名") - combo.currentIndex()):  # arrow keys down the list, as a clerk may
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == "业主名"
    assert "重新检查" in dialog.report.toPlainText() and not dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.recheck_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled())
    assert "新增住户8条" in dialog.report.toPlainText()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.dialog is None)
    assert _live(demo_db, "Z1-") == 8
    assert "新增住户8条" in tab.status.text()
    assert tab.model.rowCount() == 1
    assert re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}", tab.model.item(0, 0).text())  # as every page writes it
    tab.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(tab.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已撤销" in tab.status.text())
    assert _live(demo_db, "Z1-") == 0
    assert tab.model.item(0, 6).text() == "已撤销"


def test_a_bad_file_keeps_import_disabled(qtbot, demo_db, admin, runner, tmp_path: Path) -> None:
    rows = roster_rows(3, section="Z1")
    rows[0][3] = bad_check_digit(rows[0][3])
    rows[2][8] = "约50"
    tab = _tab(qtbot, demo_db, admin, runner)
    tab.open_file("roster", write_xlsx(tmp_path / "bad.xlsx", ROSTER_HEADERS, rows))
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible())
    text = tab.dialog.report.toPlainText()
    assert "2 个问题" in text and "第4行" in text and "第6行" in text
    assert not tab.dialog.import_button.isEnabled()
    tab.dialog.reject()
    assert _live(demo_db, "Z1-") == 0


def test_household_detail_shows_the_appraisers_values(demo_db, admin, tmp_path: Path, qapp) -> None:
    from survey_app.core.services.households import get_detail
    from survey_app.core.services.imports import apply_appraisals, apply_roster, plan_appraisals, plan_roster
    from survey_app.ui.detail_html import detail_html

    apply_roster(demo_db, admin, plan_roster(demo_db, write_xlsx(tmp_path / "r.xlsx", ROSTER_HEADERS,
                                                                  roster_rows(1, section="Z1"))))
    sheet = write_xlsx(tmp_path / "a.xlsx", ["户号", "部位", "评估单价", "结构", "成新", "装修等级", "附属物评估值"],
                       [["Z1-0001", "证载房屋", "13670", "砖混", "八成新", "中档", "4800"]], title=None)
    apply_appraisals(demo_db, admin, plan_appraisals(demo_db, sheet))
    with demo_db.read() as s:
        hid = s.scalar(select(Household.id).where(Household.household_code == "Z1-0001"))
    html = detail_html(get_detail(demo_db, hid))
    for text in ("证载房屋", "砖混", "八成新", "中档", "4,800.00", "评估机构"):
        assert text in html, text
