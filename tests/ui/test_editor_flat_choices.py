"""选房意向 in the household editor (issue 13; households.flat_choices, 0015): the worker combines the policy's flat
types — two flats, a type on a floor where the policy prices by floor — with the keyboard and mouse in the real
editor; what is added is saved with the survey and shown again; what the engine cannot price is said in its words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QListWidget, QPushButton, QSpinBox

from survey_app.core.services import policies
from survey_app.core.services.survey import store
from tests.storage.test_flat_choices import floor_policy_text
from tests.ui.test_editor_helpers import destroy, household_with_status, open_editor
from tests.ui.test_editor_small_screen import EDITOR_AT_1024

# The demo scheme lists D45, A60, B75, C90 in this order, after （不选）.
DOWN_TO = {"D45": 1, "A60": 2, "B75": 3, "C90": 4}


def _pick(qtbot, dialog, slot: int, key: str) -> None:
    combo = dialog.findChild(QComboBox, f"flatChoices.flat{slot}")
    combo.setFocus()
    for _ in range(DOWN_TO[key]):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == key


def _add(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.findChild(QPushButton, "flatChoices.add"), Qt.MouseButton.LeftButton)


def _listed(dialog) -> list[str]:
    lst = dialog.findChild(QListWidget, "flatChoices.list")
    return [lst.item(i).text() for i in range(lst.count())]


def test_two_flats_and_one_flat_are_added_saved_and_shown_again(qtbot, demo_db, worker_actor, runner) -> None:
    hh = household_with_status(demo_db, "pending")
    dialog = open_editor(qtbot, demo_db, worker_actor, runner, hh.id)
    assert not dialog.findChild(QSpinBox, "flatChoices.floor0").isEnabled()  # the demo scheme: no 楼层差价
    _pick(qtbot, dialog, 0, "A60")
    _pick(qtbot, dialog, 1, "D45")
    _add(qtbot, dialog)
    _pick(qtbot, dialog, 0, "B75")
    _add(qtbot, dialog)
    assert _listed(dialog) == ["组合1：A户型60㎡ + D户型45㎡（现房）", "组合2：B户型75㎡"]
    _pick(qtbot, dialog, 0, "B75")
    _add(qtbot, dialog)  # the same again: not added twice
    assert dialog.flats.message.text() == "该组合已登记（组合2）。" and len(_listed(dialog)) == 2
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        assert dialog.save()
    assert store.load_form(demo_db, hh.id).flat_choices == [["A60", "D45"], ["B75"]]
    destroy(dialog)
    again = open_editor(qtbot, demo_db, worker_actor, runner, hh.id)
    assert _listed(again) == ["组合1：A户型60㎡ + D户型45㎡（现房）", "组合2：B户型75㎡"]
    lst = again.findChild(QListWidget, "flatChoices.list")
    qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=lst.visualItemRect(lst.item(0)).center())
    qtbot.mouseClick(again.findChild(QPushButton, "flatChoices.remove"), Qt.MouseButton.LeftButton)
    assert _listed(again) == ["组合1：B户型75㎡"]
    with qtbot.waitSignal(again.saved, timeout=10_000):
        assert again.save()
    assert store.load_form(demo_db, hh.id).flat_choices == [["B75"]]
    destroy(again)


def test_a_floor_is_chosen_where_the_policy_prices_by_floor(qtbot, demo_db, admin, worker_actor, runner) -> None:
    policies.publish_text(demo_db, admin, floor_policy_text(), "楼层差价.toml", reason="安置房按楼层定价")
    hh = household_with_status(demo_db, "pending")
    dialog = open_editor(qtbot, demo_db, worker_actor, runner, hh.id)
    _pick(qtbot, dialog, 0, "A60")
    spin = dialog.findChild(QSpinBox, "flatChoices.floor0")
    assert spin.isEnabled() and spin.maximum() == 6  # A60's buildings have 6 floors
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "3")
    assert spin.value() == 3
    _add(qtbot, dialog)
    assert _listed(dialog) == ["组合1：A户型60㎡ 3 层"]
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        assert dialog.save()
    assert store.load_form(demo_db, hh.id).flat_choices == [["A60@3"]]
    destroy(dialog)


def test_a_stored_choice_the_policy_cannot_price_is_said_on_submit(qtbot, demo_db, admin, worker_actor,
                                                                    runner) -> None:
    """A combination kept from an older scheme (A60 on floor 9, and now A60 has 6): listed, and named in the
    engine's words when the survey is submitted."""
    hh = household_with_status(demo_db, "pending")
    form = store.load_form(demo_db, hh.id)
    form.flat_choices = [["A60@9"]]
    store.save_form(demo_db, worker_actor, form)
    policies.publish_text(demo_db, admin, floor_policy_text(), "楼层差价.toml", reason="安置房按楼层定价")
    dialog = open_editor(qtbot, demo_db, worker_actor, runner, hh.id)
    assert _listed(dialog) == ["组合1：A60@9"]  # the key itself: the scheme has no A60 on a 9th floor
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    said = "选房组合1：“A60@9”：楼层应为 1 到 6 之间的整数（A户型60㎡所在楼共 6 层）"
    assert said in dialog.flats.section_message.text() and dialog.flats.section_message.isVisible()
    assert said in dialog.submit_refusal.text()
    dialog.submit_refusal.close()
    destroy(dialog)


def test_the_section_fits_1024(qtbot, demo_db, worker_actor, runner) -> None:
    hh = household_with_status(demo_db, "pending")
    dialog = open_editor(qtbot, demo_db, worker_actor, runner, hh.id)
    try:
        dialog.resize(*EDITOR_AT_1024)
        qtbot.waitUntil(lambda: dialog.width() == EDITOR_AT_1024[0])
        scroll = dialog.chrome.scroll
        qtbot.waitUntil(lambda: scroll.widget().width() <= scroll.viewport().width())
        assert dialog.flats.minimumSizeHint().width() <= scroll.viewport().width()
        assert dialog.flats.width() <= scroll.viewport().width()
    finally:
        destroy(dialog)
