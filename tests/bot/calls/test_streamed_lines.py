"""A line not in the TTS cache is played sentence by sentence, starting with the first.

The bot's real outbound track (paced 20 ms frames) and real espeak-ng speech; only the
network is left out (frames are pulled as aiortc would pull them).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator
from pathlib import Path

from bot.calls.voice_channel import AudioVoiceChannel
from voice.asr.base import ASRResult
from voice.transport import Playback
from voice.transport.bot_track import BotAudioTrack
from voice.transport.captions import CaptionSender
from voice.transport.inbound import PcmFrame
from voice.tts.base import Audio
from voice.tts.cache import TTSCache
from voice.tts.espeak import EspeakTTS
from voice.tts.text import SENTENCE_GAP_MS

FIRST = "Thank you for waiting."
SECOND = "The balance is due on Friday."
LINE = f"{FIRST} {SECOND}"


class _SlowSecond(EspeakTTS):
    """espeak-ng, but the second sentence takes ``delay`` seconds longer to render."""

    def __init__(self, delay: float) -> None:
        super().__init__()
        self.delay = delay
        self.rendered: dict[str, float] = {}

    async def synthesize(self, text: str, *, locale: str) -> Audio:
        if text == SECOND:
            await asyncio.sleep(self.delay)
        audio = await super().synthesize(text, locale=locale)
        self.rendered[text] = time.monotonic()
        return audio


class _Session:
    """The parts of a CallSession the channel uses, around a real BotAudioTrack."""

    def __init__(self) -> None:
        self.closed = asyncio.Event()
        self.bot = BotAudioTrack()
        self.captions = CaptionSender()
        self.call_id = "streamed"
        self._pull = asyncio.get_running_loop().create_task(self._drain())

    async def _drain(self) -> None:
        while True:
            await self.bot.recv()

    async def inbound(self) -> AsyncIterator[PcmFrame]:
        async def nothing() -> AsyncIterator[PcmFrame]:
            await self.closed.wait()
            return
            yield

        return nothing()

    def send_caption(self, text: str) -> None:
        self.captions.send(text)

    def play(self, pcm: bytes, sample_rate: int) -> Playback:
        return self.bot.play(pcm, sample_rate)

    def flush(self) -> int:
        return self.bot.flush()

    async def close(self) -> None:
        self.closed.set()
        self._pull.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._pull


class _Deaf:
    def new_stream(self) -> _Deaf:
        return self

    async def feed(self, pcm: bytes) -> list[ASRResult]:
        return []

    async def close(self) -> None:
        return None


async def _channel(tmp_path: Path, engine: EspeakTTS) -> tuple[AudioVoiceChannel, _Session]:
    session = _Session()
    channel = AudioVoiceChannel(
        session,  # type: ignore[arg-type]
        _Deaf(),  # type: ignore[arg-type]
        TTSCache(tmp_path, engine),
        "en",
    )
    await channel.start()
    return channel, session


async def test_an_uncached_line_starts_with_its_first_sentence(tmp_path: Path) -> None:
    engine = _SlowSecond(delay=0.8)
    channel, session = await _channel(tmp_path, engine)
    try:
        spoken = await channel.say(LINE)
    finally:
        await session.close()
    first = await EspeakTTS().synthesize(FIRST, locale="en")
    second = await EspeakTTS().synthesize(SECOND, locale="en")
    assert not spoken.interrupted and not spoken.cache_hit
    # heard before the second sentence existed: rendering it did not hold the line back
    first_heard = channel._t0 + spoken.started_ms / 1000  # the channel's clock, monotonic
    assert first_heard < engine.rendered[SECOND] - 0.5
    # the whole line played: both sentences and the pause between them (the second may
    # also wait for its render after the first ran out)
    least = first.duration_ms + SENTENCE_GAP_MS + second.duration_ms
    assert spoken.ended_ms - spoken.started_ms >= least - 40
    # each sentence is cached on its own; the next call saying them renders nothing
    cache = TTSCache(tmp_path, EspeakTTS())
    assert cache.find(FIRST, "en") is not None and cache.find(SECOND, "en") is not None
    assert cache.find(LINE, "en") is None


async def test_a_cached_line_plays_whole(tmp_path: Path) -> None:
    engine = _SlowSecond(delay=0.0)
    await TTSCache(tmp_path, engine).get_or_render(LINE, "en")
    channel, session = await _channel(tmp_path, engine)
    try:
        spoken = await channel.say(LINE)
    finally:
        await session.close()
    assert spoken.cache_hit and not spoken.interrupted
    assert FIRST not in engine.rendered  # the line was rendered whole, never split


async def test_speech_between_two_sentences_stops_the_line(tmp_path: Path) -> None:
    engine = _SlowSecond(delay=3.0)
    channel, session = await _channel(tmp_path, engine)
    try:
        saying = asyncio.ensure_future(channel.say(LINE))
        await asyncio.sleep(2.0)  # the first sentence (~1.3 s) is over; the second renders
        assert not saying.done()
        channel._on_result(ASRResult("sorry", False, 0.5, 0, 200))  # the caller speaks
        spoken = await asyncio.wait_for(saying, 5.0)
    finally:
        await session.close()
    assert spoken.interrupted
    assert channel.barge_ins == 1
    assert not session.bot.speaking  # the second sentence was never queued
