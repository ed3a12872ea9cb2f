"""Household search, dialect by dialect: the only place that knows how a search word becomes SQL.

``households.search_key`` holds the lower-cased text the search box matches (code, name, pinyin,
initials, ID number, phone, address; see search_key.py). What a word matches is defined as "the
word is a substring of search_key" — exactly what ``search_key LIKE '%word%'`` says, and that LIKE
is what every dialect without a faster route uses.

PostgreSQL: the same LIKE, which the planner answers from the pg_trgm GIN index
``ix_households_search_trgm`` (migration 0005's PostgreSQL branch) for words of 3+ characters and
by a scan for shorter ones. No ILIKE: key and word are both lower case already, and LIKE keeps the
result byte-for-byte the SQLite one. PostgreSQL keeps its indexes itself: ``rebuild`` and ``check``
have nothing to do there. The same migration adds ``households.rowid`` (an identity column in place
of SQLite's implicit rowid, for the list keys); ``include_name`` keeps both out of schema comparison.

SQLite: a LIKE '%…%' scan costs ~60 ms at 100,000 households on a 2-core laptop, over the 50 ms
budget of a keystroke. So:

* words of 3 characters or more are looked up in ``households_search``, an FTS5 table with the
  trigram tokenizer (SQLite ≥ 3.34) over ``households.search_key``. A quoted trigram phrase matches
  exactly the substrings of the indexed text; ``case_sensitive 1`` keeps it byte-exact, like LIKE on
  text that is already lower case (key and word are both lower-cased in Python). The matching rowids
  are read once (at most ``_common_limit`` of them) and handed to the list query as a JSON array.
* a word found in very many households (an ID number's province prefix "430", a common surname)
  goes back to the LIKE scan: measured at 100k, fetching and sorting 30k+ FTS hits by household
  code costs more than scanning the covering index ``ix_households_list``, which is already in
  code order. The line is ~10% of the households (≈ 10k hits at 100k, where both cost the same).
* the list's keystroke asks for one page in code order (``page``), where the scan stops at the page's
  last match: there the line is much lower (``_page_limit``: ~1,000 hits at 100k). The count after a
  pause reads every match and keeps the 10% line.
* words of 1–2 characters have no trigram: LIKE scan too (instr() was measured: no faster).

The FTS table is "external content" (it stores no copy of the text: ~4 MB of index at 100k) keyed by
the households' rowid, and kept right by triggers on ``households`` created in migration
0005_search_index: every write path (unit of work, bulk inserts of demo data and HQ import, sync
apply) is covered because none can forget a trigger. Two things can break the rowid link, and both
must call ``rebuild``: a migration that recreates ``households`` (a batch "move and copy" drops its
triggers and may renumber rowids — recreate the triggers, then rebuild) and VACUUM (SQLite may
renumber rowids of a table without an INTEGER PRIMARY KEY).
"""

from __future__ import annotations

import json
import math
from typing import TYPE_CHECKING

from sqlalchemy import bindparam, func, literal_column, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DatabaseError
from sqlalchemy.sql.elements import ColumnElement

from survey_app.core.storage.models import Household

if TYPE_CHECKING:
    from survey_app.core.storage.database import Database

FTS_TABLE = "households_search"
TRIGRAM = 3  # the trigram tokenizer indexes runs of 3 characters: shorter words cannot use it

# Tables SQLite makes for the FTS5 table (the table itself and its shadow tables). They are not
# models: schema comparison (alembic check, tests/storage/test_schema.py) must leave them out.
FTS_TABLES = frozenset({FTS_TABLE, *(f"{FTS_TABLE}_{s}" for s in ("data", "idx", "docsize", "config", "content"))})


# What migration 0005 gives PostgreSQL beyond the models (not models either).
PG_ROWID = "rowid"
PG_INDEXES = frozenset({"ix_households_search_trgm", "ux_households_rowid"})


def include_name(name: str | None, type_: str, parent_names: dict | None = None) -> bool:
    """Alembic's ``include_name`` hook: leave out the search index's own tables, columns and indexes
    (they are not models)."""
    if type_ == "table":
        return name not in FTS_TABLES
    if type_ == "column":
        return not (name == PG_ROWID and (parent_names or {}).get("table_name") == "households")
    if type_ == "index":
        return name not in PG_INDEXES
    return True


