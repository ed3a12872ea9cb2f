"""The project's clock: China Standard Time (UTC+8, no daylight saving), whatever the laptop's zone.

A working day, a signing date, a file name's date are China's. A fixed offset is exact for
Asia/Shanghai (no DST since 1991) and needs no zone database (Windows has none without tzdata).
"""

from __future__ import annotations

import datetime as dt

CHINA = dt.timezone(dt.timedelta(hours=8), "CST")


def now() -> dt.datetime:
    return dt.datetime.now(CHINA)


def today() -> dt.date:
    """Today's date in China."""
    return now().date()


def china_day(when: dt.datetime | None) -> str:
    """A moment as the date people read in China (2026-12-08), "?" when unknown; naive values are UTC."""
    if when is None:
        return "?"
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone(CHINA).strftime("%Y-%m-%d")
