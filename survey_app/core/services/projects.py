"""A real project (征收项目): created by HQ in a new database file, then edited until the first agreement.

``create_project`` makes a new database file (never over an existing one) holding the project row, this
machine as the HQ device with its sync keys (what ``survey-app sync init-hq`` does, same code) and the
first HQ administrator. A real project is vaulted from its first byte: ``_new_database`` makes the
encrypted database and its key vault ``<db>.vault`` (services/project_files.py) with the admin's key slot
(and a ``device`` slot when a device password is given); HQ's sync identity is the one sealed under the
vault's identity key, so HQ's sync work needs no password beyond the login. The admin is also the user
command-line calls act as when none is named (``default_cli_user``; the vault keeps the same hint, since
the CLI must choose a key slot before the database can be read).

``update_project`` changes the project's details. They are free until the first agreement exists; after
that a reason is required, and it is recorded as its own audit event next to the row's change (the unit
of work audits every row change anyway). The project code is fixed once made: it names every bundle
file and every laptop's enrolment. Field checks live in project_rules.py.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from survey_app.core.domain.errors import ValidationError
from survey_app.core.domain.roles import Permission, Role
from survey_app.core.domain.written import Written, done
from survey_app.core.services.project_rules import (
    Section,
    check_admin,
    check_dates,
    check_target,
    clean_code,
    clean_sections,
    clean_text,
)
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Agreement, Device, Project
from survey_app.core.storage.uow import Actor

__all__ = ["CreatedProject", "ProjectInfo", "Section", "create_project", "default_cli_user", "has_agreements",
           "project_info", "update_project"]

# The user CLI commands act as when none is named (the admin made by ``project create``): a local setting.
CLI_USER_SETTING = "cli.default_user"
EDITABLE = ("name", "city", "decision_no", "valuation_date", "signing_start", "signing_end", "cash_target_pct",
            "sections")
REASON_EVENT = "project_change_reason"


@dataclass(frozen=True)
class CreatedProject:
    path: Path
    code: str
    name: str
    admin_username: str
    fingerprint: str  # HQ's sync key fingerprint, to read out to laptops at enrolment


@dataclass(frozen=True)
class ProjectInfo(Written):
    id: str
    code: str
    name: str
    city: str
    decision_no: str
    valuation_date: dt.date | None
    signing_start: dt.date | None
    signing_end: dt.date | None
    cash_target_pct: Decimal | None
    sections: tuple[Section, ...]
    hq_fingerprint: str  # "" when this database has no HQ device keys (a demo, a laptop before enrolment)
    locked: bool  # an agreement exists: changes need a reason


def _new_database(path: Path, *, username: str = "", password: str = "", display_name: str = "",
                  device_password: str | None = None, device_code: str | None = None,
                  device_name: str = "") -> Database:
    """The ONE place a new project database file is made: encrypted, with its key vault, unlocked.

    HQ's project: ``username``/``password`` get the first user slot (and the user row), ``device_password``
    the optional ``device`` slot. A laptop's empty field database (no ``username``): only the ``device``
    slot, under ``device_password``, and the field device record ``device_code``/``device_name``."""
    from survey_app.core.services import project_files

    if username:
        db, _ = project_files.create_project_database(path, admin_username=username, admin_password=password,
                                                      device_password=device_password,
                                                      admin_display_name=display_name)
    else:
        db, _ = project_files.create_device_database(path, device_password=device_password or "",
                                                     device_code=device_code, device_name=device_name)
    return db


def _remove_database_files(path: Path) -> None:
    for p in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal", "-open", ".vault"))):
        try:
            p.unlink(missing_ok=True)
        except OSError:
            pass


def refuse_existing(path: Path) -> Path:
    """A new project never overwrites a file: raise unless ``path`` and its vault are free (and not a URL)."""
    if "://" in str(path):
        raise ValidationError("新项目只能建在本机文件中，请给出文件路径", "path")
    from survey_app.core.security.vault import vault_path

    path = Path(path).expanduser()
    for taken in (path, vault_path(path)):
        if taken.exists():
            raise ValidationError(f"文件已存在，不会覆盖：{taken}", "path")
    return path


def create_project(path: str | Path, *, name: str, code: str, city: str, decision_no: str = "",
                   valuation_date: dt.date | None = None, signing_start: dt.date | None = None,
                   signing_end: dt.date | None = None, cash_target_pct: Decimal | str | int | None = None,
                   sections: Any = (), admin_username: str = "admin", admin_password: str,
                   display_name: str = "", device_password: str | None = None) -> CreatedProject:
    """Create a new real project at ``path`` (refused if the file or its vault exists).

    Checks everything before the file is made (Chinese ``ValidationError`` naming the field). The database
    is encrypted; its keys open with the administrator's password (and ``device_password``, when given, as
    the recovery / device slot). HQ's sync keys are the vault-sealed device identity. On any failure the
    half-made files (database and vault) are removed. Returns where it is and HQ's key fingerprint."""
    from survey_app.core.security import vault
    from survey_app.core.sync.enrollment import HQ_DEVICE_CODE, init_hq

    fields = _clean_fields(dict(name=name, city=city, decision_no=decision_no, valuation_date=valuation_date,
                                signing_start=signing_start, signing_end=signing_end,
                                cash_target_pct=cash_target_pct, sections=sections))
    code = clean_code(code)
    admin_username = check_admin(admin_username, admin_password)
    display_name = clean_text(display_name, "显示姓名", "display_name", 128) or admin_username
    path = refuse_existing(Path(path))
    db = None
    try:  # the admin (user row and key slot) comes with the database
        db = _new_database(path, username=admin_username, password=admin_password,
                           device_password=device_password, display_name=display_name)
        public = init_hq(db)
        actor = Actor(username=admin_username, role=Role.HQ_ADMIN, device=HQ_DEVICE_CODE)
        with db.uow(actor) as uow:
            uow.session.add(Project(code=code, **_row_values(fields)))
            uow.record("project_create", "projects", "", {"code": code})
            uow.commit()
        db.set_setting(CLI_USER_SETTING, admin_username)
        vault.Vault.load(vault.vault_path(path)).set_default_user(admin_username)
    except BaseException:
        if db is not None:
            db.dispose()
        _remove_database_files(path)
        raise
    db.dispose()
    return CreatedProject(path, code, fields["name"], admin_username, public.fingerprint)


