"""Adversarial edge cases of the pre-dial check, written from the contract (issue 4).

Each case states the instant, the person's zone and the history, and asserts the exact
decision: calling-window edges, DST gaps and repeats (US, China, zones that change at
midnight or skip a whole day), caps over local days versus UTC days, rolling caps at exactly
seven days, the leap day, flags, naive datetimes, profile files with bad values, the JSON
contract and a cease stored while a campaign runs.
"""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import Select, select

from bot.campaigns import (
    PlanAccount,
    claim_next,
    complete_attempt,
    create_campaign,
    load_strategy,
    mark_dialled,
    plan,
    plan_campaign,
    release_attempt,
)
from bot.campaigns import claim as claim_module
from bot.cli import cli
from bot.compliance import (
    Flags,
    Outcome,
    Profile,
    decode_request,
    load_profile,
    parse_request,
)
from bot.compliance.loader import PROFILES_DIR
from bot.errors import ComplianceError, DataFileError, StorageError
from bot.storage import Database
from bot.storage.debtors import upsert_record
from bot.storage.models import (
    Account,
    AttemptResult,
    AttemptState,
    AuditEvent,
    CallAttempt,
    Contact,
    Debtor,
)
from bot.storage.optouts import record_opt_out
from tests.bot.campaigns.helpers import MONDAY, SH, planned_campaign

# The database fixtures, on SQLite and PostgreSQL, as the campaign tests use them.
from tests.bot.storage.dbfixtures import db, db_url, pg_url  # noqa: F401
from tests.bot.storage.factories import make_record, with_tier

from .conftest import run_check

NY = "America/New_York"
NAIVE = datetime(2026, 3, 2, 9, 1)
OUT = "outside_calling_window"


decide = run_check


def allowed(now: str) -> dict[str, Any]:
    return {"allowed": True, "reasons": [], "next_allowed_at": now}


def blocked(reasons: list[str], next_at: str | None) -> dict[str, Any]:
    return {"allowed": False, "reasons": reasons, "next_allowed_at": next_at}


def window_profile(folder: Path, name: str, start: str, end: str) -> Profile:
    """A profile with only a calling window, for edges the packaged profiles never reach."""
    (folder / f"{name}.yml").write_text(
        f'name: {name}\nwindow:\n  start: "{start}"\n  end: "{end}"\n', encoding="utf-8"
    )
    return load_profile(name, directory=folder)


# --- the calling window's edges ------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        ("2026-06-01T20:59:59.999999-04:00", allowed("2026-06-01T20:59:59.999999-04:00")),
        ("2026-06-01T21:00:00-04:00", blocked([OUT], "2026-06-02T08:00:00-04:00")),
        ("2026-06-01T08:00:00-04:00", allowed("2026-06-01T08:00:00-04:00")),
        ("2026-06-01T07:59:59-04:00", blocked([OUT], "2026-06-01T08:00:00-04:00")),
        # The same instants written in UTC: the answer is in the person's offset.
        ("2026-06-02T01:00:00+00:00", blocked([OUT], "2026-06-02T08:00:00-04:00")),
    ],
)
def test_us_window_is_half_open(now: str, expected: dict[str, Any]) -> None:
    assert decide("us-regf", NY, now) == expected


def test_cn_window_closes_at_22_and_reopens_at_8() -> None:
    assert decide("cn", "Asia/Shanghai", "2026-11-28T21:59:59+08:00") == allowed(
        "2026-11-28T21:59:59+08:00"
    )
    assert decide("cn", "Asia/Shanghai", "2026-11-28T14:00:00Z") == blocked(
        ["outside_calling_window"], "2026-11-29T08:00:00+08:00"
    )


