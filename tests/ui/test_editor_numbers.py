"""Issue 9 item 2: area, money, count and percentage fields accept only what they can read exactly.

Each case types into the real editor; the text that cannot be read exactly gets a Chinese message at the
field and the save is refused (nothing stored), never a silent change.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from survey_app.core.services import households
from survey_app.core.services.survey import store
from tests.ui.test_editor_helpers import destroy, household_with_status, open_editor


def _type(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        widget.insert(text)  # QTest types ASCII only; insert() is what an IME commit does
    widget.editingFinished.emit()  # the worker leaves the field


def _refused(qtbot, dialog, path: str) -> str:
    with qtbot.waitSignal(dialog.save_refused) as refused:
        assert not dialog.save()
    found = {p.path: p.message for p in refused.args[0]}
    assert path in found, found
    return found[path]


@pytest.mark.parametrize(("typed", "said"), [
    ("12,5", "含逗号"), ("-3", "不能为负数"), ("1e3", "不是数字"), ("12.555", "最多保留2位小数")])
def test_an_area_that_cannot_be_read_exactly_is_refused_at_the_field(qtbot, demo_db, worker_actor, runner,
                                                                      typed, said) -> None:
    hh = household_with_status(demo_db, "pending")
    before = store.load_form(demo_db, hh.id)
    dialog = open_editor(qtbot, demo_db, worker_actor, runner, hh.id)
    row = dialog.parts.table.rows[0]
    _type(qtbot, row.widgets["area"], typed)

    assert row.widgets["area"].text() == typed  # what was typed stays, for the worker to correct
    message = _refused(qtbot, dialog, "parts[0].area")
    assert said in message
    assert row.widgets["area"].property("invalid") is True and said in row.message.text()
    assert store.load_form(demo_db, hh.id).parts[0].area == before.parts[0].area  # nothing stored
    destroy(dialog)


def test_full_width_digits_are_read_as_the_same_number(qtbot, demo_db, worker_actor, runner) -> None:
    hh = household_with_status(demo_db, "pending")
    dialog = open_editor(qtbot, demo_db, worker_actor, runner, hh.id)
    _type(qtbot, dialog.parts.table.rows[0].widgets["area"], "１２．５")
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        assert dialog.save()
    assert store.load_form(demo_db, hh.id).parts[0].area == Decimal("12.50")
    destroy(dialog)


def test_a_negative_count_is_said_not_turned_into_a_positive_one(qtbot, demo_db, worker_actor, runner) -> None:
    hh = household_with_status(demo_db, "surveyed")
    dialog = open_editor(qtbot, demo_db, worker_actor, runner, hh.id)
    fixtures = dialog.sections[4]
    code, entry = next(iter(fixtures.entries.items()))
    _type(qtbot, entry.quantity, "-3")
    assert entry.quantity.text() == "-3"  # a spin box would have made it 3
    with qtbot.waitSignal(dialog.save_refused) as refused:
        assert not dialog.save()
    assert any("不能为负数" in p.message for p in refused.args[0])

    _type(qtbot, entry.quantity, "1.5")
    with qtbot.waitSignal(dialog.save_refused) as refused:
        assert not dialog.save()
    assert any("只能填写整数" in p.message for p in refused.args[0])
    destroy(dialog)


def test_a_fixture_count_of_zero_means_none(qtbot, demo_db, worker_actor, runner) -> None:
    hh = household_with_status(demo_db, "surveyed")
    form = store.load_form(demo_db, hh.id)
    assert form.fixtures, "demo surveyed households have fixtures"
    dialog = open_editor(qtbot, demo_db, worker_actor, runner, hh.id)
    fixtures = dialog.sections[4]
    for entry in fixtures.entries.values():
        if entry.quantity.text() not in ("", "0"):
            _type(qtbot, entry.quantity, "0")
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        assert dialog.save()
    assert store.load_form(demo_db, hh.id).fixtures == []
    destroy(dialog)


def test_money_and_percent_with_a_comma_or_too_many_decimals_are_refused(qtbot, demo_db, admin,
                                                                          runner) -> None:
    hh = household_with_status(demo_db, "surveyed")
    rev = households.get_detail(demo_db, hh.id).rev
    dialog = open_editor(qtbot, demo_db, admin, runner, hh.id)  # appraisals: HQ's to edit
    _type(qtbot, dialog.appraisals.table.rows[0].widgets["unit_price"], "13,670")
    _type(qtbot, dialog.tenures.table.rows[0].widgets["share"], "33.333")
    with qtbot.waitSignal(dialog.save_refused) as refused:
        assert not dialog.save()
    found = {p.path: p.message for p in refused.args[0]}
    assert "含逗号" in found["appraisals[0].unit_price"]
    assert "最多保留2位小数" in found["tenures[0].share"]
    assert households.get_detail(demo_db, hh.id).rev == rev
    destroy(dialog)


def test_a_field_worker_sees_the_appraisal_but_cannot_change_it(qtbot, demo_db, worker_actor, runner) -> None:
    from survey_app.core.domain.errors import PermissionDenied

    hh = household_with_status(demo_db, "surveyed")
    dialog = open_editor(qtbot, demo_db, worker_actor, runner, hh.id)
    price = dialog.appraisals.table.rows[0].widgets["unit_price"]
    before = price.text()
    qtbot.keyClicks(price, "9")
    assert price.text() == before  # read-only: the appraiser's figure stays as imported
    assert not dialog.appraisals.table.add_button.isVisible()
    destroy(dialog)
    form = store.load_form(demo_db, hh.id)  # and the service refuses it whatever the UI does
    form.appraisals[0].unit_price = form.appraisals[0].unit_price + 1
    with pytest.raises(PermissionDenied, match="评估结果由指挥部导入"):
        store.save_form(demo_db, worker_actor, form)
