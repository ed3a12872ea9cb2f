"""A calculation's inputs as read from the stored survey records: the engine's ``HouseholdInput``
(docs/calc-input.md) and the snapshot of what its documents print. Here in storage (issue 11 item 3)
because the services computing on a laptop and sync re-deriving at HQ must read the records the same
way, and sync never imports the services."""

from __future__ import annotations

import datetime as dt
import functools
import json
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from survey_app.core.compensation.inputs import HouseholdInput
from survey_app.core.domain import china_time
from survey_app.core.storage import flat_choices
from survey_app.core.storage.models import (
    Agreement,
    Appraisal,
    BuildingPart,
    Business,
    Fixture,
    Handover,
    Household,
    Member,
    SurveyItem,
    Tenure,
)


@functools.cache
def _live_statement(model: Any, order: tuple[str, ...]) -> Any:
    """Built once per model and order: building the select and its cache key each time cost more than running
    it (one household's rows of a table: 355 µs of CPU per read, 148 µs with the statement built once)."""
    stmt = select(model).where(model.household_id == bindparam("hid"), model.deleted_at.is_(None))
    return stmt.order_by(*(getattr(model, k) for k in order)) if order else stmt


def live_rows(session: Session, model: Any, household_id: uuid.UUID, *order: str) -> list:
    """One household's live (not deleted) rows of ``model``, in ``order`` (column names)."""
    return list(session.scalars(_live_statement(model, order), {"hid": household_id}))


class LiveRows:
    """One household's live survey rows for one calculation: each kind read once, in the survey form's order
    (``sort_order`` then id, or id; services/survey/store.py ``form_of`` takes them from here), and handed to
    :func:`household_input` and :func:`document_snapshot` when that order is provably the one their own query
    would give: at most one row, ordered by id, or by a ``sort_order`` no two rows share. Any other order
    (text keys sort by the database's collation, which Python can't reproduce on PostgreSQL) is queried as
    before, so the inputs come out the same byte for byte."""

    def __init__(self, session: Session, household_id: uuid.UUID):
        self.session, self.household_id = session, household_id
        self._form: dict[Any, list] = {}

    def form(self, model: Any) -> list:
        """The live rows in the form's order (read on first use)."""
        rows = self._form.get(model)
        if rows is None:
            order = ("sort_order", "id") if hasattr(model, "sort_order") else ("id",)
            rows = self._form[model] = live_rows(self.session, model, self.household_id, *order)
        return rows

    def get(self, model: Any, *order: str) -> list:
        """The live rows as ``ORDER BY order`` (no order: the database's own) returns them."""
        rows = self.form(model)
        if len(rows) <= 1:
            return list(rows)
        if order == ("id",):
            return sorted(rows, key=lambda r: r.id) if hasattr(model, "sort_order") else list(rows)
        if order == ("sort_order",) and len({r.sort_order for r in rows}) == len(rows):
            return list(rows)
        return live_rows(self.session, model, self.household_id, *order)


def _reader(session: Session, household_id: uuid.UUID, rows: LiveRows | None) -> Any:
    """``read(model, *order)``: from shared ``rows`` if given, else one query per call."""
    return rows.get if rows is not None else (lambda model, *order: live_rows(session, model, household_id, *order))


