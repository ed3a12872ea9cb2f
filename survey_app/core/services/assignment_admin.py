"""HQ: who surveys which households, on which laptop (issue 12 item 6).

* ``assign`` gives households to a worker in bulk — by section (地块) or by a list of 户号 — and
  ``reassign`` moves a worker's households to another. Both preview first (``plan_*``): the same
  plan is what gets written, in one unit of work (every household row update is audited).
* Households with a signed agreement (status 已签约/已交房, or a signed agreement on record) stay with
  the worker they are assigned to. The agreement is immutable and was signed on that worker's laptop;
  reprints (副本), the handover and any grievance follow-up are that worker's, and moving the household
  would drop it from their laptop's roster while giving the new worker nothing to do.
* Only an active field worker or supervisor may receive households: never a disabled account or an
  HQ admin.
* Which workers use which laptop is the local setting ``sync.device_users.<code>`` (sync/rights.py reads
  it to decide what a laptop may write back). ``set_device_workers`` replaces it, audited; after an
  assignment, ``devices_for`` names the laptops whose bundles need exporting and ``export_bundles``
  writes them (sync/assignments.write_assignment).

Caution for reassignment: a laptop's unsent changes to households moved away from its workers are
refused at HQ (sync/rights.py), so import that laptop's latest bundle before reassigning.
No Qt here; the UI and the CLI call these.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select

from survey_app.core.domain.errors import ValidationError
from survey_app.core.domain.roles import Permission, Role
from survey_app.core.domain.statuses import HouseholdStatus
from survey_app.core.domain.written import Written, done
from survey_app.core.services.users import require_hq_machine
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Agreement, Device, Household, LocalSetting, User
from survey_app.core.storage.uow import Actor
from survey_app.core.sync import keys
from survey_app.core.sync.rights import DEVICE_USERS, device_users

SIGNED_STATUSES = (HouseholdStatus.SIGNED.value, HouseholdStatus.HANDED_OVER.value)
ASSIGNABLE_ROLES = (Role.FIELD_WORKER.value, Role.SUPERVISOR.value)


@dataclass
class Plan(Written):
    """What an assignment would do (and, once applied, did)."""

    to: str
    move: list[str] = field(default_factory=list)  # household codes that change worker
    already: list[str] = field(default_factory=list)  # already assigned to ``to``
    kept_signed: list[str] = field(default_factory=list)  # signed elsewhere: stay with their worker
    from_workers: Counter = field(default_factory=Counter)  # previous worker -> households moved away
    devices: list[str] = field(default_factory=list)  # laptops whose assignment bundle should be exported

    @property
    def count(self) -> int:
        return len(self.move)

    def summary(self) -> str:
        """One Chinese line for the CLI and the UI."""
        text = f"分派给 {self.to}：{len(self.move)} 户"
        if self.already:
            text += f"，{len(self.already)} 户原已是其负责"
        if self.kept_signed:
            text += f"，{len(self.kept_signed)} 户已签约保留原调查员"
        return text


def _split_codes(codes: Iterable[str] | str) -> list[str]:
    if isinstance(codes, str):
        codes = codes.replace("，", ",").replace("、", ",").replace("\n", ",").replace(" ", ",").split(",")
    out = []
    for c in codes:
        c = c.strip()
        if c and c not in out:
            out.append(c)
    return out


def _check_receiver(session, username: str) -> None:  # noqa: ANN001
    user = session.scalar(select(User).where(User.username == username, User.deleted_at.is_(None)))
    if user is None:
        raise ValidationError(f"没有用户“{username}”", "to")
    if not user.active:
        raise ValidationError(f"用户“{username}”已停用，不能分派住户", "to")
    if user.role not in ASSIGNABLE_ROLES:
        raise ValidationError(f"用户“{username}”是{Role(user.role).label}，住户只能分派给调查员或复核员",
                              "to")


def _signed(session, ids: list) -> set:  # noqa: ANN001
    """Ids (of ``ids``) holding a signed agreement on record, whatever their status says."""
    out: set = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        out |= set(session.scalars(select(Agreement.household_id).where(
            Agreement.household_id.in_(chunk), Agreement.status == "signed", Agreement.deleted_at.is_(None))))
    return out


def _select(session, *, sections: Iterable[str] = (), codes: Iterable[str] | str = (),  # noqa: ANN001, ANN202
            from_worker: str = ""):
    """The households chosen (not tombstoned), refusing unknown sections/codes (nothing is half done)."""
    sections, codes = [s.strip() for s in sections if s and s.strip()], _split_codes(codes)
    live = Household.deleted_at.is_(None)
    if from_worker:
        return list(session.scalars(select(Household).where(live, Household.assigned_to == from_worker)
                                    .order_by(Household.household_code)))
    if not sections and not codes:
        raise ValidationError("请选择地块或填写户号", "households")
    chosen: dict = {}
    if sections:
        rows = session.scalars(select(Household).where(live, Household.section.in_(sections))
                               .order_by(Household.household_code)).all()
        missing = sorted(set(sections) - {h.section for h in rows})
        if missing:
            raise ValidationError("没有这些地块的住户：" + "、".join(missing) + "。未分派任何住户", "section")
        chosen.update((h.id, h) for h in rows)
    if codes:
        rows = []
        for start in range(0, len(codes), 500):
            chunk = codes[start:start + 500]
            rows += session.scalars(select(Household).where(live, Household.household_code.in_(chunk)))
        missing = [c for c in codes if c not in {h.household_code for h in rows}]
        if missing:
            shown = "、".join(missing[:10]) + ("……" if len(missing) > 10 else "")
            raise ValidationError(f"没有这些户号（共 {len(missing)} 个）：{shown}。未分派任何住户",
                                  "households")
        chosen.update((h.id, h) for h in rows)
    return sorted(chosen.values(), key=lambda h: h.household_code)


def _plan(session, to: str, households: list) -> Plan:  # noqa: ANN001
    _check_receiver(session, to)
    plan = Plan(to)
    signed = _signed(session, [h.id for h in households])
    for h in households:
        if h.assigned_to == to:
            plan.already.append(h.household_code)
        elif h.assigned_to and (h.status in SIGNED_STATUSES or h.id in signed):
            plan.kept_signed.append(h.household_code)
        else:
            plan.move.append(h.household_code)
            if h.assigned_to:
                plan.from_workers[h.assigned_to] += 1
    return plan


def _apply(db: Database, actor: Actor, to: str, select_args: dict, detail: dict) -> Plan:
    """Choose, plan and write in one unit of work (the plan shown is recomputed here, on current rows).
    The plan returned carries the commit's ChangeSet on ``.changes``."""
    actor.require(Permission.ASSIGN_HOUSEHOLDS)
    require_hq_machine(db)
    with db.uow(actor) as uow:
        households = _select(uow.session, **select_args)
        plan = _plan(uow.session, to, households)
        moving = set(plan.move)
        for h in households:
            if h.household_code in moving:
                h.assigned_to = to
        if plan.move:
            uow.record("assign", "households", "", {**detail, "to": to, "count": len(plan.move),
                                                     "from": dict(plan.from_workers)})
        changes = uow.commit()
    plan.devices = devices_for(db, [to, *plan.from_workers])
    return done(plan, changes)


