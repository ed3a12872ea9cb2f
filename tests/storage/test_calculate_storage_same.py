"""测算 stores its rows without ORM objects (storage/bulk.py ``SessionInserts``): nothing observable changed.

The per-row ORM path it replaced is kept here, verbatim, as ``_orm_calculate_in``. The same calculations are
made on two copies of the demo database, one through each path, with the same ids and the same clock: every
row of calculations, calculation_lines and households, every audit event (hash and MAC included) and every
ChangeSet must come out identical, byte for byte — and ``audit verify`` passes on both.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import shutil
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select, text

from survey_app.core.domain.ids import uuid7
from survey_app.core.domain.roles import Role
from survey_app.core.services import calculations
from survey_app.core.services.audit import verify_database
from survey_app.core.storage import audit_writer, bulk, calc_inputs, uow
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import (
    Appraisal,
    AuditEvent,
    BuildingPart,
    Business,
    Calculation,
    CalculationLine,
    Fixture,
    Household,
    Member,
    SurveyItem,
    Tenure,
)
from survey_app.core.storage.uow import Actor

WORKER = Actor(username="worker", role=Role.FIELD_WORKER, device="T01")
HQ = Actor(username="hq", role=Role.HQ_ADMIN, device="T01")
CLOCK = dt.datetime(2023, 7, 1, 2, 30, tzinfo=dt.UTC)
TABLES = {"calculations": "id", "calculation_lines": "id", "households": "id", "audit_events": "seq"}


def _orm_calculate_in(s, actor, hid, _policies=None):
    """The storing path before issue 11 item 6: one ORM object per row, one flush per option, every read
    made anew (the policy cache of calculate_many is ignored)."""
    h = s.get(Household, hid)
    if h is None or h.deleted_at is not None:
        raise calculations.NotFound("该住户不存在或已删除")
    calculations.require_own(s, actor, h)
    pv, policy = calculations.current_policy(s, h.project_id)
    form = calculations.store.form_of(s, h)
    problems = calculations.check(form) + calculations.readiness.missing(form, policy)
    if problems:
        raise calculations.readiness.SurveyIncomplete(problems, f"户 {h.household_code} 的调查还不完整，无法测算，请先补全：")
    try:
        inputs = calculations.household_input(s, h)
        results = calculations.compute_all(policy, inputs)
    except calculations.ValidationError as exc:
        raise calculations.calc_errors.in_chinese(exc, h.household_code) from None
    previous = {c.option_key: c for c in s.scalars(select(Calculation).where(
        Calculation.household_id == hid, Calculation.status.in_(("current", "stale"))))}
    for old in previous.values():
        old.status = "superseded"
    snapshot = {**inputs.to_dict(), calculations.DOCUMENT_KEY: calculations.document_snapshot(s, h)}
    inputs_json = json.dumps(snapshot, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    now = calculations.utcnow()
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
        stored.append(calculations.StoredOption(calc.id.hex, r.option_key, "current", r))
    return stored


def _pin_ids_and_clock(mp: pytest.MonkeyPatch, base: int) -> None:
    """Both paths draw the same ids in the same order (they always made them in one order) and read one clock."""
    counter = itertools.count(1)

    def next_id() -> uuid.UUID:
        return uuid.UUID(int=base + next(counter))

    for module in (uow, bulk, calculations):
        mp.setattr(module, "new_id", next_id, raising=False)
    for module in (uow, bulk, calculations, audit_writer):
        mp.setattr(module, "utcnow", lambda: CLOCK, raising=False)


def _dump(db: Database) -> dict[str, list[tuple]]:
    with db.engine.connect() as conn:
        rows = {t: [tuple(r) for r in conn.execute(text(f"SELECT * FROM {t} ORDER BY {key}"))]
                for t, key in TABLES.items()}
    rows["audit_events"] = _events_in_any_flush_order(rows["audit_events"])
    return rows


def _events_in_any_flush_order(events: list[tuple]) -> list[tuple]:
    """The events without seq, hash and MAC, each run of supersedings sorted: one flush writes them in the
    order of the session's dirty set, which even the ORM path never fixed (so the hashes differ with it;
    ``audit verify`` checks the chain of each database)."""
    out: list[tuple] = []
    for superseding, run in itertools.groupby(events, key=lambda e: (e[4], e[5]) == ("update", "calculations")):
        fields = [e[1:9] for e in run]
        out += sorted(fields) if superseding else fields
    return out


def _changes(cs) -> tuple:
    return ({k: v for k, v in cs.inserted.items() if v}, {k: v for k, v in cs.updated.items() if v},
            {k: v for k, v in cs.deleted.items() if v}, cs.audit_events)


def _run_both(demo_db: Database, template: Path, tmp_path: Path, work) -> tuple[Database, Database, list, list]:
    """``work(db)`` on a second copy of the demo template through the old ORM path, and on ``demo_db`` (the
    first copy) through the current one."""
    old_path = tmp_path / "orm_path.sqlite3"
    shutil.copyfile(template, old_path)
    old_db = Database(old_path)
    base = uuid7().int
    with pytest.MonkeyPatch.context() as mp:
        _pin_ids_and_clock(mp, base)
        mp.setattr(calculations, "_calculate_in", _orm_calculate_in)
        old_out = work(old_db)
    with pytest.MonkeyPatch.context() as mp:
        _pin_ids_and_clock(mp, base)
        new_out = work(demo_db)
    return old_db, demo_db, old_out, new_out


def _calculable(db: Database, status: str) -> list[uuid.UUID]:
    with db.read() as s:
        return list(s.scalars(select(Household.id).where(Household.status == status).order_by(Household.id)))


def test_calculate_and_recalculate_write_what_the_orm_path_wrote(demo_db, _demo_template, tmp_path) -> None:
    surveyed = _calculable(demo_db, "surveyed")[:2]
    calculated = _calculable(demo_db, "calculated")[:2]  # the demo calculated these: recalculating supersedes

    def work(db: Database) -> list:
        out = []
        for hid in surveyed + calculated + surveyed:  # a second round supersedes the first
            written = calculations.calculate(db, WORKER if hid in surveyed else HQ, hid)
            out.append(([(o.id, o.option_key, o.status, o.result.to_canonical_json()) for o in written],
                        _changes(written.changes)))
        return out

    old_db, new_db, old_out, new_out = _run_both(demo_db, _demo_template, tmp_path, work)
    try:
        assert new_out == old_out
        assert all(o[0] for o in new_out) and any(o[1][1].get("calculations") for o in new_out)  # superseded
        old_rows, new_rows = _dump(old_db), _dump(new_db)
        for table in TABLES:
            assert new_rows[table] == old_rows[table], table
        assert verify_database(new_db).ok and verify_database(old_db).ok
    finally:
        old_db.dispose()


def test_calculate_many_writes_what_the_orm_path_wrote(demo_db, _demo_template, tmp_path) -> None:
    ids = _calculable(demo_db, "calculated") + _calculable(demo_db, "surveyed")[:3]

    def work(db: Database) -> list:
        with db.read() as s:
            head = s.scalar(select(AuditEvent.seq).order_by(AuditEvent.seq.desc()).limit(1))
        calculations.calculate_many(db, HQ, ids, choose=True)
        with db.read() as s:
            return s.execute(select(AuditEvent.action, AuditEvent.entity).where(AuditEvent.seq > head)
                             .order_by(AuditEvent.seq)).all()

    old_db, new_db, old_events, new_events = _run_both(demo_db, _demo_template, tmp_path, work)
    try:
        assert [tuple(e) for e in new_events] == [tuple(e) for e in old_events]
        entities = {e for _, e in new_events}
        assert {"calculations", "calculation_lines", "households"} <= entities
        assert ("update", "calculations") in {tuple(e) for e in new_events}  # the demo's options superseded
        old_rows, new_rows = _dump(old_db), _dump(new_db)
        for table in TABLES:
            assert new_rows[table] == old_rows[table], table
        assert verify_database(new_db).ok
    finally:
        old_db.dispose()


def test_rows_with_flush_rules_or_missing_columns_are_refused(demo_db) -> None:
    with demo_db.uow(HQ) as work:
        inserts = bulk.SessionInserts(work.session)
        with pytest.raises(ValueError, match="households"):
            inserts.add(Household.__table__, {})
        with pytest.raises(ValueError, match="line_no"):
            inserts.add(CalculationLine.__table__, {"calculation_id": uuid7(), "item_code": "x", "label": "",
                                                    "formula": "", "amount": 0})


# Every read household_input and document_snapshot make, as (model, ORDER BY columns).
READS = [(Tenure, ()), (Tenure, ("id",)), (Appraisal, ("use",)), (Business, ()), (Member, ("sort_order",)),
         (BuildingPart, ("sort_order",)), (Fixture, ("kind", "sub_kind")), (SurveyItem, ("code",))]


def test_shared_reads_give_what_each_query_gives_ties_included(demo_db) -> None:
    hid = _calculable(demo_db, "surveyed")[0]
    with demo_db.uow(HQ) as work:  # ties: two members on one sort_order, two fixtures of one kind
        s = work.session
        s.add_all([Member(household_id=hid, sort_order=7, name="甲", relation="child"),
                   Member(household_id=hid, sort_order=7, name="乙", relation="child"),
                   Fixture(household_id=hid, kind="空调", count=1), Fixture(household_id=hid, kind="空调", count=2)])
        work.commit()
    with demo_db.read() as s:
        for h in s.scalars(select(Household).where(Household.deleted_at.is_(None))):
            live = calc_inputs.LiveRows(s, h.id)
            for model, order in READS:
                assert live.get(model, *order) == calc_inputs.live_rows(s, model, h.id, *order), (model, order)
            assert (calc_inputs.household_input(s, h, rows=live).to_dict()
                    == calc_inputs.household_input(s, h).to_dict())
            assert calc_inputs.document_snapshot(s, h, live) == calc_inputs.document_snapshot(s, h)
        members = calc_inputs.LiveRows(s, hid).get(Member, "sort_order")
        assert [m.name for m in members if m.sort_order == 7] in (["甲", "乙"], ["乙", "甲"])
