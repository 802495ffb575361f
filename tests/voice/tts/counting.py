"""A real engine wrapped to count renders."""

from __future__ import annotations

from voice.tts.base import Audio, TTSEngine


class CountingTTS:
    """A real engine wrapped to count renders (the cache must not re-render hits)."""

    def __init__(self, inner: TTSEngine, name: str | None = None) -> None:
        self.inner = inner
        self.name = name or inner.name
        self.renders: list[str] = []

    def voice_for(self, locale: str) -> str:
        return self.inner.voice_for(locale)

    async def synthesize(self, text: str, *, locale: str) -> Audio:
        self.renders.append(text)
        return await self.inner.synthesize(text, locale=locale)
