"""Words for the dates of a policy: each mode's 签约期 (its own ``[modes.X] signing_start/signing_end`` or the
``[project]`` one) and what decides a signing reward's tier (``date_basis``) — for ``policy explain``."""

from __future__ import annotations

from typing import Any, NamedTuple

from survey_app.core.compensation.items.tiers import PERIOD_END
from survey_app.core.compensation.policy_tools.wording import value_text

# date_basis → (what the tiers are by, the act a tier's date limits)
BASES = {"signing": ("按签约日期", "签约"),
         "handover": ("按腾空交房（交房验收）日期", "腾空交房"),
         "later_of": ("按签约、腾空交房两者中较晚的日期", "签约并腾空交房")}
_BEFORE_HANDOVER = "尚未交房时先按签约日期所在的档次测算，以在该档截止日前腾空交房为条件。"


def basis_words(item: Any) -> tuple[str, str, str]:
    """(heading, act, note) for a signing reward as written (``item.get`` marks ``date_basis`` as said)."""
    basis = item.get("date_basis") or "signing"
    heading, act = BASES.get(basis, BASES["signing"])
    return heading, act, "" if basis == "signing" else _BEFORE_HANDOVER


class CountedEnd(NamedTuple):
    """A tier written ``within_days = N``, with its date when every mode it is paid in starts the same day."""

    days: int
    date: Any

    def text(self, within: bool) -> str:
        """``签约期开始之日起 7 日内（至 2023-04-12）`` or, for the tier after it, ``签约期第 7 日（2023-04-12）``."""
        if not within:
            return f"签约期第 {self.days} 日" + (f"（{self.date.isoformat()}）" if self.date is not None else "")
        day = f"（至 {self.date.isoformat()}）" if self.date is not None else ""
        return f"签约期开始之日起 {self.days} 日内{day}"


def until_text(value: Any) -> str:
    """A tier's ``until``: a date, the chosen mode's signing-period end, or N days from its start."""
    if isinstance(value, CountedEnd):
        return value.text(False)
    return "所选安置方式的签约期结束日" if value == PERIOD_END else value_text(value)


def before_text(value: Any) -> str:
    """Up to a tier's end, inclusive: ``2016-05-30 前`` or ``签约期开始之日起 7 日内（至 2023-04-12）``."""
    return value.text(True) if isinstance(value, CountedEnd) else f"{until_text(value)} 前"


def periods_text(policy: Any) -> str:
    """``货币补偿 2016-04-16 至 2016-05-30；产权调换 2016-06-18 至 2016-08-31`` ('' when no period is written)."""
    parts = []
    for mode in policy.mode_names:
        start, end = policy.signing_period(mode)
        if start is None and end is None:
            continue
        span = (f"{start.isoformat()} 至 {end.isoformat()}" if start and end
                else f"{start.isoformat()} 起" if start else f"至 {end.isoformat()}")
        parts.append(f"{policy.mode_label(mode)} {span}")
    return "；".join(parts) + "。" if parts else ""


def resolved(raw: dict, item: Any) -> dict:
    """The item as written, with ``until = "signing_end"`` replaced by the date when every mode it is paid in
    ends its signing period on the same day (so the reader sees 2016-05-30, not a reference), and a
    ``within_days`` tier given an ``until`` that says so (with its date when it is the same in every mode)."""
    if not isinstance(raw.get("tiers"), list):
        return raw
    by_mode = getattr(item, "by_mode", None) or {}
    same = set(by_mode.values())
    tiers = next(iter(same)) if len(same) == 1 else None
    rows = []
    for index, row in enumerate(raw["tiers"]):
        if not isinstance(row, dict):
            rows.append(row)
            continue
        date = tiers[index].until if tiers is not None and index < len(tiers) else None
        if "within_days" in row:
            row = dict(row, until=CountedEnd(row["within_days"], date))
        elif row.get("until") == PERIOD_END and date is not None:
            row = dict(row, until=date)
        rows.append(row)
    return {**raw, "tiers": rows}
