"""The HTTP JSON offer endpoint refuses bad requests with messages that say why."""

from __future__ import annotations

import asyncio

import aiohttp
import pytest

from bot.errors import TransportError
from voice.transport import CallSession, SignallingServer, connect


async def idle(session: CallSession) -> None:
    await session.closed.wait()


async def post(url: str, body: object) -> tuple[int, dict[str, str]]:
    async with aiohttp.ClientSession() as http, http.post(url, json=body) as response:
        return response.status, await response.json()


async def test_bad_offers_get_400_with_the_reason() -> None:
    server = SignallingServer(idle)
    base = await server.start()
    try:
        assert await post(f"{base}/calls/c1/offer", ["sdp"]) == (
            400,
            {"error": "expected a JSON object with sdp and type, got list"},
        )
        assert await post(f"{base}/calls/c1/offer", {"sdp": "v=0", "type": "answer"}) == (
            400,
            {"error": "expected type \"offer\", got 'answer'"},
        )
        assert await post(f"{base}/calls/c1/offer", {"sdp": "hello", "type": "offer"}) == (
            400,
            {"error": "sdp must be a session description string starting with v=0"},
        )
        assert await post(f"{base}/calls/bad%20id/offer", {}) == (
            400,
            {"error": "invalid call id 'bad id'"},
        )
        assert server.sessions == {}
    finally:
        await server.stop()


async def test_a_live_call_id_is_refused_and_hangup_closes_the_session() -> None:
    server = SignallingServer(idle)
    base = await server.start()
    first = await connect(f"{base}/calls/dup/offer")
    try:
        with pytest.raises(TransportError, match="refused with HTTP 409: call dup is already live"):
            await connect(f"{base}/calls/dup/offer")
        async with asyncio.timeout(10):
            await first.wait_connected()
        bot = server.sessions["dup"]
        async with aiohttp.ClientSession() as http:
            async with http.delete(f"{base}/calls/dup") as response:
                assert response.status == 204
            async with http.delete(f"{base}/calls/dup") as response:
                assert (response.status, await response.json()) == (
                    404,
                    {"error": "no such live call"},
                )
        assert bot.closed.is_set()
    finally:
        await first.close()
        await server.stop()


async def test_connect_to_a_dead_endpoint_raises_transport_error() -> None:
    with pytest.raises(
        TransportError, match=r"offer to http://127\.0\.0\.1:9/calls/x/offer failed"
    ):
        await connect("http://127.0.0.1:9/calls/x/offer", http_timeout_s=2)
