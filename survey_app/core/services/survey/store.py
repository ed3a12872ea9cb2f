"""Loading a household into a SurveyForm and saving a form back through the unit of work.

Saving compares the form with the stored rows: changed fields are updated (and audited field
by field), new rows inserted, rows left out tombstoned. The household's head fields follow the
head member. A form loaded at rev N is refused if the household has moved on (someone else
saved meanwhile): the editor keeps the form and says so, nothing is overwritten.
"""

from __future__ import annotations

import dataclasses
import uuid
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from survey_app.core.domain import transitions
from survey_app.core.domain.errors import IntegrityError, NotFound, PermissionDenied
from survey_app.core.domain.roles import Permission, Role
from survey_app.core.domain.validation import parse_resident_id, validate_mobile, validate_uscc
from survey_app.core.services.survey.checks import FormInvalid, check
from survey_app.core.services.survey.form import LISTS, SurveyForm
from survey_app.core.storage import flat_choices
from survey_app.core.storage.calc_inputs import LiveRows, live_rows
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import (
    Appraisal,
    BuildingPart,
    Business,
    Fixture,
    Household,
    Member,
    SurveyItem,
    Tenure,
)
from survey_app.core.storage.uow import Actor, ChangeSet

MODELS: dict[str, Any] = {"members": Member, "tenures": Tenure, "parts": BuildingPart, "fixtures": Fixture,
                          "items": SurveyItem, "businesses": Business, "appraisals": Appraisal}
FROZEN = {s.value for s in transitions.FROZEN}  # signed or handed over (core/domain/transitions.py)
HOUSEHOLD_FIELDS = ("household_code", "address", "section", "phone", "willingness", "preferred_mode", "delivery",
                    "notes", "owner_type")


HQ_FIELDS = ("household_code", "section")


def form_value(form: SurveyForm, key: str) -> object:
    value = getattr(form, key)
    return value.strip() if isinstance(value, str) else value


class ConflictError(IntegrityError):
    """The household changed since the form was loaded."""


def _uuid(value: str | uuid.UUID) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def _live(session: Session, model: Any, hid: uuid.UUID) -> list:
    return live_rows(session, model, hid, *(("sort_order", "id") if hasattr(model, "sort_order") else ("id",)))


def load_form(db: Database, household_id: str | uuid.UUID) -> SurveyForm:
    """The household as an editable form. Read only, so read as plain rows (households.read_household: one
    Core select per table, the detail panel's) rather than ORM entities; ``form_of`` gives the same form."""
    from survey_app.core.services.households import read_household

    with db.engine.connect() as conn:
        read = read_household(conn, _uuid(household_id))
    return read.form()


def form_of_rows(head: Any, lists: dict[str, list]) -> SurveyForm:
    """The form of a household read as plain rows (``households.read_household``): ``head`` has the household's
    columns, ``lists[name]`` the live rows of each of LISTS' tables, in any order; the same form as ``form_of``.
    Their order here is the form's (``sort_order`` then id, or id): neither is text, so sorting in Python gives
    what ``ORDER BY`` gives on every database (ids compare as the stored UUIDs do)."""
    form = SurveyForm(id=head.id.hex, rev=head.rev, **{k: getattr(head, k) for k in HOUSEHOLD_FIELDS},
                      flat_choices=flat_choices.load(head.flat_choices))
    for name, row_type in LISTS.items():
        names = _FIELD_NAMES.get(name) or _FIELD_NAMES.setdefault(
            name, tuple(f.name for f in dataclasses.fields(row_type) if f.name != "id"))
        found = lists[name]
        found = sorted(found, key=(lambda r: (r.sort_order, r.id)) if hasattr(MODELS[name], "sort_order")
                       else (lambda r: r.id))
        rows = [row_type(id=o.id.hex, **{k: getattr(o, k) for k in names}) for o in found]
        if name == "parts":  # an area surveyed to 0.001 m² is shown and edited as surveyed (as form_of)
            for row, o in zip(rows, found, strict=True):
                if o.area_exact is not None:
                    row.area = o.area_exact
        setattr(form, name, rows)
    return form


_FIELD_NAMES: dict[str, tuple[str, ...]] = {}  # LISTS' row fields but the id, by list name


def form_of(s: Session, h: Household, live: LiveRows | None = None) -> SurveyForm:
    """The stored household ``h`` as a form, read in the caller's session (workflow, calculations).
    ``live``: a calculation's shared read of the household's rows (storage/calc_inputs.py), same order."""
    form = SurveyForm(id=h.id.hex, rev=h.rev, **{k: getattr(h, k) for k in HOUSEHOLD_FIELDS},
                      flat_choices=flat_choices.load(h.flat_choices))
    for name, row_type in LISTS.items():
        names = [f.name for f in dataclasses.fields(row_type) if f.name != "id"]
        objs = live.form(MODELS[name]) if live is not None else _live(s, MODELS[name], h.id)
        rows = [row_type(id=o.id.hex, **{k: getattr(o, k) for k in names}) for o in objs]
        if name == "parts":  # an area surveyed to 0.001 m² is shown and edited as surveyed
            for row, o in zip(rows, objs, strict=True):
                if o.area_exact is not None:
                    row.area = o.area_exact
        setattr(form, name, rows)
    return form


