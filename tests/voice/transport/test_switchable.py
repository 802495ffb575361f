"""Taking over the line: the switchable track keeps one RTP sender alive across sources."""

from __future__ import annotations

import asyncio
import fractions
import logging

import av
import numpy as np
import pytest
from aiortc.mediastreams import MediaStreamError, MediaStreamTrack

from tests.voice.transport.signals import dominant_hz, tone
from voice.transport import CallSession, PcmFrame, SignallingServer, SwitchableTrack, connect


class ForeignTone(MediaStreamTrack):
    """A source in another format than the wire's: 44.1 kHz stereo, 1024-sample frames."""

    kind = "audio"

    def __init__(self, freq: float) -> None:
        super().__init__()
        self.freq = freq
        self.sent = 0
        self._start: float | None = None

    async def recv(self) -> av.AudioFrame:
        if self.readyState != "live":
            raise MediaStreamError
        loop = asyncio.get_running_loop()
        if self._start is None:
            self._start = loop.time()
        await asyncio.sleep(max(0.0, self._start + self.sent / 44_100 - loop.time()))
        t = (self.sent + np.arange(1024)) / 44_100
        mono = (np.sin(2 * np.pi * self.freq * t) * 8000).astype(np.int16)
        frame = av.AudioFrame.from_ndarray(
            np.repeat(mono, 2).reshape(1, -1), format="s16", layout="stereo"
        )
        frame.sample_rate = 44_100
        frame.pts = self.sent
        frame.time_base = fractions.Fraction(1, 44_100)
        self.sent += 1024
        return frame


async def test_switching_sources_keeps_the_sender_alive(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    phases: list[tuple[str, float]] = []
    sessions: list[CallSession] = []
    done = asyncio.Event()

    async def handler(session: CallSession) -> None:
        sessions.append(session)
        await done.wait()

    server = SignallingServer(handler)
    base = await server.start()
    callee = await connect(f"{base}/calls/takeover-1/offer")
    async with asyncio.timeout(10):
        await callee.wait_connected()
        inbound = await callee.inbound()
    bot = sessions[0]
    sender = bot.pc.getSenders()[0]
    loop = asyncio.get_running_loop()
    supervisor = ForeignTone(1000)
    packets: list[int] = []

    async def packets_sent() -> None:
        stats = await sender.getStats()
        packets.append(sum(getattr(s, "packetsSent", 0) for s in stats.values()))

    bot.play(tone(3000, 440), 48_000)
    phases.append(("bot", loop.time()))
    await asyncio.sleep(0.8)
    await packets_sent()
    bot.take_over(supervisor)
    phases.append(("supervisor", loop.time()))
    await asyncio.sleep(0.8)
    await packets_sent()
    bot.hand_back()
    bot.play(tone(3000, 660), 48_000)
    phases.append(("bot again", loop.time()))
    await asyncio.sleep(0.8)
    await packets_sent()
    assert sender.track is bot.outbound
    frames_sent = bot.outbound.frames_sent
    received: list[PcmFrame] = inbound.take()
    done.set()
    supervisor.stop()
    await callee.close()
    await server.stop()

    # RTP kept flowing through every phase (about 40 packets per 0.8 s).
    assert packets[0] >= 30 and packets[1] - packets[0] >= 30 and packets[2] - packets[1] >= 30
    # 2.4 s of calls at 50 frames/s: the sender never stopped pulling frames.
    assert frames_sent >= 110
    assert not [r.getMessage() for r in caplog.records if "aiortc" in r.name]

    def heard(start: float, end: float) -> float:
        window = [f.pcm for f in received if start + 0.25 <= f.time <= end - 0.1]
        assert len(window) >= 10
        return dominant_hz(b"".join(window))

    bot_at, sup_at, again_at = (at for _, at in phases)
    mono = loop.time()
    assert abs(heard(bot_at, sup_at) - 440) <= 10
    assert abs(heard(sup_at, again_at) - 1000) <= 10
    assert abs(heard(again_at, mono) - 660) <= 10


async def test_switch_rejects_a_video_source() -> None:
    from aiortc.mediastreams import VideoStreamTrack

    track = SwitchableTrack()
    with pytest.raises(ValueError, match="needs an audio source, got 'video'"):
        track.switch(VideoStreamTrack())
