"""End-to-end calls: real aiortc, the real Rasa server, Whisper ASR, Piper (en) / Baker (zh) TTS.

Each locale places four calls against simulated people (cooperative, hardship, distress,
third party) through the same code path as ``kindcall demo``, then the stored evidence is
checked: the promise with its amount and date, the tone switch, the handoff on the
distressed turn, and that nothing about the debt was said before verification or to a
third party.
"""

from __future__ import annotations

import asyncio
import os
import wave
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.calls.conversation import (
    HANDOFF_PREAMBLES,
    HANDOFF_RESPONSE,
    HOLD_OVER_RESPONSE,
    VERIFY_MIN_CONFIDENCE,
    VERIFYING_INTENTS,
)
from bot.calls.rasa_dialogue import render_response
from bot.calls.runner import CallReport, call_slots
from bot.demo.population import DemoData, prepare
from bot.demo.run import DemoRun, run_calls
from bot.dialogue.server import ServerInfo
from bot.storage import audit
from bot.storage.models import AuditEvent, Escalation, Outcome

pytestmark = [pytest.mark.rasa, pytest.mark.slow]

PERSONAS = ["cooperative_promise", "hardship", "distress", "third_party"]


@dataclass
class Run:
    data_locale: str
    data: DemoData
    state: DemoRun
    reports: dict[str, CallReport]

    def by_persona(self, persona: str) -> CallReport:
        for call_id, name in self.state.personas.items():
            if name == persona:
                return self.reports[call_id]
        raise KeyError(persona)


def _run(locale: str, servers: ServerInfo, directory: Path) -> Run:
    os.environ["KINDCALL_TTS_OFFLINE"] = "1"  # edge-tts is online; never depend on it here
    data = prepare(directory, locale=locale, calls=len(PERSONAS), population=60, seed=21)  # type: ignore[arg-type]
    assert len(data.claims) == len(PERSONAS)
    state = DemoRun()
    reports = asyncio.run(
        run_calls(
            data,
            locale=locale,  # type: ignore[arg-type]
            concurrency=1,  # one call at a time: the simulated people's ASR keeps up
            hold_seconds=1.0,
            state=state,
            personas=PERSONAS,
            servers=servers,
        )
    )
    return Run(locale, data, state, {r.call_id: r for r in reports})


@pytest.fixture(scope="module")
def en_run(rasa_en: ServerInfo, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Run]:
    run = _run("en", rasa_en, tmp_path_factory.mktemp("e2e-en") / "demo")
    yield run
    run.data.db.close()


@pytest.fixture(scope="module")
def zh_run(rasa_zh: ServerInfo, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Run]:
    run = _run("zh", rasa_zh, tmp_path_factory.mktemp("e2e-zh") / "demo")
    yield run
    run.data.db.close()


@pytest.fixture(params=["en", "zh"])
def run(request: pytest.FixtureRequest) -> Run:
    value = request.getfixturevalue(f"{request.param}_run")
    assert isinstance(value, Run)
    return value


def _transcript(report: CallReport) -> str:
    turns = report.result.turns if report.result is not None else ()
    lines = [f"{report.call_id} {report.outcome.kind} {report.outcome.reasons}"]
    lines += [
        f"  {t.started_ms:>6} {t.speaker:<6} {t.text}  [{t.intent} {t.intent_confidence}"
        f" {t.policy_action} {list(t.policy_reasons)}]"
        for t in turns
    ]
    return "\n".join(lines)


def _debt_terms(report: CallReport) -> list[str]:
    slots = call_slots(report.account)
    return [slots["amount_due"], slots["creditor_name"], slots["due_date"]]


