"""The read paths issue 11 items 5/6 replaced, kept verbatim (holds no tests itself; test_read_paths_same.py and
tests/pg/test_pg_read_paths.py compare the new paths with these).

* ``get_detail``: the detail panel's Core selects, each list with only the columns the panel shows;
* ``load_form``: the survey form through ORM entities, one query per kind of row, in a session of its own;
* ``current``/``policy_menus``: the current policy looked up (project, then the whole version row) and parsed
  from its text on every call;
* ``standing``/``survey_missing``: four ORM reads of the household, then the form and the policy read again.
"""

from __future__ import annotations

import dataclasses
import functools
import uuid

from sqlalchemy import Select, bindparam, func, select

from survey_app.core.domain.errors import NotFound, ValidationError
from survey_app.core.domain.statuses import HouseholdStatus as S
from survey_app.core.services import household_stage
from survey_app.core.services.calculations import current_policy
from survey_app.core.services.households import ROWKEY, HouseholdDetail
from survey_app.core.services.policy_menus import MenuEntry, PolicyMenus
from survey_app.core.services.survey.form import LISTS, SurveyForm
from survey_app.core.services.survey.store import HOUSEHOLD_FIELDS, MODELS
from survey_app.core.storage import flat_choices
from survey_app.core.storage.models import (
    Agreement,
    Appraisal,
    BuildingPart,
    Business,
    Calculation,
    Draft,
    Fixture,
    Household,
    Member,
    Project,
    SurveyItem,
    Tenure,
)

_HEAD_COLS = ("id", "household_code", "status", "head_name", "head_id_number", "phone", "address", "section",
              "assigned_to", "willingness", "preferred_mode", "notes", "rev", "review_comment", "chosen_mode",
              "chosen_option", "surveyed_by", "delivery", "updated_at", "updated_by", "deleted_at")
_DETAIL_LISTS = (
    ("members", Member, ("sort_order",), ("name", "relation", "id_number", "sex", "birth_date", "phone", "is_dibao",
                                          "is_disabled", "is_serious_illness", "hukou_here")),
    ("tenures", Tenure, ("certificate_no",), ("owner_name", "certificate_type", "certificate_no", "share", "land_area")),
    ("parts", BuildingPart, ("sort_order",), ("label", "area", "use", "structure", "floors", "built_year", "legality")),
    ("fixtures", Fixture, ("kind", "sub_kind"), ("kind", "sub_kind", "count")),
    ("items", SurveyItem, ("code",), ("code", "quantity", "note")),
    ("businesses", Business, ("name",), ("name", "uscc", "area", "annual_profit")),
    ("appraisals", Appraisal, ("use", "part_label"), ("report_no", "appraiser", "use", "unit_price", "appraised_on",
                                                      "part_label", "structure", "newness", "decoration_grade",
                                                      "decoration_value", "fixtures_value", "import_batch",
                                                      "decoration_unit_price")),
)


@functools.cache
def _detail_statements() -> tuple[Select, Select, tuple[tuple[str, tuple[str, ...], Select], ...]]:
    head = [getattr(Household, c) for c in _HEAD_COLS]
    by_key = select(*head).where(ROWKEY == bindparam("key"))
    by_id = select(*head).where(Household.id == bindparam("hid"))
    lists = tuple(
        (name, cols, select(*(getattr(model, c) for c in cols))
         .where(model.household_id == bindparam("hid"), model.deleted_at.is_(None))
         .order_by(*(getattr(model, c) for c in order)))
        for name, model, order, cols in _DETAIL_LISTS)
    return by_key, by_id, lists


def get_detail(db, household) -> HouseholdDetail:
    by_key, by_id, lists = _detail_statements()
    with db.engine.connect() as conn:
        if isinstance(household, int):
            h = conn.execute(by_key, {"key": household}).first()
        else:
            hid = household if isinstance(household, uuid.UUID) else uuid.UUID(household)
            h = conn.execute(by_id, {"hid": hid}).first()
        if h is None or h.deleted_at is not None:
            raise NotFound("该住户不存在或已删除")
        found = {name: [dict(zip(cols, r)) for r in conn.execute(stmt, {"hid": h.id})] for name, cols, stmt in lists}
    head = {c: getattr(h, c) for c in _HEAD_COLS if c != "deleted_at"}
    return HouseholdDetail(**{**head, "id": h.id.hex}, **found)


def _uuid(value):
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def _live(session, model, hid):
    stmt = select(model).where(model.household_id == hid, model.deleted_at.is_(None))
    if hasattr(model, "sort_order"):
        stmt = stmt.order_by(model.sort_order, model.id)
    else:
        stmt = stmt.order_by(model.id)
    return list(session.scalars(stmt))


