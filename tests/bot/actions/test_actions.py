from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.actions import (
    ActionEndCall,
    ActionHandoff,
    ActionNoteRefusal,
    ActionOfferExtension,
    ActionRecordCallback,
    ActionRecordPromise,
    ActionRepeatLast,
    ActionSetHardshipTone,
    ActionVerifyIdentity,
)
from bot.actions.reasons import end_reason, handoff_reason


def _tracker(
    intent: str,
    text: str = "",
    entities: list[dict[str, Any]] | None = None,
    **slots: Any,
) -> Tracker:
    latest = {
        "intent": {"name": intent, "confidence": 0.98},
        "text": text,
        "entities": entities or [],
    }
    return Tracker(
        sender_id="call-1",
        slots={"call_date": "2026-11-28", **slots},
        latest_message=latest,
        events=[],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


def _run(
    action: Action, tracker: Tracker, domain: dict[str, Any] | None = None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, tracker, domain or {})
    return events, dispatcher.messages


def _slots(events: list[dict[str, Any]]) -> dict[str, Any]:
    assert all(e["event"] == "slot" for e in events)
    return {e["name"]: e["value"] for e in events}


def test_verify_identity_sets_verified() -> None:
    events, messages = _run(ActionVerifyIdentity(), _tracker("identity_confirm", "yes speaking"))
    assert _slots(events) == {"verified": True}
    assert messages == []


def test_hardship_tone_and_refusal() -> None:
    events, _ = _run(ActionSetHardshipTone(), _tracker("hardship_job_loss", "i lost my job"))
    assert _slots(events) == {"tone": "hardship"}
    events, _ = _run(ActionNoteRefusal(), _tracker("refusal", "im not paying"))
    assert _slots(events) == {"refused": True}


@pytest.mark.parametrize(
    ("intent", "text", "entities", "slots", "expected"),
    [
        (
            "promise_to_pay",
            "i can pay two thousand five hundred next friday",
            [],
            {},
            {
                "promised_amount": "2500",
                "promised_date": "2026-12-04",
                "promise_status": "complete",
            },
        ),
        (
            "promise_to_pay",
            "我下周五还两千五百",
            [],
            {},
            {
                "promised_amount": "2500",
                "promised_date": "2026-12-04",
                "promise_status": "complete",
            },
        ),
        (
            "partial_payment",
            "i can only do like fifty bucks",
            [],
            {},
            {"promised_amount": "50", "promised_date": None, "promise_status": "need_date"},
        ),
        (
            # The entity wins over other numbers in the text.
            "partial_payment",
            "on the 3rd i can do 300 maybe 400",
            [{"entity": "amount", "value": "300"}, {"entity": "date", "value": "the 3rd"}],
            {},
            {"promised_amount": "300", "promised_date": "2026-12-03", "promise_status": "complete"},
        ),
        (
            # The date of this turn completes the amount of an earlier one.
            "promise_to_pay",
            "月底吧",
            [],
            {"promised_amount": "500"},
            {"promised_amount": "500", "promised_date": "2026-11-30", "promise_status": "complete"},
        ),
        (
            # A full promise with only a date means the amount due.
            "promise_to_pay",
            "ill pay it tomorrow",
            [],
            {"amount_due": "$1,250"},
            {
                "promised_amount": "1250",
                "promised_date": "2026-11-29",
                "promise_status": "complete",
            },
        ),
        (
            "partial_payment",
            "i can pay part of it next week",
            [],
            {"amount_due": "$1,250"},
            {
                "promised_amount": None,
                "promised_date": "2026-11-30",
                "promise_status": "need_amount",
            },
        ),
        (
            "promise_to_pay",
            "yes i will pay",
            [],
            {},
            {"promised_amount": None, "promised_date": None, "promise_status": "need_details"},
        ),
    ],
)
def test_record_promise(
    intent: str,
    text: str,
    entities: list[dict[str, Any]],
    slots: dict[str, Any],
    expected: dict[str, Any],
) -> None:
    events, messages = _run(ActionRecordPromise(), _tracker(intent, text, entities, **slots))
    recorded = _slots(events)
    assert {k: recorded[k] for k in expected} == expected
    assert messages == []


@pytest.mark.parametrize(
    ("text", "slots", "amount", "when"),
    [
        ("i can pay 500 next friday", {"amount_due": "$1,250"}, "$500", "December 4"),
        ("我下周五还五百块", {"amount_due": "2500元"}, "500元", "12月4日"),
        # The locale slot wins over the guess from the text.
        ("500 下周五", {"locale": "en"}, "500", "December 4"),
    ],
)
def test_record_promise_fills_the_spoken_forms(
    text: str, slots: dict[str, Any], amount: str, when: str
) -> None:
    events, _ = _run(ActionRecordPromise(), _tracker("promise_to_pay", text, **slots))
    recorded = _slots(events)
    assert recorded["promised_amount_spoken"] == amount
    assert recorded["promised_date_spoken"] == when


def test_a_date_entity_that_is_part_of_the_date_said_does_not_cut_it_short() -> None:
    # the demo's hardship callee said "3月底吧" and the entity span was "月底" (this month's end)
    entities = [{"entity": "date", "value": "月底"}]
    tracker = _tracker("promise_to_pay", "3月底吧，那时候应该能还过来", entities, locale="zh")
    events, _ = _run(ActionRecordPromise(), tracker)
    assert _slots(events)["promised_date"] == "2027-03-31"


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("ill pay it tomorrow", {"amount_due": "$1,250", "locale": "en"}),
        ("3月底吧，那时候应该能还过来", {"amount_due": "2500元", "locale": "zh"}),
    ],
)
def test_a_date_only_promise_in_the_hardship_tone_asks_the_amount(
    text: str, slots: dict[str, Any]
) -> None:
    # the standard tone takes the amount due; someone who said money is short is asked
    standard = _slots(_run(ActionRecordPromise(), _tracker("promise_to_pay", text, **slots))[0])
    hardship = _slots(
        _run(ActionRecordPromise(), _tracker("promise_to_pay", text, tone="hardship", **slots))[0]
    )
    assert standard["promise_status"] == "complete"
    assert standard["promised_amount"] is not None
    assert hardship["promise_status"] == "need_amount"
    assert hardship["promised_amount"] is None
    assert hardship["promised_date"] == standard["promised_date"]


