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
