from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from types import MappingProxyType
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.campaigns.planner import PlanAccount, PlannedAttempt, plan
from bot.campaigns.strategy import Strategy, TierStrategy, load_strategy

SH = ZoneInfo("Asia/Shanghai")
NY = ZoneInfo("America/New_York")
ALL_DAYS = frozenset(range(7))


def _utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


def test_tier3_in_shanghai_one_day() -> None:
    start = datetime(2026, 3, 2, tzinfo=SH)  # a Monday
    got = plan(
        [PlanAccount(7, 70, 3, "Asia/Shanghai")], load_strategy(), start, start + timedelta(days=1)
    )
    assert got == [
        PlannedAttempt(7, 70, 3, _utc(2026, 3, 2, 1)),
        PlannedAttempt(7, 70, 3, _utc(2026, 3, 2, 6)),
        PlannedAttempt(7, 70, 3, _utc(2026, 3, 2, 11)),
    ]


def test_window_end_is_exclusive_and_start_inclusive() -> None:
    strategy = load_strategy()
    account = [PlanAccount(1, 1, 4, "Asia/Shanghai")]
    # 10:00 and 16:00 Shanghai = 02:00 and 08:00 UTC
    assert [p.at for p in plan(account, strategy, _utc(2026, 3, 2, 2), _utc(2026, 3, 2, 8))] == [
        _utc(2026, 3, 2, 2)
    ]


def _one_tier(*touches: time, every: int = 1, days: frozenset[int] = ALL_DAYS) -> Strategy:
    tier = TierStrategy(3, touches, every, days)
    return Strategy(MappingProxyType({3: tier}))


def test_spring_forward_gap_moves_touch_after_gap() -> None:
    # 2026-03-08: New York clocks jump from 02:00 EST to 03:00 EDT.
    strategy = _one_tier(time(1, 30), time(2, 30), time(9, 0))
    start = datetime(2026, 3, 8, tzinfo=NY)
    got = [
        p.at
        for p in plan(
            [PlanAccount(1, 1, 3, "America/New_York")], strategy, start, start + timedelta(hours=23)
        )
    ]
    assert got == [_utc(2026, 3, 8, 6, 30), _utc(2026, 3, 8, 7, 30), _utc(2026, 3, 8, 13)]
    assert got[1].astimezone(NY).strftime("%H:%M %Z") == "03:30 EDT"


def test_fall_back_repeat_uses_first_occurrence() -> None:
    # 2026-11-01: 01:00-02:00 happens twice in New York (EDT, then EST).
    strategy = _one_tier(time(1, 30), time(9, 0))
    start = datetime(2026, 11, 1, tzinfo=NY)
    got = [
        p.at
        for p in plan(
            [PlanAccount(1, 1, 3, "America/New_York")], strategy, start, start + timedelta(hours=25)
        )
    ]
    assert got == [_utc(2026, 11, 1, 5, 30), _utc(2026, 11, 1, 14)]


def test_every_third_day_spreads_accounts() -> None:
    strategy = _one_tier(time(10), every=3)
    start = datetime(2026, 3, 2, tzinfo=SH)
    accounts = [PlanAccount(n, n, 3, "Asia/Shanghai") for n in range(6)]
    got = plan(accounts, strategy, start, start + timedelta(days=3))
    assert sorted(p.account_id for p in got) == [0, 1, 2, 3, 4, 5]
    days = {p.account_id: p.at.astimezone(SH).date() for p in got}
    assert len({days[0], days[1], days[2]}) == 3
    assert days[0] == days[3] and days[1] == days[4]


def test_weekdays_only() -> None:
    strategy = load_strategy()
    saturday = datetime(2026, 3, 7, tzinfo=SH)
    assert (
        plan(
            [PlanAccount(3, 3, 1, "Asia/Shanghai")],
            strategy,
            saturday,
            saturday + timedelta(days=2),
        )
        == []
    )


def test_invalid_input() -> None:
    strategy = load_strategy()
    start = _utc(2026, 3, 2)
    with pytest.raises(ValueError, match="unknown time zone 'Mars/Olympus'"):
        plan([PlanAccount(1, 1, 3, "Mars/Olympus")], strategy, start, start + timedelta(days=1))
    with pytest.raises(ValueError, match="no strategy for tier 9"):
        plan([PlanAccount(1, 1, 9, "UTC")], strategy, start, start + timedelta(days=1))
    with pytest.raises(ValueError, match="must be timezone-aware"):
        plan([], strategy, datetime(2026, 3, 2), start)
    with pytest.raises(ValueError, match="empty window"):
        plan([], strategy, start, start)


ZONES = [
    "Asia/Shanghai",
    "America/New_York",
    "America/Los_Angeles",
    "Europe/London",
    "Australia/Lord_Howe",
    "Asia/Kathmandu",
]


@settings(max_examples=200, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    tier=st.integers(1, 5),
    account_id=st.integers(0, 10_000),
    start=st.datetimes(datetime(2026, 1, 1), datetime(2027, 12, 31), timezones=st.just(UTC)),
    hours=st.integers(1, 24 * 9),
)
def test_planned_touches_are_in_window_on_strategy_times(
    zone: str, tier: int, account_id: int, start: datetime, hours: int
) -> None:
    strategy = load_strategy()
    tz = ZoneInfo(zone)
    end = start + timedelta(hours=hours)
    got = plan([PlanAccount(account_id, 1, tier, zone)], strategy, start, end)
    touches = set(strategy.for_tier(tier).touches)
    per_day: dict[object, int] = {}
    for item in got:
        assert start <= item.at < end and item.at.tzinfo is UTC
        local = item.at.astimezone(tz)
        # The strategies' touches are never inside a DST gap, so the wall time is exact.
        assert local.time().replace(tzinfo=None) in touches
        assert local.weekday() in strategy.for_tier(tier).weekdays
        per_day[local.date()] = per_day.get(local.date(), 0) + 1
    assert all(n <= len(touches) for n in per_day.values())
    assert [p.at for p in got] == sorted(p.at for p in got)
