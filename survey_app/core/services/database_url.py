"""The project database as shown to a user (HQ 项目信息): a file's path, or a server URL without its password."""

from __future__ import annotations

from survey_app.core.storage.database import Database
from survey_app.core.storage.pg import describe_url


def shown_url(db: Database) -> str:
    """``db``'s location for the screen: ``postgresql+psycopg://hq:***@host:5432/survey`` or the file's path."""
    return describe_url(db.url)
