"""All models, imported here so the metadata is complete (Alembic and the audit chain rely on it).

The model modules do without ``from __future__ import annotations``: with it SQLAlchemy reads every ``Mapped[…]``
from a string (evaluating it again), a third of the ~0.3 CPU-s each process (a command, the app's warm-up, a
worker process) spent declaring them. Without it a column named like its type alias (``code: Mapped[code] =
mapped_column(…)``) sees its own assignment, so those spell the type out."""

from survey_app.core.storage.models.agreements import Agreement, Voucher
from survey_app.core.storage.models.attachments import Attachment
from survey_app.core.storage.models.audit import AuditEvent, Draft, LocalSetting
from survey_app.core.storage.models.base import Base, Synced
from survey_app.core.storage.models.buildings import Appraisal, BuildingPart, Business, Fixture, SurveyItem
from survey_app.core.storage.models.calculations import Calculation, CalculationLine
from survey_app.core.storage.models.checkpoints import AuditCheckpoint
from survey_app.core.storage.models.effects import ProjectEffect
from survey_app.core.storage.models.grievances import Grievance, GrievanceFollowUp
from survey_app.core.storage.models.handovers import Handover
from survey_app.core.storage.models.households import Household, Member, Tenure
from survey_app.core.storage.models.imports import ImportBatch
from survey_app.core.storage.models.money import Payment, Transition
from survey_app.core.storage.models.people import Device, User
from survey_app.core.storage.models.project import PolicyVersion, Project
from survey_app.core.storage.models.sync import ImportedBundle, RemoteAuditEvent, SyncIssue, SyncRecord

__all__ = [
    "Agreement", "Appraisal", "Attachment", "AuditCheckpoint", "AuditEvent", "Base", "BuildingPart", "Business", "Calculation",
    "CalculationLine", "Device", "Draft", "Fixture", "Grievance", "Household", "ImportBatch", "LocalSetting", "Member", "PolicyVersion",
    "Project", "SurveyItem", "Synced", "Tenure", "User", "Voucher", "ImportedBundle", "RemoteAuditEvent", "SyncIssue",
    "SyncRecord", "GrievanceFollowUp", "Handover", "Payment", "Transition", "ProjectEffect",
]
