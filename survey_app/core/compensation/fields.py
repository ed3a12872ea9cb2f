"""Typed, path-aware reading of parsed TOML/JSON tables, collecting plain-Chinese problems.

Policy files are edited by hand at HQ, so a mistake must come back as "file: items[3].ratio: problem"
rather than a KeyError. A :class:`Table` reads one mapping, remembers which keys were read so unknown
(usually misspelt) keys can be reported, and records every problem in a shared :class:`Problems` list
so one load reports all mistakes at once. Not thread-safe; one loader uses one instance.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from survey_app.core.domain.errors import ValidationError

_MISSING = object()


class PolicyError(ValidationError):
    """A policy (or household input) file has one or more mistakes; ``problems`` lists each one."""

    def __init__(self, source: str, problems: list[str]):
        self.source = source
        self.problems = list(problems)
        head = f"{source}: " if source else ""
        text = "\n".join(f"{head}{p}" for p in self.problems)
        super().__init__(text, problems[0].split(":", 1)[0] if problems else None)


class Problems:
    """Accumulates ``key: message`` lines; :meth:`raise_if_any` turns them into one PolicyError."""

    def __init__(self, source: str):
        self.source = source
        self.items: list[str] = []
        self.warnings: list[str] = []  # not errors: the file loads, but HQ should look (e.g. pct = 0.2)

    def add(self, key: str, message: str) -> None:
        """Record one problem found at ``key`` (a path such as ``items[3].ratio``)."""
        self.items.append(f"{key}: {message}" if key else message)

    def warn(self, key: str, message: str) -> None:
        """Record a warning at ``key``: the value is accepted but probably not what was meant."""
        self.warnings.append(f"{key}: {message}" if key else message)

    def raise_if_any(self) -> None:
        """Raise a PolicyError listing every problem, if there were any."""
        if self.items:
            raise PolicyError(self.source, self.items)


def _type_name(value: Any) -> str:
    return {str: "文本", bool: "真假值", int: "整数", list: "列表", dict: "表"}.get(type(value), type(value).__name__)


class Table:
    """One mapping read at ``path``; every getter returns a default and records a problem on error."""

    def __init__(self, data: Any, path: str, problems: Problems):
        self.path = path
        self.problems = problems
        if not isinstance(data, dict):
            problems.add(path, f"应为表（键值对），实际是{_type_name(data)}")
            data = {}
        self.data: dict = data
        self._read: dict[str, None] = {}  # keys read, in reading order (listed when a key is unknown)
        # What this table is, for the unknown-key message ("房屋价值补偿（house_value）类项目"); set by the loader.
        self.owner: str = ""
        # Other places a key would be valid (key → "use_change、cash_subsidy 类项目"); set by the loader.
        self.elsewhere: dict[str, str] = {}

    def key(self, name: str) -> str:
        """The full key path of ``name`` inside this table."""
        return f"{self.path}.{name}" if self.path else name

    def has(self, name: str) -> bool:
        """Whether the key is present (marks it as read)."""
        self._read[name] = None
        return name in self.data

    def _get(self, name: str, required: bool) -> Any:
        self._read[name] = None
        if name in self.data:
            return self.data[name]
        if required:
            self.problems.add(self.key(name), "缺少此项（必填）")
        return _MISSING

    def fail(self, name: str, message: str) -> None:
        """Record a problem for key ``name`` of this table."""
        self.problems.add(self.key(name), message)

    def text(self, name: str, required: bool = True, default: str | None = None) -> str | None:
        """A non-empty string."""
        value = self._get(name, required)
        if value is _MISSING:
            return default
        if not isinstance(value, str) or not value.strip():
            self.fail(name, f"应为非空文本，实际是{_type_name(value)} {value!r}")
            return default
        return value.strip()

    def choice(self, name: str, choices: Iterable[str], required: bool = True, default: str | None = None) -> str | None:
        """A string that must be one of ``choices``."""
        choices = tuple(choices)
        value = self.text(name, required, None)
        if value is None:
            return default
        if value not in choices:
            self.fail(name, f"“{value}”不是可选值，应为: {'、'.join(choices)}")
            return default
        return value

    def decimal(self, name: str, required: bool = True, default: Decimal | None = None,
                minimum: Decimal | None = Decimal(0), maximum: Decimal | None = None) -> Decimal | None:
        """An exact number: TOML/JSON integer, decimal (parsed as Decimal, never float) or numeric string."""
        value = self._get(name, required)
        if value is _MISSING:
            return default
        percent = is_percent_key(name)
        if isinstance(value, str) and value.strip().endswith("%"):
            if not percent:
                self.fail(name, f"“{value}”带百分号，但此项是比例或数值，不是百分数：比例写小数（如 20% 写作 0.2）")
                return default
            value = value.strip()[:-1]  # "20%" is what HQ means by pct = 20
        number = to_decimal(value)
        if number is None:
            self.fail(name, f"应为数字（如 \"13670\" 或 0.5），实际是{_type_name(value)} {value!r}")
            return default
        if percent and 0 < number < 1:
            meant = f"{(number * 100).normalize():f}"
            self.problems.warn(self.key(name), f"{number} 表示 {number}%，是否想写 {meant}%？"
                                               f"（百分数直接写 {meant} 或 \"{meant}%\"）")
        if minimum is not None and number < minimum:
            self.fail(name, f"不能小于 {minimum}，实际是 {number}")
            return default
        if maximum is not None and number > maximum:
            self.fail(name, f"不能大于 {maximum}，实际是 {number}")
            return default
        return number

    def integer(self, name: str, required: bool = True, default: int | None = None, minimum: int = 0) -> int | None:
        """A whole number ≥ ``minimum``."""
        value = self._get(name, required)
        if value is _MISSING:
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            number = to_decimal(value)
            if number is None or number != number.to_integral_value():
                self.fail(name, f"应为整数，实际是{_type_name(value)} {value!r}")
                return default
            value = int(number)
        if value < minimum:
            self.fail(name, f"不能小于 {minimum}，实际是 {value}")
            return default
        return value

    def boolean(self, name: str, required: bool = False, default: bool = False) -> bool:
        """true / false."""
        value = self._get(name, required)
        if value is _MISSING:
            return default
        if not isinstance(value, bool):
            self.fail(name, f"应为 true 或 false，实际是{_type_name(value)} {value!r}")
            return default
        return value

    def date(self, name: str, required: bool = True, default: dt.date | None = None) -> dt.date | None:
        """A date: TOML date literal (2023-06-30) or ISO text "2023-06-30"."""
        value = self._get(name, required)
        if value is _MISSING:
            return default
        parsed = to_date(value)
        if parsed is None:
            self.fail(name, f"应为日期（如 2023-06-30），实际是 {value!r}")
            return default
        return parsed

    def text_list(self, name: str, required: bool = False, choices: Iterable[str] | None = None,
                  default: tuple[str, ...] = ()) -> tuple[str, ...]:
        """A list of strings, each optionally limited to ``choices``."""
        value = self._get(name, required)
        if value is _MISSING:
            return default
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(name, f"应为文本列表（如 [\"cash\", \"exchange\"]），实际是 {value!r}")
            return default
        if choices is not None:
            allowed = tuple(choices)
            for index, item in enumerate(value):
                if item not in allowed:
                    self.problems.add(f"{self.key(name)}[{index}]", f"“{item}”不是可选值，应为: {'、'.join(allowed)}")
                    return default
        return tuple(value)

    def decimal_map(self, name: str, required: bool = True, keys: Iterable[str] | None = None,
                    maximum: Decimal | None = None) -> dict[str, Decimal]:
        """A table of name → number, e.g. ``{ simple = 300, fine = 1000 }``."""
        value = self._get(name, required)
        if value is _MISSING:
            return {}
        if not isinstance(value, dict) or not value:
            self.fail(name, f"应为非空的“名称 = 数字”表，实际是 {value!r}")
            return {}
        allowed = tuple(keys) if keys is not None else None
        out: dict[str, Decimal] = {}
        for key, raw in value.items():
            if allowed is not None and key not in allowed:
                self.problems.add(f"{self.key(name)}.{key}", f"不是可选的名称，应为: {'、'.join(allowed)}")
                continue
            number = to_decimal(raw)
            if number is None or number < 0 or (maximum is not None and number > maximum):
                limit = f"0 到 {maximum} 之间的" if maximum is not None else "非负"
                self.problems.add(f"{self.key(name)}.{key}", f"应为{limit}数字，实际是 {raw!r}")
                continue
            out[key] = number
        return out

    def table(self, name: str, required: bool = True) -> Table | None:
        """A nested table."""
        value = self._get(name, required)
        if value is _MISSING:
            return None
        return Table(value, self.key(name), self.problems)

    def tables(self, name: str, required: bool = False) -> list[Table]:
        """An array of tables (``[[items]]``), each with a path like ``items[3]``."""
        value = self._get(name, required)
        if value is _MISSING:
            return []
        if not isinstance(value, list):
            self.fail(name, f"应为表的数组（[[{name}]]），实际是{_type_name(value)}")
            return []
        return [Table(item, f"{self.key(name)}[{index}]", self.problems) for index, item in enumerate(value)]

    def finish(self) -> None:
        """Report keys that were never read, saying which keys this table does have (and, when the key
        belongs to another kind of item, which) rather than guessing at a misspelling."""
        for name in self.data:
            if name not in self._read:
                where = self.owner or "此处"
                known = "、".join(self._read) or "（无）"
                message = f"未知的键：{where}没有键“{name}”，此项不会被使用；它的键是: {known}"
                if name in self.elsewhere:
                    message += f"（“{name}”是{self.elsewhere[name]}的键）"
                self.problems.add(self.key(name), message)


def is_percent_key(name: str) -> bool:
    """Keys written in percent units (``pct = 20`` means 20%): ``pct``, ``bonus_pct`` and any ``*_pct``."""
    return name == "pct" or name.endswith("_pct")


def to_decimal(value: Any) -> Decimal | None:
    """Exact Decimal for an int, Decimal or numeric string; None for anything else (floats included)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, str):
        text = value.strip()
        # Only plain decimals, with commas only as thousands groups ("1,200.50"): "12,5" is not 125 and
        # "1e3" is not a way anyone writes an area, so both are refused rather than read as something else.
        if not _NUMBER.fullmatch(text):
            return None
        try:
            number = Decimal(text.replace(",", ""))
        except (InvalidOperation, ValueError):
            return None
        return number if number.is_finite() else None
    return None


_NUMBER = re.compile(r"[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")


def to_date(value: Any) -> dt.date | None:
    """A date from a TOML date or ISO text; None if it is neither."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None
