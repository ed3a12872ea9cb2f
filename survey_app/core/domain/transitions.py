"""The household status transitions, as one table: which move is allowed from which status and where it
leads (调查 → 复核 → 测算 → 协议 → 签约 → 交房). The services (workflow.py, agreements/lifecycle.py,
handover.py) ask it before they change a household's status; a test walks every move from every status.

A move the table refuses raises ``ValidationError`` with the household's code and its current status in
Chinese (callers may word their own refusal). Moves that need more than the status (a current calculation,
a printed agreement, a signed agreement, the right role) check that themselves, after the table.

Pure data: no storage, no Qt; safe from any thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from survey_app.core.domain.errors import ValidationError
from survey_app.core.domain.statuses import HouseholdStatus as S


class Move(StrEnum):
    SUBMIT = "submit"            # 提交调查（调查员）
    APPROVE = "approve"          # 复核通过（复核员）
    RETURN = "return"            # 退回修改（复核员，须写意见）
    CALCULATE = "calculate"      # 确认测算（有有效测算之后）
    ISSUE = "issue"              # 出具协议（状态不变）
    SIGN = "sign"                # 登记签约（协议已打印）
    VOID_SIGNED = "void_signed"  # 作废已签协议：回到已测算
    HAND_OVER = "hand_over"      # 交房验收


@dataclass(frozen=True)
class Transition:
    sources: frozenset[S]
    target: S | None  # None: the move needs the status but leaves it as it is


def _t(sources: tuple[S, ...], target: S | None) -> Transition:
    return Transition(frozenset(sources), target)


TRANSITIONS: dict[Move, Transition] = {
    Move.SUBMIT: _t((S.PENDING,), S.SURVEYED),
    Move.APPROVE: _t((S.SURVEYED,), S.REVIEWED),
    Move.RETURN: _t((S.SURVEYED, S.REVIEWED), S.PENDING),
    Move.CALCULATE: _t((S.REVIEWED,), S.CALCULATED),
    Move.ISSUE: _t((S.CALCULATED,), None),
    Move.SIGN: _t((S.CALCULATED,), S.SIGNED),
    Move.VOID_SIGNED: _t((S.SIGNED,), S.CALCULATED),
    Move.HAND_OVER: _t((S.SIGNED,), S.HANDED_OVER),
}

# Statuses whose survey is frozen (signed: the agreement was built from it).
FROZEN: frozenset[S] = frozenset({S.SIGNED, S.HANDED_OVER})


def allows(move: Move, status: str) -> bool:
    """Whether ``move`` may be made from ``status`` (a stored code; an unknown code allows nothing)."""
    return status in {s.value for s in TRANSITIONS[move].sources}


def after(move: Move, status: str) -> str:
    """The status ``move`` leads to from ``status`` (the same status for a move that keeps it)."""
    target = TRANSITIONS[move].target
    return status if target is None else target.value


def require(move: Move, status: str, household_code: str, refusal: str | None = None) -> str:
    """The status after ``move``; refuses (ValidationError) a move the table does not allow from ``status``.
    ``refusal`` (formatted with ``code`` and ``status``, the Chinese label) replaces the general message."""
    if allows(move, status):
        return after(move, status)
    shown = S(status).label if status in S._value2member_map_ else status
    text = refusal or "户 {code} 当前状态为“{status}”，不能执行此操作"
    raise ValidationError(text.format(code=household_code, status=shown))
