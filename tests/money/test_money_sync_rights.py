"""What a laptop may send up of the new records: handovers and grievances yes, payments never, a closed
grievance never (only HQ closes one)."""

from __future__ import annotations

import pytest

from survey_app.core.domain.errors import ValidationError
from survey_app.core.sync.records import Record
from survey_app.core.sync.rights import FIELD_TABLES, check_field_bundle


def _record(table: str, **row) -> Record:
    return Record(table, "0188" + "0" * 28, 1, 0, {"origin_device": "D01", "household_id": "ab" * 16, **row})


@pytest.mark.parametrize("table, why", [("payments", "只能由指挥部下发"), ("transitions", "只能由指挥部下发")])
def test_payments_and_transitions_never_come_up(demo_db, table: str, why: str) -> None:
    with demo_db.engine.connect() as conn, pytest.raises(ValidationError, match=why):
        check_field_bundle(conn, "D01", [_record(table)])


def test_a_closed_grievance_is_refused_from_a_laptop(demo_db) -> None:
    assert {"handovers", "grievances", "grievance_followups"} <= set(FIELD_TABLES)
    with demo_db.engine.connect() as conn, pytest.raises(ValidationError, match="只能由指挥部办结"):
        check_field_bundle(conn, "D01", [_record("grievances", status="closed")])
