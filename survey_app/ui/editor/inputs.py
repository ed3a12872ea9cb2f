"""Line edits for decimals, percentages, dates and years that say in Chinese what is wrong with the text.

A SurveyForm holds ``Decimal | None`` and ``date | None``, so text that does not parse cannot go into
the form: ``parsed()`` returns ``(value, error)`` and the editor shows the error next to the field
(the form gets ``None`` meanwhile). Marking a widget invalid sets the dynamic property ``invalid``
that the editor's style sheet paints red. Threading: GUI thread only.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

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


def _decimal(text: str) -> Decimal | None:
    text = text.strip().replace(",", "").replace("，", "").replace("．", ".")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError from None
    if not value.is_finite():
        raise ValueError
    return value


class DecimalEdit(ParsedEdit):
    """An area or an amount: digits with at most ``places`` decimals; empty is ``None``."""

    def __init__(self, parent: QWidget | None = None, *, places: int = 2, placeholder: str = ""):
        super().__init__(parent, placeholder=placeholder)
        self.places = places
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)

    def parsed(self) -> tuple[Decimal | None, str]:
        try:
            value = _decimal(self.text())
        except ValueError:
            return None, QCoreApplication.translate("EditorInputs", "“{text}”不是数字").format(text=self.text().strip())
        if value is not None and value != value.quantize(Decimal(1).scaleb(-self.places)):
            return None, QCoreApplication.translate("EditorInputs", "最多保留{n}位小数").format(n=self.places)
        return value, ""

    def set_value(self, value: object) -> None:
        self.setText("" if value is None else formatting.area(Decimal(value)) if self.places == 2 else str(value))


class PercentEdit(ParsedEdit):
    """A share stored as a fraction (0.5) and typed as a percentage (50)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, placeholder="100")
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def parsed(self) -> tuple[Decimal | None, str]:
        try:
            value = _decimal(self.text().replace("%", "").replace("％", ""))
        except ValueError:
            return None, QCoreApplication.translate("EditorInputs", "份额“{text}”不是数字").format(text=self.text().strip())
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
