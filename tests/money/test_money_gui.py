"""The 付款登记, 交房验收 and 信访/纠纷 dialogs with real typing and clicks (pytest-qt), over a real file."""

from __future__ import annotations

from decimal import Decimal

import pytest
from money_helpers import HQ, SUPERVISOR, WORKER, agreement_of
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from survey_app.core.services import grievances as gv
from survey_app.core.services import money
from survey_app.core.services.handover import handover_of


@pytest.fixture
def runner(qapp):
    from survey_app.ui.task_runner import TaskRunner

    r = TaskRunner()
    yield r
    r.shutdown()


def idle(qtbot, runner) -> None:
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)


def page_for(qtbot, db, actor, runner, hid):
    from survey_app.ui.pages.households_page import HouseholdsPage

    page = HouseholdsPage(db, actor, runner)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    qtbot.waitExposed(page)
    page.refresh()
    page.show_household(hid.hex)
    qtbot.waitUntil(lambda: page.detail.detail is not None and page.detail.detail.id == hid.hex, timeout=10_000)
    return page


def click(qtbot, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_hq_records_a_payment_and_sees_over_payment_refused(qtbot, signed_db, runner) -> None:
    hid, _number, net = agreement_of(signed_db, "A2-0004")
    page = page_for(qtbot, signed_db, HQ, runner, hid)
    assert page.handover_button.isVisible()  # HQ may record a handover too (Permission.REVIEW)
    click(qtbot, page.payment_button)
    d = page.money_dialog
    qtbot.waitExposed(d)
    qtbot.keyClicks(d.amount, "1000.50")
    qtbot.keyClicks(d.bank_ref, "TX-GUI-1")
    click(qtbot, d.ok_button)
    idle(qtbot, runner)
    assert money.paid_summary(signed_db, hid).paid == Decimal("1000.50")
    assert d.history.count() == 1 and "1,000.50" in d.history.item(0).text()
    assert "已付补偿款 1,000.50 元" in d.summary.text()
    qtbot.keyClicks(d.amount, str(net))
    qtbot.keyClicks(d.bank_ref, "TX-GUI-2")
    click(qtbot, d.ok_button)
    idle(qtbot, runner)
    assert "超额付款" in d.banner.text() and d.history.count() == 1


def test_a_supervisor_checks_the_handover(qtbot, signed_db, runner, tmp_path) -> None:
    hid, _number, _net = agreement_of(signed_db, "A2-0004")
    page = page_for(qtbot, signed_db, SUPERVISOR, runner, hid)
    assert not page.payment_button.isVisible()
    click(qtbot, page.handover_button)
    d = page.money_dialog
    qtbot.waitExposed(d)
    qtbot.keyClicks(d.water, "12.345")
    click(qtbot, d.ok_button)
    idle(qtbot, runner)
    assert "水表读数" in d.banner.text() and handover_of(signed_db, hid) is None
    d.water.clear()
    qtbot.keyClicks(d.water, "12.5")
    qtbot.keyClicks(d.power, "3001")
    d.keys.clear()
    qtbot.keyClicks(d.keys, "2")
    d.notes.insert("已腾空")  # Chinese comes in as committed IME text (QTest types Latin-1 only)
    photo = tmp_path / "meter.jpg"
    photo.write_bytes(b"jpeg-ish")
    d.category.setCurrentIndex(d.category.findData("meters"))
    d.add_photos([photo])  # what the file dialog hands over
    recorded = []
    d.recorded.connect(lambda: recorded.append(True))
    click(qtbot, d.ok_button)
    idle(qtbot, runner)
    assert recorded == [True]
    info = handover_of(signed_db, hid)
    assert (info.water_reading, info.power_reading, info.keys_count, info.photos) == (Decimal("12.50"),
                                                                                      Decimal("3001.00"), 2, 1)
    qtbot.waitUntil(lambda: page.detail.detail.status == "handed_over", timeout=10_000)
    assert not page.handover_button.isVisible()


def test_grievances_recorded_followed_and_closed_only_by_hq(qtbot, signed_db, runner) -> None:
    from survey_app.ui.money.grievance_dialog import GrievanceDialog

    hid, _number, _net = agreement_of(signed_db, "A2-0004")
    page = page_for(qtbot, signed_db, WORKER, runner, hid)
    click(qtbot, page.grievance_button)
    d = page.money_dialog
    qtbot.waitExposed(d)
    assert not d.close_button.isVisible() and "没有信访" in d.details.text()
    d.kind.setCurrentIndex(d.kind.findData("petition"))
    d.summary.insert("对评估单价有异议")
    click(qtbot, d.has_due)
    click(qtbot, d.add_button)
    idle(qtbot, runner)
    assert d.list.count() == 1 and "待处理" in d.list.item(0).text()
    d.follow_text.insert("已约评估公司解释")
    click(qtbot, d.follow_button)
    idle(qtbot, runner)
    assert "跟进中" in d.list.item(0).text() and "已约评估公司解释" in d.details.text()
    (g,) = gv.list_grievances(signed_db, household_id=hid)
    assert g.due_on is not None and g.status == "following"
    hq = GrievanceDialog(signed_db, HQ, runner, hid.hex, "A2-0004")
    qtbot.addWidget(hq)
    hq.show()
    hq.resolution.insert("已书面答复")
    click(qtbot, hq.close_button)
    idle(qtbot, runner)
    assert "已办结" in hq.list.item(0).text() and not hq.follow_button.isEnabled()
    assert gv.get_grievance(signed_db, g.id).closed_by == "hq"


def test_hq_issues_a_voucher_and_records_its_use_in_the_payment_dialog(qtbot, signed_db, runner,
                                                                       monkeypatch) -> None:
    import datetime as dt

    from money_helpers import SIGN_DAY, set_today

    from survey_app.core.services import vouchers

    set_today(monkeypatch, SIGN_DAY + dt.timedelta(days=5))
    hid, number, _net = agreement_of(signed_db, "C1-0003")  # signed in 房票安置 mode
    state = vouchers.voucher_state(signed_db, hid)
    assert state is not None and state.voucher is None and state.face_value > 0
    page = page_for(qtbot, signed_db, HQ, runner, hid)
    click(qtbot, page.payment_button)
    d = page.money_dialog
    qtbot.waitExposed(d)
    panel = d.voucher
    face = f"{state.face_value:,.2f}"
    assert panel.isVisible() and "尚未出具房票" in panel.summary.text() and face in panel.summary.text()
    assert not panel.use_button.isEnabled()
    click(qtbot, panel.issue_button)  # no number yet: refused by the service, shown in the banner
    idle(qtbot, runner)
    assert "请填写房票编号" in d.banner.text() and vouchers.voucher_state(signed_db, hid).voucher is None
    qtbot.keyClicks(panel.number, "FP-2023-001")
    click(qtbot, panel.issue_button)
    idle(qtbot, runner)
    v = vouchers.voucher_state(signed_db, hid).voucher
    assert v is not None and v.number == "FP-2023-001" and v.face_value == state.face_value
    assert "已出具房票 FP-2023-001" in d.banner.text()
    assert f"剩余 {face} 元" in panel.summary.text() and "未使用" in panel.summary.text()
    if state.valid_months:
        assert f"有效期至 {v.valid_until.isoformat()}" in panel.summary.text()
    panel.used_amount.clear()
    qtbot.keyClicks(panel.used_amount, str(state.face_value + Decimal("0.01")))  # more than the face value
    click(qtbot, panel.use_button)
    idle(qtbot, runner)
    assert "超过房票面额" in d.banner.text() and vouchers.voucher_state(signed_db, hid).voucher.status == "issued"
    panel.used_amount.clear()
    used = (state.face_value - Decimal("1000.00")).quantize(Decimal("0.01"))
    qtbot.keyClicks(panel.used_amount, str(used))
    click(qtbot, panel.use_button)
    idle(qtbot, runner)
    after = vouchers.voucher_state(signed_db, hid)
    assert after.voucher.status == "used" and after.voucher.used_amount == used and after.left == Decimal("1000.00")
    assert "剩余 1,000.00 元" in panel.summary.text() and not panel.use_button.isEnabled()


def test_the_voucher_panel_is_hidden_for_a_cash_household(qtbot, signed_db, runner) -> None:
    hid, _number, _net = agreement_of(signed_db, "A2-0004")
    page = page_for(qtbot, signed_db, HQ, runner, hid)
    click(qtbot, page.payment_button)
    qtbot.waitExposed(page.money_dialog)
    assert not page.money_dialog.voucher.isVisible()
