"""被征收人类型 in the editor (issue 13 item 1): the household section offers the five owner types by their Chinese
names; the one picked with the keyboard is what is stored and what the policy's ``when.owner_type`` reads."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from survey_app.core.services.survey import store
from survey_app.ui.editor import choices
from tests.ui.test_editor_helpers import destroy, household_with_status, open_editor


def test_owner_type_is_picked_saved_and_shown_again(qtbot, demo_db, worker_actor, runner) -> None:
    hh = household_with_status(demo_db, "pending")
    dialog = open_editor(qtbot, demo_db, worker_actor, runner, hh.id)
    combo = dialog.findChild(QComboBox, "field.owner_type")
    assert [combo.itemText(i) for i in range(combo.count())] == ["个人", "企业", "机关事业单位", "集体", "公房承租人"]
    assert choices.combo_code(combo) == "individual"
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # 企业
    assert choices.combo_code(combo) == "enterprise"
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        assert dialog.save()
    assert store.load_form(demo_db, hh.id).owner_type == "enterprise"
    destroy(dialog)
    again = open_editor(qtbot, demo_db, worker_actor, runner, hh.id)
    assert again.findChild(QComboBox, "field.owner_type").currentText() == "企业"
    destroy(again)
