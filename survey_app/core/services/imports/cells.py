"""Reading one cell of a district's or appraiser's spreadsheet exactly, or refusing it with a reason.

Nothing here guesses. A number is read from its exact text ("50.5"); "约50", "50平", "13,670元" are refused
with a message naming the text. Excel keeps numbers as binary doubles: a cell typed as 50.5 comes back as
50.5, but one computed as 0.1+0.2 comes back as 0.30000000000000004, and one pasted from elsewhere may hold
50.49999999 while the sheet shows 50.50. A double is turned into the shortest decimal that reads back as the
same double, then cut to Excel's own 15 significant digits (what its formula bar shows); when that still has
more decimal places than the field allows, the cell is refused, naming both what it holds and what it shows.

Identity numbers typed into a number cell have lost their last digits (Excel keeps 15): refused.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Context, Decimal, InvalidOperation
from typing import Any

from survey_app.core.domain.errors import ValidationError
from survey_app.core.domain.validation import parse_resident_id, validate_mobile

EXCEL_DIGITS = Context(prec=15)
_PLAIN_NUMBER = re.compile(r"^\d+(\.\d+)?$")
_FIXED_FORMAT = re.compile(r"^(#,##)?0(\.(0+))?$")


class CellError(ValueError):
    """One cell that cannot be read; the message (Chinese) says why. The caller adds row and column."""


@dataclass(frozen=True, slots=True)
class Raw:
    """A cell as the file holds it: str/int/float/datetime/bool/None, and Excel's number format ('' for CSV)."""

    value: Any
    number_format: str = ""


def text(raw: Raw) -> str:
    """The cell as text: stripped, full-width letters and digits made ordinary (NFKC); '' for an empty cell."""
    v = raw.value
    if v is None:
        return ""
    if isinstance(v, bool):
        return "是" if v else "否"
    if isinstance(v, float):
        return _shown_decimal(v).to_eng_string() if v == v else ""
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time() else v.isoformat(sep=" ")
    if isinstance(v, dt.date):
        return v.isoformat()
    return unicodedata.normalize("NFKC", str(v)).strip()


def is_empty(raw: Raw) -> bool:
    return text(raw) == ""


def _shown_decimal(v: float) -> Decimal:
    """The decimal a user sees for a double: shortest round-trip form, cut to Excel's 15 significant digits."""
    d = Decimal(repr(v))
    return EXCEL_DIGITS.plus(d).normalize() if d else Decimal(0)


def _shown_by_format(d: Decimal, number_format: str) -> str | None:
    m = _FIXED_FORMAT.match(number_format or "")
    if not m:
        return None
    places = len(m.group(3) or "")
    return f"{d:,.{places}f}" if m.group(1) else f"{d:.{places}f}"


def decimal(raw: Raw, *, places: int, what: str, positive: bool = False) -> Decimal | None:
    """An exact number ≥ 0 (> 0 with ``positive``) with at most ``places`` decimals; None for an empty cell."""
    v = raw.value
    if v is None or (isinstance(v, str) and not v.strip()):
        return None
    if isinstance(v, (bool, dt.date, dt.datetime)):
        raise CellError(f"{what}“{text(raw)}”不是数字")
    if isinstance(v, int):
        d = Decimal(v)
    elif isinstance(v, float):
        if v != v or v in (float("inf"), float("-inf")):
            raise CellError(f"{what}不是有效数字")
        d = _shown_decimal(v)
        if -d.as_tuple().exponent > places:
            shown = _shown_by_format(d, raw.number_format)
            also = f"（表格中显示为{shown}）" if shown and shown != str(d) else ""
            raise CellError(f"{what}单元格中的实际数值是{d}{also}，超过{places}位小数；"
                            "请在Excel中改为准确数值后重新导入，本程序不做四舍五入")
    else:
        s = text(raw)
        if not _PLAIN_NUMBER.match(s):
            raise CellError(_why_not_number(what, s))
        try:
            d = Decimal(s)
        except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
            raise CellError(f"{what}“{s}”不是数字") from None
    if d < 0:
        raise CellError(f"{what}不能为负数（{d}）")
    if positive and d == 0:
        raise CellError(f"{what}须大于0")
    q = Decimal(1).scaleb(-places)
    if d != d.quantize(q):
        raise CellError(f"{what}“{text(raw)}”超过{places}位小数，本程序不做四舍五入，请核对")
    if d.adjusted() >= 12:
        raise CellError(f"{what}“{text(raw)}”过大，请核对")
    return d.quantize(q)


