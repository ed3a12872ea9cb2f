"""The dashboard's figures against plain SQL on the signed fixture project (tests/reports/conftest.py),
and every figure's click-through Scope holding exactly the households the figure counts."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import update

from survey_app.core.services.agreements import lifecycle
from survey_app.core.services.households import HouseholdFilter
from survey_app.core.services.reports import Scope, count_households, dashboard, households_in
from survey_app.core.storage.models import Household
from tests.reports.conftest import HQ, q

TODAY = dt.date(2023, 7, 1)


def yuan(fen: int) -> Decimal:
    return Decimal(fen).scaleb(-2)


def test_status_signed_and_cash_rate_match_plain_sql(signed_db) -> None:
    d = dashboard(signed_db, today=TODAY)
    expected = dict(q(signed_db, "SELECT status, count(*) FROM households WHERE deleted_at IS NULL GROUP BY status"))
    assert {c.key: c.value for c in d.by_status if c.value} == expected
    assert d.households.value == 60
    signed = expected.get("signed", 0) + expected.get("handed_over", 0)
    assert d.signed.value == signed
    assert d.signed_pct == (Decimal(signed) * 100 / 60).quantize(Decimal("0.01"))
    # By hand: four signed agreements (the voided one does not count), three in cash, one exchange.
    assert d.cash_rate.signed.value == 4 and d.cash_rate.cash_like.value == 3
    assert d.cash_rate.pct == Decimal("75.00") and d.cash_rate.target_pct == Decimal("60.00")
    assert d.cash_rate.meets_target is True


def test_money_by_mode_and_by_item_match_plain_sql(signed_db) -> None:
    d = dashboard(signed_db, today=TODAY)
    by_mode = q(signed_db, "SELECT mode, count(*), sum(total), sum(net) FROM agreements WHERE status = 'signed' "
                           "GROUP BY mode ORDER BY mode")
    assert sorted((m.mode, m.households, m.total, m.net) for m in d.money_by_mode) == [
        (mode, n, yuan(t), yuan(net)) for mode, n, t, net in by_mode]
    assert d.money_total == sum(yuan(r[3]) for r in by_mode)
    items = dict(q(signed_db, "SELECT l.item_code, sum(l.amount) FROM calculation_lines l JOIN agreements a "
                              "ON a.calculation_id = l.calculation_id WHERE a.status = 'signed' GROUP BY l.item_code"))
    assert {i.item_code: i.amount for i in d.money_by_item} == {k: yuan(v) for k, v in items.items()}
    labels = {i.item_code: i.label for i in d.money_by_item}
    assert labels["house_value"] == "被征收房屋价值补偿"  # the part (（主房）) is left out
    assert labels["moving"] == "搬迁费"


def test_progress_per_section_and_worker_match_plain_sql(signed_db) -> None:
    d = dashboard(signed_db, today=TODAY)
    sql = ("SELECT {col}, count(*), sum(CASE WHEN status != 'pending' THEN 1 ELSE 0 END), "
           "sum(CASE WHEN status IN ('calculated', 'signed', 'handed_over') THEN 1 ELSE 0 END), "
           "sum(CASE WHEN status IN ('signed', 'handed_over') THEN 1 ELSE 0 END) "
           "FROM households WHERE deleted_at IS NULL GROUP BY {col}")
    for rows, col in ((d.by_section, "section"), (d.by_worker, "assigned_to")):
        expected = {r[0]: tuple(r[1:]) for r in q(signed_db, sql.format(col=col))}
        assert {p.key: (p.households, p.surveyed, p.calculated, p.signed) for p in rows} == expected
    assert [p.label for p in d.by_worker] == ["张志强（worker）"]


def test_trend_days_are_china_days(signed_db) -> None:
    codes = [r[0] for r in q(signed_db, "SELECT household_code FROM households WHERE status = 'surveyed' "
                                        "ORDER BY household_code LIMIT 3")]
    moments = [dt.datetime(2023, 6, 29, 17, 0, tzinfo=dt.UTC),  # 2023-06-30 01:00 in China
               dt.datetime(2023, 6, 30, 15, 59, tzinfo=dt.UTC),  # 23:59 on 06-30 in China
               dt.datetime(2023, 6, 29, 15, 59, tzinfo=dt.UTC)]  # 23:59 on 06-29 in China
    with signed_db.begin_write() as conn:
        for code, moment in zip(codes, moments):
            conn.execute(update(Household).where(Household.household_code == code).values(surveyed_at=moment))
    d = dashboard(signed_db, today=TODAY, days=7)
    assert [p.day for p in d.trend] == [TODAY - dt.timedelta(days=6 - i) for i in range(7)]
    by_day = {p.day: (p.surveyed, p.signed) for p in d.trend}
    assert by_day[dt.date(2023, 6, 30)] == (2, 0)
    assert by_day[dt.date(2023, 6, 29)] == (1, 0)
    # Signed on 07-01 in China: 2023-06-30 20:00 UTC and 2023-07-01 03:00 UTC.
    assert by_day[dt.date(2023, 7, 1)] == (0, 2)
    assert sum(p.signed for p in d.trend) == 2  # 06-10 and 05-20 are outside the 7 days
    point = next(p for p in d.trend if p.day == dt.date(2023, 6, 30))
    assert {h.household_code for h in households_in(signed_db, point.surveyed_scope)} == set(codes[:2])


def test_grievances_and_overdue(signed_db) -> None:
    d = dashboard(signed_db, today=TODAY)
    assert d.open_grievances.value == 1  # one open, one resolved
    assert d.overdue.value == 0 and d.overdue.scope is None  # the window ends 2023-08-31
    late = dashboard(signed_db, today=dt.date(2023, 9, 1))
    open_n = q(signed_db, "SELECT count(*) FROM households WHERE status IN "
                          "('pending', 'surveyed', 'reviewed', 'calculated')")[0][0]
    assert late.overdue.value == open_n > 0
    assert count_households(signed_db, late.overdue.scope) == open_n


def test_every_figure_counts_the_households_its_click_lists(signed_db) -> None:
    d = dashboard(signed_db, today=TODAY, days=60)
    figures = [d.households, d.signed, d.cash_rate.cash_like, d.cash_rate.signed, d.open_grievances,
               *d.by_status]
    for c in figures:
        assert count_households(signed_db, c.scope) == c.value, c.key
    for m in d.money_by_mode:
        assert count_households(signed_db, m.scope) == m.households, m.mode
    for i in d.money_by_item:
        assert count_households(signed_db, i.scope) == i.households, i.item_code
    for p in (*d.by_section, *d.by_worker):
        for stage in ("households", "surveyed", "calculated", "signed"):
            assert count_households(signed_db, p.scope_of(stage)) == getattr(p, stage), (p.key, stage)
    for p in d.trend:
        assert count_households(signed_db, p.signed_scope) == p.signed, p.day
        assert count_households(signed_db, p.surveyed_scope) == p.surveyed, p.day


def test_scope_says_when_the_households_page_filter_is_exact() -> None:
    assert Scope(statuses=("signed",), section="B1").household_filter() == HouseholdFilter(status="signed",
                                                                                          section="B1")
    assert Scope(statuses=("signed",), section="B1").exact
    wide = Scope(statuses=("signed", "handed_over"))
    assert not wide.exact and wide.household_filter() == HouseholdFilter()
    assert not Scope(agreement_modes=("cash",)).exact and not Scope(open_grievance=True).exact


def test_voiding_a_signed_agreement_updates_every_money_figure(signed_db) -> None:
    before = dashboard(signed_db, today=TODAY)
    number, calc, net = q(signed_db, "SELECT number, calculation_id, net FROM agreements WHERE status = 'signed' "
                                     "AND mode = 'exchange'")[0]
    lines = dict(q(signed_db, "SELECT item_code, sum(amount) FROM calculation_lines WHERE calculation_id = ? "
                              "GROUP BY item_code", calc))
    agreement_id = q(signed_db, "SELECT id FROM agreements WHERE number = ?", number)[0][0]
    lifecycle.void(signed_db, HQ, uuid.UUID(agreement_id), "测试作废")
    after = dashboard(signed_db, today=TODAY)
    assert after.money_total == before.money_total - yuan(net)
    assert after.cash_rate.signed.value == 3 and after.cash_rate.pct == Decimal("100.00")
    old = {i.item_code: i.amount for i in before.money_by_item}
    new = {i.item_code: i.amount for i in after.money_by_item}
    for code, fen in lines.items():
        assert new.get(code, Decimal("0.00")) == old[code] - yuan(fen), code


def test_an_empty_project_has_no_rates(db) -> None:
    d = dashboard(db, today=TODAY)
    assert d.households.value == 0 and d.signed_pct is None and d.cash_rate.pct is None
    assert d.money_by_item == () and d.money_total == Decimal("0.00") and len(d.trend) == 30


@pytest.mark.parametrize("part,whole,expected", [(1, 3, "33.33"), (2, 3, "66.67"), (1, 8, "12.50"), (0, 5, "0.00")])
def test_percent_rounds_half_up(part: int, whole: int, expected: str) -> None:
    from survey_app.core.services.reports.figures import percent

    assert percent(part, whole) == Decimal(expected)
