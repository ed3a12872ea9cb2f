"""交房验收 and 信访/纠纷 through the real services: roles, status moves, photos as attachments, follow-ups."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from money_helpers import HQ, SIGN_DAY, SUPERVISOR, WORKER, agreement_of
from sqlalchemy import select

from survey_app.core.domain.errors import PermissionDenied, ValidationError
from survey_app.core.services import grievances as gv
from survey_app.core.services.handover import handover_of, record_handover
from survey_app.core.storage.models import Attachment, Household


def test_a_supervisor_records_the_handover_with_photos(signed_db, tmp_path) -> None:
    hid, _number, _net = agreement_of(signed_db, "A2-0004")
    photo = tmp_path / "meter.jpg"
    photo.write_bytes(b"\xff\xd8 not really a jpeg, stored as it is")
    with pytest.raises(PermissionDenied):
        record_handover(signed_db, WORKER, hid, SIGN_DAY)
    with pytest.raises(ValidationError, match="水表读数"):
        record_handover(signed_db, SUPERVISOR, hid, SIGN_DAY, water="12.345")
    info = record_handover(signed_db, SUPERVISOR, hid, SIGN_DAY, water="1234.5", power="8,765.25", keys=3,
                           notes="屋内已清空", photos=[(photo, "meters")])
    assert (info.water_reading, info.power_reading, info.gas_reading) == (Decimal("1234.50"), Decimal("8765.25"), None)
    assert handover_of(signed_db, hid) == info and info.photos == 1 and info.checked_by == "reviewer"
    with signed_db.read() as s:
        assert s.get(Household, hid).status == "handed_over"
        a = s.scalar(select(Attachment).where(Attachment.household_id == hid, Attachment.kind == "handover"))
        assert a.category == "meters" and a.record_id.hex == info.id
    with pytest.raises(ValidationError, match="只有已签约"):
        record_handover(signed_db, SUPERVISOR, hid, SIGN_DAY)


def test_handover_is_refused_before_signing(demo_db) -> None:
    with demo_db.read() as s:
        hid = s.scalar(select(Household.id).where(Household.status == "calculated").limit(1))
    with pytest.raises(ValidationError, match="只有已签约"):
        record_handover(demo_db, SUPERVISOR, hid, SIGN_DAY)


def test_grievance_life_open_following_closed(signed_db, tmp_path) -> None:
    hid, _number, _net = agreement_of(signed_db, "A2-0004")
    letter = tmp_path / "来信.pdf"
    letter.write_bytes(b"%PDF-1.4 letter")
    g = gv.add_grievance(signed_db, WORKER, hid, "petition", "对面积认定有异议", detail="认为阁楼应计入",
                         due_on=SIGN_DAY + dt.timedelta(days=15), files=[letter])
    assert (g.status, g.kind_label, g.attachments, g.raised_on) == ("open", "信访", 1, SIGN_DAY)
    g = gv.follow_up(signed_db, WORKER, g.id, "已约测绘复核", on=SIGN_DAY)
    assert g.status == "following" and [f.note for f in g.follow_ups] == ["已约测绘复核"]
    with pytest.raises(PermissionDenied, match="指挥部管理员"):
        gv.close_grievance(signed_db, SUPERVISOR, g.id, "已解释")
    assert [x.id for x in gv.list_grievances(signed_db, overdue_on=SIGN_DAY + dt.timedelta(days=16))] == [g.id]
    assert gv.list_grievances(signed_db, overdue_on=SIGN_DAY + dt.timedelta(days=15)) == []
    gv.close_grievance(signed_db, HQ, g.id, "复核后维持原认定，已书面答复")
    closed = gv.get_grievance(signed_db, g.id)
    assert closed.status == "closed" and closed.closed_by == "hq" and not closed.overdue(SIGN_DAY + dt.timedelta(days=99))
    with pytest.raises(ValidationError, match="已办结"):
        gv.follow_up(signed_db, WORKER, g.id, "又来电")
    assert [x.id for x in gv.list_grievances(signed_db, status="closed")] == [g.id]
    assert gv.list_grievances(signed_db, status="unresolved") == []


def test_grievance_input_is_checked(signed_db) -> None:
    hid, _number, _net = agreement_of(signed_db, "A2-0004")
    with pytest.raises(ValidationError, match="类别"):
        gv.add_grievance(signed_db, WORKER, hid, "rumour", "x")
    with pytest.raises(ValidationError, match="事由"):
        gv.add_grievance(signed_db, WORKER, hid, "dispute", "  ")
    with pytest.raises(ValidationError, match="办理期限"):
        gv.add_grievance(signed_db, WORKER, hid, "dispute", "噪音", due_on=SIGN_DAY - dt.timedelta(days=1))


def test_a_field_worker_only_for_their_own_households(signed_db) -> None:
    from survey_app.core.domain.roles import Role
    from survey_app.core.storage.uow import Actor

    hid, _number, _net = agreement_of(signed_db, "A2-0004")
    other = Actor(username="someone_else", role=Role.FIELD_WORKER, device="T01")
    with pytest.raises(PermissionDenied, match="未分派给您"):
        gv.add_grievance(signed_db, other, hid, "dispute", "噪音")
