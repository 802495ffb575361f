"""Typed frames that flow through a call's pipeline.

::

    Frame
    ├── SystemFrame               processed ahead of queued data, never dropped
    │   ├── InterruptionFrame     the caller barged in: stop talking now
    │   ├── HangupFrame           end the call
    │   ├── HandoffFrame          stop the bot, a human takes over
    │   ├── UserStartedSpeakingFrame / UserStoppedSpeakingFrame
    │   └── BotStartedSpeakingFrame / BotStoppedSpeakingFrame
    └── DataFrame                 queued in order, dropped on interruption
        ├── AudioFrame            caller audio in, 16 kHz 20 ms
        ├── TextFrame             text the bot should say
        ├── TranscriptionFrame    what the caller said (ASR)
        ├── SpeechFrame           rendered bot audio to play
        │   └── DisclosureFrame   SpeechFrame + UninterruptibleFrame (required notices)
        └── EndFrame              end of the stream, after everything queued (kept)

``UninterruptibleFrame`` is a marker: such a data frame is neither dropped from a queue nor
cut while it plays when an interruption arrives.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

_ids = itertools.count(1)


def _next_id() -> int:
    return next(_ids)


@dataclass(frozen=True, slots=True, kw_only=True)
class Frame:
    """Base of all frames; ``id`` orders and identifies them."""

    id: int = field(default_factory=_next_id)


class UninterruptibleFrame:
    """Marker: survives interruptions (required disclosures, the recording notice)."""

    __slots__ = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class SystemFrame(Frame):
    """Control that overtakes queued data frames."""


@dataclass(frozen=True, slots=True, kw_only=True)
class DataFrame(Frame):
    """Content processed in order; dropped when the caller interrupts."""


@dataclass(frozen=True, slots=True, kw_only=True)
class InterruptionFrame(SystemFrame):
    """The caller started speaking over the bot."""


@dataclass(frozen=True, slots=True, kw_only=True)
class HangupFrame(SystemFrame):
    """End the call.

    Attributes:
        reason: Why (e.g. "caller_hung_up", "end_call:cease").
    """

    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class HandoffFrame(SystemFrame):
    """Stop the bot and hand the call to a human.

    Attributes:
        reason: The policy's reason tag (e.g. "distress").
    """

    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class UserStartedSpeakingFrame(SystemFrame):
    """The VAD heard the caller start a turn."""


@dataclass(frozen=True, slots=True, kw_only=True)
class UserStoppedSpeakingFrame(SystemFrame):
    """The VAD heard the caller end a turn."""


@dataclass(frozen=True, slots=True, kw_only=True)
class BotStartedSpeakingFrame(SystemFrame):
    """The bot's audio started going out.

    Attributes:
        speech_id: The :class:`SpeechFrame` being played.
        uninterruptible: True for a disclosure (barge-in must not cut it).
    """

    speech_id: int
    uninterruptible: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class BotStoppedSpeakingFrame(SystemFrame):
    """The bot's audio stopped.

    Attributes:
        speech_id: The :class:`SpeechFrame` that stopped.
        interrupted: True when it was cut by an interruption, False when it played out.
        played_ms: How much of it went out.
    """

    speech_id: int
    interrupted: bool
    played_ms: int


@dataclass(frozen=True, slots=True, kw_only=True)
class AudioFrame(DataFrame):
    """Mono s16le audio.

    Attributes:
        pcm: The samples.
        sample_rate: Their rate.
    """

    pcm: bytes
    sample_rate: int

    def __post_init__(self) -> None:
        if self.sample_rate <= 0:
            raise ValueError(f"sample_rate must be positive, got {self.sample_rate}")
        if len(self.pcm) % 2:
            raise ValueError(f"pcm must hold whole 16-bit samples, got {len(self.pcm)} bytes")

    @property
    def duration_ms(self) -> int:
        """Length in milliseconds."""
        return len(self.pcm) * 1000 // (2 * self.sample_rate)


@dataclass(frozen=True, slots=True, kw_only=True)
class TextFrame(DataFrame):
    """Text the bot is to say."""

    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class TranscriptionFrame(DataFrame):
    """What the caller said.

    Attributes:
        text: Recognised text.
        is_final: False for a partial hypothesis.
        confidence: The ASR's confidence, 0..1.
    """

    text: str
    is_final: bool = True
    confidence: float = 1.0


@dataclass(frozen=True, slots=True, kw_only=True)
class SpeechFrame(AudioFrame):
    """A rendered bot line to play (the output stage cuts it into 20 ms chunks).

    Attributes:
        text: What it says (for the transcript).
    """

    text: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class DisclosureFrame(SpeechFrame, UninterruptibleFrame):
    """A required notice (recording notice, mini-Miranda): never cut, never dropped."""


@dataclass(frozen=True, slots=True, kw_only=True)
class EndFrame(DataFrame, UninterruptibleFrame):
    """Processed after everything queued before it (never dropped); the pipeline then stops."""
