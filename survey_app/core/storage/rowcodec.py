"""Rows in their stored form: the exact values SQLite keeps for each column.

One encoding serves three purposes: it is what bulk inserts hand to the DB-API, what the
audit chain fingerprints (so the app before flush, a bulk import, and ``audit verify`` reading
raw rows back all hash the same bytes), and it is cheap. SQLAlchemy's generic bind
processors cost ~10 µs a row; these are a few plain function calls.

Stored forms: UUID → 32 hex digits; money/areas → scaled integer; UTC datetime →
"YYYY-MM-DD HH:MM:SS.ffffff" (SQLAlchemy's SQLite format); date → ISO; bool → 0/1; text and
integers as they are. On PostgreSQL the same forms are computed from the Python values read back.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Integer, String, Table, Text, Uuid

from survey_app.core.storage.types import ScaledDecimal, UTCDateTime

Encoder = Callable[[Any], Any] | None  # None: stored as it is


@lru_cache(maxsize=4096)  # bulk rows share a handful of timestamps; strftime is the slow part
def encode_utc(v: dt.datetime) -> str:
    if v.tzinfo is None:
        raise ValueError("naive datetime: use an aware UTC datetime")
    return v.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def encode_uuid(v: Any) -> str:
    return v.hex if isinstance(v, uuid.UUID) else uuid.UUID(str(v)).hex


def _encode_datetime_any(v: Any) -> str:  # a naive DateTime read back from PostgreSQL
    if isinstance(v, dt.datetime) and v.tzinfo is None:
        v = v.replace(tzinfo=dt.UTC)
    return encode_utc(v)


def encoder(column: Any) -> Encoder:
    """The stored-form encoder of one column (None where the value is stored unchanged)."""
    t = column.type
    if isinstance(t, ScaledDecimal):
        return t.process_bind_param_fast
    if isinstance(t, UTCDateTime):
        return encode_utc
    if isinstance(t, DateTime):
        return _encode_datetime_any
    if isinstance(t, Uuid):
        return encode_uuid
    if isinstance(t, Boolean):
        return int
    if isinstance(t, Date):
        return dt.date.isoformat
    if isinstance(t, (Integer, String, Text)):
        return None
    raise TypeError(f"no stored form for column {column} of type {t!r}")


_ENCODERS: dict[str, list[tuple[str, Encoder]]] = {}


def encoders(table: Table) -> list[tuple[str, Encoder]]:
    """(column name, encoder) for every column of ``table`` in table order, computed once."""
    enc = _ENCODERS.get(table.name)
    if enc is None:
        enc = _ENCODERS[table.name] = [(c.name, encoder(c)) for c in table.columns]
    return enc


def stored_row(table: Table, get: Callable[[str], Any]) -> list:
    """The row as stored, in column order. ``get(name)`` reads a field of a dict or an ORM object."""
    return [v if (enc is None or v is None) else enc(v) for name, enc in encoders(table) for v in (get(name),)]


_DEFAULTS: dict[str, dict[str, Any]] = {}


def stored_defaults(table: Table) -> dict[str, Any]:
    """Column name → stored form of its scalar default, for the columns that have one.

    A row written by an older version (a bundle, a bulk batch built before a column existed) lacks
    the newer columns; they get the default the schema gives them rather than NULL."""
    found = _DEFAULTS.get(table.name)
    if found is None:
        found = {}
        for name, enc in encoders(table):
            default = table.c[name].default
            if default is not None and default.is_scalar and default.arg is not None:
                found[name] = default.arg if enc is None else enc(default.arg)
        _DEFAULTS[table.name] = found
    return found
