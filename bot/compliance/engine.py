"""The pre-dial check: a pure function of profile, local time, attempt history and flags."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.compliance.clock import window_bounds, zone
from bot.compliance.model import Attempt, Decision, Flags
from bot.compliance.profile import MAX_RULE_DAYS, Cap, Cooldown, Profile
from bot.errors import ComplianceError

# Caps and cooldowns span at most MAX_RULE_DAYS (checked by the loader), so no day later
# than the newest attempt plus that span is blocked by them; a further week guarantees a
# whole calling window whatever a DST change does to one day. The search ends there.
_SEARCH_DAYS = MAX_RULE_DAYS + 8


def check(
    profile: Profile,
    *,
    timezone: str,
    now: datetime,
    attempts: Sequence[Attempt],
    flags: Flags,
) -> Decision:
    """Decide whether a call to one contact about one debt may be placed at ``now``.

    The check reads no clock and does no I/O (the time zone's data are loaded once per zone
    and cached). Every rule that blocks is reported, flags first.

    Args:
        profile: A compiled profile from :func:`load_profile`.
        timezone: The person's IANA time zone, e.g. ``"America/New_York"``.
        now: The instant of the intended call; must be timezone-aware.
        attempts: Every earlier attempt for this debt and contact, in any order. Attempts
            dated after ``now`` count too (see the package docstring).
        flags: The person's and account's state.

    Returns:
        The decision; ``next_allowed_at`` is in the person's local UTC offset.

    Raises:
        ComplianceError: ``now`` is naive or ``timezone`` is unknown.
    """
    if now.utcoffset() is None:
        raise ComplianceError(f"now {now.isoformat()!r} has no UTC offset")
    tz = zone(timezone)
    local_now = now.astimezone(tz)
    today = local_now.toordinal()
    now_ts = now.timestamp()

    reasons: list[str] = []
    if flags.cease:
        reasons.append("cease")
    if flags.dnc:
        reasons.append("dnc")
    if flags.bankruptcy:
        reasons.append("bankruptcy")
    if flags.legal_hold:
        reasons.append("legal_hold")
    if flags.dispute:
        reasons.append("dispute")
    if profile.requires_consent and not flags.consent:
        reasons.append("no_consent")
    permanent = bool(reasons)

    window = profile.window
    opens, closes, _ = window_bounds(tz, today, window.start, window.end)
    if not opens <= now_ts < closes:
        reasons.append(window.reason)
    if attempts:
        history = [(a.at.astimezone(tz).toordinal(), a.outcome) for a in attempts]
        tally = _Tally(profile.caps, profile.cooldowns, history)
        today_blocked = tally.blocks(today)
        for reason in today_blocked:
            if reason not in reasons:
                reasons.append(reason)
    else:
        tally, today_blocked = _NO_HISTORY, []

    if not reasons:
        return Decision(True, (), local_now)
    if permanent:
        return Decision(False, tuple(reasons), None)
    first_day = tally.clear_from(today) if today_blocked else today
    found = _next_allowed(profile, tz, first_day, local_now, now_ts, tally)
    return Decision(False, tuple(reasons), found)


class _Tally:
    """The attempt history counted per local day, once per check, for every rule."""

    __slots__ = ("caps", "cooldowns", "last_day")

    def __init__(
        self,
        caps: Sequence[Cap],
        cooldowns: Sequence[Cooldown],
        history: Sequence[tuple[int, str]],
    ) -> None:
        self.caps: list[tuple[Cap, dict[int, int]]] = []
        self.cooldowns: list[tuple[Cooldown, list[int]]] = []
        self.last_day = max([day for day, _ in history], default=0)
        for cap in caps:
            counted = [day for day, outcome in history if outcome in cap.outcomes]
            if len(counted) < cap.limit:
                continue  # too few attempts to reach this cap on any day
            per_day: dict[int, int] = {}
            for day in counted:
                per_day[day] = per_day.get(day, 0) + 1
            self.caps.append((cap, per_day))
        for cooldown in cooldowns:
            starts = [day for day, outcome in history if outcome in cooldown.after]
            if starts:
                self.cooldowns.append((cooldown, starts))

    def blocks(self, day: int) -> list[str]:
        """Reasons of the caps and cooldowns that forbid any call on local day ``day``."""
        blocked: list[str] = []
        for cap, per_day in self.caps:
            span, limit = cap.days, cap.limit
            if span == 1:
                if per_day.get(day, 0) >= limit:
                    blocked.append(cap.reason)
                continue
            # Every run of `span` days containing `day` lies within day-span+1 .. day+span-1;
            # runs reaching past today are checked too, so future-dated attempts count.
            counts = [per_day.get(d, 0) for d in range(day - span + 1, day + span)]
            running = sum(counts[:span])
            worst = running
            for i in range(1, span):
                running += counts[i + span - 1] - counts[i - 1]
                if running > worst:
                    worst = running
            if worst >= limit:
                blocked.append(cap.reason)
        for cooldown, starts in self.cooldowns:
            length = cooldown.days
            for start in starts:
                if start <= day < start + length:
                    blocked.append(cooldown.reason)
                    break
        return blocked

    def clear_from(self, day: int) -> int:
        """``day`` when no cap or cooldown blocks it, else a later day; all between are blocked.

        Lets the search skip a whole blocking window or cooldown at once.
        """
        until = day
        for cap, per_day in self.caps:
            span, limit = cap.days, cap.limit
            first = day - span + 1
            counts = [per_day.get(d, 0) for d in range(first, day + span)]
            running = sum(counts[:span])
            for i in range(span):  # the run of days first+i .. first+i+span-1
                if i:
                    running += counts[i + span - 1] - counts[i - 1]
                if running >= limit and first + i + span > until:
                    until = first + i + span
        for cooldown, starts in self.cooldowns:
            length = cooldown.days
            for start in starts:
                if start <= day < start + length and start + length > until:
                    until = start + length
        return until


_NO_HISTORY = _Tally((), (), [])


def _next_allowed(
    profile: Profile,
    tz: ZoneInfo,
    first_day: int,
    local_now: datetime,
    now_ts: float,
    tally: _Tally,
) -> datetime:
    """The first instant >= now inside a calling window on a day no cap or cooldown blocks.

    The search starts on local day ``first_day`` (today, or the first day after the runs
    that block today) and skips every run of days a cap or cooldown blocks.
    """
    today = local_now.toordinal()
    window = profile.window
    day, end = first_day, max(first_day, tally.last_day) + _SEARCH_DAYS
    while day < end:
        if day != today:  # the caller found today's day rules clear
            clear = tally.clear_from(day)
            if clear != day:
                day = clear
                continue
        opens, closes, opens_local = window_bounds(tz, day, window.start, window.end)
        if now_ts < opens < closes:
            return opens_local
        if opens <= now_ts < closes:
            return local_now
        day += 1
    raise ComplianceError(f"profile {profile.name!r} never allows a call after {local_now}")
