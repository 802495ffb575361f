"""The streaming speech-recognition protocol every ASR engine implements.

Audio in is 16 kHz mono signed 16-bit little-endian PCM, fed in 20 ms frames (640 bytes)
or any multiple of them. Results out are partial (may change) or final (a turn's text).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

SAMPLE_RATE = 16_000
FRAME_MS = 20
FRAME_BYTES = SAMPLE_RATE * FRAME_MS // 1000 * 2


@dataclass(frozen=True, slots=True)
class ASRResult:
    """One recognition result.

    Attributes:
        text: The recognised text (Mandarin in simplified characters).
        is_final: True for the end of an utterance, False for a partial hypothesis.
        confidence: 0..1, the engine's confidence (1.0 when the engine gives none).
        start_ms: Start of the utterance, in ms of audio fed to this stream.
        end_ms: End of the utterance, in ms of audio fed to this stream.
    """

    text: str
    is_final: bool
    confidence: float
    start_ms: int
    end_ms: int

    def __post_init__(self) -> None:
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence must be within 0..1, got {self.confidence}")
        if self.end_ms < self.start_ms:
            raise ValueError(f"end_ms {self.end_ms} is before start_ms {self.start_ms}")


class ASRStream(Protocol):
    """One call's recogniser: feed audio, get results. Never blocks the event loop."""

    async def feed(self, pcm16: bytes) -> list[ASRResult]:
        """Feed 16 kHz mono s16le audio; return the results it produced (maybe none)."""
        ...

    async def flush(self) -> ASRResult | None:
        """End the current utterance now and return its final result, if any speech."""
        ...

    async def close(self) -> None:
        """Release the stream's resources."""
        ...


class ASREngine(Protocol):
    """A loaded model for one locale that opens a stream per call."""

    name: str
    locale: str

    async def load(self) -> None:
        """Load the model now, ahead of the first call (else the first turn waits for it)."""
        ...

    def new_stream(self) -> ASRStream:
        """Open a recogniser for one call."""
        ...
