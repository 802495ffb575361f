"""Why a call was handed over or ended, from the intent that triggered it (pure)."""

from __future__ import annotations

from typing import Final, Literal

HandoffReason = Literal[
    "self_harm", "distress", "request_human", "abuse", "refusal", "complaint", "other"
]
EndReason = Literal[
    "cease",
    "wrong_party",
    "third_party",
    "dispute",
    "already_paid",
    "legal_or_bankruptcy",
    "callback",
    "completed",
]

_HANDOFF_BY_INTENT: Final[dict[str, HandoffReason]] = {
    "self_harm": "self_harm",
    "distress": "distress",
    "request_human": "request_human",
    "abuse": "abuse",
    "refusal": "refusal",
    "complaint": "complaint",
}
_END_BY_INTENT: Final[dict[str, EndReason]] = {
    "cease_contact": "cease",
    "wrong_person": "wrong_party",
    "third_party": "third_party",
    "dispute": "dispute",
    "already_paid": "already_paid",
    "legal_or_bankruptcy": "legal_or_bankruptcy",
    "callback_later": "callback",
    "goodbye": "completed",
}


def handoff_reason(intent: str | None) -> HandoffReason:
    """The hand-over reason for the caller's latest intent (``"other"`` if unforeseen)."""
    return _HANDOFF_BY_INTENT.get(intent or "", "other")


def end_reason(intent: str | None, *, verified: bool) -> EndReason:
    """The end-of-call reason for the caller's latest intent.

    A "no" before verification answers the identity question, so it is a wrong party; after
    verification it closes a finished conversation.
    """
    if intent == "deny":
        return "completed" if verified else "wrong_party"
    return _END_BY_INTENT.get(intent or "", "completed")
