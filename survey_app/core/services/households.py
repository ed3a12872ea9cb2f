"""Household list queries for the UI and CLI: filter and sort in SQL, rows fetched lazily by id.

The Qt list model (survey_app/ui/household_model.py) asks ``search_keys`` once per filter change
and ``fetch_rows`` for the handful of rows on screen, after Anki's browser table model.

List keys are SQLite rowids (plain ints): fetching 100k of them takes ~20 ms, where 100k UUIDs
take ~300 ms. The search runs on the covering index ``ix_households_list`` (code, status,
section, deleted_at, search_key) so it never touches the wide table rows; on SQLite words of 3+
characters are looked up in an FTS5 trigram index first (storage/search_sql.py: the one place that
knows each dialect's search SQL; results are those of ``search_key LIKE '%word%'``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    BigInteger,
    Connection,
    Integer,
    Row,
    Select,
    and_,
    bindparam,
    case,
    func,
    literal_column,
    or_,
    select,
    type_coerce,
)

from survey_app.core.domain.errors import NotFound
from survey_app.core.domain.statuses import STATUS_ORDER, HouseholdStatus
from survey_app.core.storage import search_sql
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import (
    Agreement,
    Appraisal,
    BuildingPart,
    Business,
    Fixture,
    Household,
    Member,
    SurveyItem,
    Tenure,
)

if TYPE_CHECKING:
    from survey_app.core.services.survey.form import SurveyForm

ROWKEY = literal_column("households.rowid", Integer)


@dataclass(frozen=True)
class HouseholdFilter:
    """What the list shows. ``text`` is split on spaces; every word must match some field."""

    text: str = ""
    status: str | None = None
    section: str | None = None
    assigned_to: str | None = None


SORT_COLUMNS = {
    "code": Household.household_code,
    "name": Household.name_pinyin,
    "status": case({s.value: i for i, s in enumerate(STATUS_ORDER)}, value=Household.status, else_=99),
    "address": Household.address,
    "section": Household.section,
    "updated": Household.updated_at,
}


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


_AGREEMENT_NO = re.compile(r"^[a-z0-9][a-z0-9-]{5,}$")


def _where(flt: HouseholdFilter, db: Database, page: int | None = None) -> list:
    clauses = [search_sql.live(db)]
    for term in flt.text.lower().split():
        matches = search_sql.term_matches(db, term, page)
        if _AGREEMENT_NO.match(term):
            # Could be an agreement number: an uncorrelated IN over rowids, evaluated once, which
            # keeps the scan on the covering index (every SQLite index carries the rowid).
            hh = Household.__table__.alias("hh")
            numbers = (select(literal_column("hh.rowid"))
                       .select_from(hh.join(Agreement.__table__, Agreement.household_id == hh.c.id))
                       .where(func.lower(Agreement.number).like(f"{_escape_like(term)}%", escape="\\")))
            matches = or_(matches, ROWKEY.in_(numbers))
        clauses.append(matches)
    if flt.status:
        clauses.append(Household.status == flt.status)
    if flt.section:
        clauses.append(Household.section == flt.section)
    if flt.assigned_to:
        clauses.append(Household.assigned_to == flt.assigned_to)
    return clauses


def search_statement(db: Database, flt: HouseholdFilter, sort: str = "code", descending: bool = False,
                     page: int | None = None) -> Select:
    """The list keys' query (what ``search_keys`` runs, before its page's LIMIT). ``page``: how many rows
    the LIMIT will let through (offset + limit), for choosing each word's cheaper route."""
    col = SORT_COLUMNS.get(sort, Household.household_code)
    order = [col.desc() if descending else col.asc()]
    if sort != "code":
        order.append(Household.household_code)
    where = _where(flt, db, page if sort == "code" else None)  # only code order stops a scan early
    return select(ROWKEY).select_from(Household).where(and_(*where)).order_by(*order)


def search_keys(db: Database, flt: HouseholdFilter, sort: str = "code", descending: bool = False, *,
                offset: int = 0, limit: int | None = None) -> list[int]:
    """List keys of the households matching ``flt``, in display order. Filtering and sorting in SQL.

    With ``limit``, one page of them from ``offset``: the list asks for the first few hundred and
    more as the user scrolls. In code order the scan walks the covering index and stops at the page's
    last match, so a word found in most households ("z", an ID's "43") costs ~1 ms instead of reading
    all 100k matches; only a rare short word still reads the whole index."""
    stmt = search_statement(db, flt, sort, descending, page=None if limit is None else offset + limit)
    if limit is not None:
        stmt = stmt.limit(limit).offset(offset)
    return db.column(stmt)


