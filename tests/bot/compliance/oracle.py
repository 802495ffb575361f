"""An independent statement of the law, used to judge the engine's decisions.

Written apart from ``bot.compliance``: the rules are hard-coded per profile (not read from
the YAML), local time comes from ``datetime.fromtimestamp`` and every rule is checked by
brute force over calendar dates, one window at a time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.compliance import Attempt, Flags

UNANSWERED = frozenset({"no_answer", "busy", "voicemail"})
ANY = frozenset({"no_answer", "busy", "voicemail", "conversation"})


@dataclass(frozen=True)
class Law:
    first_hour: int  # calls allowed from first_hour:00 ...
    last_hour: int  # ... until before last_hour:00
    cap: int
    cap_days: int
    cap_counts: frozenset[str]
    cap_reason: str
    quiet_days_after_conversation: int  # 0 = no such rule


LAWS = {
    "cn": Law(8, 22, 6, 1, UNANSWERED, "daily_attempt_cap", 0),
    "us-regf": Law(8, 21, 7, 7, ANY, "weekly_attempt_cap", 7),
    "us-ma": Law(8, 21, 2, 7, ANY, "weekly_attempt_cap", 7),
}

FLAG_REASONS = ("cease", "dnc", "bankruptcy", "legal_hold", "dispute")


def local_date(instant: datetime, tz: ZoneInfo) -> date:
    return datetime.fromtimestamp(instant.timestamp(), tz).date()


class Oracle:
    """The law for one person's history; attempt dates are worked out once."""

    def __init__(self, profile: str, timezone: str, attempts: Sequence[Attempt]) -> None:
        self.law = LAWS[profile]
        self.tz = ZoneInfo(timezone)
        self.days = [(local_date(a.at, self.tz), a.outcome) for a in attempts]

    def violations(self, now: datetime, flags: Flags) -> set[str]:
        """Every rule of the law a call at ``now`` would break."""
        law = self.law
        broken = {name for name in FLAG_REASONS if getattr(flags, name)}
        wall = datetime.fromtimestamp(now.timestamp(), self.tz)
        if not (law.first_hour <= wall.hour < law.last_hour):
            broken.add("outside_calling_window")
        today = wall.date()
        # every run of cap_days consecutive dates that contains today
        for back in range(law.cap_days):
            first = today - timedelta(days=back)
            last = first + timedelta(days=law.cap_days - 1)
            counted = sum(
                1 for d, outcome in self.days if first <= d <= last and outcome in law.cap_counts
            )
            if counted + 1 > law.cap:
                broken.add(law.cap_reason)
        for d, outcome in self.days:
            if outcome != "conversation" or not law.quiet_days_after_conversation:
                continue
            day_number = (today - d).days + 1  # the conversation's day is day 1
            if 1 <= day_number <= law.quiet_days_after_conversation:
                broken.add("recent_conversation")
        return broken


def violations(
    profile: str, timezone: str, now: datetime, attempts: Sequence[Attempt], flags: Flags
) -> set[str]:
    """Every rule of the law a call at ``now`` would break."""
    return Oracle(profile, timezone, attempts).violations(now, flags)
