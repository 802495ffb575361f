"""The call event bus and the recorder that publishes on it."""

from __future__ import annotations

import asyncio

import pytest

from bot.calls.events import CallEvent, CallEvents, PublishingRecorder
from bot.calls.ports import TurnRecord
from tests.bot.calls.fakes import ListRecorder


async def test_subscribers_and_listeners_see_every_event_in_order() -> None:
    events = CallEvents()
    seen: list[str] = []
    stop = events.listen(lambda e: seen.append(e.kind))
    with events.subscribe() as stream:
        events.publish(CallEvent("a1", "ringing"))
        events.publish(CallEvent("a1", "connected"))
        async with asyncio.timeout(1):
            first, second = await anext(stream), await anext(stream)
    assert (first.kind, second.kind) == ("ringing", "connected")
    stop()
    events.publish(CallEvent("a1", "ended"))
    assert seen == ["ringing", "connected"]


def test_a_slow_subscriber_loses_its_oldest_events_not_the_call() -> None:
    events = CallEvents()
    with events.subscribe(limit=2) as stream:
        for n in range(5):
            events.publish(CallEvent(f"a{n}", "ringing"))
        assert [e.call_id for e in stream.pending()] == ["a3", "a4"]
        assert stream.dropped == 3


def test_a_failing_listener_does_not_stop_the_others(caplog: pytest.LogCaptureFixture) -> None:
    events = CallEvents()
    seen: list[str] = []

    def broken(event: CallEvent) -> None:
        raise RuntimeError("console went away")

    events.listen(broken)
    events.listen(lambda e: seen.append(e.call_id))
    events.publish(CallEvent("a7", "ringing"))
    assert seen == ["a7"]
    assert "listener failed" in caplog.text


def test_the_recorder_stores_then_publishes_lines_and_escalations() -> None:
    events = CallEvents()
    stored = ListRecorder()
    recorder = PublishingRecorder(stored, events, "a3")
    with events.subscribe() as stream:
        recorder.turn(
            TurnRecord(
                1,
                "callee",
                "I can't cope anymore",
                1200,
                2500,
                policy_action="handoff",
                policy_reasons=("distress",),
            )
        )
        recorder.event("escalation", {"reasons": ["distress"]})
        recorder.event("policy_decision", {"action": "handoff"})
        published = [(e.kind, dict(e.data)) for e in stream.pending()]
    assert [t.text for t in stored.turns] == ["I can't cope anymore"]
    assert [kind for kind, _ in stored.events] == ["escalation", "policy_decision"]
    assert published == [
        (
            "turn",
            {
                "speaker": "callee",
                "text": "I can't cope anymore",
                "at_ms": 1200,
                "policy_action": "handoff",
                "reasons": ["distress"],
            },
        ),
        ("escalated", {"reasons": ["distress"]}),
    ]