def test_the_debtors_zone_decides_not_the_agencys() -> None:
    # 10:00 at an agency in New York is 07:00 for a person in Los Angeles.
    assert decide("us-regf", "America/Los_Angeles", "2026-06-01T10:00:00-04:00") == blocked(
        ["outside_calling_window"], "2026-06-01T08:00:00-07:00"
    )
    # 20:30 in Shanghai is 21:30 in Tokyo: a debtor in Tokyo under the cn rules may still be
    # called, one in Shanghai at 22:30 Tokyo time may not.
    assert decide("cn", "Asia/Tokyo", "2026-11-28T21:30:00+08:00") == blocked(
        ["outside_calling_window"], "2026-11-29T08:00:00+09:00"
    )


# --- DST -------------------------------------------------------------------------------------


def test_china_1988_dst_start_reads_the_local_clock() -> None:
    # Shanghai kept DST 1986-1991; on 1988-04-17 its clocks jumped 02:00 -> 03:00. An
    # instant written at +08:00 as 07:30 reads 08:30 on the local clock: allowed.
    assert decide("cn", "Asia/Shanghai", "1988-04-17T07:30:00+08:00") == allowed(
        "1988-04-17T08:30:00+09:00"
    )
    assert decide("cn", "Asia/Shanghai", "1988-04-16T23:30:00+08:00") == blocked(
        ["outside_calling_window"], "1988-04-17T08:00:00+09:00"
    )


def test_china_1988_fall_back_day_caps_the_25_hour_day() -> None:
    # 1988-09-11: Shanghai read 01:00-01:59 twice. Six unanswered attempts in that long day,
    # two of them in the repeated hour, fill its cap; the next day opens at 08:00 +08:00.
    attempts: list[tuple[str, Outcome]] = [
        ("1988-09-11T01:10:00+09:00", "no_answer"),
        ("1988-09-11T01:10:00+08:00", "no_answer"),
        *[(f"1988-09-11T{h:02d}:00:00+08:00", "busy") for h in (9, 10, 11, 12)],
    ]
    assert decide("cn", "Asia/Shanghai", "1988-09-11T21:00:00+08:00", attempts) == blocked(
        ["daily_attempt_cap"], "1988-09-12T08:00:00+08:00"
    )


def test_midnight_gap_moves_the_start_of_the_day(tmp_path: Path) -> None:
    # Santiago springs forward at midnight: 2026-09-06 starts at 01:00 -03:00. A 24-hour
    # window ends at the first instant of the next local day, so there is no dead second.
    always = window_profile(tmp_path, "always", "00:00", "24:00")
    assert decide(always, "America/Santiago", "2026-09-05T23:59:59-04:00") == allowed(
        "2026-09-05T23:59:59-04:00"
    )
    assert decide(always, "America/Santiago", "2026-09-06T04:00:00Z") == allowed(
        "2026-09-06T01:00:00-03:00"
    )


def test_a_skipped_calendar_day_has_no_window() -> None:
    # Samoa skipped 2011-12-30 entirely. At 21:00 on the 29th the next window is the 31st's.
    assert decide("us-regf", "Pacific/Apia", "2011-12-29T21:00:00-10:00") == blocked(
        ["outside_calling_window"], "2011-12-31T08:00:00+14:00"
    )


def test_half_hour_dst_zone() -> None:
    # Lord Howe moves by 30 minutes (2026-10-04 02:00 -> 02:30, +10:30 -> +11:00).
    assert decide("us-regf", "Australia/Lord_Howe", "2026-10-04T09:59:00Z") == allowed(
        "2026-10-04T20:59:00+11:00"
    )
    assert decide("us-regf", "Australia/Lord_Howe", "2026-10-04T10:00:00Z") == blocked(
        ["outside_calling_window"], "2026-10-05T08:00:00+11:00"
    )


# --- caps over local days --------------------------------------------------------------------


