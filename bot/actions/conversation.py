"""Actions that only move the conversation state: verification, tone, refusals."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher


class ActionVerifyIdentity(Action):  # type: ignore[misc]  # rasa_sdk ships no type hints
    """The caller confirmed they are the debtor: unlock the account details."""

    def name(self) -> str:
        """Action name used in the domain and the stories."""
        return "action_verify_identity"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Set ``verified``."""
        return [SlotSet("verified", True)]


class ActionSetHardshipTone(Action):  # type: ignore[misc]
    """The caller described hardship: every later response uses the hardship phrasing."""

    def name(self) -> str:
        """Action name used in the domain and the stories."""
        return "action_set_hardship_tone"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Set ``tone`` to ``hardship``."""
        return [SlotSet("tone", "hardship")]


class ActionNoteRefusal(Action):  # type: ignore[misc]
    """Remember a first refusal so that the second one goes to a person."""

    def name(self) -> str:
        """Action name used in the domain and the stories."""
        return "action_note_refusal"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Set ``refused``."""
        return [SlotSet("refused", True)]


REPEAT_ACK = "utter_repeat_ack"
"""The short acknowledgement said before the repeated lines."""


class ActionRepeatLast(Action):  # type: ignore[misc]
    """The caller asked to hear that again: say the bot's previous lines once more.

    The lines are the ones the bot said after the caller's previous turn, exactly as they
    were rendered; the orchestrator's guard checks them again before they are spoken.
    """

    def name(self) -> str:
        """Action name used in the domain and the stories."""
        return "action_repeat_last"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Utter the acknowledgement, then the previous bot lines.

        The acknowledgement is left out when the first repeated line already opens with it
        ("Of course. Given your situation, …"), so the caller does not hear it twice.
        """
        lines = previous_bot_lines(tracker.events)
        if not (lines and opens_with_ack(lines[0], domain)):
            dispatcher.utter_message(response=REPEAT_ACK)
        for text in lines:
            dispatcher.utter_message(text=text)
        return []


def opens_with_ack(line: str, domain: dict[str, Any]) -> bool:
    """True when ``line`` starts with one of the domain's acknowledgement texts."""
    variants = (domain.get("responses") or {}).get(REPEAT_ACK) or []
    acks = [str(v.get("text", "")).strip() for v in variants if isinstance(v, dict)]
    return any(ack and line.strip().startswith(ack) for ack in acks)


#: Lines that carry nothing to repeat: the acknowledgement itself and "I didn't catch that".
UNREPEATED = frozenset({REPEAT_ACK, "utter_rephrase", "utter_default"})


def previous_bot_lines(events: list[dict[str, Any]]) -> list[str]:
    """The bot's lines between the caller's last two turns (the newest turn is the request).

    An earlier repeat's acknowledgement is left out, so asking twice does not stack them.
    When the bot said nothing there but "sorry, I didn't catch that" (the caller's turn
    before was not understood), the lines before that turn are the ones to say again: the
    caller asking "what?" wants the question back, not the apology.
    """
    lines: list[str] = []
    request_seen = False
    for event in reversed(events):
        if event.get("event") == "user":
            if lines:
                break
            request_seen = True  # the request, or a turn answered with nothing to repeat
        elif event.get("event") == "bot" and request_seen and event.get("text"):
            metadata = event.get("metadata") or {}
            if metadata.get("utter_action") not in UNREPEATED:
                lines.append(str(event["text"]))
    return list(reversed(lines))
