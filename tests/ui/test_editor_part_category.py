"""A building part's 类别 (issue 13 item 1: ratio tables keyed by category, e.g. 1990年前建 / 临建批复): typed into
the parts table of the real editor, stored with the part, shown again; empty stays empty (never a placeholder)."""

from __future__ import annotations

from survey_app.core.services.survey import store
from survey_app.ui.editor import choices
from tests.ui.test_editor_helpers import destroy, household_with_status, open_editor


def test_part_category_is_typed_saved_and_shown_again(qtbot, demo_db, worker_actor, runner) -> None:
    hh = household_with_status(demo_db, "pending")
    dialog = open_editor(qtbot, demo_db, worker_actor, runner, hh.id)
    rows = dialog.parts.table.rows
    assert rows, "the demo household has a building part"
    first, last = rows[0].widgets["category"], rows[-1].widgets["category"]
    assert choices.combo_code(first) == ""  # nothing chosen: no category, not the text of an empty item
    last.lineEdit().clear()
    last.setFocus()
    last.lineEdit().insert("临建批复")  # what an input method commits (QTest types ASCII only)
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        assert dialog.save()
    parts = store.load_form(demo_db, hh.id).parts
    assert parts[-1].category == "临建批复"
    assert all(p.category == "" for p in parts[:-1])
    destroy(dialog)
    again = open_editor(qtbot, demo_db, worker_actor, runner, hh.id)
    assert again.parts.table.rows[-1].widgets["category"].currentText() == "临建批复"
    destroy(again)