def plan_assign(db: Database, to: str, *, sections: Iterable[str] = (), codes: Iterable[str] | str = ()) -> Plan:
    """Preview ``assign`` (nothing written)."""
    with db.read() as s:
        return _plan(s, to, _select(s, sections=sections, codes=codes))


def assign(db: Database, actor: Actor, to: str, *, sections: Iterable[str] = (),
           codes: Iterable[str] | str = ()) -> Plan:
    """Assign the households of ``sections`` and/or the 户号 ``codes`` to ``to`` (HQ admin only)."""
    sections = list(sections)
    detail = {"sections": sections} if sections else {"by": "codes"}
    return _apply(db, actor, to, {"sections": sections, "codes": codes}, detail)


def plan_reassign(db: Database, from_worker: str, to: str) -> Plan:
    """Preview ``reassign`` (nothing written)."""
    if from_worker == to:
        raise ValidationError("转出和转入的调查员是同一人", "to")
    with db.read() as s:
        return _plan(s, to, _select(s, from_worker=from_worker))


def reassign(db: Database, actor: Actor, from_worker: str, to: str) -> Plan:
    """Move every household of ``from_worker`` to ``to``, except those with a signed agreement."""
    if from_worker == to:
        raise ValidationError("转出和转入的调查员是同一人", "to")
    return _apply(db, actor, to, {"from_worker": from_worker}, {"reassign_from": from_worker})


