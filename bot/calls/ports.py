"""The small interfaces the conversation loop needs from the outside world.

The loop in :mod:`bot.calls.conversation` talks only to these Protocols; the adapters
(Rasa over HTTP, aiortc + ASR + TTS, SQL storage) implement them at the edges, and tests
use small scripted fakes at exactly these boundaries.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol


@dataclass(frozen=True, slots=True)
class DialogueReply:
    """What the dialogue engine answered to one caller turn.

    Attributes:
        lines: The bot's lines, in order, not yet guarded.
        intent: The caller turn's intent, when the engine classified one.
        confidence: The intent's confidence.
        slots: The dialogue slots after the turn.
        signals: Custom signals from actions, e.g. ``{"kindcall": "handoff"}``.
    """

    lines: tuple[str, ...]
    intent: str | None = None
    confidence: float | None = None
    slots: Mapping[str, Any] = field(default_factory=dict)
    signals: tuple[Mapping[str, Any], ...] = ()


@dataclass(frozen=True, slots=True)
class Understanding:
    """The dialogue engine's reading of a text, without advancing the conversation."""

    intent: str | None
    confidence: float | None


class Dialogue(Protocol):
    """The dialogue engine for one call (Rasa in production)."""

    async def open(self, slots: Mapping[str, str]) -> DialogueReply:
        """Start the conversation with the account's slots; returns the opening lines."""
        ...

    async def understand(self, text: str) -> Understanding:
        """Classify ``text`` without changing the conversation."""
        ...

    async def reply(self, text: str) -> DialogueReply:
        """Feed one caller turn and get the bot's answer (with its reading of the turn)."""
        ...

    async def reply_as(self, intent: str, text: str) -> DialogueReply:
        """Feed one caller turn as ``intent`` (the model's own reading set aside).

        ``text`` is what the caller said: the dialogue's actions still read amounts and dates
        from it. Used instead of :meth:`reply` when the words contradict the model's reading
        (:mod:`bot.calls.steering`).
        """
        ...

    async def undo(self) -> None:
        """Take back the last caller turn and everything the dialogue did after it.

        Used when the policy ends or hands over the call on a turn the dialogue already
        answered: the engine's record then matches what was said. No turn follows an undo (Rasa's
        rules predict nothing after a rewound turn).
        """
        ...

    async def set_slots(self, slots: Mapping[str, Any]) -> None:
        """Set slots (e.g. ``tone``) from outside the dialogue."""
        ...

    def render(self, response: str, slots: Mapping[str, str]) -> str:
        """Render a named response (``utter_*``) for the current locale and slots."""
        ...


@dataclass(frozen=True, slots=True)
class Heard:
    """One finished caller turn from the voice channel."""

    text: str
    confidence: float
    started_ms: int
    ended_ms: int


@dataclass(frozen=True, slots=True)
class Spoken:
    """How saying a line went."""

    started_ms: int
    ended_ms: int
    interrupted: bool
    cache_hit: bool


class VoiceChannel(Protocol):
    """One call's audio: say lines, hear turns, hold, hang up."""

    def now_ms(self) -> int:
        """Milliseconds since the call was answered (the transcript's time base)."""
        ...

    def is_live(self) -> bool:
        """False once either side hung up."""
        ...

    async def say(self, text: str, *, uninterruptible: bool = False) -> Spoken:
        """Speak ``text``; returns early when the caller barges in (unless uninterruptible)."""
        ...

    async def listen(self, timeout_s: float) -> Heard | None:
        """Wait for the caller's next finished turn; ``None`` after ``timeout_s`` of silence."""
        ...

    async def hold(self, seconds: float) -> bool:
        """Play quiet hold audio; True when a supervisor joined before the time ran out."""
        ...

    async def supervised(self) -> None:
        """Wait while a supervisor has the line: until they hand it back or the call ends."""
        ...

    async def hang_up(self) -> None:
        """End the call's audio."""
        ...


Speaker = Literal["bot", "callee"]


@dataclass(frozen=True, slots=True)
class TurnRecord:
    """One line of the transcript, with the evidence behind it."""

    seq: int
    speaker: Speaker
    text: str
    started_ms: int
    ended_ms: int
    asr_confidence: float | None = None
    intent: str | None = None
    intent_confidence: float | None = None
    policy_action: str | None = None
    policy_reasons: tuple[str, ...] = ()
    blocked: tuple[str, ...] = ()
    interrupted: bool = False


class CallRecorder(Protocol):
    """Where a call's evidence goes (storage + audit log in production)."""

    def turn(self, record: TurnRecord) -> None:
        """Store one transcript line."""
        ...

    def event(self, kind: str, payload: Mapping[str, Any]) -> None:
        """Store an audited event (policy decision, guard block, escalation...)."""
        ...
