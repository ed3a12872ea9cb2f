"""Calculations (测算) stored with their lines: compute every option for a household, keep them.

A calculation is never edited. Recalculating marks the household's previous calculations
superseded (audited like any change) and stores new ones that point back to what they
supersede. A survey change after a calculation marks it stale (survey_app/core/storage/staleness.py).
"""

from __future__ import annotations

import datetime as dt

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from survey_app.core.compensation.calculation import Calculation as Result
from survey_app.core.compensation.engine import compute_all
from survey_app.core.compensation.inputs import HouseholdInput
from survey_app.core.domain import china_time
from survey_app.core.compensation.policy import Policy, parse_policy
from survey_app.core.domain.errors import NotFound, ValidationError
from survey_app.core.domain.roles import Permission
from survey_app.core.services import calc_errors
from survey_app.core.services.household_access import require_own
from survey_app.core.services.survey import readiness, store
from survey_app.core.services.survey.checks import check
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import (Appraisal, BuildingPart, Business, Calculation, CalculationLine, Fixture,
                                            Household, Member, PolicyVersion, SurveyItem, Tenure)
from survey_app.core.storage.types import utcnow
from survey_app.core.storage.uow import Actor


@lru_cache(maxsize=16)
def policy_from_text(text: str, content_hash: str) -> Policy:
    """Parse a stored policy version once; refuses a text whose hash is not the recorded one."""
    return parse_policy(text, "补偿方案", expected_hash=content_hash)


def current_policy(session: Session, project_id: uuid.UUID) -> tuple[PolicyVersion, Policy]:
    """The project's newest published policy version."""
    pv = session.scalars(select(PolicyVersion).where(
        PolicyVersion.project_id == project_id, PolicyVersion.status == "published",
        PolicyVersion.deleted_at.is_(None)).order_by(PolicyVersion.published_at.desc()).limit(1)).first()
    if pv is None:
        raise ValidationError("本项目还没有已发布的补偿方案，无法测算")
    return pv, policy_from_text(pv.content, pv.content_hash)


def _live(session: Session, model: Any, household_id: uuid.UUID, *order: Any) -> list:
    stmt = select(model).where(model.household_id == household_id, model.deleted_at.is_(None))
    return list(session.scalars(stmt.order_by(*order) if order else stmt))


