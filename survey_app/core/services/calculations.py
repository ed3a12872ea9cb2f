"""Calculations (测算) stored with their lines: compute every option for a household, keep them.

A calculation is never edited. Recalculating marks the household's previous calculations
superseded (audited like any change) and stores new ones that point back to what they
supersede. A survey change after a calculation marks it stale (survey_app/core/storage/staleness.py).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from survey_app.core.compensation.calculation import Calculation as Result
from survey_app.core.compensation.engine import compute_all
from survey_app.core.compensation.options import in_order
from survey_app.core.compensation.policy import Policy, parse_policy
from survey_app.core.domain import transitions
from survey_app.core.domain.errors import NotFound, ValidationError
from survey_app.core.domain.ids import new_id
from survey_app.core.domain.roles import Permission
from survey_app.core.domain.written import WrittenList
from survey_app.core.services import calc_errors
from survey_app.core.services.household_access import require_own
from survey_app.core.services.survey import readiness, store
from survey_app.core.services.survey.checks import check
from survey_app.core.storage.bulk import SessionInserts

# How stored survey records become the engine's input lives in storage (sync's re-derivation reads it too).
from survey_app.core.storage.calc_inputs import (  # noqa: F401
    DOCUMENT_KEY,
    LiveRows,
    document_snapshot,
    engine_inputs,
    household_input,
    stored_document_snapshot,
)
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Calculation, CalculationLine, Household, PolicyVersion
from survey_app.core.storage.types import utcnow
from survey_app.core.storage.uow import Actor, ChangeSet

_CALCULATIONS, _LINES = Calculation.__table__, CalculationLine.__table__


@lru_cache(maxsize=16)
def policy_from_text(text: str, content_hash: str) -> Policy:
    """Parse a stored policy version once; refuses a text whose hash is not the recorded one."""
    return parse_policy(text, "补偿方案", expected_hash=content_hash)


_PUBLISHED = select(PolicyVersion).where(  # built once: the statement and its cache key cost more than the read
    PolicyVersion.project_id == bindparam("project"), PolicyVersion.status == "published",
    PolicyVersion.deleted_at.is_(None)).order_by(PolicyVersion.published_at.desc()).limit(1)


def current_policy(session: Session, project_id: uuid.UUID) -> tuple[PolicyVersion, Policy]:
    """The project's newest published policy version."""
    pv = session.scalars(_PUBLISHED, {"project": project_id}).first()
    if pv is None:
        raise ValidationError("本项目还没有已发布的补偿方案，无法测算")
    return pv, policy_from_text(pv.content, pv.content_hash)


@dataclass(frozen=True)
class StoredOption:
    """One stored option, as the UI and documents use it."""

    id: str
    option_key: str
    status: str
    result: Result


def calculate(db: Database, actor: Actor, household_id: uuid.UUID | str) -> WrittenList[StoredOption]:
    """Compute every option the current policy allows for a household and store them.

    The household's earlier calculations become ``superseded``. Returns the new options in the
    engine's order (cash, each exchange flat choice, voucher), with the commit's ChangeSet on ``.changes``.
    """
    actor.require(Permission.CALCULATE)
    hid = household_id if isinstance(household_id, uuid.UUID) else uuid.UUID(str(household_id))
    with db.uow(actor) as uow:
        stored = _calculate_in(uow.session, actor, hid)
        return WrittenList(stored, uow.commit())


def calculate_many(db: Database, actor: Actor, household_ids: list[uuid.UUID], *, choose: bool = False,
                   progress: Callable[[int, int, str], None] | None = None) -> int:
    """Calculate many households in one unit of work (demo set-up, HQ batch recalculation).
    With ``choose``, each household's stated or preferred mode becomes its chosen option."""
    actor.require(Permission.CALCULATE)
    with db.uow(actor) as uow:
        policies: dict[uuid.UUID, tuple[PolicyVersion, Policy]] = {}  # per project: no publishing meanwhile
        for n, hid in enumerate(household_ids, 1):
            stored = _calculate_in(uow.session, actor, hid, policies)
            if choose and stored:
                h = uow.session.get(Household, hid)
                wanted = h.chosen_mode or h.preferred_mode or "cash"
                pick = next((o for o in stored if o.result.mode == wanted), stored[0])
                h.chosen_mode, h.chosen_option = pick.result.mode, pick.option_key
            if progress and n % 20 == 0:
                progress(n, len(household_ids), "测算")
        uow.commit()
    return len(household_ids)


