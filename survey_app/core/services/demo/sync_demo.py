"""A ready-made sync world to try the USB flow at once: HQ and two enrolled field laptops.

    folder/hq.sqlite3   HQ, the demo project, HQ keys
    folder/d01.sqlite3  laptop D01 (worker), households of sections A1–B2 assigned
    folder/d02.sqlite3  laptop D02 (worker2), sections C1–C2
    folder/usb/         the "stick": enrollment and assignment files already used
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from survey_app.core.domain.errors import ValidationError
from survey_app.core.domain.roles import Role
from survey_app.core.services import users
from survey_app.core.services.demo.project import create_demo
from survey_app.core.services.startup import open_database
from survey_app.core.storage.models import Household

HQ_KEY_PASSWORD = "hq-demo-2023"
DEVICE_KEY_PASSWORD = "field-demo-2023"
SECOND_WORKER = ("worker2", "worker2pw", "李敏")


@dataclass(frozen=True)
class SyncDemo:
    hq: Path
    devices: dict[str, Path]
    usb: Path


def create_sync_demo(folder: Path, *, households: int = 300, seed: int = 1) -> SyncDemo:
    from survey_app.core.sync import enrollment, identity
    from survey_app.core.sync.assignments import import_assignment, write_assignment

    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise ValidationError(f"目录不是空的：{folder}")
    usb = folder / "usb"
    usb.mkdir(parents=True)
    hq = open_database(folder / "hq.sqlite3")
    create_demo(hq, households=households, seed=seed)
    enrollment.init_hq(hq, HQ_KEY_PASSWORD)
    hq_pair = identity.unlock(hq, HQ_KEY_PASSWORD)
    admin = users.login(hq, "hq", "hq123456", device="HQ")
    name, password, display = SECOND_WORKER
    users.create_user(hq, admin, name, password, Role.FIELD_WORKER, display)
    with hq.uow(admin) as uow:
        for h in uow.session.scalars(select(Household).where(Household.section.in_(("C1", "C2")))):
            h.assigned_to = name
        uow.commit()
    devices = {}
    for n, user in enumerate(("worker", name), 1):
        path = folder / f"d{n:02d}.sqlite3"
        db = open_database(path)
        request = usb / f"enroll-request-{n:02d}.json"
        enrollment.make_request(db, DEVICE_KEY_PASSWORD, f"调查组{n}号笔记本", request)
        code, response = enrollment.accept_request(hq, admin, hq_pair, request, usb)
        enrollment.import_response(db, DEVICE_KEY_PASSWORD, response)
        import_assignment(db, identity.unlock(db, DEVICE_KEY_PASSWORD),
                          write_assignment(hq, admin, hq_pair, code, [user], usb))
        devices[code] = path
        db.dispose()
    hq.dispose()
    (folder / "README.txt").write_text(
        "同步演示 / sync demo\n"
        f"指挥部密钥密码 HQ key password: {HQ_KEY_PASSWORD}\n"
        f"设备密钥密码 device key password: {DEVICE_KEY_PASSWORD}\n"
        "登录 logins: hq/hq123456 (hq.sqlite3), worker/worker123 (d01), worker2/worker2pw (d02)\n"
        "见 docs/sync.md / see docs/sync.md\n", encoding="utf-8", newline="\n")  # LF on every system
    return SyncDemo(folder / "hq.sqlite3", devices, usb)
