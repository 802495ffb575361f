"""Exact decisions of the ``cn`` profile at its edges."""

from __future__ import annotations

import pytest

from bot.compliance import Flags

from .conftest import run_check

SH = "Asia/Shanghai"


def allowed(at: str) -> dict[str, object]:
    return {"allowed": True, "reasons": [], "next_allowed_at": at}


def blocked(reasons: list[str], next_at: str | None) -> dict[str, object]:
    return {"allowed": False, "reasons": reasons, "next_allowed_at": next_at}


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (
            "2026-03-10T07:59:00+08:00",
            blocked(["outside_calling_window"], "2026-03-10T08:00:00+08:00"),
        ),
        (
            "2026-03-10T07:59:59.999999+08:00",
            blocked(["outside_calling_window"], "2026-03-10T08:00:00+08:00"),
        ),
        ("2026-03-10T08:00:00+08:00", allowed("2026-03-10T08:00:00+08:00")),
        ("2026-03-10T21:59:00+08:00", allowed("2026-03-10T21:59:00+08:00")),
        ("2026-03-10T21:59:59+08:00", allowed("2026-03-10T21:59:59+08:00")),
        (
            "2026-03-10T22:00:00+08:00",
            blocked(["outside_calling_window"], "2026-03-11T08:00:00+08:00"),
        ),
        (
            "2026-03-10T23:59:59+08:00",
            blocked(["outside_calling_window"], "2026-03-11T08:00:00+08:00"),
        ),
        (
            "2026-03-11T00:00:00+08:00",
            blocked(["outside_calling_window"], "2026-03-11T08:00:00+08:00"),
        ),
    ],
)
def test_calling_window_edges(now: str, expected: dict[str, object]) -> None:
    assert run_check("cn", SH, now) == expected


def test_now_in_utc_is_judged_and_answered_in_local_time() -> None:
    # 14:00Z is 22:00 in Shanghai; 13:59Z is 21:59.
    assert run_check("cn", SH, "2026-03-10T14:00:00+00:00") == blocked(
        ["outside_calling_window"], "2026-03-11T08:00:00+08:00"
    )
    assert run_check("cn", SH, "2026-03-10T13:59:00Z") == allowed("2026-03-10T21:59:00+08:00")


def unanswered(n: int, day: str = "2026-03-10") -> list[tuple[str, str]]:
    outcomes = ["no_answer", "busy", "voicemail"]
    return [(f"{day}T{9 + i:02d}:00:00+08:00", outcomes[i % 3]) for i in range(n)]


def test_sixth_unanswered_attempt_is_allowed_seventh_is_not() -> None:
    now = "2026-03-10T19:00:00+08:00"
    assert run_check("cn", SH, now, unanswered(5)) == allowed(now)
    assert run_check("cn", SH, now, unanswered(6)) == blocked(
        ["daily_attempt_cap"], "2026-03-11T08:00:00+08:00"
    )
    assert run_check("cn", SH, "2026-03-11T08:00:00+08:00", unanswered(6)) == allowed(
        "2026-03-11T08:00:00+08:00"
    )


def test_conversations_do_not_count_against_the_unanswered_cap() -> None:
    now = "2026-03-10T19:00:00+08:00"
    history = unanswered(5) + [("2026-03-10T15:00:00+08:00", "conversation")] * 4
    assert run_check("cn", SH, now, history) == allowed(now)


def test_cap_and_window_are_both_reported() -> None:
    assert run_check("cn", SH, "2026-03-10T22:30:00+08:00", unanswered(6)) == blocked(
        ["outside_calling_window", "daily_attempt_cap"], "2026-03-11T08:00:00+08:00"
    )


def test_attempt_day_is_the_local_day_not_the_utc_day() -> None:
    # 00:10-05:10 Shanghai on the 11th are still the 10th in UTC.
    history = [(f"2026-03-10T{16 + i}:10:00Z", "no_answer") for i in range(6)]
    assert run_check("cn", SH, "2026-03-11T09:00:00+08:00", history) == blocked(
        ["daily_attempt_cap"], "2026-03-12T08:00:00+08:00"
    )
    # The 10th local ended at 16:00Z: the same six attempts leave that day free.
    assert run_check("cn", SH, "2026-03-10T15:00:00+08:00", history) == allowed(
        "2026-03-10T15:00:00+08:00"
    )


def test_los_angeles_evening_is_the_next_utc_day_but_the_same_local_day() -> None:
    la = "America/Los_Angeles"
    history = [(f"2026-02-05T10:{i:02d}:00-08:00", "busy") for i in range(6)]
    # 20:00 PST on the 5th is 04:00Z on the 6th: still the 5th for the cap.
    assert run_check("cn", la, "2026-02-05T20:00:00-08:00", history) == blocked(
        ["daily_attempt_cap"], "2026-02-06T08:00:00-08:00"
    )


def test_attempt_offsets_do_not_matter_only_instants() -> None:
    same_instants = [(f"2026-03-10T{1 + i:02d}:00:00+00:00", "no_answer") for i in range(6)]
    assert run_check("cn", SH, "2026-03-10T20:00:00+08:00", same_instants) == blocked(
        ["daily_attempt_cap"], "2026-03-11T08:00:00+08:00"
    )


def test_future_dated_attempts_count() -> None:
    history = unanswered(5) + [("2026-03-10T20:30:00+08:00", "no_answer")]
    assert run_check("cn", SH, "2026-03-10T20:00:00+08:00", history) == blocked(
        ["daily_attempt_cap"], "2026-03-11T08:00:00+08:00"
    )


@pytest.mark.parametrize("flag", ["cease", "dnc", "bankruptcy", "legal_hold", "dispute"])
def test_each_flag_blocks_with_no_next_time(flag: str) -> None:
    result = run_check("cn", SH, "2026-03-10T10:00:00+08:00", flags=Flags(**{flag: True}))
    assert result == blocked([flag], None)


def test_all_reasons_are_listed_in_a_stable_order() -> None:
    flags = Flags(
        cease=True, dnc=True, consent=False, bankruptcy=True, legal_hold=True, dispute=True
    )
    result = run_check("cn", SH, "2026-03-10T23:00:00+08:00", unanswered(6), flags)
    assert result == blocked(
        [
            "cease",
            "dnc",
            "bankruptcy",
            "legal_hold",
            "dispute",
            "outside_calling_window",
            "daily_attempt_cap",
        ],
        None,
    )


def test_cn_does_not_require_consent() -> None:
    now = "2026-03-10T10:00:00+08:00"
    assert run_check("cn", SH, now, flags=Flags(consent=False)) == allowed(now)
