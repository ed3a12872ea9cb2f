"""新增住户: households found door to door that are not on HQ's register, and HQ confirming them.

A field worker adds one (户主姓名, 地址, 地块, phone…) on the laptop; it is created 待调查, assigned to
that worker, with ``origin = "field"`` so everyone sees it is not on the register yet. It travels to
HQ in the next sync bundle (sync/rights.py accepts households a device added itself); an HQ admin
checks it against the district's records and confirms it (``origin = "confirmed"``), which flows
back down in the next assignment bundle. The household's code, 地块, assignment and origin are HQ's
fields once HQ has the record, so the code is made unique here, on the device, and never changed.
Every write goes through the unit of work (audited).
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from sqlalchemy import Integer, func, literal_column, select

from survey_app.core.domain.errors import NotFound, PermissionDenied, ValidationError
from survey_app.core.domain.roles import Permission
from survey_app.core.domain.statuses import HouseholdStatus, Relation
from survey_app.core.domain.validation import validate_mobile
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Household, Member, Project
from survey_app.core.storage.uow import Actor, ChangeSet

ROSTER, FIELD, CONFIRMED = "roster", "field", "confirmed"
_CODE_SAFE = re.compile(r"[^A-Za-z0-9]")


@dataclass(frozen=True)
class NewHousehold:
    """What the worker types at the door; the rest of the survey is entered in the editor afterwards."""

    head_name: str
    address: str
    section: str = ""
    phone: str = ""
    notes: str = ""


def _code(session, project_id: uuid.UUID, section: str, device: str) -> str:  # noqa: ANN001
    # "<地块>-X<device>-<n>": X marks "not on the register"; the device part keeps two laptops
    # adding households offline on the same day from ever choosing the same code.
    prefix = f"{_CODE_SAFE.sub('', section) or 'X'}-X{_CODE_SAFE.sub('', device) or '0'}-"
    taken = set(session.scalars(select(Household.household_code).where(
        Household.project_id == project_id, Household.household_code.like(f"{prefix}%"))))
    n = len(taken) + 1
    while f"{prefix}{n:03d}" in taken:
        n += 1
    return f"{prefix}{n:03d}"


def add_field_household(db: Database, actor: Actor, new: NewHousehold) -> tuple[str, ChangeSet]:
    """Create a household found in the field (待调查, assigned to ``actor``); returns (hex id, changes)."""
    actor.require(Permission.EDIT_SURVEY)
    head, address = new.head_name.strip(), new.address.strip()
    problems = [text for ok, text in ((head, "户主姓名不能为空"), (address, "地址不能为空")) if not ok]
    if problems:
        raise ValidationError("；".join(problems), "head_name" if not head else "address")
    phone = validate_mobile(new.phone) if new.phone.strip() else ""
    with db.uow(actor) as uow:
        s = uow.session
        project_id = s.scalar(select(Project.id).order_by(Project.created_at).limit(1))
        if project_id is None:
            raise NotFound("还没有项目，不能新增住户")
        section = new.section.strip()
        h = Household(id=uuid.uuid4(), project_id=project_id, household_code=_code(s, project_id, section, actor.device),
                      status=HouseholdStatus.PENDING.value, head_name=head, phone=phone, address=address,
                      section=section, assigned_to=actor.username, notes=new.notes.strip(), origin=FIELD)
        s.add(h)
        s.add(Member(id=uuid.uuid4(), household_id=h.id, sort_order=0, name=head, relation=Relation.HEAD.value,
                     phone=phone))
        return h.id.hex, uow.commit()


def confirm(db: Database, actor: Actor, household_id: str | uuid.UUID) -> ChangeSet:
    """HQ confirms a household found in the field is real and belongs to the project (field → confirmed)."""
    if actor.role.value != "hq_admin":
        raise PermissionDenied("只有指挥部管理员可以确认新增住户")
    hid = household_id if isinstance(household_id, uuid.UUID) else uuid.UUID(str(household_id))
    with db.uow(actor) as uow:
        h = uow.session.get(Household, hid)
        if h is None or h.deleted_at is not None:
            raise NotFound("该住户不存在或已删除")
        if h.origin != FIELD:
            raise ValidationError(f"户 {h.household_code} 不是待确认的新增住户")
        h.origin = CONFIRMED
        return uow.commit()


def origin_of(db: Database, household_id: str | uuid.UUID) -> str:
    """The household's origin code (roster | field | confirmed)."""
    hid = household_id if isinstance(household_id, uuid.UUID) else uuid.UUID(str(household_id))
    with db.read() as s:
        return s.scalar(select(Household.origin).where(Household.id == hid)) or ROSTER


def field_ids(db: Database) -> set[str]:
    """Hex ids of live households still waiting for HQ to confirm them (few: the list marks them)."""
    with db.read() as s:
        return {i.hex for i in s.scalars(select(Household.id).where(
            Household.origin == FIELD, Household.deleted_at.is_(None)))}


def count_unconfirmed(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Household).where(
            Household.origin == FIELD, Household.deleted_at.is_(None))) or 0)


def origins_by_key(db: Database, keys: list[int]) -> dict[int, str]:
    """Origin of the listed households that are not plain roster ones, by list key (rowid).

    Asked per block of rows the list fetches, so marking 新增 costs nothing that grows with the project.
    """
    if not keys:
        return {}
    rowkey = literal_column("households.rowid", Integer)
    stmt = select(rowkey, Household.origin).where(rowkey.in_(list(keys)), Household.origin != ROSTER)
    with db.engine.connect() as conn:
        return {int(k): o for k, o in conn.execute(stmt)}
