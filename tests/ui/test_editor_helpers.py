"""Shared helpers of the editor and photo tests (holds no tests itself)."""

from __future__ import annotations

import shiboken6

from survey_app.core.domain.validation import resident_id_check_digit
from survey_app.core.services import households


def household_with_status(db, status: str):
    keys = households.search_keys(db, households.HouseholdFilter(status=status))
    assert keys, status
    return households.fetch_rows(db, keys[:1])[keys[0]]


def valid_id(first17: str = "43010220100315123") -> str:
    """An ID number with a correct check digit (born 2010-03-15; 17th digit odd: 男)."""
    return first17 + resident_id_check_digit(first17)


def wrong_id(first17: str = "43010220100315123") -> str:
    right = resident_id_check_digit(first17)
    return first17 + ("1" if right != "1" else "2")


def open_editor(qtbot, db, actor, runner, household_id: str):
    from survey_app.ui.editor.household_editor import HouseholdEditorDialog

    dialog = HouseholdEditorDialog(db, actor, runner, household_id)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def destroy(dialog) -> None:
    """Drop the dialog the way a killed app would: no close, no question, no save."""
    dialog.photos.strip.shutdown()
    shiboken6.delete(dialog)