def test_an_extension_without_a_date_is_offered() -> None:
    events, messages = _run(
        ActionOfferExtension(), _tracker("request_extension", "could i have a bit more time")
    )
    assert events == []
    assert [m["response"] for m in messages] == ["utter_extension_offer"]


@pytest.mark.parametrize(
    ("text", "slots", "when", "spoken"),
    [
        ("the end of march would be easier", {"locale": "en"}, "2027-03-31", "March 31"),
        ("能不能宽限到三月底", {"locale": "zh"}, "2027-03-31", "3月31日"),
        ("mid december please", {"locale": "en"}, "2026-12-15", "December 15"),
    ],
)
def test_an_extension_that_names_a_date_takes_it_and_asks_the_amount(
    text: str, slots: dict[str, Any], when: str, spoken: str
) -> None:
    # the answer to "what date would work?" is not asked for again
    events, messages = _run(ActionOfferExtension(), _tracker("request_extension", text, **slots))
    recorded = _slots(events)
    assert recorded["promised_date"] == when
    assert recorded["promise_status"] == "need_amount"
    assert recorded["promised_amount"] is None  # more time asked, no amount promised yet
    assert [m["response"] for m in messages] == ["utter_ask_promise_amount"]
    assert messages[0]["promised_date_spoken"] == spoken  # filled before the slot is set


def test_an_extension_with_a_date_after_an_amount_confirms_the_promise() -> None:
    tracker = _tracker(
        "request_extension", "friday would be easier", promised_amount="200", locale="en"
    )
    events, messages = _run(ActionOfferExtension(), tracker)
    recorded = _slots(events)
    assert (recorded["promised_amount"], recorded["promised_date"]) == ("200", "2026-12-04")
    assert recorded["promise_status"] == "complete"
    assert [m["response"] for m in messages] == ["utter_promise_confirm", "utter_anything_else"]
    assert messages[0]["promised_date_spoken"] == "December 4"


def test_record_callback() -> None:
    events, _ = _run(ActionRecordCallback(), _tracker("callback_later", "call me back tomorrow"))
    assert _slots(events) == {"callback_time": "2026-11-29"}
    events, _ = _run(ActionRecordCallback(), _tracker("callback_later", "later tonight after 8"))
    assert _slots(events) == {"callback_time": "2026-11-28"}
    events, _ = _run(ActionRecordCallback(), _tracker("callback_later", "im driving call later"))
    assert _slots(events) == {"callback_time": "im driving call later"}


def test_handoff_emits_the_payload() -> None:
    events, messages = _run(ActionHandoff(), _tracker("self_harm", "i dont want to live"))
    assert _slots(events) == {"handoff": True, "handoff_reason": "self_harm"}
    assert [m["custom"] for m in messages] == [{"kindcall": "handoff", "reason": "self_harm"}]