def test_daily_cap_counts_the_local_day_not_the_utc_day() -> None:
    # 2026-11-27T16:30Z is 00:30 on the 28th in Shanghai: six unanswered attempts that day.
    attempts: list[tuple[str, Outcome]] = [
        ("2026-11-27T16:30:00Z", "no_answer"),
        *[(f"2026-11-28T{h:02d}:00:00Z", "busy") for h in range(1, 6)],
    ]
    assert decide("cn", "Asia/Shanghai", "2026-11-28T13:00:00Z", attempts) == blocked(
        ["daily_attempt_cap"], "2026-11-29T08:00:00+08:00"
    )
    # Shift the first one an hour earlier: 23:30 on the 27th, so the 28th has five.
    attempts[0] = ("2026-11-27T15:30:00Z", "no_answer")
    assert decide("cn", "Asia/Shanghai", "2026-11-28T13:00:00Z", attempts) == allowed(
        "2026-11-28T21:00:00+08:00"
    )


def test_daily_cap_ignores_conversations_but_not_the_sixth_miss() -> None:
    misses: list[tuple[str, Outcome]] = [
        (f"2026-11-28T{h:02d}:00:00+08:00", "voicemail") for h in (9, 10, 11, 12, 13)
    ]
    talk: list[tuple[str, Outcome]] = [("2026-11-28T14:00:00+08:00", "conversation")]
    now = "2026-11-28T15:00:00+08:00"
    assert decide("cn", "Asia/Shanghai", now, misses + talk) == allowed(now)
    sixth: list[tuple[str, Outcome]] = [("2026-11-28T14:30:00+08:00", "busy")]
    assert decide("cn", "Asia/Shanghai", now, misses + talk + sixth) == blocked(
        ["daily_attempt_cap"], "2026-11-29T08:00:00+08:00"
    )


def test_weekly_cap_frees_on_day_eight_whatever_the_hours() -> None:
    week: list[tuple[str, Outcome]] = [
        (f"2026-06-01T{h:02d}:00:00-04:00", "no_answer") for h in range(13, 20)
    ]
    assert decide("us-regf", NY, "2026-06-07T20:59:59-04:00", week) == blocked(
        ["weekly_attempt_cap"], "2026-06-08T08:00:00-04:00"
    )
    # Less than 7 x 24 hours after the last attempt (19:00 -> 08:00 is 157 h), yet a new
    # run of seven calendar days.
    assert decide("us-regf", NY, "2026-06-08T08:00:00-04:00", week) == allowed(
        "2026-06-08T08:00:00-04:00"
    )


def test_leap_day_is_a_day_of_its_own() -> None:
    talk: list[tuple[str, Outcome]] = [("2028-02-29T10:00:00-05:00", "conversation")]
    # Days 1..7 are Feb 29 .. Mar 6.
    assert decide("us-regf", NY, "2028-03-06T20:00:00-05:00", talk) == blocked(
        ["recent_conversation"], "2028-03-07T08:00:00-05:00"
    )
    week: list[tuple[str, Outcome]] = [
        (f"2028-02-23T{h:02d}:00:00-05:00", "no_answer") for h in range(9, 16)
    ]
    assert decide("us-regf", NY, "2028-02-29T12:00:00-05:00", week) == blocked(
        ["weekly_attempt_cap"], "2028-03-01T08:00:00-05:00"
    )


def test_overlay_cap_is_per_seven_days() -> None:
    two: list[tuple[str, Outcome]] = [
        ("2026-06-01T10:00:00-04:00", "no_answer"),
        ("2026-06-05T10:00:00-04:00", "busy"),
    ]
    assert decide("us-ma", NY, "2026-06-07T10:00:00-04:00", two) == blocked(
        ["weekly_attempt_cap"], "2026-06-08T08:00:00-04:00"
    )


def test_a_future_conversation_blocks_its_own_week_only() -> None:
    ahead: list[tuple[str, Outcome]] = [("2026-06-03T10:00:00-04:00", "conversation")]
    assert decide("us-regf", NY, "2026-06-02T20:00:00-04:00", ahead) == allowed(
        "2026-06-02T20:00:00-04:00"
    )
    assert decide("us-regf", NY, "2026-06-03T09:00:00-04:00", ahead) == blocked(
        ["recent_conversation"], "2026-06-10T08:00:00-04:00"
    )


