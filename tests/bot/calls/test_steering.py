"""Which turns the dialogue answers as the words' promise or hardship (real lexicons)."""

from __future__ import annotations

import pytest

from bot.calls.steering import steered_intent
from bot.policy import Locale
from tests.bot.policy.probe import decide_en, decide_zh


def _steer(text: str, locale: Locale, intent: str | None, *, verified: bool = True) -> str | None:
    words = decide_zh(text) if locale == "zh" else decide_en(text)
    return steered_intent(words, intent, locale, verified=verified)


@pytest.mark.parametrize(
    ("text", "locale", "intent", "expected"),
    [
        # seen in a Mandarin demo under load: a promise and a request to repeat in one turn
        ("可以我周五还两千块,不好意思您再说一遍只", "zh", "ask_repeat", "promise_to_pay"),
        # seen: a garbled job loss read as already paid
        ("我上个月是夜冷,现在实在还不上雨", "zh", "already_paid", "hardship_general"),
        (
            "i can pay two hundred on friday sorry what did you say",
            "en",
            "ask_repeat",
            "promise_to_pay",
        ),
        ("i lost my job and i cant pay right now", "en", "nlu_fallback", "hardship_general"),
        # a promise made while explaining a hardship is kept
        ("i lost my job but i can pay fifty on friday", "en", "already_paid", "promise_to_pay"),
    ],
)
def test_a_reading_the_words_contradict_is_steered(
    text: str, locale: Locale, intent: str, expected: str
) -> None:
    assert _steer(text, locale, intent) == expected


@pytest.mark.parametrize(
    ("text", "locale", "intent"),
    [
        # the reading agrees with a tag the words carried
        ("i lost my job and i need more time", "en", "request_extension"),
        ("我周五还两千", "zh", "partial_payment"),
        ("我周五还两千", "zh", "promise_to_pay"),
        # the words also say it is paid: the model's already_paid stands
        ("我已经还了，上个月失业了", "zh", "already_paid"),
        # the words carry neither a promise nor a hardship
        ("sorry can you say that again", "en", "ask_repeat"),
        ("你们是哪个公司的", "zh", "ask_who_is_calling"),
    ],
)
def test_a_reading_that_agrees_or_has_nothing_against_it_stands(
    text: str, locale: Locale, intent: str
) -> None:
    assert _steer(text, locale, intent) is None


def test_nothing_is_steered_before_verification_or_without_a_reading() -> None:
    text = "i can pay two hundred on friday sorry what did you say"
    assert _steer(text, "en", "ask_repeat", verified=False) is None
    assert _steer(text, "en", None) is None
