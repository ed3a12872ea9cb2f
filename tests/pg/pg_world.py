"""tests/sync/sync_setup.py's world with HQ on PostgreSQL: HQ + two enrolled laptops (SQLite files).

Built the same way step by step (demo data, HQ keys, enrollment by request and response files, assignments),
so everything a laptop later sends was first sent down by a PostgreSQL HQ.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select
from sync_setup import DEVICE_PASSWORD, HQ_PASSWORD, Device, World

from survey_app.core.domain.roles import Role
from survey_app.core.services import users
from survey_app.core.services.demo import create_demo
from survey_app.core.services.startup import open_database
from survey_app.core.storage.models import Household
from survey_app.core.sync import enrollment, identity
from survey_app.core.sync.assignments import import_assignment, write_assignment

TEST_DAY = dt.date(2023, 7, 1)  # tests/conftest.py's project day (a module named conftest: not importable here)


def build(tmp: Path, hq_url: str, households: int = 30) -> World:
    """HQ at ``hq_url`` (an empty migrated PostgreSQL database) + D01 (worker) + D02 (worker2)."""
    usb = tmp / "usb"
    usb.mkdir(parents=True)
    hq = open_database(hq_url)
    create_demo(hq, households=households, seed=5)
    enrollment.init_hq(hq, HQ_PASSWORD)
    hq_pair = identity.unlock(hq, HQ_PASSWORD)
    admin = users.login(hq, "hq", "hq123456", device="HQ")
    users.create_user(hq, admin, "worker2", "worker2pw", Role.FIELD_WORKER, "李敏")
    with hq.uow(admin) as uow:  # worker2 gets the C sections
        for h in uow.session.scalars(select(Household).where(Household.section.in_(("C1", "C2")))):
            h.assigned_to = "worker2"
        uow.commit()
    devices = []
    for n, (user, password) in enumerate((("worker", "worker123"), ("worker2", "worker2pw")), 1):
        db = open_database(tmp / f"d{n}.sqlite3")
        enrollment.make_request(db, DEVICE_PASSWORD, f"笔记本{n}", usb / f"req{n}.json")
        code, response = enrollment.accept_request(hq, admin, hq_pair, usb / f"req{n}.json", usb)
        enrollment.import_response(db, DEVICE_PASSWORD, response)
        pair = identity.unlock(db, DEVICE_PASSWORD)
        import_assignment(db, pair, write_assignment(hq, admin, hq_pair, code, [user], usb))
        devices.append(Device(code, db, pair, users.login(db, user, password, device=code)))
    return World(hq, hq_pair, admin, devices, usb)


def close(world: World) -> None:
    for db in (world.hq, *(d.db for d in world.devices)):
        db.dispose()