# --- flags and bad instants ------------------------------------------------------------------


def test_a_flag_blocks_inside_the_window_and_never_expires() -> None:
    assert decide("us-regf", NY, "2026-06-01T12:00:00-04:00", flags=Flags(cease=True)) == blocked(
        ["cease"], None
    )
    assert decide(
        "cn", "Asia/Shanghai", "2026-11-28T23:00:00+08:00", flags=Flags(dispute=True, dnc=True)
    ) == blocked(["dnc", "dispute", "outside_calling_window"], None)


@pytest.mark.parametrize(
    ("key", "why"),
    [
        ("localtime", "the server's own zone, not the person's"),
        ("Factory", "tzdata's placeholder for an unknown zone, read as UTC"),
        ("posixrules", "a template file, not a place"),
        ("right/America/New_York", "a leap-second variant: its clock changes fall 27 s late"),
    ],
)
def test_zone_files_that_are_not_a_persons_zone_are_refused(key: str, why: str) -> None:
    with pytest.raises(ComplianceError, match=f"^unknown time zone {key!r}$"):
        decide("us-regf", key, "2026-06-01T12:00:00-04:00")


def test_plans_refuse_the_zones_the_check_refuses() -> None:
    # Else a planned attempt could never be checked, and every claim would stop on it.
    strategy = load_strategy()
    account = PlanAccount(account_id=1, contact_id=1, tier=3, timezone="localtime")
    with pytest.raises(ValueError, match=r"^account 1: unknown time zone 'localtime'$"):
        plan([account], strategy, datetime(2026, 6, 1, tzinfo=SH), datetime(2026, 6, 2, tzinfo=SH))


# --- profile files ---------------------------------------------------------------------------


@pytest.fixture
def profiles(tmp_path: Path) -> Path:
    """A copy of the packaged profiles that a test may add overlays to."""
    for source in PROFILES_DIR.glob("*.yml"):
        shutil.copy(source, tmp_path / source.name)
    return tmp_path


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / f"{name}.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_overlay_widening_the_end_names_its_own_line(profiles: Path) -> None:
    path = _write(profiles, "late", 'name: late\nextends: us-regf\nwindow:\n  end: "22:00"\n')
    with pytest.raises(DataFileError) as caught:
        load_profile("late", directory=profiles)
    assert str(caught.value) == (
        f"{path}:4: overlay 'late' may only tighten 'us-regf': "
        "window wider than calls only 08:00-21:00 local time"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            'name: bad\nextends: us-regf\ncaps:\n  - id: weekly_attempts\n    max: "2"\n',
            "5: max must be a whole number >= 1, not '2'",
        ),
        (
            'name: bad\nextends: us-regf\nwindow:\n  end: "21:60"\n',
            '4: window end must be a local time "HH:MM" (end may be "24:00"), not \'21:60\'',
        ),
        (
            "name: bad\nextends: us-regf\nholidays: [2026-12-25]\n",
            "3: unknown key 'holidays' in profile; expected one of",
        ),
        (
            "name: bad\nextends: us-regf\ncooldowns:\n  - id: after_conversation\n    days: 6\n",
            "5: overlay 'bad' may only tighten 'us-regf': cooldowns.after_conversation.days 6 < 7",
        ),
    ],
)
def test_bad_profile_values_name_file_and_line(profiles: Path, text: str, message: str) -> None:
    path = _write(profiles, "bad", text)
    with pytest.raises(DataFileError) as caught:
        load_profile("bad", directory=profiles)
    assert str(caught.value).startswith(f"{path}:{message}")


# --- the JSON contract -----------------------------------------------------------------------


def _cli(payload: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["compliance", "check"], input=payload)
    return result.exit_code, result.stdout, result.stderr


