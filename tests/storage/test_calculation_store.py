"""Calculations are stored with their lines, go stale on survey changes, and are superseded, never edited."""

from __future__ import annotations

import json
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import select

from survey_app.core.compensation.engine import verify as engine_verify
from survey_app.core.domain.errors import ValidationError
from survey_app.core.domain.roles import Role
from survey_app.core.services import calculations
from survey_app.core.services.audit import verify_database
from survey_app.core.storage.models import AuditEvent, BuildingPart, Calculation, CalculationLine, Household
from survey_app.core.storage.uow import Actor

WORKER = Actor(username="worker", role=Role.FIELD_WORKER, device="T01")


@pytest.fixture
def surveyed(demo_db) -> Household:
    with demo_db.read() as s:
        return s.scalars(select(Household).where(Household.status == "surveyed")
                         .order_by(Household.household_code)).first()


def test_every_option_is_stored_with_its_lines(demo_db, surveyed) -> None:
    stored = calculations.calculate(demo_db, WORKER, surveyed.id)
    keys = [o.option_key for o in stored]
    assert keys[0] == "cash" and "voucher" in keys and any(k.startswith("exchange:") for k in keys)
    assert [o.option_key for o in calculations.options(demo_db, surveyed.id)] == keys  # stored order kept
    with demo_db.read() as s:
        rows = s.scalars(select(Calculation).where(Calculation.household_id == surveyed.id)).all()
        for calc, option in zip(sorted(rows, key=lambda c: c.id), stored):
            lines = s.scalars(select(CalculationLine).where(CalculationLine.calculation_id == calc.id)
                              .order_by(CalculationLine.line_no)).all()
            assert [(ln.item_code, ln.formula, ln.amount) for ln in lines] == [
                (ln.code, ln.formula, ln.amount) for ln in option.result.lines]
            assert calc.net == sum(ln.amount for ln in lines)
            assert calc.policy_hash == option.result.policy_hash and len(calc.policy_hash) == 64
            assert json.loads(calc.inputs_json)["household_code"] == surveyed.household_code


def test_the_stored_result_recomputes_byte_for_byte(demo_db, surveyed) -> None:
    calculations.calculate(demo_db, WORKER, surveyed.id)
    with demo_db.read() as s:
        _, policy = calculations.current_policy(s, surveyed.project_id)
    for option in calculations.options(demo_db, surveyed.id):
        assert engine_verify(policy, option.result)


def test_a_survey_change_makes_it_stale_and_recalculating_supersedes(demo_db, surveyed) -> None:
    first = calculations.calculate(demo_db, WORKER, surveyed.id)
    with demo_db.uow(WORKER) as uow:  # notes are not an input: nothing goes stale
        uow.session.get(Household, surveyed.id).notes = "户主白天不在家"
        uow.commit()
    assert {o.status for o in calculations.options(demo_db, surveyed.id)} == {"current"}
    with demo_db.uow(WORKER) as uow:
        part = uow.session.scalars(select(BuildingPart).where(BuildingPart.household_id == surveyed.id)).first()
        part.area += Decimal("1.00")
        uow.commit()
    assert {o.status for o in calculations.options(demo_db, surveyed.id)} == {"stale"}

    second = calculations.calculate(demo_db, WORKER, surveyed.id)
    assert {o.status for o in calculations.options(demo_db, surveyed.id)} == {"current"}
    assert second[0].result.total != first[0].result.total
    with demo_db.read() as s:
        old = s.get(Calculation, uuid.UUID(first[0].id))
        new = s.get(Calculation, uuid.UUID(second[0].id))
        assert old.status == "superseded" and new.supersedes_id == old.id
        assert old.result_json == first[0].result.to_canonical_json()  # never edited in place
        actions = s.execute(select(AuditEvent.action, AuditEvent.changes).where(
            AuditEvent.entity_id == old.id.hex).order_by(AuditEvent.seq)).all()
    assert [a for a, _ in actions] == ["insert", "update", "update"]
    assert json.loads(actions[-1][1]) == {"status": ["stale", "superseded"], "rev": [2, 3]}
    assert verify_database(demo_db).ok


def test_a_household_without_appraisal_cannot_be_calculated(demo_db) -> None:
    with demo_db.read() as s:
        pending = s.scalars(select(Household).where(Household.status == "pending")).first()
    with pytest.raises(ValidationError, match="评估单价"):
        calculations.calculate(demo_db, WORKER, pending.id)
    with demo_db.read() as s:  # nothing half-stored
        assert s.scalar(select(Calculation).where(Calculation.household_id == pending.id)) is None
