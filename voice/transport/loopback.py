"""Let aiortc peers on one host reach each other over 127.0.0.1 (tests, benchmarks, demos).

aioice leaves 127.0.0.1 out of its host candidates; in a loopback-only network namespace a
peer then offers no candidate at all. Real calls never need this.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import aioice.ice


def _loopback_only(use_ipv4: bool, use_ipv6: bool) -> list[str]:
    return ["127.0.0.1"] if use_ipv4 else []


@contextmanager
def loopback_candidates() -> Iterator[None]:
    """Within the block, every new peer gathers exactly one host candidate: 127.0.0.1."""
    original = aioice.ice.get_host_addresses
    aioice.ice.get_host_addresses = _loopback_only
    try:
        yield
    finally:
        aioice.ice.get_host_addresses = original
