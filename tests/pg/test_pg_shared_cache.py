"""Two databases on the PostgreSQL server share the compiled statements (storage/dialects.py)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from survey_app.core.storage import dialects
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Household

pytestmark = pytest.mark.postgres


def test_a_second_server_database_runs_what_the_first_compiled(pg_server_running, pg_demo: str) -> None:
    urls = [pg_server_running.copy_database(pg_demo) for _ in range(2)]
    a, b = (Database(url) for url in urls)
    try:
        assert type(a.engine.dialect).__name__ == "PGDialect" and a.engine.dialect == b.engine.dialect
        statement = select(Household.id).where(Household.address != "pg shared-cache test").order_by(Household.id)
        before = len(dialects.SHARED_CACHE)
        with a.read() as s:
            first = s.scalars(statement).all()
        size = len(dialects.SHARED_CACHE)
        with b.read() as s:
            assert s.scalars(statement).all() == first and len(first) == 60
        assert size == before + 1 and len(dialects.SHARED_CACHE) == size
    finally:
        for db, url in zip((a, b), urls, strict=True):
            db.dispose()
            pg_server_running.drop_database(url)
