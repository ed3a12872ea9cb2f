"""Home-page counts, the household's choice among its options, finding a household by agreement number."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from survey_app.core.domain.errors import ValidationError
from survey_app.core.domain.roles import Role
from survey_app.core.services import calculations, progress
from survey_app.core.services import households as hh
from survey_app.core.storage.models import Agreement, BuildingPart, Calculation, Household
from survey_app.core.storage.uow import Actor

WORKER = Actor(username="worker", role=Role.FIELD_WORKER, device="T01")
CHINA = dt.timezone(dt.timedelta(hours=8))


def test_my_day_counts_todays_work(demo_db) -> None:
    before = progress.my_day(demo_db, "worker")
    assert before.assigned == 60 and sum(before.by_status.values()) == 60
    with demo_db.read() as s:
        surveyed = s.scalars(select(Household).where(Household.status == "surveyed")).first()
    calculations.calculate(demo_db, WORKER, surveyed.id)
    after = progress.my_day(demo_db, "worker")
    assert after.calculated_today == before.calculated_today + 1
    tomorrow = dt.datetime.now(CHINA).date() + dt.timedelta(days=1)
    assert progress.my_day(demo_db, "worker", tomorrow).calculated_today == 0
    assert progress.my_day(demo_db, "nobody").assigned == 0


def test_choosing_an_option(demo_db) -> None:
    with demo_db.read() as s:
        h = s.scalars(select(Household).where(Household.status == "surveyed")).first()
    options = calculations.calculate(demo_db, WORKER, h.id)
    exchange = next(o.option_key for o in options if o.option_key.startswith("exchange:"))
    calculations.choose_option(demo_db, WORKER, h.id, exchange)
    with demo_db.read() as s:
        got = s.get(Household, h.id)
        assert (got.chosen_mode, got.chosen_option) == ("exchange", exchange)
    with pytest.raises(ValidationError, match="没有"):
        calculations.choose_option(demo_db, WORKER, h.id, "exchange:ZZZ")
    with demo_db.uow(WORKER) as uow:
        part = uow.session.scalars(select(BuildingPart).where(BuildingPart.household_id == h.id)).first()
        part.area += Decimal("1")
        uow.commit()
    with pytest.raises(ValidationError, match="过期"):
        calculations.choose_option(demo_db, WORKER, h.id, "cash")


def test_search_by_agreement_number(demo_db) -> None:
    with demo_db.read() as s:
        h = s.scalars(select(Household).where(Household.status == "surveyed")).first()
    calculations.calculate(demo_db, WORKER, h.id)
    with demo_db.uow(WORKER) as uow:
        calc = uow.session.scalars(select(Calculation).where(Calculation.household_id == h.id)).first()
        uow.session.add(Agreement(household_id=h.id, calculation_id=calc.id, number="FR2023-D01-000042",
                                  mode="cash", total=calc.total, net=calc.net))
        uow.commit()
    keys = hh.search_keys(demo_db, hh.HouseholdFilter(text="fr2023-d01-000042"))
    assert [r.household_code for r in hh.fetch_rows(demo_db, keys).values()] == [h.household_code]
    assert hh.search_keys(demo_db, hh.HouseholdFilter(text="FR2023-D01-000043")) == []
