"""The call state machine: pure, no I/O.

A call moves through these phases::

    dialling ──answered──▶ opening ──notice said──▶ verifying ──verified──▶ conversing
       │                      │                        │                       │
       └─no answer──▶ ended   └──────── hang-up / policy end_call / handoff ───┘
                                                        │
                              handoff ──▶ on_hold ──hold expired / supervisor──▶ closing ──▶ ended

The orchestrator feeds :class:`CallEvent` values to :func:`advance` and acts on the
returned :class:`Transition`. Keeping this pure lets the rules ("nothing after hang-up",
"a handoff is final", "end_call never re-opens the dialogue") be tested without audio.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

Phase = Literal["dialling", "opening", "verifying", "conversing", "on_hold", "closing", "ended"]

EventKind = Literal[
    "answered",
    "no_answer",
    "opening_done",
    "verified",
    "caller_turn",
    "silence",
    "handoff",
    "end_call",
    "hold_expired",
    "supervisor_joined",
    "closed",
    "hung_up",
]

#: Silent turns in a row after which the bot says goodbye.
MAX_SILENT_TURNS = 3


@dataclass(frozen=True, slots=True)
class CallEvent:
    """Something that happened on the call."""

    kind: EventKind
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CallState:
    """Where a call stands.

    Attributes:
        phase: The current phase.
        verified: Whether the right party has been verified (debt details may be spoken).
        silent_turns: Consecutive turns with no speech.
        turns: Caller turns heard so far.
        reasons: Reasons accumulated from policy decisions that changed the phase.
        escalated: True once the call was handed to a human.
    """

    phase: Phase = "dialling"
    verified: bool = False
    silent_turns: int = 0
    turns: int = 0
    reasons: tuple[str, ...] = field(default=())
    escalated: bool = False

    @property
    def bot_may_speak(self) -> bool:
        """Whether the dialogue may still produce lines (not after handoff or close)."""
        return self.phase in ("opening", "verifying", "conversing")


Effect = Literal["none", "say_goodbye", "announce_handoff", "start_hold", "hang_up"]


@dataclass(frozen=True, slots=True)
class Transition:
    """The new state and what the orchestrator must do about it."""

    state: CallState
    effect: Effect


class InvalidTransitionError(ValueError):
    """An event arrived that the current phase cannot accept."""


def _merge(reasons: tuple[str, ...], more: tuple[str, ...]) -> tuple[str, ...]:
    return reasons + tuple(r for r in more if r not in reasons)


def advance(state: CallState, event: CallEvent) -> Transition:
    """Apply ``event`` to ``state``.

    Raises:
        InvalidTransitionError: When the event makes no sense in the current phase
            (for example "answered" on a call that already ended).
    """
    phase = state.phase
    kind = event.kind
    if phase == "ended":
        if kind in ("hung_up", "closed"):
            return Transition(state, "none")
        raise InvalidTransitionError(f'Cannot handle "{kind}" in phase "{phase}"')
    if kind == "hung_up":
        return Transition(replace(state, phase="ended"), "none")
    if phase == "dialling":
        if kind == "answered":
            return Transition(replace(state, phase="opening"), "none")
        if kind == "no_answer":
            return Transition(replace(state, phase="ended", reasons=("no_answer",)), "none")
        raise InvalidTransitionError(f'Cannot handle "{kind}" in phase "{phase}"')
    if kind == "handoff":
        if state.escalated:
            return Transition(state, "none")
        new = replace(
            state, phase="on_hold", escalated=True, reasons=_merge(state.reasons, event.reasons)
        )
        return Transition(new, "announce_handoff")
    if kind == "end_call":
        if phase in ("closing", "on_hold"):
            return Transition(replace(state, reasons=_merge(state.reasons, event.reasons)), "none")
        new = replace(state, phase="closing", reasons=_merge(state.reasons, event.reasons))
        return Transition(new, "say_goodbye")
    if kind == "closed":
        return Transition(replace(state, phase="ended"), "hang_up")
    if phase == "on_hold":
        if kind in ("hold_expired", "supervisor_joined"):
            return Transition(replace(state, phase="closing"), "say_goodbye")
        if kind in ("caller_turn", "silence"):
            # The caller may keep talking while on hold: recorded, never answered by the bot.
            return Transition(replace(state, turns=state.turns + 1), "none")
        raise InvalidTransitionError(f'Cannot handle "{kind}" in phase "{phase}"')
    if phase == "closing":
        if kind in ("caller_turn", "silence"):
            return Transition(state, "none")
        raise InvalidTransitionError(f'Cannot handle "{kind}" in phase "{phase}"')
    # opening, verifying, conversing
    if kind == "opening_done" and phase == "opening":
        return Transition(replace(state, phase="verifying"), "none")
    if kind == "verified" and phase in ("verifying", "conversing"):
        return Transition(replace(state, phase="conversing", verified=True), "none")
    if kind == "caller_turn":
        return Transition(replace(state, turns=state.turns + 1, silent_turns=0), "none")
    if kind == "silence":
        silent = state.silent_turns + 1
        new = replace(state, silent_turns=silent)
        if silent >= MAX_SILENT_TURNS:
            new = replace(new, phase="closing", reasons=_merge(state.reasons, ("silence",)))
            return Transition(new, "say_goodbye")
        return Transition(new, "none")
    raise InvalidTransitionError(f'Cannot handle "{kind}" in phase "{phase}"')