def _clean_fields(values: dict[str, Any]) -> dict[str, Any]:
    """Check and normalise the editable fields given (all of them, or the ones being changed)."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key == "name":
            out[key] = clean_text(value, "项目名称", "name", 128, required=True)
        elif key == "city":
            out[key] = clean_text(value, "城市", "city", 64, required=True)
        elif key == "decision_no":
            out[key] = clean_text(value, "征收决定文号", "decision_no", 128)
        elif key in ("valuation_date", "signing_start", "signing_end"):
            if value is not None and not isinstance(value, dt.date):
                raise ValidationError("日期格式不对", key)
            out[key] = value
        elif key == "cash_target_pct":
            out[key] = check_target(value)
        elif key == "sections":
            out[key] = clean_sections(value)
        else:
            raise ValidationError(f"项目没有可修改的字段“{key}”", key)
    if {"valuation_date", "signing_start", "signing_end"} <= out.keys():
        check_dates(out["valuation_date"], out["signing_start"], out["signing_end"])
    return out


def _row_values(fields: dict[str, Any]) -> dict[str, Any]:
    row = dict(fields)
    if "sections" in row:
        row["sections"] = json.dumps([{"code": s.code, "name": s.name} for s in row["sections"]], ensure_ascii=False)
    return row


def _sections_of(text: str) -> tuple[Section, ...]:
    try:
        items = json.loads(text or "[]")
        return tuple(Section(str(i.get("code", "")), str(i.get("name", ""))) for i in items if isinstance(i, dict))
    except (ValueError, TypeError, AttributeError):
        return ()


def has_agreements(db: Database) -> bool:
    """True once any agreement has been issued (voided ones included: people saw those terms)."""
    with db.read() as s:
        return bool(s.scalar(select(func.count()).select_from(Agreement)))


def project_info(db: Database) -> ProjectInfo | None:
    """The project's details, HQ's key fingerprint and whether changes now need a reason (None: no project)."""
    from survey_app.core.sync.keys import PublicKeys

    with db.read() as s:
        p = s.scalar(select(Project).where(Project.deleted_at.is_(None)).order_by(Project.created_at).limit(1))
        if p is None:
            return None
        hq = s.scalar(select(Device).where(Device.kind == "hq", Device.deleted_at.is_(None)).limit(1))
    fingerprint = ""
    if hq is not None and hq.sync_signing_key and hq.encryption_public_key:
        fingerprint = PublicKeys(hq.sync_signing_key, hq.encryption_public_key).fingerprint
    return ProjectInfo(p.id.hex, p.code, p.name, p.city, p.decision_no, p.valuation_date, p.signing_start,
                       p.signing_end, p.cash_target_pct, _sections_of(p.sections), fingerprint, has_agreements(db))


def update_project(db: Database, actor: Actor, *, reason: str = "", **fields: Any) -> ProjectInfo:
    """Change the project's details (HQ admin). After the first agreement ``reason`` is required; it is
    audited as its own event with the names of the fields changed. Unchanged values are not written.
    The ProjectInfo returned carries the commit's ChangeSet on ``.changes`` (None: nothing changed)."""
    actor.require(Permission.MANAGE_PROJECT)
    unknown = set(fields) - set(EDITABLE)
    if "code" in unknown:
        raise ValidationError("项目编号建立后不能修改（它出现在每个同步包和设备登记中）", "code")
    if unknown:
        raise ValidationError(f"项目没有可修改的字段“{sorted(unknown)[0]}”", sorted(unknown)[0])
    reason = (reason or "").strip()
    with db.uow(actor) as uow:
        p = uow.session.scalar(select(Project).where(Project.deleted_at.is_(None))
                               .order_by(Project.created_at).limit(1))
        if p is None:
            raise ValidationError("数据库中还没有项目")
        current = {k: getattr(p, k) for k in ("valuation_date", "signing_start", "signing_end")}
        cleaned = _clean_fields({**current, **fields})
        changed = {k: v for k, v in _row_values(cleaned).items() if k in fields and getattr(p, k) != v}
        if not changed:
            return project_info(db)
        if not reason and has_agreements(db):
            raise ValidationError("已有协议签订，修改项目信息必须填写原因", "reason")
        if len(reason) > 500:
            raise ValidationError("原因最多500个字", "reason")
        for key, value in changed.items():
            setattr(p, key, value)
        if reason:
            uow.record(REASON_EVENT, "projects", p.id.hex, {"reason": reason, "fields": sorted(changed)})
        changes = uow.commit()
    return done(project_info(db), changes)


def default_cli_user(db: Database, fallback: str = "hq") -> str:
    """Who CLI commands act as when no ``--login`` is given: the admin ``project create`` made, else ``fallback``."""
    return db.setting(CLI_USER_SETTING) or fallback
