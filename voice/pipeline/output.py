"""The output stage: plays :class:`SpeechFrame` audio in 20 ms chunks, cancellably."""

from __future__ import annotations

import asyncio
from typing import Protocol

from voice.audio import resample
from voice.pipeline.frames import (
    BotStartedSpeakingFrame,
    BotStoppedSpeakingFrame,
    Frame,
    SpeechFrame,
    UninterruptibleFrame,
)
from voice.pipeline.processor import FrameProcessor
from voice.pipeline.queue import FrameDirection
from voice.transport.pcm import FRAME_MS, frame_bytes


class AudioSink(Protocol):
    """Where the bot's audio goes (a :class:`voice.transport.BotAudioTrack` fits)."""

    async def write(self, pcm: bytes, sample_rate: int) -> object:
        """Queue a chunk; may wait while enough is queued (back-pressure)."""
        ...

    async def drain(self) -> None:
        """Wait until everything queued has gone out."""
        ...

    def flush(self) -> int:
        """Drop everything queued at once; return the ms dropped."""
        ...


class AudioOutput(FrameProcessor):
    """Plays speech frames through ``sink``; an interruption stops it within a chunk.

    Emits :class:`BotStartedSpeakingFrame` / :class:`BotStoppedSpeakingFrame` both upstream
    (so barge-in detection knows the bot is talking) and downstream (observers).

    Args:
        sink: The outbound audio.
        sample_rate: The rate the sink wants (48 kHz for a WebRTC track).
    """

    def __init__(self, sink: AudioSink, *, sample_rate: int = 48_000) -> None:
        super().__init__()
        self.sink = sink
        self.sample_rate = sample_rate
        self._speaking: SpeechFrame | None = None
        self._written_ms = 0

    async def process_frame(self, frame: Frame, direction: FrameDirection) -> None:
        """Play speech; pass everything else on."""
        if isinstance(frame, SpeechFrame) and direction is FrameDirection.DOWNSTREAM:
            await self._play(frame)
        else:
            await self.push_frame(frame, direction)

    async def _play(self, frame: SpeechFrame) -> None:
        pcm = frame.pcm
        if frame.sample_rate != self.sample_rate:
            pcm = await asyncio.get_running_loop().run_in_executor(
                None, resample, pcm, frame.sample_rate, self.sample_rate
            )
        self._speaking = frame
        self._written_ms = 0
        await self._both(
            BotStartedSpeakingFrame(
                speech_id=frame.id, uninterruptible=isinstance(frame, UninterruptibleFrame)
            )
        )
        chunk = frame_bytes(self.sample_rate)
        for start in range(0, len(pcm), chunk):
            await self.sink.write(pcm[start : start + chunk], self.sample_rate)
            self._written_ms += FRAME_MS
        await self.sink.drain()
        self._speaking = None
        played = len(pcm) * 1000 // (2 * self.sample_rate)
        await self._both(
            BotStoppedSpeakingFrame(speech_id=frame.id, interrupted=False, played_ms=played)
        )

    async def on_interruption(self, *, current_kept: bool) -> None:
        """Flush the sink and report the cut (unless a disclosure is still playing)."""
        frame = self._speaking
        if current_kept or frame is None:
            return
        dropped = self.sink.flush()
        self._speaking = None
        await self._both(
            BotStoppedSpeakingFrame(
                speech_id=frame.id,
                interrupted=True,
                played_ms=max(0, self._written_ms - dropped),
            )
        )

    async def _both(self, frame: Frame) -> None:
        await self.push_frame(frame, FrameDirection.UPSTREAM)
        await self.push_frame(frame, FrameDirection.DOWNSTREAM)

    @property
    def speaking_uninterruptible(self) -> bool:
        """True while a disclosure plays."""
        return isinstance(self._speaking, UninterruptibleFrame)
