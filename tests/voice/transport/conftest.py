"""Fixtures for real aiortc calls on 127.0.0.1."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

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