def form_of(s, h) -> SurveyForm:
    form = SurveyForm(id=h.id.hex, rev=h.rev, **{k: getattr(h, k) for k in HOUSEHOLD_FIELDS},
                      flat_choices=flat_choices.load(h.flat_choices))
    for name, row_type in LISTS.items():
        names = [f.name for f in dataclasses.fields(row_type) if f.name != "id"]
        objs = _live(s, MODELS[name], h.id)
        rows = [row_type(id=o.id.hex, **{k: getattr(o, k) for k in names}) for o in objs]
        if name == "parts":
            for row, o in zip(rows, objs, strict=True):
                if o.area_exact is not None:
                    row.area = o.area_exact
        setattr(form, name, rows)
    return form


def load_form(db, household_id) -> SurveyForm:
    with db.read() as s:
        h = s.get(Household, _uuid(household_id))
        if h is None or h.deleted_at is not None:
            raise NotFound("该住户不存在或已删除")
        return form_of(s, h)


def current(db):
    with db.read() as s:
        project_id = s.scalar(select(Project.id).where(Project.deleted_at.is_(None)).limit(1))
        if project_id is None:
            return None
        try:
            return current_policy(s, project_id)[1]
        except ValidationError:
            return None


def policy_menus(db) -> PolicyMenus:
    from survey_app.core.compensation.items.fixtures import Extras, Fixtures
    from survey_app.core.compensation.items.property import Decoration

    with db.read() as s:
        project_id = s.scalar(select(Project.id).where(Project.deleted_at.is_(None)).limit(1))
        if project_id is None:
            return PolicyMenus((), (), (), (), "")
        pv, policy = current_policy(s, project_id)
    fixtures, extras, structures, grades = [], [], [], []
    for item in policy.items:
        if isinstance(item, Fixtures):
            for (kind, sub), rate in item.rates.items():
                fixtures.append(MenuEntry(f"{kind}/{sub}" if sub else kind, rate.label, rate.unit,
                                          by_value=rate.unit_price is None))
        elif isinstance(item, Extras):
            extras.extend(MenuEntry(code, rate.label, rate.unit) for code, rate in item.menu.items())
        elif isinstance(item, Decoration) and item.by_grade:
            grades.extend(g for g in item.by_grade if g not in grades)
        price = getattr(item, "price", None)
        for code in getattr(price, "by_structure", None) or {}:
            if code not in structures:
                structures.append(code)
    categories: list[str] = []
    for item in policy.items:
        categories.extend(c for c in getattr(item, "by_category", None) or {} if c not in categories)
    return PolicyMenus(tuple(fixtures), tuple(extras), tuple(structures), tuple(grades), pv.label, tuple(categories),
                       policy.rounding.area_decimals)


def survey_missing(db, household_id) -> list[str]:
    from survey_app.core.services.survey import checks, readiness

    hid = _uuid(household_id)
    form = load_form(db, hid)
    needed = [what for rows, what in ((form.members, "家庭成员"), (form.parts, "建筑部分"),
                                      (form.appraisals, "评估单价")) if not rows]
    out = [f"缺少{what}" if what != "评估单价" else "缺少评估结果（由指挥部导入评估报告）" for what in needed]
    problems = checks.check(form)
    policy = current(db)
    if policy is not None:
        problems += readiness.missing(form, policy)
    out += [p.message for p in problems]
    return list(dict.fromkeys(out))


def standing(db, household_id, username: str = "") -> household_stage.Standing:
    Standing = household_stage.Standing
    hid = _uuid(household_id)
    with db.read() as s:
        h = s.get(Household, hid)
        if h is None:
            return Standing(0, "", "", "", (), "roster", False)
        status, assignee, origin, comment = h.status, h.assigned_to, h.origin or "roster", h.review_comment
        current_calc = s.scalar(select(func.count()).select_from(Calculation).where(
            Calculation.household_id == hid, Calculation.status == "current")) or 0
        live = s.scalars(select(Agreement.status).where(
            Agreement.household_id == hid, Agreement.deleted_at.is_(None), Agreement.status != "void")).all()
        draft = bool(username) and s.scalar(select(func.count()).select_from(Draft).where(
            Draft.household_id == hid.hex, Draft.username == username)) > 0
    missing: list[str] = []
    if status == S.PENDING.value:
        stage, role = 0, "field_worker"
        action = "rework" if (comment or "").strip() else "submit"
        missing = survey_missing(db, hid)
    elif status == S.SURVEYED.value:
        stage, action, role = 1, "review", "supervisor"
    elif status == S.REVIEWED.value:
        stage, role = 2, "field_worker"
        action = "choose" if current_calc else "calculate"
        if not current_calc:
            missing = ["尚无有效测算（或测算已过期）"]
    elif status == S.CALCULATED.value:
        printed = any(a in ("printed",) for a in live)
        stage, action, role = (4, "sign", "field_worker") if printed else (3, "print", "field_worker")
        if not current_calc:
            missing = ["测算已过期，须重新测算"]
    elif status == S.SIGNED.value:
        stage, action, role = 5, "hand_over", "supervisor"
    else:
        stage, action, role = household_stage.DONE, "done", ""
    disputed = hid.hex in household_stage.disputed_ids(db)
    return Standing(stage, action, role, assignee, tuple(missing), origin, draft, disputed)
