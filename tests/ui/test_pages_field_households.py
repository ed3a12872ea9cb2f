"""新增住户 through the real buttons: a worker adds a house found in the field; HQ confirms it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from test_pages_helpers import wait_idle, window_for

from survey_app.core.services import field_households, households
from survey_app.ui.household_model import COL_STATUS


def test_worker_adds_a_household_found_in_the_field_and_hq_confirms_it(qtbot, demo_db, worker_actor, runner,
                                                                        admin) -> None:
    window = window_for(qtbot, demo_db, worker_actor, runner)
    page = window.households_page
    assert page.new_button.isVisible()
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.field_dialog
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # nothing typed: refused, stays open
    wait_idle(qtbot, runner)
    qtbot.waitUntil(dialog.banner.isVisible, timeout=5000)
    assert "户主姓名不能为空" in dialog.banner.text() and dialog.isVisible()
    assert field_households.field_ids(demo_db) == set()

    dialog.head_name.insert("赵新户")  # QTest cannot type CJK characters (it aborts); insert is what an IME does
    dialog.address.insert("芙蓉区古稻田巷 9 号后院")
    dialog.section.setCurrentText("B1")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, runner)
    qtbot.waitUntil(lambda: len(field_households.field_ids(demo_db)) == 1, timeout=5000)
    (hid,) = field_households.field_ids(demo_db)
    detail = households.get_detail(demo_db, hid)
    assert (detail.status, detail.assigned_to, detail.head_name) == ("pending", "worker", "赵新户")
    # the list shows just the new household, marked; the pane says what it is and what comes next
    qtbot.waitUntil(lambda: window.detail.shown_id == hid, timeout=5000)
    assert window.model.rowCount() == 1
    assert "新增" in window.model.index(0, COL_STATUS).data()
    text = window.detail.toPlainText()
    assert "新增住户（现场发现，待指挥部确认）" in text and "下一步：完成调查并提交复核" in text
    assert not page.confirm_origin_button.isVisible()  # only HQ confirms
    window.close()

    hq = window_for(qtbot, demo_db, admin, runner)
    hq.filter_bar.search.setText(detail.household_code)
    hq.filter_bar.flush()
    qtbot.waitUntil(lambda: hq.detail.shown_id == hid, timeout=5000)
    button = hq.households_page.confirm_origin_button
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, runner)
    qtbot.waitUntil(lambda: field_households.origin_of(demo_db, hid) == "confirmed", timeout=5000)
    qtbot.waitUntil(lambda: "指挥部已确认" in hq.detail.toPlainText(), timeout=5000)
    assert not button.isVisible()
