"""Agreements say only true things, and all Article 25 says (issue 9 items 6, 7, 11), checked on the text
pdftotext extracts from agreements built from real stored calculations of the demo project."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select
from test_agreements import PNG, REVIEWER, SIGN_DAY, WORKER, ink_png

from survey_app.core.compensation.calculation import Calculation as Result
from survey_app.core.domain.errors import ValidationError
from survey_app.core.domain.money import format_area, format_yuan
from survey_app.core.services import calculations, workflow
from survey_app.core.services.agreements import lifecycle
from survey_app.core.services.agreements.documents import render_agreement_pdf
from survey_app.core.services.survey.store import load_form, save_form
from survey_app.core.storage.models import Agreement, Calculation, Household

ARTICLE_25 = ("补偿方式", "补偿金额", "支付期限", "产权调换房屋", "搬迁费", "临时安置费或者周转用房", "停产停业损失",
              "搬迁期限", "过渡方式和过渡期限")


def _issue(db, h: Household, mode: str) -> tuple[lifecycle.AgreementInfo, Result]:
    workflow.approve(db, REVIEWER, h.id)
    options = calculations.calculate(db, WORKER, h.id)
    key = next(o.option_key for o in options if o.result.mode == mode)
    calculations.choose_option(db, WORKER, h.id, key)
    workflow.mark_calculated(db, WORKER, h.id)
    info = lifecycle.prepare(db, WORKER, h.id)
    with db.read() as s:
        a = s.get(Agreement, uuid.UUID(info.id))
        result = Result.from_json(s.get(Calculation, a.calculation_id).result_json)
    return info, result


def _surveyed(db, n: int) -> list[Household]:
    with db.read() as s:
        return s.scalars(select(Household).where(Household.status == "surveyed").order_by(Household.id)).all()[:n]


def _text(path: Path) -> str:
    """Reading-order text without white space: Chinese running text wraps between any two characters."""
    raw = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", "", raw)


def _from_formula(result: Result, kinds: tuple[str, ...], unit: str) -> int:
    """The count the engine wrote in the stored line's formula (``× 6 月``, ``× 1 次``)."""
    line = next(ln for ln in result.lines if ln.kind in kinds)
    return int(re.search(rf"× (\d+) {unit}", line.formula).group(1))


@pytest.mark.parametrize("mode", ["cash", "exchange", "voucher"])
def test_every_article_25_element_and_amount_matches_the_stored_calculation(demo_db, tmp_path, mode) -> None:
    h = _surveyed(demo_db, 3)[["cash", "exchange", "voucher"].index(mode)]
    info, result = _issue(demo_db, h, mode)
    pdf = tmp_path / f"{mode}.pdf"
    render_agreement_pdf(demo_db, info.id, pdf)
    text = _text(pdf)

    assert all(element in text for element in ARTICLE_25)
    for line in result.lines:
        assert format_yuan(abs(line.amount)) in text, line.label
    assert format_yuan(result.total) in text and format_yuan(abs(result.net)) in text and result.upper in text
    assert h.phone and h.phone in text
    assert "max(" not in text and "min(" not in text
    months = _from_formula(result, ("transition",), "月")
    transition = next(ln.amount for ln in result.lines if ln.kind == "transition")
    assert f"临时安置费人民币{format_yuan(transition)}元（按{months}个月计）" in text
    times = _from_formula(result, ("moving",), "次")
    moving = next(ln.amount for ln in result.lines if ln.kind == "moving")
    assert f"人民币{format_yuan(moving)}元（按搬迁{times}次计）" in text
    assert "临时安置费按0个月" not in text and "不涉及停产停业损失" in text  # demo household: no business
    assert f"{15}日内" in text and "30日内搬迁完毕" in text  # the policy's payment and moving terms
    if mode == "cash":
        assert "不适用：乙方选择货币补偿" in text and "不设过渡期" in text and "两次" not in text
    if mode == "exchange":
        flat = result.flat_label
        assert flat in text and "交付方式：" + {"ready": "现房", "future": "期房"}[result.delivery] in text
        assert f"过渡期限{months}个月" in text
        assert f"应安置面积{format_area(result.entitlement)}m²" in text
    if mode == "voucher":
        v = result.voucher
        bonus = next(ln.amount for ln in result.lines if ln.kind == "voucher_bonus")
        assert f"房票面额人民币{format_yuan(v.face_amount)}元" in text
        assert f"现金部分人民币{format_yuan(v.cash_amount)}元" in text
        assert f"按计入房票的补偿款人民币{format_yuan(v.face_amount - bonus)}元的{v.bonus_pct.normalize():f}%计算" in text
        assert f"{v.valid_months}个月内有效" in text
        assert "按房屋价值的" not in text  # the bonus basis is what counts into the voucher, not the house value


