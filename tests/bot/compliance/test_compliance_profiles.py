"""Profile files: the packaged profiles, overlays, and errors that name file:line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bot.compliance import Cap, Cooldown, Profile, Window, load_profile, profile_names
from bot.errors import ComplianceError, DataFileError

ANY = frozenset({"no_answer", "busy", "voicemail", "conversation"})

REGF_WINDOW = Window(start=8 * 60, end=21 * 60)
REGF_COOLDOWN = Cooldown(
    id="after_conversation", reason="recent_conversation", after=frozenset({"conversation"}), days=7
)


def test_packaged_profiles() -> None:
    assert profile_names() == ["cn", "us-ma", "us-regf"]


def test_cn_compiles_to_its_rules() -> None:
    profile = load_profile("cn")
    assert profile.window == Window(start=480, end=1320)
    assert profile.caps == (
        Cap(
            id="daily_unanswered",
            reason="daily_attempt_cap",
            limit=6,
            days=1,
            outcomes=frozenset({"no_answer", "busy", "voicemail"}),
        ),
    )
    assert profile.cooldowns == ()
    assert (profile.requires_consent, profile.third_party_disclosure) == (False, False)
    assert profile.extends is None


def test_us_ma_overlay_resolves_onto_us_regf() -> None:
    profile = load_profile("us-ma")
    regf = load_profile("us-regf")
    assert profile.extends == "us-regf"
    assert profile.window == regf.window == REGF_WINDOW
    assert profile.caps == (
        Cap(id="weekly_attempts", reason="weekly_attempt_cap", limit=2, days=7, outcomes=ANY),
    )
    assert regf.caps[0].limit == 7
    assert profile.cooldowns == regf.cooldowns == (REGF_COOLDOWN,)
    assert profile.disclosures == regf.disclosures == ("mini_miranda",)


def test_profiles_are_compiled_once() -> None:
    assert load_profile("us-ma") is load_profile("us-ma")


def test_unknown_profile_lists_the_known_ones() -> None:
    with pytest.raises(ComplianceError) as err:
        load_profile("us-tx")
    assert (
        str(err.value) == "unknown compliance profile 'us-tx'; known profiles: cn, us-ma, us-regf"
    )


def test_rules_for_people() -> None:
    assert load_profile("us-ma").rules() == [
        "calls only 08:00-21:00 local time",
        "at most 2 attempts (busy, conversation, no_answer, voicemail) within 7 consecutive days",
        "no call for 7 days after a conversation (its day is day 1)",
        "consent not required",
        "no disclosure to third parties",
        "required disclosures: mini_miranda",
    ]


BASE = """\
name: base
description: a base profile
requires_consent: false
disclosures: [mini_miranda]
window:
  start: 08:00
  end: 21:00
caps:
  - id: weekly
    reason: weekly_attempt_cap
    max: 7
    days: 7
    outcomes: [busy, conversation]
cooldowns:
  - id: talked
    reason: recent_conversation
    after: [conversation]
    days: 7
