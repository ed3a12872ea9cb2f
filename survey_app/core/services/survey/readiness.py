"""Complete means complete: what the current policy's calculation needs of a survey, derived from the policy.

``missing(form, policy)`` lists (as ``missing`` Problems, in Chinese) everything the engine would need and
the form lacks: building parts with a chosen legality, a structure where the policy prices by structure,
an appraised unit price for each use an appraisal-priced item meets, the ownership share, members' ID
numbers where a subsidy depends on them, appraised values of fixtures priced by value, a business-use
part for a business, … The editor marks those fields required and lists them; ``workflow.submit_survey``
and ``calculations.calculate`` refuse a survey while any remain. A survey with neither ``check`` problems
nor ``missing`` ones always calculates (tests/storage/test_workflow.py).
"""

from __future__ import annotations

import contextlib
import functools
import threading
import uuid
from dataclasses import dataclass, field

from sqlalchemy import Connection, Select, select

from survey_app.core.compensation.inputs import USES
from survey_app.core.compensation.items.awards import AreaAward
from survey_app.core.compensation.items.base import ItemKind, PriceSource
from survey_app.core.compensation.items.fees import BusinessLoss, TransitionPerPerson
from survey_app.core.compensation.items.fixtures import Extras, Fixtures
from survey_app.core.compensation.items.property import GRADE_LABELS, Decoration, UseChange
from survey_app.core.compensation.items.rewards import CashSubsidy, Hardship, SigningReward
from survey_app.core.compensation.policy import Policy
from survey_app.core.domain.errors import ValidationError
from survey_app.core.domain.statuses import STRUCTURE_LABELS
from survey_app.core.services.survey import flat_options
from survey_app.core.services.survey.form import PartForm, SurveyForm
from survey_app.core.services.survey.messages import Problem, problem
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import PolicyVersion, Project

BUSINESS_USES = ("commercial", "office", "industrial")
# Kinds whose price is looked up for the item's first use rather than each part's (area × one price).
_FOR_USE = ("cash_subsidy", "min_area_topup", "exchange_uncovered")


@dataclass(frozen=True)
class Requirements:
    """Which fields the current policy needs: the editor marks them required (*)."""

    structure: bool = False  # some item prices parts by structure
    appraisal: bool = False  # some item prices by the appraisal
    share: bool = False  # some item multiplies by the ownership share
    member_ids: bool = False  # a subsidy counts persons or hardship categories
    annual_profit: bool = False  # business loss is paid from the profit
    fixture_values: tuple[str, ...] = field(default=())  # fixture codes priced by appraised value
    land_area: bool = False  # 应安置面积 or an award is reckoned on the homestead area (宅基地面积)


class SurveyIncomplete(ValidationError):
    """A survey cannot be submitted or calculated yet; ``problems`` lists every missing item."""

    def __init__(self, problems: list[Problem], lead: str = "调查尚未完成，还需补全："):
        self.problems = list(problems)
        lines = "\n".join(f"{n}. {p.message}" for n, p in enumerate(self.problems, 1))
        super().__init__(f"{lead}\n{lines}", self.problems[0].path if self.problems else None)


def current(db: Database, conn: Connection | None = None) -> Policy | None:
    """The current published policy of the (single) project in this database; None when there is none.
    ``conn``: an open connection of ``db`` to look it up on (see :func:`published`)."""
    try:
        found = published(db, conn)
    except ValidationError:
        return None
    return found.policy if found is not None else None


@dataclass(frozen=True)
class Published:
    """The project's current published policy version: its id, label and parsed policy."""

    version_id: uuid.UUID
    label: str
    policy: Policy


# Parsed policies by version id and content hash: a published version never changes (the unit of work refuses
# it), so only the small look-up of which version is current is made on each call — a new publication is seen
# at once, and the policy text is read and parsed only for a version not seen before in this process.
_PARSED: dict[tuple[uuid.UUID, str, str], Published] = {}  # (version id, content hash, label)
_KEEP = 8
_LOCK = threading.Lock()


@functools.cache
def _current_statement() -> Select:
    project = select(Project.id).where(Project.deleted_at.is_(None)).limit(1).scalar_subquery()
    return (select(PolicyVersion.id, PolicyVersion.content_hash, PolicyVersion.label)
            .where(PolicyVersion.project_id == project, PolicyVersion.status == "published",
                   PolicyVersion.deleted_at.is_(None))
            .order_by(PolicyVersion.published_at.desc()).limit(1))


