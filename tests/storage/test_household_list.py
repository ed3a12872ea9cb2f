"""Household list queries: search in SQL over the covering index, lazy rows, detail."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from survey_app.core.domain.errors import NotFound
from survey_app.core.services import households as hh
from survey_app.core.storage.models import Household, Member


@pytest.fixture
def sample(demo_db) -> Household:
    with demo_db.read() as s:
        return s.scalars(select(Household).order_by(Household.household_code).offset(5).limit(1)).one()


def _codes(db, **kw) -> list[str]:
    keys = hh.search_keys(db, hh.HouseholdFilter(**kw))
    rows = hh.fetch_rows(db, keys)
    return [rows[k].household_code for k in keys]


def test_everything_in_code_order(demo_db) -> None:
    codes = _codes(demo_db)
    assert len(codes) == 60 and codes == sorted(codes)


@pytest.mark.parametrize("field", ["household_code", "head_name", "name_pinyin", "name_initials",
                                   "head_id_number", "phone"])
def test_search_finds_by_each_field(demo_db, sample, field) -> None:
    value = getattr(sample, field)
    assert sample.household_code in _codes(demo_db, text=value.upper() if field == "name_pinyin" else value)


def test_search_by_part_of_the_address_and_several_words(demo_db, sample) -> None:
    street = sample.address.removeprefix("长沙市芙蓉区")[:3]
    found = _codes(demo_db, text=street)
    assert sample.household_code in found and len(found) < 60
    assert _codes(demo_db, text=f"{street} {sample.head_name}") == [sample.household_code]
    assert _codes(demo_db, text="不存在的名字") == []
    assert _codes(demo_db, text="%") == [] and _codes(demo_db, text="_") == []  # LIKE wildcards are literal


def test_status_filter_and_counts(demo_db) -> None:
    counts = hh.status_counts(demo_db)
    assert sum(counts.values()) == 60
    for status, n in counts.items():
        assert len(_codes(demo_db, status=status)) == n


def test_sorting(demo_db) -> None:
    keys = hh.search_keys(demo_db, hh.HouseholdFilter(), sort="name")
    rows = hh.fetch_rows(demo_db, keys)
    with demo_db.read() as s:
        pinyin = dict(s.execute(select(Household.household_code, Household.name_pinyin)).all())
    names = [pinyin[rows[k].household_code] for k in keys]
    assert names == sorted(names)
    desc = hh.search_keys(demo_db, hh.HouseholdFilter(), sort="code", descending=True)
    assert desc == list(reversed(hh.search_keys(demo_db, hh.HouseholdFilter())))


def test_rows_and_detail(demo_db, sample, admin) -> None:
    key = hh.search_keys(demo_db, hh.HouseholdFilter(text=sample.household_code))[0]
    row = hh.fetch_rows(demo_db, [key])[key]
    detail = hh.get_detail(demo_db, key)
    assert row.head_name == detail.head_name == sample.head_name
    assert row.member_count == len(detail.members) and detail.members[0]["relation"] == "head"
    assert row.total_area == sum(p["area"] for p in detail.parts)
    assert sum(detail.area_by_legality.values()) == row.total_area
    assert hh.get_detail(demo_db, sample.id.hex).household_code == sample.household_code

    with demo_db.uow(admin) as uow:  # a tombstoned member and household disappear from the views
        h = uow.session.get(Household, sample.id)
        uow.tombstone(uow.session.scalars(select(Member).where(Member.household_id == h.id)).first())
        uow.commit()
    assert len(hh.get_detail(demo_db, key).members) == row.member_count - 1
    with demo_db.uow(admin) as uow:
        uow.tombstone(uow.session.get(Household, sample.id))
        uow.commit()
    assert sample.household_code not in _codes(demo_db)
    with pytest.raises(NotFound):
        hh.get_detail(demo_db, key)