def test_a_survey_change_after_the_calculation_stops_printing_and_signing(demo_db, tmp_path) -> None:
    h = _surveyed(demo_db, 1)[0]
    info, _ = _issue(demo_db, h, "cash")
    lifecycle.record_print(demo_db, WORKER, info.id, copies=1)
    form = load_form(demo_db, h.id)
    form.parts[0].area = form.parts[0].area + 1
    save_form(demo_db, REVIEWER, form)
    with pytest.raises(ValidationError, match="测算已过期"):
        render_agreement_pdf(demo_db, info.id, tmp_path / "a.pdf")
    with pytest.raises(ValidationError, match="测算已过期"):
        lifecycle.record_print(demo_db, WORKER, info.id, copies=1)
    with pytest.raises(ValidationError, match="测算已过期"):
        lifecycle.sign(demo_db, WORKER, info.id, [lifecycle.SignatureInput("被征收人", h.head_name, PNG)],
                       on=SIGN_DAY)
    assert not (tmp_path / "a.pdf").exists()


def test_the_parts_table_comes_from_the_calculation_snapshot(demo_db, db_path, tmp_path) -> None:
    h = _surveyed(demo_db, 1)[0]
    info, result = _issue(demo_db, h, "cash")
    first = result.inputs.building_parts[0]
    with sqlite3.connect(db_path) as conn:  # a row changed behind the app's back: not what was calculated
        conn.execute("UPDATE building_parts SET area = 999.99 WHERE household_id = ?", (h.id.hex,))
    render_agreement_pdf(demo_db, info.id, tmp_path / "a.pdf")
    text = _text(tmp_path / "a.pdf")
    assert "999.99" not in text and format_area(first.area) in text


def test_signing_in_another_reward_tier_is_refused_until_recalculated(demo_db) -> None:
    h = _surveyed(demo_db, 1)[0]
    info, _ = _issue(demo_db, h, "cash")
    lifecycle.record_print(demo_db, WORKER, info.id, copies=1)
    sig = [lifecycle.SignatureInput("被征收人", h.head_name, PNG)]
    for late in (SIGN_DAY.replace(month=8, day=1), SIGN_DAY.replace(year=2024)):  # second tier; after every tier
        with pytest.raises(ValidationError, match="奖励档次不同"):
            lifecycle.sign(demo_db, WORKER, info.id, sig, on=late)
    assert lifecycle.sign(demo_db, WORKER, info.id, sig, on=SIGN_DAY).status == "signed"


def test_a_dot_or_a_short_stroke_is_not_a_signature(demo_db) -> None:
    h = _surveyed(demo_db, 1)[0]
    info, _ = _issue(demo_db, h, "cash")
    lifecycle.record_print(demo_db, WORKER, info.id, copies=1)
    for png in (ink_png(((300, 120), (302, 121))), ink_png(((300, 120), (340, 130)))):
        with pytest.raises(ValidationError, match="签名太短"):
            lifecycle.sign(demo_db, WORKER, info.id, [lifecycle.SignatureInput("被征收人", h.head_name, png)],
                           on=SIGN_DAY)
    with demo_db.read() as s:
        assert s.get(Agreement, uuid.UUID(info.id)).status == "printed"


def test_saving_a_pdf_counts_apart_from_prints_and_unlocks_signing(demo_db) -> None:
    h = _surveyed(demo_db, 1)[0]
    info, _ = _issue(demo_db, h, "cash")
    saved = lifecycle.record_save(demo_db, WORKER, info.id)
    assert (saved.status, saved.print_count, saved.saved_count) == ("printed", 0, 1)
    printed = lifecycle.record_print(demo_db, WORKER, info.id, copies=2)
    assert (printed.print_count, printed.saved_count) == (2, 1)
    signed = lifecycle.sign(demo_db, WORKER, info.id, [lifecycle.SignatureInput("被征收人", h.head_name, PNG)],
                            on=SIGN_DAY)
    assert signed.status == "signed"
