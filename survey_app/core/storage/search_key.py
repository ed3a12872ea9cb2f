"""The text the household search box matches: code, name, pinyin (full and initials), ID, phone, address.

pypinyin loads large dictionaries, so it is imported on first use, not at start-up.
"""

from __future__ import annotations

import os
from functools import lru_cache

SEPARATOR = "\x1f"  # never typed by a user, so a search cannot match across two fields


# Surnames whose reading differs from the character's most common one (曾 is "ceng" in
# 曾经 but "zeng" as a name). Checked before the general dictionary.
SURNAME_READINGS = {
    "曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "区": "ou", "朴": "piao", "查": "zha", "缪": "miao",
    "翟": "zhai", "覃": "qin", "盖": "ge", "乐": "yue", "尉": "yu", "员": "yun", "种": "chong", "卜": "bu",
    "长孙": "zhangsun", "尉迟": "yuchi", "万俟": "moqi", "单于": "chanyu", "重": "chong", "折": "she",
}


@lru_cache(maxsize=8192)
def _char_pinyin(ch: str) -> str:
    # Names are read one character at a time, where pypinyin's phrase dictionary never changes a reading (the
    # same first reading for all 41,923 characters it knows, checked with and without it). Loading it and
    # training the segmenter on it costs ~0.25 s at a process's first household: pypinyin's own switch skips it.
    os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")
    from pypinyin import Style, lazy_pinyin

    syllables = lazy_pinyin(ch, style=Style.NORMAL, errors="ignore")
    return syllables[0].lower() if syllables else ""


def name_pinyin(name: str) -> tuple[str, str]:
    """Full pinyin without tones and initials of a Chinese name: 张伟 → ("zhangwei", "zw").

    Names are read character by character (names rarely form dictionary phrases), with the
    surname's own reading first; ASCII letters and digits are kept as they are.
    """
    syllables: list[str] = []
    rest = name or ""
    for surname in (rest[:2], rest[:1]):
        if surname and surname in SURNAME_READINGS:
            syllables.append(SURNAME_READINGS[surname])
            rest = rest[len(surname):]
            break
    for ch in rest:
        if ch.isascii():
            if ch.isalnum():
                syllables.append(ch.lower())
            continue
        py = _char_pinyin(ch)
        if py:
            syllables.append(py)
    return "".join(syllables), "".join(s[0] for s in syllables)


def household_search_fields(code: str, name: str, id_number: str, phone: str, address: str) -> tuple[str, str, str]:
    """(pinyin, initials, search_key) for a household."""
    pinyin, initials = name_pinyin(name or "")
    key = SEPARATOR.join(x or "" for x in (code, name, pinyin, initials, id_number, phone, address)).lower()
    return pinyin, initials, key