def _calculate_in(s: Session, actor: Actor, hid: uuid.UUID,
                  policies: dict[uuid.UUID, tuple[PolicyVersion, Policy]] | None = None) -> list[StoredOption]:
    """Calculate and store one household in the caller's unit of work (``policies``: the current policy of
    each project, kept across the households of one unit of work)."""
    h = s.get(Household, hid)
    if h is None or h.deleted_at is not None:
        raise NotFound("该住户不存在或已删除")
    require_own(s, actor, h)
    if policies is None:
        pv, policy = current_policy(s, h.project_id)
    elif (pv_policy := policies.get(h.project_id)) is not None:
        pv, policy = pv_policy
    else:
        pv, policy = policies[h.project_id] = current_policy(s, h.project_id)
    # What the policy needs is checked first, so the worker gets every missing item at once, in the
    # survey's words; the engine's own refusals (should any remain) are translated the same way.
    rows = LiveRows(s, hid)  # the household's survey rows, read once for the form, the input and the snapshot
    form = store.form_of(s, h, rows)
    problems = check(form) + readiness.missing(form, policy)
    if problems:
        raise readiness.SurveyIncomplete(problems, f"户 {h.household_code} 的调查还不完整，无法测算，请先补全：")
    try:
        inputs = household_input(s, h, rows=rows)
        results = compute_all(policy, inputs)
    except ValidationError as exc:
        raise calc_errors.in_chinese(exc, h.household_code) from None
    previous = {c.option_key: c for c in s.scalars(select(Calculation).where(
        Calculation.household_id == hid, Calculation.status.in_(("current", "stale"))))}
    for old in previous.values():
        old.status = "superseded"
    s.flush()  # their update events precede the new rows' (the order the chain has always had)
    snapshot = {**inputs.to_dict(), DOCUMENT_KEY: document_snapshot(s, h, rows)}
    inputs_json = json.dumps(snapshot, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    now = utcnow()
    # Rows written without ORM objects (storage/bulk.py): the same rows, audit events and ChangeSet as
    # Calculation/CalculationLine objects flushed one option at a time, ids made in the same order.
    new_rows = SessionInserts(s)
    stored = []
    for r in results:
        cid = new_id()
        new_rows.add(_CALCULATIONS, dict(
            id=cid, household_id=hid, policy_version_id=pv.id, policy_hash=policy.hash, mode=r.mode,
            option_key=r.option_key, inputs_json=inputs_json, result_json=r.to_canonical_json(),
            total=r.total, net=r.net, status="current", computed_at=now, computed_by=actor.username,
            supersedes_id=previous[r.option_key].id if r.option_key in previous else None))
        for n, line in enumerate(r.lines, 1):
            new_rows.add(_LINES, dict(id=new_id(), calculation_id=cid, line_no=n, item_code=line.code,
                                      label=line.label, formula=line.formula, amount=line.amount))
        stored.append(StoredOption(cid.hex, r.option_key, "current", r))
    new_rows.write()
    return stored


def options(db: Database, household_id: uuid.UUID | str) -> list[StoredOption]:
    """The household's latest calculations (current or stale), in the one order of options."""
    hid = household_id if isinstance(household_id, uuid.UUID) else uuid.UUID(str(household_id))
    with db.read() as s:
        rows = s.scalars(select(Calculation).where(
            Calculation.household_id == hid, Calculation.status.in_(("current", "stale")),
            Calculation.deleted_at.is_(None)).order_by(Calculation.id)).all()
        stored = [StoredOption(c.id.hex, c.option_key, c.status, Result.from_json(c.result_json)) for c in rows]
        return in_order(stored, lambda o: o.result)  # the one order of options (compensation/options.py)


def choose_option(db: Database, actor: Actor, household_id: uuid.UUID | str, option_key: str) -> ChangeSet:
    """Record the household's choice among its current options (e.g. ``cash`` or ``exchange:A60``);
    returns what the commit changed."""
    actor.require(Permission.CALCULATE)
    hid = household_id if isinstance(household_id, uuid.UUID) else uuid.UUID(str(household_id))
    with db.uow(actor) as uow:
        s = uow.session
        h = s.get(Household, hid)
        if h is None or h.deleted_at is not None:
            raise NotFound("该住户不存在或已删除")
        require_own(s, actor, h)
        calc = s.scalars(select(Calculation).where(Calculation.household_id == hid,
                                                   Calculation.option_key == option_key,
                                                   Calculation.deleted_at.is_(None))
                         .order_by(Calculation.id.desc()).limit(1)).first()
        if calc is None:
            raise ValidationError(f"没有“{option_key}”这一测算方案，请先测算")
        if calc.status != "current":
            raise ValidationError("测算已过期（调查数据有变动），请重新测算后再选择")
        if h.status in transitions.FROZEN:
            raise ValidationError("该户已签约，不能更改安置方式")
        h.chosen_mode, h.chosen_option = calc.mode, option_key
        return uow.commit()
