"""Per-day SQL, the storage's dialect twins: a stored UTC timestamp's calendar day in China time.

Timestamps are stored naive-UTC (storage/types.py). Grouping "per day" (the dashboard's trend) must group by
China's working day (UTC+8, no daylight saving), computed in SQL: SQLite's ``date(t, '+8 hours')`` (text
'YYYY-MM-DD'), PostgreSQL's ``CAST(t + INTERVAL '8 hours' AS DATE)`` (a date).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Date, cast, func, literal_column

from survey_app.core.storage.database import Database


def china_day(db: Database, column: Any) -> Any:
    """SQL expression: the China-time calendar day of a UTC timestamp column."""
    if db.engine.dialect.name == "sqlite":
        return func.date(column, "+8 hours")
    return cast(column + literal_column("INTERVAL '8 hours'"), Date)
