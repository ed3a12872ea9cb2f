"""A signing reward tiered by the 交房验收 date (issue 13, J1/F4): the household's handover record is the hand-over
date a new calculation sees, and HQ re-deriving the calculation an agreement was signed on does not count a
handover recorded after it — so the same records give the same result on the laptop and at HQ."""

from __future__ import annotations

import uuid

from money_helpers import SIGN_DAY, SUPERVISOR, agreement_of
from sqlalchemy import select

from survey_app.core.services.calculations import current_policy
from survey_app.core.services.handover import record_handover
from survey_app.core.storage.calc_inputs import household_input
from survey_app.core.storage.models import Agreement, Calculation, Household
from survey_app.core.sync.rederive import rederive


def _signed_calculation(db, hid: uuid.UUID) -> Calculation:
    with db.read() as s:
        return s.scalar(select(Calculation).join(Agreement, Agreement.calculation_id == Calculation.id).where(
            Agreement.household_id == hid, Agreement.status == "signed"))


def test_a_handover_is_seen_by_new_calculations_not_by_the_one_it_followed(signed_db) -> None:
    hid = agreement_of(signed_db, "A2-0004")[0]
    calc = _signed_calculation(signed_db, hid)
    with signed_db.read() as s:
        assert household_input(s, s.get(Household, hid)).handover_date is None
    record_handover(signed_db, SUPERVISOR, hid, SIGN_DAY)
    with signed_db.read() as s:
        h = s.get(Household, hid)
        assert household_input(s, h).handover_date == SIGN_DAY  # a calculation made now
        assert household_input(s, h, calculation_id=calc.id).handover_date is None  # the one signed before it
        policy = current_policy(s, h.project_id)[1]
    with signed_db.engine.connect() as conn:
        same = rederive(conn, policy, hid.hex, calc.inputs_json, calc.result_json, calc.id.hex)
        naive = rederive(conn, policy, hid.hex, calc.inputs_json, calc.result_json)
    assert same.ok, same.problems
    assert not naive.ok and naive.hq["handover_date"] == SIGN_DAY.isoformat()  # what the id prevents
