"""Property tests: the engine against an independent oracle of the law.

The number of examples per property comes from ``KINDCALL_COMPLIANCE_EXAMPLES`` (default
1500, so the suite runs a few thousand); ``bench/compliance_props.py`` runs >= 100 000.
"""

from __future__ import annotations

import os
from collections import Counter
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.compliance import Attempt, Decision, Flags, check, load_profile

from .oracle import FLAG_REASONS, Oracle, violations

EXAMPLES: Counter[str] = Counter()
"""Examples run per property; read by bench/compliance_props.py."""
_PROGRESS = os.environ.get("KINDCALL_COMPLIANCE_PROGRESS")


def _count(name: str) -> None:
    EXAMPLES[name] += 1
    if _PROGRESS and EXAMPLES[name] % 5000 == 0:  # long runs report how far they got
        with open(_PROGRESS, "a", encoding="utf-8") as out:
            out.write(f"{datetime.now(UTC).isoformat()} {name} {EXAMPLES[name]}\n")


PROPERTY_SETTINGS = settings(
    max_examples=int(os.environ.get("KINDCALL_COMPLIANCE_EXAMPLES", "1500")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

ZONES = [
    "Asia/Shanghai",
    "America/New_York",
    "America/Los_Angeles",
    "America/St_Johns",  # -03:30 / -02:30
    "America/Havana",  # DST changes at local midnight
    "America/Santiago",  # 24:00 -> 23:00 in April
    "Australia/Lord_Howe",  # 30-minute DST shift
    "Pacific/Chatham",  # +12:45 / +13:45
    "Pacific/Apia",  # skipped 2011-12-30 entirely
    "Africa/Casablanca",  # DST suspended during Ramadan
    "Europe/London",
    "Asia/Kolkata",
    "Pacific/Kiritimati",  # +14:00
    "UTC",
]
PROFILES = ["cn", "us-regf", "us-ma"]
OUTCOME_LIST = ["no_answer", "busy", "voicemail", "conversation"]


def _offset_changes(key: str, first_year: int, last_year: int) -> list[datetime]:
    """Noon UTC of every day whose UTC offset differs from the day before."""
    tz = ZoneInfo(key)
    day = datetime(first_year, 1, 1, 12, tzinfo=UTC)
    previous = day.astimezone(tz).utcoffset()
    found = []
    while day.year <= last_year:
        day += timedelta(days=1)
        offset = day.astimezone(tz).utcoffset()
        if offset != previous:
            found.append(day - timedelta(days=1))
            previous = offset
    return found


CHANGES = {
    key: _offset_changes(key, 2011, 2012) + _offset_changes(key, 2025, 2027) for key in ZONES
}
START, END = datetime(2010, 1, 1, tzinfo=UTC), datetime(2030, 12, 31, tzinfo=UTC)


@st.composite
def instants_near(draw: st.DrawFn, key: str) -> datetime:
    """Mostly near a DST change of the zone, sometimes anywhere in 2010-2030."""
    changes = CHANGES[key]
    if changes and draw(st.integers(0, 3)):
        anchor = draw(st.sampled_from(changes))
        minutes = draw(st.integers(-4 * 1440, 4 * 1440))
        seconds = draw(st.sampled_from([0, 0, 0, 1, 59, 30]))
        return anchor + timedelta(minutes=minutes, seconds=seconds)
    return draw(st.datetimes(START.replace(tzinfo=None), END.replace(tzinfo=None))).replace(
        tzinfo=UTC
    )


def _written_with_any_offset(draw: st.DrawFn, instant: datetime) -> datetime:
    minutes = draw(st.sampled_from([0, 480, -300, -240, 330, 765, -570, 840, -720]))
    return instant.astimezone(timezone(timedelta(minutes=minutes)))


@st.composite
def scenarios(
    draw: st.DrawFn, with_flags: bool = True
) -> tuple[str, str, datetime, list[Attempt], Flags]:
    profile = draw(st.sampled_from(PROFILES))
    key = draw(st.sampled_from(ZONES))
    now = draw(instants_near(key))
    delta = st.one_of(
        st.integers(-10 * 1440, 2 * 1440),  # the last ten days and a little future
        st.integers(-1440, 120),  # clustered on today: reaches the daily caps
    )
    attempts = [
        Attempt(
            _written_with_any_offset(draw, now + timedelta(minutes=minutes)),
            draw(st.sampled_from(OUTCOME_LIST)),
        )
        for minutes in draw(st.lists(delta, max_size=16))
    ]
    flags = Flags()
    if with_flags and draw(st.integers(0, 4)) == 0:
        flags = Flags(
            cease=draw(st.booleans()),
            dnc=draw(st.booleans()),
            consent=draw(st.booleans()),
            bankruptcy=draw(st.booleans()),
            legal_hold=draw(st.booleans()),
            dispute=draw(st.booleans()),
        )
    return profile, key, _written_with_any_offset(draw, now), attempts, flags


def decide(
    profile: str, key: str, now: datetime, attempts: list[Attempt], flags: Flags
) -> Decision:
    return check(load_profile(profile), timezone=key, now=now, attempts=attempts, flags=flags)


@PROPERTY_SETTINGS
@given(scenarios())
def test_decisions_agree_with_the_oracle(
    scenario: tuple[str, str, datetime, list[Attempt], Flags],
) -> None:
    _count("oracle")
    profile, key, now, attempts, flags = scenario
    decision = decide(profile, key, now, attempts, flags)
    broken = violations(profile, key, now, attempts, flags)
    # No allowed decision breaks its profile ...
    if decision.allowed:
        assert broken == set()
    # ... and every blocked one names exactly the broken rules, flags first, no repeats.
    assert decision.allowed == (not decision.reasons)
    assert set(decision.reasons) == broken
    assert len(decision.reasons) == len(broken)
    flag_part = [r for r in decision.reasons if r in FLAG_REASONS]
    assert list(decision.reasons[: len(flag_part)]) == flag_part
    # The written offsets and the order of attempts do not matter.
    assert decide(profile, key, now.astimezone(UTC), attempts[::-1], flags) == decision
    if set(decision.reasons) & set(FLAG_REASONS):
        assert decision.next_allowed_at is None
    else:
        assert decision.next_allowed_at is not None
        assert decision.next_allowed_at >= now
        local = decision.next_allowed_at.astimezone(ZoneInfo(key))
        assert decision.next_allowed_at.utcoffset() == local.utcoffset()
        if decision.allowed:
            assert decision.next_allowed_at == now


@PROPERTY_SETTINGS
@given(scenarios(with_flags=False))
def test_next_allowed_at_is_the_first_allowed_instant(
    scenario: tuple[str, str, datetime, list[Attempt], Flags],
) -> None:
    _count("next_allowed_at")
    profile, key, now, attempts, flags = scenario
    decision = decide(profile, key, now, attempts, flags)
    first = decision.next_allowed_at
    assert first is not None and first >= now
    # Fed back as now, it is allowed by the engine and by the oracle.
    again = decide(profile, key, first, attempts, flags)
    assert (again.allowed, again.reasons, again.next_allowed_at) == (True, (), first)
    oracle = Oracle(profile, key, attempts)
    assert oracle.violations(first, flags) == set()
    # Nothing earlier is: a minute grid from now (at most ~40 points), the last minute and
    # the last second before it.
    span = int((first - now).total_seconds() // 60)
    step = max(1, span // 40)
    earlier = [now + timedelta(minutes=k) for k in range(0, span, step)]
    earlier += [first - timedelta(minutes=1), first - timedelta(seconds=1)]
    for moment in earlier:
        if not now <= moment < first:
            continue
        assert oracle.violations(moment, flags) != set(), moment
        assert not decide(profile, key, moment, attempts, flags).allowed, moment
