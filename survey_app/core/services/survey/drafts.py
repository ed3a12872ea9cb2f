"""Autosaved drafts of the household editor: never lose a keystroke.

A draft is written (replacing the previous one) every few seconds while a form is dirty, on
this machine only. Saving the form or discarding the edit deletes it; a draft found when the
household is opened again is offered back to the worker.

Write path: like every write, a draft takes the write lock (``Database.begin_write``: ``BEGIN
IMMEDIATE`` on SQLite, the advisory lock on PostgreSQL), so it never interleaves with a unit of work
or an import. It is **not audited** (``drafts`` is in ``audit_chain.NOT_AUDITED_TABLES``): a draft is
one user's private working copy, never synced, never a record anyone relies on; auditing it would
put every pause in typing (one write per 2 s) into the chain that HQ re-walks. What counts is audited
when it is saved — the form, through the unit of work. Threading: callable from any thread (the
editor writes drafts from its own writer thread, ui/editor/autosave.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, insert, select

from survey_app.core.services.survey.form import SurveyForm
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Draft
from survey_app.core.storage.types import utcnow


@dataclass(frozen=True)
class SavedDraft:
    form: SurveyForm
    saved_at: dt.datetime
    base_rev: int


def save_draft(db: Database, username: str, form: SurveyForm) -> None:
    """Replace this user's draft of the household (one transaction: old or new, never half)."""
    t = Draft.__table__
    with db.begin_write() as conn:
        conn.execute(delete(t).where(t.c.household_id == form.id, t.c.username == username))
        conn.execute(insert(t).values(household_id=form.id, username=username, saved_at=utcnow(),
                                      base_rev=form.rev, content=form.to_json()))


def load_draft(db: Database, username: str, household_id: str) -> SavedDraft | None:
    t = Draft.__table__
    with db.engine.connect() as conn:
        row = conn.execute(select(t.c.content, t.c.saved_at, t.c.base_rev).where(
            t.c.household_id == household_id, t.c.username == username)).first()
    if row is None:
        return None
    return SavedDraft(SurveyForm.from_json(row.content), row.saved_at, row.base_rev)


def discard_draft(db: Database, username: str, household_id: str) -> None:
    """Remove this user's draft of the household, if any."""
    t = Draft.__table__
    with db.begin_write() as conn:
        conn.execute(delete(t).where(t.c.household_id == household_id, t.c.username == username))
