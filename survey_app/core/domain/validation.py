"""Validation of identity numbers, phone numbers and areas, with Chinese messages that say what is wrong.

Check digits come from python-stdnum (GB 11643 via ``stdnum.cn.ric``, GB 32100 via
``stdnum.cn.uscc``): a well-kept library beats a hand-rolled weight table.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

# python-stdnum is imported where a number is checked: ~5 % of the app's start otherwise (DESIGN §8).
from survey_app.core.domain.errors import ValidationError


@dataclass(frozen=True)
class ResidentId:
    """A validated 18-digit resident identity number (居民身份证号码) and what it tells."""

    number: str
    birth_date: dt.date
    sex: str  # "男" / "女": the 17th digit, odd for men
    region_code: str

    @property
    def masked(self) -> str:
        """Shown where the full number must not be: 110105********002X."""
        return self.number[:6] + "*" * 8 + self.number[14:]


def _compact(value: str) -> str:
    return re.sub(r"[\s-]", "", value or "").upper()


def parse_resident_id(value: str, *, today: dt.date | None = None) -> ResidentId:
    """Validate an 18-digit resident ID (GB 11643) and derive birth date and sex.

    Raises ValidationError with a message naming the problem: length, characters,
    birth date, or check digit (and which check digit would be right).
    """
    number = _compact(value)
    if not number:
        raise ValidationError("身份证号码不能为空", "id_number")
    if len(number) != 18:
        raise ValidationError(f"身份证号码应为18位，现为{len(number)}位", "id_number")
    if not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        raise ValidationError("身份证号码前17位须为数字，最后一位为数字或X", "id_number")
    try:
        birth = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise ValidationError(
            f"身份证号码中的出生日期{number[6:10]}-{number[10:12]}-{number[12:14]}不是有效日期", "id_number"
        ) from None
    today = today or dt.date.today()
    if birth > today or birth.year < 1880:
        raise ValidationError(f"身份证号码中的出生日期{birth.isoformat()}不合理", "id_number")
    from stdnum.cn import ric

    expected = ric.calc_check_digit(number)
    if number[17] != expected:
        raise ValidationError(
            f"身份证号码校验位错误：最后一位应为{expected}，现为{number[17]}（请核对号码是否抄错）", "id_number"
        )
    sex = "男" if int(number[16]) % 2 == 1 else "女"
    return ResidentId(number=number, birth_date=birth, sex=sex, region_code=number[:6])


def resident_id_check_digit(first17: str) -> str:
    """The GB 11643 check digit for the first 17 digits (used by the demo generator)."""
    from stdnum.cn import ric

    return ric.calc_check_digit(first17 + "0")


def validate_uscc(value: str) -> str:
    """Validate a unified social credit code (统一社会信用代码, GB 32100); returns it compacted."""
    from stdnum.cn import uscc

    code = _compact(value)
    if len(code) != 18:
        raise ValidationError(f"统一社会信用代码应为18位，现为{len(code)}位", "uscc")
    try:
        uscc.validate(code)
    except uscc.InvalidChecksum:
        raise ValidationError(
            f"统一社会信用代码校验位错误：最后一位应为{uscc.calc_check_digit(code[:17])}，现为{code[17]}", "uscc"
        ) from None
    except (uscc.InvalidFormat, uscc.InvalidComponent):
        raise ValidationError("统一社会信用代码含有不允许的字符（不使用I、O、Z、S、V）", "uscc") from None
    return code


def uscc_check_digit(first17: str) -> str:
    """The GB 32100 check character for the first 17 characters (used by the demo generator)."""
    from stdnum.cn import uscc

    return uscc.calc_check_digit(first17)


_MOBILE = re.compile(r"^1[3-9]\d{9}$")


def validate_mobile(value: str) -> str:
    """Validate a mainland mobile number (11 digits starting 13–19); +86/0086 prefixes allowed."""
    number = re.sub(r"[\s-]", "", value or "")
    for prefix in ("+86", "0086"):
        if number.startswith(prefix):
            number = number[len(prefix):]
    if not number.isdigit():
        raise ValidationError("手机号码只能包含数字", "phone")
    if len(number) != 11:
        raise ValidationError(f"手机号码应为11位，现为{len(number)}位", "phone")
    if not _MOBILE.match(number):
        raise ValidationError("手机号码应以13至19开头", "phone")
    return number


def parse_area(value: str | Decimal | int, *, field: str = "area", places: int = 2) -> Decimal:
    """Parse an area in m²: a number ≥ 0 with at most ``places`` (2, or 3 for a building part surveyed to
    0.001 m²) decimals, returned with exactly that many."""
    if isinstance(value, float):  # floats cannot carry an exact area; refuse rather than guess
        raise ValidationError("面积须以十进制文本输入", field)
    text = str(value).strip().replace(",", "").replace("，", "")
    for unit in ("m²", "㎡", "m2", "平方米"):
        if text.endswith(unit):
            text = text[: -len(unit)].strip()
            break
    try:
        area = Decimal(text)
    except InvalidOperation:
        raise ValidationError(f"面积“{value}”不是数字", field) from None
    if not area.is_finite():
        raise ValidationError(f"面积“{value}”不是数字", field)
    if area < 0:
        raise ValidationError("面积不能为负数", field)
    step = Decimal(1).scaleb(-places)
    if area != area.quantize(step):
        raise ValidationError("面积最多保留两位小数" if places == 2 else f"面积最多保留{places}位小数", field)
    if area >= Decimal("1000000"):
        raise ValidationError("面积过大，请核对（单位为平方米）", field)
    return area.quantize(step)
