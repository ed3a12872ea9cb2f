"""Formulas as a family reads them: ``max(…, 1,200 元/月)`` becomes "不低于每月 1,200 元".

The engine writes a line's formula with its numbers (``max(33.77 m² × 15 元/m²·月, 1,200 元/月) × 6 月``).
A printed agreement or calculation sheet is read by households, not programmers, so every ``max(a, b)``
is written "a（不低于 b）" and every ``min(a, b)`` "a（不超过 b）" — the same numbers, in words. A text
without max/min is returned unchanged; a malformed one (unbalanced brackets) is left as it is rather
than guessed at. Pure functions, no reportlab: the screen (compensation page) uses them too.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_CALL = re.compile(r"\b(max|min)\(")
_OPERATOR = re.compile(r"[×÷+]|\s[−-]\s")
_UNIT_AFTER = re.compile(r"^ ?(m²|元/月|元/户|元|月|次)")
_WORD = {"max": "不低于", "min": "不超过"}


def _split_args(text: str, start: int) -> tuple[list[str], int] | None:
    """The two top-level arguments of the call whose "(" is at ``start - 1``, and the index after ")"."""
    depth, args, begin = 0, [], start
    for i in range(start, len(text)):
        ch = text[i]
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            if depth == 0:
                args.append(text[begin:i].strip())
                return (args, i + 1) if len(args) == 2 else None
            depth -= 1
        elif ch == "," and depth == 0 and text[i + 1:i + 2] == " ":
            args.append(text[begin:i].strip())
            begin = i + 1
    return None


def _bound(word: str, value: str, unit: str) -> str:
    """"不低于 1,000 元"; a monthly amount reads "不低于每月 1,200 元"."""
    if value.endswith(" 元/月"):
        return f"{word}每月 {value[:-4]} 元"
    if unit and not value.endswith(unit):
        value = f"{value} {unit}"
    return f"{word} {value}"


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def _plain(fn: str, first: str, second: str, unit: str) -> str | None:
    """Two bare numbers (``max(33.77, 45) m²``): say which one counts — "45 m²（实有 33.77 m²，不足 45 m²
    按 45 m² 计）" — because the reader sees the number used next to the one measured."""
    a, b = _number(first.removesuffix(f" {unit}")), _number(second.removesuffix(f" {unit}"))
    if a is None or b is None:
        return None
    raw_a, raw_b = first.removesuffix(f" {unit}"), second.removesuffix(f" {unit}")
    u = f" {unit}" if unit else ""
    if fn == "max":
        return f"{raw_a}{u}（不低于 {raw_b}{u}）" if a >= b else f"{raw_b}{u}（实有 {raw_a}{u}，不足 {raw_b}{u} 按 {raw_b}{u} 计）"
    return f"{raw_a}{u}（不超过 {raw_b}{u}）" if a <= b else f"{raw_b}{u}（实有 {raw_a}{u}，超过 {raw_b}{u} 的部分不计）"


def formula_words(text: str) -> str:
    """``text`` with every ``max(a, b)`` / ``min(a, b)`` written in words (innermost first)."""
    for _ in range(8):  # nested calls are rare; a bound keeps a malformed text from looping
        calls = list(_CALL.finditer(text))
        if not calls:
            return text
        done = False
        for match in reversed(calls):  # the last call is never the outer one of an earlier call
            parsed = _split_args(text, match.end())
            if parsed is None:
                continue
            (first, second), end = parsed
            unit_match = _UNIT_AFTER.match(text[end:])
            unit = unit_match.group(1) if unit_match else ""
            if unit:
                end += unit_match.end()
                if not first.endswith(unit):
                    first = f"{first} {unit}"
            words = _plain(match.group(1), first, second, unit)
            if words is None:
                bound = _bound(_WORD[match.group(1)], second, unit)
                words = f"（{first}，{bound}）" if _OPERATOR.search(first) else f"{first}（{bound}）"
            text = text[:match.start()] + words + text[end:]
            done = True
            break
        if not done:
            return text
    return text
