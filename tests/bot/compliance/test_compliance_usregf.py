"""Exact decisions of ``us-regf`` and its Massachusetts overlay ``us-ma``."""

from __future__ import annotations

import pytest

from .conftest import run_check

NY = "America/New_York"


def allowed(at: str) -> dict[str, object]:
    return {"allowed": True, "reasons": [], "next_allowed_at": at}


def blocked(reasons: list[str], next_at: str | None) -> dict[str, object]:
    return {"allowed": False, "reasons": reasons, "next_allowed_at": next_at}


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (
            "2026-01-07T07:59:00-05:00",
            blocked(["outside_calling_window"], "2026-01-07T08:00:00-05:00"),
        ),
        ("2026-01-07T08:00:00-05:00", allowed("2026-01-07T08:00:00-05:00")),
        ("2026-01-07T20:59:59-05:00", allowed("2026-01-07T20:59:59-05:00")),
        (
            "2026-01-07T21:00:00-05:00",
            blocked(["outside_calling_window"], "2026-01-08T08:00:00-05:00"),
        ),
    ],
)
def test_calling_window_edges(now: str, expected: dict[str, object]) -> None:
    assert run_check("us-regf", NY, now) == expected


def one_a_day(first_day: int, count: int, outcome: str = "no_answer") -> list[tuple[str, str]]:
    return [(f"2026-01-{first_day + i:02d}T10:00:00-05:00", outcome) for i in range(count)]


def test_eighth_call_in_seven_days_is_blocked_until_the_first_leaves_the_window() -> None:
    history = one_a_day(5, 7)  # Jan 5 .. Jan 11
    assert run_check("us-regf", NY, "2026-01-11T15:00:00-05:00", history) == blocked(
        ["weekly_attempt_cap"], "2026-01-12T08:00:00-05:00"
    )
    # Jan 12: the window Jan 6 .. Jan 12 holds six earlier calls.
    assert run_check("us-regf", NY, "2026-01-12T08:00:00-05:00", history) == allowed(
        "2026-01-12T08:00:00-05:00"
    )


def test_seventh_call_in_seven_days_is_allowed() -> None:
    now = "2026-01-11T15:00:00-05:00"
    assert run_check("us-regf", NY, now, one_a_day(5, 6, "busy")) == allowed(now)


def test_the_window_is_seven_calendar_days_not_168_hours() -> None:
    # Seven calls on Jan 5 at 20:00; Jan 12 08:00 is less than 168 h later but day 8.
    history = [("2026-01-05T20:00:00-05:00", "voicemail")] * 7
    assert run_check("us-regf", NY, "2026-01-11T20:59:00-05:00", history) == blocked(
        ["weekly_attempt_cap"], "2026-01-12T08:00:00-05:00"
    )
    assert run_check("us-regf", NY, "2026-01-12T08:00:00-05:00", history) == allowed(
        "2026-01-12T08:00:00-05:00"
    )


def test_future_attempts_fill_windows_ahead_of_now() -> None:
    history = one_a_day(6, 6) + [("2026-01-11T12:00:00-05:00", "no_answer")]
    # now (Jan 11 10:00) comes before the 12:00 attempt, which still counts.
    assert run_check("us-regf", NY, "2026-01-11T10:00:00-05:00", history) == blocked(
        ["weekly_attempt_cap"], "2026-01-13T08:00:00-05:00"
    )
    # A call on Jan 10 would make the window Jan 5..11 or Jan 6..12 hold eight.
    five_then_future = one_a_day(5, 5) + [("2026-01-11T12:00:00-05:00", "busy")] * 2
    assert run_check("us-regf", NY, "2026-01-09T20:00:00-05:00", five_then_future) == blocked(
        ["weekly_attempt_cap"], "2026-01-12T08:00:00-05:00"
    )


CONVERSATION = [("2026-01-05T14:00:00-05:00", "conversation")]


