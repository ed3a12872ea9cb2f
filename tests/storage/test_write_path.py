"""One write path (issue 11 item 2): every write takes the write lock; every audit event comes from one writer.

The write lock on SQLite is ``BEGIN IMMEDIATE`` (storage/database.py): a transaction that begins DEFERRED
reads before it holds the lock, and on PostgreSQL a bare ``engine.begin()`` skips the advisory lock altogether.
These tests watch the statements a real database runs.
"""

from __future__ import annotations

import ast
import shutil
import threading
from pathlib import Path

import parsed_sources
import pytest
from sqlalchemy import event

import survey_app
from survey_app.core.domain.errors import IntegrityError
from survey_app.core.services.demo import create_demo
from survey_app.core.services.survey import drafts
from survey_app.core.services.survey.store import load_form
from survey_app.core.storage import audit_chain
from survey_app.core.storage.audit_writer import AuditWriter, chain_head
from survey_app.core.storage.bulk import BulkWriter
from survey_app.core.storage.bulk import write as bulk_write
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import AuditEvent, Household, LocalSetting

KEY = bytes(range(32, 64))


class Statements:
    """The SQL SQLite runs for ``db`` while recording (each connection's trace callback: what the driver really
    sends, BEGIN included — the app issues it on the driver's connection), per connection: which BEGIN each
    write ran under."""

    def __init__(self, db: Database):
        self.db = db
        self.begun: dict[int, str] = {}
        self.writes: list[tuple[str, str]] = []  # (BEGIN …, statement) for every INSERT/UPDATE/DELETE
        self.traced: dict[int, object] = {}
        self._lock = threading.Lock()

    def _seen(self, connection: int, statement: str) -> None:
        text = statement.lstrip().upper()
        with self._lock:
            if text.startswith("BEGIN"):
                self.begun[connection] = text
            elif text.startswith(("COMMIT", "ROLLBACK")):
                self.begun.pop(connection, None)
            elif text.startswith(("INSERT", "UPDATE", "DELETE")):
                self.writes.append((self.begun.get(connection, "none"), text[:40]))

    def _checkout(self, dbapi_conn, record, proxy) -> None:
        connection = id(dbapi_conn)
        with self._lock:
            self.traced[connection] = dbapi_conn
        dbapi_conn.set_trace_callback(lambda sql: self._seen(connection, sql))

    def __enter__(self) -> Statements:
        event.listen(self.db.engine, "checkout", self._checkout)
        return self

    def __exit__(self, *exc: object) -> None:
        event.remove(self.db.engine, "checkout", self._checkout)
        for conn in self.traced.values():
            conn.set_trace_callback(None)


def _hid(db: Database) -> str:
    with db.read() as s:
        return s.query(Household.id).order_by(Household.household_code).first()[0].hex


def test_a_draft_is_saved_and_discarded_under_the_write_lock(demo_db) -> None:
    hid = _hid(demo_db)
    form = load_form(demo_db, hid)
    with Statements(demo_db) as seen:
        drafts.save_draft(demo_db, "worker", form)
        drafts.discard_draft(demo_db, "worker", hid)
    assert len(seen.writes) == 3  # delete + insert, then delete
    assert {begin for begin, _ in seen.writes} == {"BEGIN IMMEDIATE"}, seen.writes
    assert drafts.load_draft(demo_db, "worker", hid) is None


def test_a_draft_is_not_audited(demo_db) -> None:
    """A draft is this user's private working copy: the saved form, not the draft, enters the chain."""
    hid = _hid(demo_db)
    with demo_db.engine.connect() as conn:
        before = chain_head(conn)
    drafts.save_draft(demo_db, "worker", load_form(demo_db, hid))
    with demo_db.engine.connect() as conn:
        assert chain_head(conn) == before


def test_demo_batches_are_written_under_the_write_lock(db) -> None:
    with Statements(db) as seen:
        create_demo(db, households=3, seed=5)
    bulk = [w for w in seen.writes if "AUDIT_EVENTS" in w[1] or "HOUSEHOLDS" in w[1]]
    assert bulk and {begin for begin, _ in bulk} == {"BEGIN IMMEDIATE"}, bulk


def test_no_bare_engine_begin_outside_the_database() -> None:
    """Writes go through ``Database.uow`` / ``begin_write`` / ``set_setting`` (the write engine), never a
    bare ``engine.begin()`` that skips the write lock."""
    package = Path(survey_app.__file__).parent
    offenders = []
    for path in parsed_sources.python_files(package):  # parsed once per test process
        if path == package / "core" / "storage" / "database.py":
            continue
        for node in parsed_sources.nodes(path):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "begin"
                    and isinstance(node.func.value, ast.Attribute) and node.func.value.attr == "engine"):
                offenders.append(f"{path.relative_to(package)}:{node.lineno}")
    assert offenders == []


def test_a_bulk_batch_refuses_a_chain_moved_on_by_another_writer(demo_db, admin) -> None:
    """A batch continues the head read when it was prepared: if another writer appended meanwhile, the
    batch is refused whole (a clear message), never written as a fork."""
    with demo_db.engine.connect() as conn:
        head = chain_head(conn)
    w = BulkWriter(admin, head)
    w.add(LocalSetting.__table__, {"key": "never", "value": "written"})  # any table: the chain is the point
    batch = w.take([LocalSetting.__table__])
    with demo_db.uow(admin) as uow:
        uow.record("login")
        uow.commit()
    with pytest.raises(IntegrityError, match="审计链在写入期间被其他写入者推进"), demo_db.begin_write() as conn:
        bulk_write(conn, batch)
    assert demo_db.setting("never") == ""
    with demo_db.engine.connect() as conn:
        assert chain_head(conn)[0] == head[0] + 1


def test_every_writer_keys_its_events_the_same_way(tmp_path, admin, _empty_template) -> None:
    """The unit of work, a bulk batch and a direct AuditWriter in one keyed chain: verify holds with the key."""
    shutil.copyfile(_empty_template, tmp_path / "keyed.sqlite3")  # a new database (tests/conftest.py), no events yet
    db = Database(tmp_path / "keyed.sqlite3", audit_key=KEY)
    try:
        create_demo(db, households=2, seed=9)  # bulk batches, then the unit of work (calculations)
        with db.begin_write() as conn:
            writer = AuditWriter(conn)
            writer.append("hq", "T01", "export", "", "", audit_chain.dumps({"n": 1}), "")
            writer.append("hq", "T01", "export", "", "", audit_chain.dumps({"n": 2}), "")
            assert writer.flush() == 2
        with db.engine.connect() as conn:
            from survey_app.core.services.audit import audited_tables

            report = audit_chain.verify(conn, audited_tables(), audit_key=KEY)
            macs = [m for (m,) in conn.execute(AuditEvent.__table__.select().with_only_columns(AuditEvent.mac))]
        assert report.ok, report.problems
        assert report.events == len(macs) > 20 and all(len(m) == 64 for m in macs)
    finally:
        db.dispose()
