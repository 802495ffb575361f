"""PCM formats on the wire, and conversion of decoded frames to them.

Every track KindCall sends carries 48 kHz mono signed 16-bit audio in 20 ms frames (what Opus
wants, so aiortc's encoder never has to change its set-up); everything the call's ears consume
is 16 kHz mono s16le in 20 ms frames (what the ASR and VAD protocols want).
"""

from __future__ import annotations

import fractions

import av
import numpy as np

WIRE_RATE = 48_000
"""Sample rate of every outbound track."""
LISTEN_RATE = 16_000
"""Sample rate of the inbound audio handed to VAD and ASR."""
FRAME_MS = 20
WIRE_FRAME_SAMPLES = WIRE_RATE * FRAME_MS // 1000
WIRE_FRAME_BYTES = WIRE_FRAME_SAMPLES * 2
LISTEN_FRAME_BYTES = LISTEN_RATE * FRAME_MS // 1000 * 2
WIRE_TIME_BASE = fractions.Fraction(1, WIRE_RATE)


def frame_bytes(sample_rate: int, frame_ms: int = FRAME_MS) -> int:
    """Bytes of one mono s16 frame of ``frame_ms`` at ``sample_rate``."""
    return sample_rate * frame_ms // 1000 * 2


def wire_frame(pcm: bytes, pts: int) -> av.AudioFrame:
    """Wrap one 20 ms block of 48 kHz mono s16 PCM in an ``av.AudioFrame`` stamped ``pts``."""
    if len(pcm) != WIRE_FRAME_BYTES:
        raise ValueError(f"a wire frame holds {WIRE_FRAME_BYTES} bytes, got {len(pcm)}")
    samples = np.frombuffer(pcm, dtype=np.int16).reshape(1, -1)
    frame = av.AudioFrame.from_ndarray(samples, format="s16", layout="mono")
    frame.sample_rate = WIRE_RATE
    frame.pts = pts
    frame.time_base = WIRE_TIME_BASE
    return frame


class FrameConverter:
    """Convert decoded frames of any format and layout to mono s16 at ``dst_rate``.

    Channels are averaged (a library downmix would attenuate a mono source sent as
    stereo, as Opus decodes it, by 3 dB). The resampler is created for the first frame's
    layout and rebuilt if a source changes it.
    """

    def __init__(self, dst_rate: int) -> None:
        self.dst_rate = dst_rate
        self._layout: str | None = None
        self._resampler: av.AudioResampler | None = None

    def convert(self, frame: av.AudioFrame) -> bytes:
        """Return ``frame`` as mono s16le bytes at ``dst_rate`` (may lag by filter delay)."""
        layout = frame.layout.name
        if self._resampler is None or layout != self._layout:
            self._layout = layout
            self._resampler = av.AudioResampler(format="s16p", layout=layout, rate=self.dst_rate)
        out = bytearray()
        for converted in self._resampler.resample(frame):
            planes = converted.to_ndarray()
            if planes.shape[0] == 1:
                out += planes[0].astype(np.int16, copy=False).tobytes()
            else:
                out += planes.mean(axis=0).round().astype(np.int16).tobytes()
        return bytes(out)