def count_matching(db: Database, flt: HouseholdFilter) -> int:
    """How many households match ``flt`` (for the count shown beside a list read page by page)."""
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Household).where(and_(*_where(flt, db)))) or 0)


@dataclass(frozen=True)
class HouseholdRow:
    """What one line of the household list shows."""

    key: int
    id: str
    household_code: str
    head_name: str
    status: str
    section: str
    address: str
    phone: str
    member_count: int
    total_area: Decimal
    updated_at: dt.datetime
    origin: str = "roster"  # field_households.FIELD: found door to door, not on the roster (the list marks it)


@functools.cache
def _rows_statement() -> Select:
    """fetch_rows' query, built once: building it cost more than running it for a screenful of rows."""
    members = (select(func.count()).where(Member.household_id == Household.id, Member.deleted_at.is_(None))
               .correlate(Household).scalar_subquery())
    area = (select(func.coalesce(func.sum(type_coerce(BuildingPart.area, BigInteger)), 0))  # raw scaled ints
            .where(BuildingPart.household_id == Household.id, BuildingPart.deleted_at.is_(None))
            .correlate(Household).scalar_subquery())
    return select(ROWKEY, Household.id, Household.household_code, Household.head_name, Household.status,
                  Household.section, Household.address, Household.phone, members, area, Household.updated_at,
                  Household.origin).where(ROWKEY.in_(bindparam("keys", expanding=True)))


def fetch_rows(db: Database, keys: Sequence[int]) -> dict[int, HouseholdRow]:
    """Rows for the given list keys (keys no longer there are simply absent)."""
    if not keys:
        return {}
    with db.engine.connect() as conn:
        out = {}
        for r in conn.execute(_rows_statement(), {"keys": list(keys)}):
            out[r[0]] = HouseholdRow(r[0], r[1].hex, r[2], r[3], r[4], r[5], r[6], r[7], int(r[8]),
                                     Decimal(int(r[9])).scaleb(-2), r[10], r[11] or "roster")
        return out


def status_counts(db: Database) -> dict[str, int]:
    """Number of live households per status code (every status present, zeros included)."""
    stmt = (select(Household.status, func.count()).where(Household.deleted_at.is_(None))
            .group_by(Household.status))
    with db.read() as s:
        found = dict(s.execute(stmt).all())
    return {st.value: int(found.get(st.value, 0)) for st in HouseholdStatus}


@functools.cache
def _sections_statement() -> Any:
    """Built once: making the recursive CTE and its cache key cost more than running it on a small project."""
    live = Household.deleted_at.is_(None)
    walk = select(func.min(Household.section).label("section")).where(live).cte("walk", recursive=True)
    after = select(func.min(Household.section)).where(live, Household.section > walk.c.section).scalar_subquery()
    walk = walk.union_all(select(after).where(walk.c.section.is_not(None)))
    return select(walk.c.section).where(walk.c.section.is_not(None)).order_by(walk.c.section)


def sections(db: Database) -> list[str]:
    """The live households' 地块, in order. One index seek per section (ix_households_progress starts with
    deleted_at, section), not a read of every household: it runs at start-up (DESIGN §8)."""
    with db.read() as s:
        return [x for x in s.scalars(_sections_statement()) if x]


@dataclass
class HouseholdDetail:
    """Everything the read-only detail panel shows. Plain data: no ORM objects leave the core."""

    id: str
    household_code: str
    status: str
    head_name: str
    head_id_number: str
    phone: str
    address: str
    section: str
    assigned_to: str
    willingness: str
    preferred_mode: str
    notes: str
    rev: int
    review_comment: str
    chosen_mode: str
    chosen_option: str
    surveyed_by: str
    delivery: str
    updated_at: dt.datetime
    updated_by: str
    members: list[dict] = field(default_factory=list)
    tenures: list[dict] = field(default_factory=list)
    parts: list[dict] = field(default_factory=list)
    fixtures: list[dict] = field(default_factory=list)
    items: list[dict] = field(default_factory=list)
    businesses: list[dict] = field(default_factory=list)
    appraisals: list[dict] = field(default_factory=list)

    @property
    def area_by_legality(self) -> dict[str, Decimal]:
        out: dict[str, Decimal] = {}
        for p in self.parts:
            out[p["legality"]] = out.get(p["legality"], Decimal("0.00")) + p["area"]
        return out


