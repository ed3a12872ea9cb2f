"""The one place of the reports that knows SQL dialects: a stored UTC timestamp's day in China time.

Timestamps are stored naive-UTC (storage/types.py). Grouping "per day" must group by China's working
day (UTC+8, no daylight saving), so the day is computed in SQL: SQLite's ``date(t, '+8 hours')``, and
PostgreSQL's ``CAST(t + INTERVAL '8 hours' AS DATE)``. Both return what ``as_date`` turns into a date.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Date, cast, func, literal_column

from survey_app.core.storage.database import Database


def china_day(db: Database, column: Any) -> Any:
    """SQL expression: the China-time calendar day of a UTC timestamp column."""
    if db.engine.dialect.name == "sqlite":
        return func.date(column, "+8 hours")
    return cast(column + literal_column("INTERVAL '8 hours'"), Date)


def as_date(value: Any) -> dt.date:
    """A day as the driver returns it (SQLite: 'YYYY-MM-DD' text; PostgreSQL: a date)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])
