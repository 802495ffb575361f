"""``kindcall compliance check`` and ``profiles``: the exact stdin/stdout contract."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from bot.cli import cli

SHANGHAI_EVENING = {
    "profile": "cn",
    "timezone": "Asia/Shanghai",
    "now": "2026-03-10T21:59:00+08:00",
    "attempts": [
        {"at": f"2026-03-10T{9 + i:02d}:00:00+08:00", "outcome": "no_answer"} for i in range(5)
    ],
    "flags": {
        "cease": False,
        "dnc": False,
        "consent": True,
        "bankruptcy": False,
        "legal_hold": False,
        "dispute": False,
    },
}


def kindcall(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_through_the_real_entry_point_allowed() -> None:
    proc = kindcall("compliance", "check", stdin=json.dumps(SHANGHAI_EVENING))
    assert (proc.returncode, proc.stderr) == (0, "")
    assert proc.stdout == (
        '{"allowed": true, "reasons": [], "next_allowed_at": "2026-03-10T21:59:00+08:00"}\n'
    )


def test_check_through_the_real_entry_point_blocked() -> None:
    request = {**SHANGHAI_EVENING, "now": "2026-03-10T22:00:00+08:00"}
    proc = kindcall("compliance", "check", stdin=json.dumps(request))
    assert (proc.returncode, proc.stderr) == (0, "")
    assert proc.stdout == (
        '{"allowed": false, "reasons": ["outside_calling_window"], '
        '"next_allowed_at": "2026-03-11T08:00:00+08:00"}\n'
    )


def test_invalid_input_through_the_real_entry_point_exits_2() -> None:
    proc = kindcall("compliance", "check", stdin="{not json")
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr == (
        "error: invalid JSON on stdin: Expecting property name enclosed in double quotes: "
        "line 1 column 2 (char 1)\n"
    )


def run(request: object) -> tuple[int, str, str]:
    text = request if isinstance(request, str) else json.dumps(request)
    result = CliRunner().invoke(cli, ["compliance", "check"], input=text)
    return result.exit_code, result.stdout, result.stderr


def test_flags_and_attempts_may_be_missing() -> None:
    request = {"profile": "us-regf", "timezone": "America/New_York", "now": "2026-01-07T12:00:00Z"}
    assert run(request) == (
        0,
        '{"allowed": false, "reasons": ["outside_calling_window"], '
        '"next_allowed_at": "2026-01-07T08:00:00-05:00"}\n',
        "",
    )


def test_missing_consent_flag_means_consent() -> None:
    request = {**SHANGHAI_EVENING, "flags": {"dnc": True}}
    assert run(request) == (
        0,
        '{"allowed": false, "reasons": ["dnc"], "next_allowed_at": null}\n',
        "",
    )


def test_z_suffix_and_null_lists_are_accepted() -> None:
    request = {
        "profile": "us-ma",
        "timezone": "America/New_York",
        "now": "2026-01-08T15:00:00Z",
        "attempts": None,
        "flags": None,
    }
    assert run(request)[1] == (
        '{"allowed": true, "reasons": [], "next_allowed_at": "2026-01-08T10:00:00-05:00"}\n'
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"now": "2026-03-10T21:59:00"},
            "now: '2026-03-10T21:59:00' has no UTC offset; write it like 2026-11-28T09:00:00+08:00",
        ),
        ({"now": "tomorrow"}, "now: 'tomorrow' is not an ISO-8601 date-time"),
        (
            {"now": "9999-12-31T23:59:59+00:00"},
            "now: '9999-12-31T23:59:59+00:00' is outside the supported years 1900-2199",
        ),
        (
            {"attempts": [{"at": "0001-01-01T00:00:00+00:00", "outcome": "busy"}]},
            "attempts[0].at: '0001-01-01T00:00:00+00:00' is outside the supported years 1900-2199",
        ),
        ({"now": 1700000000}, "now: expected a string, got the number 1700000000"),
        ({"timezone": "Asia/Shanghia"}, "unknown time zone 'Asia/Shanghia'"),
        ({"profile": "eu"}, "unknown compliance profile 'eu'; known profiles: cn, us-ma, us-regf"),
        (
            {"attempts": [{"at": "2026-03-10T09:00:00+08:00", "outcome": "hung_up"}]},
            "attempts[0].outcome: unknown outcome 'hung_up'; "
            "expected one of busy, conversation, no_answer, voicemail",
        ),
        (
            {"attempts": [{"at": "2026-03-10T09:00:00", "outcome": "busy"}]},
            "attempts[0].at: '2026-03-10T09:00:00' has no UTC offset; "
            "write it like 2026-11-28T09:00:00+08:00",
        ),
        ({"attempts": [{"at": "2026-03-10T09:00:00+08:00"}]}, "attempts[0]: missing 'outcome'"),
        ({"attempts": {}}, "attempts: expected a list, got an object"),
        (
            {"flags": {"ceased": True}},
            "flags: unknown key 'ceased'; "
            "expected cease, dnc, bankruptcy, legal_hold, dispute, consent",
        ),
        ({"flags": {"cease": 1}}, "flags.cease: expected true or false, got 1"),
        ({"flags": []}, "flags: expected a JSON object, got a list"),
        (
            {"priority": 1},
            "input: unknown key 'priority'; expected profile, timezone, now, attempts, flags",
        ),
    ],
)
def test_invalid_input_is_one_error_line_and_exit_2(
    change: dict[str, object], message: str
) -> None:
    assert run({**SHANGHAI_EVENING, **change}) == (2, "", f"error: {message}\n")


def test_missing_required_key() -> None:
    request = {k: v for k, v in SHANGHAI_EVENING.items() if k != "timezone"}
    assert run(request) == (2, "", "error: input: missing 'timezone'\n")


def test_input_must_be_an_object() -> None:
    assert run("[1, 2]") == (2, "", "error: input: expected a JSON object, got a list\n")
    assert run("") == (
        2,
        "",
        "error: invalid JSON on stdin: Expecting value: line 1 column 1 (char 0)\n",
    )


def test_profiles_listing() -> None:
    result = CliRunner().invoke(cli, ["compliance", "profiles", "us-ma"])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "us-ma (extends us-regf)",
        "  Massachusetts: Regulation F plus at most 2 call attempts within 7 consecutive days "
        "per debt.",
        "  - calls only 08:00-21:00 local time",
        "  - at most 2 attempts (busy, conversation, no_answer, voicemail) within 7 consecutive "
        "days",
        "  - no call for 7 days after a conversation (its day is day 1)",
        "  - consent not required",
        "  - no disclosure to third parties",
        "  - required disclosures: mini_miranda",
    ]


def test_profiles_json_lists_every_profile() -> None:
    result = CliRunner().invoke(cli, ["compliance", "profiles", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [p["name"] for p in data] == ["cn", "us-ma", "us-regf"]
    assert data[0]["window"] == {
        "start": "08:00",
        "end": "22:00",
        "reason": "outside_calling_window",
    }
    assert data[0]["caps"] == [
        {
            "id": "daily_unanswered",
            "reason": "daily_attempt_cap",
            "max": 6,
            "days": 1,
            "outcomes": ["busy", "no_answer", "voicemail"],
        }
    ]


def test_profiles_unknown_name() -> None:
    result = CliRunner().invoke(cli, ["compliance", "profiles", "mars"])
    assert (result.exit_code, result.stderr) == (
        2,
        "error: unknown compliance profile 'mars'; known profiles: cn, us-ma, us-regf\n",
    )


def test_check_help_documents_the_contract() -> None:
    result = CliRunner().invoke(cli, ["compliance", "check", "--help"])
    assert result.exit_code == 0
    for text in ('"next_allowed_at"', "exit 2", '"consent"', "recent_conversation"):
        assert text in result.stdout


def test_a_key_repeated_in_one_object_is_refused_not_read_as_its_last_value() -> None:
    # {"cease": true, "cease": false} read by plain json.loads decided as no cease
    text = (
        '{"profile": "cn", "timezone": "Asia/Shanghai", "now": "2026-03-10T03:00:00Z", '
        '"flags": {"cease": true, "cease": false}}'
    )
    code, out, err = run(text)
    assert (code, out) == (2, "")
    assert "flags: duplicate key 'cease'" in err