def test_cli_prints_one_json_line_in_the_persons_offset() -> None:
    payload = {
        "profile": "us-regf",
        "timezone": "America/Chicago",
        "now": "2026-06-02T02:30:00Z",
        "attempts": [{"at": "2026-05-27T15:00:00-05:00", "outcome": "conversation"}],
    }
    code, out, err = _cli(json.dumps(payload))
    assert (code, err) == (0, "")
    assert out == (
        '{"allowed": false, "reasons": ["outside_calling_window", "recent_conversation"], '
        '"next_allowed_at": "2026-06-03T08:00:00-05:00"}\n'
    )


@pytest.mark.parametrize(
    ("payload", "error"),
    [
        (
            '{"profile": "cn", "timezone": "Asia/Shanghai", "now": "2026-11-28T09:00:00+08:00",'
            ' "flags": {"cease": true, "cease": false}}',
            "flags: duplicate key 'cease'",
        ),
        (
            '{"profile": "cn", "timezone": "Asia/Shanghai", "profile": "us-regf",'
            ' "now": "2026-11-28T09:00:00+08:00"}',
            "input: duplicate key 'profile'",
        ),
    ],
)
def test_duplicate_keys_are_refused(payload: str, error: str) -> None:
    # json.loads keeps the last of two equal keys: a request saying cease true and false
    # would be decided as cease false.
    with pytest.raises(ComplianceError, match=f"^{error}$"):
        decode_request(payload)


def test_decode_request_agrees_with_parse_request() -> None:
    text = (
        '{"profile": "cn", "timezone": "Asia/Shanghai", "now": "2026-11-28T09:00:00+08:00",'
        ' "attempts": [{"at": "2026-11-28T08:10:00+08:00", "outcome": "busy"}],'
        ' "flags": {"consent": false}}'
    )
    assert decode_request(text) == parse_request(json.loads(text))
    with pytest.raises(
        ComplianceError,
        match=r"^invalid JSON: Expecting property name enclosed in double quotes",
    ):
        decode_request("{nope")
    with pytest.raises(ComplianceError, match=r"^invalid JSON on stdin: Expecting value: line 1"):
        decode_request("", source="stdin")


# --- campaigns -------------------------------------------------------------------------------


@pytest.fixture
def store(db: Database) -> Database:  # noqa: F811 - the imported fixture, requested
    """The ``db`` fixture (SQLite and PostgreSQL) under a name no import shadows."""
    return db


def test_cease_stored_mid_campaign_blocks_the_next_claim(store: Database) -> None:
    campaign = planned_campaign(store, 1)
    first = claim_next(store, campaign.id, "w1", datetime(2026, 3, 2, 9, 1, tzinfo=SH))
    assert first is not None
    mark_dialled(store, first.attempt_id, datetime(2026, 3, 2, 9, 2, tzinfo=SH))
    complete_attempt(
        store, first.attempt_id, AttemptResult.CONVERSATION, datetime(2026, 3, 2, 9, 9, tzinfo=SH)
    )
    with store.transaction(write=True) as session:
        record_opt_out(session, store.vault, "+8613800000000", "cease", "letter")
    second = claim_next(store, campaign.id, "w2", datetime(2026, 3, 2, 14, 1, tzinfo=SH))
    assert second is None
    with store.transaction() as session:
        states = sorted(
            (a.state, tuple((a.compliance or {}).get("reasons", ())))
            for a in session.scalars(select(CallAttempt).where(CallAttempt.id != first.attempt_id))
            if a.scheduled_at <= datetime(2026, 3, 2, 14, 1, tzinfo=SH)
        )
        debtor = session.scalars(select(Debtor)).one()
    assert states == [(AttemptState.BLOCKED.value, ("cease",))]
    assert debtor.in_flight_attempt_id is None


