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


def test_a_policy_counting_thousandths_lets_the_editor_take_them(qtbot, demo_db, admin, worker_actor, runner) -> None:
    """Areas to 0.001 m² "where the policy says so": the parts table takes three decimals once the published
    policy counts areas to three (``[rounding] area_decimals = 3``), two before."""
    from decimal import Decimal

    from survey_app.core.paths import resource_path
    from survey_app.core.services import policies

    hh = household_with_status(demo_db, "pending")
    dialog = open_editor(qtbot, demo_db, worker_actor, runner, hh.id)
    assert dialog.parts.table.rows[0].widgets["area"].places == 2
    destroy(dialog)
    text = resource_path("policies", "city_shantytown_2023.toml").read_text(encoding="utf-8")
    text = text.replace("[rounding]\n", "[rounding]\narea_decimals = 3\n", 1)
    policies.publish_text(demo_db, admin, text, "三位小数.toml", reason="面积按三位小数计")
    dialog = open_editor(qtbot, demo_db, worker_actor, runner, hh.id)
    area = dialog.parts.table.rows[0].widgets["area"]
    assert area.places == 3
    area.selectAll()
    qtbot.keyClicks(area, "58.325")
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        assert dialog.save()
    assert store.load_form(demo_db, hh.id).parts[0].area == Decimal("58.325")
    destroy(dialog)