def live(db: Database) -> ColumnElement[bool]:
    """``households.deleted_at IS NULL``, written so that SQLite keeps every list search on the covering
    index ``ix_households_list`` (already in code order: a page stops at its last match).

    Without statistics SQLite prefers any index whose first column is tested for equality — since
    migration 0009 that is ``ix_households_progress`` (deleted_at, …), and the list became a read of
    every household plus a sort (~0.5 s at 100k). A unary ``+`` makes the column unusable as an index
    key; nothing else changes. (A literal names no table: the query must select FROM households itself.)
    Other dialects plan with statistics: the plain test there."""
    if db.engine.dialect.name == "sqlite":
        return literal_column("+households.deleted_at").is_(None)
    return Household.deleted_at.is_(None)


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _fts_phrase(term: str) -> str:
    """A word as one FTS5 phrase: in double quotes (quotes inside doubled), so no character is syntax."""
    return '"' + term.replace('"', '""') + '"'


def term_matches(db: Database, term: str, page: int | None = None) -> ColumnElement[bool]:
    """Households whose search_key contains ``term`` (already lower case), as a WHERE clause.

    On SQLite this may read the FTS index first (one short query) to choose the cheaper route.
    ``page``: the query lists only the first ``page`` matches in code order (the list's keystroke), where
    the LIKE scan stops early — see ``_page_limit``. Either route finds the same households.
    """
    if db.engine.dialect.name == "sqlite" and len(term) >= TRIGRAM:
        hits = _fts_hits(db, term, page)
        if hits is not None:
            return literal_column("households.rowid").in_(
                select(literal_column("value")).select_from(func.json_each(bindparam(None, json.dumps(hits)))))
    return Household.search_key.like(f"%{_escape_like(term)}%", escape="\\")


def _fts_hits(db: Database, term: str, page: int | None = None) -> list[int] | None:
    """Rowids whose search_key contains ``term`` (≥ 3 characters), or None when too many to be worth it."""
    with db.engine.connect() as conn:
        raw = conn.connection.driver_connection  # plain DB-API: 10k ints through SQLAlchemy rows cost ~4 ms
        households = raw.execute("SELECT max(rowid) FROM households").fetchone()[0] or 0
        limit = _common_limit(households) if page is None else min(_common_limit(households),
                                                                  _page_limit(households, page))
        try:
            rows = raw.execute(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ? LIMIT ?",
                               (_fts_phrase(term), limit + 1)).fetchall()
        # sqlite3's or sqlcipher3's: opened without migrating (no index yet): LIKE gives the same answer
        except db.engine.dialect.loaded_dbapi.OperationalError:
            return None
    return None if len(rows) > limit else [r[0] for r in rows]


def _common_limit(households: int) -> int:
    """Above this many hits the ordered LIKE scan is cheaper than fetching and sorting the hits."""
    return max(2_000, households // 10)


def _page_limit(households: int, page: int) -> int:
    """Above this many hits the LIKE scan is cheaper for the first ``page`` matches in code order.

    The scan walks the covering index in code order and stops at the page's last match: it reads about
    ``page × households / hits`` index entries. The FTS route reads every hit's household row and sorts
    them: measured at 100k households, ~30 scanned entries' worth per hit (an ID number's "430111",
    8,300 hits: 250 ms by FTS, 2–30 ms by the scan; "1351", 512 hits: 35 ms by FTS, 260 ms by the scan).
    Both cost the same near √(page × households / 30): ~1,000 hits at 100k, ~320 at 10k."""
    return max(256, math.isqrt(page * households // 30))


def rebuild(conn: Connection) -> None:
    """Re-read every household's search_key into the index (after VACUUM or a households rebuild)."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")


def check(conn: Connection) -> bool:
    """True when the index agrees with households (FTS5 'integrity-check' against the content table)."""
    if conn.dialect.name != "sqlite":
        return True
    try:
        conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('integrity-check', 1)")
    except DatabaseError:  # SQLITE_CORRUPT_VTAB: the index does not match the text it was built from
        return False
    return True
