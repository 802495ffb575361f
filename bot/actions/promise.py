"""Promise-to-pay and callback capture: amounts and dates from entities or the raw text."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Literal, cast

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.base import call_date, entity_values, latest_intent, latest_text
from bot.dialogue.amounts import format_amount, parse_amount
from bot.dialogue.dates import parse_date
from bot.dialogue.spoken import Locale, guess_locale, spoken_amount, spoken_date

PromiseStatus = Literal["complete", "need_amount", "need_date", "need_details"]


def _first_amount(values: list[str], text: str) -> Decimal | None:
    for value in values:
        amount = parse_amount(value)
        if amount is not None:
            return amount
    return parse_amount(text) if text else None


def _first_date(values: list[str], text: str, today: date) -> date | None:
    # The caller's whole words first: an entity span can be part of the date ("3月底吧" tagged
    # as "月底" is this month's end, 3 months early); the entities when the words hold none.
    if text and (found := parse_date(text, today)) is not None:
        return found
    for value in values:
        if (found := parse_date(value, today)) is not None:
            return found
    return None


def _turn_date(tracker: Tracker) -> date | None:
    """The date the caller's latest turn named, if any."""
    return _first_date(entity_values(tracker, "date"), latest_text(tracker), call_date(tracker))


def promise_status(amount: str | None, when: str | None) -> PromiseStatus:
    """What is still missing from a promise."""
    if amount and when:
        return "complete"
    if when:
        return "need_amount"
    if amount:
        return "need_date"
    return "need_details"


class ActionRecordPromise(Action):  # type: ignore[misc]  # rasa_sdk ships no type hints
    """Fill ``promised_amount`` (decimal text) and ``promised_date`` (ISO) from the turn.

    What this turn leaves out is kept from an earlier turn ("I can pay 500" ... "on
    Friday"). A full promise with a date but no amount ("I'll pay it on Friday") means the
    amount due, except in the hardship tone: someone who has just said money is short is
    asked what they can manage rather than held to the whole amount. ``promise_status``
    tells the rules what to ask next.
    """

    def name(self) -> str:
        """Action name used in the domain and the stories."""
        return "action_record_promise"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Parse, merge with earlier turns, set the promise slots."""
        return [SlotSet(name, value) for name, value in promise_slots(tracker).items()]


def promise_slots(tracker: Tracker) -> dict[str, str | None]:
    """The promise slots after the latest turn, merged with what earlier turns said."""
    text = latest_text(tracker)
    amount = _first_amount(entity_values(tracker, "amount"), text)
    when = _turn_date(tracker)
    amount_text = format_amount(amount) if amount is not None else None
    date_text = when.isoformat() if when is not None else None
    amount_text = amount_text or _slot_text(tracker, "promised_amount")
    date_text = date_text or _slot_text(tracker, "promised_date")
    if amount_text is None and date_text and _means_amount_due(tracker):
        due = parse_amount(_slot_text(tracker, "amount_due") or "")
        amount_text = format_amount(due) if due is not None else None
    locale = _locale(tracker, text)
    like = _slot_text(tracker, "amount_due")
    return {
        "promised_amount": amount_text,
        "promised_date": date_text,
        "promised_amount_spoken": spoken_amount(amount_text, like) if amount_text else None,
        "promised_date_spoken": (
            spoken_date(date.fromisoformat(date_text), locale) if date_text else None
        ),
        "promise_status": promise_status(amount_text, date_text),
    }


def _means_amount_due(tracker: Tracker) -> bool:
    """A date-only promise stands for the amount due: said as a promise, in the standard tone."""
    return latest_intent(tracker) == "promise_to_pay" and tracker.get_slot("tone") != "hardship"


class ActionOfferExtension(Action):  # type: ignore[misc]
    """The caller asked for more time: offer it, or take the date they already named.

    "Could I have till the end of March?" (or "the end of March would be easier" as the
    answer to "what date would work?") names the date: it becomes the promised date and the
    bot asks what amount, instead of asking for a date again. Without a date, the offer.
    """

    def name(self) -> str:
        """Action name used in the domain and the stories."""
        return "action_offer_extension"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Utter the offer, or record the date and ask for the amount (or confirm)."""
        if _turn_date(tracker) is None:
            dispatcher.utter_message(response="utter_extension_offer")
            return []
        slots = promise_slots(tracker)
        # the responses are filled before these slots are set: pass the values along
        filled = {name: value for name, value in slots.items() if value is not None}
        if slots["promise_status"] == "complete":
            dispatcher.utter_message(response="utter_promise_confirm", **filled)
            dispatcher.utter_message(response="utter_anything_else", **filled)
        else:
            dispatcher.utter_message(response="utter_ask_promise_amount", **filled)
        return [SlotSet(name, value) for name, value in slots.items()]


class ActionRecordCallback(Action):  # type: ignore[misc]
    """Fill ``callback_time``: the ISO date when one was said, else the caller's words."""

    def name(self) -> str:
        """Action name used in the domain and the stories."""
        return "action_record_callback"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Parse the callback date or keep the raw words."""
        text = latest_text(tracker)
        spans = entity_values(tracker, "date") + entity_values(tracker, "time")
        when = _first_date(spans, text, call_date(tracker))
        value = when.isoformat() if when is not None else (" ".join(spans) or text or None)
        return [SlotSet("callback_time", value)]


def _locale(tracker: Tracker, text: str) -> Locale:
    value = tracker.get_slot("locale")
    if value in ("en", "zh"):
        return cast(Locale, value)
    return guess_locale(text or str(tracker.get_slot("debtor_name") or ""))


def _slot_text(tracker: Tracker, name: str) -> str | None:
    value = tracker.get_slot(name)
    return str(value) if value not in (None, "") else None
