"""The way is visible: stage and next step in the pane, reasons on disabled buttons, home lists, F1, 注销."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from test_pages_helpers import first_with, window_for

from survey_app.core.services import households
from survey_app.core.services.survey import drafts
from survey_app.core.services.survey.store import load_form
from survey_app.ui.household_model import COL_STATUS
from survey_app.ui.pages import navigation as nav


def test_the_pane_shows_the_stage_who_acts_next_and_what_is_missing(qtbot, demo_db, worker_actor, runner) -> None:
    window = window_for(qtbot, demo_db, worker_actor, runner)
    key, detail = first_with(demo_db, "pending", appraised=False)
    window.table.select_row(window.model.row_of(key))
    qtbot.waitUntil(lambda: window.detail.shown_id == detail.id, timeout=5000)
    text = window.detail.toPlainText()
    for step in ("调查", "复核", "测算", "协议", "签约", "交房"):
        assert step in text
    assert "下一步：完成调查并提交复核（调查员 worker）" in text
    assert "还缺：" in text and "缺少评估结果（由指挥部导入评估报告）" in text
    page = window.households_page
    # a disabled button says why
    assert not page.agreement_button.isEnabled() and "已测算" in page.agreement_button.toolTip()

    key, detail = first_with(demo_db, "surveyed")
    window.table.select_row(window.model.row_of(key))
    qtbot.waitUntil(lambda: window.detail.shown_id == detail.id, timeout=5000)
    assert "下一步：复核调查：通过或退回（复核员）" in window.detail.toPlainText()


def test_drafts_are_marked_and_listed_on_the_home_page_with_next_visits(qtbot, demo_db, worker_actor, runner) -> None:
    key, detail = first_with(demo_db, "pending")
    drafts.save_draft(demo_db, "worker", load_form(demo_db, detail.id))
    window = window_for(qtbot, demo_db, worker_actor, runner)
    row = window.model.row_of(key)
    assert window.model.index(row, COL_STATUS).data() == "待调查 · 草稿"
    assert "草稿" in window.model.index(row, COL_STATUS).data(Qt.ItemDataRole.ToolTipRole)
    window.rail.buttons[nav.HOME].click()
    home = window.page(nav.HOME)
    assert home.drafts.count() == 1 and detail.household_code in home.drafts.item(0).text()
    pending = households.status_counts(demo_db)["pending"]
    assert home.visits.count() == min(8, pending) and home.visits.item(0).data(Qt.ItemDataRole.UserRole)
    # a click opens the household on the 住户 page
    visit_id = home.visits.item(1).data(Qt.ItemDataRole.UserRole)
    rect = home.visits.visualItemRect(home.visits.item(1))
    qtbot.mouseClick(home.visits.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_page() == nav.HOUSEHOLDS
    qtbot.waitUntil(lambda: window.detail.shown_id == visit_id, timeout=5000)


def test_f1_opens_the_help_on_a_households_day(qtbot, demo_db, worker_actor, runner) -> None:
    window = window_for(qtbot, demo_db, worker_actor, runner)
    assert window.help_action.shortcut().toString() == "F1"
    window.help_action.trigger()
    qtbot.waitExposed(window.help_dialog)
    text = window.help_dialog.browser.toPlainText()
    assert "调查 → 复核 → 测算 → 协议 → 签约 → 交房" in text and "新增住户" in text and "注销" in text


def test_logout_goes_back_to_the_login_dialog_and_opens_a_window_for_the_next_user(qtbot, demo_db, worker_actor,
                                                                                    runner) -> None:
    from survey_app.ui.app import Session
    from survey_app.ui.login_dialog import LoginDialog

    def log_in_as_reviewer() -> None:  # the real login dialog, typed into while it is shown
        dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, LoginDialog) and w.isVisible()),
                      None)
        if dialog is None:
            QTimer.singleShot(10, log_in_as_reviewer)
            return
        dialog.username.setText("reviewer")
        dialog.password.setText("review123")
        dialog.login_button.click()

    app = QApplication.instance()
    session = Session(app, demo_db, runner, project="测试项目")
    first = session.open_window(worker_actor)
    qtbot.addWidget(first)
    qtbot.waitExposed(first)
    assert nav.REVIEW not in first.rail.buttons
    QTimer.singleShot(10, log_in_as_reviewer)
    first.logout_action.trigger()
    second = session.window
    qtbot.addWidget(second)
    assert second is not first and second.actor.username == "reviewer" and second.isVisible()
    assert nav.REVIEW in second.rail.buttons  # built for the new user's role
    assert not first.isVisible() and app.quitOnLastWindowClosed()
