"""policy fields: the owner type of a household, a building part's category and its area to 0.001 m²

Revision ID: 0012_policy_fields
Revises: 0010_money_and_moving
Create Date: 2026-12-10

Issue 13 items 1–2 (what a published scheme keys its rules on, stored with the survey so that HQ
re-derives it from the survey records):

* households.owner_type: 被征收人类型 — individual 个人 (default) / enterprise 企业 / public_body 机关事业单位 /
  collective 集体 / public_tenant 公房承租人 (an item's ``when.owner_type``);
* building_parts.category: a free category the policy's rules name (地段, 成套房, 1990年前建, 临建批复 …);
* building_parts.area_exact: the area to 0.001 m² when it was surveyed so (NULL otherwise). ``area`` keeps
  its meaning (hundredths of a m², what lists, reports and older bundles read); the engine reads
  ``area_exact`` when set. Widening ``area`` itself would change the meaning of every stored integer
  under the readers that sum it raw and under bundles written by an older version.

Plain ADD COLUMN (batch mode adds in place on SQLite: no table copy, which would trip the foreign keys).
Every existing row of the two tables gains a column, so its audit fingerprint changes: each row (SQLite
and PostgreSQL) whose fingerprint without the new columns still matches its last audit event is adopted
(one ``adopt`` event with the new fingerprint, keyed like any event when the database has an audit key) — a
row changed behind the app's back before the upgrade is not adopted and ``audit verify`` still reports it.
The hashing is written out in the frozen helper migrations/adopt_v1.py: a migration is history and must not
change when the app does. Rows an older version left before 0008/0010 added columns are adopted by 0013.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from survey_app.core.storage.migrations import adopt_v1

# revision identifiers, used by Alembic.
revision: str = '0012_policy_fields'
down_revision: str | Sequence[str] | None = '0010_money_and_moving'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The fingerprint order of the two tables at this revision (the model's: own columns, then the synced ones).
ADOPTED = (
    adopt_v1.History('households', (
        'project_id', 'household_code', 'status', 'head_name', 'head_id_number', 'phone', 'address', 'section',
        'name_pinyin', 'name_initials', 'search_key', 'assigned_to', 'willingness', 'preferred_mode',
        'chosen_mode', 'chosen_option', 'delivery', 'surveyed_at', 'surveyed_by', 'review_comment', 'notes',
        'origin', 'import_batch', 'owner_type', *adopt_v1.SYNCED),
        ((('owner_type', 'individual'),),)),
    adopt_v1.History('building_parts', (
        'household_id', 'sort_order', 'label', 'area', 'use', 'actual_use', 'structure', 'floors', 'built_year',
        'legality', 'temporary_term_end', 'decoration_grade', 'category', 'area_exact', *adopt_v1.SYNCED),
        ((('category', ''), ('area_exact', None)),)),
)


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('households', schema=None) as batch_op:
        batch_op.add_column(sa.Column('owner_type', sa.String(length=16), nullable=False,
                                      server_default='individual'))
    with op.batch_alter_table('building_parts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('category', sa.String(length=64), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('area_exact', sa.BigInteger(), nullable=True))  # ScaledDecimal(3)
    adopt_v1.adopt(op.get_bind(), ADOPTED)


def downgrade() -> None:
    """Downgrade schema (columns dropped in place, SQLite ≥ 3.35)."""
    for table, columns in (('building_parts', ('area_exact', 'category')), ('households', ('owner_type',))):
        for column in columns:
            op.execute(f'ALTER TABLE {table} DROP COLUMN {column}')
