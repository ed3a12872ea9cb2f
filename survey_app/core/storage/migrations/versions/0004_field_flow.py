"""field flow: photo categories, households found in the field, saved-PDF counts

Revision ID: 0004_field_flow
Revises: 0003_sync
Create Date: 2026-12-01

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0004_field_flow'
down_revision: Union[str, Sequence[str], None] = '0003_sync'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('attachments') as batch:
        # 外观 exterior / 室内 interior / 证件 papers / 临建批复 temporary-permit / 其他 other ('' = not set)
        batch.add_column(sa.Column('category', sa.String(length=16), nullable=False, server_default=''))
    with op.batch_alter_table('households') as batch:
        # roster: from HQ's register; field: 新增住户 found door to door, for HQ to confirm; confirmed: HQ did
        batch.add_column(sa.Column('origin', sa.String(length=16), nullable=False, server_default='roster'))
    with op.batch_alter_table('agreements') as batch:
        # 另存为 PDF counted apart from paper prints (print_count)
        batch.add_column(sa.Column('saved_count', sa.Integer(), nullable=False, server_default='0'))


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('agreements') as batch:
        batch.drop_column('saved_count')
    with op.batch_alter_table('households') as batch:
        batch.drop_column('origin')
    with op.batch_alter_table('attachments') as batch:
        batch.drop_column('category')
