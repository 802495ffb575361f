"""One rendering of each line for all the simulated callees of a process.

Callees playing the same persona say the same lines at about the same time. Rendered per
callee, ten concurrent calls queue ten renders of one line on Piper's single thread (about
5 s before the last callee can answer, measured at 10 calls on 2 cores), and the bot's own
renders wait behind them: the load test then measures the simulator's voice.
"""

from __future__ import annotations

import asyncio

from voice.tts.base import Audio, TTSEngine


class SharedVoice:
    """A :class:`TTSEngine` that renders each ``(locale, text)`` once and shares the audio.

    A render in flight is awaited by every callee that needs the line; a failed render is
    forgotten, so the next callee tries again.

    Args:
        engine: The engine that renders.
    """

    def __init__(self, engine: TTSEngine) -> None:
        self.engine = engine
        self.name = engine.name
        self._renders: dict[tuple[str, str], asyncio.Task[Audio]] = {}

    def voice_for(self, locale: str) -> str:
        """The wrapped engine's voice for ``locale``."""
        return self.engine.voice_for(locale)

    async def synthesize(self, text: str, *, locale: str) -> Audio:
        """Render ``text`` in ``locale`` unless it was rendered (or is being) already."""
        key = (locale, text)
        render = self._renders.get(key)
        if render is None:
            render = asyncio.ensure_future(self.engine.synthesize(text, locale=locale))
            self._renders[key] = render
            render.add_done_callback(lambda done: self._forget_failed(key, done))
        # Shielded: a callee that hangs up mid-render must not cancel it for the others.
        return await asyncio.shield(render)

    def _forget_failed(self, key: tuple[str, str], render: asyncio.Task[Audio]) -> None:
        if render.cancelled() or render.exception() is not None:
            self._renders.pop(key, None)


__all__ = ["SharedVoice"]
