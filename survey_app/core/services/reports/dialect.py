"""A day as the reports get it from SQL. The SQL itself (a stored UTC timestamp's China day, per dialect) is the
storage's (storage/day_sql.py ``china_day``, named here for the reports); ``as_date`` turns either dialect's
answer into a date."""

from __future__ import annotations

import datetime as dt
from typing import Any

from survey_app.core.storage.day_sql import china_day

__all__ = ["as_date", "china_day"]


def as_date(value: Any) -> dt.date:
    """A day as the driver returns it (SQLite: 'YYYY-MM-DD' text; PostgreSQL: a date)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])
