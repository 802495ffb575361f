"""The tracks on their own: format, pts, pacing schedule, queueing, flush, conversion."""

from __future__ import annotations

import asyncio
import fractions

import av
import numpy as np
from aiortc.mediastreams import MediaStreamError, MediaStreamTrack

from tests.voice.transport.signals import dominant_hz, tone
from voice.transport import BotAudioTrack, InboundAudio, SwitchableTrack


def pcm_of(frame: av.AudioFrame) -> bytes:
    return frame.to_ndarray().astype(np.int16).tobytes()


async def test_bot_track_frames_are_48k_mono_20ms_with_own_pts_and_silence_when_idle() -> None:
    track = BotAudioTrack()
    frames = [await track.recv() for _ in range(3)]
    assert [f.pts for f in frames] == [0, 960, 1920]
    assert {(f.sample_rate, f.samples, f.format.name, f.layout.name) for f in frames} == {
        (48_000, 960, "s16", "mono")
    }
    assert {f.time_base for f in frames} == {fractions.Fraction(1, 48_000)}
    assert all(not np.any(f.to_ndarray()) for f in frames)
    track.stop()


async def test_play_resamples_queues_and_reports_departure_times() -> None:
    track = BotAudioTrack()
    departures: list[float] = []
    track.add_tap(lambda pcm, at: departures.append(at))
    first = track.play(tone(50, 440, rate=16_000), 16_000)  # 2.5 frames at 48 kHz
    second = track.play(tone(30, 880), 48_000)
    assert (first.duration_ms, second.duration_ms, track.queued_ms) == (50, 30, 80)
    frames = [await track.recv() for _ in range(5)]
    assert await first.wait() is True and await second.wait() is True
    assert first.started_at == departures[0]
    # The second clip starts mid-frame, right after the first one's last sample.
    assert second.started_at is not None
    assert abs(second.started_at - (departures[2] + 0.010)) < 1e-9
    audio = b"".join(pcm_of(f) for f in frames)
    assert np.count_nonzero(np.frombuffer(audio[: 80 * 96], dtype=np.int16)) > 3000
    assert not np.any(np.frombuffer(audio[80 * 96 :], dtype=np.int16))
    # Due times are exactly 20 ms apart: the pacer's schedule, not wake-up times.
    assert np.allclose(np.diff(departures), 0.020)
    track.stop()


async def test_flush_drops_everything_and_releases_waiters() -> None:
    track = BotAudioTrack(max_lead_ms=40)
    playing = track.play(tone(1000, 440), 48_000)
    waiting = asyncio.ensure_future(track.write(tone(100, 440), 48_000))
    await asyncio.sleep(0.05)
    assert not waiting.done()  # 1.1 s queued > 40 ms: the writer waits
    assert track.flush() == 1100
    later = await asyncio.wait_for(waiting, 1)
    assert await playing.wait() is False and await later.wait() is False
    assert (track.queued_ms, track.speaking) == (0, False)
    frame = await track.recv()
    assert not np.any(frame.to_ndarray())
    track.stop()


class Foreign(MediaStreamTrack):
    """44.1 kHz stereo in 1024-sample frames, as fast as it is read, ``count`` frames."""

    kind = "audio"

    def __init__(self, freq: float, count: int) -> None:
        super().__init__()
        self.freq, self.left, self.sent = freq, count, 0

    async def recv(self) -> av.AudioFrame:
        if self.left == 0:
            raise MediaStreamError
        self.left -= 1
        t = (self.sent + np.arange(1024)) / 44_100
        mono = (np.sin(2 * np.pi * self.freq * t) * 8000).astype(np.int16)
        frame = av.AudioFrame.from_ndarray(
            np.repeat(mono, 2).reshape(1, -1), format="s16", layout="stereo"
        )
        frame.sample_rate, frame.pts = 44_100, self.sent
        frame.time_base = fractions.Fraction(1, 44_100)
        self.sent += 1024
        await asyncio.sleep(0)
        return frame


async def test_switchable_track_normalises_a_foreign_source() -> None:
    track = SwitchableTrack()
    silent = await track.recv()
    track.switch(Foreign(1000, count=20))
    await asyncio.sleep(0.05)  # the reader converts what the source gives
    frames = [await track.recv() for _ in range(8)]
    assert [silent.pts] + [f.pts for f in frames] == [960 * i for i in range(9)]
    assert {(f.sample_rate, f.samples, f.layout.name) for f in frames} == {(48_000, 960, "mono")}
    audio = b"".join(pcm_of(f) for f in frames)
    assert abs(dominant_hz(audio, rate=48_000) - 1000) <= 10
    await track.aclose()


async def test_inbound_audio_serves_16k_20ms_frames_until_the_track_ends() -> None:
    inbound = InboundAudio(Foreign(440, count=50))  # 50 x 1024 / 44.1 kHz = 1.161 s
    frames = [frame async for frame in inbound]
    assert len(frames) == 58  # 1.161 s in whole 20 ms frames (filter tail not flushed)
    assert {len(f.pcm) for f in frames} == {640}
    assert [f.index for f in frames] == list(range(58))
    assert abs(dominant_hz(b"".join(f.pcm for f in frames)) - 440) <= 10
    assert inbound.ended and inbound.dropped == 0
    # Frames are dated on the sender's clock: 20 ms apart (give or take the resampling
    # filter's ~1 ms delay, re-anchored on every source frame).
    assert np.allclose(np.diff([f.media_time for f in frames]), 0.020, atol=0.0015)
