"""The render-ahead TTS cache: every line an account can hear is synthesised before dialling.

A line is stored as ``<sha256>.wav`` where the hash covers the engine name, the voice and
the exact text, so a changed script line or voice never plays stale audio. With a
:class:`~voice.tts.fallback.FallbackTTS`, a look-up tries each engine's key in order of
preference and a render is stored under the engine that actually produced it: lines
prerendered offline are still hits on a call made while edge-tts is reachable.

Counters: the cache counts hits and misses; :meth:`TTSCache.for_call` returns a view over
the same files with its own counters, so each call reports its own hit rate.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bot.errors import TTSError, VoiceError
from voice.audio import read_wav, write_wav
from voice.tts.base import Audio, TTSEngine
from voice.tts.fallback import FallbackTTS

__all__ = ["CacheStats", "PrerenderReport", "TTSCache", "cache_key"]


def cache_key(engine: str, voice: str, text: str) -> str:
    """The hex sha256 naming a rendered line (fields joined with NUL, which text lacks)."""
    return hashlib.sha256("\0".join((engine, voice, text)).encode()).hexdigest()


@dataclass(slots=True)
class CacheStats:
    """Hits and misses counted by one cache object."""

    hits: int = 0
    misses: int = 0

    @property
    def hit_rate(self) -> float:
        """Hits over look-ups (0.0 before any look-up)."""
        total = self.hits + self.misses
        return self.hits / total if total else 0.0


@dataclass(frozen=True, slots=True)
class PrerenderReport:
    """What :meth:`TTSCache.prerender` did."""

    rendered: int
    cached: int
    failed: tuple[str, ...]


@dataclass(slots=True)
class _Store:
    directory: Path
    engine: TTSEngine
    inflight: dict[str, asyncio.Future[Audio]] = field(default_factory=dict)


class TTSCache:
    """WAV files on disk in front of a :class:`TTSEngine`.

    Args:
        directory: Where the WAV files live (``var_dir()/tts-cache`` in the app).
        engine: The engine (often a :class:`FallbackTTS`) that renders misses.
    """

    def __init__(self, directory: Path, engine: TTSEngine) -> None:
        self._store = _Store(Path(directory), engine)
        self.stats = CacheStats()

    @property
    def directory(self) -> Path:
        """The cache directory."""
        return self._store.directory

    @property
    def engine(self) -> TTSEngine:
        """The engine that renders misses."""
        return self._store.engine

    @property
    def hits(self) -> int:
        """Look-ups served from disk by this object."""
        return self.stats.hits

    @property
    def misses(self) -> int:
        """Look-ups that had to render, by this object."""
        return self.stats.misses

    def for_call(self) -> TTSCache:
        """A view on the same files and engine with fresh counters (one per call)."""
        view = TTSCache.__new__(TTSCache)
        view._store = self._store
        view.stats = CacheStats()
        return view

    def _candidates(self, locale: str) -> list[TTSEngine]:
        engine = self._store.engine
        if isinstance(engine, FallbackTTS):
            return engine.engines_for(locale)
        return [engine]

    def path_for(self, engine: TTSEngine, text: str, locale: str) -> Path:
        """Where ``engine`` would store ``text`` for ``locale``."""
        key = cache_key(engine.name, engine.voice_for(locale), text)
        return self._store.directory / f"{key}.wav"

    def find(self, text: str, locale: str) -> Path | None:
        """The cached file for ``text`` (first engine in preference order), or None."""
        for engine in self._candidates(locale):
            path = self.path_for(engine, text, locale)
            if path.is_file():
                return path
        return None

    async def lookup(self, text: str, locale: str) -> Audio | None:
        """The cached audio for ``text`` (counted as a hit), or None; never renders."""
        path = await asyncio.to_thread(self.find, text, locale)
        if path is None:
            return None
        try:
            audio = await asyncio.to_thread(read_wav, path)
        except VoiceError:
            path.unlink(missing_ok=True)  # a damaged file is re-rendered, not played
            return None
        self.stats.hits += 1
        return audio

    async def get_or_render(self, text: str, locale: str) -> Audio:
        """Return the cached audio for ``text`` or render, store and return it.

        Concurrent misses on the same line render it once.

        Raises:
            TTSError: Nothing cached and every engine failed.
        """
        audio = await self.lookup(text, locale)
        if audio is not None:
            return audio
        self.stats.misses += 1
        inflight_key = f"{locale}\0{text}"
        pending = self._store.inflight.get(inflight_key)
        if pending is not None:
            return await asyncio.shield(pending)
        future: asyncio.Future[Audio] = asyncio.get_running_loop().create_future()
        self._store.inflight[inflight_key] = future
        try:
            audio = await self._render(text, locale)
        except BaseException as exc:
            future.set_exception(exc if isinstance(exc, Exception) else TTSError("cancelled"))
            future.exception()  # mark retrieved: waiters get it, nobody else must
            raise
        else:
            future.set_result(audio)
            return audio
        finally:
            del self._store.inflight[inflight_key]

    async def _render(self, text: str, locale: str) -> Audio:
        engine = self._store.engine
        if isinstance(engine, FallbackTTS):
            rendered = await engine.render(text, locale=locale)
            audio, used = rendered.audio, rendered.engine
        else:
            audio, used = await engine.synthesize(text, locale=locale), engine
        await asyncio.to_thread(write_wav, self.path_for(used, text, locale), audio)
        return audio

    async def prerender(
        self,
        lines: Iterable[str],
        locale: str,
        *,
        on_line: Callable[[str, bool], Awaitable[None] | None] | None = None,
    ) -> PrerenderReport:
        """Render every line not cached yet (render ahead of a call).

        Args:
            lines: The texts; duplicates are rendered once.
            locale: Their locale.
            on_line: Called after each line with (text, was_cached), e.g. a progress bar.

        Returns:
            How many lines were rendered, already cached, or failed (with the reason).
        """
        rendered = cached = 0
        failed: list[str] = []
        unique: Sequence[str] = list(dict.fromkeys(line for line in lines if line.strip()))
        for line in unique:
            was_cached = await asyncio.to_thread(self.find, line, locale) is not None
            if was_cached:
                cached += 1
            else:
                try:
                    await self.get_or_render(line, locale)
                except TTSError as exc:
                    failed.append(f"{line[:60]!r}: {exc}")
                else:
                    rendered += 1
            if on_line is not None:
                result = on_line(line, was_cached)
                if result is not None:
                    await result
        return PrerenderReport(rendered=rendered, cached=cached, failed=tuple(failed))
