"""The speech-synthesis protocol every TTS engine implements."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Audio:
    """Mono signed 16-bit little-endian PCM at ``sample_rate``."""

    pcm: bytes
    sample_rate: int

    def __post_init__(self) -> None:
        if self.sample_rate <= 0:
            raise ValueError(f"sample_rate must be positive, got {self.sample_rate}")
        if len(self.pcm) % 2:
            raise ValueError(f"pcm must hold whole 16-bit samples, got {len(self.pcm)} bytes")

    @property
    def duration_ms(self) -> int:
        """Length of the audio in milliseconds."""
        return len(self.pcm) * 1000 // (2 * self.sample_rate)


class TTSEngine(Protocol):
    """Turns text into audio. Implementations never block the event loop."""

    name: str

    def voice_for(self, locale: str) -> str:
        """The voice this engine uses for ``locale`` (part of the cache key)."""
        ...

    async def synthesize(self, text: str, *, locale: str) -> Audio:
        """Render ``text`` in ``locale``; raises :class:`bot.errors.TTSError` on failure."""
        ...