def test_cooperative_call_stores_the_promise(run: Run) -> None:
    report = run.by_persona("cooperative_promise")
    assert report.outcome.kind == "promise_to_pay", _transcript(report)
    assert report.outcome.promised_amount is not None and report.outcome.promised_amount > 0
    assert report.outcome.promised_date is not None
    with run.data.db.transaction() as session:
        row = session.scalars(select(Outcome).where(Outcome.call_id == report.attempt_id)).one()
    assert row.kind == "promise_to_pay"
    assert row.amount == Decimal(report.outcome.promised_amount)
    assert row.promise_date is not None
    assert row.promise_date.isoformat() == report.outcome.promised_date


def test_hardship_switches_the_tone(run: Run) -> None:
    report = run.by_persona("hardship")
    assert report.result is not None
    assert report.outcome.kind == "hardship", _transcript(report)
    assert report.result.slots.get("tone") == "hardship"
    decisions = [t for t in report.result.turns if t.policy_action == "hardship"]
    assert decisions, [t.text for t in report.result.turns]
    with run.data.db.transaction() as session:
        kinds = session.scalars(
            select(AuditEvent.kind).where(AuditEvent.subject == f"attempt:{report.attempt_id}")
        ).all()
    assert "tone_switch" in kinds


def test_distress_hands_over_within_one_turn(run: Run) -> None:
    report = run.by_persona("distress")
    assert report.result is not None
    assert report.outcome.kind == "handoff", _transcript(report)
    assert report.outcome.handoff is True
    turns = list(report.result.turns)
    first_alarm = next(
        i
        for i, t in enumerate(turns)
        if t.speaker == "callee" and {"distress", "self_harm"} & set(t.policy_reasons)
    )
    # The turn that raised distress is the one that handed over, and every bot line after
    # it is the handoff script, never a dialogue answer.
    assert turns[first_alarm].policy_action == "handoff"
    slots = {"tier": str(report.account.tier), "tone": "standard", **call_slots(report.account)}
    allowed = set()
    for tone in ("standard", "hardship"):
        for name in (
            *(resp for _, resp in HANDOFF_PREAMBLES),
            HANDOFF_RESPONSE,
            HOLD_OVER_RESPONSE,
        ):
            allowed.add(render_response(run.data_locale, name, {**slots, "tone": tone}))
    after = [t.text for t in turns[first_alarm + 1 :] if t.speaker == "bot"]
    assert after and set(after) <= allowed, after
    with run.data.db.transaction() as session:
        escalations = session.scalars(
            select(Escalation).where(Escalation.call_id == report.attempt_id)
        ).all()
    assert len(escalations) == 1
    assert {"distress", "self_harm"} & set(escalations[0].reasons)


def test_nothing_disclosed_before_verification_or_to_a_third_party(run: Run) -> None:
    for report in run.reports.values():
        assert report.result is not None
        terms = _debt_terms(report)
        verified_at = next(
            (
                i
                for i, t in enumerate(report.result.turns)
                if t.speaker == "callee"
                and t.intent in VERIFYING_INTENTS
                and (t.intent_confidence or 0.0) >= VERIFY_MIN_CONFIDENCE
            ),
            len(report.result.turns),
        )
        if report.outcome.kind == "third_party":
            verified_at = len(report.result.turns)
        for turn in report.result.turns[:verified_at]:
            if turn.speaker == "bot":
                leaked = [term for term in terms if term in turn.text]
                assert not leaked, _transcript(report)


def test_third_party_call_ends_as_third_party(run: Run) -> None:
    third = run.by_persona("third_party")
    assert third.outcome.kind == "third_party", _transcript(third)


def test_recordings_and_audit_chain(run: Run) -> None:
    for report in run.reports.values():
        assert report.recording is not None and report.recording.exists()
        with wave.open(str(report.recording)) as wav:
            assert wav.getnchannels() == 2
            assert wav.getnframes() > 0
        assert report.recording_sha256 is not None and len(report.recording_sha256) == 64
    with run.data.db.transaction() as session:
        assert audit.verify(session).ok
        recorded = session.scalars(
            select(AuditEvent.payload).where(AuditEvent.kind == "recording")
        ).all()
    assert {p["sha256"] for p in recorded} == {r.recording_sha256 for r in run.reports.values()}
