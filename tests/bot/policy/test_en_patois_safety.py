"""Reading patois as standard English must not cost a danger it used to hear.

Round 9 read Jamaican "di"/"dis" as "the"/"this" before matching; two kinds of line that the
statistical detector had handed over on the raw words then went quiet: pills held in the
hand while talking, and a threat to kill the caller said with "fi" for "to". They are now
phrases (self_harm.yml, distress.yml); own wordings, standard and patois.
"""

from __future__ import annotations

import pytest

from tests.bot.policy.probe import decide_en

PILLS_IN_HAND = [
    "mi hold dem pills inna mi hand now",
    "i got a handful of sleeping pills in my hand",
    "holding the tablets in me hands while im talking to you",
    "i have all my painkillers in my hand right now",
]
THREATS = [
    "him threaten fi chop mi",
    "she is threatening to stab me",
    "mi baby fada a threaten fi kill mi tonight",
    "the landlord threatened to shoot me",
]


@pytest.mark.parametrize("text", PILLS_IN_HAND)
def test_pills_in_hand_hand_over_as_self_harm(text: str) -> None:
    decision = decide_en(text)
    assert decision.action == "handoff" and "self_harm" in decision.reasons, decision


@pytest.mark.parametrize("text", THREATS)
def test_a_threat_to_the_caller_hands_over_as_distress(text: str) -> None:
    decision = decide_en(text)
    assert decision.action == "handoff" and "distress" in decision.reasons, decision
