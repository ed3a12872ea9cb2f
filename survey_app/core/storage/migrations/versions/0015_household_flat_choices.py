"""household flat choices: the flats a household wants (one or more combinations), stored with the survey

Revision ID: 0015_household_flat_choices
Revises: 0014_part_decoration_unit_price
Create Date: 2026-12-13

Issue 13 (选房组合): a household entitled to 120 m² often takes two flats, and a flat priced by floor needs
its floor. households.flat_choices keeps the household's wanted combinations as a JSON list of lists of flat
keys — ``[["A60", "C45"], ["H90@5"]]`` (a policy flat type, a listed flat key, or a type on a floor
``TYPE@FLOOR``) — ``"[]"`` when none is recorded; the calculation offers one exchange option per combination
(compensation HouseholdInput.flat_choices).

Plain ADD COLUMN (NOT NULL, server default ``'[]'``, no table copy). Every existing household row gains a
column, so its audit fingerprint changes: each row whose fingerprint without the new column (and, for rows
an older version left, without 0012's and 0008's columns too) still matches its last audit event is adopted
— one ``adopt`` event with the new fingerprint, keyed when the database has an audit key — as 0012–0014 do
(migrations/adopt_v1.py, the frozen hashing). A row changed behind the app's back before the upgrade is not
adopted and ``audit verify`` still reports it.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from survey_app.core.storage.migrations import adopt_v1
from survey_app.core.storage.migrations.adopt_v1 import SYNCED, History

# revision identifiers, used by Alembic.
revision: str = '0015_household_flat_choices'
down_revision: str | Sequence[str] | None = '0014_part_decoration_unit_price'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The fingerprint order of households at this revision (the model's: own columns, then the synced ones) and
# the column groups added since its rows were first audited (0008's, 0012's, then this one's), with the value
# each ADD COLUMN gave them.
ADOPTED = (
    History('households', (
        'project_id', 'household_code', 'status', 'head_name', 'head_id_number', 'phone', 'address', 'section',
        'name_pinyin', 'name_initials', 'search_key', 'assigned_to', 'willingness', 'preferred_mode',
        'chosen_mode', 'chosen_option', 'delivery', 'surveyed_at', 'surveyed_by', 'review_comment', 'notes',
        'origin', 'import_batch', 'owner_type', 'flat_choices', *SYNCED),
        ((('import_batch', ''),), (('owner_type', 'individual'),), (('flat_choices', '[]'),))),
)


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('households', schema=None) as batch_op:
        batch_op.add_column(sa.Column('flat_choices', sa.Text(), nullable=False, server_default='[]'))
    adopt_v1.adopt(op.get_bind(), ADOPTED)


def downgrade() -> None:
    """Downgrade schema (column dropped in place, SQLite ≥ 3.35)."""
    op.execute('ALTER TABLE households DROP COLUMN flat_choices')
