"""Date tiers of a signing reward (签约奖励): which date decides the tier (``date_basis``: signing, 交房验收, or the
later of the two), tiers ending on the chosen mode's signing-period end (``until = "signing_end"``) or counted
from its start (``within_days = 7``: 签约期开始之日起 7 日内, day 1 = signing_start), and the
tier's condition in words, true for the household before and after it hands the house over. docs/policy.md."""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from survey_app.core.compensation.inputs import MODES

# What decides a signing reward's tier (``date_basis``): the signing date (default), the 交房验收 date, or the later
# of the two. Before the house is handed over the signing date stands in for it and the line states the hand-over
# deadline as the condition of the amount ("以 2016-05-15 前腾空交房为条件"): the hand-over is never before the
# signing (core/services/handover.py), so the tier can only stay or move later, never earlier.
DATE_BASES = ("signing", "handover", "later_of")
DATE_BASIS_WORDS = {"signing": "签约", "handover": "腾空交房", "later_of": "签约并腾空交房"}
# A tier's ``until`` may name the chosen mode's signing-period end ([modes.*] or [project] ``signing_end``).
PERIOD_END = "signing_end"


class WithinDays(NamedTuple):
    """A tier's end counted from the chosen mode's signing-period start: ``within_days = 7`` is 签约期开始之日起
    7 日内, day 1 being ``signing_start`` (the last day is start + 6). Resolved per mode by ``bind_periods``."""

    days: int

    def end(self, start: dt.date) -> dt.date:
        return start + dt.timedelta(days=self.days - 1)


class DateTiers:
    """What a reward tiered by date shares (mixed into SigningReward, whose ``parse`` sets ``tiers``,
    ``date_basis``, ``tiers_key`` and ``by_mode``)."""

    tiers: tuple[Any, ...]
    modes: tuple[str, ...]
    date_basis: str
    tiers_key: str
    code: str
    by_mode: dict[str, tuple[Any, ...]]
    mode_sensitive: bool

    def bind_periods(self, periods: dict[str, tuple[dt.date | None, dt.date | None]]) -> list[tuple[str, str]]:
        """Resolve ``until = "signing_end"`` and ``within_days`` for each mode the item is paid in, from that
        mode's signing period (``Policy.signing_period``); returns (key, problem) pairs for a mode without the
        end / start a tier needs, or tiers out of order."""
        needs_end = any(tier.until == PERIOD_END for tier in self.tiers)
        needs_start = any(isinstance(tier.until, WithinDays) for tier in self.tiers)
        if not needs_end and not needs_start:
            return []
        problems = []
        for mode in self.modes:
            start, end = periods.get(mode, (None, None))
            missing = []
            if needs_end and end is None:
                missing.append(f"{MODES.get(mode, mode)}没有签约期结束日期（[modes.{mode}] 或 [project] 的 signing_end），"
                               f"档次不能写 until = \"{PERIOD_END}\"")
            if needs_start and start is None:
                missing.append(f"{MODES.get(mode, mode)}没有签约期开始日期（[modes.{mode}] 或 [project] 的 signing_start），"
                               "档次不能写 within_days")
            if missing:
                problems.extend((self.tiers_key, f"项目“{self.code}”：{what}") for what in missing)
                continue
            resolved = tuple(t._replace(until=end) if t.until == PERIOD_END
                             else t._replace(until=t.until.end(start)) if isinstance(t.until, WithinDays) else t
                             for t in self.tiers)
            dates = [t.until for t in resolved if t.until is not None]
            if dates != sorted(dates) or len(set(dates)) != len(dates):
                said = {(True, False): f"签约期结束日 {end}", (False, True): f"签约期开始日 {start}",
                        (True, True): f"签约期 {start} 至 {end}"}[(needs_end, needs_start)]
                problems.append((self.tiers_key, f"项目“{self.code}”：代入{MODES.get(mode, mode)}{said} 后，"
                                                 "奖励档次不是按截止日期从早到晚排列且不重复"))
            self.by_mode[mode] = resolved
        self.mode_sensitive = True  # the line differs between modes with different periods
        return problems

    def mode_key(self, mode: str, delivery: str) -> object:
        return self.tiers_for(mode)

    def tiers_for(self, mode: str) -> tuple[Any, ...]:
        """The tiers as they apply to ``mode`` (``signing_end`` replaced by that mode's date)."""
        return self.by_mode.get(mode, self.tiers)

    def basis_day(self, signed: dt.date | None, handover: dt.date | None) -> dt.date | None:
        """The date the tier is decided by: the signing date until a handover date is known (see DATE_BASES)."""
        if self.date_basis == "signing" or handover is None:
            return signed
        if self.date_basis == "handover" or signed is None:
            return handover
        return max(signed, handover)

    def tier_at(self, mode: str, signed: dt.date | None, handover: dt.date | None) -> int | None:
        """Index of the tier earned (None: after every tier); with no date at all the first tier."""
        tiers, day = self.tiers_for(mode), self.basis_day(signed, handover)
        if day is None:
            return 0 if tiers else None
        return next((i for i, t in enumerate(tiers) if t.until is None or day <= t.until), None)

    def when_text(self, tier: Any, signed: dt.date | None, handover: dt.date | None) -> str:
        """The tier's condition in words, true for the household: what decided it, and what the amount still
        depends on while the house is not handed over."""
        until = tier.until.isoformat()
        basis = self.date_basis
        if basis == "signing":
            return f"（{until} 前签约）" if signed is not None else f"（未填签约日期，按 {until} 前签约测算）"
        if handover is not None:
            return f"（{until} 前{DATE_BASIS_WORDS[basis]}）"
        if signed is None:
            return f"（未填签约日期，按 {until} 前{DATE_BASIS_WORDS[basis]}测算）"
        signed_text = f"{until} 前签约，" if basis == "later_of" else ""
        return f"（{signed_text}以 {until} 前腾空交房为条件）"

    def past_text(self, signed: dt.date | None, handover: dt.date | None) -> str:
        """The formula of a household past every tier, naming the date that decided it."""
        day = self.basis_day(signed, handover)
        assert day is not None
        if handover is None or self.date_basis == "signing":
            return f"{day.isoformat()} 签约，已过奖励期限"
        if self.date_basis == "handover":
            return f"{day.isoformat()} 腾空交房，已过奖励期限"
        return f"签约、腾空交房较晚者为 {day.isoformat()}，已过奖励期限"

