"""Issue 11 (opening a household fast): the editor reads its widgets once when it opens, and the problem
list's title is still painted by what it says (green when nothing is wrong, red otherwise) however often
the form is re-checked."""

from __future__ import annotations

from PySide6.QtGui import QPalette

from survey_app.ui.editor.household_editor import HouseholdEditorDialog
from survey_app.ui.kit import theme
from tests.ui.test_editor_helpers import destroy, household_with_status, open_editor


def _title_colour(dialog) -> str:
    title = dialog.problem_panel.title
    return title.palette().color(QPalette.ColorRole.WindowText).name()


def test_opening_reads_the_form_from_the_widgets_once(qtbot, demo_db, worker_actor, runner, monkeypatch) -> None:
    hh = household_with_status(demo_db, "surveyed")
    reads: list[str] = []
    collect = HouseholdEditorDialog.collect
    monkeypatch.setattr(HouseholdEditorDialog, "collect", lambda self: reads.append("form") or collect(self))
    dialog = open_editor(qtbot, demo_db, worker_actor, runner, hh.id)
    assert reads == ["form"]  # baseline, header (户主) and the check all come from that one read
    head = next(m for m in dialog.collect_form().members if m.relation == "head")
    assert head.name in dialog.title.text() and head.name in dialog.windowTitle()
    assert not dialog.is_dirty()
    destroy(dialog)


def test_the_problem_title_turns_red_and_back_after_the_editor_is_shown(qtbot, demo_db, worker_actor,
                                                                        runner) -> None:
    hh = household_with_status(demo_db, "surveyed")  # complete: nothing to fix at opening
    dialog = open_editor(qtbot, demo_db, worker_actor, runner, hh.id)
    assert dialog.problem_panel.problems == []
    assert _title_colour(dialog) == theme.OK
    area = dialog.parts.table.rows[0].widgets["area"]
    before = area.text()
    area.clear()
    qtbot.keyClicks(area, "abc")  # not a number: a problem that stops the save
    found = dialog.validate()
    assert found and dialog.problem_panel.problems
    assert _title_colour(dialog) == theme.ERROR
    dialog.validate()  # checked again, still wrong: still red
    assert _title_colour(dialog) == theme.ERROR
    area.clear()
    qtbot.keyClicks(area, before)
    assert dialog.validate() == []
    assert _title_colour(dialog) == theme.OK
    destroy(dialog)
