from __future__ import annotations

from PySide6.QtCore import Qt

from survey_app.core.services import households
from survey_app.core.services.households import HouseholdFilter
from survey_app.ui import household_model as hm
from survey_app.ui.main_window import MainWindow


def _window(qtbot, db, actor, runner) -> MainWindow:
    window = MainWindow(db, actor, project_name="测试项目", runner=runner)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_title_and_count_show_project_user_and_households(qtbot, demo_db, worker_actor, runner) -> None:
    window = _window(qtbot, demo_db, worker_actor, runner)
    assert window.windowTitle().startswith("测试项目 — 张志强（调查员）")
    assert window.count_label.text() == "共 60 户"
    assert window.filter_bar.status.itemText(0) == "全部 (60)"


def test_typing_a_household_code_filters_to_one_row(qtbot, demo_db, worker_actor, runner) -> None:
    window = _window(qtbot, demo_db, worker_actor, runner)
    code = window.model.row_data(17).household_code
    qtbot.keyClicks(window.filter_bar.search, code)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=5000)
    assert window.model.row_data(0).household_code == code
    assert window.count_label.text() == "共 1 户"
    # the only match is selected, so its details follow the search
    qtbot.waitUntil(lambda: window.detail.detail is not None and window.detail.detail.household_code == code)

    qtbot.keyClick(window.filter_bar.search, Qt.Key.Key_Escape)  # Esc clears the search
    assert window.filter_bar.search.text() == ""
    qtbot.waitUntil(lambda: window.model.rowCount() == 60, timeout=5000)


def test_status_filter_combo_lists_counts_and_filters(qtbot, demo_db, worker_actor, runner) -> None:
    window = _window(qtbot, demo_db, worker_actor, runner)
    counts = households.status_counts(demo_db)
    combo = window.filter_bar.status
    index = combo.findData("pending")
    assert combo.itemText(index) == f"待调查 ({counts['pending']})"
    combo.setCurrentIndex(index)
    assert window.model.rowCount() == counts["pending"]
    assert window.count_label.text() == f"共 {counts['pending']} 户"
    assert {window.model.row_data(r).status for r in range(window.model.rowCount())} == {"pending"}
    combo.setCurrentIndex(0)
    assert window.model.rowCount() == 60


def test_selecting_a_row_fills_the_detail_panel(qtbot, demo_db, worker_actor, runner) -> None:
    window = _window(qtbot, demo_db, worker_actor, runner)
    window.table.select_row(7)
    key = window.model.key_at(7)
    detail = households.get_detail(demo_db, key)
    qtbot.waitUntil(lambda: window.detail.key == key and window.detail.detail is not None, timeout=5000)
    text = window.detail.toPlainText()
    assert detail.head_name in text
    assert detail.head_id_number in text
    assert "家庭成员" in text and "建筑部分" in text

    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Down)  # arrows move in the list
    qtbot.waitUntil(lambda: window.detail.key == window.model.key_at(8), timeout=5000)


def test_header_click_sorts_in_sql_and_ignores_unsortable_columns(qtbot, demo_db, worker_actor, runner) -> None:
    window = _window(qtbot, demo_db, worker_actor, runner)
    header = window.table.horizontalHeader()
    header.setSortIndicator(hm.COL_NAME, Qt.SortOrder.AscendingOrder)
    assert window.model.sort_key == ("name", False)
    assert [window.model.key_at(r) for r in range(60)] == households.search_keys(
        demo_db, HouseholdFilter(), sort="name")
    header.setSortIndicator(hm.COL_PHONE, Qt.SortOrder.AscendingOrder)
    assert header.sortIndicatorSection() == hm.COL_NAME  # put back: phone can't be sorted in SQL
    assert window.model.sort_key == ("name", False)
    assert window.table.currentIndex().isValid()  # a row stays selected across the re-sort