def test_claim_refuses_a_naive_now(store: Database) -> None:
    # A naive instant would be read in the machine's own zone (datetime.astimezone), so a
    # server set to Asia/Shanghai would shift every check by eight hours.
    campaign = planned_campaign(store, 1)
    with pytest.raises(ValueError, match=r"^now '2026-03-02T09:01:00' has no UTC offset$"):
        claim_next(store, campaign.id, "w1", NAIVE)
    with store.transaction() as session:
        states = set(session.scalars(select(CallAttempt.state)))
    assert states == {AttemptState.PLANNED.value}


@pytest.mark.parametrize("step", ["dial", "complete", "release"])
def test_attempt_steps_refuse_a_naive_now(store: Database, step: str) -> None:
    campaign = planned_campaign(store, 1)
    claim = claim_next(store, campaign.id, "w1", NAIVE.replace(tzinfo=SH))
    assert claim is not None
    with pytest.raises(ValueError, match=r"^now '2026-03-02T09:01:00' has no UTC offset$"):
        if step == "dial":
            mark_dialled(store, claim.attempt_id, NAIVE)
        elif step == "complete":
            complete_attempt(store, claim.attempt_id, AttemptResult.BUSY, NAIVE)
        else:
            release_attempt(store, claim.attempt_id, "stop", NAIVE)
    with store.transaction() as session:
        attempt = session.get_one(CallAttempt, claim.attempt_id)
    assert attempt.state == AttemptState.CLAIMED.value


def _misses(store: Database, external: str, campaign_id: int, at: datetime, count: int) -> None:
    """``count`` completed unanswered attempts of one debtor, from ``at`` one per minute."""
    with store.transaction(write=True) as session:
        account = session.scalars(
            select(Account).where(Account.account_ref == external.replace("EXT", "ACC"))
        ).one()
        contact = session.scalars(
            select(Contact).where(Contact.debtor_id == account.debtor_id)
        ).one()
        for i in range(count):
            when = at + timedelta(minutes=i)
            session.add(
                CallAttempt(
                    campaign_id=campaign_id,
                    account_id=account.id,
                    contact_id=contact.id,
                    tier=3,
                    state=AttemptState.COMPLETED.value,
                    planned_at=when,
                    scheduled_at=when,
                    claimed_at=when,
                    dialled_at=when,
                    completed_at=when,
                    result="no_answer",
                )
            )


def test_daily_cap_counts_every_debtor_record_with_the_same_number(store: Database) -> None:
    # Two debtor records share one phone (a joint debt, a re-import under a new id): the cn
    # cap is 6 unanswered attempts a day for that number, not 6 per record.
    shared = "+8613800000077"
    with store.transaction(write=True) as session:
        for n in (0, 1):
            upsert_record(session, store.vault, make_record(n, phone_e164=shared), with_tier(3))
    campaign = create_campaign(store, "shared", profile="cn", locale="zh")
    plan_campaign(store, "shared", MONDAY, 1)
    _misses(store, "EXT-00000", campaign.id, datetime(2026, 3, 2, 8, 0, tzinfo=SH), 6)
    assert claim_next(store, campaign.id, "w1", datetime(2026, 3, 2, 9, 1, tzinfo=SH)) is None
    with store.transaction() as session:
        reasons = {
            tuple((a.compliance or {}).get("reasons", ()))
            for a in session.scalars(
                select(CallAttempt).where(CallAttempt.state != AttemptState.COMPLETED.value)
            )
            if a.compliance is not None
        }
    assert reasons == {("daily_attempt_cap",)}


