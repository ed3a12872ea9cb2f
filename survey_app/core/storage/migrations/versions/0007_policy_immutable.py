"""published policy versions are immutable in the database itself

Revision ID: 0007_policy_immutable
Revises: 0006_audit_checkpoints
Create Date: 2026-12-08

Calculations are made under a published policy version and checked against its content hash, so a
published (or later withdrawn) version must never change. The unit of work refuses it, a laptop
refuses an assignment that would do it, HQ refuses to take such a version in a conflict; these
triggers refuse it under every write path that skips them (raw SQL, bulk sync apply, a hand-edited
file opened by the app): no UPDATE of content, content_hash or back to draft, no DELETE. Publishing a
draft and withdrawing or re-publishing stay possible. The SQL is written out here because a migration
is history. PostgreSQL gets the same rule as one PL/pgSQL trigger function (PG_UPGRADE), raising
SQLSTATE 23000 (an integrity violation, as SQLite's RAISE(ABORT) is) with the same message.
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

PG_UPGRADE = [
    "CREATE FUNCTION policy_versions_sealed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "IF OLD.status IN ('published', 'withdrawn') AND (TG_OP = 'DELETE' "
    "OR NEW.content IS DISTINCT FROM OLD.content OR NEW.content_hash IS DISTINCT FROM OLD.content_hash "
    "OR NEW.status NOT IN ('published', 'withdrawn')) THEN "
    "RAISE EXCEPTION '已发布的补偿方案版本不能修改，请发布新版本' USING ERRCODE = '23000'; END IF; "
    "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$",
    "CREATE TRIGGER policy_versions_sealed BEFORE UPDATE OR DELETE ON policy_versions "
    "FOR EACH ROW EXECUTE FUNCTION policy_versions_sealed()",
]

PG_DOWNGRADE = [
    "DROP TRIGGER IF EXISTS policy_versions_sealed ON policy_versions",
    "DROP FUNCTION IF EXISTS policy_versions_sealed()",
]

DOWNGRADE = [
    "DROP TRIGGER IF EXISTS policy_versions_sealed_delete",
    "DROP TRIGGER IF EXISTS policy_versions_sealed_update",
]


def _statements(sqlite: list[str], postgresql: list[str]) -> list[str]:
    return {"sqlite": sqlite, "postgresql": postgresql}.get(op.get_bind().dialect.name, [])


def upgrade() -> None:
    """Upgrade schema."""
    for statement in _statements(UPGRADE, PG_UPGRADE):
        op.execute(statement)


def downgrade() -> None:
    """Downgrade schema."""
    for statement in _statements(DOWNGRADE, PG_DOWNGRADE):
        op.execute(statement)