def published(db: Database, conn: Connection | None = None) -> Published | None:
    """What ``calculations.current_policy`` gives for the (single) project in this database, one small read when
    the version was seen before (on ``conn`` if given, an open connection of ``db``). None when there is no
    project; ValidationError (as ``current_policy``) when it has no published policy or the stored text is not
    the published one."""
    from survey_app.core.services.calculations import current_policy, policy_from_text

    with db.engine.connect() if conn is None else contextlib.nullcontext(conn) as c:
        row = c.execute(_current_statement()).first()
        if row is not None:
            key = (row.id, row.content_hash, row.label)
            found = _PARSED.get(key)
            if found is None:
                content = c.scalar(select(PolicyVersion.content).where(PolicyVersion.id == row.id))
                found = Published(row.id, row.label, policy_from_text(content, row.content_hash))
                with _LOCK:  # the detail pane and the editor may look it up from two threads
                    _PARSED[key] = found
                    while len(_PARSED) > _KEEP:
                        del _PARSED[next(iter(_PARSED))]
            return found
    with db.read() as s:  # none published (or no project): the exact answer and refusal of current_policy
        project_id = s.scalar(select(Project.id).where(Project.deleted_at.is_(None)).limit(1))
        if project_id is None:
            return None
        pv, policy = current_policy(s, project_id)
        return Published(pv.id, pv.label, policy)


def requirements(policy: Policy) -> Requirements:
    """What the policy's items need, whatever the household."""
    structure = appraisal = share = ids = profit = False
    values: list[str] = []
    for item in policy.items:
        price = getattr(item, "price", None)
        if isinstance(price, PriceSource):
            structure |= bool(price.by_structure)
            appraisal |= _by_appraisal(price)
        appraisal |= isinstance(item, UseChange)
        share |= bool(getattr(item, "apply_share", False))
        ids |= isinstance(item, (Hardship, TransitionPerPerson))
        profit |= isinstance(item, BusinessLoss) and item.basis == "profit"
        if isinstance(item, Fixtures):
            values += [f"{k}/{s}" if s else k for (k, s), rate in item.rates.items() if rate.unit_price is None]
    return Requirements(structure, appraisal, share, ids, profit, tuple(values), _by_land_area(policy))


def _by_land_area(policy: Policy) -> bool:
    """Whether some amount is reckoned on the homestead area: the exchange entitlement (and so the
    entitlement cash) or an ``area_award`` with ``basis = "land_area"`` (which pays nothing without one)."""
    exchange = policy.exchange
    if exchange is not None and exchange.entitlement_basis == "land_area":
        return True
    return any(isinstance(item, AreaAward) and item.basis == "land_area" for item in policy.items)


def _by_appraisal(price: PriceSource) -> bool:
    return price.fixed is None and not price.by_use and not price.by_structure


def _matches(item: ItemKind, part: PartForm) -> bool:
    return part.use in item.uses and part.legality in item.legality


def _part_name(part: PartForm, index: int) -> str:
    return part.label.strip() or str(index + 1)


def missing(form: SurveyForm, policy: Policy) -> list[Problem]:
    """Everything the policy's calculation needs that ``form`` lacks (empty when it can be calculated)."""
    out: list[Problem] = []
    parts = list(enumerate(form.parts))
    if not parts:
        out.append(problem("parts", "need.parts", missing=True))
    for i, part in parts:
        if not part.legality:
            out.append(problem(f"parts[{i}].legality", "need.legality", missing=True, part=_part_name(part, i)))
    prices: dict[str, None] = {}  # uses needing an appraised price, in first-needed order
    has_business = bool(form.businesses)
    for item in policy.items:
        matched = [(i, p) for i, p in parts if p.legality and _matches(item, p)]
        price = getattr(item, "price", None)
        if isinstance(price, PriceSource) and matched:
            if price.by_structure:
                _structures(price, matched, out)
            elif _by_appraisal(price) and _pays(item, has_business):
                uses = [item.uses[0]] if item.kind in _FOR_USE and not _house_value(item) else [p.use for _, p in matched]
                prices.update(dict.fromkeys(uses))
        if isinstance(item, UseChange) and (has_business or not item.require_business):
            for _i, p in matched:
                if p.actual_use in item.to_uses and p.actual_use != p.use:
                    prices.update(dict.fromkeys((p.actual_use, p.use)))
        if isinstance(item, Decoration) and item.by_grade:
            for i, p in matched:
                if p.decoration_grade and p.decoration_grade not in item.by_grade:
                    out.append(problem(f"parts[{i}].decoration_grade", "bad.decoration", missing=True,
                                       part=_part_name(p, i), grade=GRADE_LABELS.get(p.decoration_grade,
                                                                                      p.decoration_grade),
                                       grade_code=p.decoration_grade))
    priced = {a.use for a in form.appraisals if a.unit_price is not None}
    for use in prices:
        if use not in priced:
            out.append(problem("appraisals", "need.appraisal", missing=True, use=USES.get(use, use), use_code=use))
    _people(form, policy, out)
    _things(form, policy, out)
    out += flat_options.problems(form, policy)  # 选房组合 the engine could not price (its own words)
    return out


