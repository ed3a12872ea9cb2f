"""Money helpers: exact ``Decimal`` yuan, integer fen, display formats and amounts in words.

Money is ``Decimal`` end to end and stored as integer fen (DESIGN §2 rule 5); binary floating point
never touches it, because 0.1 + 0.2 style errors would make the same household come out differently on
two machines. Every helper here is pure and thread-safe: rounding passes an explicit rounding mode
instead of relying on the thread's decimal context.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache

from survey_app.core.domain.errors import ValidationError

FEN = Decimal("0.01")
_QUANTS = {places: Decimal(1).scaleb(-places) for places in range(0, 7)}
_HUNDRED = Decimal(100)

# Amounts in words: the People's Bank of China rules for filling in bills and vouchers
# (《正确填写票据和结算凭证的基本规定》).
_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")
_GROUP_UNITS = ("", "万", "亿")  # up to 9,999 亿: far beyond any household's compensation
_PREFIX = "人民币"
_NEGATIVE = "负"
_MAX_WORDS = Decimal("999999999999.99")


def round_half_up(value: Decimal, places: int = 2) -> Decimal:
    """Round ``value`` half-up (68,918.5 → 68,919) to ``places`` decimals, exactly.

    Half-up is what Chinese settlement practice means by 四舍五入; Python's default is banker's rounding.
    """
    if not isinstance(value, Decimal):
        raise TypeError(f"金额必须是 Decimal，收到 {type(value).__name__}")
    quant = _QUANTS.get(places) or Decimal(1).scaleb(-places)
    return value.quantize(quant, rounding=ROUND_HALF_UP)


def to_fen(amount: Decimal) -> int:
    """Whole fen for an amount in yuan; refuses sub-fen amounts instead of silently rounding them."""
    if not isinstance(amount, Decimal):
        raise TypeError(f"金额必须是 Decimal，收到 {type(amount).__name__}")
    if not amount.is_finite():
        raise ValidationError(f"金额 {amount} 不是有限数")
    fen = amount * _HUNDRED
    if fen != fen.to_integral_value():
        raise ValidationError(f"金额 {amount} 精度超过分，不能精确换算为分")
    return int(fen)


def from_fen(fen: int) -> Decimal:
    """Yuan with exactly two decimals for an integer number of fen (79723400 → 797234.00)."""
    if isinstance(fen, bool) or not isinstance(fen, int):
        raise TypeError(f"分必须是整数，收到 {type(fen).__name__}")
    return Decimal(fen).scaleb(-2)


def format_yuan(amount: Decimal) -> str:
    """Thousands-separated yuan with two decimals: ``797,234.00`` (half-up to the fen first)."""
    return _group(round_half_up(amount, 2))


def format_cny(amount: Decimal) -> str:
    """Yuan with the currency sign: ``¥797,234.00``; negative amounts as ``-¥1,200.00``."""
    text = format_yuan(amount)
    return "-¥" + text[1:] if text.startswith("-") else "¥" + text


def format_area(area: Decimal) -> str:
    """An area in m² with exactly two decimals (``58.32``), half-up; no unit, no separators."""
    return str(round_half_up(area, 2))


def format_number(value: Decimal) -> str:
    """A plain number as written in formula text: thousands separators, no trailing zeros.

    ``13670`` → ``13,670``; ``0.50`` → ``0.5``; ``58.32`` → ``58.32``. Used for prices and ratios, which
    HQ writes with as many decimals as the scheme needs.
    """
    if value == value.to_integral_value():
        return f"{int(value):,}"
    normal = value.normalize()
    return _group(normal)


def _group(value: Decimal) -> str:
    # Format with ',' grouping without going through float: Decimal's own __format__ keeps it exact.
    exponent = value.as_tuple().exponent
    places = -exponent if exponent < 0 else 0
    return format(value, f",.{places}f")


def amount_in_words(amount: Decimal) -> str:
    """Chinese capital amount in words, e.g. ``1409.50`` → ``人民币壹仟肆佰零玖元伍角``.

    Rules (People's Bank): 整 follows 元 when there are no 角/分; it never follows 分; a run of zeros
    inside the number is written as one 零; 零 is written before 分 when 角 is zero
    (16409.02 → 人民币壹万陆仟肆佰零玖元零贰分). After 角 the rules make 整 optional: we write it only
    when there is no 元 part (0.5 → 人民币伍角整), so ``1409.50`` reads as the bank's own example.
    Negative amounts read 人民币负…. Amounts with sub-fen digits are refused.
    """
    fen = to_fen(amount)
    if abs(amount) > _MAX_WORDS:
        raise ValidationError(f"金额 {amount} 超出大写金额范围")
    negative = fen < 0
    fen = abs(fen)
    yuan, rest = divmod(fen, 100)
    jiao, fen_digit = divmod(rest, 10)
    parts: list[str] = [_PREFIX]
    if negative:
        parts.append(_NEGATIVE)
    if yuan == 0 and rest == 0:
        parts.append("零元整")
        return "".join(parts)
    if yuan:
        parts.append(_integer_words(yuan))
        parts.append("元")
    if rest == 0:
        parts.append("整")
    elif fen_digit == 0:
        parts.append(_DIGITS[jiao] + "角")
        if not yuan:
            parts.append("整")
    elif jiao == 0:
        if yuan:
            parts.append("零")
        parts.append(_DIGITS[fen_digit] + "分")
    else:
        parts.append(_DIGITS[jiao] + "角" + _DIGITS[fen_digit] + "分")
    return "".join(parts)


@lru_cache(maxsize=4096)
def _integer_words(number: int) -> str:
    digits = str(number)
    length = len(digits)
    out: list[str] = []
    zero_pending = False
    for index, char in enumerate(digits):
        position = length - 1 - index
        small, group = position % 4, position // 4
        digit = ord(char) - 48
        if digit == 0:
            zero_pending = True
        else:
            if zero_pending and out:
                out.append("零")
            zero_pending = False
            out.append(_DIGITS[digit] + _SMALL_UNITS[small])
        if small == 0 and group and (number // 10 ** (4 * group)) % 10000:
            out.append(_GROUP_UNITS[group])
    return "".join(out)


def parse_amount_in_words(text: str) -> Decimal:
    """Read back an amount written by :func:`amount_in_words` (for verification and tests).

    ``人民币壹仟肆佰零玖元伍角`` → ``Decimal("1409.50")``. Raises ValidationError for text that is not
    in that form.
    """
    if not text.startswith(_PREFIX):
        raise ValidationError(f"大写金额应以“人民币”开头: {text}")
    body = text[len(_PREFIX):]
    negative = body.startswith(_NEGATIVE)
    if negative:
        body = body[1:]
    if body.endswith("整"):
        body = body[:-1]
    total_fen = 0
    yuan_text, sep, tail = body.partition("元")
    if not sep:
        yuan_text, tail = "", body
    total_fen += _parse_integer(yuan_text) * 100
    tail = tail.lstrip("零")
    for unit, weight in (("角", 10), ("分", 1)):
        if unit in tail:
            head, _, tail = tail.partition(unit)
            tail = tail.lstrip("零")
            if len(head) != 1 or head not in _DIGITS:
                raise ValidationError(f"无法识别的大写金额: {text}")
            total_fen += _DIGITS.index(head) * weight
    if tail:
        raise ValidationError(f"无法识别的大写金额: {text}")
    return from_fen(-total_fen if negative else total_fen)


def _parse_integer(text: str) -> int:
    total = section = digit = 0
    for char in text:
        if char in _DIGITS:
            digit = _DIGITS.index(char)
        elif char in ("拾", "佰", "仟"):
            section += digit * 10 ** (_SMALL_UNITS.index(char))
            digit = 0
        elif char == "万":
            total += (section + digit) * 10_000
            section = digit = 0
        elif char == "亿":
            total = (total + section + digit) * 100_000_000
            section = digit = 0
        else:
            raise ValidationError(f"无法识别的大写金额字符: {char}")
    return total + section + digit


def parse_decimal(text: str, field: str = "金额") -> Decimal:
    """A Decimal from user text (``"1,409.50"`` allowed); a Chinese ValidationError for anything else."""
    cleaned = str(text).strip().replace(",", "").replace("，", "")
    try:
        value = Decimal(cleaned)
    except (InvalidOperation, ValueError):
        raise ValidationError(f"{field} 不是有效数字: {text}", field) from None
    if not value.is_finite():
        raise ValidationError(f"{field} 不是有效数字: {text}", field)
    return value
