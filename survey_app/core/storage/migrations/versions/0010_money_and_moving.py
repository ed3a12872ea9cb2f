"""money and moving: payments, the 过渡期, 交房验收, grievance follow-ups, voucher use

Revision ID: 0010_money_and_moving
Revises: 0009_dashboard_indexes
Create Date: 2026-12-02

Issue 14 items 3 and 4:

* payments: per signed agreement, instalments of the settlement or of transition fee (HQ only);
* transitions: the 过渡期 of a household (start, exchange flat delivered);
* handovers: 交房验收 (date, meter readings, keys, who checked, notes);
* grievance_followups, and grievances.due_on / closed_by;
* vouchers.issued_on / used_on / used_amount (房票 use);
* attachments.record_id: the handover or grievance a photo or scan belongs to.

Plain ADD COLUMN and CREATE TABLE only: a SQLite table copy would trip the foreign keys (see 0008).
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0010_money_and_moving'
down_revision: Union[str, Sequence[str], None] = '0009_dashboard_indexes'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def _synced() -> list:
    return [
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('rev', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('updated_by', sa.String(length=64), nullable=False),
        sa.Column('origin_device', sa.String(length=32), nullable=False),
        sa.Column('deleted_at', sa.DateTime(), nullable=True),
    ]


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f'{target}.id'], name=op.f(f'fk_{table}_{column}_{target}'))


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        'payments',
        sa.Column('household_id', sa.Uuid(), nullable=False),
        sa.Column('agreement_id', sa.Uuid(), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('instalment', sa.Integer(), nullable=False),
        sa.Column('amount', sa.BigInteger(), nullable=False),  # Fen
        sa.Column('paid_on', sa.Date(), nullable=False),
        sa.Column('method', sa.String(length=16), nullable=False),
        sa.Column('receipt_no', sa.String(length=64), nullable=False),
        sa.Column('bank_ref', sa.String(length=64), nullable=False),
        sa.Column('recorded_by', sa.String(length=64), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        *_synced(),
        _fk('payments', 'household_id', 'households'), _fk('payments', 'agreement_id', 'agreements'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_payments')),
    )
    op.create_index(op.f('ix_payments_household_id'), 'payments', ['household_id'])
    op.create_index(op.f('ix_payments_agreement_id'), 'payments', ['agreement_id'])
    op.create_table(
        'transitions',
        sa.Column('household_id', sa.Uuid(), nullable=False),
        sa.Column('agreement_id', sa.Uuid(), nullable=False),
        sa.Column('start_on', sa.Date(), nullable=False),
        sa.Column('flat_delivered_on', sa.Date(), nullable=True),
        sa.Column('note', sa.Text(), nullable=False),
        *_synced(),
        _fk('transitions', 'household_id', 'households'), _fk('transitions', 'agreement_id', 'agreements'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_transitions')),
    )
    op.create_index(op.f('ix_transitions_household_id'), 'transitions', ['household_id'])
    op.create_table(
        'handovers',
        sa.Column('household_id', sa.Uuid(), nullable=False),
        sa.Column('agreement_id', sa.Uuid(), nullable=True),
        sa.Column('handed_on', sa.Date(), nullable=False),
        sa.Column('water_reading', sa.BigInteger(), nullable=True),  # ScaledDecimal(2)
        sa.Column('power_reading', sa.BigInteger(), nullable=True),
        sa.Column('gas_reading', sa.BigInteger(), nullable=True),
        sa.Column('keys_count', sa.Integer(), nullable=False),
        sa.Column('checked_by', sa.String(length=64), nullable=False),
        sa.Column('notes', sa.Text(), nullable=False),
        *_synced(),
        _fk('handovers', 'household_id', 'households'), _fk('handovers', 'agreement_id', 'agreements'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_handovers')),
    )
    op.create_index(op.f('ix_handovers_household_id'), 'handovers', ['household_id'])
    op.create_table(
        'grievance_followups',
        sa.Column('grievance_id', sa.Uuid(), nullable=False),
        sa.Column('household_id', sa.Uuid(), nullable=False),
        sa.Column('followed_on', sa.Date(), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.Column('author', sa.String(length=64), nullable=False),
        *_synced(),
        _fk('grievance_followups', 'grievance_id', 'grievances'),
        _fk('grievance_followups', 'household_id', 'households'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_grievance_followups')),
    )
    op.create_index(op.f('ix_grievance_followups_grievance_id'), 'grievance_followups', ['grievance_id'])
    op.create_index(op.f('ix_grievance_followups_household_id'), 'grievance_followups', ['household_id'])
    add = op.add_column
    add('grievances', sa.Column('due_on', sa.Date(), nullable=True))
    add('grievances', sa.Column('closed_by', sa.String(length=64), nullable=False, server_default=''))
    add('vouchers', sa.Column('issued_on', sa.Date(), nullable=True))
    add('vouchers', sa.Column('used_on', sa.Date(), nullable=True))
    add('vouchers', sa.Column('used_amount', sa.BigInteger(), nullable=True))  # Fen
    add('attachments', sa.Column('record_id', sa.Uuid(), nullable=True))


def downgrade() -> None:
    """Downgrade schema (columns dropped in place, SQLite ≥ 3.35)."""
    for table, columns in (('attachments', ('record_id',)), ('vouchers', ('used_amount', 'used_on', 'issued_on')),
                           ('grievances', ('closed_by', 'due_on'))):
        for column in columns:
            op.execute(f'ALTER TABLE {table} DROP COLUMN {column}')
    for table in ('grievance_followups', 'handovers', 'transitions', 'payments'):
        op.drop_table(table)
