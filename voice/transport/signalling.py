"""HTTP JSON signalling: ``POST /calls/{call_id}/offer`` with ``{sdp, type}`` -> the answer.

The same endpoint serves the simulated callee, the supervisor console and a browser trying a
call. aiortc does not trickle ICE, so the answer carries every candidate; offers must too
(browsers: wait for ``iceGatheringState == "complete"`` before posting).
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any

from aiohttp import web
from aiortc import RTCSessionDescription

from voice.transport.session import CallSession, new_peer_connection

logger = logging.getLogger(__name__)

SessionHandler = Callable[[CallSession], Awaitable[None]]
"""Runs one call; the session is closed when it returns."""

_CALL_ID = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")


def parse_description(body: Any, expected_type: str) -> RTCSessionDescription:
    """Validate a ``{sdp, type}`` JSON object; raises ``ValueError`` naming the problem."""
    if not isinstance(body, dict):
        raise ValueError(f"expected a JSON object with sdp and type, got {type(body).__name__}")
    sdp, kind = body.get("sdp"), body.get("type")
    if kind != expected_type:
        raise ValueError(f'expected type "{expected_type}", got {kind!r}')
    if not isinstance(sdp, str) or not sdp.startswith("v=0"):
        raise ValueError("sdp must be a session description string starting with v=0")
    return RTCSessionDescription(sdp=sdp, type=kind)


class SignallingServer:
    """Answers WebRTC offers and runs ``handler`` for each new call.

    Args:
        handler: Coroutine run with each new :class:`CallSession` (e.g. the orchestrator).
        ice_servers: STUN/TURN URLs for the bot's peers (none on a LAN or loopback).
        record_dir: Directory for one ``<call_id>.wav`` stereo recording per call.
    """

    def __init__(
        self,
        handler: SessionHandler,
        *,
        ice_servers: Sequence[str] = (),
        record_dir: str | os.PathLike[str] | None = None,
    ) -> None:
        self.handler = handler
        self.ice_servers = tuple(ice_servers)
        self.record_dir = Path(record_dir) if record_dir is not None else None
        self.sessions: dict[str, CallSession] = {}
        self._tasks: set[asyncio.Task[None]] = set()
        self._runner: web.AppRunner | None = None

    def add_routes(self, app: web.Application) -> None:
        """Mount the signalling routes on an existing aiohttp app (e.g. the console)."""
        app.router.add_post("/calls/{call_id}/offer", self._offer)
        app.router.add_delete("/calls/{call_id}", self._hangup)

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        """Serve on ``host:port`` (0 picks a free port); returns the base URL."""
        app = web.Application()
        self.add_routes(app)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        bound_port = self._runner.addresses[0][1]
        return f"http://{host}:{bound_port}"

    async def stop(self) -> None:
        """Hang up every call, wait for the handlers, stop serving."""
        for session in list(self.sessions.values()):
            await session.close()
        if self._tasks:
            await asyncio.wait(self._tasks, timeout=5.0)
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _offer(self, request: web.Request) -> web.Response:
        call_id = request.match_info["call_id"]
        if not _CALL_ID.match(call_id):
            return web.json_response({"error": f"invalid call id {call_id!r}"}, status=400)
        if call_id in self.sessions:
            return web.json_response({"error": f"call {call_id} is already live"}, status=409)
        try:
            offer = parse_description(await request.json(), "offer")
        except ValueError as exc:
            return web.json_response({"error": str(exc)}, status=400)
        recording = self.record_dir / f"{call_id}.wav" if self.record_dir else None
        pc = new_peer_connection(self.ice_servers)
        session = CallSession(call_id, pc, role="bot", recording=recording)
        self.sessions[call_id] = session
        try:
            await pc.setRemoteDescription(offer)
            session.attach()
            await pc.setLocalDescription(await pc.createAnswer())
        except Exception as exc:  # aiortc raises several types for a bad SDP
            await session.close()
            del self.sessions[call_id]
            return web.json_response({"error": f"cannot answer the offer: {exc}"}, status=400)
        task = asyncio.get_running_loop().create_task(self._run(session))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        answer = pc.localDescription
        return web.json_response({"sdp": answer.sdp, "type": answer.type})

    async def _run(self, session: CallSession) -> None:
        try:
            await self.handler(session)
        except Exception:
            logger.exception("call %s: the session handler failed", session.call_id)
        finally:
            await session.close()
            self.sessions.pop(session.call_id, None)

    async def _hangup(self, request: web.Request) -> web.Response:
        session = self.sessions.pop(request.match_info["call_id"], None)
        if session is None:
            return web.json_response({"error": "no such live call"}, status=404)
        await session.close()
        return web.Response(status=204)
