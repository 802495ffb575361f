"""Conversations through the real Rasa server and action server, in both locales."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import pytest

from bot.calls.rasa_dialogue import RasaDialogue
from bot.dialogue.client import RasaClient, Turn
from bot.dialogue.project import Response, load_responses
from bot.dialogue.responses import fill
from bot.dialogue.server import ServerInfo
from bot.paths import REPO_ROOT, scripts_library_dir

pytestmark = [pytest.mark.rasa, pytest.mark.slow, pytest.mark.timeout(2400)]


@dataclass(frozen=True)
class Lines:
    """What the caller says in each locale (as ASR writes it)."""

    confirm: str
    ask_amount: str
    ask_who: str
    ask_due_date: str
    job_loss: str
    wrong_person: str
    third_party: str
    promise: str
    human: str
    more_time: str
    more_time_until: str
    small_amount: str


LINES = {
    "en": Lines(
        confirm="yes this is she",
        ask_amount="how much do i owe",
        ask_who="who is this",
        ask_due_date="when was it due",
        job_loss="i lost my job last month",
        wrong_person="you have the wrong number",
        third_party="she is not home right now i am her husband",
        promise="i can pay 500 dollars next friday",
        human="i want to talk to a real person",
        more_time="could i have a bit more time",
        more_time_until="the end of march would be easier if thats alright",
        small_amount="i could manage 200 dollars",
    ),
    "zh": Lines(
        confirm="对我就是",
        ask_amount="我欠多少钱",
        ask_who="你是谁啊",
        ask_due_date="什么时候到期的",
        job_loss="我最近失业了",
        wrong_person="你打错了",
        third_party="他不在家我是他老婆",
        promise="我下周五还五百块",
        human="我要找人工客服",
        more_time="能不能宽限几天",
        more_time_until="能不能宽限到三月底",
        small_amount="我能还两百块",
    ),
}
ACCOUNT = {
    "en": {
        "debtor_name": "Ana Silva",
        "creditor_name": "Acme Credit",
        "amount_due": "$1,250",
        "due_date": "November 1",
        "minimum_due": "$75",
    },
    "zh": {
        "debtor_name": "王芳",
        "creditor_name": "华信银行",
        "amount_due": "2500元",
        "due_date": "11月1日",
        "minimum_due": "300元",
    },
}
CALL_DATE = "2026-11-28"  # a Saturday: "next friday" is 2026-12-04


def _locale(info: ServerInfo) -> str:
    return info.locale


def _slots(locale: str, tier: str, tone: str = "standard") -> dict[str, str]:
    return {
        **ACCOUNT[locale],
        "tier": tier,
        "tone": tone,
        "locale": locale,
        "call_date": CALL_DATE,
    }


def _responses(locale: str) -> dict[str, Response]:
    return load_responses(scripts_library_dir(), locale, REPO_ROOT)


def _variation(locale: str, name: str, slots: dict[str, str], **conditions: str) -> str:
    """The text of the variation of ``name`` whose conditions are exactly ``conditions``."""
    for variation in _responses(locale)[name].variations:
        if {c.slot: c.value for c in variation.conditions} == conditions:
            text = fill(variation.text, slots)
            assert text is not None
            return text
    raise AssertionError(f"{name} has no variation with {conditions}")


def _secrets(locale: str) -> list[str]:
    account = ACCOUNT[locale]
    return [account[k] for k in ("creditor_name", "amount_due", "due_date", "minimum_due")]


def _sender() -> str:
    return f"test-{uuid.uuid4().hex[:12]}"


def _assert_intent(turn: Turn, intent: str) -> None:
    assert turn.tracker.intent == intent, (turn.user, turn.tracker.intent, turn.tracker.confidence)


async def _verified_call(
    client: RasaClient, locale: str, slots: dict[str, str]
) -> tuple[str, list[Turn]]:
    """A new call whose callee confirmed who they are: its sender id and the two turns."""
    sender = _sender()
    opening = await client.start_call(sender, slots)
    confirm = await client.turn(sender, LINES[locale].confirm)
    _assert_intent(confirm, "identity_confirm")
    return sender, [opening, confirm]


async def test_opening_is_the_recording_notice_and_identity_question(rasa: ServerInfo) -> None:
    locale = _locale(rasa)
    slots = _slots(locale, "3")
    async with RasaClient(rasa.rasa_url) as client:
        turn = await client.start_call(_sender(), slots)
    assert turn.texts == [
        _variation(locale, "utter_recording_notice", slots),
        _variation(locale, "utter_ask_identity", slots),
    ]
    assert turn.tracker.slots["verified"] is False
    assert turn.tracker.slots["tier"] == "3"


async def test_nothing_is_disclosed_before_verification(rasa: ServerInfo) -> None:
    locale = _locale(rasa)
    lines = LINES[locale]
    slots = _slots(locale, "4")
    sender = _sender()
    async with RasaClient(rasa.rasa_url) as client:
        before = [await client.start_call(sender, slots)]
        for text, intent in (
            (lines.ask_amount, "ask_amount"),
            (lines.ask_who, "ask_who_is_calling"),
            (lines.ask_due_date, "ask_due_date"),
        ):
            turn = await client.turn(sender, text)
            _assert_intent(turn, intent)
            before.append(turn)
        spoken = [line for turn in before for line in turn.texts]
        for secret in _secrets(locale):
            assert not [line for line in spoken if secret in line], secret
        assert _variation(locale, "utter_verify_first", slots) in spoken
        assert _variation(locale, "utter_who_is_calling_unverified", slots) in spoken

        after = await client.turn(sender, lines.confirm)
    _assert_intent(after, "identity_confirm")
    assert after.tracker.slots["verified"] is True
    assert after.texts == [
        _variation(locale, "utter_collection_disclosure", slots),
        _variation(locale, "utter_purpose", slots, tier="4", tone="standard"),
    ]
    assert ACCOUNT[locale]["creditor_name"] in after.texts[1]
    assert ACCOUNT[locale]["amount_due"] in after.texts[1]


async def test_tier_1_and_tier_5_phrasing_differ(rasa: ServerInfo) -> None:
    locale = _locale(rasa)
    purposes = {}
    async with RasaClient(rasa.rasa_url) as client:
        for tier in ("1", "5"):
            slots = _slots(locale, tier)
            _, turns = await _verified_call(client, locale, slots)
            assert turns[1].texts == [
                _variation(locale, "utter_collection_disclosure", slots),
                _variation(locale, "utter_purpose", slots, tier=tier, tone="standard"),
            ]
            purposes[tier] = turns[1].texts[1]
    assert purposes["1"] != purposes["5"]


async def test_hardship_switches_the_phrasing(rasa: ServerInfo) -> None:
    locale = _locale(rasa)
    lines = LINES[locale]
    slots = _slots(locale, "5")
    async with RasaClient(rasa.rasa_url) as client:
        sender, _ = await _verified_call(client, locale, slots)
        standard = await client.turn(sender, lines.ask_amount)
        hardship = await client.turn(sender, lines.job_loss)
        _assert_intent(hardship, "hardship_job_loss")
        again = await client.turn(sender, lines.ask_amount)
    _assert_intent(standard, "ask_amount")
    assert standard.texts == [
        _variation(locale, "utter_amount_due", slots, tier="5", tone="standard")
    ]
    assert hardship.tracker.slots["tone"] == "hardship"
    assert hardship.texts == [
        _variation(locale, "utter_empathy_job_loss", slots),
        _variation(locale, "utter_hardship_plan", slots, tier="5"),
    ]
    assert again.texts == [_variation(locale, "utter_amount_due", slots, tone="hardship")]
    assert again.texts != standard.texts


@pytest.mark.parametrize(
    ("attr", "intent", "close", "reason"),
    [
        ("wrong_person", "wrong_person", "utter_wrong_person_close", "wrong_party"),
        ("third_party", "third_party", "utter_third_party_close", "third_party"),
    ],
)
async def test_wrong_person_and_third_party_hear_nothing(
    rasa: ServerInfo, attr: str, intent: str, close: str, reason: str
) -> None:
    locale = _locale(rasa)
    slots = _slots(locale, "2")
    sender = _sender()
    async with RasaClient(rasa.rasa_url) as client:
        opening = await client.start_call(sender, slots)
        turn = await client.turn(sender, getattr(LINES[locale], attr))
    _assert_intent(turn, intent)
    assert turn.texts == [_variation(locale, close, slots)]
    assert [m.custom for m in turn.bot if m.custom] == [{"kindcall": "end_call", "reason": reason}]
    for secret in _secrets(locale):
        assert not [line for line in opening.texts + turn.texts if secret in line], secret
    assert turn.tracker.slots["verified"] is False
    assert turn.tracker.slots["call_ended"] is True
    assert turn.tracker.slots["end_reason"] == reason


async def test_promise_is_captured_by_the_action_server(rasa: ServerInfo) -> None:
    locale = _locale(rasa)
    slots = _slots(locale, "3")
    async with RasaClient(rasa.rasa_url) as client:
        sender, _ = await _verified_call(client, locale, slots)
        turn = await client.turn(sender, LINES[locale].promise)
    _assert_intent(turn, "promise_to_pay")
    assert turn.tracker.slots["promised_amount"] == "500"
    assert turn.tracker.slots["promised_date"] == "2026-12-04"
    spoken = {"en": ("$500", "December 4"), "zh": ("500元", "12月4日")}[locale]
    assert turn.tracker.slots["promised_amount_spoken"] == spoken[0]
    assert turn.tracker.slots["promised_date_spoken"] == spoken[1]
    filled = {**slots, "promised_amount_spoken": spoken[0], "promised_date_spoken": spoken[1]}
    assert turn.texts == [
        _variation(locale, "utter_promise_confirm", filled),
        _variation(locale, "utter_anything_else", filled),
    ]


async def test_a_date_named_for_more_time_is_taken_and_the_amount_asked(
    rasa: ServerInfo,
) -> None:
    # "what date would work?" answered with a date is not asked again
    locale = _locale(rasa)
    lines = LINES[locale]
    slots = _slots(locale, "3")
    async with RasaClient(rasa.rasa_url) as client:
        sender, _ = await _verified_call(client, locale, slots)
        offer = await client.turn(sender, lines.more_time)
        until = await client.turn(sender, lines.more_time_until)
        amount = await client.turn(sender, lines.small_amount)
    _assert_intent(offer, "request_extension")
    assert offer.texts == [_variation(locale, "utter_extension_offer", slots)]
    _assert_intent(until, "request_extension")
    assert until.tracker.slots["promised_date"] == "2027-03-31"
    assert until.tracker.slots["promised_amount"] is None
    when = {"en": "March 31", "zh": "3月31日"}[locale]
    asked = {**slots, "promised_date_spoken": when}
    assert until.texts == [_variation(locale, "utter_ask_promise_amount", asked)]
    assert amount.tracker.slots["promise_status"] == "complete"
    assert amount.tracker.slots["promised_amount"] == "200"
    assert amount.tracker.slots["promised_date"] == "2027-03-31"
    assert amount.texts[-1] == _variation(locale, "utter_anything_else", slots)


async def test_request_for_a_person_hands_over(rasa: ServerInfo) -> None:
    locale = _locale(rasa)
    slots = _slots(locale, "1")
    sender = _sender()
    async with RasaClient(rasa.rasa_url) as client:
        await client.start_call(sender, slots)
        await client.turn(sender, LINES[locale].confirm)
        turn = await client.turn(sender, LINES[locale].human)
    _assert_intent(turn, "request_human")
    assert turn.texts == [_variation(locale, "utter_handoff", slots)]
    assert [m.custom for m in turn.bot if m.custom] == [
        {"kindcall": "handoff", "reason": "request_human"}
    ]
    assert turn.tracker.slots["handoff"] is True


NOT_UNDERSTOOD = {"en": "purple elephant dances", "zh": "紫色大象跳舞"}
ASK_REPEAT = {"en": "sorry what was that", "zh": "不好意思你再说一遍"}


async def test_asking_what_after_an_apology_hears_the_question_again(rasa: ServerInfo) -> None:
    locale = _locale(rasa)
    slots = _slots(locale, "3")
    sender = _sender()
    async with RasaClient(rasa.rasa_url) as client:
        await client.start_call(sender, slots)
        await client.turn(sender, LINES[locale].confirm)
        asked = await client.turn(sender, LINES[locale].ask_amount)
        sorry = await client.turn(sender, NOT_UNDERSTOOD[locale])
        again = await client.turn(sender, ASK_REPEAT[locale])
    apologies = {_variation(locale, name, slots) for name in ("utter_default", "utter_rephrase")}
    assert len(sorry.texts) == 1 and sorry.texts[0] in apologies, sorry.tracker.intent
    _assert_intent(again, "ask_repeat")
    assert again.texts == [_variation(locale, "utter_repeat_ack", slots), *asked.texts]


async def test_rewind_takes_back_the_last_turn_and_what_it_set(rasa: ServerInfo) -> None:
    """The orchestrator undoes an answer it will not speak (see bot.calls.conversation)."""
    locale = _locale(rasa)
    lines = LINES[locale]
    slots = _slots(locale, "3")
    sender = _sender()
    async with RasaClient(rasa.rasa_url) as client:
        await client.start_call(sender, slots)
        await client.turn(sender, lines.confirm)
        await client.turn(sender, lines.ask_amount)
        hardship = await client.turn(sender, lines.job_loss)
        assert hardship.tracker.slots["tone"] == "hardship"
        await client.rewind(sender)
        after = await client.tracker(sender)
    assert after.slots["tone"] == "standard"
    assert after.text == lines.ask_amount
    assert after.slots["verified"] is True


async def test_a_new_call_under_a_used_sender_id_starts_unverified(rasa: ServerInfo) -> None:
    locale = _locale(rasa)
    slots = _slots(locale, "3")
    sender = _sender()
    async with RasaClient(rasa.rasa_url) as client:
        await client.start_call(sender, slots)
        confirm = await client.turn(sender, LINES[locale].confirm)
        assert confirm.tracker.slots["verified"] is True
        again = await client.start_call(sender, slots)
    assert again.tracker.slots["verified"] is False
    assert again.texts == [
        _variation(locale, "utter_recording_notice", slots),
        _variation(locale, "utter_ask_identity", slots),
    ]


async def test_a_turn_answered_as_the_words_promise_stores_it(rasa: ServerInfo) -> None:
    """The orchestrator's steering path: the turn is fed as the promise its words carry."""
    locale = _locale(rasa)
    said = {
        "en": "i can pay 500 dollars next friday sorry can you say that again",
        "zh": "我下周五还五百块不好意思您再说一遍",
    }[locale]
    slots = _slots(locale, "3")
    async with RasaClient(rasa.rasa_url) as client:
        dialogue = RasaDialogue(client, _sender(), locale)
        await dialogue.open(slots)
        confirmed = await dialogue.reply(LINES[locale].confirm)
        assert confirmed.slots["verified"] is True
        steered = await dialogue.reply_as("promise_to_pay", said)
    assert (steered.intent, steered.confidence) == ("promise_to_pay", 1.0)
    assert steered.slots["promised_amount"] == "500"
    assert steered.slots["promised_date"] == "2026-12-04"
    assert steered.lines, "the dialogue answered the promise"
