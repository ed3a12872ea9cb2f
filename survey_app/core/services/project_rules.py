"""Checks on a project's fields (projects.py): Chinese messages naming the field, normalised values back.

The project code names every bundle and enrolment file (``FR2023_D01_enrollment.saenroll``), so it is
kept to letters, digits, ``-`` and ``_``. Passwords of a real project's administrator: at least 8
characters and none of the passwords printed in the demo's README (a real project must not be opened
with a password anyone can read).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from survey_app.core.domain.errors import ValidationError

CODE_RE = re.compile(r"^[A-Z0-9][A-Z0-9_-]{1,31}$")
SECTION_CODE_RE = re.compile(r"^[^\s/\\]{1,32}$")
ADMIN_MIN_LENGTH = 8
# The demo's published passwords (demo/project.py DEMO_USERS, demo/sync_demo.py), never a real one.
DEMO_PASSWORDS = frozenset({"hq123456", "review123", "worker123", "worker2pw", "hq-demo-2023", "field-demo-2023"})


@dataclass(frozen=True)
class Section:
    """A 片区/地块 of the project: ``code`` is what households carry (e.g. A1), ``name`` what people say."""

    code: str
    name: str


def clean_text(value: Any, label: str, field: str, limit: int, *, required: bool = False) -> str:
    text = " ".join(str(value or "").split())
    if required and not text:
        raise ValidationError(f"请填写{label}", field)
    if len(text) > limit:
        raise ValidationError(f"{label}最多{limit}个字", field)
    return text


def clean_code(code: Any) -> str:
    text = str(code or "").strip().upper()
    if not text:
        raise ValidationError("请填写项目编号", "code")
    if not CODE_RE.match(text):
        raise ValidationError("项目编号只能用英文字母、数字、“-”和“_”，2至32位，如 FR2024-01", "code")
    return text


def check_dates(valuation: dt.date | None, start: dt.date | None, end: dt.date | None) -> None:
    if start and end and end < start:
        raise ValidationError("签约期结束日期早于开始日期", "signing_end")
    if valuation and start and start < valuation:
        raise ValidationError("签约开始日期早于评估时点", "signing_start")


def check_target(value: Any) -> Decimal | None:
    """货币化安置目标 in percent: 0–100, at most two decimals (None: no target set)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, float):
        raise ValidationError("货币化安置目标须为精确数字", "cash_target_pct")
    try:
        pct = Decimal(str(value).strip().rstrip("%").strip())
    except InvalidOperation:
        raise ValidationError("货币化安置目标须为0到100之间的数字", "cash_target_pct") from None
    if not pct.is_finite() or pct < 0 or pct > 100:
        raise ValidationError("货币化安置目标须为0到100之间的数字", "cash_target_pct")
    if pct != pct.quantize(Decimal("0.01")):
        raise ValidationError("货币化安置目标最多两位小数", "cash_target_pct")
    return pct.quantize(Decimal("0.01"))


def clean_sections(items: Any) -> tuple[Section, ...]:
    """Sections from Section objects, {"code", "name"} dicts or strings ("A1=一组", "A1:一组" or "一组")."""
    out: list[Section] = []
    for item in items or ():
        if isinstance(item, Section):
            code, name = item.code, item.name
        elif isinstance(item, dict):
            code, name = str(item.get("code") or ""), str(item.get("name") or "")
        else:
            text = str(item)
            sep = "=" if "=" in text else (":" if ":" in text else ("：" if "：" in text else None))
            code, name = text.split(sep, 1) if sep else (text, text)
        code, name = code.strip(), " ".join(name.split())
        if not code and not name:
            continue
        code = code or name
        name = name or code
        if not SECTION_CODE_RE.match(code):
            raise ValidationError(f"片区编号“{code}”不能含空格或斜杠，最多32个字符", "sections")
        if len(name) > 64:
            raise ValidationError(f"片区名称“{name[:10]}…”最多64个字", "sections")
        if any(s.code == code for s in out):
            raise ValidationError(f"片区编号“{code}”重复", "sections")
        out.append(Section(code, name))
    return tuple(out)


def check_admin(username: Any, password: str) -> str:
    """The first administrator's name and password; returns the stripped name."""
    name = str(username or "").strip()
    if not name or len(name) > 64 or any(c.isspace() for c in name):
        raise ValidationError("管理员用户名不能为空，不能含空格，最多64个字符", "admin_username")
    password = password or ""
    if len(password) < ADMIN_MIN_LENGTH:
        raise ValidationError(f"管理员密码至少{ADMIN_MIN_LENGTH}位", "admin_password")
    if password in DEMO_PASSWORDS:
        raise ValidationError("不能使用演示项目的密码，请另设一个密码", "admin_password")
    if password.lower() == name.lower():
        raise ValidationError("密码不能与用户名相同", "admin_password")
    return name