def _text(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def handover_date(session: Session, household_id: uuid.UUID, calculation_id: uuid.UUID | None = None) -> dt.date | None:
    """The day of the household's latest 交房验收 that a calculation sees (a signing reward may be tiered by it).

    A handover is recorded under a signed agreement, after the calculation that agreement rests on: so a new
    calculation (``calculation_id`` None) sees every handover, and HQ re-deriving calculation X ignores those
    recorded under an agreement built on X — as the device did when it computed X."""
    stmt = (select(Handover.handed_on).outerjoin(Agreement, Agreement.id == Handover.agreement_id)
            .where(Handover.household_id == household_id, Handover.deleted_at.is_(None)))
    if calculation_id is not None:
        stmt = stmt.where((Agreement.calculation_id.is_(None)) | (Agreement.calculation_id != calculation_id))
    return session.scalar(stmt.order_by(Handover.handed_on.desc(), Handover.created_at.desc()).limit(1))


def household_input(session: Session, h: Household, signing_date: dt.date | None = None,
                    calculation_id: uuid.UUID | None = None, rows: LiveRows | None = None) -> HouseholdInput:
    """The engine's input for a stored household (format of docs/calc-input.md).

    The signing date is the day of the calculation (China's) unless given: date-tiered rewards are
    priced for signing today, and signing in another tier is refused until recalculated. The handover date
    is that of the household's 交房验收 record, if any (``calculation_id``: see :func:`handover_date`).
    ``rows``: the household's rows already read for this calculation (:class:`LiveRows`)."""
    read = _reader(session, h.id, rows)
    tenures = read(Tenure)
    share = min(sum((t.share for t in tenures), Decimal(0)), Decimal(1)) if tenures else Decimal(1)
    land = [t.land_area for t in tenures if t.land_area is not None]
    appraisals = read(Appraisal, "use")
    businesses = read(Business)
    # The appraisal report's price for one building part (rows imported with a part_id): passed on the
    # part for items with price = "part_appraisal"; a part without one carries no unit_price (old bytes).
    part_prices = {a.part_id: a.unit_price for a in appraisals if a.part_id is not None}
    # … and its decoration amount (装修评估值) for decoration items with price = "part_appraisal".
    part_decoration = {a.part_id: a.decoration_value for a in appraisals if a.part_id is not None}
    # … and its decoration unit price (装修单价, 元/m²) for decoration items with price = "part_appraisal_unit".
    part_decoration_rate = {a.part_id: a.decoration_unit_price for a in appraisals if a.part_id is not None}
    data: dict[str, Any] = {
        "household_code": h.household_code,
        "head_name": h.head_name,
        "members": [{"relation": m.relation, "name": m.name, "id_number": m.id_number, "dibao": m.is_dibao,
                     "disabled": m.is_disabled, "serious_illness": m.is_serious_illness, "hukou_here": m.hukou_here}
                    for m in read(Member, "sort_order")],
        "share": f"{share.normalize():f}" if share != share.to_integral_value() else str(int(share)),
        "building_parts": [
            {k: v for k, v in {
                "label": p.label, "area": _text(p.area) if p.area_exact is None else f"{p.area_exact:.3f}",
                "use": p.use, "legality": p.legality, "category": p.category or None,
                "structure": p.structure or None, "decoration_grade": p.decoration_grade or None,
                "actual_use": p.actual_use or None,
                "temporary_term_valid": p.temporary_term_end.isoformat() if p.temporary_term_end else None,
                "unit_price": _text(part_prices.get(p.id)),
                "decoration_value": _text(part_decoration.get(p.id)),
                "decoration_unit_price": _text(part_decoration_rate.get(p.id)),
            }.items() if v is not None}
            for p in read(BuildingPart, "sort_order")],
        "fixtures": [{k: v for k, v in {"kind": f.kind, "sub_kind": f.sub_kind or None, "count": str(f.count),
                                        "value": _text(f.value)}.items() if v is not None}
                     for f in read(Fixture, "kind", "sub_kind")],
        "extra_items": [{"code": i.code, "quantity": _text(i.quantity)}
                        for i in read(SurveyItem, "code")],
        "business": ({"uscc": businesses[0].uscc, "area": _text(businesses[0].area),
                      "annual_profit": _text(businesses[0].annual_profit)} if businesses else None),
        "appraisal": {"unit_price": {a.use: _text(a.unit_price) for a in appraisals},
                      "report_no": appraisals[0].report_no if appraisals else ""},
        "land_area": _text(sum(land, Decimal(0))) if land else None,
        "delivery": h.delivery or None,
        "mode": h.chosen_mode or None,
        "signing_date": (signing_date or china_time.today()).isoformat(),
        "owner_type": h.owner_type or None,  # 被征收人类型 (0012); written in the input only when not 个人
        # 选房组合 (0015): the exchange options offered are these; none ("[]"): each flat type alone (old bytes)
        "flat_choices": flat_choices.load(h.flat_choices),
    }
    handed_on = handover_date(session, h.id, calculation_id)
    if handed_on is not None:  # written in the input only when there is one (older inputs keep their bytes)
        data["handover_date"] = handed_on.isoformat()
    if data["business"] and data["business"]["annual_profit"] is None:
        del data["business"]["annual_profit"]
    return HouseholdInput.from_dict(data, source=h.household_code)


# The calculation's inputs snapshot (calculations.inputs_json) is the engine's input (docs/calc-input.md)
# plus, under this key, what its documents print besides the engine's figures: names, ID numbers,
# certificates, phones, address — as they were when the figures were computed, so an agreement is built
# only from the calculation. HouseholdInput.from_dict is strict: use engine_inputs() to read it back.
DOCUMENT_KEY = "document"


def document_snapshot(session: Session, h: Household, rows: LiveRows | None = None) -> dict[str, Any]:
    """What an agreement or sheet prints about the household's people and title (plain JSON values)."""
    read = _reader(session, h.id, rows)
    tenures = read(Tenure, "id")
    phones = {m.id_number: m.phone for m in read(Member, "sort_order")
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
