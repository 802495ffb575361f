"""Async HTTP client of a running Rasa server (``rasa run --enable-api``).

What an outside caller (the orchestrator, ``kindcall chat``, the tests) does per call::

    POST /conversations/{id}/tracker/events   [{"event": "slot", "name": "tier", "value": "3"}, ...]
    POST /webhooks/rest/webhook               {"sender": id, "message": "/start_call"}
    POST /webhooks/rest/webhook               {"sender": id, "message": "yes this is she"}
    GET  /conversations/{id}/tracker          latest_message.intent + slots

Every transport or HTTP failure becomes :class:`bot.errors.DialogueError`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any
from urllib.parse import quote

import httpx

from bot.errors import DialogueError

START_CALL = "/start_call"
"""The message that makes the bot open the call (recording notice, identity question)."""


@dataclass(frozen=True, slots=True)
class BotMessage:
    """One message of the bot: spoken text, or a custom payload for the orchestrator."""

    text: str | None = None
    custom: Mapping[str, Any] | None = None

    @property
    def kind(self) -> str | None:
        """``"handoff"`` or ``"end_call"`` for a KindCall control payload."""
        if self.custom is None:
            return None
        value = self.custom.get("kindcall")
        return str(value) if value is not None else None


@dataclass(frozen=True, slots=True)
class TrackerView:
    """What the caller's latest line was understood as, and every slot's value."""

    intent: str | None
    confidence: float | None
    text: str | None
    slots: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Turn:
    """One caller line and the bot's answer to it."""

    user: str
    bot: tuple[BotMessage, ...]
    tracker: TrackerView

    @property
    def texts(self) -> list[str]:
        """The bot's spoken lines, in order."""
        return [m.text for m in self.bot if m.text is not None]


class RasaClient:
    """Talk to one Rasa server.

    Args:
        base_url: e.g. ``"http://127.0.0.1:5005"``.
        timeout: Seconds per request (a turn runs custom actions too).
        transport: An httpx transport (tests may pass ``httpx.MockTransport``).
    """

    def __init__(
        self,
        base_url: str,
        *,
        timeout: float = 30.0,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._http = httpx.AsyncClient(base_url=self.base_url, timeout=timeout, transport=transport)

    async def __aenter__(self) -> RasaClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the connection pool."""
        await self._http.aclose()

    async def _request(self, method: str, path: str, **kwargs: Any) -> Any:
        try:
            response = await self._http.request(method, path, **kwargs)
        except httpx.HTTPError as exc:
            raise DialogueError(
                f"Rasa at {self.base_url}: {method} {path} failed: {exc!r}"
            ) from exc
        if response.status_code >= 400:
            raise DialogueError(
                f"Rasa at {self.base_url}: {method} {path} returned {response.status_code}: "
                f"{response.text[:200]}"
            )
        try:
            return response.json()
        except ValueError as exc:
            raise DialogueError(
                f"Rasa at {self.base_url}: {method} {path} returned non-JSON: {response.text[:200]}"
            ) from exc

    @staticmethod
    def _conversation(sender: str) -> str:
        return f"/conversations/{quote(sender, safe='')}"

    async def set_slots(self, sender: str, slots: Mapping[str, Any]) -> None:
        """Set slots on the conversation (creates it, running the session start, if new)."""
        await self._append_events(
            sender,
            [{"event": "slot", "name": name, "value": value} for name, value in slots.items()],
        )

    async def rewind(self, sender: str) -> None:
        """Revert the conversation to just before the last caller line (slots included)."""
        await self._append_events(sender, [{"event": "rewind"}])

    async def _append_events(self, sender: str, events: list[dict[str, Any]]) -> None:
        await self._request(
            "POST",
            f"{self._conversation(sender)}/tracker/events",
            params={"include_events": "NONE"},
            json=events,
        )

    async def send(self, sender: str, text: str) -> list[BotMessage]:
        """Send one caller line; returns the bot's messages for this turn."""
        data = await self._request(
            "POST", "/webhooks/rest/webhook", json={"sender": sender, "message": text}
        )
        if not isinstance(data, list):
            raise DialogueError(f"Rasa at {self.base_url}: webhook returned {data!r}")
        return [
            BotMessage(text=item.get("text"), custom=item.get("custom"))
            for item in data
            if isinstance(item, dict)
        ]

    async def tracker(self, sender: str) -> TrackerView:
        """The latest intent with its confidence, and the slots."""
        data = await self._request(
            "GET", f"{self._conversation(sender)}/tracker", params={"include_events": "NONE"}
        )
        latest = data.get("latest_message") or {}
        intent = latest.get("intent") or {}
        confidence = intent.get("confidence")
        return TrackerView(
            intent=intent.get("name"),
            confidence=float(confidence) if confidence is not None else None,
            text=latest.get("text"),
            slots=dict(data.get("slots") or {}),
        )

    async def parse(self, text: str) -> TrackerView:
        """``POST /model/parse``: classify ``text`` without touching any conversation."""
        data = await self._request("POST", "/model/parse", json={"text": text})
        intent = data.get("intent") or {}
        confidence = intent.get("confidence")
        return TrackerView(
            intent=intent.get("name"),
            confidence=float(confidence) if confidence is not None else None,
            text=data.get("text"),
        )

    async def start_call(self, sender: str, slots: Mapping[str, Any]) -> Turn:
        """Start a fresh conversation with the account slots, then make the bot open the call.

        A conversation left on the server under the same sender id (a demo run again against
        a running server numbers its calls from 1 again) is restarted first: a call never
        inherits another call's slots, such as ``verified``.
        """
        await self._append_events(sender, [*_FRESH_SESSION, *_slot_events(slots), _LISTEN])
        return await self.turn(sender, START_CALL)

    async def turn(self, sender: str, text: str) -> Turn:
        """Send a caller line and read back how it was understood."""
        messages = await self.send(sender, text)
        return Turn(text, tuple(messages), await self.tracker(sender))

    async def status(self) -> Mapping[str, Any]:
        """``GET /status``: the loaded model."""
        data = await self._request("GET", "/status")
        return dict(data)


#: A restarted conversation shaped like a new one (a restart alone leaves no session start
#: and no ``action_listen``, and the opening rule would not apply).
_FRESH_SESSION: tuple[dict[str, Any], ...] = (
    {"event": "restart"},
    {"event": "action", "name": "action_session_start"},
    {"event": "session_started"},
)
_LISTEN: dict[str, Any] = {"event": "action", "name": "action_listen"}


def _slot_events(slots: Mapping[str, Any]) -> list[dict[str, Any]]:
    return [{"event": "slot", "name": name, "value": value} for name, value in slots.items()]