def test_claim_reads_history_as_far_back_as_the_profile_looks(
    store: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A profile with a 90-day rule (allowed up to 366 days): attempts 61-89 days back count.
    (tmp_path / "quarterly.yml").write_text(
        "name: quarterly\nwindow:\n  start: '08:00'\n  end: '22:00'\ncaps:\n"
        "  - id: q\n    reason: quarterly_attempt_cap\n    max: 3\n    days: 90\n"
        "    outcomes: [no_answer, busy, voicemail, conversation]\n",
        encoding="utf-8",
    )
    quarterly = load_profile("quarterly", directory=tmp_path)
    monkeypatch.setattr(claim_module, "load_profile", lambda name: quarterly)
    campaign = planned_campaign(store, 1)
    _misses(store, "EXT-00000", campaign.id, datetime(2025, 12, 30, 10, 0, tzinfo=SH), 3)
    assert claim_next(store, campaign.id, "w1", datetime(2026, 3, 2, 9, 1, tzinfo=SH)) is None
    with store.transaction() as session:
        blocked_at = session.scalars(
            select(CallAttempt).where(CallAttempt.state == AttemptState.BLOCKED.value)
        ).first()
    assert blocked_at is not None and blocked_at.compliance is not None
    assert blocked_at.compliance["reasons"] == ["quarterly_attempt_cap"]
    assert blocked_at.compliance["attempts_counted"] == 3


def test_a_claim_dialled_after_the_window_closed_is_not_dialled(store: Database) -> None:
    # Claimed at 21:59:30 Shanghai time, allowed; the worker reaches the dial at 22:00:05.
    campaign = planned_campaign(store, 1)
    claim = claim_next(store, campaign.id, "w1", datetime(2026, 3, 2, 21, 59, 30, tzinfo=SH))
    assert claim is not None
    with pytest.raises(StorageError) as caught:
        mark_dialled(store, claim.attempt_id, datetime(2026, 3, 2, 22, 0, 5, tzinfo=SH))
    assert str(caught.value) == (
        f"attempt {claim.attempt_id} may not be dialled at 2026-03-02T14:00:05+00:00: "
        "outside_calling_window; it is planned again"
    )
    with store.transaction() as session:
        attempt = session.get_one(CallAttempt, claim.attempt_id)
        debtor = session.get_one(Debtor, claim.debtor_id)
        kinds = [e.kind for e in session.scalars(select(AuditEvent).order_by(AuditEvent.seq))]
    assert (attempt.state, attempt.claimed_by, attempt.dialled_at) == ("planned", None, None)
    assert attempt.compliance is not None
    assert attempt.compliance["next_allowed_at"] == "2026-03-03T08:00:00+08:00"
    assert debtor.in_flight_attempt_id is None
    assert kinds[-2:] == ["claim", "dial_refused"]
    # The next claim moves it to the morning like any attempt found outside the window.
    assert claim_next(store, campaign.id, "w1", datetime(2026, 3, 2, 22, 1, tzinfo=SH)) is None
    with store.transaction() as session:
        moved = session.get_one(CallAttempt, claim.attempt_id)
    assert moved.scheduled_at == datetime(2026, 3, 3, 8, 0, tzinfo=SH)


def test_a_cease_stored_between_claim_and_dial_stops_the_dial(store: Database) -> None:
    campaign = planned_campaign(store, 1)
    claim = claim_next(store, campaign.id, "w1", datetime(2026, 3, 2, 9, 1, tzinfo=SH))
    assert claim is not None
    with store.transaction(write=True) as session:
        record_opt_out(session, store.vault, "+8613800000000", "cease", "sms:STOP")
    with pytest.raises(StorageError, match=r"may not be dialled at .*: cease; it is planned"):
        mark_dialled(store, claim.attempt_id, datetime(2026, 3, 2, 9, 3, tzinfo=SH), worker_id="w1")
    assert claim_next(store, campaign.id, "w2", datetime(2026, 3, 2, 9, 4, tzinfo=SH)) is None
    with store.transaction() as session:
        states = {a.state for a in session.scalars(select(CallAttempt))}
    assert AttemptState.DIALLED.value not in states
    assert AttemptState.CLAIMED.value not in states


def _first_touch() -> Select[CallAttempt]:
    """The earliest planned attempt (ids do not follow slot order on every database)."""
    return (
        select(CallAttempt)
        .where(CallAttempt.state == AttemptState.PLANNED.value)
        .order_by(CallAttempt.planned_at)
    )


def test_a_dial_without_result_counts_as_the_strictest_outcome(store: Database) -> None:
    # The worker died during Sunday's call: dialled, no result. It may have been a
    # conversation, so Regulation F's 7-day quiet period holds on Monday.
    with store.transaction(write=True) as session:
        upsert_record(session, store.vault, make_record(0, profile="us-regf"), with_tier(3))
    campaign = create_campaign(store, "regf", profile="us-regf", locale="en")
    plan_campaign(store, "regf", MONDAY, 1)
    sunday = datetime(2026, 3, 1, 10, 0, tzinfo=SH)
    with store.transaction(write=True) as session:
        planned = session.scalars(_first_touch()).first()
        assert planned is not None
        session.add(
            CallAttempt(
                campaign_id=campaign.id,
                account_id=planned.account_id,
                contact_id=planned.contact_id,
                tier=3,
                state=AttemptState.DIALLED.value,
                planned_at=sunday,
                scheduled_at=sunday,
                claimed_at=sunday,
                claimed_by="dead",
                dialled_at=sunday,
            )
        )
    assert claim_next(store, campaign.id, "w1", datetime(2026, 3, 2, 9, 1, tzinfo=SH)) is None
    with store.transaction() as session:
        first = session.get_one(CallAttempt, planned.id)
    assert first.compliance is not None
    assert first.compliance["reasons"] == ["recent_conversation"]
    assert first.compliance["next_allowed_at"] == "2026-03-08T08:00:00+08:00"


def test_a_dial_without_result_still_counts_against_the_daily_misses(store: Database) -> None:
    # Under cn the strictest reading of an unknown result is an unanswered attempt.
    campaign = planned_campaign(store, 1)
    _misses(store, "EXT-00000", campaign.id, datetime(2026, 3, 2, 8, 0, tzinfo=SH), 5)
    with store.transaction(write=True) as session:
        planned = session.scalars(_first_touch()).first()
        assert planned is not None
        at = datetime(2026, 3, 2, 8, 30, tzinfo=SH)
        session.add(
            CallAttempt(
                campaign_id=campaign.id,
                account_id=planned.account_id,
                contact_id=planned.contact_id,
                tier=3,
                state=AttemptState.DIALLED.value,
                planned_at=at,
                scheduled_at=at,
                claimed_at=at,
                claimed_by="dead",
                dialled_at=at,
            )
        )
    assert claim_next(store, campaign.id, "w1", datetime(2026, 3, 2, 9, 1, tzinfo=SH)) is None
    with store.transaction() as session:
        first = session.get_one(CallAttempt, planned.id)
    assert first.compliance is not None
    assert first.compliance["reasons"] == ["daily_attempt_cap"]


def test_an_attempt_the_check_cannot_read_is_blocked_and_claims_go_on(store: Database) -> None:
    # Planned, then the debtor's zone was changed to one the check refuses. Before, every
    # claim raised on this first candidate and nobody else in the campaign was called.
    campaign = planned_campaign(store, 2)
    with store.transaction(write=True) as session:
        first = session.scalars(select(Debtor).order_by(Debtor.id)).first()
        assert first is not None
        first.timezone = "Factory"
    claim = claim_next(store, campaign.id, "w1", datetime(2026, 3, 2, 9, 1, tzinfo=SH))
    assert claim is not None and claim.debtor_id != first.id
    assert claim_next(store, campaign.id, "w2", datetime(2026, 3, 2, 9, 2, tzinfo=SH)) is None
    with store.transaction() as session:
        stuck = session.scalars(
            select(CallAttempt).where(CallAttempt.state == AttemptState.BLOCKED.value)
        ).one()
    assert stuck.compliance is not None
    assert stuck.compliance["reasons"] == ["compliance_error"]
    assert stuck.compliance["error"] == "unknown time zone 'Factory'"
