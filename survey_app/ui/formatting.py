"""Display formats the UI shares: dates as Chinese documents write them, areas, shares, counts.

Money and areas come from survey_app.core.domain.money so screen, PDF and CLI agree to the fen.
Date patterns go through Qt translation (context ``Formats``) so the English build can write
``12 Jun 2023`` style dates instead. Threading: GUI thread (uses the installed translators).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from survey_app.core.domain.china_time import CHINA
from survey_app.core.domain.money import format_area, format_cny, format_yuan

__all__ = ["area", "area_grouped", "count", "date", "datetime_china", "datetime_local", "money", "share"]

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def date(value: dt.date | None) -> str:
    """``2023年6月12日`` (English: ``12 Jun 2023``); empty for no date."""
    if value is None:
        return ""
    pattern = QCoreApplication.translate("Formats", "{y}年{m}月{d}日")  # English: "{d} {mon} {y}"
    return pattern.format(y=value.year, m=value.month, d=value.day, mon=_MONTHS_EN[value.month - 1])


def datetime_china(value: dt.datetime | None) -> str:
    """A stored (UTC) timestamp in the project's clock, China time, whatever this computer's zone:
    ``2026年11月23日 21:05`` — the same on every page, every laptop and HQ (core/domain/china_time)."""
    if value is None:
        return ""
    if value.tzinfo is None:  # stored values are UTC; be safe with naive ones
        value = value.replace(tzinfo=dt.UTC)
    china = value.astimezone(CHINA)
    return f"{date(china.date())} {china:%H:%M}"


datetime_local = datetime_china  # the older name, kept for its callers: it too shows China time


def money(amount: Decimal | None) -> str:
    """``¥797,234.00``."""
    return "" if amount is None else format_cny(amount)


def area(value: Decimal | None) -> str:
    """``58.32`` (m², two decimals, no separators — as in formula text)."""
    return "" if value is None else format_area(value)


def area_grouped(value: Decimal | None) -> str:
    """``1,258.32``: totals in lists, where thousands separators help reading a column."""
    return "" if value is None else format_yuan(value)


def share(fraction: Decimal | None) -> str:
    """A share stored as a fraction (0.5000) shown as a percentage (50%, 33.33%)."""
    if fraction is None:
        return ""
    pct = (Decimal(fraction) * 100).quantize(Decimal("0.01"))
    text = f"{pct.normalize():f}" if pct != pct.to_integral_value() else str(int(pct))
    return f"{text}%"


def count(n: int) -> str:
    return f"{n:,}"