def save_form(db: Database, actor: Actor, form: SurveyForm) -> ChangeSet:
    """Validate and save a form. Raises FormInvalid (all problems), ConflictError, PermissionDenied."""
    actor.require(Permission.EDIT_SURVEY)
    problems = check(form)
    if problems:
        raise FormInvalid(problems)
    with db.uow(actor) as uow:
        s = uow.session
        h = s.get(Household, _uuid(form.id))
        if h is None or h.deleted_at is not None:
            raise NotFound("该住户不存在或已删除")
        if h.status in FROZEN:
            raise PermissionDenied("该户已签约，调查数据已冻结，不能修改")
        if h.rev != form.rev:
            raise ConflictError(f"该户已被{h.updated_by or '他人'}修改（版本{form.rev}→{h.rev}），请重新打开后再保存")
        for k in HQ_FIELDS:
            # 户号 and 地块 come from the register: only HQ changes them (a blank one may be filled in the field).
            if getattr(h, k) and form_value(form, k) != getattr(h, k) and actor.role != Role.HQ_ADMIN:
                raise PermissionDenied("户号和地块只能由指挥部修改")
        changed = False
        for k in HOUSEHOLD_FIELDS:
            value = getattr(form, k).strip() if isinstance(getattr(form, k), str) else getattr(form, k)
            if k == "phone" and value:
                value = validate_mobile(value)
            changed |= _set(h, k, value)
        changed |= _set(h, "flat_choices", flat_choices.dump(form.flat_choices))  # 选房组合 (0015)
        if actor.role != Role.HQ_ADMIN and _appraisals_changed(s, h, form):
            # The appraiser's results come from HQ's import (services/imports); a laptop may not author
            # them (sync/rights.py refuses them at HQ, which would refuse every later bundle too).
            raise PermissionDenied("评估结果由指挥部导入，调查员和复核员不能修改")
        for name in LISTS:
            if name == "appraisals" and actor.role != Role.HQ_ADMIN:
                continue
            changed |= _sync(uow, MODELS[name], h.id, getattr(form, name))
        head = form.head
        changed |= _set(h, "head_name", head.name.strip())
        changed |= _set(h, "head_id_number", head.id_number.strip().upper())
        if not h.phone and head.phone:
            changed |= _set(h, "phone", validate_mobile(head.phone))
        if changed:
            # Any survey change moves the household to a new rev, so a form loaded before it conflicts.
            flag_modified(h, "updated_at")
        return uow.commit()


def _appraisals_changed(s: Session, h: Household, form: SurveyForm) -> bool:
    stored = form_of(s, h).appraisals
    return [_normalised(r) for r in stored] != [_normalised(r) for r in form.appraisals]


def _set(obj: Any, key: str, value: Any) -> bool:
    if getattr(obj, key) != value:  # only real changes: they are what the audit log records
        setattr(obj, key, value)
        return True
    return False


def _normalised(row: Any) -> dict[str, Any]:
    values = {f.name: getattr(row, f.name) for f in dataclasses.fields(row) if f.name != "id"}
    for k, v in list(values.items()):
        if isinstance(v, str):
            values[k] = v.strip()
    if "id_number" in values and values["id_number"]:  # members: sex and birth date come from the ID
        rid = parse_resident_id(values["id_number"])
        values.update(id_number=rid.number, sex=rid.sex, birth_date=rid.birth_date)
    if values.get("owner_id_number"):
        values["owner_id_number"] = values["owner_id_number"].upper()
    if values.get("phone"):
        values["phone"] = validate_mobile(values["phone"])
    if values.get("uscc"):
        values["uscc"] = validate_uscc(values["uscc"])
    return values


def _part_areas(area: Decimal | None) -> dict[str, Decimal | None]:
    """``area`` keeps 0.01 m² (lists, reports and older bundles read it; half up); ``area_exact`` holds an area
    surveyed to 0.001 m² (the engine counts it to the policy's ``area_decimals``), else None."""
    if area is None or area == area.quantize(Decimal("0.01")):
        return {"area": area, "area_exact": None}
    return {"area": area.quantize(Decimal("0.01"), ROUND_HALF_UP), "area_exact": area}


def _sync(uow: Any, model: Any, hid: uuid.UUID, rows: list) -> bool:
    """Make the stored rows match the form's; True if anything changed."""
    changed = False
    existing = {o.id.hex: o for o in _live(uow.session, model, hid)}
    for order, row in enumerate(rows):
        values = _normalised(row)
        if model is BuildingPart:
            values.update(_part_areas(values.get("area")))
        if hasattr(model, "sort_order"):
            values["sort_order"] = order
        obj = existing.pop(row.id, None) if row.id else None
        if obj is None:
            uow.session.add(model(household_id=hid, **values))
            changed = True
        else:
            for k, v in values.items():
                changed |= _set(obj, k, v)
    for obj in existing.values():
        uow.tombstone(obj)
        changed = True
    return changed
