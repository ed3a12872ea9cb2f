from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from sqlalchemy import select

from survey_app.core.domain.errors import IntegrityError
from survey_app.core.storage.models import AuditEvent, BuildingPart, Household, PolicyVersion, Project, User


def _household(uow, code: str = "A1-0001") -> Household:
    project = Project(code="P", name="测试项目")
    uow.session.add(project)
    uow.session.flush()
    h = Household(project_id=project.id, household_code=code, head_name="张伟", phone="13800138000",
                  address="人民路1号")
    uow.session.add(h)
    return h


def test_commit_reports_what_changed_and_stamps_records(db, admin) -> None:
    with db.uow(admin) as uow:
        h = _household(uow)
        changes = uow.commit()
    assert changes.inserted["households"] == {h.id}
    assert changes.touches("projects", "households") and not changes.updated
    assert (h.rev, h.updated_by, h.origin_device) == (1, "hq", "T01")
    assert h.updated_at.tzinfo is dt.UTC
    assert h.search_key.count("zhangwei") == 1

    with db.uow(admin) as uow:
        again = uow.session.get(Household, h.id)
        again.head_name = "张伟伟"
        changes = uow.commit()
    assert changes.updated["households"] == {h.id}
    assert again.rev == 2 and "zhangweiwei" in again.search_key


def test_leaving_without_commit_rolls_back(db, admin) -> None:
    with db.uow(admin) as uow:
        _household(uow)
        uow.session.flush()
    with db.read() as s:
        assert s.scalar(select(Household)) is None
        assert s.scalar(select(AuditEvent)) is None


def test_an_exception_rolls_back(db, admin) -> None:
    with pytest.raises(RuntimeError), db.uow(admin) as uow:
        _household(uow)
        uow.session.flush()
        raise RuntimeError("power cut")
    with db.read() as s:
        assert s.scalar(select(Project)) is None


def test_every_change_is_audited_field_by_field(db, admin) -> None:
    with db.uow(admin) as uow:
        h = _household(uow)
        uow.session.flush()
        uow.session.add(BuildingPart(household_id=h.id, area=Decimal("58.32")))
        uow.commit()
    with db.uow(admin) as uow:
        part = uow.session.scalar(select(BuildingPart))
        part.area = Decimal("60.5")
        uow.commit()
    with db.read() as s:
        events = list(s.scalars(select(AuditEvent).order_by(AuditEvent.seq)))
    assert [(e.action, e.entity) for e in events] == [
        ("insert", "projects"), ("insert", "households"), ("insert", "building_parts"), ("update", "building_parts")]
    assert json.loads(events[-1].changes) == {"area": ["58.32", "60.50"], "rev": [1, 2]}
    assert {e.user for e in events} == {"hq"} and {e.device for e in events} == {"T01"}
    assert all(len(e.hash) == 64 for e in events)


def test_passwords_never_appear_in_the_change_log(db, admin) -> None:
    with db.uow(admin) as uow:
        uow.session.add(User(username="u", password_hash="scrypt$secret"))
        uow.commit()
    with db.read() as s:
        assert "secret" not in s.scalar(select(AuditEvent.changes))


def test_synced_records_are_tombstoned_not_deleted(db, admin) -> None:
    with db.uow(admin) as uow:
        h = _household(uow)
        uow.commit()
    with db.uow(admin) as uow:
        uow.session.delete(uow.session.get(Household, h.id))
        with pytest.raises(IntegrityError, match="墓碑"):
            uow.commit()
    with db.uow(admin) as uow:
        uow.tombstone(uow.session.get(Household, h.id))
        changes = uow.commit()
    assert changes.deleted["households"] == {h.id}
    with db.read() as s:
        assert s.get(Household, h.id).is_deleted
        assert s.scalars(select(AuditEvent.action)).all()[-1] == "delete"


def test_money_and_areas_are_exact(db, admin) -> None:
    with db.uow(admin) as uow:
        h = _household(uow)
        uow.session.flush()
        uow.session.add(BuildingPart(household_id=h.id, area=Decimal("0.01")))
        uow.commit()
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT area FROM building_parts").scalar() == 1  # integer hundredths
    with db.read() as s:
        assert s.scalar(select(BuildingPart.area)) == Decimal("0.01")
    for bad in (Decimal("1.005"), 1.5):
        with db.uow(admin) as uow:
            uow.session.add(BuildingPart(household_id=h.id, area=bad))
            with pytest.raises(Exception, match="decimal places|float"):
                uow.commit()


def test_a_published_policy_version_never_changes(db, admin) -> None:
    with db.uow(admin) as uow:
        project = Project(code="P", name="p")
        uow.session.add(project)
        uow.session.flush()
        pv = PolicyVersion(project_id=project.id, label="v1", content_hash="h" * 64, content="x=1",
                           status="published")
        uow.session.add(pv)
        uow.commit()
    with db.uow(admin) as uow:
        uow.session.get(PolicyVersion, pv.id).content = "x=2"
        with pytest.raises(IntegrityError, match="不能修改"):
            uow.commit()
    with db.uow(admin) as uow:  # withdrawing (status only) stays possible
        uow.session.get(PolicyVersion, pv.id).status = "withdrawn"
        uow.commit()


def test_writes_outside_a_unit_of_work_are_refused(db) -> None:
    from sqlalchemy.orm import Session

    session = db.uow.__self__._write_sessions()  # the hooked factory, used without an actor
    session.add(Project(code="X", name="x"))
    with pytest.raises(IntegrityError, match="工作单元"):
        session.flush()
    session.close()
    assert isinstance(session, Session)
