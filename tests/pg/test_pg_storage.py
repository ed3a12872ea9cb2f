"""The storage on a real PostgreSQL server: migrations (with 0005/0007's PostgreSQL twins), the unit of work,
the audit chain and its verification, one writer at a time, driver-level SQL in SQLite's stored form."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, select, text
from sqlalchemy.exc import IntegrityError as DbIntegrityError

from survey_app.core.domain.errors import IntegrityError
from survey_app.core.services.audit import verify_database
from survey_app.core.storage import migrations, pg, search_sql
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import AuditEvent, Base, Household, PolicyVersion, Project

pytestmark = pytest.mark.postgres


def _household(uow, code: str = "A1-0001") -> Household:
    project = Project(code="P", name="测试项目")
    uow.session.add(project)
    uow.session.flush()
    h = Household(project_id=project.id, household_code=code, head_name="张伟", phone="13800138000",
                  address="人民路1号")
    uow.session.add(h)
    return h


def test_an_empty_database_is_migrated_to_head_with_its_postgresql_twins(pg_server_running) -> None:
    pg_server_running.sql("CREATE DATABASE fresh_migration")
    db = Database(pg_server_running.url("fresh_migration"))
    try:
        assert migrations.current_revision(db.engine) == migrations.HEAD
        assert set(Base.metadata.tables) <= set(inspect(db.engine).get_table_names())
        with db.engine.connect() as conn:
            indexes = set(conn.execute(text("SELECT indexname FROM pg_indexes WHERE tablename = 'households'"))
                          .scalars())
            triggers = set(conn.execute(text("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")).scalars())
            assert conn.execute(text("SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'")).scalar()
        assert {"ix_households_search_trgm", "ux_households_rowid"} <= indexes
        assert triggers == {"policy_versions_sealed"}
    finally:
        db.dispose()


def test_models_and_migrations_agree_on_postgresql(pg_db) -> None:
    with pg_db.engine.connect() as conn:  # `alembic check`: nothing to do, the PostgreSQL-only extras left out
        ctx = MigrationContext.configure(conn, opts={"compare_type": True, "include_name": search_sql.include_name})
        assert compare_metadata(ctx, Base.metadata) == []


def test_unit_of_work_commits_with_its_audit_events_and_rolls_back_without(pg_db, admin) -> None:
    with pg_db.uow(admin) as uow:
        h = _household(uow)
        changes = uow.commit()
    assert changes.inserted["households"] == {h.id} and changes.audit_events == 2
    with pg_db.uow(admin) as uow:
        uow.session.get(Household, h.id).head_name = "张伟伟"
        uow.commit()
    with pg_db.uow(admin) as uow:  # left without commit
        uow.session.add(Household(project_id=h.project_id, household_code="A1-0002", head_name="李四"))
        uow.session.flush()
    with pg_db.read() as s:
        got = s.get(Household, h.id)
        assert (got.rev, got.head_name, "zhangweiwei" in got.search_key) == (2, "张伟伟", True)
        assert s.scalar(select(Household).where(Household.household_code == "A1-0002")) is None
        assert s.scalars(select(AuditEvent.seq).order_by(AuditEvent.seq)).all() == [1, 2, 3]
    assert verify_database(pg_db).ok


def test_audit_verify_passes_on_the_demo_and_finds_an_edit_behind_the_apps_back(pg_demo_db) -> None:
    report = verify_database(pg_demo_db)
    assert report.ok and report.events > 500 and report.rows > 500
    with pg_demo_db.engine.begin() as conn:  # the way someone would with psql
        conn.execute(text("UPDATE members SET name = '李四' WHERE id = (SELECT id FROM members ORDER BY id LIMIT 1)"))
    report = verify_database(pg_demo_db)
    assert not report.ok and any("members 记录" in p.message and "在应用之外被修改" in p.message
                                 for p in report.problems)


def test_a_published_policy_is_sealed_in_the_database_itself(pg_demo_db, admin) -> None:
    with pg_demo_db.read() as s:
        pv_id = s.scalar(select(PolicyVersion.id).where(PolicyVersion.status == "published"))
    with pg_demo_db.uow(admin) as uow:  # the unit of work refuses first
        uow.session.get(PolicyVersion, pv_id).status = "draft"
        with pytest.raises(IntegrityError, match="不能修改"):
            uow.commit()
    for sql in ("UPDATE policy_versions SET content = content || 'x' WHERE id = :id",
                "UPDATE policy_versions SET status = 'draft' WHERE id = :id",
                "DELETE FROM policy_versions WHERE id = :id"):
        with pytest.raises(DbIntegrityError, match="已发布的补偿方案版本不能修改"):
            with pg_demo_db.engine.begin() as conn:  # raw SQL, under every check the app makes
                conn.execute(text(sql), {"id": pv_id})
    with pg_demo_db.engine.begin() as conn:  # withdrawing and re-publishing stay possible
        conn.execute(text("UPDATE policy_versions SET status = 'withdrawn' WHERE id = :id"), {"id": pv_id})
        conn.execute(text("UPDATE policy_versions SET status = 'published' WHERE id = :id"), {"id": pv_id})


def _lock_free(db: Database) -> bool:
    """Whether another connection could take the write lock right now (it lets go at once)."""
    with db.engine.connect() as other:
        got = other.execute(text(f"SELECT pg_try_advisory_xact_lock({pg.WRITE_LOCK})")).scalar()
        other.rollback()
    return got


def test_every_write_transaction_holds_the_one_write_lock_and_readers_do_not(pg_db, admin) -> None:
    assert _lock_free(pg_db)
    with pg_db.uow(admin) as uow:
        uow.session.connection()  # the transaction has begun
        assert not _lock_free(pg_db)
        _household(uow)
        uow.commit()
    assert _lock_free(pg_db)
    with pg_db.begin_write() as conn:
        conn.execute(select(1))
        assert not _lock_free(pg_db)
    with pg_db.read() as s:
        s.execute(select(1))
        assert _lock_free(pg_db)


def test_driver_level_sql_reads_and_writes_the_stored_form(pg_demo_db) -> None:
    with pg_demo_db.engine.connect() as conn:  # as sync export and apply read rows: SQLite's stored form
        row = conn.exec_driver_sql("SELECT id, created_at, household_code FROM households "
                                   "WHERE household_code LIKE ? ORDER BY household_code LIMIT 1", ("A1-%",)).one()
        ids = conn.execute(select(Household.id).where(Household.household_code == row[2])).scalars().all()
    assert isinstance(row[0], str) and len(row[0]) == 32 and row[0] == ids[0].hex  # compiled SQL keeps UUIDs
    assert len(row[1]) == 26 and row[1][10] == " " and row[1][19] == "."
    assert row[2].startswith("A1-")


@pytest.mark.parametrize("sql, want", [
    ("SELECT a FROM t WHERE b = ? AND c = ?", "SELECT a FROM t WHERE b = %s AND c = %s"),
    ("SELECT '?' , \"x?\" FROM t WHERE b = ?", "SELECT '?' , \"x?\" FROM t WHERE b = %s"),
    ("SELECT a FROM t WHERE b LIKE 'x%' AND c = ?", "SELECT a FROM t WHERE b LIKE 'x%%' AND c = %s"),
    ("SELECT 'it''s ?' WHERE a = ?", "SELECT 'it''s ?' WHERE a = %s"),
])
def test_qmark_placeholders_become_psycopgs(sql: str, want: str) -> None:
    assert pg.qmark_to_format(sql) == want
