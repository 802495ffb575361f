"""The bot's ears: remote audio as 16 kHz mono s16le 20 ms frames with arrival times."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import deque
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

import av
from aiortc.mediastreams import MediaStreamError, MediaStreamTrack

from voice.transport.jitter import AIORTC_AUDIO_PREFETCH
from voice.transport.pcm import FRAME_MS, LISTEN_FRAME_BYTES, LISTEN_RATE, FrameConverter

# The receiver's jitter buffer hands a frame to the decoder once ``prefetch_frames`` later
# frames arrived (aiortc's default is 4; voice.transport.jitter sets it per session). A
# decoded frame therefore reached this host that many frame-durations before ``recv()``
# returned it; InboundAudio dates frames back by that much so the caller's channel lines up
# with the bot's on one timeline (checked by the loopback alignment test).

ANCHOR_WINDOW_FRAMES = 100
"""Frames (2 s) over which the sender's sample clock is mapped onto ours.

Every frame gives ``arrival - pts``; network and scheduling delays only ever add to it, so
the minimum over a recent window is the least-delayed mapping. Dating frames by that
mapping plus their pts keeps jitter out of the timeline; the window lets the mapping follow
a sender whose clock runs slightly fast or slow.
"""


@dataclass(frozen=True, slots=True)
class PcmFrame:
    """20 ms of 16 kHz mono s16le audio.

    Attributes:
        pcm: 640 bytes of audio.
        time: Monotonic time its first sample reached this host.
        index: Position in the stream, in frames received.
        media_time: Seconds on the sender's sample clock (its RTP timestamps, from 0); gaps
            in it are audio that never arrived.
    """

    pcm: bytes
    time: float
    index: int
    media_time: float = 0.0

    @property
    def sample_rate(self) -> int:
        """Always 16 kHz."""
        return LISTEN_RATE


PcmTap = Callable[[PcmFrame], None]


class InboundAudio:
    """Reads a remote track in the background and serves :class:`PcmFrame` objects.

    Reading starts at construction so arrival times are true even when the consumer is
    slow; at most ``max_backlog`` frames wait for the consumer (the oldest are dropped and
    counted in :attr:`dropped`). Iterate with ``async for frame in inbound``.

    Args:
        track: The remote audio track.
        max_backlog: Frames kept for a slow consumer.
        prefetch_frames: Frames the receiver's jitter buffer holds back (arrival dating).
    """

    def __init__(
        self,
        track: MediaStreamTrack,
        *,
        max_backlog: int = 1500,
        prefetch_frames: int = AIORTC_AUDIO_PREFETCH,
    ) -> None:
        if track.kind != "audio":
            raise ValueError(f"InboundAudio needs an audio track, got {track.kind!r}")
        self.track = track
        self.prefetch_frames = prefetch_frames
        self.dropped = 0
        self.frames = 0
        self._taps: list[PcmTap] = []
        self._backlog: deque[PcmFrame] = deque(maxlen=max_backlog)
        self._ready = asyncio.Event()
        self._ended = False
        self._task = asyncio.get_running_loop().create_task(self._run())

    def add_tap(self, tap: PcmTap) -> None:
        """Call ``tap`` with every frame as it arrives (e.g. a recorder)."""
        self._taps.append(tap)

    @property
    def ended(self) -> bool:
        """True once the remote track has ended."""
        return self._ended

    async def _run(self) -> None:
        converter = FrameConverter(LISTEN_RATE)
        pending = bytearray()
        offsets: deque[float] = deque(maxlen=ANCHOR_WINDOW_FRAMES)
        first_start: float | None = None
        try:
            while True:
                try:
                    frame = await self.track.recv()
                except MediaStreamError:
                    return
                if not isinstance(frame, av.AudioFrame):
                    continue
                arrived = time.monotonic()
                duration = frame.samples / frame.sample_rate
                start = arrived - self.prefetch_frames * duration
                if first_start is None:
                    first_start = start
                media = start - first_start  # without a pts, arrival is all we know
                if frame.pts is not None and frame.time_base is not None:
                    media = float(frame.pts * frame.time_base)
                    offsets.append(start - media)
                    start = min(offsets) + media
                # Re-anchor on every frame so lost packets never shift later audio.
                held = len(pending) / (2 * LISTEN_RATE)
                pending_time = start - held
                media -= held
                pending += converter.convert(frame)
                while len(pending) >= LISTEN_FRAME_BYTES:
                    self._emit(bytes(pending[:LISTEN_FRAME_BYTES]), pending_time, media)
                    del pending[:LISTEN_FRAME_BYTES]
                    pending_time += FRAME_MS / 1000
                    media += FRAME_MS / 1000
        finally:
            self._ended = True
            self._ready.set()

    def _emit(self, pcm: bytes, at: float, media_time: float) -> None:
        frame = PcmFrame(pcm, at, self.frames, media_time)
        self.frames += 1
        for tap in self._taps:
            tap(frame)
        if len(self._backlog) == self._backlog.maxlen:
            self.dropped += 1
        self._backlog.append(frame)
        self._ready.set()

    async def __aiter__(self) -> AsyncIterator[PcmFrame]:
        """Yield frames until the remote track ends."""
        while True:
            if self._backlog:
                yield self._backlog.popleft()
                continue
            if self._ended:
                return
            self._ready.clear()
            await self._ready.wait()

    def take(self) -> list[PcmFrame]:
        """Remove and return every frame waiting for the consumer."""
        frames = list(self._backlog)
        self._backlog.clear()
        return frames

    async def close(self) -> None:
        """Stop reading."""
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.wait_for(self._task, timeout=1.0)
