"""Where a household stands on its way (调查 → 复核 → 测算 → 协议 → 签约 → 交房), who acts next, what is missing.

The detail pane and the home page show this so a new worker never has to ask "what now?". The
stage follows from the household's status, its current calculation and its live agreement; what
is missing for the survey comes from the survey form checks (survey/checks.py, through its public
``check``) plus what ``workflow.submit_survey`` requires. Also here: the worker's unfinished
drafts and the next households to visit (the home page's two short lists). Short reads only.
"""

from __future__ import annotations

import datetime as dt
import functools
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Select, bindparam, case, func, select

from survey_app.core.domain import vocabulary
from survey_app.core.domain.statuses import HouseholdStatus as S
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Agreement, Calculation, Draft, Household, SyncIssue

if TYPE_CHECKING:
    from survey_app.core.services.households import HouseholdDetail, HouseholdRead
    from survey_app.core.services.survey.form import SurveyForm

# Step codes, in order (调查, 复核, 测算, 协议, 签约, 交房): the one vocabulary's.
STAGES = tuple(vocabulary.STAGE)
DONE = len(STAGES)


@dataclass(frozen=True)
class Standing:
    """``stage``: index in STAGES of the step in progress (DONE when handed over). ``action`` is the
    code of what happens next (submit, rework, review, calculate, choose, print, sign, hand_over,
    done); ``role`` who does it (field_worker | supervisor); ``missing`` Chinese texts of what the
    current step still lacks."""

    stage: int
    action: str
    role: str
    assignee: str
    missing: tuple[str, ...]
    origin: str
    has_draft: bool
    disputed: bool = False  # an open 测算不一致 at HQ (sync/rederive.py) on one of its calculations or agreements


def _uuid(value: str | uuid.UUID) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def survey_missing(db: Database, household_id: str | uuid.UUID, form: SurveyForm | None = None,
                   conn: Connection | None = None) -> list[str]:
    """Everything the survey still lacks before it can be submitted (Chinese, all at once). ``form``: the
    household's survey form when already read (``households.read_household``), else it is read here; ``conn``:
    an open connection of ``db`` to look the current policy up on."""
    # Imported here: the form checks and the policy's readiness pull in the compensation engine, which the
    # household list (draft_ids, disputed_ids: before the first paint) never needs (DESIGN §8).
    from survey_app.core.services.survey import checks, readiness
    from survey_app.core.services.survey.store import load_form

    if form is None:
        form = load_form(db, _uuid(household_id))
    # its lists are the live rows: what is missing is read from them, no counting
    needed = [what for rows, what in ((form.members, "家庭成员"), (form.parts, "建筑部分"),
                                      (form.appraisals, "评估单价")) if not rows]
    out = [f"缺少{what}" if what != "评估单价" else "缺少评估结果（由指挥部导入评估报告）" for what in needed]
    problems = checks.check(form)
    policy = readiness.current(db, conn)
    if policy is not None:  # what the current policy's calculation needs, as submit and 测算 refuse it
        problems += readiness.missing(form, policy)
    out += [p.message for p in problems]
    return list(dict.fromkeys(out))  # one line per problem, in order


@functools.cache
def _standing_statement() -> Select:
    """The household's fields and counts ``standing`` needs, in one select (built once)."""
    def count(model: Any, *where: Any) -> Any:
        return select(func.count()).select_from(model).where(*where).correlate(Household).scalar_subquery()

    return select(
        Household.status, Household.assigned_to, Household.origin, Household.review_comment,
        count(Calculation, Calculation.household_id == Household.id, Calculation.status == "current"),
        # a live agreement printed and not yet signed
        count(Agreement, Agreement.household_id == Household.id, Agreement.deleted_at.is_(None),
              Agreement.status == "printed"),
        count(Draft, Draft.household_id == bindparam("hex"), Draft.username == bindparam("username")),
        # any open 测算不一致 at all (a laptop has none): only then are the disputed households looked up
        count(SyncIssue, SyncIssue.kind == "recheck", SyncIssue.status == "open"),
    ).where(Household.id == bindparam("hid"))


def standing(db: Database, household_id: str | uuid.UUID, username: str = "") -> Standing:
    """Where the household stands now (see Standing)."""
    hid = _uuid(household_id)
    with db.engine.connect() as conn:
        return _standing(db, conn, hid, username, None)


