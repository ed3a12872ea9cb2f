"""A fresh laptop joins a project (加入项目), in two sittings, with no demo data and no CLI step.

1. ``start_join``: a new, empty, encrypted field database (made by projects._new_database, never over an
   existing file) whose key vault has only the ``device`` slot, opened by the device password; this
   laptop's device record; its sync identity sealed under the vault; and the enrolment request written
   to the USB folder (core/sync/enrollment.py, as the 同步 page does).
2. ``finish_join`` (days later, after HQ accepted it): the device password opens the vault again, then
   HQ's enrolment reply and the assignment bundle(s) HQ wrote for this laptop (core/sync/assignments.py):
   the project, its policy, the accounts HQ made and the households assigned arrive. Only then can anyone
   log in — each user's first login adds their key slot with the device password
   (project_files.add_user_with_device_password) — so the start window keeps the database "pending"
   until an active user exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from survey_app.core.domain.errors import ValidationError
from survey_app.core.services.project_rules import ADMIN_MIN_LENGTH, DEMO_PASSWORDS
from survey_app.core.services.projects import _new_database, _remove_database_files, refuse_existing
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Project, User

DEVICE_CODE_RE = re.compile(r"^[A-Z0-9][A-Z0-9_-]{0,15}$")


@dataclass(frozen=True)
class JoinStarted:
    path: Path  # the laptop's new database
    request_file: Path  # on the USB stick, for HQ
    fingerprint: str  # this laptop's key fingerprint, to read out to HQ


@dataclass(frozen=True)
class JoinFinished:
    device_code: str  # given by HQ
    hq_fingerprint: str  # to compare with the one HQ reads out
    project_code: str
    project_name: str
    users: int  # active accounts on this laptop now
    records: int  # records the assignment bundles brought (households, members, …)


def _check_password(password: str) -> None:
    if len(password or "") < ADMIN_MIN_LENGTH:
        raise ValidationError(f"设备密码至少{ADMIN_MIN_LENGTH}位", "password")
    if password in DEMO_PASSWORDS:
        raise ValidationError("不能使用演示项目的密码，请另设一个密码", "password")


def clean_device_code(code: str) -> str:
    text = (code or "").strip().upper()
    if text and not DEVICE_CODE_RE.match(text):
        raise ValidationError("设备代码只能用英文字母、数字、“-”和“_”，最多16位，如 D07", "device_code")
    return text


def start_join(path: Path, *, device_name: str, device_password: str, request_dir: Path,
               device_code: str = "") -> JoinStarted:
    """Make the laptop's empty field database and write its enrolment request into ``request_dir``."""
    from survey_app.core.services.devices import local_device_code
    from survey_app.core.sync.enrollment import make_request

    name = " ".join((device_name or "").split())
    if not name:
        raise ValidationError("请填写设备名称", "device_name")
    if len(name) > 64:
        raise ValidationError("设备名称最多64个字", "device_name")
    code = clean_device_code(device_code)
    _check_password(device_password)
    request_dir = Path(request_dir)
    if not request_dir.is_dir():
        raise ValidationError(f"文件夹不存在：{request_dir}", "request_dir")
    path = refuse_existing(Path(path))
    db = None
    try:
        db = _new_database(path, device_password=device_password, device_code=code or None, device_name=name)
        out = _free_name(request_dir / f"enroll-request-{local_device_code(db)}.json")
        request = make_request(db, None, name, out)
    except BaseException:
        if db is not None:
            db.dispose()
        _remove_database_files(path)
        raise
    db.dispose()
    return JoinStarted(path, out, request.fingerprint)


def _free_name(path: Path) -> Path:
    n = 2
    candidate = path
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        n += 1
    return candidate


def _open_database(path: Path, device_password: str) -> Database:
    """Open the laptop's database for the reply: its key vault's device slot unlocks it. (A laptop
    database made before the vault, plain, opens as it is; its keys are sealed under the password.)"""
    from survey_app.core.services import project_files
    from survey_app.core.services.startup import open_database

    if project_files.is_real_project(path):
        return project_files.open_with_device_password(path, device_password)
    return open_database(path)


def finish_join(path: Path, *, device_password: str, response: Path,
                assignments: list[Path] | tuple = ()) -> JoinFinished:
    """Import HQ's enrolment reply and then the assignment bundles; returns what the laptop now holds.

    Each file is checked and imported whole or not at all (the sync services' rule); a wrong password
    (counted by the vault) or a foreign file is refused with their Chinese message."""
    from survey_app.core.sync import identity
    from survey_app.core.sync.assignments import import_assignment
    from survey_app.core.sync.enrollment import import_response

    path = Path(path)
    if not path.is_file():
        raise ValidationError(f"本机数据库不存在：{path}", "path")
    db = _open_database(path, device_password)
    try:
        if not db.setting(identity.HQ_KEYS):
            code, hq = import_response(db, device_password, Path(response))
        else:  # the reply was imported in an earlier try: only the assignments are left
            code, hq = db.setting("device_code"), identity.hq_public(db).fingerprint
        pair = identity.unlock(db, device_password)
        records = 0
        for bundle_path in assignments:
            records += import_assignment(db, pair, Path(bundle_path)).inserted
        with db.read() as s:
            project = s.scalar(select(Project).where(Project.deleted_at.is_(None)).limit(1))
            users = s.scalar(select(func.count()).select_from(User)
                             .where(User.active.is_(True), User.deleted_at.is_(None))) or 0
        return JoinFinished(code, hq, project.code if project else "", project.name if project else "", users,
                            records)
    finally:
        db.dispose()
