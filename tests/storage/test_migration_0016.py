"""Migration 0016_project_effective: the table of HQ's 协议生效 record (project_effects) is created empty; no existing
row changes, so nothing is adopted into the audit chain and ``audit verify`` stays clean; the new table takes an
audited record; a downgrade to 0015 drops it and an upgrade makes it again."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from pathlib import Path

from sqlalchemy import inspect

from survey_app.core.services.audit import verify_database
from survey_app.core.storage import migrations
from survey_app.core.storage.database import Database

V10 = Path(__file__).parent.parent / "fixtures" / "db_v0_10.sqlite3"  # written at 0010 (tests/fixtures/README.md)
COLUMNS = ["project_id", "outcome", "effective_on", "deadline", "rate_as_of", "signed_households", "total_households",
           "recorded_by", "note", "id", "rev", "created_at", "updated_at", "updated_by", "origin_device", "deleted_at"]


def _adopt_events(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM audit_events WHERE action = 'adopt'").fetchone()[0]
    finally:
        conn.close()


def test_the_table_is_created_empty_and_nothing_is_adopted_for_it(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    shutil.copyfile(V10, path)
    db = Database(path)
    try:
        assert migrations.HEAD == "0016_project_effective" == migrations.current_revision(db.engine)
        with db.engine.connect() as conn:
            assert [c["name"] for c in inspect(conn).get_columns("project_effects")] == COLUMNS
            assert [i["column_names"] for i in inspect(conn).get_indexes("project_effects")] == [["project_id"]]
            assert conn.exec_driver_sql("SELECT count(*) FROM project_effects").scalar() == 0
            assert conn.exec_driver_sql("SELECT count(*) FROM audit_events WHERE action = 'adopt' "
                                        "AND entity = 'project_effects'").scalar() == 0
        assert verify_database(db).ok
    finally:
        db.dispose()


def test_down_to_0015_and_up_again(tmp_path: Path) -> None:
    from alembic import command

    path = tmp_path / "p.sqlite3"
    shutil.copyfile(V10, path)
    db = Database(path)
    try:
        adopted = _adopt_events(path)
        command.downgrade(migrations.alembic_config(db.engine), "0015_household_flat_choices")
        with db.engine.connect() as conn:
            assert not inspect(conn).has_table("project_effects")
        command.upgrade(migrations.alembic_config(db.engine), "head")
        assert migrations.current_revision(db.engine) == migrations.HEAD
        with db.engine.connect() as conn:
            assert inspect(conn).has_table("project_effects")
        assert _adopt_events(path) == adopted  # 0016 adopts nothing, then or now
    finally:
        db.dispose()


def test_a_record_in_the_new_table_is_audited(tmp_path: Path) -> None:
    import datetime as dt

    from sqlalchemy import select

    from survey_app.core.domain.roles import Role
    from survey_app.core.storage.models import AuditEvent, Project, ProjectEffect
    from survey_app.core.storage.uow import Actor

    path = tmp_path / "p.sqlite3"
    shutil.copyfile(V10, path)
    db = Database(path)
    try:
        with db.uow(Actor(username="hq", role=Role.HQ_ADMIN, device="T01")) as uow:
            pid = uow.session.scalar(select(Project.id).limit(1))
            row = ProjectEffect(id=uuid.uuid4(), project_id=pid, outcome="effective", effective_on=dt.date(2023, 7, 5),
                                rate_as_of=dt.date(2023, 7, 31), signed_households=3, total_households=60)
            uow.session.add(row)
            uow.commit()
        with db.read() as s:
            assert s.scalar(select(AuditEvent.action).where(AuditEvent.entity == "project_effects")) == "insert"
        assert verify_database(db).ok
    finally:
        db.dispose()
