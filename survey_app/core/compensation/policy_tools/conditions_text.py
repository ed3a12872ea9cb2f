"""``when = { … }`` conditions in plain Chinese, for ``policy explain`` (see conditions.py for their meaning).

``仅限：个人；合法面积不足 40 m²；2023-06-01 至 2023-06-30 签约`` — each key a phrase, in the order of the
vocabulary; a key this module does not know is named as written, so nothing is hidden. Pure.
"""

from __future__ import annotations

from typing import Any

from survey_app.core.compensation.conditions import KEYS
from survey_app.core.compensation.inputs import DELIVERY, LEGALITY, MODES, OWNER_TYPES, USES
from survey_app.core.compensation.policy_tools.wording import names, number, value_text

_LISTS = {"owner_type": ("被征收人为", OWNER_TYPES), "mode": ("选择", MODES), "delivery": ("安置房为", DELIVERY),
          "use": ("只计用途为", USES), "legality": ("只计", LEGALITY), "part_category": ("只计类别为", None)}
_AREAS = {"area_min": "合法面积 {} m² 以上（含）", "area_max": "合法面积 {} m² 以下（含）",
          "area_under": "合法面积不足 {} m²", "area_over": "合法面积超过 {} m²",
          "part_area_min": "只计面积 {} m² 以上（含）的房屋", "part_area_max": "只计面积 {} m² 以下（含）的房屋"}


def conditions_text(when: Any) -> str:
    """``（仅限：…）`` for an item's ``when`` table; '' when there is none."""
    if not isinstance(when, dict) or not when:
        return ""
    phrases = []
    for key in [k for k in KEYS if k in when] + [k for k in when if k not in KEYS]:
        value = when[key]
        if key in _LISTS:
            lead, table = _LISTS[key]
            items = value if isinstance(value, list) else [value]
            said = names(items, table) if table else "、".join(f"“{v}”" for v in items)
            phrases.append(f"{lead}{said}" + ("的房屋" if key in ("use", "legality", "part_category") else "的"))
        elif key in _AREAS:
            phrases.append(_AREAS[key].format(number(value)))
        elif key == "has_business":
            phrases.append("有经营（营业执照）" if value else "没有经营")
        elif key == "hukou_here":
            phrases.append("家中有人户籍在本地" if value else "家中无人户籍在本地")
        elif key == "signed_from":
            phrases.append(f"{value_text(value)} 起（含）签约")
        elif key == "signed_until":
            phrases.append(f"{value_text(value)} 前（含）签约")
        elif key in ("house_type", "not_house_type"):
            items = value if isinstance(value, list) else [value]
            said = "、".join(f"“{v}”" for v in items)
            phrases.append(f"有类别为{said}的房屋的户" if key == "house_type" else f"没有类别为{said}的房屋的户")
        elif key == "handed_over_by":
            phrases.append(f"以 {value_text(value)} 前（含）腾空交房为条件，尚未交房时照此测算")
        elif key == "flat_site":
            items = value if isinstance(value, list) else [value]
            phrases.append("选择产权调换且所选安置房都在" + "、".join(f"“{v}”" for v in items))
        elif key == "agreement_effective":
            phrases.append("以协议生效为前提，签约时照常测算")
        else:
            phrases.append(f"{key} {value_text(value, key)}")
    return "（仅限：" + "；".join(phrases) + "）"
