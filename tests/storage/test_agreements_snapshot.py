"""An agreement is built only from its calculation's stored snapshot (issue 9 item 7): the people, their
ID numbers, certificates, phone and address as they were when the figures were computed, never the
household's rows as they are when the agreement is printed."""

from __future__ import annotations

import json
import sqlite3
import uuid

from test_agreements_article25 import _issue, _surveyed, _text

from survey_app.core.compensation.inputs import HouseholdInput
from survey_app.core.security.keys import project_public_keys
from survey_app.core.services import calculations
from survey_app.core.services.agreements import lifecycle
from survey_app.core.services.agreements.documents import render_agreement_pdf
from survey_app.core.services.agreements.verify import check_record, verify_text
from survey_app.core.storage.models import Agreement, Calculation, Household, Tenure

NEW_PHONE = "13900001111"


def _behind_the_apps_back(db_path, h: Household) -> None:
    """Phones, owners' names and ID numbers, certificate numbers and address changed with raw SQL."""
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE households SET phone = ?, address = '改过的地址' WHERE id = ?", (NEW_PHONE, h.id.hex))
        conn.execute("UPDATE members SET phone = ? WHERE household_id = ?", (NEW_PHONE, h.id.hex))
        conn.execute("UPDATE tenures SET owner_name = '冒名', owner_id_number = '110101199001011237', "
                     "certificate_no = 'FAKE-0001' WHERE household_id = ?", (h.id.hex,))


def _calculated_time(db, info: lifecycle.AgreementInfo) -> tuple[Household, list[Tenure], Calculation]:
    with db.read() as s:
        a = s.get(Agreement, uuid.UUID(info.id))
        h = s.get(Household, a.household_id)
        tenures = [t for t in s.query(Tenure).filter(Tenure.household_id == h.id, Tenure.deleted_at.is_(None))]
        return h, tenures, s.get(Calculation, a.calculation_id)


def test_the_agreement_prints_the_phone_and_owners_as_calculated(demo_db, db_path, tmp_path) -> None:
    h = _surveyed(demo_db, 1)[0]
    info, _ = _issue(demo_db, h, "cash")
    h, tenures, _calc = _calculated_time(demo_db, info)
    assert h.phone and h.phone != NEW_PHONE
    _behind_the_apps_back(db_path, h)

    render_agreement_pdf(demo_db, info.id, tmp_path / "a.pdf")
    text = _text(tmp_path / "a.pdf")
    assert h.phone in text and NEW_PHONE not in text
    assert h.address.replace(" ", "") in text and "改过的地址" not in text
    assert "冒名" not in text and "FAKE-0001" not in text and "110101199001011237" not in text
    for t in tenures:
        assert t.owner_name in text and t.owner_id_number in text and t.certificate_no in text
    # the QR's content hash covers the parties of the snapshot: the printed agreement still verifies
    verdict = check_record(demo_db, verify_text(info.qr_payload, project_public_keys(demo_db)))
    assert verdict.record == "matches", verdict.record_message


def test_the_snapshot_leaves_the_engine_input_as_it_was(demo_db) -> None:
    h = _surveyed(demo_db, 1)[0]
    info, result = _issue(demo_db, h, "cash")
    _h, _tenures, calc = _calculated_time(demo_db, info)
    snapshot = calculations.stored_document_snapshot(calc.inputs_json)
    assert snapshot is not None and snapshot["phone"] == h.phone
    inputs = HouseholdInput.from_dict(calculations.engine_inputs(calc.inputs_json), source=h.household_code)
    assert inputs.to_dict() == result.inputs.to_dict()


def test_a_calculation_stored_before_the_snapshot_falls_back_to_current_rows(demo_db, db_path,
                                                                            tmp_path) -> None:
    h = _surveyed(demo_db, 1)[0]
    info, _ = _issue(demo_db, h, "cash")
    h, _tenures, calc = _calculated_time(demo_db, info)
    old_style = json.dumps(calculations.engine_inputs(calc.inputs_json), ensure_ascii=False)
    with sqlite3.connect(db_path) as conn:  # as calculations were stored before the document snapshot
        conn.execute("UPDATE calculations SET inputs_json = ? WHERE id = ?", (old_style, calc.id.hex))
        conn.execute("UPDATE households SET phone = ? WHERE id = ?", (NEW_PHONE, h.id.hex))
        conn.execute("UPDATE members SET phone = '' WHERE household_id = ?", (h.id.hex,))
    render_agreement_pdf(demo_db, info.id, tmp_path / "a.pdf")
    assert NEW_PHONE in _text(tmp_path / "a.pdf")
