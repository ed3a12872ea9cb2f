"""published policy versions are immutable in the database itself

Revision ID: 0007_policy_immutable
Revises: 0006_audit_checkpoints
Create Date: 2026-12-08

Calculations are made under a published policy version and checked against its content hash, so a
published (or later withdrawn) version must never change. The unit of work refuses it, a laptop
refuses an assignment that would do it, HQ refuses to take such a version in a conflict; these
triggers refuse it under every write path that skips them (raw SQL, bulk sync apply, a hand-edited
file opened by the app): no UPDATE of content, content_hash or back to draft, no DELETE. Publishing a
draft and withdrawing or re-publishing stay possible. SQLite only, like the search index; the SQL is
written out here because a migration is history.
"""
from typing import Sequence, Union

from alembic import op


# revision identifiers, used by Alembic.
revision: str = '0007_policy_immutable'
down_revision: Union[str, Sequence[str], None] = '0006_audit_checkpoints'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

_SEALED = "old.status IN ('published', 'withdrawn')"
_REFUSE = "SELECT RAISE(ABORT, '已发布的补偿方案版本不能修改，请发布新版本');"

UPGRADE = [
    "CREATE TRIGGER policy_versions_sealed_update BEFORE UPDATE ON policy_versions "
    f"WHEN {_SEALED} AND (new.content IS NOT old.content OR new.content_hash IS NOT old.content_hash "
    "OR new.status NOT IN ('published', 'withdrawn')) "
    f"BEGIN {_REFUSE} END",
    f"CREATE TRIGGER policy_versions_sealed_delete BEFORE DELETE ON policy_versions WHEN {_SEALED} "
    f"BEGIN {_REFUSE} END",
]

DOWNGRADE = [
    "DROP TRIGGER IF EXISTS policy_versions_sealed_delete",
    "DROP TRIGGER IF EXISTS policy_versions_sealed_update",
]


def upgrade() -> None:
    """Upgrade schema."""
    if op.get_bind().dialect.name != "sqlite":
        return  # PostgreSQL HQs come later, with their own trigger
    for statement in UPGRADE:
        op.execute(statement)


def downgrade() -> None:
    """Downgrade schema."""
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in DOWNGRADE:
        op.execute(statement)
