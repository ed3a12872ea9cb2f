from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from survey_app.core.domain.errors import ValidationError
from survey_app.core.domain.validation import (
    parse_area,
    parse_resident_id,
    resident_id_check_digit,
    validate_mobile,
    validate_uscc,
)

GOOD_ID = "11010519491231002X"  # the GB 11643 example number


def test_a_valid_id_gives_birth_date_and_sex() -> None:
    rid = parse_resident_id(GOOD_ID)
    assert rid.birth_date == dt.date(1949, 12, 31)
    assert rid.sex == "女"  # 17th digit 2 is even
    assert rid.region_code == "110105"
    assert rid.masked == "110105********002X"


def test_lowercase_x_and_spaces_are_accepted() -> None:
    assert parse_resident_id(" 110105 19491231 002x ").number == GOOD_ID


def test_a_wrong_check_digit_names_the_right_one() -> None:
    with pytest.raises(ValidationError) as e:
        parse_resident_id("110105194912310021")
    assert "校验位错误" in str(e.value) and "应为X" in str(e.value)
    assert e.value.field == "id_number"


@pytest.mark.parametrize("number, words", [
    ("1101051949123100", "应为18位，现为16位"),
    ("11010519491231002Y", "前17位须为数字"),
    ("110105194902300021", "不是有效日期"),
])
def test_other_mistakes_say_what_is_wrong(number: str, words: str) -> None:
    with pytest.raises(ValidationError, match=words):
        parse_resident_id(number)


def test_a_future_birth_date_is_refused() -> None:
    first17 = "11010520990101001"
    with pytest.raises(ValidationError, match="不合理"):
        parse_resident_id(first17 + resident_id_check_digit(first17), today=dt.date(2026, 1, 1))


def test_male_from_odd_17th_digit() -> None:
    first17 = "43010219800101001"
    assert parse_resident_id(first17 + resident_id_check_digit(first17)).sex == "男"


def test_uscc() -> None:
    assert validate_uscc("91110000600037341L") == "91110000600037341L"
    with pytest.raises(ValidationError, match="最后一位应为L"):
        validate_uscc("91110000600037341X")
    with pytest.raises(ValidationError, match="18位"):
        validate_uscc("9111000060003734")


@pytest.mark.parametrize("raw, expected", [("13800138000", "13800138000"), ("+86 138-0013-8000", "13800138000"),
                                           ("0086 19912345678", "19912345678")])
def test_mobile_numbers(raw: str, expected: str) -> None:
    assert validate_mobile(raw) == expected


@pytest.mark.parametrize("raw, words", [("1380013800", "应为11位"), ("12800138000", "13至19开头"),
                                        ("1380013800a", "只能包含数字")])
def test_bad_mobile_numbers(raw: str, words: str) -> None:
    with pytest.raises(ValidationError, match=words):
        validate_mobile(raw)


def test_areas() -> None:
    assert parse_area("58.3") == Decimal("58.30")
    assert parse_area("1,058.32 m²") == Decimal("1058.32")
    assert parse_area("12.2㎡") == Decimal("12.20")
    assert parse_area(0) == Decimal("0.00")
    for bad, words in [("-1", "负数"), ("58.321", "两位小数"), ("abc", "不是数字"), ("NaN", "不是数字")]:
        with pytest.raises(ValidationError, match=words):
            parse_area(bad)
    with pytest.raises(ValidationError):
        parse_area(58.3)  # type: ignore[arg-type]  # a float cannot carry an exact area
