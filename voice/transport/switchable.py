"""A track whose source can change mid-call (bot <-> supervisor) without ``replaceTrack``.

aiortc's Opus encoder fixes its resampler on the first frame; ``sender.replaceTrack()`` with
a source of another rate or layout kills the RTP sender. This track is what the sender sees
for the whole call: it always emits 48 kHz mono s16 20 ms frames with its own pts, and
converts whatever the current source produces into that.
"""

from __future__ import annotations

import asyncio
import contextlib

import av
from aiortc.mediastreams import MediaStreamError, MediaStreamTrack

from voice.transport.bot_track import BotAudioTrack, FrameTap
from voice.transport.pacer import Pacer
from voice.transport.pcm import WIRE_FRAME_BYTES, WIRE_RATE, FrameConverter, wire_frame

_SILENCE = bytes(WIRE_FRAME_BYTES)
_MAX_BACKLOG_BYTES = WIRE_FRAME_BYTES * 10
"""A pushing source that runs ahead of real time is trimmed to 200 ms so latency stays low."""


class SwitchableTrack(MediaStreamTrack):
    """Outbound track that normalises and switches between sources.

    A :class:`BotAudioTrack` source is pulled frame by frame on this track's own clock (no
    extra latency, exact departure times for its playbacks). Any other track (a
    supervisor's browser microphone, a file player) is read in the background, converted
    to 48 kHz mono and buffered.

    Args:
        source: The initial source, or None for silence.
    """

    kind = "audio"

    def __init__(self, source: MediaStreamTrack | None = None) -> None:
        super().__init__()
        self._pacer = Pacer()
        self._taps: list[FrameTap] = []
        self._source: MediaStreamTrack | None = None
        self._reader: asyncio.Task[None] | None = None
        self._backlog = bytearray()
        self.frames_sent = 0
        self.switch(source)

    @property
    def source(self) -> MediaStreamTrack | None:
        """The current source (None means silence)."""
        return self._source

    def add_tap(self, tap: FrameTap) -> None:
        """Call ``tap`` with every frame sent and the monotonic time it went out."""
        self._taps.append(tap)

    def switch(self, source: MediaStreamTrack | None) -> None:
        """Take audio from ``source`` from the next frame on (the old one is not stopped)."""
        if source is not None and source.kind != "audio":
            raise ValueError(f"a SwitchableTrack needs an audio source, got {source.kind!r}")
        if self._reader is not None:
            self._reader.cancel()
            self._reader = None
        self._backlog.clear()
        self._source = source
        if source is not None and not isinstance(source, BotAudioTrack):
            self._reader = asyncio.get_running_loop().create_task(self._read(source))

    async def _read(self, source: MediaStreamTrack) -> None:
        converter = FrameConverter(WIRE_RATE)
        while True:
            try:
                frame = await source.recv()
            except MediaStreamError:
                return
            if not isinstance(frame, av.AudioFrame):
                continue
            self._backlog += converter.convert(frame)
            if len(self._backlog) > _MAX_BACKLOG_BYTES:
                del self._backlog[: len(self._backlog) - _MAX_BACKLOG_BYTES]

    def _next(self, now: float) -> bytes:
        source = self._source
        if isinstance(source, BotAudioTrack):
            return source.pull(now)
        if len(self._backlog) >= WIRE_FRAME_BYTES:
            pcm = bytes(self._backlog[:WIRE_FRAME_BYTES])
            del self._backlog[:WIRE_FRAME_BYTES]
            return pcm
        return _SILENCE

    async def recv(self) -> av.AudioFrame:
        """The next paced 20 ms frame from the current source (aiortc calls this)."""
        if self.readyState != "live":
            raise MediaStreamError
        pts, now = await self._pacer.tick()
        pcm = self._next(now)
        for tap in self._taps:
            tap(pcm, now)
        self.frames_sent += 1
        return wire_frame(pcm, pts)

    def stop(self) -> None:
        """End the track and its background reader."""
        if self._reader is not None:
            self._reader.cancel()
            self._reader = None
        super().stop()

    async def aclose(self) -> None:
        """Stop, and wait for the background reader to finish."""
        reader = self._reader
        self.stop()
        if reader is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.wait_for(reader, timeout=1.0)
