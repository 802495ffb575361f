"""Simulated-callee tests run real aiortc calls on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from voice.transport.loopback import loopback_candidates


@pytest.fixture(autouse=True)
def loopback_ice() -> Iterator[None]:
    with loopback_candidates():
        yield
