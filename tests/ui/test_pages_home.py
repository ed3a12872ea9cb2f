"""首页: today's counts and the progress of the worker's area; tiles lead to the filtered list."""

from __future__ import annotations

from test_pages_helpers import first_with, wait_idle, window_for

from survey_app.core.services import households, progress
from survey_app.ui.pages import navigation as nav


def test_home_page_shows_todays_counts_and_progress(qtbot, demo_db, worker_actor, runner) -> None:
    window = window_for(qtbot, demo_db, worker_actor, runner)
    assert nav.HOME not in window.pages  # built on first visit, not at start-up
    window.show_page(nav.HOME)
    home = window.page(nav.HOME)
    stats = progress.my_day(demo_db, "worker")
    assert home.title.text() == "张志强，您好"
    assert home.tiles["surveyed"].text() == str(stats.surveyed_today)
    assert home.tiles["calculated"].text() == str(stats.calculated_today)
    assert home.tiles["signed"].text() == str(stats.signed_today)
    pending = stats.by_status["pending"]
    assert home.area_text.text() == f"共 {stats.assigned} 户，已完成调查 {stats.assigned - pending} 户，待调查 {pending} 户"
    assert home.bar.value() == round(stats.done_share * 1000)
    assert home.status_buttons["pending"].text() == f"待调查\n{pending}"
    assert not home.review_button.isVisibleTo(home)  # a field worker has no review queue

    # a calculation made on the 测算 page counts today, without reopening the page
    key, detail = first_with(demo_db, "surveyed", appraised=True)
    window.show_compensation(detail.id)
    window.page(nav.COMPENSATION).calc_button.click()
    wait_idle(qtbot, runner)
    window.show_page(nav.HOME)
    assert home.tiles["calculated"].text() == str(stats.calculated_today + 1)

    # a status tile opens the 住户 page filtered to that status (and the worker's own households)
    home.status_buttons["signed"].click()
    assert window.current_page() == nav.HOUSEHOLDS
    assert window.filter_bar.current_status() == "signed" and window.filter_bar.mine.isChecked()
    assert window.model.rowCount() == households.status_counts(demo_db)["signed"]


def test_hq_without_assignments_sees_the_whole_project(qtbot, demo_db, runner) -> None:
    from survey_app.core.services import devices, users

    hq = users.login(demo_db, "hq", "hq123456", device=devices.local_device_code(demo_db))
    window = window_for(qtbot, demo_db, hq, runner)
    window.show_page(nav.HOME)
    home = window.page(nav.HOME)
    counts = households.status_counts(demo_db)
    assert home.area_title.text() == "全项目进度"
    assert home.status_buttons["signed"].text() == f"已签约\n{counts['signed']}"
    assert home.review_button.isVisibleTo(home)
    assert home.review_button.text().startswith(f"待复核 {counts['surveyed']} 户")
    home.review_button.click()
    assert window.current_page() == nav.REVIEW
