"""The offering side: a simulated callee or a tool dials the bot's signalling endpoint."""

from __future__ import annotations

import os
from collections.abc import Sequence

import aiohttp

from bot.errors import TransportError
from voice.transport.session import CallSession, new_peer_connection
from voice.transport.signalling import parse_description


async def connect(
    offer_url: str,
    *,
    call_id: str | None = None,
    ice_servers: Sequence[str] = (),
    recording: str | os.PathLike[str] | None = None,
    http_timeout_s: float = 10.0,
    captions: bool = False,
) -> CallSession:
    """Offer a call to ``offer_url`` (``.../calls/{call_id}/offer``) and return the session.

    Args:
        offer_url: The bot's offer endpoint.
        call_id: Id for the local session (default: taken from the URL).
        ice_servers: STUN/TURN URLs.
        recording: WAV path for a local recording (remote left, local right).
        http_timeout_s: Seconds allowed for the HTTP exchange.
        captions: Ask the bot for the text of its lines (``session.captions`` collects it).

    Raises:
        TransportError: The endpoint refused or did not answer.
    """
    pc = new_peer_connection(ice_servers)
    if call_id is None:
        call_id = offer_url.rstrip("/").rsplit("/", 2)[-2]
    session = CallSession(call_id, pc, role="callee", recording=recording)
    session.attach()
    if captions:
        session.request_captions()
    try:
        # setLocalDescription returns once ICE gathering is complete (no trickle).
        await pc.setLocalDescription(await pc.createOffer())
        offer = pc.localDescription
        async with (
            aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=http_timeout_s)) as http,
            http.post(offer_url, json={"sdp": offer.sdp, "type": offer.type}) as response,
        ):
            body = await response.json(content_type=None)
            if response.status != 200:
                raise TransportError(
                    f"offer to {offer_url} refused with HTTP {response.status}: "
                    f"{body.get('error') if isinstance(body, dict) else body}"
                )
        await pc.setRemoteDescription(parse_description(body, "answer"))
    except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
        await session.close()
        raise TransportError(f"offer to {offer_url} failed: {exc}") from exc
    except BaseException:
        await session.close()
        raise
    return session