def selected(db: Database, household: int | str | uuid.UUID, username: str = "") -> tuple[HouseholdDetail, Standing]:
    """The detail pane's read of one household (list key, hex id or UUID): ``households.get_detail`` and its
    ``standing``, each survey table read once (the survey form whose gaps are listed is made from the same rows).
    NotFound as ``get_detail``."""
    from survey_app.core.services.households import read_household

    with db.engine.connect() as conn:
        read = read_household(conn, household)
        return read.detail(), _standing(db, conn, read.head.id, username, read)


def _standing(db: Database, conn: Connection, hid: uuid.UUID, username: str, read: HouseholdRead | None) -> Standing:
    row = conn.execute(_standing_statement(), {"hid": hid, "hex": hid.hex, "username": username}).first()
    if row is None:
        return Standing(0, "", "", "", (), "roster", False)
    status, assignee, origin, comment, current_calc, printed, drafts, rechecks = row
    origin = origin or "roster"
    draft = bool(username) and drafts > 0
    missing: list[str] = []
    if status == S.PENDING.value:
        stage, role = 0, "field_worker"
        action = "rework" if (comment or "").strip() else "submit"
        missing = survey_missing(db, hid, read.form() if read is not None else None, conn)
    elif status == S.SURVEYED.value:
        stage, action, role = 1, "review", "supervisor"
    elif status == S.REVIEWED.value:
        stage, role = 2, "field_worker"
        action = "choose" if current_calc else "calculate"
        if not current_calc:
            missing = ["尚无有效测算（或测算已过期）"]
    elif status == S.CALCULATED.value:
        stage, action, role = (4, "sign", "field_worker") if printed else (3, "print", "field_worker")
        if not current_calc:
            missing = ["测算已过期，须重新测算"]
    elif status == S.SIGNED.value:
        stage, action, role = 5, "hand_over", "supervisor"
    else:
        stage, action, role = DONE, "done", ""
    disputed = bool(rechecks) and hid.hex in disputed_ids(db)
    return Standing(stage, action, role, assignee, tuple(missing), origin, draft, disputed)


@dataclass(frozen=True)
class ListedHousehold:
    id: str
    household_code: str
    head_name: str
    address: str
    status: str
    returned: bool
    when: dt.datetime | None = None


def drafts_of(db: Database, username: str) -> list[ListedHousehold]:
    """The user's unfinished (autosaved, unsaved) edits, newest first."""
    with db.read() as s:
        drafts = s.execute(select(Draft.household_id, Draft.saved_at).where(Draft.username == username)
                           .order_by(Draft.saved_at.desc())).all()
        # A handful of drafts: read their households by id rather than join a hex column to a UUID one.
        found = {h.id.hex: h for h in s.scalars(select(Household).where(
            Household.id.in_([_uuid(d[0]) for d in drafts]), Household.deleted_at.is_(None)))}
        return [ListedHousehold(hid, h.household_code, h.head_name, h.address, h.status,
                                bool((h.review_comment or "").strip()), saved)
                for hid, saved in drafts if (h := found.get(hid)) is not None]


def disputed_ids(db: Database) -> set[str]:
    """Hex ids of the households with an open 测算不一致 at HQ (see sync/issues.disputed_households)."""
    from survey_app.core.sync.issues import disputed_households

    return disputed_households(db)


def draft_ids(db: Database, username: str) -> set[str]:
    """Hex ids of the households this user has an unsaved draft of (the list marks them)."""
    with db.read() as s:
        return set(s.scalars(select(Draft.household_id).where(Draft.username == username)))


def next_to_visit(db: Database, username: str, limit: int = 8) -> list[ListedHousehold]:
    """The user's households still to survey: returned ones first (the reviewer waits), then by code."""
    returned = case((func.trim(Household.review_comment) != "", 0), else_=1)
    stmt = (select(Household.id, Household.household_code, Household.head_name, Household.address,
                   Household.status, Household.review_comment)
            .where(Household.assigned_to == username, Household.status == S.PENDING.value,
                   Household.deleted_at.is_(None))
            .order_by(returned, Household.household_code).limit(limit))
    with db.read() as s:
        rows = s.execute(stmt).all()
    return [ListedHousehold(r[0].hex, r[1], r[2], r[3], r[4], bool((r[5] or "").strip())) for r in rows]
