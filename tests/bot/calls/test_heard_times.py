"""A caller turn is dated by when its audio reached the bot, not by counting its samples."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from pathlib import Path

from bot.calls.voice_channel import AudioVoiceChannel
from voice.asr.base import ASRResult
from voice.transport.inbound import PcmFrame
from voice.tts.cache import TTSCache
from voice.tts.espeak import EspeakTTS

SILENCE = b"\x00" * 640


class _FastSender:
    """A far end that sent 3 s of audio in the first second (a loaded sender catching up)."""

    def __init__(self, t0: float) -> None:
        self.closed = asyncio.Event()
        self._t0 = t0

    async def inbound(self) -> AsyncIterator[PcmFrame]:
        async def frames() -> AsyncIterator[PcmFrame]:
            for i in range(150):  # 150 frames = 3 s of audio, arriving 1/3 of a frame apart
                yield PcmFrame(SILENCE, self._t0 + i * 0.02 / 3, i, i * 0.02)
            # then real time: 1 s more, one frame every 20 ms
            for i in range(150, 200):
                yield PcmFrame(SILENCE, self._t0 + 1.0 + (i - 150) * 0.02, i, i * 0.02)

        return frames()


class _TurnAt:
    """A recogniser that finishes one turn spanning 2.0-3.5 s of the stream it was fed."""

    def __init__(self) -> None:
        self.fed_ms = 0

    def new_stream(self) -> _TurnAt:
        return self

    async def feed(self, pcm: bytes) -> list[ASRResult]:
        self.fed_ms += 20
        if self.fed_ms == 3600:
            return [ASRResult("yes speaking", True, 0.9, 2000, 3500)]
        return []

    async def close(self) -> None:
        return None


async def test_a_turn_from_a_fast_sender_is_dated_by_its_arrival(tmp_path: Path) -> None:
    t0 = time.monotonic()
    session = _FastSender(t0)
    channel = AudioVoiceChannel(
        session,  # type: ignore[arg-type]
        _TurnAt(),  # type: ignore[arg-type]
        TTSCache(tmp_path, EspeakTTS()),
        "en",
    )
    await channel.start()
    heard = await channel.listen(2.0)
    assert heard is not None
    # stream 2.0 s arrived 0.667 s in; stream 3.5 s (frame 175) arrived 1.5 s in. Counting
    # samples from the first frame would say 2000 and 3500 ms.
    started = heard.started_ms - round((t0 - channel._t0) * 1000)
    ended = heard.ended_ms - round((t0 - channel._t0) * 1000)
    assert abs(started - 667) <= 2
    assert abs(ended - 1500) <= 2
