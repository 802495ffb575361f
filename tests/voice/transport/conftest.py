"""Fixtures for real aiortc calls on 127.0.0.1."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import numpy as np
import pytest

from voice.transport.loopback import loopback_candidates
from voice.tts.base import Audio


@pytest.fixture(autouse=True)
def loopback_ice() -> Iterator[None]:
    with loopback_candidates():
        yield


@pytest.fixture(scope="session")
def interruption_speech() -> Audio:
    """Real speech (Piper, the packaged English voice) for the callee to interrupt with."""
    from voice.tts import PiperTTS

    return asyncio.run(
        PiperTTS().synthesize("Stop please, I have already paid this bill.", locale="en")
    )


def tone(ms: int, freq: float, rate: int = 48_000, amplitude: int = 8000) -> bytes:
    t = np.arange(rate * ms // 1000) / rate
    return (np.sin(2 * np.pi * freq * t) * amplitude).astype(np.int16).tobytes()


def rms(pcm: bytes) -> float:
    samples = np.frombuffer(pcm, dtype=np.int16).astype(np.float64)
    return float(np.sqrt(np.mean(samples * samples))) if samples.size else 0.0


def dominant_hz(pcm: bytes, rate: int = 16_000) -> float:
    samples = np.frombuffer(pcm, dtype=np.int16).astype(np.float64)
    spectrum = np.abs(np.fft.rfft(samples * np.hanning(samples.size)))
    return float(np.fft.rfftfreq(samples.size, 1 / rate)[int(np.argmax(spectrum))])