def _pays(item: ItemKind, has_business: bool) -> bool:
    """Whether the item looks its price up at all for this household (else its price is not needed)."""
    if isinstance(item, BusinessLoss):
        return has_business and item.basis == "pct_of_value"
    if isinstance(item, SigningReward):
        return any(tier.pct is not None for tier in item.tiers)
    return True


def _house_value(item: ItemKind) -> bool:
    return isinstance(item, CashSubsidy) and item.basis == "house_value"


def _structures(price: PriceSource, matched: list[tuple[int, PartForm]], out: list[Problem]) -> None:
    for i, p in matched:
        path = f"parts[{i}].structure"
        if any(q.path == path for q in out):
            continue
        if not p.structure:
            out.append(problem(path, "need.structure", missing=True, part=_part_name(p, i)))
        elif p.structure not in price.by_structure:
            out.append(problem(path, "bad.structure", missing=True, part=_part_name(p, i),
                               structure=STRUCTURE_LABELS.get(p.structure, p.structure), structure_code=p.structure))


def _people(form: SurveyForm, policy: Policy, out: list[Problem]) -> None:
    if any(getattr(item, "apply_share", False) for item in policy.items) and not any(
            t.share is not None for t in form.tenures):
        out.append(problem("tenures", "need.tenure", missing=True))
    if _by_land_area(policy) and not any(t.land_area for t in form.tenures):
        out.append(problem("tenures", "need.land_area", missing=True))
    flags = {"dibao": "is_dibao", "disabled": "is_disabled", "serious_illness": "is_serious_illness"}
    hardship = {c for item in policy.items if isinstance(item, Hardship) for c in item.amounts}
    per_person = [item.count for item in policy.items if isinstance(item, TransitionPerPerson)]
    for i, m in enumerate(form.members):
        if m.id_number.strip():
            continue
        who = m.name.strip() or f"第{i + 1}位成员"
        if any(getattr(m, flags[c]) for c in hardship if c in flags):
            out.append(problem(f"members[{i}].id_number", "need.member_id_hardship", missing=True, who=who))
        elif any(c == "all" or m.hukou_here for c in per_person):
            out.append(problem(f"members[{i}].id_number", "need.member_id_person", missing=True, who=who))


def _things(form: SurveyForm, policy: Policy, out: list[Problem]) -> None:
    rates = {k: r for item in policy.items if isinstance(item, Fixtures) for k, r in item.rates.items()}
    menu = {c for item in policy.items if isinstance(item, Extras) for c in item.menu}
    for i, f in enumerate(form.fixtures):
        if not f.count:
            continue
        rate = rates.get((f.kind, f.sub_kind)) or rates.get((f.kind, ""))
        name = rate.label if rate else f"{f.kind}/{f.sub_kind}" if f.sub_kind else f.kind
        if rate is None:
            out.append(problem(f"fixtures[{i}].count", "bad.fixture", missing=True, fixture=name,
                               kind=f.kind, sub_kind=f.sub_kind))
        elif rate.unit_price is None and f.value is None:
            out.append(problem(f"fixtures[{i}].value", "need.fixture_value", missing=True, fixture=name,
                               kind=f.kind, sub_kind=f.sub_kind))
    for i, item in enumerate(form.items):
        if item.quantity and item.code not in menu:
            out.append(problem(f"items[{i}].quantity", "bad.item", missing=True, item=item.code, item_code=item.code))
    if len(form.businesses) > 1:
        out.append(problem("businesses", "bad.businesses_many", missing=True, n=len(form.businesses)))
    losses = [item for item in policy.items if isinstance(item, BusinessLoss)]
    for i, b in enumerate(form.businesses[:1]):
        name = b.name.strip() or "（未填名称）"
        uses = {u for item in losses for u in item.uses} or set(BUSINESS_USES)
        if not any(p.use in uses for p in form.parts):
            out.append(problem(f"businesses[{i}].name", "need.business_part", missing=True, name=name))
        if b.annual_profit is None and any(item.basis == "profit" for item in losses):
            out.append(problem(f"businesses[{i}].annual_profit", "need.annual_profit", missing=True, name=name))
