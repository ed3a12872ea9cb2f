"""Published policies are immutable in every path (issue 10 item 1): the unit of work, a laptop taking
HQ's assignment, HQ deciding a conflict, and — under all of them — a SQLite trigger (migration 0007).
Deciding a conflict also never takes a device's version of what only HQ writes (sync/issues.py)."""

from __future__ import annotations

import json
import sqlite3

import pytest

from survey_app.core.domain.errors import IntegrityError, ValidationError
from survey_app.core.storage.models import PolicyVersion, SyncIssue
from survey_app.core.storage.types import utcnow
from survey_app.core.sync import issues
from survey_app.core.sync.assignments import _rows, apply_from_hq
from survey_app.core.sync.records import Record

EVIL = '\n[inflate]\nfactor = "9"\n'


def _published(db) -> Record:
    with db.engine.connect() as conn:
        return _rows(conn, "policy_versions", "status = 'published'")[0]


def _altered(rec: Record, **changes) -> Record:
    row = {**rec.row, "rev": rec.rev + 1, **changes}
    return Record(rec.table, rec.id, rec.rev + 1, 0, row)


def _state(db, pid: str) -> tuple:
    with db.engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT content, content_hash, status, rev FROM policy_versions WHERE id = ?",
                                   (pid,)).first()
        events = conn.exec_driver_sql("SELECT count(*) FROM audit_events").scalar()
    return tuple(row), events


def test_the_unit_of_work_never_unpublishes_or_edits_a_published_or_withdrawn_version(demo_db, admin) -> None:
    with demo_db.read() as s:
        pv_id = s.query(PolicyVersion.id).filter(PolicyVersion.status == "published").scalar()
    with demo_db.uow(admin) as uow:  # back to draft, to be edited next: refused
        uow.session.get(PolicyVersion, pv_id).status = "draft"
        with pytest.raises(IntegrityError, match="不能修改"):
            uow.commit()
    with demo_db.uow(admin) as uow:
        uow.session.get(PolicyVersion, pv_id).status = "withdrawn"
        uow.commit()
    with demo_db.uow(admin) as uow:  # withdrawn is still what old calculations were made under
        uow.session.get(PolicyVersion, pv_id).content += EVIL
        with pytest.raises(IntegrityError, match="不能修改"):
            uow.commit()


@pytest.mark.parametrize("changes", [{"content_hash": "f" * 64}, {"status": "draft"}, "content"])
def test_an_assignment_never_changes_a_published_version_on_the_laptop(demo_db, changes) -> None:
    rec = _published(demo_db)
    if changes == "content":
        changes = {"content": rec.row["content"] + EVIL}
    before = _state(demo_db, rec.id)
    with pytest.raises(ValidationError) as caught:
        apply_from_hq(demo_db, [_altered(rec, **changes)], bundle_seq=7)
    assert "补偿方案" in str(caught.value) and "已发布" in str(caught.value)
    assert _state(demo_db, rec.id) == before  # nothing applied, not even the audit trail moved


def test_an_assignment_may_add_a_new_published_version(demo_db) -> None:
    import uuid

    rec = _published(demo_db)
    new_id = uuid.uuid4().hex
    row = {**rec.row, "id": new_id, "label": "第二版", "content": rec.row["content"] + "\n", "content_hash": "e" * 64,
           "rev": 1}
    report = apply_from_hq(demo_db, [Record("policy_versions", new_id, 1, 0, row), rec], bundle_seq=8)
    assert report.inserted == 1 and report.conflicts == 0
    assert _state(demo_db, new_id)[0][:3] == (row["content"], "e" * 64, "published")


def _conflict_issue(db, admin, rec: Record, device: str, **changes) -> int:
    incoming = {**rec.row, "rev": rec.rev + 1, **changes}
    with db.uow(admin) as uow:
        issue = SyncIssue(kind="conflict", entity=rec.table, entity_id=rec.id, device=device, base_rev=rec.rev - 1,
                          local_rev=rec.rev, incoming_rev=rec.rev + 1, local_json=json.dumps(rec.row),
                          incoming_json=json.dumps(incoming), message="冲突", status="open", created_at=utcnow())
        uow.session.add(issue)
        uow.commit()
        return issue.id


