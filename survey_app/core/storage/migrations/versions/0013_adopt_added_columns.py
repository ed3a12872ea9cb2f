"""adopt the rows whose audit fingerprint 0008 and 0010 changed (issues 10 and 15 item 5)

Revision ID: 0013_adopt_added_columns
Revises: 0012_policy_fields
Create Date: 2026-12-11

0008_project_setup and 0010_money_and_moving added columns to audited tables with plain ADD COLUMNs
and did not adopt the rows they changed: a project made by an older version and upgraded reported every
such row as changed behind the app's back. Here each row whose last audit event matches its fingerprint
as the older version stored it — the columns added since removed (0012's too, for households), each
holding the value its ADD COLUMN gave — gets one ``adopt`` event with its current fingerprint (keyed when
the database has an audit key). A row altered by hand before the upgrade matches no older form and
``audit verify`` still reports it. SQLite and PostgreSQL alike (migrations/adopt_v1.py, the frozen hashing).

No schema change; the downgrade leaves the events: the chain is history.
"""
from collections.abc import Sequence

from alembic import op

from survey_app.core.storage.migrations import adopt_v1
from survey_app.core.storage.migrations.adopt_v1 import SYNCED, History

# revision identifiers, used by Alembic.
revision: str = '0013_adopt_added_columns'
down_revision: str | Sequence[str] | None = '0012_policy_fields'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_IMPORT_BATCH = (('import_batch', ''),)  # 0008
# Each table's fingerprint order at this revision (the model's: own columns, then the synced ones) and the
# column groups added to it since its rows were first audited, with the value each ADD COLUMN gave them.
ADOPTED = (
    History('projects', (
        'code', 'name', 'area_name', 'decision_no', 'decision_date', 'authority', 'implementer', 'valuation_date',
        'signing_start', 'signing_end', 'notes', 'city', 'cash_target_pct', 'sections', *SYNCED),
        ((('city', ''), ('cash_target_pct', None), ('sections', '[]')),)),
    History('households', (
        'project_id', 'household_code', 'status', 'head_name', 'head_id_number', 'phone', 'address', 'section',
        'name_pinyin', 'name_initials', 'search_key', 'assigned_to', 'willingness', 'preferred_mode',
        'chosen_mode', 'chosen_option', 'delivery', 'surveyed_at', 'surveyed_by', 'review_comment', 'notes',
        'origin', 'import_batch', 'owner_type', *SYNCED),
        (_IMPORT_BATCH, (('owner_type', 'individual'),))),
    History('appraisals', (
        'household_id', 'report_no', 'appraiser', 'use', 'unit_price', 'decoration_value', 'appraised_on', 'notes',
        'part_id', 'part_label', 'structure', 'newness', 'decoration_grade', 'fixtures_value', 'import_batch',
        *SYNCED),
        ((('part_id', None), ('part_label', ''), ('structure', ''), ('newness', ''), ('decoration_grade', ''),
          ('fixtures_value', None), *_IMPORT_BATCH),)),
    History('users', (
        'username', 'display_name', 'role', 'password_hash', 'failed_logins', 'locked_until', 'active',
        'last_login_at', 'phone', 'must_change_password', *SYNCED),
        ((('must_change_password', 0),),)),
    History('devices', (
        'code', 'name', 'kind', 'signing_public_key', 'encryption_public_key', 'sync_signing_key', 'enrolled_at',
        'status', 'revoked_at', 'revoked_reason', *SYNCED),
        ((('revoked_at', None), ('revoked_reason', '')),)),
    History('grievances', (
        'household_id', 'kind', 'summary', 'detail', 'raised_at', 'status', 'resolution', 'resolved_at', 'due_on',
        'closed_by', *SYNCED),
        ((('due_on', None), ('closed_by', '')),)),
    History('vouchers', (
        'household_id', 'agreement_id', 'number', 'face_value', 'bonus_pct', 'valid_until', 'status',
        'holder_name', 'issued_on', 'used_on', 'used_amount', *SYNCED),
        ((('issued_on', None), ('used_on', None), ('used_amount', None)),)),
    History('attachments', (
        'household_id', 'sha256', 'kind', 'media_type', 'size_bytes', 'original_name', 'captured_at', 'gps_lat',
        'gps_lon', 'caption', 'category', 'record_id', *SYNCED),
        ((('record_id', None),),)),
)


def upgrade() -> None:
    """Adopt (no schema change)."""
    adopt_v1.adopt(op.get_bind(), ADOPTED)


def downgrade() -> None:
    """Nothing to undo: the adopt events stay, the chain is history."""