def _text(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def household_input(session: Session, h: Household, signing_date: dt.date | None = None) -> HouseholdInput:
    """The engine's input for a stored household (format of docs/calc-input.md).

    The signing date is the day of the calculation (China's) unless given: date-tiered rewards are
    priced for signing today, and signing in another tier is refused until recalculated."""
    tenures = _live(session, Tenure, h.id)
    share = min(sum((t.share for t in tenures), Decimal(0)), Decimal(1)) if tenures else Decimal(1)
    land = [t.land_area for t in tenures if t.land_area is not None]
    appraisals = _live(session, Appraisal, h.id, Appraisal.use)
    businesses = _live(session, Business, h.id)
    # The appraisal report's price for one building part (rows imported with a part_id): passed on the
    # part for items with price = "part_appraisal"; a part without one carries no unit_price (old bytes).
    part_prices = {a.part_id: a.unit_price for a in appraisals if a.part_id is not None}
    data: dict[str, Any] = {
        "household_code": h.household_code,
        "head_name": h.head_name,
        "members": [{"relation": m.relation, "name": m.name, "id_number": m.id_number, "dibao": m.is_dibao,
                     "disabled": m.is_disabled, "serious_illness": m.is_serious_illness, "hukou_here": m.hukou_here}
                    for m in _live(session, Member, h.id, Member.sort_order)],
        "share": f"{share.normalize():f}" if share != share.to_integral_value() else str(int(share)),
        "building_parts": [
            {k: v for k, v in {
                "label": p.label, "area": _text(p.area), "use": p.use, "legality": p.legality,
                "structure": p.structure or None, "decoration_grade": p.decoration_grade or None,
                "actual_use": p.actual_use or None,
                "temporary_term_valid": p.temporary_term_end.isoformat() if p.temporary_term_end else None,
                "unit_price": _text(part_prices.get(p.id)),
            }.items() if v is not None}
            for p in _live(session, BuildingPart, h.id, BuildingPart.sort_order)],
        "fixtures": [{k: v for k, v in {"kind": f.kind, "sub_kind": f.sub_kind or None, "count": str(f.count),
                                        "value": _text(f.value)}.items() if v is not None}
                     for f in _live(session, Fixture, h.id, Fixture.kind, Fixture.sub_kind)],
        "extra_items": [{"code": i.code, "quantity": _text(i.quantity)}
                        for i in _live(session, SurveyItem, h.id, SurveyItem.code)],
        "business": ({"uscc": businesses[0].uscc, "area": _text(businesses[0].area),
                      "annual_profit": _text(businesses[0].annual_profit)} if businesses else None),
        "appraisal": {"unit_price": {a.use: _text(a.unit_price) for a in appraisals},
                      "report_no": appraisals[0].report_no if appraisals else ""},
        "land_area": _text(sum(land, Decimal(0))) if land else None,
        "delivery": h.delivery or None,
        "mode": h.chosen_mode or None,
        "signing_date": (signing_date or china_time.today()).isoformat(),
    }
    if data["business"] and data["business"]["annual_profit"] is None:
        del data["business"]["annual_profit"]
    return HouseholdInput.from_dict(data, source=h.household_code)


# The calculation's inputs snapshot (calculations.inputs_json) is the engine's input (docs/calc-input.md)
# plus, under this key, what its documents print besides the engine's figures: names, ID numbers,
# certificates, phones, address — as they were when the figures were computed, so an agreement is built
# only from the calculation. HouseholdInput.from_dict is strict: use engine_inputs() to read it back.
DOCUMENT_KEY = "document"


def document_snapshot(session: Session, h: Household) -> dict[str, Any]:
    """What an agreement or sheet prints about the household's people and title (plain JSON values)."""
    tenures = _live(session, Tenure, h.id, Tenure.id)
    phones = {m.id_number: m.phone for m in _live(session, Member, h.id, Member.sort_order)
              if m.id_number and m.phone}
    return {
        "head_name": h.head_name, "head_id_number": h.head_id_number, "phone": h.phone, "address": h.address,
        "tenures": [{"owner_name": t.owner_name, "owner_id_number": t.owner_id_number,
                     "certificate_type": t.certificate_type, "certificate_no": t.certificate_no,
                     "share": f"{t.share}"} for t in tenures],
        "member_phones": phones,
    }


def stored_document_snapshot(inputs_json: str) -> dict[str, Any] | None:
    """The document snapshot stored with a calculation; None for one stored before it existed."""
    snapshot = json.loads(inputs_json).get(DOCUMENT_KEY)
    return snapshot if isinstance(snapshot, dict) else None


def engine_inputs(inputs_json: str) -> dict[str, Any]:
    """A stored inputs snapshot as the engine's input dict (the document snapshot left out)."""
    data = json.loads(inputs_json)
    data.pop(DOCUMENT_KEY, None)
    return data


@dataclass(frozen=True)
class StoredOption:
    """One stored option, as the UI and documents use it."""

    id: str
    option_key: str
    status: str
    result: Result


def calculate(db: Database, actor: Actor, household_id: uuid.UUID | str) -> list[StoredOption]:
    """Compute every option the current policy allows for a household and store them.

    The household's earlier calculations become ``superseded``. Returns the new options in the
    engine's order (cash, each exchange flat choice, voucher).
    """
    actor.require(Permission.CALCULATE)
    hid = household_id if isinstance(household_id, uuid.UUID) else uuid.UUID(str(household_id))
    with db.uow(actor) as uow:
        stored = _calculate_in(uow.session, actor, hid)
        uow.commit()
    return stored


def calculate_many(db: Database, actor: Actor, household_ids: list[uuid.UUID], *, choose: bool = False,
                   progress: Callable[[int, int, str], None] | None = None) -> int:
    """Calculate many households in one unit of work (demo set-up, HQ batch recalculation).
    With ``choose``, each household's stated or preferred mode becomes its chosen option."""
    actor.require(Permission.CALCULATE)
    with db.uow(actor) as uow:
        for n, hid in enumerate(household_ids, 1):
            stored = _calculate_in(uow.session, actor, hid)
            if choose and stored:
                h = uow.session.get(Household, hid)
                wanted = h.chosen_mode or h.preferred_mode or "cash"
                pick = next((o for o in stored if o.result.mode == wanted), stored[0])
                h.chosen_mode, h.chosen_option = pick.result.mode, pick.option_key
            if progress and n % 20 == 0:
                progress(n, len(household_ids), "测算")
        uow.commit()
    return len(household_ids)


def _calculate_in(s: Session, actor: Actor, hid: uuid.UUID) -> list[StoredOption]:
    h = s.get(Household, hid)
    if h is None or h.deleted_at is not None:
        raise NotFound("该住户不存在或已删除")
    require_own(s, actor, h)
    pv, policy = current_policy(s, h.project_id)
    # What the policy needs is checked first, so the worker gets every missing item at once, in the
    # survey's words; the engine's own refusals (should any remain) are translated the same way.
    form = store.form_of(s, h)
    problems = check(form) + readiness.missing(form, policy)
    if problems:
        raise readiness.SurveyIncomplete(problems, f"户 {h.household_code} 的调查还不完整，无法测算，请先补全：")
    try:
        inputs = household_input(s, h)
        results = compute_all(policy, inputs)
    except ValidationError as exc:
        raise calc_errors.in_chinese(exc, h.household_code) from None
    previous = {c.option_key: c for c in s.scalars(select(Calculation).where(
        Calculation.household_id == hid, Calculation.status.in_(("current", "stale"))))}
    for old in previous.values():
        old.status = "superseded"
    snapshot = {**inputs.to_dict(), DOCUMENT_KEY: document_snapshot(s, h)}
    inputs_json = json.dumps(snapshot, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    now = utcnow()
    stored = []
    for r in results:
        calc = Calculation(
            household_id=hid, policy_version_id=pv.id, policy_hash=policy.hash, mode=r.mode,
            option_key=r.option_key, inputs_json=inputs_json, result_json=r.to_canonical_json(),
            total=r.total, net=r.net, status="current", computed_at=now, computed_by=actor.username,
            supersedes_id=previous[r.option_key].id if r.option_key in previous else None)
        s.add(calc)
        s.flush()
        for n, line in enumerate(r.lines, 1):
            s.add(CalculationLine(calculation_id=calc.id, line_no=n, item_code=line.code, label=line.label,
                                  formula=line.formula, amount=line.amount))
        stored.append(StoredOption(calc.id.hex, r.option_key, "current", r))
    return stored


def options(db: Database, household_id: uuid.UUID | str) -> list[StoredOption]:
    """The household's latest calculations (current or stale), in stored order."""
    hid = household_id if isinstance(household_id, uuid.UUID) else uuid.UUID(str(household_id))
    with db.read() as s:
        rows = s.scalars(select(Calculation).where(
            Calculation.household_id == hid, Calculation.status.in_(("current", "stale")),
            Calculation.deleted_at.is_(None)).order_by(Calculation.id)).all()
        return [StoredOption(c.id.hex, c.option_key, c.status, Result.from_json(c.result_json)) for c in rows]


def choose_option(db: Database, actor: Actor, household_id: uuid.UUID | str, option_key: str) -> None:
    """Record the household's choice among its current options (e.g. ``cash`` or ``exchange:A60``)."""
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
        if h.status in ("signed", "handed_over"):
            raise ValidationError("该户已签约，不能更改安置方式")
        h.chosen_mode, h.chosen_option = calc.mode, option_key
        uow.commit()
