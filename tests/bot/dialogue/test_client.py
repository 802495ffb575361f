from __future__ import annotations

import json

import httpx
import pytest

from bot.dialogue.client import RasaClient
from bot.errors import DialogueError


async def test_start_call_restarts_sets_slots_then_opens_the_call() -> None:
    seen: list[tuple[str, str, object]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content) if request.content else None
        raw_path = request.url.raw_path.split(b"?")[0].decode()
        seen.append((request.method, raw_path, body))
        if request.url.path.endswith("/tracker/events"):
            return httpx.Response(200, json={"sender_id": "call 1"})
        if request.url.path == "/webhooks/rest/webhook":
            return httpx.Response(
                200,
                json=[
                    {"recipient_id": "call 1", "text": "Hello"},
                    {"recipient_id": "call 1", "custom": {"kindcall": "end_call", "reason": "x"}},
                ],
            )
        return httpx.Response(
            200,
            json={
                "latest_message": {
                    "text": "/start_call",
                    "intent": {"name": "start_call", "confidence": 1.0},
                },
                "slots": {"tier": "2"},
            },
        )

    async with RasaClient("http://rasa", transport=httpx.MockTransport(handler)) as client:
        turn = await client.start_call("call 1", {"tier": "2", "verified": False})
    assert seen == [
        (
            "POST",
            "/conversations/call%201/tracker/events",
            [
                {"event": "restart"},
                {"event": "action", "name": "action_session_start"},
                {"event": "session_started"},
                {"event": "slot", "name": "tier", "value": "2"},
                {"event": "slot", "name": "verified", "value": False},
                {"event": "action", "name": "action_listen"},
            ],
        ),
        ("POST", "/webhooks/rest/webhook", {"sender": "call 1", "message": "/start_call"}),
        ("GET", "/conversations/call%201/tracker", None),
    ]
    assert turn.texts == ["Hello"]
    assert [m.kind for m in turn.bot] == [None, "end_call"]
    assert turn.tracker.intent == "start_call"
    assert turn.tracker.confidence == 1.0
    assert turn.tracker.slots == {"tier": "2"}


async def test_http_error_status_becomes_dialogue_error() -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(500, text="boom"))
    async with RasaClient("http://rasa", transport=transport) as client:
        with pytest.raises(DialogueError) as info:
            await client.send("c", "hi")
    assert str(info.value) == (
        "Rasa at http://rasa: POST /webhooks/rest/webhook returned 500: boom"
    )


async def test_unreachable_server_becomes_dialogue_error() -> None:
    async with RasaClient("http://127.0.0.1:9", timeout=2.0) as client:
        with pytest.raises(DialogueError, match=r"^Rasa at http://127.0.0.1:9: GET /status failed"):
            await client.status()
