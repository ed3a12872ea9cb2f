"""Column types. Money and areas are exact: stored as scaled integers, exposed as Decimal.

SQLite has no exact decimal type (NUMERIC is stored as REAL), so a Decimal column would
silently become a float. Scaled integers are exact on every backend.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, DateTime
from sqlalchemy.types import TypeDecorator


class ScaledDecimal(TypeDecorator[Decimal]):
    """A Decimal with a fixed number of places, stored as an integer of 10^-scale units.

    Binding a value with more places than ``scale`` raises instead of rounding: rounding is
    a policy decision made before a value is stored, never by the database layer.
    """

    impl = BigInteger
    cache_ok = True

    def __init__(self, scale: int = 2):
        super().__init__()
        self.scale = scale

    def process_bind_param(self, value: Any, dialect: Any) -> int | None:
        if value is None:
            return None
        return self.process_bind_param_fast(value)

    def process_bind_param_fast(self, value: Any) -> int:
        """The stored integer for a non-None value (bulk writers call this directly)."""
        if isinstance(value, float):
            raise TypeError("float values are not accepted for exact decimal columns")
        d = Decimal(value) if not isinstance(value, Decimal) else value
        scaled = d.scaleb(self.scale)
        if scaled != scaled.to_integral_value():
            raise ValueError(f"{value} has more than {self.scale} decimal places")
        return int(scaled)

    def process_result_value(self, value: Any, dialect: Any) -> Decimal | None:
        if value is None:
            return None
        return Decimal(int(value)).scaleb(-self.scale)

    @property
    def python_type(self) -> type:
        return Decimal


class Fen(ScaledDecimal):
    """Money in yuan as Decimal, stored as integer fen (分)."""

    cache_ok = True

    def __init__(self) -> None:
        super().__init__(2)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Timezone-aware UTC datetimes, stored naive-UTC. Naive input is refused (ambiguous)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: use an aware UTC datetime")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC)

    @property
    def python_type(self) -> type:
        return dt.datetime


def utcnow() -> dt.datetime:
    """Now in UTC, to the microsecond (what UTCDateTime stores)."""
    return dt.datetime.now(dt.UTC)
