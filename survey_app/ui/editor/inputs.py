"""Line edits for decimals, percentages, dates and years that say in Chinese what is wrong with the text.

A SurveyForm holds ``Decimal | None`` and ``date | None``, so text that does not parse cannot go into
the form: ``parsed()`` returns ``(value, error)`` and the editor shows the error next to the field
(the form gets ``None`` meanwhile). Marking a widget invalid sets the dynamic property ``invalid``
that the editor's style sheet paints red. Threading: GUI thread only.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from survey_app.ui import formatting

TOUCH_HEIGHT = 34  # px: a finger or a pen hits it on a 1366×768 touch laptop


def set_invalid(widget: QWidget, message: str | None) -> None:
    """Paint ``widget`` red with ``message`` as its tooltip, or clear that (``None``)."""
    bad = bool(message)
    if bool(widget.property("invalid")) == bad and widget.toolTip() == (message or ""):
        return
    widget.setProperty("invalid", bad)
    widget.setToolTip(message or "")
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class ParsedEdit(QLineEdit):
    """Base: text in, ``parsed() -> (value, error message or "")``."""

    def __init__(self, parent: QWidget | None = None, *, placeholder: str = ""):
        super().__init__(parent)
        self.setMinimumHeight(TOUCH_HEIGHT)
        if placeholder:
            self.setPlaceholderText(placeholder)

    def parsed(self) -> tuple[object, str]:
        raise NotImplementedError

    def set_value(self, value: object) -> None:
        raise NotImplementedError


_PLAIN = re.compile(r"[0-9]+(?:\.[0-9]*)?|\.[0-9]+")


def _tr(text: str) -> str:
    return QCoreApplication.translate("EditorInputs", text)


def _decimal(text: str, places: int) -> tuple[Decimal | None, str]:
    """Read exactly what was typed, or say in words why not; never guess (no silent change).

    Full-width digits and the full-width point (１２．５) are unambiguous and read as 12.5; a comma
    ("12,5" is 12.5 in half the world and 125 in the other half), a sign, an exponent or more decimals
    than the field keeps are refused with a message at the field.
    """
    raw = text.strip()
    if not raw:
        return None, ""
    norm = unicodedata.normalize("NFKC", raw).replace("。", ".")
    if "," in norm or "、" in norm:
        return None, _tr("“{text}”含逗号：小数请用小数点，如 12.5；不要用逗号分隔千位").format(text=raw)
    if norm.startswith("-") or norm.startswith("−"):
        return None, _tr("不能为负数（“{text}”）").format(text=raw)
    if not _PLAIN.fullmatch(norm):
        return None, _tr("“{text}”不是数字，只能填写数字和小数点，如 12.5").format(text=raw)
    value = Decimal(norm)
    if value != value.quantize(Decimal(1).scaleb(-places)):
        return None, (_tr("只能填写整数") if places == 0
                      else _tr("最多保留{n}位小数（“{text}”）").format(n=places, text=raw))
    return value, ""


class DecimalEdit(ParsedEdit):
    """An area or an amount: digits with at most ``places`` decimals; empty is ``None``."""

    def __init__(self, parent: QWidget | None = None, *, places: int = 2, placeholder: str = ""):
        super().__init__(parent, placeholder=placeholder)
        self.places = places
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)

    def parsed(self) -> tuple[Decimal | None, str]:
        return _decimal(self.text(), self.places)

    def set_value(self, value: object) -> None:
        self.setText("" if value is None else formatting.area(Decimal(value)) if self.places == 2 else str(value))


class IntEdit(ParsedEdit):
    """A count (附属物数量, 层数): whole numbers only, typed as text so that "-3" or "1.5" is said to be
    wrong instead of being turned into 3 or 1 the way a spin box does. Empty is ``empty``."""

    def __init__(self, parent: QWidget | None = None, *, minimum: int = 0, maximum: int = 999,
                 empty: int | None = None):
        super().__init__(parent)
        self.minimum, self.maximum, self.empty = minimum, maximum, empty
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)

    def parsed(self) -> tuple[int | None, str]:
        value, error = _decimal(self.text(), 0)
        if error:
            return None, error
        if value is None:
            return self.empty, ""
        if not self.minimum <= value <= self.maximum:
            return None, _tr("应在{low}到{high}之间").format(low=self.minimum, high=self.maximum)
        return int(value), ""

    def set_value(self, value: object) -> None:
        self.setText("" if value is None else str(int(value)))

    def value(self) -> int:
        """The count, or 0 while the text cannot be read (its problem is shown at the field)."""
        return self.parsed()[0] or 0


class PercentEdit(ParsedEdit):
    """A share stored as a fraction (0.5) and typed as a percentage (50)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, placeholder="100")
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def parsed(self) -> tuple[Decimal | None, str]:
        text = self.text().strip()
        if text.endswith(("%", "％")):
            text = text[:-1]
        value, error = _decimal(text, 2)  # 33.33 % is kept exactly as 0.3333: never rounded silently
        if error:
            return None, error
        if value is None:
            return None, ""
        return (value / 100).quantize(Decimal("0.0001")), ""

    def set_value(self, value: object) -> None:
        self.setText("" if value is None else formatting.share(Decimal(value)).rstrip("%"))


_DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")


class DateEdit(ParsedEdit):
    """An optional date typed as 2023-04-10, 2023/4/10, 2023年4月10日 or 20230410."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, placeholder=QCoreApplication.translate("EditorInputs", "年-月-日"))

    def parsed(self) -> tuple[dt.date | None, str]:
        text = self.text().strip()
        if not text:
            return None, ""
        digits = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", text)
        match = digits or _DATE.match(text)
        if match:
            try:
                return dt.date(*(int(g) for g in match.groups())), ""
            except ValueError:
                pass
        return None, QCoreApplication.translate("EditorInputs", "日期“{text}”无效，请按“2023-04-10”填写").format(text=text)

    def set_value(self, value: object) -> None:
        self.setText(value.isoformat() if isinstance(value, dt.date) else "")


class YearEdit(ParsedEdit):
    """An optional year (建成年份)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMaxLength(4)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def parsed(self) -> tuple[int | None, str]:
        text = self.text().strip()
        if not text:
            return None, ""
        if not text.isdigit() or not 1800 <= int(text) <= dt.date.today().year:
            return None, QCoreApplication.translate("EditorInputs", "年份“{text}”不合理").format(text=text)
        return int(text), ""

    def set_value(self, value: object) -> None:
        self.setText("" if value is None else str(value))
