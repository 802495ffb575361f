"""Try TTS engines in order until one renders: edge-tts, then the offline voices."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from bot.errors import TTSError
from voice.tts.base import Audio, TTSEngine

__all__ = ["FallbackTTS", "Rendered"]

_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Rendered:
    """Audio and the engine that actually produced it (the cache keys on that engine)."""

    audio: Audio
    engine: TTSEngine
    failures: tuple[str, ...]


class FallbackTTS:
    """A :class:`TTSEngine` that asks each engine in turn.

    An engine that raises :class:`TTSError` (or does not cover the locale) is skipped; the
    error is logged and kept in :attr:`last_failures`. Each engine bounds its own time
    (edge-tts by its connect timeout), so the chain never stalls longer than their sum.

    Args:
        engines: Engines in order of preference; at least one.
    """

    name = "fallback"

    def __init__(self, engines: Sequence[TTSEngine]) -> None:
        if not engines:
            raise ValueError("FallbackTTS needs at least one engine")
        self.engines: tuple[TTSEngine, ...] = tuple(engines)
        self.last_failures: tuple[str, ...] = ()

    def engines_for(self, locale: str) -> list[TTSEngine]:
        """The engines that have a voice for ``locale``, in order."""
        usable: list[TTSEngine] = []
        for engine in self.engines:
            try:
                engine.voice_for(locale)
            except (TTSError, KeyError, ValueError):
                continue
            usable.append(engine)
        return usable

    def voice_for(self, locale: str) -> str:
        """The first engine's voice, as ``engine:voice``."""
        engines = self.engines_for(locale)
        if not engines:
            raise TTSError(f"no TTS engine has a voice for locale {locale!r}")
        return f"{engines[0].name}:{engines[0].voice_for(locale)}"

    async def render(self, text: str, *, locale: str) -> Rendered:
        """Render with the first engine that succeeds and say which one it was.

        Raises:
            TTSError: Every engine failed; the message lists each failure.
        """
        failures: list[str] = []
        for engine in self.engines_for(locale):
            try:
                audio = await engine.synthesize(text, locale=locale)
            except TTSError as exc:
                failures.append(f"{engine.name}: {exc}")
                _log.warning("TTS engine %s failed, trying the next: %s", engine.name, exc)
                continue
            self.last_failures = tuple(failures)
            return Rendered(audio=audio, engine=engine, failures=tuple(failures))
        self.last_failures = tuple(failures)
        detail = "; ".join(failures) or "no engine covers this locale"
        raise TTSError(f"every TTS engine failed for locale {locale!r}: {detail}")

    async def synthesize(self, text: str, *, locale: str) -> Audio:
        """Render ``text`` with the first engine that succeeds."""
        return (await self.render(text, locale=locale)).audio
