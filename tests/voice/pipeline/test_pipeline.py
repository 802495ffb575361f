from __future__ import annotations

import asyncio

import numpy as np

from voice.pipeline import (
    AudioOutput,
    BargeIn,
    BotStartedSpeakingFrame,
    BotStoppedSpeakingFrame,
    DisclosureFrame,
    EndFrame,
    Frame,
    FrameDirection,
    FrameProcessor,
    FrameQueue,
    HangupFrame,
    InterruptionFrame,
    Pipeline,
    SpeechFrame,
    TextFrame,
    UserStartedSpeakingFrame,
)
from voice.transport import BotAudioTrack

DOWN = FrameDirection.DOWNSTREAM
UP = FrameDirection.UPSTREAM


def tone(ms: int, rate: int = 48_000, amplitude: int = 8000) -> bytes:
    t = np.arange(rate * ms // 1000) / rate
    return (np.sin(2 * np.pi * 440 * t) * amplitude).astype(np.int16).tobytes()


def test_queue_serves_system_frames_before_data_frames() -> None:
    queue = FrameQueue()
    d1, d2 = TextFrame(text="one"), TextFrame(text="two")
    s1, s2 = InterruptionFrame(), HangupFrame(reason="done")
    for frame in (d1, s1, d2, s2):
        queue.put(frame, DOWN)

    async def drain() -> list[Frame]:
        return [(await queue.get())[0] for _ in range(4)]

    assert asyncio.run(drain()) == [s1, s2, d1, d2]


def test_drop_data_keeps_uninterruptible_frames() -> None:
    queue = FrameQueue()
    speech = SpeechFrame(pcm=b"\0\0", sample_rate=16_000, text="hi")
    notice = DisclosureFrame(pcm=b"\0\0", sample_rate=16_000, text="recorded")
    queue.put(speech, DOWN)
    queue.put(notice, DOWN)
    assert queue.drop_data() == [speech]
    assert queue.data_len == 1
    assert queue.drop_data(keep_uninterruptible=False) == [notice]


class Slow(FrameProcessor):
    """Takes 200 ms per text frame; logs what it processed, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.log: list[str] = []

    async def process_frame(self, frame: Frame, direction: FrameDirection) -> None:
        if isinstance(frame, TextFrame):
            self.log.append(f"start {frame.text}")
            await asyncio.sleep(0.2)
            self.log.append(f"end {frame.text}")
        else:
            self.log.append(type(frame).__name__)
        await self.push_frame(frame, direction)


async def test_system_frame_overtakes_queued_and_running_data() -> None:
    slow = Slow()
    out: list[Frame] = []
    pipeline = Pipeline([slow])

    async def collect(frame: Frame, direction: FrameDirection) -> None:
        out.append(frame)

    pipeline.observe(collect)
    pipeline.start()
    await pipeline.queue_frame(TextFrame(text="a"))
    await pipeline.queue_frame(TextFrame(text="b"))
    await asyncio.sleep(0.05)  # "a" is being processed, "b" waits
    await pipeline.queue_frame(UserStartedSpeakingFrame())
    await pipeline.queue_frame(EndFrame())
    await asyncio.wait_for(pipeline.wait_stopped(), 5)
    assert slow.log == [
        "start a",
        "UserStartedSpeakingFrame",
        "end a",
        "start b",
        "end b",
        "EndFrame",
    ]
    assert [type(f).__name__ for f in out] == [
        "UserStartedSpeakingFrame",
        "TextFrame",
        "TextFrame",
        "EndFrame",
    ]


async def test_interruption_cancels_running_frame_and_drops_queued_ones() -> None:
    slow = Slow()
    pipeline = Pipeline([slow])
    pipeline.start()
    a, b = TextFrame(text="a"), TextFrame(text="b")
    await pipeline.queue_frame(a)
    await pipeline.queue_frame(b)
    await asyncio.sleep(0.05)
    await pipeline.queue_frame(InterruptionFrame())
    await pipeline.queue_frame(EndFrame())
    await asyncio.wait_for(pipeline.wait_stopped(), 5)
    assert slow.log == ["start a", "InterruptionFrame", "EndFrame"]
    assert slow.dropped == [b, a]


class Speaker:
    """Runs the real track's paced ``recv`` like aiortc's sender would; keeps every frame."""

    def __init__(self, track: BotAudioTrack) -> None:
        self.track = track
        self.frames: list[tuple[float, bytes]] = []
        self.task = asyncio.get_running_loop().create_task(self._run())

    async def _run(self) -> None:
        while True:
            frame = await self.track.recv()
            self.frames.append((asyncio.get_running_loop().time(), bytes(frame.planes[0])))

    async def close(self) -> None:
        self.task.cancel()
        await asyncio.wait({self.task})


def loud(pcm: bytes) -> bool:
    return int(np.abs(np.frombuffer(pcm, dtype=np.int16)).max()) > 1000


class Seen(list[Frame]):
    """Frames leaving the pipeline downstream; lets a test wait for one."""

    def __init__(self) -> None:
        super().__init__()
        self.changed = asyncio.Event()

    async def __call__(self, frame: Frame, direction: FrameDirection) -> None:
        if direction is DOWN:
            self.append(frame)
            self.changed.set()


async def output_pipeline() -> tuple[Pipeline, BargeIn, AudioOutput, BotAudioTrack, Seen]:
    track = BotAudioTrack()
    barge_in = BargeIn()
    output = AudioOutput(track)
    pipeline = Pipeline([barge_in, output])
    seen = Seen()
    pipeline.observe(seen)
    pipeline.start()
    return pipeline, barge_in, output, track, seen


async def wait_for_frame(seen: Seen, kind: type[Frame], count: int = 1) -> None:
    async with asyncio.timeout(10):
        while sum(isinstance(f, kind) for f in seen) < count:
            seen.changed.clear()
            await seen.changed.wait()


async def test_barge_in_cuts_speech_flushes_queue_and_reports_stop() -> None:
    pipeline, barge_in, output, track, seen = await output_pipeline()
    speaker = Speaker(track)
    first = SpeechFrame(pcm=tone(2000), sample_rate=48_000, text="first")
    second = SpeechFrame(pcm=tone(1000, rate=16_000), sample_rate=16_000, text="second")
    await pipeline.queue_frame(first)
    await pipeline.queue_frame(second)
    await wait_for_frame(seen, BotStartedSpeakingFrame)
    await asyncio.sleep(0.3)
    await pipeline.queue_frame(UserStartedSpeakingFrame())
    await wait_for_frame(seen, BotStoppedSpeakingFrame)
    cut_at = asyncio.get_running_loop().time()
    await asyncio.sleep(0.2)
    await speaker.close()

    stopped = [f for f in seen if isinstance(f, BotStoppedSpeakingFrame)]
    assert len(stopped) == 1
    assert stopped[0].speech_id == first.id
    assert stopped[0].interrupted is True
    assert 0 < stopped[0].played_ms < 2000
    assert barge_in.interruptions == 1
    assert output.dropped == [second, first]
    assert track.queued_ms == 0
    # Nothing audible left the track after the stop was reported.
    assert not any(loud(pcm) for at, pcm in speaker.frames if at > cut_at)
    assert any(loud(pcm) for at, pcm in speaker.frames if at <= cut_at)
    await pipeline.stop()


async def test_disclosure_is_not_cut_but_the_rest_of_the_turn_is_dropped() -> None:
    pipeline, barge_in, output, track, seen = await output_pipeline()
    speaker = Speaker(track)
    notice = DisclosureFrame(pcm=tone(600), sample_rate=48_000, text="This call is recorded.")
    chatter = SpeechFrame(pcm=tone(600), sample_rate=48_000, text="How are you?")
    second_notice = DisclosureFrame(pcm=tone(200), sample_rate=48_000, text="Mini-Miranda.")
    for frame in (notice, chatter, second_notice):
        await pipeline.queue_frame(frame)
    await wait_for_frame(seen, BotStartedSpeakingFrame)
    await asyncio.sleep(0.1)
    # The caller talks and an explicit interruption arrives too: neither may cut a notice.
    await pipeline.queue_frame(UserStartedSpeakingFrame())
    await output.queue_frame(InterruptionFrame())
    await wait_for_frame(seen, BotStoppedSpeakingFrame, count=2)
    await speaker.close()

    stopped = [f for f in seen if isinstance(f, BotStoppedSpeakingFrame)]
    assert [(f.speech_id, f.interrupted, f.played_ms) for f in stopped] == [
        (notice.id, False, 600),
        (second_notice.id, False, 200),
    ]
    assert barge_in.interruptions == 0  # speech over a notice is not a barge-in
    assert output.dropped == [chatter]
    await pipeline.stop()


async def test_hangup_drops_even_disclosures_and_stops_the_processor() -> None:
    pipeline, _, output, track, seen = await output_pipeline()
    speaker = Speaker(track)
    notice = DisclosureFrame(pcm=tone(1000), sample_rate=48_000, text="recorded")
    later = DisclosureFrame(pcm=tone(1000), sample_rate=48_000, text="later")
    await pipeline.queue_frame(notice)
    await pipeline.queue_frame(later)
    await wait_for_frame(seen, BotStartedSpeakingFrame)
    await pipeline.queue_frame(HangupFrame(reason="end_call:cease"))
    await asyncio.wait_for(pipeline.wait_stopped(), 5)
    await speaker.close()
    assert output.dropped == [later, notice]
    assert [f.reason for f in seen if isinstance(f, HangupFrame)] == ["end_call:cease"]
    assert track.queued_ms == 0


async def test_barge_in_gate_ignores_speech_while_the_bot_is_silent() -> None:
    gate = BargeIn()
    out: list[Frame] = []
    pipeline = Pipeline([gate])

    async def collect(frame: Frame, direction: FrameDirection) -> None:
        out.append(frame)

    pipeline.observe(collect)
    pipeline.start()
    await pipeline.queue_frame(UserStartedSpeakingFrame())
    await gate.queue_frame(BotStartedSpeakingFrame(speech_id=7), UP)
    await pipeline.queue_frame(UserStartedSpeakingFrame())
    await gate.queue_frame(BotStoppedSpeakingFrame(speech_id=7, interrupted=True, played_ms=0), UP)
    await pipeline.queue_frame(UserStartedSpeakingFrame())
    await pipeline.queue_frame(EndFrame())
    await asyncio.wait_for(pipeline.wait_stopped(), 5)
    names = [type(f).__name__ for f in out]
    assert names == [
        "UserStartedSpeakingFrame",
        "BotStartedSpeakingFrame",
        "UserStartedSpeakingFrame",
        "InterruptionFrame",
        "BotStoppedSpeakingFrame",
        "UserStartedSpeakingFrame",
        "EndFrame",
    ]
    assert gate.interruptions == 1
