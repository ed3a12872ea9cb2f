"""Signed checkpoints of audit chains (issue 10 item 2; survey_app/core/sync/checkpoints.py).

A checkpoint pins one chain — this machine's own, or another party's — at (seq, hash), signed by the
key of the chain's owner (and, for a device checkpoint echoed in HQ's receipt, countersigned by HQ).
Whoever can write the database file can recompute a plain sha256 chain, but not these signatures:
a history rewritten before a checkpoint no longer passes through it.

Rows are kept, never changed: at HQ one per field bundle (the device's chain head); on a laptop one
per receipt (its own head as HQ acknowledged it, and HQ's head) and per assignment bundle (HQ's head).
The table is in the audit chain like any record (its rows are fingerprinted by a ledger event), so a
deleted or edited checkpoint is found by ``audit verify``.
"""

import datetime as dt

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from survey_app.core.storage.models.base import Base


class AuditCheckpoint(Base):
    __tablename__ = "audit_checkpoints"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    chain: Mapped[str] = mapped_column(String(32), index=True)  # whose chain: a device code, or HQ's code
    seq: Mapped[int]
    hash: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(16))  # bundle | receipt | assignment
    source_seq: Mapped[int] = mapped_column(default=0)  # that bundle's / receipt's / assignment's number
    document: Mapped[str] = mapped_column(Text)  # the signed checkpoint as received (canonical JSON)
    received_at: Mapped[dt.datetime]
