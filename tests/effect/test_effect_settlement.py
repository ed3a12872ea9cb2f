"""HQ records 协议生效 and the 台账 settles the rewards that waited for it (issue 13), on the real project of
conftest.py: 60 households, three signed on 2023-07-01 (A2-0004, A2-0009, B1-0003), the first two handed over
on 2023-07-10 and 2023-07-25; the policy makes the agreements take effect at 5% by 2023-08-31.

Figures by hand (the rewards' rules in conftest.py):
  rate      3 ÷ 60 = 5% exactly ≥ 5%: the agreements may take effect on or after 2023-07-01.
  签约率奖  from 4%: 1,000 + ⌊(5 − 4) ÷ 0.5⌋ × 100 = 1,000 + 2 × 100 = 1,200.00 for each of the three.
  早搬迁奖  effective 2023-07-05, so day 1 is 07-06:
            A2-0004 handed 07-10 = day 5 → days 1–15: max(123.32 m² × 100, 500) = 12,332.00;
            A2-0009 handed 07-25 = day 20 → days 16–30: 2,000.00;
            B1-0003 not handed: on 07-31 (day 26) still 待交房; on 08-10 (day 36) past day 30 → 0.00;
            handed 07-12 = day 7 → max(44.44 m² × 100, 500) = 4,444.00 (its registered residential part only: the
            item counts no temporary building, and the 16.95 m² shop is not residential).
  合计      签约率奖 3 × 1,200 = 3,600.00; 早搬迁奖 12,332 + 2,000 = 14,332.00 (B1-0003 pending)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from survey_app.core.domain import china_time
from survey_app.core.domain.errors import PermissionDenied, ValidationError
from survey_app.core.domain.roles import Role
from survey_app.core.services.agreements.effect_record import effect_record, record_effect, signing_count
from survey_app.core.services.agreements.effect_settle import Settlement
from survey_app.core.services.audit import verify_database
from survey_app.core.services.reports import ledger_xlsx
from survey_app.core.services.reports.ledger import ledger_rows
from survey_app.core.storage.models import AuditEvent
from survey_app.core.storage.uow import Actor
from tests.effect.conftest import HQ, effect_policy

SIGNED = ("A2-0004", "A2-0009", "B1-0003")
EFFECTIVE = dt.date(2023, 7, 5)


def _settled(db) -> dict[str, tuple]:
    """户号 → (签约率奖, 早搬迁奖, 协议生效) of the signed rows."""
    return {r[0]: r[18:] for r in ledger_rows(db) if r[13] == "已签订"}


@pytest.fixture
def on(monkeypatch):
    def set_today(day: dt.date) -> None:
        monkeypatch.setattr(china_time, "today", lambda: day)
    return set_today


def test_before_anything_is_recorded_the_columns_are_empty(effect_db) -> None:
    assert effect_record(effect_db) is None
    assert set(_settled(effect_db).values()) == {(None, None, "")}


def test_the_effective_date_settles_both_rewards(effect_db, on) -> None:
    on(dt.date(2023, 7, 31))
    found = record_effect(effect_db, HQ, effective_on=EFFECTIVE, note="公告 2023-07-05")
    assert (found.signed_households, found.total_households, found.rate_pct) == (3, 60, D(5))
    assert found.words() == "协议已于 2023-07-05 生效（签约比例 5.00%：3 / 60 户，计至 2023-07-31）"
    assert found.changes is not None
    assert _settled(effect_db) == {"A2-0004": (D("1200.00"), D("12332.00"), "已生效"),
                                   "A2-0009": (D("1200.00"), D("2000.00"), "已生效"),
                                   "B1-0003": (D("1200.00"), None, "已生效，早搬迁奖待交房")}
    on(dt.date(2023, 8, 10))  # day 36: the last tier (day 30) has passed without a handover
    assert _settled(effect_db)["B1-0003"] == (D("1200.00"), D("0.00"), "已生效，未在早搬迁奖期限内交房")


def test_a_later_handover_is_settled_by_its_day(effect_db, on) -> None:
    from survey_app.core.services import handover
    from survey_app.core.storage.models import Household

    on(dt.date(2023, 7, 31))
    record_effect(effect_db, HQ, effective_on=EFFECTIVE)
    with effect_db.read() as s:
        hid = s.scalar(select(Household.id).where(Household.household_code == "B1-0003"))
    handover.record_handover(effect_db, HQ, hid, dt.date(2023, 7, 12))
    assert _settled(effect_db)["B1-0003"] == (D("1200.00"), D("4444.00"), "已生效")


def test_the_xlsx_shows_the_amounts_and_sums_them(effect_db, on, tmp_path: Path) -> None:
    on(dt.date(2023, 7, 31))
    record_effect(effect_db, HQ, effective_on=EFFECTIVE)
    out = tmp_path / "台账.xlsx"
    ledger_xlsx(effect_db, out)
    ws = load_workbook(out)["台账"]
    assert [c.value for c in ws[1]][18:] == ["签约率奖(元)", "早搬迁奖(元)", "协议生效"]
    rows = {r[0].value: r for r in ws.iter_rows(min_row=2, max_row=61)}
    cells = {code: tuple(c.value for c in rows[code][18:]) for code in SIGNED}
    assert cells == {"A2-0004": (1200, 12332, "已生效"), "A2-0009": (1200, 2000, "已生效"),
                     "B1-0003": (1200, None, "已生效，早搬迁奖待交房")}
    assert rows["A2-0004"][18].number_format == "#,##0.00"
    totals = [c.value for c in ws[62]]
    assert (totals[18], totals[19]) == (3600, 14332)  # 3 × 1,200; 12,332 + 2,000


def test_too_early_a_date_and_a_failure_before_the_deadline_are_refused(effect_db, on) -> None:
    on(dt.date(2023, 7, 31))
    with pytest.raises(ValidationError, match=r"^至 2023-06-30 签约比例 0\.00%（0 / 60 户）未达到方案规定的 5%，"
                                              r"不能登记协议于 2023-06-30 生效$"):
        record_effect(effect_db, HQ, effective_on=dt.date(2023, 6, 30))
    with pytest.raises(ValidationError, match="^生效期限 2023-08-31 尚未届满，不能登记协议未生效$"):
        record_effect(effect_db, HQ, failed=True)
    with pytest.raises(ValidationError, match="晚于今天"):
        record_effect(effect_db, HQ, effective_on=dt.date(2023, 8, 1))
    on(dt.date(2023, 9, 1))
    with pytest.raises(ValidationError, match=r"^至 2023-08-31 签约比例 5\.00%（3 / 60 户）已达到 5%，不能登记协议未生效$"):
        record_effect(effect_db, HQ, failed=True)
    assert effect_record(effect_db) is None


def test_not_taking_effect_shows_in_every_signed_row(effect_db, on) -> None:
    from survey_app.core.services import policies

    policies.publish_text(effect_db, HQ, effect_policy().replace('signing_rate_pct = "5%"', 'signing_rate_pct = "10%"'),
                          "effect.toml", reason="生效比例改为 10%")
    on(dt.date(2023, 9, 1))
    found = record_effect(effect_db, HQ, failed=True)  # 3 ÷ 60 = 5% < 10% by 2023-08-31
    assert found.words() == "协议未生效：至 2023-08-31 签约比例未达到（签约比例 5.00%：3 / 60 户，计至 2023-08-31）"
    assert set(_settled(effect_db).values()) == {(None, None, "协议未生效")}


def test_only_an_hq_admin_records_and_recording_again_needs_a_reason(effect_db, on) -> None:
    on(dt.date(2023, 7, 31))
    supervisor = Actor(username="sup", role=Role.SUPERVISOR, device="T01")
    with pytest.raises(PermissionDenied):
        record_effect(effect_db, supervisor, effective_on=EFFECTIVE)
    assert effect_record(effect_db) is None
    record_effect(effect_db, HQ, effective_on=EFFECTIVE)
    with pytest.raises(ValidationError, match="重新登记必须填写原因"):
        record_effect(effect_db, HQ, effective_on=dt.date(2023, 7, 6))
    again = record_effect(effect_db, HQ, effective_on=dt.date(2023, 7, 6), reason="公告日期更正")
    assert again.effective_on == dt.date(2023, 7, 6)
    with effect_db.read() as s:
        events = [(e.action, e.changes) for e in s.scalars(select(AuditEvent).where(AuditEvent.entity == "project_effects")
                                                            .order_by(AuditEvent.seq))]
    assert [a for a, _ in events] == ["insert", "project_effect_reason", "update"]  # the reason, then the row
    assert "公告日期更正" in events[1][1]
    # the chain holds the record's rows (conftest.py set the signing days by hand: only those rows are named)
    assert not [p.message for p in verify_database(effect_db).problems if "project_effects" in p.message]


def test_the_rate_counts_only_agreements_signed_by_the_day(effect_db) -> None:
    with effect_db.read() as s:
        assert signing_count(s, dt.date(2023, 6, 30)) == (0, 60)
        assert signing_count(s, dt.date(2023, 7, 1)) == (3, 60)


def test_the_settlement_reads_nothing_when_nothing_is_recorded(effect_db) -> None:
    s = Settlement(effect_db)
    assert s.record is None and s.due(None, "signed", None).cells() == (None, None, "")
