"""协议生效 on HQ's 项目信息 tab, through the real widgets (pytest-qt, offscreen): the project of conftest.py (3 of 60
households signed on 2023-07-01 → 5%; the policy: 5% by 2023-08-31). The 台账 then settles the rewards
(test_effect_settlement.py has the figures by hand: A2-0004 签约率奖 1,200.00, 早搬迁奖 12,332.00)."""

from __future__ import annotations

import datetime as dt
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt

from survey_app.core.domain import china_time
from survey_app.core.services.agreements.effect_record import effect_record


@pytest.fixture
def tab(qtbot, effect_db, monkeypatch):
    from survey_app.core.services import devices, users
    from survey_app.ui.hq.project_tab import build
    from survey_app.ui.task_runner import TaskRunner

    monkeypatch.setattr(china_time, "today", lambda: dt.date(2023, 7, 31))
    runner = TaskRunner()
    actor = users.login(effect_db, "hq", "hq123456", device=devices.local_device_code(effect_db))
    widget = build(effect_db, actor, runner)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.effect.state.text() != "", timeout=20_000)
    yield widget.effect
    runner.shutdown()


def test_the_box_states_the_rule_and_records_the_date(qtbot, tab, effect_db) -> None:
    from survey_app.core.services.reports.ledger import ledger_rows

    assert tab.rule_label.text() == "现行补偿方案：2023-08-31（含）前本项目签约比例达到 5% 的，协议生效。"
    assert tab.state.text() == "尚未登记协议生效情况。" and not tab.reason.isEnabled()
    qtbot.keyClicks(tab.date, "2023-06-30")  # before anyone signed: refused, in the core's words
    qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.message.text() != "", timeout=20_000)
    assert tab.message.text().startswith("至 2023-06-30 签约比例 0.00%（0 / 60 户）未达到方案规定的 5%")
    assert effect_record(effect_db) is None
    tab.date.clear()
    qtbot.keyClicks(tab.date, "2023-07-05")
    qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.message.text().startswith("已登记"), timeout=20_000)
    qtbot.waitUntil(lambda: tab.state.text().startswith("协议已于"), timeout=20_000)
    assert tab.state.text() == "协议已于 2023-07-05 生效（签约比例 5.00%：3 / 60 户，计至 2023-07-31）"
    assert tab.reason.isEnabled()
    row = next(r for r in ledger_rows(effect_db) if r[0] == "A2-0004")
    assert row[18:] == (1200, 12332, "已生效")


def test_the_failed_choice_before_the_deadline_is_refused(qtbot, tab, effect_db) -> None:
    from PySide6.QtCore import QPoint

    # on its round indicator: the button is stretched across two grid columns, its middle may be past the text
    qtbot.mouseClick(tab.did_not, Qt.MouseButton.LeftButton, pos=QPoint(8, tab.did_not.height() // 2))
    assert tab.did_not.isChecked() and not tab.took_effect.isChecked()
    qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.message.text() != "", timeout=20_000)
    assert tab.message.text() == "生效期限 2023-08-31 尚未届满，不能登记协议未生效"
    assert tab.record_button.isEnabled() and effect_record(effect_db) is None


def test_no_date_is_asked_for(qtbot, tab) -> None:
    qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
    assert tab.message.text() == "请填写协议生效日期，如 2023-08-20"


def test_the_ledger_tab_shows_the_rewards_once_recorded(qtbot, tab, effect_db) -> None:
    """The 台账 tab, open beside: a record re-reads it (ChangeHub) and the row of A2-0004 shows 1,200.00 and
    12,332.00 (figures by hand in test_effect_settlement.py)."""
    from survey_app.ui.hq.ledger_page import build

    page = build(effect_db, tab.actor, tab.runner)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(page.totals_ready, timeout=20_000)
    model = page.model

    def cells(code: str) -> list[str]:
        row = next(r for r in range(model.rowCount()) if model.data(model.index(r, 0)) == code)
        return [model.data(model.index(row, c)) for c in (18, 19, 20)]

    qtbot.waitUntil(lambda: model.rowCount() == 60, timeout=20_000)
    assert cells("A2-0004") == ["", "", ""]
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in (18, 19, 20)] == [
        "签约率奖(元)", "早搬迁奖(元)", "协议生效"]
    qtbot.keyClicks(tab.date, "2023-07-05")
    qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: cells("A2-0004")[2] == "已生效", timeout=20_000)
    assert cells("A2-0004") == ["1,200.00", "12,332.00", "已生效"]
    assert cells("B1-0003") == ["1,200.00", "", "已生效，早搬迁奖待交房"]
