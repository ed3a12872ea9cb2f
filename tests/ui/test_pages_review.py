"""复核 page: the queue of surveyed households; return with a comment the worker sees; approve."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtTest import QAbstractItemModelTester
from test_pages_helpers import wait_idle, window_for

from survey_app.core.services import devices, households, users
from survey_app.ui.pages import navigation as nav
from survey_app.ui.pages import review_model as rm
from survey_app.ui.pages.review_model import ReviewQueueModel


def _reviewer(db):
    return users.login(db, "reviewer", "review123", device=devices.local_device_code(db))


def test_queue_model_lists_surveyed_households_and_passes_the_model_tester(demo_db, qapp, monkeypatch) -> None:
    monkeypatch.setattr(rm, "BLOCK", 4)  # several blocks even in the small demo
    model = ReviewQueueModel(demo_db)
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.refresh()
    surveyed = households.status_counts(demo_db)["surveyed"]
    assert model.rowCount() == surveyed > 4
    assert {model.row_data(r).status for r in range(model.rowCount())} == {"surveyed"}
    section = model.row_data(0).section
    model.set_section(section)
    assert 0 < model.rowCount() <= surveyed
    assert {model.row_data(r).section for r in range(model.rowCount())} == {section}
    del tester


def test_return_needs_a_comment_and_the_worker_sees_it(qtbot, demo_db, worker_actor, runner) -> None:
    window = window_for(qtbot, demo_db, _reviewer(demo_db), runner)
    window.show_page(nav.REVIEW)
    page = window.page(nav.REVIEW)
    before = page.model.rowCount()
    assert page.count_label.text() == f"待复核 {before} 户"
    page.select_row(0)
    row = page.model.row_data(0)
    next_key = page.model.key_at(1)
    qtbot.waitUntil(lambda: page.detail.detail is not None and page.detail.detail.id == row.id, timeout=5000)

    page.return_button.click()  # no comment: refused, nothing written
    assert page.banner.isVisible() and "退回意见" in page.banner.text()
    assert not runner.busy
    assert households.get_detail(demo_db, row.id).status == "surveyed"

    page.comment.setPlainText("缺少附属物照片，请补拍空调外机")
    page.return_button.click()
    wait_idle(qtbot, runner)
    qtbot.waitUntil(lambda: page.model.rowCount() == before - 1, timeout=5000)
    back = households.get_detail(demo_db, row.id)
    assert (back.status, back.review_comment) == ("pending", "缺少附属物照片，请补拍空调外机")
    assert page.banner.kind == "info" and row.household_code in page.banner.text()
    assert page.comment.toPlainText() == ""
    assert page.current_key() == next_key  # the next household in the queue is up
    window.close()

    # the field worker finds the household and reads the comment at the top of its details
    worker_window = window_for(qtbot, demo_db, worker_actor, runner)
    assert window.rail.buttons.get(nav.REVIEW) is not None and nav.REVIEW not in worker_window.rail.buttons
    worker_window.filter_bar.search.setText(row.household_code)
    worker_window.filter_bar.flush()
    qtbot.waitUntil(lambda: worker_window.detail.detail is not None
                    and worker_window.detail.detail.id == row.id, timeout=5000)
    text = worker_window.detail.toPlainText()
    assert "复核退回" in text and "缺少附属物照片，请补拍空调外机" in text
    assert text.index("缺少附属物照片") < text.index("家庭成员")  # prominent: before the survey data
    assert worker_window.households_page.submit_button.isVisible()  # and can submit it again


def test_approve_moves_the_household_on(qtbot, demo_db, runner) -> None:
    window = window_for(qtbot, demo_db, _reviewer(demo_db), runner)
    window.show_page(nav.REVIEW)
    page = window.page(nav.REVIEW)
    before = page.model.rowCount()
    page.select_row(1)
    row = page.model.row_data(1)
    qtbot.waitUntil(page.approve_button.isEnabled, timeout=5000)  # once its details are on screen
    page.comment.setPlainText("核对无误")
    page.approve_button.click()
    wait_idle(qtbot, runner)
    qtbot.waitUntil(lambda: page.model.rowCount() == before - 1, timeout=5000)
    approved = households.get_detail(demo_db, row.id)
    assert (approved.status, approved.review_comment) == ("reviewed", "核对无误")
    assert page.table.currentIndex().row() == 1  # same place in the queue, next household
    assert "已通过复核" in page.banner.text()
    # the 住户 page counts follow through the ChangeHub
    assert window.filter_bar.status.itemText(window.filter_bar.status.findData("surveyed")) == \
        f"已调查 ({before - 1})"


def test_a_supervisor_cannot_approve_their_own_survey(qtbot, demo_db, runner) -> None:
    from survey_app.core.domain.roles import Role
    from survey_app.core.storage.uow import Actor

    window = window_for(qtbot, demo_db, Actor("worker", Role.SUPERVISOR, "T01", "张志强"), runner)
    window.show_page(nav.REVIEW)
    page = window.page(nav.REVIEW)
    page.select_row(0)
    qtbot.waitUntil(page.approve_button.isEnabled, timeout=5000)
    page.approve_button.click()
    wait_idle(qtbot, runner)
    qtbot.waitUntil(lambda: page.banner.isVisible(), timeout=5000)
    assert page.banner.kind == "error" and "自己" in page.banner.text()


def _surveyed_ids(db) -> set[str]:
    from survey_app.core.services.households import HouseholdFilter

    return {households.get_detail(db, k).id for k in households.search_keys(db, HouseholdFilter(status="surveyed"))}


def test_approving_twice_acts_on_the_household_shown_each_time(qtbot, demo_db, runner) -> None:
    from PySide6.QtCore import Qt

    window = window_for(qtbot, demo_db, _reviewer(demo_db), runner)
    window.show_page(nav.REVIEW)
    page = window.page(nav.REVIEW)
    page.select_row(0)
    qtbot.waitUntil(lambda: page.detail.detail is not None and page.detail.detail.id == page.current_id(), timeout=5000)
    before = _surveyed_ids(demo_db)
    shown: list[str] = []
    for _ in range(2):
        qtbot.waitUntil(lambda: page.approve_button.isEnabled(), timeout=5000)
        shown.append(page.detail.detail.id)
        assert page.detail.detail.status == "surveyed"  # what the reviewer reads is still in the queue
        qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
        wait_idle(qtbot, runner)
        # the selection and the detail pane move on together
        qtbot.waitUntil(lambda: page.detail.detail is not None and page.detail.detail.id == page.current_id(),
                        timeout=5000)
    changed = before - _surveyed_ids(demo_db)
    assert len(set(shown)) == 2 and changed == set(shown)
    assert {households.get_detail(demo_db, h).status for h in changed} == {"reviewed"}


def test_the_reviewer_sees_the_photos_with_their_category_and_caption(qtbot, demo_db, worker_actor, runner,
                                                                      tmp_path) -> None:
    from PIL import Image

    from survey_app.core.services import attachments
    from survey_app.ui.photos.dialog import PhotoDialog

    window = window_for(qtbot, demo_db, _reviewer(demo_db), runner)
    window.show_page(nav.REVIEW)
    page = window.page(nav.REVIEW)
    page.select_row(0)
    qtbot.waitUntil(lambda: page.detail.shown_id == page.model.row_data(0).id, timeout=5000)
    hid = page.detail.shown_id
    path = tmp_path / "front.jpg"
    Image.new("RGB", (64, 48), "red").save(path, "JPEG")
    (photo,) = attachments.attach_photos(demo_db, worker_actor, hid, [path])
    attachments.update_photo(demo_db, worker_actor, photo.id, category="exterior", caption="东侧外墙")
    page.detail.reload()
    text = page.detail.toPlainText()
    assert "照片 1 张：外观 1" in text and "查看照片" in text
    page.detail.anchorClicked.emit(QUrl(f"photos:{hid}"))  # what a click on the link emits
    dialog = page.findChild(PhotoDialog, "photoDialog")
    assert dialog is not None and dialog.isVisible() and dialog.strip.read_only
    assert [p.id for p in dialog.strip.photos] == [photo.id]
    assert not dialog.strip.delete_button.isVisible() and not dialog.strip.add_button.isVisible()
    assert dialog.strip.photos[0].caption == "东侧外墙"
    dialog.strip.shutdown()
    dialog.close()
