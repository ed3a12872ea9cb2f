"""Household editor: autosaved drafts survive a killed app and are offered back; signed households are read-only."""

from __future__ import annotations

from survey_app.core.services import households
from survey_app.core.services.survey import drafts
from tests.ui.test_editor_helpers import destroy, household_with_status, open_editor


def test_draft_is_autosaved_and_offered_back_after_a_kill(qtbot, demo_db, worker_actor, runner,
                                                          monkeypatch) -> None:
    from survey_app.ui.editor import autosave

    monkeypatch.setattr(autosave, "DELAY_MS", 100)  # the pause is 2 s in the app: the same timer, sooner
    hh = household_with_status(demo_db, "pending")
    dialog = open_editor(qtbot, demo_db, worker_actor, runner, hh.id)
    address = dialog.household.fields["address"]
    address.setText("")
    address.insert("芙蓉区新建路99号")
    assert dialog.autosave.timer.isActive()  # debounced: written once typing pauses
    assert dialog.autosave.timer.interval() == 100 and drafts.load_draft(demo_db, "worker", hh.id) is None
    qtbot.waitUntil(lambda: drafts.load_draft(demo_db, "worker", hh.id) is not None, timeout=5000)
    destroy(dialog)  # the app is killed: no save, no question

    reopened = open_editor(qtbot, demo_db, worker_actor, runner, hh.id)
    qtbot.waitUntil(lambda: reopened.draft_prompt is not None and reopened.draft_prompt.isVisible())
    assert "发现未保存的修改" in reopened.draft_prompt.text()
    assert reopened.household.fields["address"].text() == hh.address  # nothing restored without asking
    reopened.restore_button.click()
    qtbot.waitUntil(lambda: reopened.draft_prompt is None)
    assert reopened.household.fields["address"].text() == "芙蓉区新建路99号"
    assert reopened.is_dirty()

    with qtbot.waitSignal(reopened.saved, timeout=10_000):
        reopened.save()
    assert households.get_detail(demo_db, hh.id).address == "芙蓉区新建路99号"
    assert drafts.load_draft(demo_db, "worker", hh.id) is None  # saving removes the draft
    destroy(reopened)


def test_discarded_draft_is_gone(qtbot, demo_db, worker_actor, runner) -> None:
    hh = household_with_status(demo_db, "pending")
    dialog = open_editor(qtbot, demo_db, worker_actor, runner, hh.id)
    dialog.household.fields["section"].insert("X")
    assert dialog.autosave.flush()  # what the timer's timeout runs
    destroy(dialog)

    reopened = open_editor(qtbot, demo_db, worker_actor, runner, hh.id)
    qtbot.waitUntil(lambda: reopened.draft_prompt is not None and reopened.draft_prompt.isVisible())
    reopened.drop_draft_button.click()
    qtbot.waitUntil(lambda: reopened.draft_prompt is not None and reopened.draft_prompt.isVisible()
                    and "确定丢弃" in reopened.draft_prompt.text())  # asked a second time
    assert drafts.load_draft(demo_db, "worker", hh.id) is not None  # not yet gone
    reopened.confirm_drop_button.click()
    qtbot.waitUntil(lambda: reopened.draft_prompt is None)
    assert reopened.household.fields["section"].text() == hh.section
    assert not reopened.is_dirty()
    assert drafts.load_draft(demo_db, "worker", hh.id) is None
    destroy(reopened)


def test_signed_household_is_read_only_and_says_why(qtbot, demo_db, worker_actor, runner) -> None:
    hh = household_with_status(demo_db, "signed")
    dialog = open_editor(qtbot, demo_db, worker_actor, runner, hh.id)
    assert dialog.read_only
    assert dialog.banner.isVisible() and "已签约" in dialog.banner.text()
    assert not dialog.save_button.isVisible() and not dialog.submit_button.isVisible()
    members = dialog.members.table
    assert members.rows and not members.rows[0].widgets["relation"].isEnabled()
    assert members.rows[0].widgets["id_number"].isReadOnly()  # still selectable: numbers are copied from it
    assert dialog.household.fields["address"].isReadOnly()
    assert not members.add_button.isVisible() and members.add_row() is None
    assert not dialog.photos.strip.add_button.isVisible()
    rev = households.get_detail(demo_db, hh.id).rev
    assert not dialog.save()
    assert households.get_detail(demo_db, hh.id).rev == rev
    dialog.reject()  # nothing to ask: closes at once
    assert not dialog.isVisible()
