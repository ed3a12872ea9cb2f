"""From a new worker to their laptop: HQ creates the account, enrols a laptop (the request made by the
project's own code in a second database), sets the worker on it, assigns a section, exports the bundle;
the laptop imports it, and the worker logs in there and holds exactly their households."""

from __future__ import annotations

from pathlib import Path

import pytest
from people_setup import LAPTOP_KEY_PASSWORD
from sqlalchemy import select

from survey_app.core.domain.errors import AuthenticationError
from survey_app.core.services import assignment_admin as aa
from survey_app.core.services import households, users
from survey_app.core.services.households import HouseholdFilter
from survey_app.core.storage.models import Household
from survey_app.core.sync import identity
from survey_app.core.sync.assignments import import_assignment


def _codes(db, **where) -> set[str]:
    with db.read() as s:
        q = select(Household.household_code).where(Household.deleted_at.is_(None))
        for column, value in where.items():
            q = q.where(getattr(Household, column) == value)
        return set(s.scalars(q))


def test_new_worker_on_a_new_laptop_gets_exactly_the_assigned_section(hq, hq_admin, hq_pair, enrol,
                                                                     tmp_path: Path) -> None:
    users.create_account(hq, hq_admin, "wang", "wang-first-1", "field_worker", "王五", "13800000000")
    code, laptop = enrol("王五的笔记本")
    aa.set_device_workers(hq, hq_admin, code, ["wang"])
    plan = aa.assign(hq, hq_admin, "wang", sections=["C1"])
    assert plan.devices == [code] and plan.count > 0
    usb = tmp_path / "usb"
    usb.mkdir()
    [bundle] = aa.export_bundles(hq, hq_admin, hq_pair, plan.devices, usb)

    report = import_assignment(laptop, identity.unlock(laptop, LAPTOP_KEY_PASSWORD), bundle)
    assert report.applied
    wang = users.login(laptop, "wang", "wang-first-1", device=code)
    assert wang.role.value == "field_worker"
    with pytest.raises(AuthenticationError):  # HQ's accounts travel; their hashes check here too
        users.login(laptop, "wang", "not-the-password", device=code)
    expected = _codes(hq, assigned_to="wang")
    assert expected == set(plan.move) and expected <= _codes(hq, section="C1")
    assert _codes(laptop) == expected  # nothing of worker's households came along
    listed = {households.get_detail(laptop, k).household_code
              for k in households.search_keys(laptop, HouseholdFilter())}
    assert listed == expected
    assert {a.username for a in users.list_accounts(laptop)} >= {"wang"}
