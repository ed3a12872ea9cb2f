"""The detail pane's selection, the survey form's read and the current-policy look-up read less (issue 11 items
5/6) and answer the same: the paths they replaced (test_read_paths_old.py, verbatim) are compared with them on
every household of the demo, after ``tangle`` has made rows tie in every order (the form's ``sort_order`` and the
panel's text keys), deleted some, surveyed an area to 0.001 m², and given households a draft, a printed agreement
and an open 测算不一致. tests/pg/test_pg_read_paths.py runs the same comparison on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import re
import sys
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import event, select, update

sys.path.insert(0, str(Path(__file__).parent))  # test_read_paths_old

import test_read_paths_old as old

from survey_app.core.domain.errors import NotFound, ValidationError
from survey_app.core.services import household_stage, households, policies, policy_menus
from survey_app.core.services.survey import drafts, readiness, store
from survey_app.core.storage.models import (
    Agreement,
    Appraisal,
    BuildingPart,
    Business,
    Calculation,
    Fixture,
    Household,
    Member,
    PolicyVersion,
    Project,
    SurveyItem,
    SyncIssue,
    Tenure,
)

KINDS = (Member, Tenure, BuildingPart, Fixture, SurveyItem, Business, Appraisal)
USERS = ("", "worker", "reviewer")


def _ids(db, *where) -> list[uuid.UUID]:
    with db.read() as s:
        return list(s.scalars(select(Household.id).where(*where).order_by(Household.household_code)))


def tangle(db) -> None:
    """Rows that tie in every order the reads use, on a few households of each status (see the module's doc)."""
    every = _ids(db, Household.deleted_at.is_(None))
    chosen = every[::7]
    with db.begin_write() as conn:
        for n, hid in enumerate(chosen):
            for model in KINDS:
                table = model.__table__
                rows = conn.execute(select(table).where(table.c.household_id == hid)).mappings().all()
                for k, row in enumerate(rows[:2]):  # copies sharing every text key and sort_order of the row
                    low, high = uuid.UUID(int=(n * 100 + k) * 2 + 1), uuid.UUID(int=2**128 - (n * 100 + k) * 2 - 2)
                    for new_id in (low, high):
                        conn.execute(table.insert().values({**row, "id": new_id}))
                if hasattr(model, "sort_order"):  # every row of the kind on one sort_order: ordered by id
                    conn.execute(update(table).where(table.c.household_id == hid).values(sort_order=0))
            if n % 2:  # the panel's tenures all on one certificate number
                conn.execute(update(Tenure.__table__).where(Tenure.household_id == hid).values(certificate_no=""))
        parts = conn.execute(select(BuildingPart.id).where(BuildingPart.household_id.in_(chosen[:3]))).scalars().all()
        if parts:  # an area surveyed to 0.001 m²; a deleted member
            conn.execute(update(BuildingPart.__table__).where(BuildingPart.id == parts[0])
                         .values(area=Decimal("12.35"), area_exact=Decimal("12.345")))
        member = conn.execute(select(Member.id).where(Member.household_id == chosen[0])).scalars().first()
        conn.execute(update(Member.__table__).where(Member.id == member).values(deleted_at=dt.datetime.now(dt.UTC)))
        calculated = conn.execute(select(Calculation.household_id, Calculation.id).join(
            Household, Household.id == Calculation.household_id).where(
            Household.status == "calculated", Calculation.status == "current").order_by(Household.household_code)).all()
        for n, (hid, calc, status) in enumerate(zip(*zip(*calculated[:3]), ("printed", "void", "draft"), strict=False)):
            # printed (to be signed), void (as none), draft (to be printed)
            conn.execute(Agreement.__table__.insert().values(
                id=uuid.uuid4(), household_id=hid, calculation_id=calc, number=f"TEST-{n}", mode="cash",
                total=Decimal("1.00"), net=Decimal("1.00"), status=status))
        conn.execute(SyncIssue.__table__.insert().values(  # an open 测算不一致 on one of them
            kind="recheck", entity="calculations", entity_id=calculated[1][1].hex, device="T02", status="open",
            created_at=dt.datetime.now(dt.UTC)))
    for hid in _ids(db, Household.status == "pending")[:2]:
        drafts.save_draft(db, "worker", store.load_form(db, hid))


def _worth_comparing(db, keys: list[int], rows: dict) -> list[int]:
    """The households ``tangle`` touched (tied rows, drafts, agreements, the open issue) and every status's
    first few: the ones whose reads can differ. Comparing all 60 three ways cost ~5 CPU-s a run (10 s on
    PostgreSQL) and found nothing these do not."""
    with db.read() as s:
        special = (set(s.scalars(select(drafts.Draft.household_id)))  # (hex, as the list rows' ids)
                   | {h.hex for h in s.scalars(select(Agreement.household_id))})
    tangled = {h.hex for h in _ids(db, Household.deleted_at.is_(None))[::7]}
    seen: dict[str, int] = {}
    out = []
    for key in keys:
        row = rows[key]
        seen[row.status] = seen.get(row.status, 0) + 1
        if row.id in tangled or row.id in special or seen[row.status] <= 2:
            out.append(key)
    assert tangled <= {rows[k].id for k in out} and special <= {rows[k].id for k in out}
    return out


def assert_reads_same(db) -> int:
    """The households worth comparing (``_worth_comparing``) read both ways, by list key and by id: the same
    detail, form and standing. Returns how many households were compared."""
    keys = households.search_keys(db, households.HouseholdFilter())
    rows = households.fetch_rows(db, keys)
    keys = _worth_comparing(db, keys, rows)
    for key in keys:
        hid = rows[key].id
        detail = old.get_detail(db, key)
        form = old.load_form(db, hid)
        assert households.get_detail(db, key) == detail == households.get_detail(db, hid)
        assert store.load_form(db, hid) == form
        assert households.detail_and_form(db, hid) == (detail, form)
        for user in USERS:
            was = old.standing(db, hid, user)
            assert household_stage.selected(db, key, user) == (detail, was), (rows[key].household_code, user)
            assert household_stage.standing(db, hid, user) == was
        assert household_stage.survey_missing(db, hid) == old.survey_missing(db, hid)
    assert readiness.current(db) == old.current(db)
    assert policy_menus.policy_menus(db) == old.policy_menus(db)
    return len(keys)


def test_every_household_reads_the_same_after_rows_are_made_to_tie(demo_db) -> None:
    tangle(demo_db)
    standings = {old.standing(demo_db, h, "worker") for h in _ids(demo_db)}
    assert {s.stage for s in standings} >= {0, 1, 2, 3, 5} and any(s.has_draft for s in standings)
    assert any(s.disputed for s in standings) and any(s.action == "sign" for s in standings)
    assert any(s.missing for s in standings if s.stage == 0)
    assert assert_reads_same(demo_db) >= 15


def test_a_deleted_household_is_not_found_either_way(demo_db) -> None:
    pending, signed = _ids(demo_db, Household.status == "pending")[0], _ids(demo_db, Household.status == "signed")[0]
    with demo_db.begin_write() as conn:
        conn.execute(update(Household.__table__).where(Household.id.in_([pending, signed]))
                     .values(deleted_at=dt.datetime.now(dt.UTC)))
    for hid in (pending, signed):
        for read in (households.get_detail, store.load_form, household_stage.selected, households.detail_and_form):
            with pytest.raises(NotFound, match="该住户不存在或已删除"):
                read(demo_db, hid)
    assert household_stage.standing(demo_db, signed, "worker") == old.standing(demo_db, signed, "worker")
    with pytest.raises(NotFound):
        old.standing(demo_db, pending)  # its survey is read: gone (as before)
    with pytest.raises(NotFound):
        household_stage.standing(demo_db, pending)
    absent = uuid.UUID(int=5)
    assert household_stage.standing(demo_db, absent) == old.standing(demo_db, absent)


def test_a_new_publication_is_seen_at_once(demo_db, admin) -> None:
    first = readiness.published(demo_db)
    assert first.policy is old.current(demo_db) and readiness.published(demo_db) is first  # parsed once
    with demo_db.read() as s:
        text = s.scalar(select(PolicyVersion.content).where(PolicyVersion.id == first.version_id))
    policies.publish_text(demo_db, admin, text.replace("version = \"", "version = \"新版 ", 1), "新版.toml",
                          reason="调整")
    now = readiness.published(demo_db)
    assert now.version_id != first.version_id and now.label.startswith("新版 ")
    assert now.policy == old.current(demo_db) and readiness.current(demo_db) == now.policy
    assert policy_menus.policy_menus(demo_db) == old.policy_menus(demo_db)
    assert_reads_same(demo_db)


def test_no_project_and_no_published_policy_answer_as_before(db, admin) -> None:
    assert readiness.published(db) is None and readiness.current(db) is None is old.current(db)
    assert policy_menus.policy_menus(db) == old.policy_menus(db) == policy_menus.menus_of(None)
    with db.begin_write() as conn:
        conn.execute(Project.__table__.insert().values(id=uuid.uuid4(), name="试点", code="P1"))
    assert readiness.current(db) is None is old.current(db)
    for menus in (policy_menus.policy_menus, old.policy_menus):
        with pytest.raises(ValidationError, match="还没有已发布的补偿方案"):
            menus(db)


def _statements(db) -> list[frozenset[str]]:
    """The tables each statement run on ``db`` from now on reads (subqueries' included)."""
    seen: list[frozenset[str]] = []
    event.listen(db.engine, "before_cursor_execute", lambda *a: a[2].startswith("SELECT") and seen.append(
        frozenset(re.findall(r"\bFROM\s+(\w+)", a[2]))))
    return seen


def test_a_selection_reads_each_table_once(demo_db) -> None:
    hid = next(h for h in _ids(demo_db, Household.status == "pending") if old.survey_missing(demo_db, h))
    household_stage.selected(demo_db, hid, "worker")  # the policy parsed once for the process
    seen = _statements(demo_db)
    detail, standing = household_stage.selected(demo_db, hid, "worker")
    assert standing.missing and standing.stage == 0 and detail.id == hid.hex
    lists = [frozenset([m.__tablename__]) for m in KINDS]
    assert sorted(seen, key=sorted) == sorted([
        frozenset(["households"]), *lists,  # the household and each of its lists: the panel's and the form's
        frozenset(["households", "calculations", "agreements", "drafts", "sync_issues"]),  # where it stands
        frozenset(["policy_versions", "projects"]),  # which policy is current (parsed before)
    ], key=sorted), seen
    old_form = old.load_form(demo_db, hid)
    seen.clear()
    assert store.load_form(demo_db, hid) == old_form
    assert sorted(seen, key=sorted) == sorted([frozenset(["households"]), *lists], key=sorted), seen
