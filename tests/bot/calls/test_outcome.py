from __future__ import annotations

from decimal import Decimal

from bot.calls.outcome import derive_outcome
from bot.calls.state import CallState


def test_promise_needs_amount_and_date() -> None:
    state = CallState(phase="ended", verified=True)
    out = derive_outcome(
        state, {"promised_amount": "200", "promised_date": "2026-12-04"}, answered=True
    )
    assert out.kind == "promise_to_pay"
    assert out.promised_amount == Decimal("200")
    assert out.promised_date == "2026-12-04"
    half = derive_outcome(state, {"promised_amount": "200"}, answered=True)
    assert half.kind == "no_outcome"
    assert half.promised_amount is None


def test_safety_outcomes_win_over_a_promise() -> None:
    slots = {"promised_amount": "50", "promised_date": "2026-12-01"}
    escalated = CallState(phase="ended", escalated=True, reasons=("distress",))
    assert derive_outcome(escalated, slots, answered=True).kind == "handoff"
    assert derive_outcome(escalated, slots, answered=True).handoff is True
    cease = CallState(phase="ended", reasons=("cease_request",))
    assert derive_outcome(cease, slots, answered=True).kind == "cease"
    dispute = CallState(phase="ended", escalated=True, reasons=("dispute",))
    assert derive_outcome(dispute, slots, answered=True).kind == "dispute"


def test_wrong_and_third_party() -> None:
    wrong = CallState(phase="ended", reasons=("wrong_party",))
    third = CallState(phase="ended", reasons=("third_party",))
    assert derive_outcome(wrong, {}, answered=True).kind == "wrong_party"
    assert derive_outcome(third, {}, answered=True).kind == "third_party"


def test_hardship_keeps_the_promise_details() -> None:
    state = CallState(phase="ended", verified=True)
    slots = {"tone": "hardship", "promised_amount": "30", "promised_date": "2026-12-20"}
    out = derive_outcome(state, slots, answered=True, raised=frozenset({"hardship"}))
    assert out.kind == "hardship"
    assert out.promised_amount == Decimal("30")


def test_soft_handling_tone_alone_is_not_a_hardship_outcome() -> None:
    state = CallState(phase="ended", verified=True)
    slots = {"tone": "hardship", "promised_amount": "30", "promised_date": "2026-12-20"}
    out = derive_outcome(state, slots, answered=True, raised=frozenset({"promise_to_pay"}))
    assert out.kind == "promise_to_pay"


def test_no_answer_and_callback_and_bad_amount() -> None:
    assert derive_outcome(CallState(phase="ended"), {}, answered=False).kind == "no_answer"
    cb = derive_outcome(CallState(phase="ended"), {"callback_time": "tomorrow 3pm"}, answered=True)
    assert (cb.kind, cb.callback_time) == ("callback", "tomorrow 3pm")
    bad = derive_outcome(
        CallState(phase="ended"),
        {"promised_amount": "lots", "promised_date": "2026-12-01"},
        answered=True,
    )
    assert bad.kind == "no_outcome"
