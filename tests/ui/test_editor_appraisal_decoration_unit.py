"""The editor's 评估 section shows the appraisal report's decoration unit price (装修单价, imported at HQ) beside the
decoration amount, read-only for everyone; HQ editing another value of the row keeps it."""

from __future__ import annotations

import uuid
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import select, update
from test_editor_helpers import destroy, household_with_status, open_editor

from survey_app.core.storage.models import Appraisal


def _with_unit_price(db) -> str:
    hh = household_with_status(db, "surveyed")
    with db.engine.begin() as conn:
        first = conn.execute(select(Appraisal.id).where(Appraisal.household_id == uuid.UUID(hh.id),
                                                        Appraisal.deleted_at.is_(None)).order_by(Appraisal.id)).scalar()
        conn.execute(update(Appraisal).where(Appraisal.id == first).values(
            part_label="证载主房", decoration_unit_price=Decimal("1275.35")))
    return hh.id


def test_a_field_worker_sees_the_decoration_unit_price(qtbot, demo_db, worker_actor, runner) -> None:
    dialog = open_editor(qtbot, demo_db, worker_actor, runner, _with_unit_price(demo_db))
    table = dialog.appraisals.table
    cell = table.rows[0].widgets["decoration_rate"]
    assert isinstance(cell, QLabel) and cell.text() == "1,275.35"
    assert table.header_labels["decoration_rate"].text() == "装修单价 元/m²"
    assert not dialog.is_dirty()
    destroy(dialog)


def test_hq_edits_the_row_and_the_unit_price_is_kept(qtbot, demo_db, admin, runner) -> None:
    from survey_app.core.services.survey import store

    hid = _with_unit_price(demo_db)
    dialog = open_editor(qtbot, demo_db, admin, runner, hid)
    row = dialog.appraisals.table.rows[0]
    assert isinstance(row.widgets["decoration_rate"], QLabel)  # shown, not an editor even for HQ
    newness = row.widgets["newness"]
    newness.setFocus()
    newness.selectAll()
    qtbot.keyClick(newness, Qt.Key.Key_Delete)
    newness.insert("九成新")  # QTest types ASCII only; insert() is what an IME commit does
    newness.editingFinished.emit()
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        assert dialog.save()
    saved = store.load_form(demo_db, hid).appraisals[0]
    assert (saved.newness, saved.decoration_unit_price) == ("九成新", Decimal("1275.35"))
    assert dialog.appraisals.table.rows[0].widgets["decoration_rate"].text() == "1,275.35"
    destroy(dialog)