def sections(db: Database) -> list[tuple[str, int]]:
    """Every section (地块) with households, and how many (for the picker)."""
    with db.read() as s:
        return [(sec, n) for sec, n in s.execute(select(Household.section, func.count()).where(
            Household.deleted_at.is_(None)).group_by(Household.section).order_by(Household.section)).all()]


def assignable_workers(db: Database) -> list[str]:
    """Active field workers and supervisors: who may receive households."""
    with db.read() as s:
        return list(s.scalars(select(User.username).where(
            User.active.is_(True), User.deleted_at.is_(None), User.role.in_(ASSIGNABLE_ROLES)).order_by(User.username)))


# --- laptops ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Laptop:
    code: str
    name: str
    enrolled: bool  # has sync keys: an assignment bundle can be written for it
    revoked: bool
    workers: tuple[str, ...]


def laptops(db: Database) -> list[Laptop]:
    """The project's field devices with the workers set to use each."""
    with db.read() as s:
        rows = s.execute(select(Device.code, Device.name, Device.sync_signing_key, Device.revoked_at).where(
            Device.kind == "field", Device.deleted_at.is_(None)).order_by(Device.code)).all()
    with db.engine.connect() as conn:
        return [Laptop(c, n, bool(k), r is not None, tuple(device_users(conn, c))) for c, n, k, r in rows]


def devices_for(db: Database, usernames: Iterable[str]) -> list[str]:
    """Laptops (not revoked) that any of ``usernames`` works on."""
    wanted = set(usernames)
    return [d.code for d in laptops(db) if not d.revoked and wanted & set(d.workers)]


def set_device_workers(db: Database, actor: Actor, code: str, usernames: Iterable[str]) -> list[str]:
    """Set which workers use laptop ``code`` (replacing the list; audited). Returns the sorted list."""
    actor.require(Permission.ASSIGN_HOUSEHOLDS)
    require_hq_machine(db)
    names = sorted(set(_split_codes(list(usernames))))
    with db.uow(actor) as uow:
        device = uow.session.scalar(select(Device).where(Device.code == code, Device.deleted_at.is_(None)))
        if device is None or device.kind != "field":
            raise ValidationError(f"没有调查笔记本 {code}", "device")
        if device.revoked_at is not None:
            raise ValidationError(f"设备 {code} 已停用（吊销），不能再指定调查员", "device")
        for name in names:
            _check_receiver(uow.session, name)
        key = DEVICE_USERS + code
        setting = uow.session.get(LocalSetting, key)
        if setting is None:
            uow.session.add(LocalSetting(key=key, value=json.dumps(names, ensure_ascii=False)))
        else:
            setting.value = json.dumps(names, ensure_ascii=False)
        uow.record("device_users", "devices", device.id.hex, {"device": code, "users": names})
        uow.commit()
    return names


def export_bundles(db: Database, actor: Actor, pair: keys.KeyPair, codes: Iterable[str], out_dir: Path, *,
                   progress: Callable[[int, int, str], None] | None = None,
                   cancel: Callable[[], bool] | None = None) -> list[Path]:
    """Write the assignment bundle of each laptop in ``codes`` (with the workers set for it) to ``out_dir``.
    A laptop with no worker set is refused before anything is written. Stops between files on cancel."""
    from survey_app.core.sync.assignments import write_assignment

    actor.require(Permission.ASSIGN_HOUSEHOLDS)
    by_code = {d.code: d for d in laptops(db)}
    codes = list(dict.fromkeys(codes))
    for code in codes:
        laptop = by_code.get(code)
        if laptop is None or not laptop.enrolled:
            raise ValidationError(f"设备 {code} 未登记，不能写出任务包", "device")
        if laptop.revoked:
            raise ValidationError(f"设备 {code} 已停用（吊销），不能写出任务包", "device")
        if not laptop.workers:
            raise ValidationError(f"设备 {code} 还没有指定调查员，请先指定再写出任务包", "device")
    out = []
    for n, code in enumerate(codes):
        if cancel is not None and cancel():
            break
        if progress is not None:
            progress(n, len(codes), code)
        out.append(write_assignment(db, actor, pair, code, list(by_code[code].workers), Path(out_dir)))
    if progress is not None:
        progress(len(codes), len(codes), "")
    return out
