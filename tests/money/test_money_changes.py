"""Issue 11 item 1: the 付款 / 房票 / 交房 / 信访 dialogs publish the ChangeSet their service's commit produced
(tables and ids), once per write, and the 住户 page refreshes from it — real clicks over a real file."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from money_helpers import HQ, SIGN_DAY, SUPERVISOR, WORKER, agreement_of, set_today
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from survey_app.core.services import grievances as gv
from survey_app.core.services import money, vouchers
from survey_app.core.services.handover import handover_of
from survey_app.ui.changes import ChangeHub


@pytest.fixture
def runner(qapp):
    from survey_app.ui.task_runner import TaskRunner

    r = TaskRunner()
    yield r
    r.shutdown()


@pytest.fixture
def published(qapp):
    seen: list = []
    ChangeHub.instance().changed.connect(seen.append)
    yield seen
    ChangeHub.instance().changed.disconnect(seen.append)


def _page(qtbot, db, actor, runner, hid):
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


def _click(qtbot, runner, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)


def test_a_payment_publishes_the_payment_it_inserted(qtbot, signed_db, runner, published) -> None:
    hid, _number, _net = agreement_of(signed_db, "A2-0004")
    page = _page(qtbot, signed_db, HQ, runner, hid)
    _click(qtbot, runner, page.payment_button)
    d = page.money_dialog
    qtbot.keyClicks(d.amount, "100")
    qtbot.keyClicks(d.bank_ref, "TX-1")
    published.clear()
    _click(qtbot, runner, d.ok_button)
    (p,) = money.payments_of(signed_db, hid)
    assert len(published) == 1 and published[0].inserted["payments"] == {uuid.UUID(p.id)}


def test_a_handover_publishes_the_household_it_moved_and_the_page_follows(qtbot, signed_db, runner, tmp_path,
                                                                         published) -> None:
    hid, _number, _net = agreement_of(signed_db, "A2-0004")
    page = _page(qtbot, signed_db, SUPERVISOR, runner, hid)
    _click(qtbot, runner, page.handover_button)
    d = page.money_dialog
    photo = tmp_path / "keys.jpg"
    photo.write_bytes(b"jpeg-ish")
    d.add_photos([photo])
    published.clear()
    _click(qtbot, runner, d.ok_button)
    info = handover_of(signed_db, hid)
    assert len(published) == 1
    changes = published[0]
    assert changes.updated["households"] == {hid}
    assert changes.inserted["handovers"] == {uuid.UUID(info.id)} and len(changes.inserted["attachments"]) == 1
    qtbot.waitUntil(lambda: page.detail.detail.status == "handed_over", timeout=10_000)  # refreshed from it


def test_grievance_add_and_follow_up_publish_the_grievance(qtbot, signed_db, runner, published) -> None:
    hid, _number, _net = agreement_of(signed_db, "A2-0004")
    page = _page(qtbot, signed_db, WORKER, runner, hid)
    _click(qtbot, runner, page.grievance_button)
    d = page.money_dialog
    d.summary.insert("对评估单价有异议")
    published.clear()
    _click(qtbot, runner, d.add_button)
    (g,) = gv.list_grievances(signed_db, household_id=hid)
    assert len(published) == 1 and published[0].inserted["grievances"] == {uuid.UUID(g.id)}
    d.follow_text.insert("已约评估公司解释")
    published.clear()
    _click(qtbot, runner, d.follow_button)
    assert len(published) == 1 and published[0].updated["grievances"] == {uuid.UUID(g.id)}
    assert len(published[0].inserted["grievance_followups"]) == 1


def test_voucher_issue_and_use_publish_the_voucher(qtbot, signed_db, runner, published, monkeypatch) -> None:
    set_today(monkeypatch, SIGN_DAY + dt.timedelta(days=5))
    hid, _number, _net = agreement_of(signed_db, "C1-0003")
    page = _page(qtbot, signed_db, HQ, runner, hid)
    _click(qtbot, runner, page.payment_button)
    panel = page.money_dialog.voucher
    qtbot.keyClicks(panel.number, "FP-1")
    published.clear()
    _click(qtbot, runner, panel.issue_button)
    assert len(published) == 1 and len(published[0].inserted["vouchers"]) == 1
    (vid,) = published[0].inserted["vouchers"]
    panel.used_amount.clear()
    qtbot.keyClicks(panel.used_amount, "1.00")
    published.clear()
    _click(qtbot, runner, panel.use_button)
    assert vouchers.voucher_state(signed_db, hid).voucher.status == "used"
    assert len(published) == 1 and published[0].updated["vouchers"] == {vid}
