"""Test helper: evaluate a line's written-out formula (``58.32 m² × 13,670 元/m² × 1 = 797,234``) and say
whether its left-hand side rounds to the amount on its right.

Units, notes in （…） and words are dropped; ×, ÷, −, %, min() and max() are understood; the rest is
refused. A restricted AST walk (no eval). Used to prove that what a household reads adds up."""

from __future__ import annotations

import ast
import re
from decimal import ROUND_HALF_UP, Decimal

_OPS = {ast.Mult: lambda a, b: a * b, ast.Div: lambda a, b: a / b,
        ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b}


def _value(node: ast.AST) -> Decimal:
    if isinstance(node, ast.Expression):
        return _value(node.body)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return Decimal(ast.get_source_segment(_value.source, node) or str(node.value))  # type: ignore[attr-defined]
    if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
        return _OPS[type(node.op)](_value(node.left), _value(node.right))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_value(node.operand)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("min", "max"):
        return (min if node.func.id == "min" else max)(_value(arg) for arg in node.args)
    raise ValueError(f"not a formula term: {ast.dump(node)}")


def evaluate(lhs: str) -> Decimal:
    """The exact value of a formula's left-hand side."""
    text = re.sub(r"（[^）]*）", "", lhs)                     # notes: （中档装修）, （违法建筑）
    text = re.sub(r"元/[^\s,)]+", "", text).replace("m²", "")  # units
    text = text.replace("×", "*").replace("÷", "/").replace("−", "-")
    text = re.sub(r"[^0-9.,()+\-*/%a-z ]", "", text)           # words: 评估值, 人, 块 …
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)              # thousands separators
    text = re.sub(r"(\d+(?:\.\d+)?)%", r"(\1/100)", text).strip()
    _value.source = text  # type: ignore[attr-defined]
    return _value(ast.parse(text, mode="eval"))


def adds_up(formula: str, amount: Decimal, places: int) -> bool:
    """Whether ``formula``'s left side, rounded half-up to ``places``, equals ``amount`` (and its right side)."""
    lhs, _, rhs = formula.rpartition(" = ")
    if Decimal(rhs.replace(",", "").replace("−", "-")) != amount:
        return False
    if "已过奖励期限" in lhs:  # a signing reward past its deadline: written in words, pays 0
        return amount == 0
    monthly = re.fullmatch(r"每月 (.*) = ([0-9,.]+) 元，.*按实际月数计付（另行结算，不计入本次合计）", lhs)
    if monthly:  # a transition fee for the actual months (transition_actual.py): 0 now, its monthly figure adds up
        inner, shown = monthly.groups()
        return amount == 0 and evaluate(inner) == Decimal(shown.replace(",", ""))
    held = re.fullmatch(r"(.*) = ([0-9,.]+)，(不足|超过) ([0-9,]+(?:\.[0-9]+)?) 元按 \4 元", lhs)
    if held:  # an item's minimum / maximum: its own figure, then the limit paid instead
        inner, shown, word, bound = held.groups()
        shown_value, bound_value = (Decimal(x.replace(",", "")) for x in (shown, bound))
        beyond = shown_value < bound_value if word == "不足" else shown_value > bound_value
        return beyond and bound_value == amount and adds_up(f"{inner} = {shown}", shown_value, places)
    return evaluate(lhs).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP) == amount
