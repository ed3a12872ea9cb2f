"""Who acts (``Actor``) and what a write changed (``ChangeSet``): the two values every service call and
every page pass around, so they live in the domain layer, below storage and services (issue 11 item 1).

The unit of work (core/storage/uow.py) stamps every audit event with the Actor and returns the ChangeSet
its commit produced; the UI refreshes from that ChangeSet and never builds its own.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from survey_app.core.domain.roles import Permission, Role, require


@dataclass(frozen=True)
class Actor:
    """Who is acting, on which device. Every audit event names both."""

    username: str
    role: Role
    device: str
    display_name: str = ""

    def require(self, permission: Permission) -> None:
        require(self.role, permission)


SYSTEM = Actor(username="system", role=Role.HQ_ADMIN, device="")


@dataclass
class ChangeSet:
    """Ids of the records a commit inserted, updated or tombstoned, by table name."""

    inserted: dict[str, set[uuid.UUID]] = field(default_factory=lambda: defaultdict(set))
    updated: dict[str, set[uuid.UUID]] = field(default_factory=lambda: defaultdict(set))
    deleted: dict[str, set[uuid.UUID]] = field(default_factory=lambda: defaultdict(set))
    audit_events: int = 0

    @property
    def entities(self) -> set[str]:
        return set(self.inserted) | set(self.updated) | set(self.deleted)

    def touches(self, *tables: str) -> bool:
        return any(t in self.entities for t in tables)

    def __bool__(self) -> bool:
        return bool(self.entities) or self.audit_events > 0
