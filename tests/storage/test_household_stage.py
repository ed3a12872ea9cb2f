"""Where a household stands, who acts next and what is missing; the worker's drafts and next visits."""

from __future__ import annotations

from survey_app.core.domain.roles import Role
from survey_app.core.services import household_stage as hs
from survey_app.core.services import households, workflow
from survey_app.core.services.households import HouseholdFilter
from survey_app.core.services.survey import drafts
from survey_app.core.services.survey.store import load_form
from survey_app.core.storage.uow import Actor


def _first(db, status):
    return households.get_detail(db, households.search_keys(db, HouseholdFilter(status=status))[0])


def test_each_status_has_a_stage_an_actor_and_a_next_step(demo_db) -> None:
    expected = {"pending": (0, "field_worker"), "surveyed": (1, "supervisor"), "reviewed": (2, "field_worker"),
                "signed": (5, "supervisor"), "handed_over": (hs.DONE, "")}
    for status, (stage, role) in expected.items():
        d = _first(demo_db, status)
        st = hs.standing(demo_db, d.id, "worker")
        assert (st.stage, st.role) == (stage, role), status
        assert st.assignee == d.assigned_to and st.origin == "roster"
    calculated = hs.standing(demo_db, _first(demo_db, "calculated").id)
    assert calculated.stage in (3, 4) and calculated.action in ("print", "sign")


def test_missing_items_of_a_pending_survey_are_listed(demo_db) -> None:
    for key in households.search_keys(demo_db, HouseholdFilter(status="pending")):
        d = households.get_detail(demo_db, key)
        if not d.appraisals:
            st = hs.standing(demo_db, d.id)
            assert st.action == "submit" and "缺少评估结果（由指挥部导入评估报告）" in st.missing
            return
    raise AssertionError("no pending household without an appraisal in the demo")


def test_drafts_and_next_households_to_visit(demo_db) -> None:
    pending = _first(demo_db, "pending")
    surveyed = _first(demo_db, "surveyed")
    workflow.return_for_rework(demo_db, Actor("reviewer", Role.SUPERVISOR, "T01"), surveyed.id, "补拍照片")
    drafts.save_draft(demo_db, "worker", load_form(demo_db, pending.id))
    listed = hs.drafts_of(demo_db, "worker")
    assert [x.id for x in listed] == [pending.id] and hs.draft_ids(demo_db, "worker") == {pending.id}
    assert hs.drafts_of(demo_db, "reviewer") == []
    assert hs.standing(demo_db, pending.id, "worker").has_draft
    visits = hs.next_to_visit(demo_db, "worker", limit=5)
    assert visits[0].id == surveyed.id and visits[0].returned  # the returned one first
    assert len(visits) == 5 and {v.status for v in visits} == {"pending"}
