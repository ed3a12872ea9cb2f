"""A small sync world for tests: HQ with the demo project and two enrolled field devices."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from survey_app.core.domain.roles import Role
from survey_app.core.services import users
from survey_app.core.services.demo import create_demo
from survey_app.core.services.startup import open_database
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Household
from survey_app.core.storage.uow import Actor
from survey_app.core.sync import enrollment, identity, keys
from survey_app.core.sync.assignments import import_assignment, write_assignment

HQ_PASSWORD = "hq-secret-123"
DEVICE_PASSWORD = "dev-secret-123"


@dataclass
class Device:
    code: str
    db: Database
    pair: keys.KeyPair
    actor: Actor


@dataclass
class World:
    hq: Database
    hq_pair: keys.KeyPair
    admin: Actor
    devices: list[Device]
    usb: Path


_TEMPLATES: dict[tuple[int, bool], tuple[Path, World]] = {}


def build(tmp: Path, households: int = 30, shared: bool = False, fresh: bool = False) -> World:
    """HQ + D01 (worker) + D02 (worker2, or worker too when ``shared``), assignments imported.

    Building one costs ~2 s (demo data, three scrypt-sealed key pairs, enrollment, assignments), so each
    test process builds each kind once and every test gets a copy of its three database files, with the
    same (already unlocked) keys. ``fresh``: a world of its own, with its own HQ and keys."""
    if fresh:
        return _build(tmp, households, shared)
    key = (households, shared)
    if key not in _TEMPLATES:
        folder = Path(tempfile.mkdtemp(prefix="sync_world_"))
        atexit.register(shutil.rmtree, folder, True)
        template = _build(folder, households, shared)
        for db in (template.hq, *(d.db for d in template.devices)):
            db.dispose()  # checkpoints each WAL into its file: three self-contained files to copy
        _TEMPLATES[key] = (folder, template)
    folder, template = _TEMPLATES[key]
    tmp.mkdir(parents=True, exist_ok=True)
    (tmp / "usb").mkdir()
    for name in ("hq.sqlite3", "d1.sqlite3", "d2.sqlite3"):
        shutil.copyfile(folder / name, tmp / name)
    devices = [Device(d.code, open_database(tmp / f"d{n}.sqlite3"), d.pair, d.actor)
               for n, d in enumerate(template.devices, 1)]
    return World(open_database(tmp / "hq.sqlite3"), template.hq_pair, template.admin, devices, tmp / "usb")


def _build(tmp: Path, households: int, shared: bool) -> World:
    usb = tmp / "usb"
    usb.mkdir(parents=True)
    hq = open_database(tmp / "hq.sqlite3")
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
    for n, user in enumerate(("worker", "worker" if shared else "worker2"), 1):
        db = open_database(tmp / f"d{n}.sqlite3")
        enrollment.make_request(db, DEVICE_PASSWORD, f"笔记本{n}", usb / f"req{n}.json")
        code, response = enrollment.accept_request(hq, admin, hq_pair, usb / f"req{n}.json", usb)
        enrollment.import_response(db, DEVICE_PASSWORD, response)
        pair = identity.unlock(db, DEVICE_PASSWORD)
        import_assignment(db, pair, write_assignment(hq, admin, hq_pair, code, [user], usb))
        password = "worker123" if user == "worker" else "worker2pw"
        devices.append(Device(code, db, pair, users.login(db, user, password, device=code)))
    return World(hq, hq_pair, admin, devices, usb)


def audit_count(db: Database) -> int:
    with db.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT count(*) FROM audit_events").scalar()