@pytest.mark.parametrize(
    ("day_number", "now"),
    [
        (1, "2026-01-05T20:00:00-05:00"),
        (2, "2026-01-06T08:00:00-05:00"),
        (3, "2026-01-07T12:00:00-05:00"),
        (4, "2026-01-08T12:00:00-05:00"),
        (5, "2026-01-09T12:00:00-05:00"),
        (6, "2026-01-10T12:00:00-05:00"),
        (7, "2026-01-11T20:59:59-05:00"),
    ],
)
def test_conversation_blocks_days_one_to_seven(day_number: int, now: str) -> None:
    assert run_check("us-regf", NY, now, CONVERSATION) == blocked(
        ["recent_conversation"], "2026-01-12T08:00:00-05:00"
    ), day_number


def test_day_eight_after_a_conversation_is_allowed() -> None:
    assert run_check("us-regf", NY, "2026-01-12T08:00:00-05:00", CONVERSATION) == allowed(
        "2026-01-12T08:00:00-05:00"
    )
    # Midnight ends day 7; only the calling window still blocks.
    assert run_check("us-regf", NY, "2026-01-12T00:00:00-05:00", CONVERSATION) == blocked(
        ["outside_calling_window"], "2026-01-12T08:00:00-05:00"
    )
    assert run_check("us-regf", NY, "2026-01-11T23:59:59-05:00", CONVERSATION) == blocked(
        ["outside_calling_window", "recent_conversation"], "2026-01-12T08:00:00-05:00"
    )


def test_a_call_before_a_same_day_conversation_is_blocked_too() -> None:
    # The conversation's whole day is day 1, also the hours before it.
    assert run_check("us-regf", NY, "2026-01-05T09:00:00-05:00", CONVERSATION) == blocked(
        ["recent_conversation"], "2026-01-12T08:00:00-05:00"
    )


def test_conversation_and_cap_together_take_the_later_day() -> None:
    history = [("2026-01-02T10:00:00-05:00", "no_answer")] * 7 + [
        ("2026-01-06T11:00:00-05:00", "conversation")
    ]
    assert run_check("us-regf", NY, "2026-01-06T12:00:00-05:00", history) == blocked(
        ["weekly_attempt_cap", "recent_conversation"], "2026-01-13T08:00:00-05:00"
    )


def test_us_ma_allows_two_calls_in_seven_days() -> None:
    assert run_check("us-ma", NY, "2026-01-08T10:00:00-05:00", one_a_day(5, 1)) == allowed(
        "2026-01-08T10:00:00-05:00"
    )
    assert run_check(
        "us-ma",
        NY,
        "2026-01-09T10:00:00-05:00",
        [
            ("2026-01-05T10:00:00-05:00", "no_answer"),
            ("2026-01-08T10:00:00-05:00", "busy"),
        ],
    ) == blocked(["weekly_attempt_cap"], "2026-01-12T08:00:00-05:00")


def test_us_ma_keeps_the_federal_window_and_conversation_rule() -> None:
    assert run_check("us-ma", NY, "2026-01-05T21:00:00-05:00") == blocked(
        ["outside_calling_window"], "2026-01-06T08:00:00-05:00"
    )
    # The conversation is one of the two calls; the new call would be the second.
    assert run_check("us-ma", NY, "2026-01-07T10:00:00-05:00", CONVERSATION) == blocked(
        ["recent_conversation"], "2026-01-12T08:00:00-05:00"
    )
    two = [*CONVERSATION, ("2026-01-05T15:00:00-05:00", "conversation")]
    assert run_check("us-ma", NY, "2026-01-07T10:00:00-05:00", two) == blocked(
        ["weekly_attempt_cap", "recent_conversation"], "2026-01-12T08:00:00-05:00"
    )


def test_regf_window_in_another_zone() -> None:
    assert run_check("us-regf", "America/Los_Angeles", "2026-01-07T05:30:00Z") == blocked(
        ["outside_calling_window"], "2026-01-07T08:00:00-08:00"
    )
