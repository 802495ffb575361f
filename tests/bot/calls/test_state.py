from __future__ import annotations

import pytest

from bot.calls.state import (
    MAX_SILENT_TURNS,
    CallEvent,
    CallState,
    InvalidTransitionError,
    advance,
)


def run(*kinds: str, reasons: tuple[str, ...] = ()) -> tuple[CallState, list[str]]:
    state = CallState()
    effects = []
    for kind in kinds:
        t = advance(state, CallEvent(kind, reasons))  # type: ignore[arg-type]
        state = t.state
        effects.append(t.effect)
    return state, effects


def test_happy_path_reaches_conversing_verified() -> None:
    state, effects = run("answered", "opening_done", "caller_turn", "verified", "caller_turn")
    assert state.phase == "conversing"
    assert state.verified is True
    assert state.turns == 2
    assert effects == ["none"] * 5


def test_no_answer_ends_with_reason() -> None:
    state, _ = run("no_answer")
    assert state.phase == "ended"
    assert state.reasons == ("no_answer",)


def test_handoff_is_final_and_bot_falls_silent() -> None:
    state = CallState(phase="conversing", verified=True)
    t = advance(state, CallEvent("handoff", ("distress",)))
    assert t.effect == "announce_handoff"
    assert t.state.phase == "on_hold"
    assert t.state.escalated is True
    assert t.state.bot_may_speak is False
    again = advance(t.state, CallEvent("handoff", ("refusal",)))
    assert again.effect == "none"
    assert again.state.reasons == ("distress",)
    talk = advance(t.state, CallEvent("caller_turn"))
    assert talk.state.phase == "on_hold"
    done = advance(talk.state, CallEvent("hold_expired"))
    assert done.effect == "say_goodbye"
    assert done.state.phase == "closing"


def test_end_call_says_goodbye_once() -> None:
    state = CallState(phase="verifying")
    t = advance(state, CallEvent("end_call", ("wrong_party",)))
    assert (t.state.phase, t.effect) == ("closing", "say_goodbye")
    t2 = advance(t.state, CallEvent("end_call", ("cease_request",)))
    assert t2.effect == "none"
    assert t2.state.reasons == ("wrong_party", "cease_request")
    t3 = advance(t2.state, CallEvent("closed"))
    assert (t3.state.phase, t3.effect) == ("ended", "hang_up")


def test_repeated_silence_closes_the_call() -> None:
    state = CallState(phase="conversing")
    for _ in range(MAX_SILENT_TURNS - 1):
        state = advance(state, CallEvent("silence")).state
        assert state.phase == "conversing"
    t = advance(state, CallEvent("silence"))
    assert (t.state.phase, t.effect) == ("closing", "say_goodbye")
    assert t.state.reasons == ("silence",)


def test_speech_resets_silence_count() -> None:
    state, _ = run("answered", "opening_done", "silence", "silence", "caller_turn", "silence")
    assert state.silent_turns == 1
    assert state.phase == "verifying"


def test_hang_up_ends_from_any_live_phase() -> None:
    for phase in ("opening", "verifying", "conversing", "on_hold", "closing"):
        t = advance(CallState(phase=phase), CallEvent("hung_up"))  # type: ignore[arg-type]
        assert t.state.phase == "ended"


def test_events_after_end_are_rejected_with_state_in_message() -> None:
    with pytest.raises(InvalidTransitionError, match='Cannot handle "answered" in phase "ended"'):
        advance(CallState(phase="ended"), CallEvent("answered"))
    with pytest.raises(InvalidTransitionError, match='"caller_turn" in phase "dialling"'):
        advance(CallState(), CallEvent("caller_turn"))
