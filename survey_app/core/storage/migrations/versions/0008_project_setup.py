"""project set-up: project fields, roster/appraisal import batches, part-level appraisals, forced
password change, device revocation

Revision ID: 0008_project_setup
Revises: 0007_policy_immutable
Create Date: 2026-12-01

Everything starting a real project needs (issue 12) and the columns sealed keys and revocation read
(issue 10), in one migration so that the pieces written side by side share one schema:

* projects: city, the 货币化安置 target (percent, 2 decimals) and the sections (片区/地块) as a JSON list;
* households and appraisals remember the import batch that wrote them, so an untouched batch can be undone;
* an appraisal may name one building part (the appraiser's report prices parts, not just uses) and carries
  the structure, 成新, decoration grade and 附属物 value the report gives;
* users: must_change_password (a real project's first login, a reset password);
* devices: revoked_at / revoked_reason (HQ revokes a lost laptop; import and verify read it);
* audit_events.mac: HMAC of each event's hash under the vault's audit key (issue 10 item 2);
* import_batches: one row per roster or appraisal import at HQ (HQ's own, not synced).
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0008_project_setup'
down_revision: Union[str, Sequence[str], None] = '0007_policy_immutable'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema. Plain ADD COLUMNs (no table copies: households carries the search triggers and is
    referenced by every household table)."""
    add = op.add_column
    add('projects', sa.Column('city', sa.String(length=64), nullable=False, server_default=''))
    add('projects', sa.Column('cash_target_pct', sa.BigInteger(), nullable=True))  # ScaledDecimal(2)
    add('projects', sa.Column('sections', sa.Text(), nullable=False, server_default='[]'))
    add('households', sa.Column('import_batch', sa.String(length=36), nullable=False, server_default=''))
    # no FOREIGN KEY: SQLite can't add one without copying the table; the importer checks the part
    add('appraisals', sa.Column('part_id', sa.Uuid(), nullable=True))
    add('appraisals', sa.Column('part_label', sa.String(length=128), nullable=False, server_default=''))
    add('appraisals', sa.Column('structure', sa.String(length=24), nullable=False, server_default=''))
    add('appraisals', sa.Column('newness', sa.String(length=16), nullable=False, server_default=''))
    add('appraisals', sa.Column('decoration_grade', sa.String(length=16), nullable=False, server_default=''))
    add('appraisals', sa.Column('fixtures_value', sa.BigInteger(), nullable=True))  # Fen
    add('appraisals', sa.Column('import_batch', sa.String(length=36), nullable=False, server_default=''))
    op.create_index(op.f('ix_appraisals_part_id'), 'appraisals', ['part_id'], unique=False)
    add('users', sa.Column('must_change_password', sa.Boolean(), nullable=False, server_default=sa.false()))
    add('devices', sa.Column('revoked_at', sa.DateTime(), nullable=True))
    add('devices', sa.Column('revoked_reason', sa.Text(), nullable=False, server_default=''))
    add('audit_events', sa.Column('mac', sa.String(length=64), nullable=False, server_default=''))
    op.create_table(
        'import_batches',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),  # roster | appraisal
        sa.Column('file_name', sa.String(length=255), nullable=False, server_default=''),
        sa.Column('file_sha256', sa.String(length=64), nullable=False, server_default=''),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('created_by', sa.String(length=64), nullable=False, server_default=''),
        sa.Column('rows_added', sa.Integer(), nullable=False, server_default='0'),
        sa.Column('rows_updated', sa.Integer(), nullable=False, server_default='0'),
        sa.Column('summary', sa.Text(), nullable=False, server_default='{}'),
        sa.Column('undone_at', sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_import_batches')),
    )


def downgrade() -> None:
    """Downgrade schema (SQLite ≥ 3.35 drops columns in place; a table copy would trip the foreign keys)."""
    op.drop_table('import_batches')
    op.drop_index(op.f('ix_appraisals_part_id'), table_name='appraisals')
    for table, columns in (
        ('audit_events', ('mac',)),
        ('devices', ('revoked_reason', 'revoked_at')),
        ('users', ('must_change_password',)),
        ('appraisals', ('import_batch', 'fixtures_value', 'decoration_grade', 'newness', 'structure',
                        'part_label', 'part_id')),
        ('households', ('import_batch',)),
        ('projects', ('sections', 'cash_target_pct', 'city')),
    ):
        for column in columns:
            op.execute(f'ALTER TABLE {table} DROP COLUMN {column}')
