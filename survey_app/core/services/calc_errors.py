"""Engine refusals said to a person: one Chinese message naming each section and field, never a key.

The engine and its input reader name problems by internal key (``appraisal.unit_price.commercial: …``,
``building_parts[1].legality: …``) because policy authors and the CLI need the exact place. The
calculation service turns those keys into the survey's own words (评估 · 评估单价) and lists them all.
"""

from __future__ import annotations

import re

from survey_app.core.compensation.fields import PolicyError
from survey_app.core.compensation.inputs import USES
from survey_app.core.domain.errors import ValidationError

SECTIONS = {"building_parts": "建筑部分", "fixtures": "附属物", "extra_items": "其他地上物", "business": "经营",
            "appraisal": "评估", "members": "家庭成员", "share": "产权", "land_area": "产权", "flat_choices": "安置房",
            "mode": "安置方式", "delivery": "安置房", "household_code": "住户", "head_name": "住户"}
FIELDS = {"area": "面积", "use": "用途", "legality": "合法性认定", "structure": "结构", "decoration_grade": "装修",
          "actual_use": "实际用途", "unit_price": "评估单价", "count": "数量", "value": "评估值", "kind": "种类",
          "quantity": "数量", "code": "项目", "annual_profit": "年利润", "uscc": "统一社会信用代码",
          "id_number": "身份证号", "relation": "关系", "name": "姓名", "share": "份额", "land_area": "宅基地面积",
          "flat_choices": "户型", "mode": "安置方式", "delivery": "交付方式", "temporary_term_valid": "临建批准期限",
          "decoration_value": "装修评估值", "decoration_unit_price": "装修评估单价"}
_KEY = re.compile(r"^([a-z_]+)(?:\[(\d+)\])?((?:\.[a-z_]+)*)$")


def place(key: str) -> str | None:
    """``building_parts[1].legality`` → ``建筑部分（第2项） · 合法性认定``; None when it is not a key."""
    m = _KEY.match(key.strip())
    if not m or m.group(1) not in SECTIONS:
        return None
    words = [SECTIONS[m.group(1)] + (f"（第{int(m.group(2)) + 1}项）" if m.group(2) is not None else "")]
    for name in [n for n in m.group(3).split(".") if n]:
        words.append(FIELDS.get(name) or USES.get(name) or name)
    if len(words) == 1 and m.group(1) in FIELDS and words[0] != FIELDS[m.group(1)]:
        words.append(FIELDS[m.group(1)])
    return " · ".join(words)


_ITEM = re.compile(r"^items\[(\d+)\]（([^）]*)）: (.*)$", re.S)


def _line(text: str) -> str:
    item = _ITEM.match(text.strip())
    if item:  # an engine refusal naming the policy item: the survey's words, then which item it was
        return f"{_line(item.group(3))}（方案第 {int(item.group(1)) + 1} 项 {item.group(2)}）"
    key, sep, rest = text.partition(": ")
    where = place(key) if sep else None
    return f"{where}：{rest.strip()}" if where else text.strip()


def in_chinese(exc: ValidationError, household_code: str) -> ValidationError:
    """One ValidationError listing every engine problem of ``exc`` in the survey's words."""
    raw = exc.problems if isinstance(exc, PolicyError) else [str(exc)]
    lines = list(dict.fromkeys(_line(t) for t in raw))
    text = "\n".join(f"{n}. {line}" for n, line in enumerate(lines, 1))
    return ValidationError(f"户 {household_code} 无法测算，请先改正：\n{text}")
