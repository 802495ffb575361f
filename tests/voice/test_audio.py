"""PCM helpers: conversions, framing, resampling, WAV files."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bot.errors import VoiceError
from voice.audio import (
    Resampler,
    decode_audio,
    float_to_s16le,
    frames,
    read_wav,
    resample,
    s16le_to_float,
    silence,
    to_wav_bytes,
    write_wav,
)
from voice.tts.base import Audio


def tone(freq: float, ms: int, rate: int) -> bytes:
    t = np.arange(rate * ms // 1000) / rate
    return float_to_s16le(0.5 * np.sin(2 * np.pi * freq * t))


def test_float_round_trip_and_clipping() -> None:
    pcm = float_to_s16le([0.0, 0.5, -0.5, 1.5, -2.0])
    assert np.frombuffer(pcm, dtype="<i2").tolist() == [0, 16384, -16384, 32767, -32768]
    assert s16le_to_float(pcm).tolist()[:3] == [0.0, 0.5, -0.5]
    with pytest.raises(ValueError, match="whole 16-bit samples, got 3 bytes"):
        s16le_to_float(b"abc")


def test_frames_pad_or_drop_the_tail() -> None:
    pcm = silence(50)
    assert [len(f) for f in frames(pcm)] == [640, 640, 640]
    assert [len(f) for f in frames(pcm, pad=False)] == [640, 640]
    assert [len(f) for f in frames(silence(20, 48_000), sample_rate=48_000)] == [1920]


def test_resample_keeps_duration_and_pitch() -> None:
    pcm = tone(440, 1000, 48_000)
    out = resample(pcm, 48_000, 16_000)
    assert abs(len(out) // 2 - 16_000) <= 32
    spectrum = np.abs(np.fft.rfft(s16le_to_float(out)[:16_000]))
    assert round(float(np.argmax(spectrum)) * 16_000 / 16_000) in (439, 440, 441)
    assert resample(pcm, 48_000, 48_000) is pcm


def test_streaming_resampler_matches_one_shot() -> None:
    pcm = tone(300, 400, 48_000)
    streaming = Resampler(48_000, 16_000)
    out = (
        b"".join(streaming.process(f) for f in frames(pcm, sample_rate=48_000)) + streaming.flush()
    )
    assert out == resample(pcm, 48_000, 16_000)


def test_wav_round_trip(tmp_path: Path) -> None:
    audio = Audio(tone(200, 100, 22_050), 22_050)
    write_wav(tmp_path / "a" / "x.wav", audio)
    assert read_wav(tmp_path / "a" / "x.wav") == audio
    assert decode_audio(to_wav_bytes(audio), sample_rate=16_000).sample_rate == 16_000
    (tmp_path / "bad.wav").write_bytes(b"nope")
    with pytest.raises(VoiceError, match="bad.wav: not a readable WAV file"):
        read_wav(tmp_path / "bad.wav")
    with pytest.raises(VoiceError, match="cannot decode 7 bytes of audio"):
        decode_audio(b"garbage")


def mp3_bytes(pcm: bytes, rate: int) -> bytes:
    """Encode mono s16le as MP3 (what edge-tts sends) with PyAV's libmp3lame."""
    import io

    import av

    buffer = io.BytesIO()
    with av.open(buffer, mode="w", format="mp3") as container:
        stream = container.add_stream("libmp3lame", rate=rate)
        stream.layout = "mono"
        samples = np.frombuffer(pcm, dtype="<i2").reshape(1, -1)
        frame = av.AudioFrame.from_ndarray(samples, format="s16", layout="mono")
        frame.sample_rate = rate
        for packet in stream.encode(frame):
            container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return buffer.getvalue()


def test_decode_mp3_like_edge_tts_sends() -> None:
    pcm = tone(440, 1000, 24_000)
    audio = decode_audio(mp3_bytes(pcm, 24_000))
    assert audio.sample_rate == 24_000
    assert abs(audio.duration_ms - 1000) <= 60  # encoder delay and padding
    spectrum = np.abs(np.fft.rfft(s16le_to_float(audio.pcm)[:24_000]))
    assert round(float(np.argmax(spectrum))) in (439, 440, 441)
    assert decode_audio(mp3_bytes(pcm, 24_000), sample_rate=16_000).sample_rate == 16_000
