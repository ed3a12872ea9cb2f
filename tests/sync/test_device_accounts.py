"""A laptop holds password hashes only for the people who work on it, and never an HQ administrator's."""

from __future__ import annotations

from pathlib import Path

import pytest
import sync_setup
from sqlalchemy import select

from survey_app.core.domain.errors import ValidationError
from survey_app.core.storage.models import User
from survey_app.core.sync.assignments import _rows, apply_from_hq, import_assignment, write_assignment


def _accounts(db) -> dict[str, str]:
    with db.read() as s:
        return {u.username: u.role for u in s.scalars(select(User).where(User.deleted_at.is_(None)))}


@pytest.fixture
def world(tmp_path: Path):
    w = sync_setup.build(tmp_path / "world")
    yield w
    for db in (w.hq, *(d.db for d in w.devices)):
        db.dispose()


def test_each_laptop_holds_only_its_own_users(world) -> None:
    d1, d2 = world.devices
    assert set(_accounts(world.hq)) >= {"hq", "worker", "worker2"}
    assert _accounts(d1.db) == {"worker": "field_worker"}
    assert _accounts(d2.db) == {"worker2": "field_worker"}


def test_an_assignment_never_carries_an_hq_admin_even_if_named(world) -> None:
    d1 = world.devices[0]
    path = write_assignment(world.hq, world.admin, world.hq_pair, d1.code, ["worker", "hq"], world.usb)
    import_assignment(d1.db, d1.pair, path)
    assert _accounts(d1.db) == {"worker": "field_worker"}


def test_a_users_earlier_assignment_keeps_its_account_on_the_device(world) -> None:
    """worker2 is moved to D01 as well: D01 now holds both, D02 still only worker2."""
    d1, d2 = world.devices
    import_assignment(d1.db, d1.pair, write_assignment(world.hq, world.admin, world.hq_pair, d1.code,
                                                       ["worker2"], world.usb))
    assert _accounts(d1.db) == {"worker": "field_worker", "worker2": "field_worker"}
    assert _accounts(d2.db) == {"worker2": "field_worker"}


def test_a_laptop_refuses_an_hq_admin_account(world) -> None:
    d1 = world.devices[0]
    with world.hq.engine.connect() as conn:
        admin_row = _rows(conn, "users", "username = ?", ("hq",))
    assert admin_row and admin_row[0].get("role") == "hq_admin"
    with pytest.raises(ValidationError, match="指挥部管理员账号.*整个分派包未导入"):
        apply_from_hq(d1.db, admin_row, bundle_seq=99)
    assert "hq" not in _accounts(d1.db)


def _can_log_in(db, username: str, password: str) -> bool:
    from survey_app.core.domain.errors import AuthenticationError
    from survey_app.core.services import users

    try:
        users.login(db, username, password, device="D01")
    except AuthenticationError:
        return False
    return True


def test_a_password_changed_on_the_laptop_survives_the_next_assignment(world) -> None:
    from survey_app.core.services import users

    d1 = world.devices[0]
    users.set_password(d1.db, d1.actor, "worker", "laptop-own-2024")  # e.g. the forced change at first login
    import_assignment(d1.db, d1.pair, write_assignment(world.hq, world.admin, world.hq_pair, d1.code,
                                                       ["worker"], world.usb))
    assert _can_log_in(d1.db, "worker", "laptop-own-2024")  # HQ did not change the account: the laptop's stays


def test_a_password_hq_resets_reaches_the_laptop_and_must_be_changed_there(world) -> None:
    from survey_app.core.services import users

    d1 = world.devices[0]
    users.set_password(d1.db, d1.actor, "worker", "laptop-own-2024")
    users.reset_password(world.hq, world.admin, "worker", "hq-reset-2024")
    import_assignment(d1.db, d1.pair, write_assignment(world.hq, world.admin, world.hq_pair, d1.code,
                                                       ["worker"], world.usb))
    assert _can_log_in(d1.db, "worker", "hq-reset-2024") and not _can_log_in(d1.db, "worker", "laptop-own-2024")
    assert users.must_change_password(d1.db, "worker")


def test_hqs_grievance_follow_ups_reach_the_laptop_of_the_household(world) -> None:
    from survey_app.core.services import grievances
    from survey_app.core.storage.models import GrievanceFollowUp, Household

    d1 = world.devices[0]
    with world.hq.read() as s:
        hid = s.scalars(select(Household.id).where(Household.assigned_to == "worker").order_by(Household.id)).first()
    g = grievances.add_grievance(world.hq, world.admin, hid, "petition", "对面积有异议")
    grievances.follow_up(world.hq, world.admin, g.id, "已约评估公司复核")
    import_assignment(d1.db, d1.pair, write_assignment(world.hq, world.admin, world.hq_pair, d1.code,
                                                       ["worker"], world.usb))
    with d1.db.read() as s:
        notes = list(s.scalars(select(GrievanceFollowUp.note).where(GrievanceFollowUp.household_id == hid)))
    assert notes == ["已约评估公司复核"]
