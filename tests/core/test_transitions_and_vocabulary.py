"""Issue 11 item 3: one status-transition table and one vocabulary (core/domain)."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import parsed_sources
import pytest

import survey_app
from survey_app.core.compensation import inputs
from survey_app.core.domain import statuses, transitions, vocabulary
from survey_app.core.domain.errors import ValidationError
from survey_app.core.domain.statuses import HouseholdStatus as S
from survey_app.core.domain.transitions import Move

PACKAGE = Path(survey_app.__file__).parent

# Every allowed move, written out by hand from the workflow (调查 → 复核 → 测算 → 协议 → 签约 → 交房).
ALLOWED = {
    (Move.SUBMIT, S.PENDING): S.SURVEYED,
    (Move.APPROVE, S.SURVEYED): S.REVIEWED,
    (Move.RETURN, S.SURVEYED): S.PENDING,
    (Move.RETURN, S.REVIEWED): S.PENDING,
    (Move.CALCULATE, S.REVIEWED): S.CALCULATED,
    (Move.ISSUE, S.CALCULATED): S.CALCULATED,
    (Move.SIGN, S.CALCULATED): S.SIGNED,
    (Move.VOID_SIGNED, S.SIGNED): S.CALCULATED,
    (Move.HAND_OVER, S.SIGNED): S.HANDED_OVER,
}


@pytest.mark.parametrize("move", list(Move))
@pytest.mark.parametrize("status", list(S))
def test_every_move_from_every_status(move: Move, status: S) -> None:
    if (move, status) in ALLOWED:
        assert transitions.allows(move, status.value)
        assert transitions.require(move, status.value, "A1-0001") == ALLOWED[move, status].value
    else:
        assert not transitions.allows(move, status.value)
        with pytest.raises(ValidationError, match=f"户 A1-0001 当前状态为“{status.label}”"):
            transitions.require(move, status.value, "A1-0001")


def test_an_unknown_status_allows_nothing_and_is_named_as_stored() -> None:
    assert not any(transitions.allows(m, "archived") for m in Move)
    with pytest.raises(ValidationError, match="“archived”"):
        transitions.require(Move.SUBMIT, "archived", "A1-0001")


def test_a_caller_words_its_own_refusal() -> None:
    with pytest.raises(ValidationError, match="^只有“已测算”的住户才能出具协议（当前：已复核）$"):
        transitions.require(Move.ISSUE, "reviewed", "A1-0001", "只有“已测算”的住户才能出具协议（当前：{status}）")


def test_frozen_statuses_are_those_no_move_returns_to_the_survey_from() -> None:
    assert {s.value for s in transitions.FROZEN} == {"signed", "handed_over"}
    assert not any(transitions.allows(Move.RETURN, s) for s in transitions.FROZEN)


def test_the_enums_and_compensation_read_their_labels_from_the_vocabulary() -> None:
    assert {s.value: s.label for s in S} == vocabulary.HOUSEHOLD_STATUS
    assert list(vocabulary.HOUSEHOLD_STATUS) == [s.value for s in statuses.STATUS_ORDER]
    assert {u.value: u.label for u in statuses.Use} == vocabulary.USE
    assert {x.value: x.label for x in statuses.Legality} == vocabulary.LEGALITY
    assert {m.value: m.label for m in statuses.Mode} == vocabulary.MODE
    assert {r.value: r.label for r in statuses.Relation} == vocabulary.RELATION
    assert statuses.STRUCTURE_LABELS is vocabulary.STRUCTURE
    assert inputs.USES is vocabulary.USE and inputs.LEGALITY is vocabulary.LEGALITY
    assert inputs.MODES is vocabulary.MODE and inputs.DELIVERY is vocabulary.DELIVERY
    assert vocabulary.MODE_ORDER == ("cash", "exchange", "voucher")
    assert vocabulary.label(vocabulary.USE, "office") == "办公" and vocabulary.label(vocabulary.USE, "x") == "x"


@functools.cache
def _dict_displays() -> tuple[tuple[str, frozenset[str]], ...]:
    """Every dict display outside vocabulary.py and the migrations: (where, its string values). The package is
    parsed once per test process, not once per table (six parses cost ~3 CPU-s each)."""
    found = []
    for path in parsed_sources.python_files(PACKAGE):
        if path.name == "vocabulary.py" or "migrations" in path.parts:
            continue
        for node in parsed_sources.nodes(path):
            if isinstance(node, ast.Dict):
                texts = {v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)}
                if len(texts) >= 2:
                    found.append((f"{path.relative_to(PACKAGE)}:{node.lineno}", frozenset(texts)))
    return tuple(found)


def _dict_literals_with(values: set[str]) -> list[str]:
    """Dict displays outside vocabulary.py whose values include two or more vocabulary labels of one table."""
    return [where for where, texts in _dict_displays() if len(texts & values) >= 2]


@pytest.mark.parametrize("table", ["household_status", "use", "legality", "mode", "relation", "structure"])
def test_no_second_copy_of_a_vocabulary_table(table: str) -> None:
    """A code→label dict repeating a vocabulary table's labels elsewhere is the duplication issue 11 removed."""
    labels = set(vocabulary.TABLES[table].values())
    labels.discard("其他")  # a word many unrelated lists use
    assert _dict_literals_with(labels) == []
