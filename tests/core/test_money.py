"""Money helpers: exact fen, half-up rounding, display formats, amounts in words (People's Bank rules)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from survey_app.core.domain.errors import ValidationError
from survey_app.core.domain.money import (
    amount_in_words,
    format_area,
    format_cny,
    format_number,
    format_yuan,
    from_fen,
    parse_amount_in_words,
    parse_decimal,
    round_half_up,
    to_fen,
)


@pytest.mark.parametrize("amount,words", [
    ("1409.50", "人民币壹仟肆佰零玖元伍角"),
    ("6007.14", "人民币陆仟零柒元壹角肆分"),
    ("16409.02", "人民币壹万陆仟肆佰零玖元零贰分"),
    ("100", "人民币壹佰元整"),
    ("0.5", "人民币伍角整"),
    ("1000000", "人民币壹佰万元整"),
    ("100010", "人民币壹拾万零壹拾元整"),
    ("325.04", "人民币叁佰贰拾伍元零肆分"),
    ("0", "人民币零元整"),
    ("0.07", "人民币柒分"),
    ("10", "人民币壹拾元整"),
    ("101000", "人民币壹拾万零壹仟元整"),
    ("797234", "人民币柒拾玖万柒仟贰佰叁拾肆元整"),
    ("100000001", "人民币壹亿零壹元整"),
    ("120000000", "人民币壹亿贰仟万元整"),
    ("-1200", "人民币负壹仟贰佰元整"),
])
def test_amount_in_words_examples(amount, words):
    assert amount_in_words(D(amount)) == words


def test_zheng_never_after_fen():
    assert not amount_in_words(D("1.23")).endswith("整")
    assert amount_in_words(D("1.20")).endswith("角")


def test_sub_fen_refused():
    with pytest.raises(ValidationError, match="精度超过分"):
        amount_in_words(D("1.005"))
    with pytest.raises(ValidationError):
        to_fen(D("0.001"))


@given(st.integers(min_value=-10**13, max_value=10**13))
def test_words_round_trip(fen):
    amount = from_fen(fen)
    words = amount_in_words(amount)
    assert "整" not in words or words.endswith(("元整", "角整"))
    assert parse_amount_in_words(words) == amount


@given(st.integers(min_value=-10**15, max_value=10**15))
def test_fen_round_trip(fen):
    assert to_fen(from_fen(fen)) == fen
    assert from_fen(fen).as_tuple().exponent == -2


def test_round_half_up_is_not_bankers():
    assert round_half_up(D("68918.5"), 0) == D("68919")
    assert round_half_up(D("68917.5"), 0) == D("68918")
    assert round_half_up(D("0.125"), 2) == D("0.13")
    assert round_half_up(D("-2.5"), 0) == D("-3")


def test_formats():
    assert format_yuan(D("797234")) == "797,234.00"
    assert format_yuan(D("1234.565")) == "1,234.57"
    assert format_cny(D("797234")) == "¥797,234.00"
    assert format_cny(D("-1200")) == "-¥1,200.00"
    assert format_area(D("58.3")) == "58.30"
    assert format_area(D("58.325")) == "58.33"
    assert format_number(D("13670.00")) == "13,670"
    assert format_number(D("0.50")) == "0.5"
    assert format_number(D("1234.5")) == "1,234.5"


def test_types_are_checked():
    with pytest.raises(TypeError):
        to_fen(1.5)  # a float must never be accepted as money
    with pytest.raises(TypeError):
        from_fen(D(1))


def test_parse_decimal():
    assert parse_decimal("1,409.50") == D("1409.50")
    with pytest.raises(ValidationError):
        parse_decimal("abc")
    with pytest.raises(ValidationError):
        parse_decimal("NaN")
