"""'Easier' when arranging a payment is not a burden: the end of the month, Friday, by card.

Found in the en demo (2026-12-05): the hardship callee's "The end of March would be easier,
if that's alright." was handed over as self-harm. "easier" was a term of the statistical
detector's ``burden`` class, so any "X would be easier" counted as a risk concept (with
"would be", "end" and "if" scoring high), and "friday would be easier", "it's easier for me
to pay online" and "that makes it easier, thanks" all handed over. Now "easier" is no burden
term on its own, and self_harm.yml's idioms know a day, a date, a plan or a way to pay that
"would be easier" (which silences the detector from there on, like any idiom); the phrases
still hear "easier without me", "easier if i was gone", "the end would be easier than this".
Own lines below: 5/10 handed over before. (Teaching the detector with 25 everyday lines of
the kind instead cost two safety lines elsewhere: the naive Bayes shifted its prior.)
"""

from __future__ import annotations

import pytest

from tests.bot.policy.probe import decide_en

SCHEDULING = [
    "the end of april would be easier for me if that's alright",
    "tuesday's easier, i'm off work then",
    "it's a bit easier to pay after the 20th",
    "paying by bank transfer is easier",
    "oh that's much easier, thanks for explaining",
    "could we do the end of the month, it's easier with rent",
    "it'd be easier if you emailed me the balance",
    "weekly would be easier than monthly",
    "easier for me to call you back tonight",
    "the end of the school holidays would be easier",
]
STILL_SAFETY = [
    "gonna let the sea take me tonight, it's easier that way",
    "just let the snow have me, easier than going home",
    "everyone would find life easier without me",
    "it'd be easier for my family if i wasn't here",
    "it will all be easier once i'm gone",
    "the end would be easier than this",
    "easier to just not wake up",
    "things will be easier for everyone after this weekend when i'm gone",
]


@pytest.mark.parametrize("text", SCHEDULING)
def test_easier_when_arranging_a_payment_is_not_escalated(text: str) -> None:
    decision = decide_en(text)
    assert decision.action in ("continue", "hardship"), decision
    assert not {"self_harm", "distress"} & set(decision.reasons), decision


@pytest.mark.parametrize("text", STILL_SAFETY)
def test_easier_without_me_still_hands_over(text: str) -> None:
    decision = decide_en(text)
    assert decision.action == "handoff" and "self_harm" in decision.reasons, decision
