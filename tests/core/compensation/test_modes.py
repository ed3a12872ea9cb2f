"""Modes by hand: exchange flat price with bands and the net either way, vouchers, caps, all options."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from compensation_helpers import household, make_policy

from survey_app.core.compensation.engine import compute, compute_all
from survey_app.core.domain.errors import ValidationError

HV = '[[items]]\ncode = "hv"\nkind = "house_value"\nlabel = "房屋价值"\n'
MOVING = ('[[items]]\ncode = "mv"\nkind = "moving"\nlabel = "搬迁费"\namount = "1000"\n')


def test_exchange_flat_within_entitlement_pays_household():
    calc = compute(make_policy(HV), household(), "exchange", "R40")
    # compensation 797,234; flat 40 m² within the 58.32 m² entitlement at 6,000 = 240,000
    assert calc.total == D("797234")
    assert [ln.amount for ln in calc.lines if ln.section == "flat"] == [D("-240000")]
    assert calc.net == D("557234") and calc.net_direction == "pay"
    assert calc.entitlement == D("58.32")


def test_exchange_banded_excess_and_household_owes():
    small = household(building_parts=[{"area": "20.00", "use": "residential"}],
                      appraisal={"unit_price": {"residential": "5000"}})
    calc = compute(make_policy(HV), small, "exchange", "A60")
    # entitlement = max(20 × 1, minimum 45) = 45; flat 60 m²: 45 × 6,000 + 10 × 8,000 + 5 × 12,000
    flat = [ln.amount for ln in calc.lines if ln.section == "flat"]
    assert flat == [D("-270000"), D("-80000"), D("-60000")]
    assert calc.total == D("100000")           # 20 × 5,000
    assert calc.net == D("-310000") and calc.net_direction == "receive"
    assert calc.upper == "人民币叁拾壹万元整"
    assert calc.net_label == "被征收人应缴"


def test_exchange_two_flats_and_choice_errors():
    calc = compute(make_policy(HV), household(), "exchange", "R40+R40")
    # 80 m² vs entitlement 58.32: 58.32 × 6,000 = 349,920; 10 × 8,000; 11.68 × 12,000 = 140,160
    assert [ln.amount for ln in calc.lines if ln.section == "flat"] == [D("-349920"), D("-80000"), D("-140160")]
    assert calc.flat_key == "R40+R40"
    with pytest.raises(ValidationError, match="没有户型“Z9”"):
        compute(make_policy(HV), household(), "exchange", "Z9")
    with pytest.raises(ValidationError, match="最多可选 2 套"):
        compute(make_policy(HV), household(), "exchange", "R40+R40+R40")
    with pytest.raises(ValidationError, match="须选择安置房户型"):
        compute(make_policy(HV), household(), "exchange")


def test_voucher_bonus_on_non_excluded_items_only():
    modes = '[modes.voucher]\nbonus_pct = "8"\nexcluded_items = ["mv"]\nvalid_months = 24\n'
    calc = compute(make_policy(HV + MOVING, modes=modes), household(), "voucher")
    # base 797,234 (moving excluded) × 8% = 63,778.72 → 63,779; face = 861,013; cash part = 1,000
    bonus = [ln for ln in calc.lines if ln.code == "voucher_bonus"][0]
    assert bonus.amount == D("63779")
    assert calc.total == D("797234") + D("1000") + D("63779")
    assert calc.voucher.face_amount == D("861013")
    assert calc.voucher.cash_amount == D("1000")
    assert calc.voucher.valid_months == 24


def test_mode_not_offered_is_refused():
    policy = make_policy(HV, modes="[modes.cash]\n")
    with pytest.raises(ValidationError, match="本方案不提供产权调换"):
        compute(policy, household(), "exchange", "A60")
    with pytest.raises(ValidationError, match="未指定安置方式"):
        compute(policy, household())


def test_cap_adjustment_line():
    items = HV + ('[[items]]\ncode = "r1"\nkind = "fixed"\nlabel = "奖励一"\namount = "150000"\n'
                  '[[items]]\ncode = "r2"\nkind = "fixed"\nlabel = "奖励二"\namount = "80000"\n')
    caps = '[[caps]]\ncode = "cap"\nlabel = "奖励封顶"\nitems = ["r1", "r2"]\nmaximum = "200000"\n'
    calc = compute(make_policy(items, extra=caps), household(), "cash")
    (cap,) = [ln for ln in calc.lines if ln.code == "cap"]
    assert cap.amount == D("-30000")                   # 230,000 − 200,000
    assert calc.total == D("797234") + D("200000")


def test_compute_all_lists_every_mode_and_flat():
    calcs = compute_all(make_policy(HV), household())
    assert [c.option_key for c in calcs] == ["cash", "exchange:A60", "exchange:R40", "voucher"]
    chosen = compute_all(make_policy(HV), household(flat_choices=[["R40", "R40"]]))
    assert [c.option_key for c in chosen] == ["cash", "exchange:R40+R40", "voucher"]
    # each option equals the one computed alone
    for calc in chosen:
        alone = compute(make_policy(HV), household(flat_choices=[["R40", "R40"]]), calc.mode, calc.flat_key or None)
        assert alone.to_canonical_json() == calc.to_canonical_json()


def test_household_mode_is_the_default():
    calc = compute(make_policy(HV), household(mode="exchange", flat_choices=["R40"]))
    assert calc.option_key == "exchange:R40"
