"""search index: FTS5 trigram table over households.search_key, kept right by triggers

Revision ID: 0005_search_index
Revises: 0004_field_flow
Create Date: 2026-12-01

SQLite only (≥ 3.34 for the trigram tokenizer); other dialects search with LIKE for now (see
survey_app/core/storage/search_sql.py, which explains the design and when to rebuild). The SQL is
written out here, not imported: a migration is history and must not change when the app does.
Triggers, not the unit of work, keep the index right, so that no write path (ORM, bulk inserts,
sync apply) can forget it. Only an UPDATE that changes search_key touches the index.
"""
from typing import Sequence, Union

from alembic import op


# revision identifiers, used by Alembic.
revision: str = '0005_search_index'
down_revision: Union[str, Sequence[str], None] = '0004_field_flow'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

UPGRADE = [
    # external content (no second copy of the text), rowid = households.rowid; case_sensitive 1: byte-exact,
    # the text and the searched word are both lower case already.
    "CREATE VIRTUAL TABLE households_search USING fts5(search_key, content='households', "
    "content_rowid='rowid', tokenize='trigram case_sensitive 1')",
    "CREATE TRIGGER households_search_insert AFTER INSERT ON households BEGIN "
    "INSERT INTO households_search(rowid, search_key) VALUES (new.rowid, new.search_key); END",
    "CREATE TRIGGER households_search_delete AFTER DELETE ON households BEGIN "
    "INSERT INTO households_search(households_search, rowid, search_key) VALUES ('delete', old.rowid, old.search_key); "
    "END",
    "CREATE TRIGGER households_search_update AFTER UPDATE OF search_key ON households "
    "WHEN old.search_key IS NOT new.search_key BEGIN "
    "INSERT INTO households_search(households_search, rowid, search_key) VALUES ('delete', old.rowid, old.search_key); "
    "INSERT INTO households_search(rowid, search_key) VALUES (new.rowid, new.search_key); END",
    "INSERT INTO households_search(households_search) VALUES ('rebuild')",  # the households already there
]

DOWNGRADE = [
    "DROP TRIGGER IF EXISTS households_search_update",
    "DROP TRIGGER IF EXISTS households_search_delete",
    "DROP TRIGGER IF EXISTS households_search_insert",
    "DROP TABLE IF EXISTS households_search",
]


def upgrade() -> None:
    """Upgrade schema."""
    if op.get_bind().dialect.name != "sqlite":
        return  # PostgreSQL: LIKE for now; pg_trgm comes with the PostgreSQL work
    for statement in UPGRADE:
        op.execute(statement)


def downgrade() -> None:
    """Downgrade schema."""
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in DOWNGRADE:
        op.execute(statement)