@pytest.mark.parametrize(
    ("intent", "verified", "reason"),
    [
        ("cease_contact", False, "cease"),
        ("wrong_person", False, "wrong_party"),
        ("deny", False, "wrong_party"),
        ("deny", True, "completed"),
        ("third_party", False, "third_party"),
        ("dispute", True, "dispute"),
        ("goodbye", True, "completed"),
        ("callback_later", False, "callback"),
    ],
)
def test_end_call_emits_the_payload(intent: str, verified: bool, reason: str) -> None:
    events, messages = _run(ActionEndCall(), _tracker(intent, "", verified=verified))
    assert _slots(events) == {"call_ended": True, "end_reason": reason}
    assert [m["custom"] for m in messages] == [{"kindcall": "end_call", "reason": reason}]


def test_reasons_for_unforeseen_intents() -> None:
    assert handoff_reason(None) == "other"
    assert handoff_reason("greet") == "other"
    assert end_reason(None, verified=True) == "completed"


def test_every_domain_action_is_served() -> None:
    import yaml

    from bot.paths import REPO_ROOT

    declared = yaml.safe_load((REPO_ROOT / "dialogues/domain/actions.yml").read_text())["actions"]
    import bot.actions

    served = {getattr(bot.actions, name)().name() for name in bot.actions.__all__}
    assert served == set(declared)


def test_repeat_says_the_previous_lines_again() -> None:
    events = [
        {"event": "bot", "text": "This call is recorded."},
        {"event": "user", "text": "hello"},
        {"event": "action", "name": "utter_ask_identity"},
        {"event": "bot", "text": "Am I speaking with Alex Morgan?"},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": "sorry what was that"},
    ]
    tracker = _tracker("ask_repeat", "sorry what was that")
    tracker.events = events
    returned, messages = _run(ActionRepeatLast(), tracker)
    assert returned == []
    assert [m.get("response") or m.get("text") for m in messages] == [
        "utter_repeat_ack",
        "Am I speaking with Alex Morgan?",
    ]


def test_asking_twice_does_not_stack_the_acknowledgements() -> None:
    tracker = _tracker("ask_repeat", "what")
    tracker.events = [
        {"event": "bot", "text": "Am I speaking with Alex Morgan?"},
        {"event": "user", "text": "sorry"},
        {"event": "bot", "text": "Of course.", "metadata": {"utter_action": "utter_repeat_ack"}},
        {"event": "bot", "text": "Am I speaking with Alex Morgan?"},
        {"event": "user", "text": "what"},
    ]
    _, messages = _run(ActionRepeatLast(), tracker)
    assert [m.get("response") or m.get("text") for m in messages] == [
        "utter_repeat_ack",
        "Am I speaking with Alex Morgan?",
    ]


def test_a_repeated_line_that_opens_with_the_acknowledgement_is_not_acknowledged_twice() -> None:
    domain = {"responses": {"utter_repeat_ack": [{"text": "Of course."}]}}
    line = "Of course. Given your situation, we can give you more time. What date?"
    tracker = _tracker("ask_repeat", "sorry what was that")
    tracker.events = [
        {"event": "user", "text": "a pause would help"},
        {"event": "bot", "text": line},
        {"event": "user", "text": "sorry what was that"},
    ]
    _, messages = _run(ActionRepeatLast(), tracker, domain)
    assert [m.get("response") or m.get("text") for m in messages] == [line]
    # any other line still gets it
    tracker.events[1] = {"event": "bot", "text": "What date would feel comfortable?"}
    _, messages = _run(ActionRepeatLast(), tracker, domain)
    assert [m.get("response") or m.get("text") for m in messages] == [
        "utter_repeat_ack",
        "What date would feel comfortable?",
    ]


def test_asking_what_after_an_apology_repeats_the_question_before_it() -> None:
    question = "We can pause payments for up to sixty days. Would either of those help?"
    sorry = "Sorry, I didn't catch that. Could you say it another way?"
    tracker = _tracker("ask_repeat", "what")
    tracker.events = [
        {"event": "user", "text": "i lost my job"},
        {"event": "bot", "text": question},
        {"event": "user", "text": "a bores for two months"},
        {"event": "bot", "text": sorry, "metadata": {"utter_action": "utter_default"}},
        {"event": "user", "text": "what"},
    ]
    _, messages = _run(ActionRepeatLast(), tracker)
    assert [m.get("response") or m.get("text") for m in messages] == ["utter_repeat_ack", question]
    # the apology with a real line after it: only the real line is said again
    tracker.events.insert(4, {"event": "bot", "text": "Take your time."})
    _, messages = _run(ActionRepeatLast(), tracker)
    assert [m.get("response") or m.get("text") for m in messages] == [
        "utter_repeat_ack",
        "Take your time.",
    ]


def test_repeat_with_nothing_said_before_only_acknowledges() -> None:
    tracker = _tracker("ask_repeat", "what")
    tracker.events = [{"event": "user", "text": "what"}]
    _, messages = _run(ActionRepeatLast(), tracker)
    assert [m.get("response") for m in messages] == ["utter_repeat_ack"]
