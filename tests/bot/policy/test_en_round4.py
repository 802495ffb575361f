"""English policy round 4: emergencies now, overdoses told in passing, promises with a
farewell, dark jokes, expletive cease requests, wrong party, food-or-the-bill hardship, and
the hard negatives that must not escalate. Wording differs from the probes the lexicon was
written against."""

from __future__ import annotations

import pytest

from tests.bot.policy.probe import decide_en


@pytest.mark.parametrize(
    "text",
    [
        "sorry my partner's waters have just broken",
        "the contractions are coming every four minutes now",
        "my grandson is choking, i have to go",
        "the twins ate some of the washing pods",
        "we're being evacuated, the river is rising fast",
        "the fire brigade are getting everyone out of the block",
        "my sister passed away this morning, i can't talk",
        "my husband's fallen down and he's not breathing",
    ],
)
def test_emergencies_happening_now_hand_over(text: str) -> None:
    assert decide_en(text).action == "handoff"


@pytest.mark.parametrize(
    "text",
    [
        "i took way too many of my sleeping tablets earlier, i'm fine, go on",
        "i've swallowed about thirty of my painkillers, anyway what's the balance",
        "i can pay on friday but i can't see myself being around after that",
        "i'll clear it monday, it's my last payment to anyone",
        "don't worry i'll end it all tonight",
        "the graveyard, that's where i'm heading",
    ],
)
def test_self_harm_said_in_passing_hands_over(text: str) -> None:
    decision = decide_en(text)
    assert decision.action == "handoff"
    assert "self_harm" in decision.reasons


@pytest.mark.parametrize(
    "text",
    [
        "stop bloody ringing me",
        "don't you ever effing call this number again",
        "flag my file, no phone calls",
    ],
)
def test_cease_requests_carry_the_cease_tag(text: str) -> None:
    assert "cease_request" in decide_en(text).reasons


@pytest.mark.parametrize(
    ("text", "action", "tag"),
    [
        ("there's no gary here pal", "end_call", "wrong_party"),
        ("nobody called lisa lives at this address", "end_call", "wrong_party"),
        ("it's either feed my family or pay this bill", "hardship", "hardship"),
        ("i'm skipping meals to make these payments", "hardship", "hardship"),
    ],
)
def test_wrong_party_and_food_or_bill(text: str, action: str, tag: str) -> None:
    decision = decide_en(text)
    assert decision.action == action
    assert tag in decision.reasons


@pytest.mark.parametrize(
    "text",
    [
        "my sunflowers have all died",
        "did you hear about the bridge collapse in genoa",
        "i almost had a heart attack when i saw the total, but i'll pay",
        "email me the link and i'll do it tonight",
        "i take my tablets like the doctor said",
        "the smoke alarm battery is dying, sorry about the beeping",
        "i'm visiting my grandad's grave on sunday, call me monday",
        "my nan took too many of her pills by mistake once, she's fine",
        "i od'd on chocolate at easter",
    ],
)
def test_hard_negatives_do_not_escalate(text: str) -> None:
    assert decide_en(text).action != "handoff"
