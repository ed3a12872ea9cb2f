"""audit checkpoints; open conflicts and imported bundles enter the audit chain; remote events keep their device

Revision ID: 0006_audit_checkpoints
Revises: 0005_search_index
Create Date: 2026-12-08

``audit_checkpoints`` keeps the signed checkpoints of audit chains (survey_app/core/sync/checkpoints.py).
From this revision on ``sync_issues`` and ``imported_bundles`` are audited tables: every row has a
ledger event in the chain. Rows already there are adopted here, one ``adopt`` event each, so
``audit verify`` does not call them inserted behind the app's back. The hashing is written out (a
migration is history and must not change when the app does); on SQLite the raw row *is* the stored
form that the row fingerprint covers. Other dialects hold no such rows yet (PostgreSQL HQs come later).
"""
import datetime as dt
import hashlib
import json
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0006_audit_checkpoints'
down_revision: Union[str, Sequence[str], None] = '0005_search_index'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

ADOPTED = ("sync_issues", "imported_bundles")


def _row_hash(stored: list) -> str:
    return hashlib.sha256(json.dumps(stored, ensure_ascii=False, separators=(",", ":")).encode()).hexdigest()


def _event_hash(*fields: object) -> str:
    return hashlib.sha256("\x1f".join(str(f) for f in fields).encode()).hexdigest()


def _adopt(conn) -> None:  # noqa: ANN001
    last = conn.exec_driver_sql("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1").first()
    seq, prev = (last[0], last[1]) if last else (0, "0" * 64)
    at = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f")
    events = []
    for table in ADOPTED:
        cols = [r[1] for r in conn.exec_driver_sql(f"PRAGMA table_info({table})")]
        for raw in conn.exec_driver_sql(f"SELECT {', '.join(cols)} FROM {table} ORDER BY id"):
            seq += 1
            rhash, rid = _row_hash(list(raw)), str(raw[cols.index("id")])
            h = _event_hash(prev, seq, at, "system", "", "adopt", table, rid, "{}", rhash)
            events.append((seq, at, "system", "", "adopt", table, rid, "{}", rhash, h))
            prev = h
    if events:
        conn.exec_driver_sql("INSERT INTO audit_events (seq, at, user, device, action, entity, entity_id, changes, "
                             "row_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", events)


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('audit_checkpoints',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('chain', sa.String(length=32), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('source_seq', sa.Integer(), nullable=False),
    sa.Column('document', sa.Text(), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_checkpoints'))
    )
    with op.batch_alter_table('audit_checkpoints', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_checkpoints_chain'), ['chain'], unique=False)
    with op.batch_alter_table('remote_audit_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('event_device', sa.String(length=32), nullable=True))
    if op.get_bind().dialect.name == "sqlite":
        _adopt(op.get_bind())


def downgrade() -> None:
    """Downgrade schema."""
    # the adopt events stay: the chain is history
    with op.batch_alter_table('remote_audit_events', schema=None) as batch_op:
        batch_op.drop_column('event_device')
    with op.batch_alter_table('audit_checkpoints', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_checkpoints_chain'))
    op.drop_table('audit_checkpoints')
