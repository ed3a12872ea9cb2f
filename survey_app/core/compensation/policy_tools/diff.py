"""``policy diff``: what changed from one policy version to the next, in plain Chinese.

Items are matched by ``code``; rows inside an item by what names them (a tier by its date, a fixture
by kind/sub-kind, a menu entry or flat by its code/key), anything else by position. Every changed
value is shown old → new with the key's Chinese name. Reads the files as written (``Policy.data``).
Pure; safe from any thread.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from survey_app.core.compensation.inputs import LEGALITY, MODES, USES
from survey_app.core.compensation.policy import Policy
from survey_app.core.compensation.policy_tools.explain import explain_item
from survey_app.core.compensation.policy_tools.wording import (
    GRADE_NAMES,
    HARDSHIP_NAMES,
    MODE_KEY_NAMES,
    STRUCTURE_NAMES,
    key_name,
    value_text,
)

ADDED, REMOVED, CHANGED = "added", "removed", "changed"
_SECTIONS = (("version", "版本名称"), ("project", "项目信息"), ("rounding", "取整"), ("documents", "协议条款"))


@dataclass(frozen=True)
class Change:
    """One difference. ``where`` names the place (``临时安置费（transition）``), ``text`` says what."""

    change: str  # added | removed | changed
    where: str
    text: str

    def as_text(self) -> str:
        mark = {ADDED: "＋", REMOVED: "－", CHANGED: "～"}[self.change]
        return f"{mark} {self.where}：{self.text}"


def diff(old: Policy, new: Policy) -> list[Change]:
    """Differences from ``old`` to ``new``: general sections, modes, items (added, removed, changed), caps."""
    a, b = old.data, new.data
    out: list[Change] = []
    for key, title in _SECTIONS:
        va, vb = a.get(key), b.get(key)
        if va != vb and not (isinstance(va, dict) and isinstance(vb, dict)):
            out.append(Change(CHANGED, title, f"{value_text(va)} → {value_text(vb)}"))
        elif va != vb:
            out += [Change(CHANGED, title, t) for t in _walk(va, vb, "")]
    modes_a, modes_b = a.get("modes") or {}, b.get("modes") or {}
    for mode in list(modes_a) + [m for m in modes_b if m not in modes_a]:
        title = MODES.get(mode, mode)
        if mode not in modes_b:
            out.append(Change(REMOVED, title, "不再提供此安置方式"))
        elif mode not in modes_a:
            out.append(Change(ADDED, title, "新增此安置方式"))
        else:
            out += [Change(CHANGED, title, t) for t in _walk(modes_a[mode], modes_b[mode], "")]
    out += _keyed(a.get("items") or [], b.get("items") or [], "项目", describe=True)
    out += _keyed(a.get("caps") or [], b.get("caps") or [], "封顶", describe=False)
    return out


def diff_text(old: Policy, new: Policy) -> str:
    """The differences, one per line (or a line saying there are none)."""
    changes = diff(old, new)
    if not changes:
        return "两个版本的内容相同" if old.hash == new.hash else "两个版本的补偿规则相同（仅格式或顺序不同）"
    return "\n".join(c.as_text() for c in changes)


def _name(row: dict) -> str:
    code = row.get("code", "")
    return f"{row.get('label') or code}（{code}）"


def _keyed(rows_a: list, rows_b: list, what: str, describe: bool) -> list[Change]:
    by_a = {r.get("code"): r for r in rows_a if isinstance(r, dict)}
    by_b = {r.get("code"): r for r in rows_b if isinstance(r, dict)}
    out = []
    for code, row in by_a.items():
        if code not in by_b:
            out.append(Change(REMOVED, _name(row), f"删除此{what}"))
    for code, row in by_b.items():
        if code not in by_a:
            text = explain_item(row).text if describe else f"新增此{what}"
            out.append(Change(ADDED, _name(row), text))
        else:
            out += [Change(CHANGED, _name(row), t) for t in _walk(by_a[code], row, "")]
    order_a = [c for c in by_a if c in by_b]
    order_b = [c for c in by_b if c in by_a]
    if order_a != order_b:
        out.append(Change(CHANGED, f"{what}顺序", "、".join(order_a) + " → " + "、".join(order_b)))
    return out


# Keys of a name → value table are named by what the table holds (``dibao`` under 各类金额 is 低保).
_TABLE_KEYS = {"搬迁次数": MODE_KEY_NAMES, "月数": MODE_KEY_NAMES, "各类金额": HARDSHIP_NAMES,
               "按所选套数的增加百分比": {"0": "全部货币补偿", "1": "选一套", "2": "选两套"},
               "各楼型过渡期限（月）": {"multi_storey": "多层", "high_rise": "高层"},
               "按装修等级的单价": GRADE_NAMES, "按结构的单价": STRUCTURE_NAMES, "按用途的单价": USES, "比例": LEGALITY}


def _label(path: str, key: str) -> str:
    names = _TABLE_KEYS.get(path.rsplit(" ", 1)[-1], {})
    name = names.get(key) or key_name(key)
    return f"{path} {name}".strip()


def _walk(a: Any, b: Any, path: str) -> Iterator[str]:
    """Texts for each difference between two values at ``path`` (a Chinese key path)."""
    if a == b:
        return
    if isinstance(a, dict) and isinstance(b, dict):
        for key in list(a) + [k for k in b if k not in a]:
            where = _label(path, key)
            if key not in b:
                yield f"{where}：删除（原为 {value_text(a[key], key)}）"
            elif key not in a:
                yield f"{where}：新增 {value_text(b[key], key)}"
            elif a[key] != b[key]:
                yield from _walk(a[key], b[key], where) if _nested(a[key], b[key]) else _leaf(a[key], b[key], where, key)
        return
    if isinstance(a, list) and isinstance(b, list) and all(isinstance(x, dict) for x in a + b) and (a or b):
        yield from _rows(a, b, path)
        return
    if isinstance(a, list) and isinstance(b, list):
        gone = [x for x in a if x not in b]
        came = [x for x in b if x not in a]
        parts = ([f"增加 {value_text(came)}"] if came else []) + ([f"去掉 {value_text(gone)}"] if gone else [])
        yield f"{path}：" + ("；".join(parts) or f"顺序 {value_text(a)} → {value_text(b)}")
        return
    yield from _leaf(a, b, path, path.rsplit(" ", 1)[-1])


def _nested(a: Any, b: Any) -> bool:
    return (isinstance(a, dict) and isinstance(b, dict)) or (isinstance(a, list) and isinstance(b, list))


def _leaf(a: Any, b: Any, where: str, key: str) -> Iterator[str]:
    from survey_app.core.compensation.fields import to_decimal

    da, db = to_decimal(str(a).rstrip("%")) if not isinstance(a, bool) else None, \
        to_decimal(str(b).rstrip("%")) if not isinstance(b, bool) else None
    if da is not None and db is not None and da == db:
        return  # "15" and 15.00 are the same number: not a change of rule
    yield f"{where}：{value_text(a, key)} → {value_text(b, key)}"


def _row_id(row: dict) -> str:
    for key in ("code", "key", "until"):
        if key in row:
            return value_text(row[key])
    if "kind" in row:
        return f"{row['kind']}/{row.get('sub_kind') or '*'}"
    return ""


def _rows(a: list[dict], b: list[dict], path: str) -> Iterator[str]:
    ids_a, ids_b = [_row_id(r) for r in a], [_row_id(r) for r in b]
    if path.endswith(key_name("tiers")):  # the open last tier has no ``until``: it is the tier “此后”
        ids_a, ids_b = [i or "此后" for i in ids_a], [i or "此后" for i in ids_b]
    named = all(ids_a + ids_b) and len(set(ids_a)) == len(ids_a) and len(set(ids_b)) == len(ids_b)
    if not named:  # bands and the like: by position
        ids_a = [f"第 {i + 1} 档" for i in range(len(a))]
        ids_b = [f"第 {i + 1} 档" for i in range(len(b))]
    left, right = dict(zip(ids_a, a)), dict(zip(ids_b, b))
    for rid, row in left.items():
        if rid not in right:
            yield f"{path}「{rid}」：删除（原为 {value_text(row)}）"
    for rid, row in right.items():
        if rid not in left:
            yield f"{path}「{rid}」：新增 {value_text(row)}"
        else:
            yield from _walk(left[rid], row, f"{path}「{rid}」")
