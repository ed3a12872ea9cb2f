"""project effective: HQ's record of when the project's agreements took effect (or that they did not)

Revision ID: 0016_project_effective
Revises: 0015_household_flat_choices
Create Date: 2026-12-14

Issue 13 (协议生效与生效后结算的奖励): a policy may make its agreements take effect only at a signing rate
(``[project] effective_when``); 签约率奖 and 早搬迁奖 are settled once the rate and the effective date are
known. project_effects holds HQ's record: outcome (``effective`` / ``failed``), the effective date, the
deadline, and the rate as whole households (signed of total, counted up to ``rate_as_of``), so it is exact.

A new table (CREATE TABLE only): no existing row changes, so no audit fingerprint changes and nothing to adopt
(migrations/adopt_v1.py is for ADD COLUMN on audited tables). HQ's alone, like payments: assignment bundles do
not carry it (a laptop's calculations and agreements never depend on it) and a field bundle holding it is
refused (sync/rights.py).
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0016_project_effective'
down_revision: str | Sequence[str] | None = '0015_household_flat_choices'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        'project_effects',
        sa.Column('project_id', sa.Uuid(), nullable=False),
        sa.Column('outcome', sa.String(length=16), nullable=False),
        sa.Column('effective_on', sa.Date(), nullable=True),
        sa.Column('deadline', sa.Date(), nullable=True),
        sa.Column('rate_as_of', sa.Date(), nullable=False),
        sa.Column('signed_households', sa.Integer(), nullable=False),
        sa.Column('total_households', sa.Integer(), nullable=False),
        sa.Column('recorded_by', sa.String(length=64), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('rev', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('updated_by', sa.String(length=64), nullable=False),
        sa.Column('origin_device', sa.String(length=32), nullable=False),
        sa.Column('deleted_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_project_effects_project_id_projects')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_project_effects')),
    )
    op.create_index(op.f('ix_project_effects_project_id'), 'project_effects', ['project_id'])


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index(op.f('ix_project_effects_project_id'), table_name='project_effects')
    op.drop_table('project_effects')