_HEAD_COLS = ("id", "household_code", "status", "head_name", "head_id_number", "phone", "address", "section",
              "assigned_to", "willingness", "preferred_mode", "notes", "rev", "review_comment", "chosen_mode",
              "chosen_option", "surveyed_by", "delivery", "updated_at", "updated_by", "deleted_at")
# Read with them, not shown: what the survey form (survey/store.py) and the household's standing need besides.
_MORE_HEAD_COLS = ("owner_type", "flat_choices", "origin")
# (key in HouseholdDetail, model, order, columns): the lists the detail panel shows.
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


def _read_columns(name: str, model: type, shown: tuple[str, ...]) -> tuple[str, ...]:
    """``shown`` first, then what the survey form's rows of ``name`` also hold (survey/form.py LISTS: every field
    is a column of the same name), the id, the form's order key and a part's exact area: one read for both."""
    from survey_app.core.services.survey.form import LISTS

    extra = [f.name for f in dataclasses.fields(LISTS[name]) if f.name != "id"]
    extra += ["id"] + (["sort_order"] if hasattr(model, "sort_order") else []) + (
        ["area_exact"] if model is BuildingPart else [])
    return shown + tuple(dict.fromkeys(c for c in extra if c not in shown))


@functools.cache
def _detail_statements() -> tuple[Select, Select, tuple[tuple[str, tuple[str, ...], Select], ...]]:
    """The detail panel's queries, built once (statement building costs more than the tiny reads):
    plain column selects, no ORM objects — the panel loads a household on each search keystroke. Each list's
    query also reads the columns the survey form needs (``_read_columns``), in the panel's order: the panel
    and the form (:meth:`HouseholdRead.form`) are made from one read of each table."""
    head = [getattr(Household, c) for c in _HEAD_COLS + _MORE_HEAD_COLS]
    by_key = select(*head).where(ROWKEY == bindparam("key"))
    by_id = select(*head).where(Household.id == bindparam("hid"))
    lists = tuple(
        (name, cols, select(*(getattr(model, c) for c in _read_columns(name, model, cols)))
         .where(model.household_id == bindparam("hid"), model.deleted_at.is_(None))
         .order_by(*(getattr(model, c) for c in order)))
        for name, model, order, cols in _DETAIL_LISTS)
    return by_key, by_id, lists


@dataclass(frozen=True)
class HouseholdRead:
    """One read of a household's row and its live rows of every survey table (plain result rows): the detail
    panel's :class:`HouseholdDetail` and the editor's survey form are both made from it."""

    head: Row
    lists: dict[str, list[Row]]

    def detail(self) -> HouseholdDetail:
        """What the detail panel shows."""
        shown = {name: [dict(zip(cols, r[:len(cols)])) for r in self.lists[name]] for name, _m, _o, cols in _DETAIL_LISTS}
        head = {c: getattr(self.head, c) for c in _HEAD_COLS if c != "deleted_at"}
        return HouseholdDetail(**{**head, "id": self.head.id.hex}, **shown)

    def form(self) -> SurveyForm:
        """The household as the survey form (as survey/store.py ``load_form`` returns it)."""
        from survey_app.core.services.survey.store import form_of_rows

        return form_of_rows(self.head, self.lists)


def read_household(conn: Connection, household: int | str | uuid.UUID) -> HouseholdRead:
    """One household (by list key, hex id or UUID), read on ``conn``; NotFound if it is absent or deleted."""
    by_key, by_id, lists = _detail_statements()
    if isinstance(household, int):
        h = conn.execute(by_key, {"key": household}).first()
    else:
        hid = household if isinstance(household, uuid.UUID) else uuid.UUID(household)
        h = conn.execute(by_id, {"hid": hid}).first()
    if h is None or h.deleted_at is not None:
        raise NotFound("该住户不存在或已删除")
    return HouseholdRead(h, {name: list(conn.execute(stmt, {"hid": h.id})) for name, _cols, stmt in lists})


def get_detail(db: Database, household: int | str | uuid.UUID) -> HouseholdDetail:
    """One household (by list key, hex id or UUID) with members, tenure, parts, fixtures, business, appraisals."""
    with db.engine.connect() as conn:
        return read_household(conn, household).detail()


def detail_and_form(db: Database, household: int | str | uuid.UUID) -> tuple[HouseholdDetail, SurveyForm]:
    """``get_detail`` and the survey form (``survey.store.load_form``) from one read of each table."""
    with db.engine.connect() as conn:
        read = read_household(conn, household)
    return read.detail(), read.form()
