"""Driver-level SQL in SQLite's stored form on PostgreSQL: booleans travel as 0/1 (rowcodec), as the sync
apply writes them for every imported member (found by ``python -m bench hq_import_pg``)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from survey_app.core.storage.models import Member

pytestmark = pytest.mark.postgres


def test_stored_booleans_go_into_boolean_columns_through_driver_sql(pg_demo_db) -> None:
    table = Member.__table__
    names = [c.name for c in table.columns]
    with pg_demo_db.engine.connect() as conn:
        row = list(conn.exec_driver_sql(f"SELECT {', '.join(names)} FROM members LIMIT 1").one())
    row[names.index("id")] = "0" * 31 + "1"
    for flag in ("is_dibao", "is_disabled", "is_serious_illness", "hukou_here"):
        row[names.index(flag)] = 1  # stored form of True
    with pg_demo_db.begin_write() as conn:
        conn.exec_driver_sql(f"INSERT INTO members ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                             [tuple(row)])
        conn.exec_driver_sql("UPDATE members SET is_disabled = ?, rev = ? WHERE id = ?", [(0, 2, "0" * 31 + "1")])
    with pg_demo_db.read() as s:
        m = s.scalar(select(Member).where(Member.rev == 2, Member.is_dibao.is_(True)))
    assert m is not None and m.is_dibao and not m.is_disabled and m.hukou_here


def test_a_multi_row_driver_insert_goes_in_by_copy(pg_demo_db, monkeypatch) -> None:
    """The sync apply's executemany INSERTs are streamed with COPY (bench hq_import_pg: the import against raw
    COPY), with the same stored-form values: booleans as 0/1, NULLs, ids as hex."""
    import psycopg

    copies: list[str] = []
    real_copy = psycopg.Cursor.copy

    def spy(self, statement, *args, **kwargs):
        copies.append(str(statement))
        return real_copy(self, statement, *args, **kwargs)

    monkeypatch.setattr(psycopg.Cursor, "copy", spy)
    table = Member.__table__
    names = [c.name for c in table.columns]
    with pg_demo_db.engine.connect() as conn:
        row = list(conn.exec_driver_sql(f"SELECT {', '.join(names)} FROM members LIMIT 1").one())
    rows = []
    for n in range(3):
        r = list(row)
        r[names.index("id")] = f"{n + 1:032x}"
        r[names.index("is_dibao")] = n % 2  # 0, 1, 0
        r[names.index("phone")] = "" if n == 2 else "13800000000"
        r[names.index("deleted_at")] = "2026-01-02 03:04:05.000000" if n == 2 else None
        rows.append(tuple(r))
    with pg_demo_db.begin_write() as conn:
        conn.exec_driver_sql(f"INSERT INTO members ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})", rows)
    assert len(copies) == 1 and copies[0].startswith("COPY members (")
    with pg_demo_db.engine.connect() as conn:
        got = conn.exec_driver_sql("SELECT id, is_dibao, phone, deleted_at FROM members WHERE id IN (?, ?, ?) ORDER BY id",
                                   tuple(f"{n:032x}" for n in (1, 2, 3))).all()
    assert [tuple(g) for g in got] == [(f"{1:032x}", False, "13800000000", None),
                                       (f"{2:032x}", True, "13800000000", None),
                                       (f"{3:032x}", False, "", "2026-01-02 03:04:05.000000")]
