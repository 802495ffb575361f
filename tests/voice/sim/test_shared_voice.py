"""SharedVoice: one render per line for all the callees of a process."""

from __future__ import annotations

import asyncio

import numpy as np
import pytest

from bot.errors import TTSError
from voice.sim.shared_voice import SharedVoice
from voice.tts.base import Audio


class CountingTTS:
    """Renders a tone per call after a short delay; fails the first ``failures`` calls."""

    name = "counting"

    def __init__(self, failures: int = 0) -> None:
        self.calls: list[tuple[str, str]] = []
        self.failures = failures

    def voice_for(self, locale: str) -> str:
        return f"tone-{locale}"

    async def synthesize(self, text: str, *, locale: str) -> Audio:
        self.calls.append((locale, text))
        await asyncio.sleep(0.05)
        if len(self.calls) <= self.failures:
            raise TTSError(f"render {len(self.calls)} failed")
        pcm = (np.ones(160 * len(text), dtype=np.int16) * len(self.calls)).tobytes()
        return Audio(pcm=pcm, sample_rate=16_000)


async def test_concurrent_callees_share_one_render_per_line() -> None:
    engine = CountingTTS()
    voice = SharedVoice(engine)
    first = await asyncio.gather(*(voice.synthesize("Hello?", locale="en") for _ in range(10)))
    again = await voice.synthesize("Hello?", locale="en")
    other = await voice.synthesize("Hello?", locale="zh")
    assert engine.calls == [("en", "Hello?"), ("zh", "Hello?")]
    assert all(audio is first[0] for audio in [*first, again])
    assert other is not first[0]
    assert (voice.name, voice.voice_for("zh")) == ("counting", "tone-zh")


async def test_a_cancelled_waiter_leaves_the_render_to_the_others() -> None:
    engine = CountingTTS()
    voice = SharedVoice(engine)
    leaving = asyncio.ensure_future(voice.synthesize("Yes.", locale="en"))
    staying = asyncio.ensure_future(voice.synthesize("Yes.", locale="en"))
    await asyncio.sleep(0.01)
    leaving.cancel()
    audio = await staying
    assert leaving.cancelled()
    assert engine.calls == [("en", "Yes.")]
    assert audio.duration_ms == 40


async def test_a_failed_render_is_tried_again_by_the_next_callee() -> None:
    engine = CountingTTS(failures=1)
    voice = SharedVoice(engine)
    with pytest.raises(TTSError, match="render 1 failed"):
        await voice.synthesize("No.", locale="en")
    audio = await voice.synthesize("No.", locale="en")
    assert engine.calls == [("en", "No."), ("en", "No.")]
    assert audio.pcm[:2] == np.int16(2).tobytes()
