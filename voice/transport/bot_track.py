"""The bot's mouth: an outbound track fed from a queue of PCM, flushable at once."""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

import av
from aiortc.mediastreams import MediaStreamError, MediaStreamTrack

from voice.audio import resample
from voice.transport.pacer import Pacer
from voice.transport.pcm import WIRE_FRAME_BYTES, WIRE_RATE, wire_frame

FrameTap = Callable[[bytes, float], None]
"""Called with each 20 ms of 48 kHz mono PCM sent and the monotonic time it went out."""

_SILENCE = bytes(WIRE_FRAME_BYTES)


@dataclass(eq=False, slots=True)
class Playback:
    """One queued clip. Await :meth:`wait` to learn whether it played out or was flushed.

    Attributes:
        duration_ms: Length of the clip.
        started_at: Monotonic time its first sample went out (None until then).
        ended_at: Monotonic time its last sample went out, or it was flushed.
    """

    duration_ms: int
    started_at: float | None = None
    ended_at: float | None = None
    _done: asyncio.Future[bool] = field(
        default_factory=lambda: asyncio.get_running_loop().create_future()
    )

    @property
    def finished(self) -> bool:
        """True once the clip played out or was flushed."""
        return self._done.done()

    @property
    def flushed(self) -> bool:
        """True once the clip was dropped before it played out (barge-in, hang-up)."""
        return self._done.done() and not self._done.result()

    async def wait(self) -> bool:
        """Wait until the clip is over: True if it played out, False if it was flushed."""
        return await asyncio.shield(self._done)

    def _end(self, played: bool, at: float) -> None:
        if not self._done.done():
            self.ended_at = at
            self._done.set_result(played)


@dataclass(slots=True)
class _Clip:
    pcm: bytes
    playback: Playback
    offset: int = 0


class BotAudioTrack(MediaStreamTrack):
    """48 kHz mono s16 track in 20 ms frames, paced in real time, silent when idle.

    Audio goes in through :meth:`play` (any rate, queued whole) or :meth:`write` (waits
    while more than ``max_lead_ms`` is queued, so a cancelled writer stops soon);
    :meth:`flush` drops everything queued at once, which is what barge-in needs.

    Args:
        max_lead_ms: How much audio :meth:`write` lets queue up before it waits.
    """

    kind = "audio"

    def __init__(self, *, max_lead_ms: int = 60) -> None:
        super().__init__()
        self.max_lead_ms = max_lead_ms
        self._clips: deque[_Clip] = deque()
        self._queued_bytes = 0
        self._pacer = Pacer()
        self._taps: list[FrameTap] = []
        self._room = asyncio.Event()
        self._room.set()
        self._idle = asyncio.Event()
        self._idle.set()

    @property
    def queued_ms(self) -> int:
        """Audio queued and not yet sent."""
        return self._queued_bytes * 1000 // (2 * WIRE_RATE)

    @property
    def speaking(self) -> bool:
        """True while queued audio remains."""
        return bool(self._clips)

    def add_tap(self, tap: FrameTap) -> None:
        """Call ``tap`` with every frame this track sends through :meth:`recv`."""
        self._taps.append(tap)

    def play(self, pcm: bytes, sample_rate: int = WIRE_RATE) -> Playback:
        """Queue a mono s16le clip (resampled to 48 kHz if needed) behind what is queued."""
        if sample_rate != WIRE_RATE:
            pcm = resample(pcm, sample_rate, WIRE_RATE)
        if len(pcm) % 2:
            raise ValueError(f"pcm must hold whole 16-bit samples, got {len(pcm)} bytes")
        playback = Playback(duration_ms=len(pcm) * 1000 // (2 * WIRE_RATE))
        if not pcm:
            playback._end(True, 0.0)
            return playback
        self._clips.append(_Clip(pcm, playback))
        self._queued_bytes += len(pcm)
        self._idle.clear()
        if self.queued_ms > self.max_lead_ms:
            self._room.clear()
        return playback

    async def write(self, pcm: bytes, sample_rate: int = WIRE_RATE) -> Playback:
        """Queue a chunk, then wait until no more than ``max_lead_ms`` is queued."""
        playback = self.play(pcm, sample_rate)
        await self._room.wait()
        return playback

    async def drain(self) -> None:
        """Wait until everything queued has been sent (or flushed)."""
        await self._idle.wait()

    def flush(self) -> int:
        """Drop all queued audio now; return how many ms were dropped."""
        dropped = self.queued_ms
        now = time.monotonic()
        while self._clips:
            self._clips.popleft().playback._end(False, now)
        self._queued_bytes = 0
        self._room.set()
        self._idle.set()
        return dropped

    def pull(self, now: float) -> bytes:
        """Take the next 20 ms of audio (silence when idle) as it goes out at ``now``.

        Never blocks; used by :meth:`recv` and by a :class:`SwitchableTrack` that paces for us.
        """
        if not self._clips:
            return _SILENCE
        out = bytearray()
        while self._clips and len(out) < WIRE_FRAME_BYTES:
            clip = self._clips[0]
            if clip.playback.started_at is None:
                clip.playback.started_at = now + len(out) / (2 * WIRE_RATE)
            take = min(WIRE_FRAME_BYTES - len(out), len(clip.pcm) - clip.offset)
            out += clip.pcm[clip.offset : clip.offset + take]
            clip.offset += take
            if clip.offset == len(clip.pcm):
                self._clips.popleft()
                clip.playback._end(True, now + len(out) / (2 * WIRE_RATE))
        self._queued_bytes -= len(out)
        if self.queued_ms <= self.max_lead_ms:
            self._room.set()
        if not self._clips:
            self._idle.set()
        if len(out) < WIRE_FRAME_BYTES:
            out += bytes(WIRE_FRAME_BYTES - len(out))
        return bytes(out)

    async def recv(self) -> av.AudioFrame:
        """The next paced 20 ms frame (aiortc calls this)."""
        if self.readyState != "live":
            raise MediaStreamError
        pts, now = await self._pacer.tick()
        pcm = self.pull(now)
        for tap in self._taps:
            tap(pcm, now)
        return wire_frame(pcm, pts)

    def stop(self) -> None:
        """End the track and release anyone waiting on queued audio."""
        self.flush()
        super().stop()
