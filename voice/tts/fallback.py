"""Try TTS engines in order until one renders: edge-tts, then the offline voices."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
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
    An engine that failed then rests for ``rest_s``: the lines after it go straight to the
    next engine instead of each waiting out the same timeout (an offline machine would
    otherwise lose 1.5 s on every line to edge-tts). After the rest it is tried first again;
    while resting it is tried only when every other engine failed too. Its failure is logged
    once per outage, not once per line.

    Args:
        engines: Engines in order of preference; at least one.
        rest_s: How long a failed engine is passed over.
        clock: Monotonic seconds (tests pass their own).
    """

    name = "fallback"

    def __init__(
        self,
        engines: Sequence[TTSEngine],
        *,
        rest_s: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if not engines:
            raise ValueError("FallbackTTS needs at least one engine")
        self.engines: tuple[TTSEngine, ...] = tuple(engines)
        self.last_failures: tuple[str, ...] = ()
        self.rest_s = rest_s
        self._clock = clock
        self._resting_until: dict[str, float] = {}

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
        for engine in self._awake_first(self.engines_for(locale)):
            try:
                audio = await engine.synthesize(text, locale=locale)
            except TTSError as exc:
                failures.append(f"{engine.name}: {exc}")
                if engine.name not in self._resting_until:  # once per outage
                    _log.warning(
                        "TTS engine %s failed, trying the next (and passing it over for %g s): %s",
                        engine.name,
                        self.rest_s,
                        exc,
                    )
                self._resting_until[engine.name] = self._clock() + self.rest_s
                continue
            self._resting_until.pop(engine.name, None)
            self.last_failures = tuple(failures)
            return Rendered(audio=audio, engine=engine, failures=tuple(failures))
        self.last_failures = tuple(failures)
        detail = "; ".join(failures) or "no engine covers this locale"
        raise TTSError(f"every TTS engine failed for locale {locale!r}: {detail}")

    def resting(self) -> list[str]:
        """The engines being passed over after a failure, by name."""
        now = self._clock()
        return [name for name, until in self._resting_until.items() if until > now]

    def _awake_first(self, engines: list[TTSEngine]) -> list[TTSEngine]:
        # resting engines last: tried only when every other engine failed too
        resting = set(self.resting())
        awake = [engine for engine in engines if engine.name not in resting]
        return awake + [engine for engine in engines if engine.name in resting]

    async def synthesize(self, text: str, *, locale: str) -> Audio:
        """Render ``text`` with the first engine that succeeds."""
        return (await self.render(text, locale=locale)).audio
