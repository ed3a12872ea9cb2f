"""dashboard indexes: progress per section and worker, and the daily survey trend

Revision ID: 0009_dashboard_indexes
Revises: 0008_project_setup
Create Date: 2026-12-01

HQ's dashboard (core/services/reports) groups households by section, worker and status, and counts
surveys per day; without these indexes each refresh scans the table (1.3 s at 100k households against a
300 ms budget, bench hq_dashboard).
"""
from typing import Sequence, Union

from alembic import op


# revision identifiers, used by Alembic.
revision: str = '0009_dashboard_indexes'
down_revision: Union[str, Sequence[str], None] = '0008_project_setup'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_index('ix_households_progress', 'households', ['deleted_at', 'section', 'assigned_to', 'status'])
    op.create_index('ix_households_surveyed_at', 'households', ['surveyed_at'])


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index('ix_households_surveyed_at', table_name='households')
    op.drop_index('ix_households_progress', table_name='households')
