"""The unit of work: every write goes through ``with db.uow(actor) as uow: …; uow.commit()``.

Leaving the block without ``commit()`` rolls back. ``commit()`` returns a ChangeSet of what
changed, which the UI turns into one change signal (DESIGN.md §2 rule 2).

Session hooks (installed once per Database):
* before_flush stamps synced records (rev, updated_at, updated_by, origin_device), keeps the
  household search key current, refuses hard deletes of synced records and edits of
  published policy versions;
* after_flush queues one audit event per inserted/updated row; before_commit appends them to the
  hash chain through its one writer (storage/audit_writer.py), in the same transaction as the change
  itself (so a change without its audit event cannot exist).

Bulk work that bypasses the ORM uses the one documented variant of this: ``Database.begin_write()``
(the same write lock) with storage/bulk.py or an ``AuditWriter`` (the same chain). Inside a unit of work,
``bulk.SessionInserts`` writes new append-only rows without ORM objects, each queued with the event
``queue_insert`` below gives an inserted object (calculations and their lines).

Threading: a UnitOfWork and its session belong to the thread that created them.
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session, attributes

from survey_app.core.domain.actor import SYSTEM, Actor, ChangeSet  # noqa: F401 - re-exported
from survey_app.core.domain.errors import IntegrityError
from survey_app.core.domain.ids import new_id
from survey_app.core.storage import audit_chain, rowcodec, staleness
from survey_app.core.storage.audit_writer import AuditWriter
from survey_app.core.storage.models import Agreement, Household, PolicyVersion, Synced
from survey_app.core.storage.search_key import household_search_fields
from survey_app.core.storage.types import ScaledDecimal, utcnow

# Stamps left out of the readable change log (the row hash still covers them). ``rev`` stays in:
# every update event then says which revision it made, even a pure "touch".
BOOKKEEPING = frozenset({"updated_at", "updated_by", "origin_device", "created_at"})


# Actor and ChangeSet live in the domain layer (core/domain/actor.py); re-exported here for storage's callers.


class UnitOfWork:
    """One transaction. Use as a context manager; call ``commit()`` to keep the work."""

    def __init__(self, session: Session, actor: Actor, *, audit_key: bytes | None = None):
        self.session = session
        self.actor = actor
        session.info["audit_key"] = audit_key
        self._committed = False
        session.info["actor"] = actor
        session.info["changes"] = ChangeSet()
        session.info["pending_events"] = []

    def __enter__(self) -> UnitOfWork:
        return self

    def __exit__(self, *exc: Any) -> None:
        if not self._committed:
            self.session.rollback()
        self.session.close()

    def commit(self) -> ChangeSet:
        """Flush, write the audit events, commit. Returns what changed."""
        changes: ChangeSet = self.session.info["changes"]
        self.session.commit()
        self._committed = True
        return changes

    def tombstone(self, obj: Synced) -> None:
        """Delete a synced record the only way they are deleted: by marking it."""
        if obj.deleted_at is None:
            obj.deleted_at = utcnow()

    def record(self, action: str, entity: str = "", entity_id: str = "", details: dict | None = None) -> None:
        """Add a non-row audit event (login, print, export …) to this transaction's chain."""
        self.session.info["pending_events"].append(
            dict(action=action, entity=entity, entity_id=entity_id, changes=details or {}, row_hash="")
        )


def install_hooks(session_factory: Any) -> None:
    """Attach the stamping and audit hooks to a sessionmaker."""
    event.listen(session_factory, "before_flush", _before_flush)
    event.listen(session_factory, "after_flush", _after_flush)
    event.listen(session_factory, "before_commit", _before_commit)
    event.listen(session_factory, "after_soft_rollback", _after_rollback)


def _actor(session: Session) -> Actor:
    actor = session.info.get("actor")
    if actor is None:
        raise IntegrityError("写入必须通过工作单元（unit of work）进行")
    return actor


def _before_flush(session: Session, flush_context: Any, instances: Any) -> None:
    actor = _actor(session)
    if session.info.get("sync_import"):  # records arriving from a bundle keep their own stamps
        return
    # First, so the calculations it marks are stamped and audited with everything else below.
    staleness.mark_stale(session, session.new, session.dirty)
    now = utcnow()
    for obj in session.new:
        if isinstance(obj, Synced):
            if obj.id is None:
                obj.id = new_id()
            obj.rev = 1
            obj.created_at = obj.updated_at = now
            obj.updated_by, obj.origin_device = actor.username, actor.device
        if isinstance(obj, Household):
            _refresh_search(obj)
    for obj in session.dirty:
        if not isinstance(obj, Synced) or not session.is_modified(obj, include_collections=False):
            continue
        if isinstance(obj, PolicyVersion):
            _check_policy_change(obj)
        if isinstance(obj, Agreement):
            _check_agreement_change(obj)
        obj.rev = (obj.rev or 0) + 1
        obj.updated_at = now
        obj.updated_by, obj.origin_device = actor.username, actor.device
        if isinstance(obj, Household):
            _refresh_search(obj)
    for obj in session.deleted:
        if isinstance(obj, Synced):
            raise IntegrityError(f"{obj.__tablename__} 记录不能直接删除，只能标记删除（墓碑）")


# A version once published is sealed: calculations were made under it. It may only be withdrawn (and
# published again), never edited nor turned back into a draft. Migration 0007 enforces the same in SQLite.
POLICY_SEALED = frozenset({"published", "withdrawn"})


def _check_policy_change(obj: PolicyVersion) -> None:
    if _was(obj, "status") in POLICY_SEALED and (obj.status not in POLICY_SEALED or not _only_changes(obj, {"status"})):
        raise IntegrityError("已发布的补偿方案版本不能修改，请发布新版本")


