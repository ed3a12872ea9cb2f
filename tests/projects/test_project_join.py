"""A fresh laptop joins a real project: empty encrypted field database (its vault: the device slot only),
request, HQ's reply and assignment, then the worker's first login adds their slot with the device password."""

from __future__ import annotations

from pathlib import Path

import pytest
from project_helpers import KEY_PASSWORD
from sqlalchemy import func, select

from survey_app.core.domain.errors import ValidationError
from survey_app.core.domain.roles import Role
from survey_app.core.services import project_files, project_join, users
from survey_app.core.services.projects import project_info
from survey_app.core.storage.models import Household, Project

DEVICE_PASSWORD = "laptop-pass-7"


def hq_answers(hq_db, hq_admin, request: Path, usb: Path, worker: str = "zhang") -> tuple[Path, Path]:
    """What HQ does with a laptop's request: enrol it, make the worker, write the reply and assignment."""
    from survey_app.core.sync import enrollment, identity
    from survey_app.core.sync.assignments import write_assignment

    users.create_user(hq_db, hq_admin, worker, "worker-pass-1", Role.FIELD_WORKER, "张工")
    pair = identity.unlock(hq_db, KEY_PASSWORD)
    code, reply = enrollment.accept_request(hq_db, hq_admin, pair, request, usb)
    return reply, write_assignment(hq_db, hq_admin, pair, code, [worker], usb)


def test_fresh_laptop_joins_and_the_hq_user_logs_in(tmp_path: Path, hq_db, hq_admin) -> None:
    usb = tmp_path / "U盘"
    usb.mkdir()
    laptop = tmp_path / "laptop" / "field.sqlite3"
    started = project_join.start_join(laptop, device_name="调查组1号笔记本", device_code="d07",
                                      device_password=DEVICE_PASSWORD, request_dir=usb)
    assert started.request_file.parent == usb and started.request_file.name == "enroll-request-D07.json"
    assert len(started.fingerprint) == 16
    db = project_files.open_with_device_password(laptop, DEVICE_PASSWORD)
    try:
        with db.read() as s:  # empty: no demo, no project, nobody to log in
            assert s.scalar(select(func.count()).select_from(Project)) == 0
            assert s.scalar(select(func.count()).select_from(Household)) == 0
    finally:
        db.dispose()
    reply, assignment = hq_answers(hq_db, hq_admin, started.request_file, usb)
    with pytest.raises(Exception):  # noqa: B017 - the sealed keys refuse a wrong password
        project_join.finish_join(laptop, device_password="wrong-password", response=reply)
    done = project_join.finish_join(laptop, device_password=DEVICE_PASSWORD, response=reply,
                                    assignments=[assignment])
    assert done.device_code == "D01" and done.project_code == "FR2024" and done.users >= 1
    assert done.hq_fingerprint == project_info(hq_db).hq_fingerprint
    db, actor = project_files.add_user_with_device_password(laptop, "zhang", "worker-pass-1", DEVICE_PASSWORD)
    try:
        assert actor.role == Role.FIELD_WORKER
    finally:
        db.dispose()
    # a second finish (say, a later assignment) does not need the reply again
    again = project_join.finish_join(laptop, device_password=DEVICE_PASSWORD, response=reply, assignments=[])
    assert again.device_code == "D01"


def test_start_refuses_bad_input_and_existing_files(tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    laptop = tmp_path / "f.sqlite3"
    for kwargs, field in ((dict(device_name=""), "device_name"), (dict(device_password="short"), "password"),
                          (dict(device_password="worker123"), "password"), (dict(device_code="D 7"), "device_code"),
                          (dict(request_dir=tmp_path / "missing"), "request_dir")):
        args = {**dict(device_name="笔记本", device_password=DEVICE_PASSWORD, request_dir=usb), **kwargs}
        with pytest.raises(ValidationError) as info:
            project_join.start_join(laptop, **args)
        assert info.value.field == field
    assert not laptop.exists() and list(usb.iterdir()) == []
    laptop.write_bytes(b"keep")
    with pytest.raises(ValidationError, match="已存在"):
        project_join.start_join(laptop, device_name="笔记本", device_password=DEVICE_PASSWORD, request_dir=usb)
    assert laptop.read_bytes() == b"keep"
