"""How a write says what it changed (issue 11 item 1, after Anki's ``OpChangesWithId``).

The one convention: a write that has nothing else to return returns the ``ChangeSet`` its unit of work's
``commit()`` produced; a write that returns a value (a payment, an agreement, the calculated options)
returns it with that ChangeSet on ``.changes``. The UI publishes exactly that on its ChangeHub and never
builds a ChangeSet of its own (tests/core/test_layering.py).

* ``Written`` — a mixin for a service's value type: ``.changes`` is None on a value a read returned and
  the commit's ChangeSet on one a write returned (``done(value, uow.commit())``). It is not a dataclass
  field: equality, repr and ``asdict`` of the value are unchanged.
* ``WrittenList`` / ``WrittenTuple`` — a list or tuple result with ``.changes``.
* ``applied_changes`` — what a bulk write (Database.begin_write: a sync import) changed, from the
  (table, id, rev) rows it reports having applied; such a write has no unit of work to say it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any, TypeVar

from survey_app.core.domain.actor import ChangeSet

T = TypeVar("T")
W = TypeVar("W", bound="Written")


class Written:
    """Mixin: ``changes`` is the ChangeSet of the commit that returned this value (None: a read)."""

    changes: ChangeSet | None = None


def done(value: W, changes: ChangeSet) -> W:
    """``value`` carrying ``changes`` (``uow.commit()``'s). Frozen dataclasses too: ``changes`` is no field."""
    object.__setattr__(value, "changes", changes)
    return value


class WrittenList(list[T], Written):
    """A write's list result and the ChangeSet its commit produced (``.changes``)."""

    def __init__(self, items: Iterable[T] = (), changes: ChangeSet | None = None):
        super().__init__(items)
        self.changes = changes if changes is not None else ChangeSet()


class WrittenTuple(tuple, Written):
    """A write's tuple result (``code, path = …`` still unpacks) and its commit's ChangeSet (``.changes``)."""

    def __new__(cls, items: Iterable[Any], changes: ChangeSet | None = None) -> WrittenTuple:
        self = super().__new__(cls, items)
        self.changes = changes if changes is not None else ChangeSet()
        return self


def merged(*changesets: ChangeSet | None) -> ChangeSet:
    """One ChangeSet of several commits (a service that writes twice, e.g. an account and then its phone)."""
    out = ChangeSet()
    for c in changesets:
        if c is None:
            continue
        for mine, theirs in ((out.inserted, c.inserted), (out.updated, c.updated), (out.deleted, c.deleted)):
            for table, ids in theirs.items():
                mine[table] |= ids
        out.audit_events += c.audit_events
    return out


def applied_changes(applied: Iterable[tuple[str, Any, int] | list], *, audit_events: int = 0) -> ChangeSet:
    """The ChangeSet of a bulk write, from the (table, id, rev) rows it applied: rev 1 is a row it inserted,
    a later rev one it updated. Ids may be hex strings or UUIDs (any other id names just its table)."""
    changes = ChangeSet(audit_events=audit_events)
    for table, rid, rev in applied:
        ids = (changes.inserted if int(rev) == 1 else changes.updated)[table]
        try:
            ids.add(rid if isinstance(rid, uuid.UUID) else uuid.UUID(str(rid)))
        except ValueError:
            pass
    return changes
