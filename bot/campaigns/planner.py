"""The pure campaign planner: accounts + strategy + window → planned attempts (UTC).

Touch times are local to the person. Each is turned into an instant with ``zoneinfo``:

* a touch inside a spring-forward gap (e.g. 02:30 on the day clocks jump 02:00→03:00)
  lands after the gap, shifted by the gap's length (02:30 → 03:30 local);
* a touch inside a fall-back repeat (01:30 twice) uses the first occurrence.

Only instants in ``[window_start, window_end)`` are returned. Planning is not permission:
the compliance engine checks each attempt again when it is claimed.

The work is done once per (time zone, tier, day-offset class), not per account, so planning
a million accounts is dominated by creating the result tuples.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.campaigns.strategy import Strategy, TierStrategy
from bot.compliance.clock import zone as time_zone
from bot.errors import ComplianceError


@dataclass(frozen=True, slots=True)
class PlanAccount:
    """What the planner needs to know about one account."""

    account_id: int
    contact_id: int
    tier: int
    timezone: str


@dataclass(frozen=True, slots=True)
class PlannedAttempt:
    """One call the strategy wants, at an instant in UTC."""

    account_id: int
    contact_id: int
    tier: int
    at: datetime


def _local_dates(start: datetime, end: datetime, zone: ZoneInfo) -> list[date]:
    first = start.astimezone(zone).date()
    last = (end - timedelta(microseconds=1)).astimezone(zone).date()
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def slots_for(
    tier: TierStrategy,
    zone: ZoneInfo,
    offset: int,
    window_start: datetime,
    window_end: datetime,
) -> tuple[datetime, ...]:
    """The UTC instants of one tier's touches in ``zone`` for accounts in day class ``offset``.

    An account is in class ``account_id % every_days``; its calling days are the local dates
    ``d`` with ``(d.toordinal() + offset) % every_days == 0`` and an allowed weekday.
    """
    out: list[datetime] = []
    for day in _local_dates(window_start, window_end, zone):
        if day.weekday() not in tier.weekdays:
            continue
        if (day.toordinal() + offset) % tier.every_days:
            continue
        for touch in tier.touches:
            instant = datetime.combine(day, touch, tzinfo=zone).astimezone(UTC)
            if window_start <= instant < window_end:
                out.append(instant)
    return tuple(sorted(out))


def plan(
    accounts: Iterable[PlanAccount],
    strategy: Strategy,
    window_start: datetime,
    window_end: datetime,
) -> list[PlannedAttempt]:
    """Plan every touch the strategy wants for ``accounts`` within the window.

    Args:
        accounts: accounts to plan; tiers must be 1..5, time zones IANA names.
        strategy: per-tier touches.
        window_start: inclusive, aware.
        window_end: exclusive, aware.

    Returns:
        Attempts in input order, each account's touches ascending in time.

    Raises:
        ValueError: naive window bounds, an empty window, an unknown tier or time zone.
    """
    if window_start.utcoffset() is None or window_end.utcoffset() is None:
        raise ValueError("window_start and window_end must be timezone-aware")
    if window_end <= window_start:
        raise ValueError(f"empty window: {window_start.isoformat()} .. {window_end.isoformat()}")
    start, end = window_start.astimezone(UTC), window_end.astimezone(UTC)
    zones: dict[str, ZoneInfo] = {}
    cache: dict[tuple[str, int, int], tuple[datetime, ...]] = {}
    out: list[PlannedAttempt] = []
    for account in accounts:
        tier = strategy.tiers.get(account.tier)
        if tier is None:
            raise ValueError(f"account {account.account_id}: no strategy for tier {account.tier}")
        key = (account.timezone, account.tier, account.account_id % tier.every_days)
        slots = cache.get(key)
        if slots is None:
            zone = zones.get(account.timezone)
            if zone is None:
                try:
                    zone = zones[account.timezone] = time_zone(account.timezone)
                except ComplianceError as exc:
                    raise ValueError(
                        f"account {account.account_id}: unknown time zone {account.timezone!r}"
                    ) from exc
            slots = cache[key] = slots_for(tier, zone, key[2], start, end)
        for at in slots:
            out.append(PlannedAttempt(account.account_id, account.contact_id, account.tier, at))
    return out
