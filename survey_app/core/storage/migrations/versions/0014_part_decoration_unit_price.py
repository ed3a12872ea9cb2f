"""part decoration unit price: the appraisal report's 装修单价 (元/m²) of a building part

Revision ID: 0014_part_decoration_unit_price
Revises: 0013_adopt_added_columns
Create Date: 2026-12-12

Issue 13 (装修的每平方米评估单价): many appraisal reports give each building part's decoration as a unit
price rather than an amount. appraisals.decoration_unit_price keeps it (money: fen, NULL when the report
gives none); a ``decoration`` item with ``price = "part_appraisal_unit"`` pays area × it.

Plain ADD COLUMN (nullable, no table copy). Every existing appraisal row gains a column, so its audit
fingerprint changes: each row whose fingerprint without the new column (and, for rows an older version left,
without 0008's columns too) still matches its last audit event is adopted — one ``adopt`` event with the new
fingerprint, keyed when the database has an audit key — as 0012 and 0013 do (migrations/adopt_v1.py, the
frozen hashing). A row changed behind the app's back before the upgrade is not adopted and ``audit verify``
still reports it.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from survey_app.core.storage.migrations import adopt_v1
from survey_app.core.storage.migrations.adopt_v1 import SYNCED, History

# revision identifiers, used by Alembic.
revision: str = '0014_part_decoration_unit_price'
down_revision: str | Sequence[str] | None = '0013_adopt_added_columns'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The fingerprint order of appraisals at this revision (the model's: own columns, then the synced ones) and the
# column groups added since its rows were first audited (0008's, then this one's), with the value each ADD
# COLUMN gave them.
ADOPTED = (
    History('appraisals', (
        'household_id', 'report_no', 'appraiser', 'use', 'unit_price', 'decoration_value', 'appraised_on', 'notes',
        'part_id', 'part_label', 'structure', 'newness', 'decoration_grade', 'fixtures_value', 'import_batch',
        'decoration_unit_price', *SYNCED),
        ((('part_id', None), ('part_label', ''), ('structure', ''), ('newness', ''), ('decoration_grade', ''),
          ('fixtures_value', None), ('import_batch', '')),
         (('decoration_unit_price', None),))),
)


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('appraisals', schema=None) as batch_op:
        batch_op.add_column(sa.Column('decoration_unit_price', sa.BigInteger(), nullable=True))  # Fen
    adopt_v1.adopt(op.get_bind(), ADOPTED)


def downgrade() -> None:
    """Downgrade schema (column dropped in place, SQLite ≥ 3.35)."""
    op.execute('ALTER TABLE appraisals DROP COLUMN decoration_unit_price')
