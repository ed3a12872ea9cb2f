"""The plain-Chinese sentence for an item's ``minimum`` / ``maximum`` (``policy explain``)."""

from __future__ import annotations

from typing import Any

from survey_app.core.compensation.policy_tools.wording import money


def limits_text(item: Any, kind: str) -> str:
    """``此项每户最少 30,000 元、最多 3,000,000 元（按此项金额，不足最低额的按最低额、超过最高额的按最高额）。``

    ``item`` is the explained item's table (a dict whose ``get`` marks keys used). For ``moving`` the
    ``minimum`` is the least per move, said by the moving sentence itself."""
    low = None if kind == "moving" else item.get("minimum")
    high = item.get("maximum")
    parts, rule = [], []
    if low is not None:
        parts.append(f"最少 {money(low)}")
        rule.append("不足最低额的按最低额")
    if high is not None:
        parts.append(f"最多 {money(high)}")
        rule.append("超过最高额的按最高额")
    if not parts:
        return ""
    return f"此项每户{'、'.join(parts)}（{'、'.join(rule)}；分处计算的先相加为一行）。"
