"""What a finished call amounts to: pure, no I/O.

The outcome is derived from the call state (phase, escalation, accumulated policy reasons)
and the dialogue's slots, in a fixed precedence so that the safety-relevant result always
wins over a commercial one:

1. ``no_answer``: the call was never answered.
2. ``cease``: the person asked not to be called again (opt-out is stored).
3. ``wrong_party`` / ``third_party``: nothing was disclosed; the contact is marked.
4. ``dispute``: the person disputes the debt (handed over, collection paused).
5. ``handoff``: distress, self-harm, refusal, a request for a human, abuse, legal, complaint.
6. ``hardship``: the person told of hardship during the call (a promise, if any, is still
   stored). A call that merely *started* in the hardship tone because tiering flagged soft
   handling is judged by what happened on it.
7. ``promise_to_pay``: an amount and a date were agreed.
8. ``callback``: the person asked to be called back at a time.
9. ``no_outcome``: the call ended without any of the above (silence, hang-up).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Literal

from bot.calls.state import CallState

OutcomeKind = Literal[
    "no_answer",
    "cease",
    "wrong_party",
    "third_party",
    "dispute",
    "handoff",
    "hardship",
    "promise_to_pay",
    "callback",
    "no_outcome",
]


@dataclass(frozen=True, slots=True)
class CallOutcome:
    """The result of one call.

    Attributes:
        kind: The outcome, by the precedence in the module docstring.
        handoff: Whether the call was handed to a human.
        reasons: The policy reasons that shaped the call.
        promised_amount: The agreed amount, when a promise was captured.
        promised_date: The agreed date (ISO), when a promise was captured.
        callback_time: The requested call-back time, as the person said it.
    """

    kind: OutcomeKind
    handoff: bool
    reasons: tuple[str, ...]
    promised_amount: Decimal | None = None
    promised_date: str | None = None
    callback_time: str | None = None


def _amount(value: str | None) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return None
    return amount if amount.is_finite() and amount > 0 else None


def derive_outcome(
    state: CallState,
    slots: Mapping[str, str | None],
    *,
    answered: bool,
    raised: frozenset[str] = frozenset(),
) -> CallOutcome:
    """Derive the outcome of a finished call.

    Args:
        state: The final call state.
        slots: The dialogue's slots at the end of the call (``promised_amount``,
            ``promised_date``, ``callback_time``).
        answered: Whether the callee ever answered.
        raised: Every reason tag the policy raised on any turn of the call.
    """
    reasons = state.reasons
    amount = _amount(slots.get("promised_amount"))
    date = slots.get("promised_date") or None
    callback = slots.get("callback_time") or None
    promise = {"promised_amount": amount, "promised_date": date} if amount and date else {}
    kind: OutcomeKind
    if not answered:
        kind = "no_answer"
    elif "cease_request" in reasons:
        kind = "cease"
    elif "wrong_party" in reasons:
        kind = "wrong_party"
    elif "third_party" in reasons:
        kind = "third_party"
    elif "dispute" in reasons:
        kind = "dispute"
    elif state.escalated:
        kind = "handoff"
    elif "hardship" in raised or "hardship" in reasons:
        kind = "hardship"
    elif promise:
        kind = "promise_to_pay"
    elif callback:
        kind = "callback"
    else:
        kind = "no_outcome"
    return CallOutcome(
        kind=kind,
        handoff=state.escalated,
        reasons=reasons,
        promised_amount=amount if promise else None,
        promised_date=date if promise else None,
        callback_time=callback,
    )
