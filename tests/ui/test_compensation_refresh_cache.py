"""CompensationModel keeps its answers per (row, column, role) between changes: every setter drops them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from test_pages_helpers import first_with

from survey_app.core.services import calculations
from survey_app.ui.pages.compensation_model import (
    CHOSEN_BACKGROUND,
    ROW_LINE,
    ROW_TOTAL,
    CompensationModel,
    SubTextRole,
)


def test_cached_answers_follow_every_change(qtbot, demo_db, worker_actor) -> None:
    _key, detail = first_with(demo_db, "surveyed", appraised=True)
    calculations.calculate(demo_db, worker_actor, detail.id)
    options = calculations.options(demo_db, detail.id)
    model = CompensationModel()
    model.set_options(options, "")
    total = model.index(model.row_of(ROW_TOTAL), 2)
    assert model.data(total, Qt.ItemDataRole.BackgroundRole).color() != CHOSEN_BACKGROUND  # asked, then kept

    model.set_chosen(options[1].option_key)
    assert model.data(total, Qt.ItemDataRole.BackgroundRole).color() == CHOSEN_BACKGROUND

    first = options[0].result.lines[0]  # the house line: one formula for every option, shown under its label
    label = model.index(model.row_of(ROW_LINE, first.label), 0)
    assert model.data(label, SubTextRole) is None and model.data(label) == first.label
    model.set_detailed(True)
    assert model.data(label, SubTextRole) == first.formula
    assert model.data(label) == f"{first.label}\n{first.formula}"

    model.set_options(options[:1], options[0].option_key)  # a reset: columns and rows asked afresh
    assert model.columnCount() == 2
    assert model.data(model.index(model.row_of(ROW_TOTAL), 1), Qt.ItemDataRole.BackgroundRole).color() \
        == CHOSEN_BACKGROUND
    assert model.data(model.index(model.row_of(ROW_TOTAL), 2)) is None
