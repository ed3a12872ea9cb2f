"""A deleted household (a tombstone, deleted_at set) drops out of every dashboard figure: statuses, the signed
money and cash rate, the trend, open and overdue grievances, payments — and out of every click-through."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import update

from survey_app.core.services.reports import count_households, dashboard
from survey_app.core.storage.models import Grievance, Household
from tests.reports.conftest import q

TODAY = dt.date(2023, 7, 1)
UTC = dt.UTC


def test_a_deleted_household_drops_out_of_every_figure(signed_db) -> None:
    # The household with the open grievance, signed in cash on 07-01 (China), surveyed in the window.
    hid, code = q(signed_db, "SELECT h.id, h.household_code FROM households h JOIN grievances g "
                             "ON g.household_id = h.id WHERE g.status = 'open'")[0]
    with signed_db.begin_write() as conn:
        conn.execute(update(Household).where(Household.household_code == code)
                     .values(surveyed_at=dt.datetime(2023, 6, 30, 4, 0, tzinfo=UTC)))
        conn.execute(update(Grievance).values(due_on=dt.date(2023, 6, 1)))
    before = dashboard(signed_db, today=TODAY, days=7)
    assert before.open_grievances.value == 1 and before.overdue_grievances.value == 1
    with signed_db.begin_write() as conn:
        conn.execute(update(Household).where(Household.household_code == code)
                     .values(deleted_at=dt.datetime(2023, 7, 1, 5, 0, tzinfo=UTC)))
    after = dashboard(signed_db, today=TODAY, days=7)
    status = q(signed_db, "SELECT status FROM households WHERE id = ?", hid)[0][0]
    assert after.households.value == before.households.value - 1 == 59
    assert {c.key: c.value for c in after.by_status}[status] == {c.key: c.value for c in before.by_status}[status] - 1
    assert after.cash_rate.signed.value == before.cash_rate.signed.value - 1
    assert after.cash_rate.cash_like.value == before.cash_rate.cash_like.value - 1
    net = q(signed_db, "SELECT net FROM agreements WHERE household_id = ? AND status = 'signed'", hid)[0][0]
    assert after.money_total == before.money_total - Decimal(net).scaleb(-2)
    day = dt.date(2023, 6, 30)
    assert {p.day: p.surveyed for p in after.trend}[day] == {p.day: p.surveyed for p in before.trend}[day] - 1
    assert {p.day: p.signed for p in after.trend}[TODAY] == {p.day: p.signed for p in before.trend}[TODAY] - 1
    assert after.open_grievances.value == 0 and after.overdue_grievances.value == 0
    assert sum(i.households for i in after.money_by_item) < sum(i.households for i in before.money_by_item)
    for c in (after.households, after.signed, after.cash_rate.cash_like, after.cash_rate.signed,
              after.open_grievances, *after.by_status):
        assert count_households(signed_db, c.scope) == c.value, c.key
    for p in after.trend:
        assert count_households(signed_db, p.surveyed_scope) == p.surveyed, p.day
        assert count_households(signed_db, p.signed_scope) == p.signed, p.day