def test_hq_cannot_take_an_incoming_version_of_a_published_policy(demo_db, admin) -> None:
    rec = _published(demo_db)
    issue_id = _conflict_issue(demo_db, admin, rec, "HQ", content=rec.row["content"] + EVIL, content_hash="f" * 64)
    before = _state(demo_db, rec.id)
    with pytest.raises(ValidationError, match="已发布的补偿方案"):
        issues.resolve(demo_db, admin, issue_id, take_incoming=True)
    assert _state(demo_db, rec.id) == before
    assert [i.id for i in issues.list_issues(demo_db)] == [issue_id]  # still open: keeping ours is the way out
    issues.resolve(demo_db, admin, issue_id, take_incoming=False)


def test_hq_cannot_take_a_field_devices_version_of_what_only_hq_writes(demo_db, admin) -> None:
    with demo_db.engine.connect() as conn:
        user = _rows(conn, "users", "username = 'worker'")[0]
    issue_id = _conflict_issue(demo_db, admin, user, "D01", role="hq_admin")  # e.g. kept from before rights.py
    with pytest.raises(ValidationError, match="只能由指挥部"):
        issues.resolve(demo_db, admin, issue_id, take_incoming=True)
    with demo_db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT role FROM users WHERE username = 'worker'").scalar() == "field_worker"


def test_the_database_itself_refuses_to_change_a_published_version(demo_db, db_path) -> None:
    rec = _published(demo_db)
    demo_db.dispose()
    conn = sqlite3.connect(db_path)
    try:
        for sql in ("UPDATE policy_versions SET content = content || 'x' WHERE id = ?",
                    "UPDATE policy_versions SET content_hash = 'f' WHERE id = ?",
                    "UPDATE policy_versions SET status = 'draft' WHERE id = ?",
                    "DELETE FROM policy_versions WHERE id = ?"):
            with pytest.raises(sqlite3.IntegrityError, match="已发布的补偿方案版本不能修改"):
                conn.execute(sql, (rec.id,))
        conn.execute("UPDATE policy_versions SET status = 'withdrawn', rev = rev + 1 WHERE id = ?", (rec.id,))
        with pytest.raises(sqlite3.IntegrityError):  # withdrawn: still sealed
            conn.execute("UPDATE policy_versions SET content = 'x' WHERE id = ?", (rec.id,))
        conn.execute("INSERT INTO policy_versions (id, rev, created_at, updated_at, updated_by, origin_device, "
                     "project_id, label, content_hash, content, status, published_by) "
                     "SELECT 'draft1', 1, created_at, updated_at, '', '', project_id, 'd', 'd', 'a = 1', 'draft', '' "
                     "FROM policy_versions WHERE id = ?", (rec.id,))
        conn.execute("UPDATE policy_versions SET content = 'a = 2', content_hash = 'd2' WHERE id = 'draft1'")
        conn.execute("UPDATE policy_versions SET status = 'published' WHERE id = 'draft1'")  # publishing is fine
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("UPDATE policy_versions SET content = 'a = 3' WHERE id = 'draft1'")
        conn.commit()
    finally:
        conn.close()


def test_taking_a_field_devices_household_keeps_the_fields_hq_decides(demo_db, admin) -> None:
    with demo_db.engine.connect() as conn:
        household = _rows(conn, "households", "assigned_to = 'worker' ORDER BY id LIMIT 1")[0]
    issue_id = _conflict_issue(demo_db, admin, household, "D01", notes="设备的版本", assigned_to="worker2",
                               household_code="Z9-0001")
    issues.resolve(demo_db, admin, issue_id, take_incoming=True)
    with demo_db.engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT notes, assigned_to, household_code FROM households WHERE id = ?",
                                   (household.id,)).first()
    assert tuple(row) == ("设备的版本", "worker", household.row["household_code"])
