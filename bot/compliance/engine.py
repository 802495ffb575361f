"""The pre-dial check: a pure function of profile, local time, attempt history and flags."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.compliance.clock import window_bounds, zone
from bot.compliance.model import Attempt, Decision, Flags
from bot.compliance.profile import Profile
from bot.errors import ComplianceError

# Day-level rules can only block days up to this far past the newest attempt; searching a
# further week guarantees one whole calling window whatever a DST change does to it.
_SEARCH_SLACK_DAYS = 8


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
    now_utc = now.astimezone(UTC)

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
    opens, closes = window_bounds(tz, today, window.start, window.end)
    if not opens <= now_utc < closes:
        reasons.append(window.reason)
    history = [(a.at.astimezone(tz).toordinal(), a.outcome) for a in attempts]
    for reason in _day_blocks(profile, today, history):
        if reason not in reasons:
            reasons.append(reason)

    if not reasons:
        return Decision(True, (), local_now)
    if permanent:
        return Decision(False, tuple(reasons), None)
    return Decision(False, tuple(reasons), _next_allowed(profile, tz, today, now_utc, history))


def _day_blocks(profile: Profile, day: int, history: Sequence[tuple[int, str]]) -> list[str]:
    """Reasons of the caps and cooldowns that forbid any call on local day ``day``."""
    blocked: list[str] = []
    for cap in profile.caps:
        span = cap.days
        first = day - span + 1
        # Attempt counts on days first .. day + span - 1: every window of `span` days that
        # contains `day` lies inside, so future-dated attempts count as well.
        counts = [0] * (2 * span - 1)
        outcomes = cap.outcomes
        for attempt_day, outcome in history:
            offset = attempt_day - first
            if 0 <= offset < 2 * span - 1 and outcome in outcomes:
                counts[offset] += 1
        running = sum(counts[:span])
        worst = running
        for i in range(1, span):
            running += counts[i + span - 1] - counts[i - 1]
            if running > worst:
                worst = running
        if worst >= cap.limit:
            blocked.append(cap.reason)
    for cooldown in profile.cooldowns:
        after, length = cooldown.after, cooldown.days
        for attempt_day, outcome in history:
            if attempt_day <= day < attempt_day + length and outcome in after:
                blocked.append(cooldown.reason)
                break
    return blocked


def _next_allowed(
    profile: Profile,
    tz: ZoneInfo,
    today: int,
    now_utc: datetime,
    history: Sequence[tuple[int, str]],
) -> datetime:
    """The first instant >= now inside a calling window on a day no cap or cooldown blocks."""
    reach = max(
        [cap.days for cap in profile.caps] + [c.days for c in profile.cooldowns] + [1]
    )
    last = max([today] + [day for day, _ in history])
    window = profile.window
    for day in range(today, last + reach + _SEARCH_SLACK_DAYS):
        if _day_blocks(profile, day, history):
            continue
        opens, closes = window_bounds(tz, day, window.start, window.end)
        candidate = max(opens, now_utc)
        if candidate < closes:
            return candidate.astimezone(tz)
    raise ComplianceError(f"profile {profile.name!r} never allows a call after {now_utc}")
