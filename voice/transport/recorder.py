"""Stereo call recording (caller left, bot right) on one wall-clock timeline.

Both channels are placed by the monotonic time their audio reached / left this host, gaps
are filled with silence, and the WAV header is rewritten on every periodic flush so a
crashed process leaves a valid file holding everything up to the last flush.
"""

from __future__ import annotations

import os
import struct
import time
from pathlib import Path
from typing import BinaryIO, Literal

import numpy as np

from voice.audio import Resampler

Channel = Literal["caller", "bot"]
_CHANNELS: tuple[Channel, Channel] = ("caller", "bot")
_HEADER_BYTES = 44


def _wav_header(sample_rate: int, data_bytes: int) -> bytes:
    return struct.pack(
        "<4sI4s4sIHHIIHH4sI",
        b"RIFF",
        36 + data_bytes,
        b"WAVE",
        b"fmt ",
        16,
        1,
        2,
        sample_rate,
        sample_rate * 4,
        4,
        16,
        b"data",
        data_bytes,
    )


class _Lane:
    """One channel: samples not yet written, and where the lane's next sample belongs."""

    def __init__(self) -> None:
        self.pending = bytearray()
        self.end = 0  # absolute sample index just after the last sample placed
        self.resamplers: dict[int, Resampler] = {}


class StereoRecorder:
    """Writes a 16-bit stereo WAV while the call runs.

    Audio is placed at ``(t - t0) * sample_rate`` where ``t`` is the monotonic time of its
    first sample; a chunk arriving within ``slack_ms`` of where its lane ends is appended
    (network jitter must not punch holes), a later one is preceded by silence.

    Args:
        path: The WAV file to create.
        sample_rate: Rate of the file; inputs of other rates are resampled.
        flush_every_s: How often finished audio and the header go to disk.
        fsync: Also fsync on each flush (survives a machine crash, not just a process one).
        t0: Monotonic time of sample 0 (default: now).
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        sample_rate: int = 16_000,
        flush_every_s: float = 0.5,
        fsync: bool = False,
        slack_ms: int = 20,
        t0: float | None = None,
    ) -> None:
        self.path = Path(path)
        self.sample_rate = sample_rate
        self.flush_every_s = flush_every_s
        self.fsync = fsync
        self.slack = sample_rate * slack_ms // 1000
        self.t0 = time.monotonic() if t0 is None else t0
        self._lanes = {name: _Lane() for name in _CHANNELS}
        self._written = 0  # samples per channel already in the file
        self._last_flush = time.monotonic()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._file: BinaryIO | None = self.path.open("wb")
        self._file.write(_wav_header(sample_rate, 0))
        self._file.flush()

    @property
    def closed(self) -> bool:
        """True once :meth:`close` ran."""
        return self._file is None

    @property
    def duration_ms(self) -> int:
        """Length written to disk so far."""
        return self._written * 1000 // self.sample_rate

    def write(self, channel: Channel, pcm: bytes, sample_rate: int, at: float) -> None:
        """Place mono s16le ``pcm`` whose first sample was heard/sent at monotonic ``at``."""
        if self._file is None:
            return
        lane = self._lanes[channel]
        if sample_rate != self.sample_rate:
            resampler = lane.resamplers.get(sample_rate)
            if resampler is None:
                resampler = lane.resamplers[sample_rate] = Resampler(sample_rate, self.sample_rate)
            pcm = resampler.process(pcm)
        due = round((at - self.t0) * self.sample_rate)
        if due > lane.end + self.slack:
            self._place(lane, bytes(2 * (due - lane.end)))
        self._place(lane, pcm)
        if time.monotonic() - self._last_flush >= self.flush_every_s:
            self.flush()

    def _place(self, lane: _Lane, pcm: bytes) -> None:
        lane.pending += pcm
        lane.end += len(pcm) // 2

    def flush(self, *, final: bool = False) -> None:
        """Write what both channels have in common; pad a lagging channel when ``final``."""
        if self._file is None:
            return
        self._last_flush = time.monotonic()
        lanes = [self._lanes[name] for name in _CHANNELS]
        if final:
            longest = max(lane.end for lane in lanes)
            for lane in lanes:
                self._place(lane, bytes(2 * (longest - lane.end)))
        else:
            # A lane that fell silent (no frames) is padded up to 300 ms behind the other,
            # so one stalled direction never holds the file back for long.
            horizon = max(lane.end for lane in lanes) - self.sample_rate * 3 // 10
            for lane in lanes:
                if lane.end < horizon:
                    self._place(lane, bytes(2 * (horizon - lane.end)))
        count = min(len(lane.pending) for lane in lanes) // 2
        if count == 0 and not final:
            return
        left = np.frombuffer(bytes(lanes[0].pending[: 2 * count]), dtype=np.int16)
        right = np.frombuffer(bytes(lanes[1].pending[: 2 * count]), dtype=np.int16)
        for lane in lanes:
            del lane.pending[: 2 * count]
        frames = np.empty(2 * count, dtype=np.int16)
        frames[0::2] = left
        frames[1::2] = right
        self._file.seek(0, os.SEEK_END)
        self._file.write(frames.tobytes())
        self._written += count
        self._file.seek(0)
        self._file.write(_wav_header(self.sample_rate, self._written * 4))
        self._file.flush()
        if self.fsync:
            os.fsync(self._file.fileno())

    def close(self) -> None:
        """Write everything (the shorter channel padded with silence) and close the file."""
        if self._file is None:
            return
        self.flush(final=True)
        self._file.close()
        self._file = None