def _why_not_number(what: str, s: str) -> str:
    if s.startswith(("约", "大约", "近", "≈", "~", "～")):
        return f"{what}“{s}”是估计值，须填写准确数字"
    if "," in s:
        return f"{what}“{s}”含逗号，请去掉千位分隔符后填写纯数字"
    if re.match(r"^-", s):
        return f"{what}不能为负数（{s}）"
    if re.match(r"^\d+(\.\d+)?\S+$", s):
        return f"{what}“{s}”带有单位或文字，请只填写数字（单位由列标题说明）"
    return f"{what}“{s}”不是准确的数字"


def date(raw: Raw, *, what: str) -> dt.date | None:
    """A date from a date cell or text 2023-05-01 / 2023/5/1 / 2023.5.1 / 2023年5月1日 / 20230501."""
    v = raw.value
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    s = text(raw)
    if not s:
        return None
    m = (re.match(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$", s) or re.match(r"^(\d{4})(\d{2})(\d{2})$", s))
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            pass
    raise CellError(f"{what}“{s}”不是有效日期（应如 2023-05-01）")


def id_number(raw: Raw) -> str:
    """A checked 18-digit resident ID ('' for an empty cell); the message says what is wrong, not the number."""
    if isinstance(raw.value, float) or (isinstance(raw.value, int) and not isinstance(raw.value, bool)
                                        and len(str(raw.value)) > 15):
        raise CellError("身份证号以数字格式保存，Excel 只保留15位有效数字，后几位已丢失；"
                        "请把该列设为“文本”后重新录入")
    s = text(raw).replace(" ", "").upper()
    if not s:
        return ""
    try:
        return parse_resident_id(s).number
    except ValidationError as e:
        raise CellError(str(e)) from None


_PHONE = re.compile(r"^[0-9+\-() ]{5,20}$")


def phone(raw: Raw) -> str:
    """A mobile (checked) or a landline (digits, - and brackets, 5–20 characters); '' for an empty cell."""
    if isinstance(raw.value, float):
        raise CellError("联系电话以小数格式保存，请把该列设为“文本”")
    s = text(raw)
    if not s:
        return ""
    digits = re.sub(r"[\s-]", "", s)
    if digits.startswith("1") and digits.isdigit() or digits.startswith(("+86", "0086")):
        try:
            return validate_mobile(s)
        except ValidationError as e:
            raise CellError(str(e)) from None
    if not _PHONE.match(s):
        raise CellError(f"联系电话“{s}”含有不允许的字符")
    return s


def code(raw: Raw, *, what: str, limit: int = 32) -> str:
    """An identifier such as 户号 or 产权证号: text, an integer cell read as its digits."""
    v = raw.value
    if isinstance(v, float):
        if v.is_integer() and abs(v) < 1e15:
            return str(int(v))
        raise CellError(f"{what}以小数格式保存（{text(raw)}），请把该列设为“文本”")
    s = text(raw)
    if len(s) > limit:
        raise CellError(f"{what}过长（{len(s)}个字符，最多{limit}个）")
    return s


def limited(raw: Raw, *, what: str, limit: int) -> str:
    s = text(raw)
    if len(s) > limit:
        raise CellError(f"{what}过长（{len(s)}个字符，最多{limit}个）")
    return s


def percent_text(raw: Raw, *, what: str, limit: int = 16) -> str:
    """成新 as the sheet shows it: '八成新', '80%' (a % formatted cell), or the number as typed."""
    v = raw.value
    if isinstance(v, (int, float)) and not isinstance(v, bool) and "%" in (raw.number_format or ""):
        d = (_shown_decimal(float(v)) if isinstance(v, float) else Decimal(v)) * 100
        return f"{d.normalize():f}%"
    return limited(raw, what=what, limit=limit)
