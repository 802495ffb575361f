"""PCM helpers shared by ASR, VAD, TTS and the transport.

All audio inside KindCall is mono signed 16-bit little-endian PCM ("s16le"). These helpers
convert it to and from float32, cut it into 20 ms frames, resample it (libswresample through
PyAV, the same resampler aiortc uses) and read or write WAV files. They are pure functions
over bytes except :func:`read_wav` / :func:`write_wav`, and none of them touches the event
loop: callers with long buffers run them in an executor.
"""

from __future__ import annotations

import io
import os
import wave
from collections.abc import Iterator
from pathlib import Path

import av
import numpy as np
import numpy.typing as npt

from bot.errors import VoiceError
from voice.tts.base import Audio

__all__ = [
    "Resampler",
    "decode_audio",
    "float_to_s16le",
    "frames",
    "read_wav",
    "resample",
    "s16le_to_float",
    "silence",
    "to_wav_bytes",
    "write_wav",
]

_FULL_SCALE = 32768.0


def s16le_to_float(pcm: bytes) -> npt.NDArray[np.float32]:
    """Convert s16le bytes to float32 samples in [-1, 1)."""
    if len(pcm) % 2:
        raise ValueError(f"pcm must hold whole 16-bit samples, got {len(pcm)} bytes")
    return np.frombuffer(pcm, dtype="<i2").astype(np.float32) / np.float32(_FULL_SCALE)


def float_to_s16le(samples: npt.ArrayLike) -> bytes:
    """Convert float samples in [-1, 1] to s16le bytes, clipping anything outside."""
    array = np.asarray(samples, dtype=np.float32)
    scaled = np.clip(np.rint(array * _FULL_SCALE), -32768, 32767)
    out: bytes = scaled.astype("<i2").tobytes()
    return out


def silence(ms: int, sample_rate: int = 16_000) -> bytes:
    """``ms`` milliseconds of digital silence."""
    return bytes(2 * (sample_rate * ms // 1000))


def frames(
    pcm: bytes, *, sample_rate: int = 16_000, frame_ms: int = 20, pad: bool = True
) -> Iterator[bytes]:
    """Cut PCM into frames of ``frame_ms``.

    Args:
        pcm: Mono s16le audio.
        sample_rate: Its sample rate.
        frame_ms: Frame length in milliseconds (20 for the whole pipeline).
        pad: Pad the last partial frame with silence; when False it is dropped.

    Yields:
        Frames of exactly ``sample_rate * frame_ms / 1000`` samples.
    """
    size = 2 * sample_rate * frame_ms // 1000
    if size <= 0:
        raise ValueError(f"frame_ms={frame_ms} at {sample_rate} Hz gives an empty frame")
    for start in range(0, len(pcm), size):
        chunk = pcm[start : start + size]
        if len(chunk) < size:
            if not pad:
                return
            chunk = chunk + bytes(size - len(chunk))
        yield chunk


class Resampler:
    """A streaming mono s16le resampler (keeps filter state between chunks).

    One per direction of one call: the transport feeds 48 kHz chunks and gets 16 kHz out.
    """

    def __init__(self, src_rate: int, dst_rate: int) -> None:
        if src_rate <= 0 or dst_rate <= 0:
            raise ValueError(f"sample rates must be positive, got {src_rate} -> {dst_rate}")
        self.src_rate = src_rate
        self.dst_rate = dst_rate
        self._resampler = av.AudioResampler(format="s16", layout="mono", rate=dst_rate)
        self._pts = 0

    def process(self, pcm: bytes) -> bytes:
        """Resample one chunk; the output may lag the input by a few samples."""
        if not pcm:
            return b""
        if self.src_rate == self.dst_rate:
            return pcm
        array = np.frombuffer(pcm, dtype="<i2").reshape(1, -1)
        frame = av.AudioFrame.from_ndarray(array, format="s16", layout="mono")
        frame.sample_rate = self.src_rate
        frame.pts = self._pts
        self._pts += array.shape[1]
        return b"".join(
            bytes(out.planes[0])[: out.samples * 2] for out in self._resampler.resample(frame)
        )

    def flush(self) -> bytes:
        """Return what the filter still holds; the resampler cannot be used afterwards."""
        if self.src_rate == self.dst_rate:
            return b""
        return b"".join(
            bytes(out.planes[0])[: out.samples * 2] for out in self._resampler.resample(None)
        )


def resample(pcm: bytes, src_rate: int, dst_rate: int) -> bytes:
    """Resample a whole mono s16le buffer from ``src_rate`` to ``dst_rate``."""
    if src_rate == dst_rate:
        return pcm
    resampler = Resampler(src_rate, dst_rate)
    return resampler.process(pcm) + resampler.flush()


def to_wav_bytes(audio: Audio) -> bytes:
    """Encode ``audio`` as a mono 16-bit WAV file."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(audio.sample_rate)
        wav.writeframes(audio.pcm)
    return buffer.getvalue()


def _from_wav(data: io.BytesIO | Path, where: str) -> Audio:
    try:
        with wave.open(str(data) if isinstance(data, Path) else data, "rb") as wav:
            channels, width, rate = wav.getnchannels(), wav.getsampwidth(), wav.getframerate()
            pcm = wav.readframes(wav.getnframes())
    except (wave.Error, EOFError) as exc:
        raise VoiceError(f"{where}: not a readable WAV file: {exc}") from exc
    if width != 2:
        raise VoiceError(f"{where}: expected 16-bit samples, got {8 * width}-bit")
    if channels != 1:
        mixed = np.frombuffer(pcm, dtype="<i2").reshape(-1, channels).mean(axis=1)
        pcm = np.rint(mixed).astype("<i2").tobytes()
    return Audio(pcm=pcm, sample_rate=rate)


def read_wav(path: Path) -> Audio:
    """Read a 16-bit WAV file (stereo is mixed down to mono)."""
    return _from_wav(Path(path), str(path))


def write_wav(path: Path, audio: Audio) -> None:
    """Write ``audio`` to ``path`` atomically (a reader never sees half a file)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(to_wav_bytes(audio))
    os.replace(tmp, path)


def decode_audio(data: bytes, *, sample_rate: int | None = None) -> Audio:
    """Decode any container PyAV reads (WAV, MP3, Ogg…) to mono s16le.

    Args:
        data: The encoded file.
        sample_rate: Output rate; the stream's own rate when None.

    Raises:
        VoiceError: The data cannot be decoded.
    """
    if data[:4] == b"RIFF":
        audio = _from_wav(io.BytesIO(data), "audio")
    else:
        try:
            with av.open(io.BytesIO(data), mode="r") as container:
                stream = container.streams.audio[0]
                rate = stream.rate or 16_000
                resampler = av.AudioResampler(format="s16", layout="mono", rate=rate)
                chunks = [
                    bytes(out.planes[0])[: out.samples * 2]
                    for frame in container.decode(stream)
                    for out in resampler.resample(frame)
                ]
                chunks += [bytes(o.planes[0])[: o.samples * 2] for o in resampler.resample(None)]
        except (av.error.FFmpegError, IndexError) as exc:
            raise VoiceError(f"cannot decode {len(data)} bytes of audio: {exc}") from exc
        audio = Audio(pcm=b"".join(chunks), sample_rate=rate)
    if sample_rate is not None and sample_rate != audio.sample_rate:
        audio = Audio(resample(audio.pcm, audio.sample_rate, sample_rate), sample_rate)
    return audio
