"""Hand-over to a person and end of call: set the outcome slots, tell the orchestrator."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.base import latest_intent
from bot.actions.reasons import end_reason, handoff_reason


class ActionHandoff(Action):  # type: ignore[misc]  # rasa_sdk ships no type hints
    """A person takes over: the bot falls silent after this turn."""

    def name(self) -> str:
        """Action name used in the domain and the stories."""
        return "action_handoff"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Set ``handoff``/``handoff_reason`` and emit ``{"kindcall": "handoff"}``."""
        reason = handoff_reason(latest_intent(tracker))
        dispatcher.utter_message(json_message={"kindcall": "handoff", "reason": reason})
        return [SlotSet("handoff", True), SlotSet("handoff_reason", reason)]


class ActionEndCall(Action):  # type: ignore[misc]
    """The call ends after this turn (the closing line was already said)."""

    def name(self) -> str:
        """Action name used in the domain and the stories."""
        return "action_end_call"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Set ``call_ended``/``end_reason`` and emit ``{"kindcall": "end_call"}``."""
        verified = bool(tracker.get_slot("verified"))
        reason = end_reason(latest_intent(tracker), verified=verified)
        dispatcher.utter_message(json_message={"kindcall": "end_call", "reason": reason})
        return [SlotSet("call_ended", True), SlotSet("end_reason", reason)]