"""


def test_unquoted_times_are_read_as_times(profile_dir: Callable[..., Path]) -> None:
    # YAML 1.1 would read 21:00 as the integer 1260; the loader reads the text.
    folder = profile_dir(base=BASE)
    assert load_profile("base", directory=folder).window == REGF_WINDOW


def test_overlay_chain_three_levels(profile_dir: Callable[..., Path]) -> None:
    folder = profile_dir(
        base=BASE,
        state="name: state\nextends: base\nrequires_consent: true\ndisclosures: [state_notice]\n"
        "caps:\n  - id: weekly\n    max: 3\n    outcomes: [busy, conversation, no_answer]\n",
        city="name: city\nextends: state\nwindow: {start: '09:00', end: '20:00'}\n"
        "caps:\n  - id: daily\n    reason: daily_attempt_cap\n    max: 1\n    days: 1\n"
        "    outcomes: [busy]\n",
    )
    city = load_profile("city", directory=folder)
    assert city == Profile(
        name="city",
        description="a base profile",
        extends="state",
        requires_consent=True,
        third_party_disclosure=False,
        disclosures=("mini_miranda", "state_notice"),
        window=Window(start=540, end=1200),
        caps=(
            Cap(
                id="weekly",
                reason="weekly_attempt_cap",
                limit=3,
                days=7,
                outcomes=frozenset({"busy", "conversation", "no_answer"}),
            ),
            Cap(
                id="daily",
                reason="daily_attempt_cap",
                limit=1,
                days=1,
                outcomes=frozenset({"busy"}),
            ),
        ),
        cooldowns=(
            Cooldown(
                id="talked", reason="recent_conversation", after=frozenset({"conversation"}), days=7
            ),
        ),
    )


def test_overlay_loop_is_named(profile_dir: Callable[..., Path]) -> None:
    folder = profile_dir(a="name: a\nextends: b\n", b="name: b\nextends: a\n")
    with pytest.raises(ComplianceError) as err:
        load_profile("a", directory=folder)
    assert str(err.value) == "profile overlay loop: a -> b -> a"


def test_overlay_of_unknown_base(profile_dir: Callable[..., Path]) -> None:
    folder = profile_dir(a="name: a\nextends: nowhere\n")
    with pytest.raises(ComplianceError) as err:
        load_profile("a", directory=folder)
    assert str(err.value) == "unknown compliance profile 'nowhere'; known profiles: a"


@pytest.mark.parametrize(
    ("overlay", "line", "message"),
    [
        (
            "caps:\n  - id: weekly\n    max: 8\n",
            5,
            "caps.weekly.max 8 > 7",
        ),
        (
            "caps:\n  - id: weekly\n    days: 6\n",
            5,
            "caps.weekly.days 6 < 7",
        ),
        (
            "caps:\n  - id: weekly\n    outcomes: [busy]\n",
            5,
            "caps.weekly.outcomes must include ['busy', 'conversation']",
        ),
        (
            "cooldowns:\n  - id: talked\n    days: 2\n",
            5,
            "cooldowns.talked.days 2 < 7",
        ),
        (
            "window:\n  start: '07:00'\n  end: '21:00'\n",
            4,
            "window wider than calls only 08:00-21:00 local time",
        ),
        (
            "third_party_disclosure: true\n",
            3,
            "third_party_disclosure cannot be turned on",
        ),
    ],
)
def test_overlay_may_only_tighten(
    profile_dir: Callable[..., Path], overlay: str, line: int, message: str
) -> None:
    folder = profile_dir(base=BASE, loose="name: loose\nextends: base\n" + overlay)
    with pytest.raises(DataFileError) as err:
        load_profile("loose", directory=folder)
    assert str(err.value) == (
        f"{folder / 'loose.yml'}:{line}: overlay 'loose' may only tighten 'base': {message}"
    )


def test_consent_cannot_be_dropped(profile_dir: Callable[..., Path]) -> None:
    strict = BASE.replace("requires_consent: false", "requires_consent: true").replace(
        "name: base", "name: strict"
    )
    folder = profile_dir(
        strict=strict, loose="name: loose\nextends: strict\nrequires_consent: false\n"
    )
    with pytest.raises(DataFileError) as err:
        load_profile("loose", directory=folder)
    assert str(err.value) == (
        f"{folder / 'loose.yml'}:3: overlay 'loose' may only tighten 'strict': "
        "requires_consent cannot be turned off"
    )


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            "name: bad\nwindow: [08:00\n",
            3,
            "invalid YAML: expected ',' or ']', but got '<stream end>'",
        ),
        ("", 1, "empty profile"),
        ("- a\n", 1, "profile must be a mapping"),
        (
            BASE.replace("name: base", "name: other"),
            1,
            "name 'other' must equal the file name 'bad'",
        ),
        (BASE.replace("name: base\n", ""), 1, "missing key 'name'"),
        (
            BASE.replace("name: base", "name: bad") + "colour: red\n",
            19,
            "unknown key 'colour' in profile; expected one of caps, cooldowns, description, "
            "disclosures, extends, name, requires_consent, third_party_disclosure, window",
        ),
        (
            BASE.replace("name: base", "name: bad").replace("max: 7", "max: 0"),
            11,
            "max must be a whole number >= 1, not '0'",
        ),
        (
            BASE.replace("name: base", "name: bad").replace("max: 7", "max: '7'"),
            11,
            "max must be a whole number >= 1, not '7'",
        ),
        (
            BASE.replace("name: base", "name: bad").replace(
                "[busy, conversation]", "[busy, hangup]"
            ),
            13,
            "unknown outcome 'hangup' in outcomes; expected one of busy, conversation, no_answer, "
            "voicemail",
        ),
        (
            BASE.replace("name: base", "name: bad").replace("end: 21:00", "end: 25:00"),
            7,
            'window end must be a local time "HH:MM" (end may be "24:00"), not \'25:00\'',
        ),
        (
            BASE.replace("name: base", "name: bad").replace("end: 21:00", "end: 07:00"),
            7,
            "window end must be after its start",
        ),
        (
            BASE.replace("name: base", "name: bad").replace(
                "requires_consent: false", "requires_consent: yes"
            ),
            3,
            "requires_consent must be true or false, not 'yes'",
        ),
        (
            BASE.replace("name: base", "name: bad").replace("    reason: weekly_attempt_cap\n", ""),
            9,
            "cap 'weekly' is missing 'reason'",
        ),
        (
            "name: bad\nwindow: {start: '08:00', end: '20:00'}\ncaps:\n"
            "  - {id: weekly, reason: a, max: 1, days: 1, outcomes: [busy]}\n"
            "  - {id: weekly, reason: b, max: 1, days: 1, outcomes: [busy]}\n",
            5,
            "duplicate caps id 'weekly'",
        ),
        ("name: bad\ncaps: {}\n", 2, "caps must be a list"),
        ("name: bad\nwindow: {start: '08:00'}\n", 1, "window is missing 'end'"),
        (
            BASE.replace("name: base", "name: bad").replace("  - id: talked", "  - id: Talked"),
            15,
            "id 'Talked' must be a snake_case tag",
        ),
    ],
)
def test_bad_profile_names_file_and_line(
    profile_dir: Callable[..., Path], text: str, line: int, message: str
) -> None:
    folder = profile_dir(bad=text)
    with pytest.raises(DataFileError) as err:
        load_profile("bad", directory=folder)
    assert str(err.value) == f"{folder / 'bad.yml'}:{line}: {message}"
