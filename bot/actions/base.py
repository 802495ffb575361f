"""Small helpers shared by the custom actions: reading the tracker the same way everywhere."""

from __future__ import annotations

from datetime import date
from typing import Any

from rasa_sdk import Tracker


def latest_intent(tracker: Tracker) -> str | None:
    """Name of the intent of the caller's latest message, if any."""
    intent = tracker.latest_message.get("intent") or {}
    name = intent.get("name")
    return str(name) if name else None


def latest_text(tracker: Tracker) -> str:
    """Text of the caller's latest message (empty for "/intent" messages)."""
    text = tracker.latest_message.get("text") or ""
    return "" if str(text).startswith("/") else str(text)


def entity_values(tracker: Tracker, entity: str) -> list[str]:
    """Every value NLU extracted for ``entity`` in the latest message, in order."""
    values: list[Any] = list(tracker.get_latest_entity_values(entity))
    return [str(v) for v in values if v is not None]


def call_date(tracker: Tracker) -> date:
    """The call's local date: slot ``call_date`` (ISO) when the orchestrator set it, else today."""
    value = tracker.get_slot("call_date")
    if value:
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            pass
    return date.today()
