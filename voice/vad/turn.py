"""Turn-taking: when the caller starts speaking, pauses, resumes and finishes a turn.

:class:`TurnDetector` consumes the pipeline's 20 ms 16 kHz frames, scores them with Silero
VAD (32 ms windows) and emits :class:`TurnEvent` values:

* ``SPEECH_START`` once speech has lasted ``min_speech_ms`` (a click or a breath is not a
  turn). While the bot is speaking this is the barge-in signal.
* ``PAUSE`` once silence has lasted ``pause_ms`` inside a turn: the moment an offline ASR
  can start transcribing ahead of the end of turn.
* ``RESUME`` when speech comes back before the turn ended (discard that early transcript).
* ``SPEECH_END`` once silence has lasted ``end_silence_ms``: the caller's turn is over.

Every event carries ``at_ms`` (when the speech or silence it reports began, in ms of audio
fed) and ``detected_ms`` (when the detector could tell).

Choosing ``end_silence_ms`` (``bench/asr.py --sweep-vad``): 24 multi-clause turns (12 Piper
English, 12 espeak-ng Mandarin, e.g. "I could do fifty | or maybe | sixty a month."), each
clause trimmed of the synthesiser's padding and joined by hesitation gaps of 150–450 ms,
plus the synthesisers' own comma/full-stop pauses inside clauses. Silero measures 64 pauses
inside those turns: median 192 ms, p90 384 ms, longest 448 ms. Turns split in the middle
(a false end of turn) by end silence: 200 ms → 20/24, 300 ms → 11/24, 400 ms → 4/24,
450 ms → 0/24 (2 ms of margin), 500 ms → 0/24, detected a median 512 ms after the last
syllable. The default is 500 ms: the smallest value with no false end and a real margin
over the longest pause. A longer hesitation ("umm… let me think") still ends the turn; the
dialogue must accept a second final for the same thought. Whisper's pass starts at
``PAUSE`` (160 ms), so most of its ~0.6–1 s overlaps the remaining 340 ms of silence.

Choosing ``min_speech_ms`` (``bench/asr.py --sweep-onset``): the speech start is also the
barge-in signal, so every window it waits is heard by the caller as the bot talking over
them. Over 24 trimmed sentences (12 Piper English, 12 Baker Mandarin) the onset-to-start
delay is p50/p90 40/60 ms at 32 ms, 80/100 ms at 64 ms, 100/140 ms at 96 ms. None of 8
synthetic non-speech sounds (noise bursts, a cough-like decaying burst, a click, hiss,
hum, dial tone, key beep) starts a turn at 32 ms: Silero scores them 0.08 at most, against
the 0.5 threshold. Over the loopback call (``tests/voice/transport/test_loopback.py -s``)
callee speech → bot silent at the callee took 193–234 ms at 64 ms and 145–155 ms at 32 ms,
so the default is one window (32 ms). Real coughs and lip smacks are not in the noise set:
if they interrupt the bot in the field, raise this to 64 ms.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import Executor
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from voice.vad.silero import SAMPLE_RATE, WINDOW_BYTES, WINDOW_SAMPLES, SileroVAD

__all__ = [
    "DEFAULT_END_SILENCE_MS",
    "DEFAULT_MIN_SPEECH_MS",
    "DEFAULT_PAUSE_MS",
    "SpeechScorer",
    "TurnDetector",
    "TurnEvent",
    "TurnEventKind",
]

DEFAULT_END_SILENCE_MS = 500
DEFAULT_PAUSE_MS = 160
DEFAULT_MIN_SPEECH_MS = 32


class TurnEventKind(Enum):
    """What a :class:`TurnEvent` reports."""

    SPEECH_START = "speech_start"
    PAUSE = "pause"
    RESUME = "resume"
    SPEECH_END = "speech_end"


@dataclass(frozen=True, slots=True)
class TurnEvent:
    """A change in the caller's turn.

    Attributes:
        kind: What happened.
        at_ms: When the speech (start/resume) or silence (pause/end) began, in ms of audio.
        detected_ms: When the detector decided, in ms of audio fed so far.
    """

    kind: TurnEventKind
    at_ms: int
    detected_ms: int

    def __post_init__(self) -> None:
        if self.detected_ms < self.at_ms:
            raise ValueError(f"detected_ms {self.detected_ms} is before at_ms {self.at_ms}")


class SpeechScorer(Protocol):
    """Buffers 16 kHz s16le audio and returns one speech probability per 512-sample window."""

    def feed(self, pcm: bytes) -> list[float]:
        """Score every window this chunk completes."""
        ...

    def reset(self) -> None:
        """Forget all state."""
        ...


class TurnDetector:
    """Endpointing and barge-in detection over a stream of 20 ms frames.

    Args:
        end_silence_ms: Silence that ends a turn (see the module docstring for the default).
        pause_ms: Silence after which ``PAUSE`` is reported.
        min_speech_ms: Speech needed before ``SPEECH_START``.
        threshold: Probability at or above which a window is speech.
        neg_threshold: Probability below which a window is silence inside a turn; between
            the two thresholds a window keeps the current state (hysteresis). Defaults to
            ``threshold - 0.15`` as Silero recommends.
        scorer: The VAD; a fresh :class:`SileroVAD` when None.
    """

    def __init__(
        self,
        *,
        end_silence_ms: int = DEFAULT_END_SILENCE_MS,
        pause_ms: int = DEFAULT_PAUSE_MS,
        min_speech_ms: int = DEFAULT_MIN_SPEECH_MS,
        threshold: float = 0.5,
        neg_threshold: float | None = None,
        scorer: SpeechScorer | None = None,
    ) -> None:
        neg = threshold - 0.15 if neg_threshold is None else neg_threshold
        if not 0.0 < neg <= threshold < 1.0:
            raise ValueError(f"need 0 < neg_threshold {neg} <= threshold {threshold} < 1")
        if not 0 < pause_ms <= end_silence_ms:
            raise ValueError(f"need 0 < pause_ms {pause_ms} <= end_silence_ms {end_silence_ms}")
        if min_speech_ms < 0:
            raise ValueError(f"min_speech_ms must be >= 0, got {min_speech_ms}")
        self.end_silence_ms = end_silence_ms
        self.pause_ms = pause_ms
        self.min_speech_ms = min_speech_ms
        self.threshold = threshold
        self.neg_threshold = neg
        self._scorer: SpeechScorer = scorer if scorer is not None else SileroVAD()
        self._samples = 0
        self._in_turn = False
        self._speech_since: int | None = None
        self._silence_since: int | None = None
        self._paused = False
        self.turn_started_ms: int | None = None

    @property
    def in_turn(self) -> bool:
        """True between ``SPEECH_START`` and ``SPEECH_END``."""
        return self._in_turn

    @property
    def position_ms(self) -> int:
        """Milliseconds of audio scored so far."""
        return self._samples * 1000 // SAMPLE_RATE

    def reset(self) -> None:
        """Start over (a new stream); the clock restarts at 0."""
        self._scorer.reset()
        self._samples = 0
        self._in_turn = False
        self._speech_since = None
        self._silence_since = None
        self._paused = False
        self.turn_started_ms = None

    def end_turn(self) -> None:
        """Leave the current turn without an event (e.g. the stream was flushed)."""
        self._in_turn = False
        self._speech_since = None
        self._silence_since = None
        self._paused = False

    def feed(self, frame: bytes) -> list[TurnEvent]:
        """Feed 16 kHz mono s16le audio (usually one 20 ms frame); return new events."""
        events: list[TurnEvent] = []
        for probability in self._scorer.feed(frame):
            start = self._samples
            self._samples += WINDOW_SAMPLES
            self._step(probability, start, events)
        return events

    async def feed_async(self, frame: bytes, executor: Executor | None = None) -> list[TurnEvent]:
        """Like :meth:`feed`, scoring in ``executor`` whenever a window completes."""
        pending = getattr(self._scorer, "pending_bytes", 0)
        if pending + len(frame) < WINDOW_BYTES:
            return self.feed(frame)  # only buffers: not worth a thread hop
        return await asyncio.get_running_loop().run_in_executor(executor, self.feed, frame)

    def _ms(self, samples: int) -> int:
        return samples * 1000 // SAMPLE_RATE

    def _step(self, probability: float, start: int, events: list[TurnEvent]) -> None:
        now = self._ms(self._samples)
        if not self._in_turn:
            if probability >= self.threshold:
                if self._speech_since is None:
                    self._speech_since = start
                if now - self._ms(self._speech_since) >= self.min_speech_ms:
                    self._in_turn = True
                    self._silence_since = None
                    self._paused = False
                    self.turn_started_ms = self._ms(self._speech_since)
                    events.append(TurnEvent(TurnEventKind.SPEECH_START, self.turn_started_ms, now))
            else:
                self._speech_since = None
            return
        if probability >= self.threshold:
            if self._silence_since is not None:
                if self._paused:
                    events.append(TurnEvent(TurnEventKind.RESUME, self._ms(start), now))
                self._silence_since = None
                self._paused = False
            return
        if probability >= self.neg_threshold:
            return
        if self._silence_since is None:
            self._silence_since = start
        silent_ms = now - self._ms(self._silence_since)
        silence_at = self._ms(self._silence_since)
        if not self._paused and silent_ms >= self.pause_ms:
            self._paused = True
            events.append(TurnEvent(TurnEventKind.PAUSE, silence_at, now))
        if silent_ms >= self.end_silence_ms:
            events.append(TurnEvent(TurnEventKind.SPEECH_END, silence_at, now))
            self._in_turn = False
            self._speech_since = None
            self._silence_since = None
            self._paused = False
