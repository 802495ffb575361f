"""Real aiortc calls between the bot's endpoint and a callee peer on 127.0.0.1."""

from __future__ import annotations

import asyncio
import time
import wave
from pathlib import Path

import numpy as np

from tests.voice.transport.signals import rms, tone
from voice.pipeline import (
    AudioOutput,
    BargeIn,
    BotStoppedSpeakingFrame,
    Frame,
    FrameDirection,
    Pipeline,
    SpeechFrame,
    UserStartedSpeakingFrame,
)
from voice.transport import CallSession, PcmFrame, SignallingServer, connect
from voice.transport.jitter import AIORTC_AUDIO_PREFETCH, DEFAULT_RECEIVE_FRAMES, receive_frames
from voice.tts.base import Audio
from voice.vad import TurnDetector, TurnEventKind


def chirp(ms: int = 80, rate: int = 48_000) -> bytes:
    t = np.arange(rate * ms // 1000) / rate
    sweep = np.sin(2 * np.pi * (400 * t + (3000 - 400) / (2 * t[-1]) * t * t))
    return (sweep * np.hanning(t.size) * 12_000).astype(np.int16).tobytes()


def locate(channel: np.ndarray, template: np.ndarray, around_s: float, rate: int) -> float:
    """Time (s) in ``channel`` where ``template`` starts, searched within ±0.5 s of a guess."""
    lo = max(0, int((around_s - 0.5) * rate))
    hi = min(channel.size, int((around_s + 0.5) * rate) + template.size)
    window = channel[lo:hi].astype(np.float64)
    score = np.correlate(window, template.astype(np.float64), mode="valid")
    return (lo + int(np.argmax(np.abs(score)))) / rate


async def start_bot(tmp_path: Path) -> tuple[SignallingServer, str, asyncio.Event]:
    hang_up = asyncio.Event()

    async def handler(session: CallSession) -> None:
        await hang_up.wait()

    server = SignallingServer(handler, record_dir=tmp_path)
    return server, await server.start(), hang_up


async def connected_call(
    tmp_path: Path, call_id: str
) -> tuple[SignallingServer, asyncio.Event, CallSession, CallSession]:
    """A bot endpoint and a callee connected to it, both sides' inbound audio ready."""
    server, base, hang_up = await start_bot(tmp_path)
    callee = await connect(f"{base}/calls/{call_id}/offer")
    async with asyncio.timeout(10):
        await callee.wait_connected()
        bot = server.sessions[call_id]
        await bot.wait_connected()
        await bot.inbound()
        await callee.inbound()
    return server, hang_up, bot, callee


async def test_stereo_recording_channels_are_aligned_within_40_ms(tmp_path: Path) -> None:
    server, hang_up, bot, callee = await connected_call(tmp_path, "align-1")
    assert bot.recorder is not None
    t0 = bot.recorder.t0
    burst = chirp()
    await asyncio.sleep(0.5)
    # (bot burst, callee burst) pairs: together, callee 150 ms later, callee 90 ms earlier.
    events: list[tuple[float, float]] = []
    for lead_ms in (0, 150, -90):
        first, second = (bot, callee) if lead_ms >= 0 else (callee, bot)
        one = first.play(burst, 48_000)
        await asyncio.sleep(abs(lead_ms) / 1000)
        two = second.play(burst, 48_000)
        await asyncio.gather(one.wait(), two.wait())
        bot_play, callee_play = (one, two) if first is bot else (two, one)
        assert bot_play.started_at is not None and callee_play.started_at is not None
        events.append((bot_play.started_at - t0, callee_play.started_at - t0))
        await asyncio.sleep(1.2)
    hang_up.set()
    await callee.close()
    await server.stop()

    with wave.open(str(tmp_path / "align-1.wav"), "rb") as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (2, 2, 16_000)
        stereo = np.frombuffer(wav.readframes(wav.getnframes()), dtype=np.int16)
    left, right = stereo[0::2], stereo[1::2]
    template = np.frombuffer(chirp(rate=16_000), dtype=np.int16)
    errors = []
    for bot_at, callee_at in events:
        found_bot = locate(right, template, bot_at, 16_000)
        found_callee = locate(left, template, callee_at, 16_000)
        errors.append(
            (
                round((found_bot - bot_at) * 1000),
                round((found_callee - callee_at) * 1000),
                round(((found_callee - found_bot) - (callee_at - bot_at)) * 1000),
            )
        )
    print("alignment errors (bot ms, caller ms, relative ms):", errors)
    for bot_err, callee_err, relative_err in errors:
        assert abs(bot_err) <= 40
        assert abs(callee_err) <= 40
        assert abs(relative_err) <= 40


async def test_barge_in_silences_the_bot_at_the_callee(
    tmp_path: Path, interruption_speech: Audio
) -> None:
    detected: list[float] = []
    heard_at: list[float] = []  # audio time of the frame that completed the VAD's decision
    stops: list[BotStoppedSpeakingFrame] = []
    hang_up = asyncio.Event()

    async def handler(session: CallSession) -> None:
        output = AudioOutput(session.bot)
        pipeline = Pipeline([BargeIn(), output])

        async def observe(frame: Frame, direction: FrameDirection) -> None:
            if isinstance(frame, BotStoppedSpeakingFrame) and direction.name == "DOWNSTREAM":
                stops.append(frame)

        pipeline.observe(observe)
        pipeline.start()

        async def listen() -> None:
            detector = TurnDetector()
            async for frame in await session.inbound():
                for event in await detector.feed_async(frame.pcm):
                    if event.kind is TurnEventKind.SPEECH_START and not detected:
                        detected.append(time.monotonic())
                        heard_at.append(frame.time)
                        await pipeline.queue_frame(UserStartedSpeakingFrame())

        listener = asyncio.get_running_loop().create_task(listen())
        await session.wait_connected()
        await pipeline.queue_frame(SpeechFrame(pcm=tone(6000, 440), sample_rate=48_000))
        await hang_up.wait()
        listener.cancel()
        await asyncio.wait({listener})
        await pipeline.stop()

    server = SignallingServer(handler, record_dir=tmp_path)
    base = await server.start()
    callee = await connect(f"{base}/calls/barge-1/offer")
    heard: list[PcmFrame] = []
    async with asyncio.timeout(10):
        await callee.wait_connected()
        inbound = await callee.inbound()
        # Wait for half a second of the bot's voice, then talk over it.
        loud = 0
        async for frame in inbound:
            heard.append(frame)
            loud = loud + 1 if rms(frame.pcm) > 500 else 0
            if loud == 25:
                break
    playback = callee.play(interruption_speech.pcm, interruption_speech.sample_rate)
    async with asyncio.timeout(15):
        async for frame in inbound:
            heard.append(frame)
            if playback.finished and frame.time > (playback.ended_at or 0) + 1.0:
                break
    hang_up.set()
    await callee.close()
    await server.stop()

    assert playback.started_at is not None
    # Date the interruption from its first audible sample (Piper leads with some silence).
    clip = np.frombuffer(interruption_speech.pcm, dtype=np.int16)
    onset = int(np.argmax(np.abs(clip) > 1000)) / interruption_speech.sample_rate
    spoke_at = playback.started_at + onset
    assert len(detected) == 1
    assert [(s.interrupted, s.played_ms > 500) for s in stops] == [(True, True)]
    after = [f for f in heard if f.time >= spoke_at]
    last_loud = max(f.time for f in after if rms(f.pcm) > 500) + 0.020
    # Everything after the bot fell silent stays silent (it did not resume).
    assert all(rms(f.pcm) < 100 for f in after if f.time > last_loud + 0.06)
    detect_ms = (detected[0] - spoke_at) * 1000
    stop_ms = (last_loud - detected[0]) * 1000
    total_ms = detect_ms + stop_ms
    vad_ms = (heard_at[0] + 0.020 - spoke_at) * 1000
    print(
        f"barge-in: callee speech -> bot decision {detect_ms:.0f} ms "
        f"(speech the VAD needed {vad_ms:.0f} ms, receive path + scoring {detect_ms - vad_ms:.0f}"
        f" ms), decision -> bot audio stops at callee {stop_ms:.0f} ms, total {total_ms:.0f} ms"
    )
    assert stop_ms <= 200


async def test_both_ends_hold_back_only_the_configured_frames(tmp_path: Path) -> None:
    """aiortc's 80 ms receive buffer is replaced by the session's setting (see jitter.py)."""
    server, hang_up, bot, callee = await connected_call(tmp_path, "jitter-1")
    for session in (bot, callee):
        inbound = await session.inbound()
        assert receive_frames(session.pc, inbound.track) == DEFAULT_RECEIVE_FRAMES
        assert inbound.prefetch_frames == DEFAULT_RECEIVE_FRAMES < AIORTC_AUDIO_PREFETCH
    hang_up.set()
    await callee.close()
    await server.stop()