# What may still change on a signed agreement: voiding it, and counting reprints (副本).
AGREEMENT_AFTER_SIGNING = frozenset({"status", "voided_at", "voided_by", "void_reason", "print_count", "printed_at"})


def _check_agreement_change(obj: Agreement) -> None:
    """A signed agreement is never edited: it can only be voided (and reprinted as 副本)."""
    was = _was(obj, "status")
    if was == "signed" and (obj.status not in ("signed", "void") or not _only_changes(obj, AGREEMENT_AFTER_SIGNING)):
        raise IntegrityError("已签订的协议不能修改；如需更正，请作废后重新出具")
    if was == "void" and not _only_changes(obj, {"print_count", "printed_at"}):
        raise IntegrityError("已作废的协议不能再修改")


def _was(obj: Any, key: str) -> Any:
    hist = attributes.get_history(obj, key)
    return hist.deleted[0] if hist.deleted else getattr(obj, key)


def _only_changes(obj: Any, allowed: set[str] | frozenset[str]) -> bool:
    state = inspect(obj)
    return all(a.key in allowed for a in state.attrs if a.history.has_changes())


def _refresh_search(h: Household) -> None:
    pinyin, initials, key = household_search_fields(h.household_code, h.head_name, h.head_id_number,
                                                    h.phone, h.address)
    if h.search_key != key:
        h.name_pinyin, h.name_initials, h.search_key = pinyin, initials, key


def _after_flush(session: Session, flush_context: Any) -> None:
    changes: ChangeSet = session.info["changes"]
    pending: list[dict] = session.info["pending_events"]
    with session.no_autoflush:
        for obj in session.new:
            if obj.__table__.name not in audit_chain.NOT_AUDITED_TABLES:
                queue_insert(pending, changes, obj.__table__, lambda k, o=obj: getattr(o, k))
        for obj in session.dirty:
            table = obj.__table__
            if table.name in audit_chain.NOT_AUDITED_TABLES or not session.is_modified(obj, include_collections=False):
                continue
            diff = {}
            for col in table.columns:
                hist = attributes.get_history(obj, col.key)
                if not hist.has_changes() or col.key in BOOKKEEPING:
                    continue
                before = audit_chain.readable_value(col, hist.deleted[0]) if hist.deleted else None
                after = audit_chain.readable_value(col, hist.added[0]) if hist.added else None
                if before != after:
                    diff[col.name] = [before, after]
            stored = rowcodec.stored_row(table, lambda k, o=obj: getattr(o, k))
            tombstoned = "deleted_at" in diff and diff["deleted_at"][0] is None
            action = "delete" if tombstoned else "update"
            pending.append(_row_event(action, table.name, obj.id, diff, stored))
            (changes.deleted if tombstoned else changes.updated)[table.name].add(obj.id)


def queue_insert(pending: list[dict], changes: ChangeSet, table: Any, get: Any) -> list:
    """Queue the audit event of one inserted row and note it in the ChangeSet; returns the row in stored form.

    ``get(name)`` reads a column of an ORM object or of a dict row. One code for both ways in: after_flush for
    the ORM's inserts, storage/bulk.py's ``SessionInserts`` for rows a unit of work writes without objects —
    so both record the same readable diff and row hash."""
    stored = rowcodec.stored_row(table, get)
    # audit_chain.readable_value of each value, read off its stored form: the same text (the stored form
    # itself, or for amounts the scaled integer written as a decimal), without encoding every value twice.
    diff = {name: [None, value if scale is None else f"{Decimal(value).scaleb(-scale):.{scale}f}"]
            for i, name, scale in _diff_columns(table) for value in (stored[i],) if value is not None}
    rid = get("id")
    pending.append(_row_event("insert", table.name, rid, diff, stored))
    changes.inserted[table.name].add(rid)
    return stored


_DIFF_COLUMNS: dict[str, list[tuple[int, str, int | None]]] = {}


def _diff_columns(table: Any) -> list[tuple[int, str, int | None]]:
    """(position, name, scale of an exact-decimal column or None) of the columns an insert's diff shows."""
    found = _DIFF_COLUMNS.get(table.name)
    if found is None:
        found = _DIFF_COLUMNS[table.name] = [
            (i, c.name, c.type.scale if isinstance(c.type, ScaledDecimal) else None)
            for i, c in enumerate(table.columns) if c.key not in BOOKKEEPING]
    return found


def _row_event(action: str, entity: str, rid: Any, diff: dict, stored: list) -> dict:
    entity_id = rid.hex if isinstance(rid, uuid.UUID) else str(rid)
    return dict(action=action, entity=entity, entity_id=entity_id,
                changes=audit_chain.redact(diff), row_hash=audit_chain.row_hash(stored))


def _before_commit(session: Session) -> None:
    # Flush first so every change of the transaction has queued its event, then append the
    # events to the chain inside the same transaction. A direct session.commit() is covered too.
    if "actor" not in session.info:
        return
    session.flush()
    _write_pending_events(session)


def _write_pending_events(session: Session) -> None:
    """Append this transaction's events to the chain (called just before COMMIT; storage/audit_writer.py)."""
    pending: list[dict] = session.info["pending_events"]
    if not pending:
        return
    actor = _actor(session)
    writer = AuditWriter(session.connection(), key=session.info.get("audit_key"))
    for ev in pending:
        writer.append(actor.username, actor.device, ev["action"], ev["entity"], ev["entity_id"],
                      audit_chain.dumps(ev["changes"]), ev["row_hash"])
    session.info["changes"].audit_events += writer.flush()
    pending.clear()


def _after_rollback(session: Session, previous_transaction: Any) -> None:
    session.info["changes"] = ChangeSet()
    session.info["pending_events"] = []
