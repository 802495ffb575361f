"""DST and midnight: local days of 23 and 25 hours, window edges in gaps and repeats."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from bot.compliance import Attempt, Flags, Profile, check, load_profile
from bot.errors import ComplianceError

from .conftest import run_check

NY = "America/New_York"
HAVANA = "America/Havana"  # DST starts at local midnight: 00:00-01:00 does not exist
LORD_HOWE = "Australia/Lord_Howe"  # half-hour DST shift at 02:00


def allowed(at: str) -> dict[str, object]:
    return {"allowed": True, "reasons": [], "next_allowed_at": at}


def blocked(reasons: list[str], next_at: str | None) -> dict[str, object]:
    return {"allowed": False, "reasons": reasons, "next_allowed_at": next_at}


def window_profile(
    profile_dir: Callable[..., Path], start: str, end: str, daily_max: int = 99
) -> Profile:
    text = f"""
name: custom
description: test profile
window: {{start: "{start}", end: "{end}"}}
caps:
  - id: daily
    reason: daily_attempt_cap
    max: {daily_max}
    days: 1
    outcomes: [no_answer, busy, voicemail, conversation]
"""
    return load_profile("custom", directory=profile_dir(custom=text))


# --- the packaged profiles on DST days ---------------------------------------------------


def test_regf_next_morning_after_spring_forward_has_the_new_offset() -> None:
    assert run_check("us-regf", NY, "2026-03-07T21:30:00-05:00") == blocked(
        ["outside_calling_window"], "2026-03-08T08:00:00-04:00"
    )
    assert run_check("us-regf", NY, "2026-03-08T07:59:00-04:00") == blocked(
        ["outside_calling_window"], "2026-03-08T08:00:00-04:00"
    )
    assert run_check("us-regf", NY, "2026-03-08T12:00:00Z") == allowed("2026-03-08T08:00:00-04:00")


def test_regf_next_morning_after_fall_back() -> None:
    assert run_check("us-regf", NY, "2026-10-31T21:00:00-04:00") == blocked(
        ["outside_calling_window"], "2026-11-01T08:00:00-05:00"
    )
    # 01:30 happens twice; both are outside the window.
    for now in ("2026-11-01T01:30:00-04:00", "2026-11-01T01:30:00-05:00"):
        assert run_check("us-regf", NY, now) == blocked(
            ["outside_calling_window"], "2026-11-01T08:00:00-05:00"
        )


def test_conversation_cooldown_counts_days_across_spring_forward() -> None:
    history = [("2026-03-02T10:00:00-05:00", "conversation")]
    assert run_check("us-regf", NY, "2026-03-08T20:00:00-04:00", history) == blocked(
        ["recent_conversation"], "2026-03-09T08:00:00-04:00"
    )


def test_seven_in_seven_across_spring_forward() -> None:
    history = [(f"2026-03-0{d}T10:00:00-05:00", "no_answer") for d in range(2, 8)]
    history.append(("2026-03-08T10:00:00-04:00", "busy"))
    assert run_check("us-regf", NY, "2026-03-08T15:00:00-04:00", history) == blocked(
        ["weekly_attempt_cap"], "2026-03-09T08:00:00-04:00"
    )


def test_cn_on_lord_howe_half_hour_dst() -> None:
    assert run_check("cn", LORD_HOWE, "2026-10-03T22:00:00+10:30") == blocked(
        ["outside_calling_window"], "2026-10-04T08:00:00+11:00"
    )
    assert run_check("cn", LORD_HOWE, "2026-04-04T22:00:00+11:00") == blocked(
        ["outside_calling_window"], "2026-04-05T08:00:00+10:30"
    )
    assert run_check("cn", LORD_HOWE, "2026-04-05T21:59:00+10:30") == allowed(
        "2026-04-05T21:59:00+10:30"
    )


# --- local days of 23 and 25 hours --------------------------------------------------------


def test_spring_forward_day_has_23_hours(profile_dir: Callable[..., Path]) -> None:
    profile = window_profile(profile_dir, "00:00", "24:00", daily_max=1)
    history = [("2026-03-08T00:30:00-05:00", "no_answer")]
    assert run_check(profile, NY, "2026-03-08T23:59:00-04:00", history) == blocked(
        ["daily_attempt_cap"], "2026-03-09T00:00:00-04:00"
    )


def test_fall_back_day_has_25_hours(profile_dir: Callable[..., Path]) -> None:
    profile = window_profile(profile_dir, "00:00", "24:00", daily_max=1)
    history = [("2026-11-01T00:10:00-04:00", "no_answer")]
    # 24 h 40 min after the attempt, still the same local day.
    assert run_check(profile, NY, "2026-11-01T23:50:00-05:00", history) == blocked(
        ["daily_attempt_cap"], "2026-11-02T00:00:00-05:00"
    )


def test_day_starting_after_a_midnight_gap(profile_dir: Callable[..., Path]) -> None:
    profile = window_profile(profile_dir, "00:00", "24:00", daily_max=1)
    history = [("2026-03-07T23:30:00-05:00", "busy")]
    assert run_check(profile, HAVANA, "2026-03-07T23:45:00-05:00", history) == blocked(
        ["daily_attempt_cap"], "2026-03-08T01:00:00-04:00"
    )
    assert run_check(profile, HAVANA, "2026-03-08T01:00:00-04:00", history) == allowed(
        "2026-03-08T01:00:00-04:00"
    )


def test_repeated_midnight_hour_belongs_to_one_day(profile_dir: Callable[..., Path]) -> None:
    profile = window_profile(profile_dir, "00:00", "24:00", daily_max=1)
    first_pass = [("2026-11-01T00:30:00-04:00", "busy")]
    assert run_check(profile, HAVANA, "2026-11-01T00:30:00-05:00", first_pass) == blocked(
        ["daily_attempt_cap"], "2026-11-02T00:00:00-05:00"
    )
    before = [("2026-10-31T23:30:00-04:00", "busy")]
    assert run_check(profile, HAVANA, "2026-11-01T00:30:00-05:00", before) == allowed(
        "2026-11-01T00:30:00-05:00"
    )
    # A window starting at a repeated 00:00 opens at its second pass.
    assert run_check(profile, HAVANA, "2026-11-01T00:30:00-04:00", before) == blocked(
        ["outside_calling_window"], "2026-11-01T00:00:00-05:00"
    )


# --- window edges inside a gap or a repeat -------------------------------------------------


def test_window_opening_in_a_gap_opens_at_the_transition(
    profile_dir: Callable[..., Path],
) -> None:
    profile = window_profile(profile_dir, "02:30", "23:00")
    assert run_check(profile, NY, "2026-03-08T01:59:00-05:00") == blocked(
        ["outside_calling_window"], "2026-03-08T03:00:00-04:00"
    )
    assert run_check(profile, NY, "2026-03-08T03:00:00-04:00") == allowed(
        "2026-03-08T03:00:00-04:00"
    )


def test_half_hour_gap_on_lord_howe(profile_dir: Callable[..., Path]) -> None:
    profile = window_profile(profile_dir, "02:15", "23:00")
    assert run_check(profile, LORD_HOWE, "2026-10-04T01:59:00+10:30") == blocked(
        ["outside_calling_window"], "2026-10-04T02:30:00+11:00"
    )


def test_window_closing_in_a_gap_closes_at_the_transition(
    profile_dir: Callable[..., Path],
) -> None:
    profile = window_profile(profile_dir, "01:00", "02:30")
    assert run_check(profile, NY, "2026-03-08T01:59:59-05:00") == allowed(
        "2026-03-08T01:59:59-05:00"
    )
    assert run_check(profile, NY, "2026-03-08T03:00:00-04:00") == blocked(
        ["outside_calling_window"], "2026-03-09T01:00:00-04:00"
    )


def test_window_opening_in_a_repeat_opens_at_the_second_pass(
    profile_dir: Callable[..., Path],
) -> None:
    profile = window_profile(profile_dir, "01:30", "23:00")
    for now in ("2026-11-01T01:45:00-04:00", "2026-11-01T01:15:00-05:00"):
        assert run_check(profile, NY, now) == blocked(
            ["outside_calling_window"], "2026-11-01T01:30:00-05:00"
        )
    assert run_check(profile, NY, "2026-11-01T01:30:00-05:00") == allowed(
        "2026-11-01T01:30:00-05:00"
    )


def test_window_closing_in_a_repeat_closes_at_the_first_pass(
    profile_dir: Callable[..., Path],
) -> None:
    profile = window_profile(profile_dir, "00:00", "01:30")
    assert run_check(profile, NY, "2026-11-01T01:29:00-04:00") == allowed(
        "2026-11-01T01:29:00-04:00"
    )
    for now in ("2026-11-01T01:30:00-04:00", "2026-11-01T01:10:00-05:00"):
        assert run_check(profile, NY, now) == blocked(
            ["outside_calling_window"], "2026-11-02T00:00:00-05:00"
        )


# --- invalid input --------------------------------------------------------------------------


def test_naive_now_is_rejected() -> None:
    with pytest.raises(ComplianceError) as err:
        check(
            load_profile("cn"),
            timezone="Asia/Shanghai",
            now=datetime(2026, 3, 10, 9),
            attempts=[],
            flags=Flags(),
        )
    assert str(err.value) == "now '2026-03-10T09:00:00' has no UTC offset"


def test_naive_attempt_is_rejected() -> None:
    with pytest.raises(ComplianceError) as err:
        Attempt(datetime(2026, 3, 10, 9), "busy")
    assert str(err.value) == "attempt time '2026-03-10T09:00:00' has no UTC offset"


def test_unknown_outcome_is_rejected() -> None:
    with pytest.raises(ComplianceError) as err:
        Attempt(datetime.fromisoformat("2026-03-10T09:00:00+08:00"), "hung_up")  # type: ignore[arg-type]
    assert str(err.value) == (
        "unknown attempt outcome 'hung_up'; expected one of "
        "['busy', 'conversation', 'no_answer', 'voicemail']"
    )


@pytest.mark.parametrize("key", ["Mars/Olympus", "", "../etc/passwd", "America"])
def test_unknown_time_zone_is_rejected(key: str) -> None:
    with pytest.raises(ComplianceError) as err:
        run_check("cn", key, "2026-03-10T09:00:00+08:00")
    assert str(err.value) == f"unknown time zone {key!r}"
