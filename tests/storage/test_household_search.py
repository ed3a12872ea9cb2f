"""The FTS5 trigram search finds exactly what ``search_key LIKE '%word%'`` finds, for every kind of
word (name, pinyin, initials, code, ID prefix, phone, address; 1, 2 and more characters; LIKE's and
FTS's special characters), and its index stays right through every write path (triggers)."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select, text

from survey_app.core.domain.roles import Role
from survey_app.core.services import households as hh
from survey_app.core.storage import search_sql
from survey_app.core.storage.models import Household
from survey_app.core.storage.uow import Actor

HQ = Actor(username="admin", role=Role.HQ_ADMIN, device="HQ")


def _like(db, words: str) -> list[int]:
    """The oracle: what the plain LIKE scan (every other dialect's route) returns, in list order."""
    where, params = ["deleted_at IS NULL"], {}
    for i, w in enumerate(words.lower().split()):
        where.append(f"search_key LIKE :w{i} ESCAPE '\\'")
        params[f"w{i}"] = "%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    with db.engine.connect() as conn:
        return list(conn.execute(text(f"SELECT rowid FROM households WHERE {' AND '.join(where)} "
                                      "ORDER BY household_code"), params).scalars())


def _queries(db) -> list[str]:
    with db.read() as s:
        rows = s.scalars(select(Household).order_by(Household.household_code)).all()
    out: set[str] = set()
    # every 6th household: ~650 distinct queries of every kind below (every 3rd gave ~1,200 of the same kinds,
    # at ~5 CPU-ms a search: the other half added time, not kinds of query)
    for h in rows[::6]:
        for value in (h.household_code, h.head_name, h.name_pinyin, h.name_initials, h.head_id_number, h.phone,
                      h.address, h.address.removeprefix("长沙市芙蓉区")):
            for n in range(1, len(value) + 1):  # typed one character at a time, like the bench
                out.add(value[:n])
            out.add(value[len(value) // 2:])  # and the middle-to-end of each field (not only prefixes)
    out |= {"张", "zh", "13", "X", "x", "芙蓉", "号", "-", "a b", "zhang wei", "1 3 8", "%", "_", "%%", "1_3",
            '"', '"zh"', "'", "zh*", "a OR b", "NEAR", "^张", "\\", "Zhang", "零零零", "zzzzzz", "11010"}
    return sorted(q for q in out if q.strip())


@pytest.mark.parametrize("common_at", [None, 3], ids=["fts", "common-words-scan"])
def test_fts_and_like_agree_on_every_kind_of_query(demo_db, monkeypatch, common_at) -> None:
    if common_at:  # in the 60-household demo every word is rare: make words in > 3 households "common"
        monkeypatch.setattr(search_sql, "_common_limit", lambda households: common_at)
    queries = _queries(demo_db)
    assert len(queries) > 500 and {len(q) for q in queries} >= {1, 2, 3, 10}
    found_some = 0
    for q in queries:
        got = hh.search_keys(demo_db, hh.HouseholdFilter(text=q))
        assert got == _like(demo_db, q), q
        found_some += bool(got)
    assert found_some > len(queries) // 2  # the queries do find households, not just agree on nothing


def test_each_word_takes_the_cheaper_route(demo_db, monkeypatch) -> None:
    def route(term: str) -> str:
        sql = str(search_sql.term_matches(demo_db, term).compile(demo_db.engine))
        return "fts" if "json_each" in sql else "like" if "LIKE" in sql else sql

    with demo_db.read() as s:
        rare = s.scalars(select(Household.phone).order_by(Household.household_code)).first()
    assert [route(w) for w in ("z", "13", "zha", rare)] == ["like", "like", "fts", "fts"]
    assert search_sql._common_limit(100_000) == 10_000 and search_sql._common_limit(60) == 2_000
    monkeypatch.setattr(search_sql, "_common_limit", lambda households: 3)
    assert [route(w) for w in ("长沙市", rare)] == ["like", "fts"]  # every household is in 长沙市


def test_the_index_follows_every_write_path(demo_db) -> None:
    with demo_db.read() as s:
        h = s.scalars(select(Household).order_by(Household.household_code)).first()
    # unit of work: a new name (its pinyin and search_key follow), then a tombstone
    with demo_db.uow(HQ) as uow:
        uow.session.get(Household, h.id).head_name = "欧阳娜娜"
        uow.commit()
    assert _codes(demo_db, "ouyangnana") == [h.household_code] == _codes(demo_db, "欧阳娜")
    assert h.household_code not in _codes(demo_db, h.name_pinyin) or h.name_pinyin in "ouyangnana"
    with demo_db.uow(HQ) as uow:
        uow.tombstone(uow.session.get(Household, h.id))
        uow.commit()
    assert _codes(demo_db, "ouyangnana") == []

    # raw SQL, as bulk inserts and sync apply write: INSERT, UPDATE of search_key, DELETE
    with demo_db.begin_write() as conn:
        project = conn.execute(text("SELECT project_id FROM households LIMIT 1")).scalar()
        conn.execute(text(
            "INSERT INTO households (id, project_id, household_code, status, head_name, head_id_number, phone, "
            "address, section, name_pinyin, name_initials, search_key, assigned_to, willingness, preferred_mode, "
            "chosen_mode, chosen_option, delivery, surveyed_by, review_comment, notes, origin, rev, created_at, "
            "updated_at, updated_by, origin_device) VALUES (:id, :p, 'Z-999', 'pending', '', '', '', '', '', '', "
            "'', 'z-999\x1fqqqrrr', '', '', '', '', '', '', '', '', '', 'roster', 1, '2026-01-01 00:00:00.000000', "
            "'2026-01-01 00:00:00.000000', 'sync', 'T09')"), {"id": uuid.uuid4().hex, "p": project})
    assert _codes(demo_db, "qqqrrr") == ["Z-999"]
    with demo_db.begin_write() as conn:
        conn.execute(text("UPDATE households SET search_key = 'z-999\x1fsssttt' WHERE household_code = 'Z-999'"))
        conn.execute(text("UPDATE households SET status = 'surveyed' WHERE household_code = 'Z-999'"))
    assert _codes(demo_db, "qqqrrr") == [] and _codes(demo_db, "sssttt") == ["Z-999"]
    with demo_db.begin_write() as conn:
        conn.execute(text("DELETE FROM households WHERE household_code = 'Z-999'"))
    assert _codes(demo_db, "sssttt") == []
    with demo_db.engine.connect() as conn:
        assert search_sql.check(conn)  # the index matches households, row by row


def _codes(db, q: str) -> list[str]:
    keys = hh.search_keys(db, hh.HouseholdFilter(text=q))
    rows = hh.fetch_rows(db, keys)
    return [rows[k].household_code for k in keys]


def test_check_notices_an_index_out_of_step_and_rebuild_mends_it(demo_db) -> None:
    with demo_db.begin_write() as conn:  # what a VACUUM renumbering rowids would amount to
        conn.exec_driver_sql("DROP TRIGGER households_search_update")
        conn.exec_driver_sql("UPDATE households SET search_key = search_key || 'qqq' "
                             "WHERE rowid = (SELECT min(rowid) FROM households)")
    with demo_db.engine.connect() as conn:
        assert not search_sql.check(conn)
    with demo_db.begin_write() as conn:
        search_sql.rebuild(conn)
    with demo_db.engine.connect() as conn:
        assert search_sql.check(conn)
    assert len(hh.search_keys(demo_db, hh.HouseholdFilter(text="qqq"))) == 1


@pytest.mark.parametrize(("name", "type_", "kept"), [("households_search", "table", False),
                                                     ("households_search_idx", "table", False),
                                                     ("households", "table", True),
                                                     ("ix_households_list", "index", True)])
def test_schema_comparison_leaves_out_only_the_search_index(name, type_, kept) -> None:
    assert search_sql.include_name(name, type_, {}) is kept


def test_a_database_without_the_index_still_searches_right(demo_db) -> None:
    # a file opened without migrating (e.g. by an older tool): the LIKE route answers, not an error
    with demo_db.begin_write() as conn:
        for trigger in ("insert", "update", "delete"):
            conn.exec_driver_sql(f"DROP TRIGGER households_search_{trigger}")
        conn.exec_driver_sql("DROP TABLE households_search")
    for q in ("zhang", "138", "芙蓉区"):
        assert hh.search_keys(demo_db, hh.HouseholdFilter(text=q)) == _like(demo_db, q)


def test_upgrading_a_populated_database_indexes_the_households_already_there(demo_db) -> None:
    from alembic import command

    from survey_app.core.storage import migrations

    command.downgrade(migrations.alembic_config(demo_db.engine), "0004_field_flow")
    with demo_db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE name LIKE 'households_search%'"
                                    ).scalar() == 0
    command.upgrade(migrations.alembic_config(demo_db.engine), "head")
    with demo_db.engine.connect() as conn:
        assert search_sql.check(conn)
        indexed = conn.exec_driver_sql("SELECT count(*) FROM households_search WHERE households_search MATCH "
                                       "'\"长沙市\"'").scalar()
    assert indexed == len(hh.search_keys(demo_db, hh.HouseholdFilter())) == 60
