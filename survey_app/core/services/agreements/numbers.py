"""Agreement numbers, unique without a network: project code + device code + sequence.

    FR2023-D01-000042

The sequence is the highest number this device ever issued in the project, plus one, read
inside the write transaction (SQLite BEGIN IMMEDIATE serialises writers). Voided agreements stay
in the table (tombstones at most), so a number is never reused, also after a void.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from survey_app.core.storage.models import Agreement

WIDTH = 6


def next_number(session: Session, project_code: str, device_code: str) -> str:
    prefix = f"{project_code}-{device_code}-"
    last = session.scalar(select(func.max(Agreement.number)).where(Agreement.number.like(f"{prefix}%")))
    seq = int(last[len(prefix):]) + 1 if last else 1
    return f"{prefix}{seq:0{WIDTH}d}"
