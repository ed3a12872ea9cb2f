"""A household's wanted flats (选房组合, households.flat_choices, 0015) as stored: a JSON list of combinations,
each a list of flat keys (``[["A60", "C45"], ["H90@5"]]``; ``"[]"`` for none). One canonical text, so a save
that changes nothing writes nothing and HQ compares the same bytes. The engine checks the keys against the
policy (compensation.compiled.CompiledPolicy.choice); here only the shape."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from survey_app.core.domain.errors import ValidationError

EMPTY = "[]"


def dump(choices: Iterable[Sequence[str]]) -> str:
    """The stored text of ``choices`` (keys stripped, empty keys and empty combinations left out)."""
    rows = [[k.strip() for k in choice if k and k.strip()] for choice in choices]
    return json.dumps([r for r in rows if r], ensure_ascii=False, separators=(",", ":"))


def load(text: str | None) -> list[list[str]]:
    """The stored combinations; a ValidationError (Chinese) for text the app never writes."""
    try:
        data = json.loads(text or EMPTY)
    except ValueError:
        raise ValidationError("flat_choices: 选房组合的存储格式有误（不是 JSON）", "flat_choices") from None
    if not isinstance(data, list) or not all(
            isinstance(c, list) and c and all(isinstance(k, str) and k for k in c) for c in data):
        raise ValidationError("flat_choices: 选房组合的存储格式有误（应为户型键列表的列表）", "flat_choices")
    return [list(c) for c in data]
