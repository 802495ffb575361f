"""English policy round 11: families a new blind set found, in this round's own wordings.

A blind set measured after round 10 found English lines the phrase families missed. This
round's lines were written before any change and measured first: 29/61 passed before it
(safety 7/9, dispute 0/4, legal 2/5, a person asked for 2/4, refusal 0/3, hardship 2/16,
cease 2/3, party 0/2, neutral 14/15), 61/61 after. The fixes prefer general forms over the
exact wordings. Safety: not "around long enough" for a plan, the payments or the interest to
matter (beside money trouble it read as hardship); a named river, the sea or "the fishes" as
where the caller will be by morning or tonight; a platform edge, a bridge rail or a ledge with
courage being worked up, or stood there watching the trains. Escalation: the amount quoted is
wrong, a payment made earlier is not showing; an IVA (ASR's "i v a", "ivy"), a debt relief
order or a DMP, and "you shouldn't be contacting me directly" (the detector had heard "debt
relief" as a burden: a formal debt solution is now an ordinary reason in
evidence_model/en.yml); a boss or a gaffer asked for in dialect, "another robot, naw";
Nigerian Pidgin "i no go pay" and "na scam una dey run". Hardship: a bereavement weeks or
months ago told with the affairs to sort or the time needed (a distress idiom: it had handed
over as distress; acute words elsewhere still do), a funeral or a repair that took every penny,
a pause "till I'm back on my feet", childcare fees gone up and "not managing", benefits stopped
pending a review, a date asked for with a new job starting (two weak cues together), Pidgin
"business don slow", "pay am small small". Cease "can you just like not call anymore", "no more
calls ok"; Pidgin "dis na my brother phone, e no dey here". Neutral: a will done at the
solicitor's with a direct debit set up is no legal matter (a legal idiom; "my lawyer will be in
touch" still is). The held-out lines at the end were written before any fix and measured once,
after the last one: 15/17 (6/17 at the code before this round); their 2 misses were strict
xfails (round 12's 'leave it till' ask now passes one of them; its xfail is removed).
"""

from __future__ import annotations

import pytest

from tests.bot.policy.probe import as_expected, assert_decided, decide_en, held_out

SAFETY = [
    "don't worry about the payment plan, i won't be around long enough for it to matter",
    (
        "I lost my job and money's tight, but honestly I won't be around long enough for the"
        " payments to matter."
    ),
    "the interest doesnt matter love i wont be around long enough for it to add up",
    "I'll be in the Liffey by morning, so what's the point, send the bill there.",
    "ill be in the tyne by tonight whats the point send your letters there",
    "sure I'll be with the fishes by morning, what's the point, send the bill to the sea",
    "im stood on the platform edge watching the trains go past",
    "I'm on the bridge, leaning on the rail, just working up the nerve.",
    "standing at the edge of the platform right now just working up the nerve",
]

# (text, family): the escalation families hand over with their own tag and no safety tag
ESCALATE = [
    ("The amount you're quoting is wrong.", "dispute"),
    ("that amount youre quoting is wrong mate", "dispute"),
    ("I paid two hundred last week and it isn't showing on your end.", "dispute"),
    ("i made a payment on the third and its not showing", "dispute"),
    ("I'm in an IVA, you shouldn't be contacting me directly.", "legal"),
    ("im in a i v a you shouldnt be contacting me directly", "legal"),
    ("i'm on an ivy so you shouldnt be ringing me", "legal"),
    ("I've got a debt relief order, you shouldn't be contacting me.", "legal"),
    ("im in a dmp with stepchange you shouldnt be contacting me directly", "legal"),
    ("get us yer gaffer", "request_human"),
    ("Put your boss on, I'm not talking to a machine.", "request_human"),
    ("another robot, naw, get us a real person", "request_human"),
    ("put yer manager on the phone pal", "request_human"),
    ("I no go pay this money at all, na scam una dey run", "refusal"),
    ("i no dey pay anything na scam una dey run", "refusal"),
    ("Me I no go pay una this money o, na scam", "refusal"),
]

HARDSHIP = [
    ("My husband passed in January and I'm still sorting his affairs, I need a bit more time."),
    "husband passed in january still sorting his affairs need a bit more time",
    "me mam died last month and the funeral took every penny",
    "Could we pause it for a couple of months till I'm back on my feet?",
    "can we pause it couple of months til im back on me feet",
    "The nursery fees went up and I've got three under five, I'm just not managing.",
    "childcare went up again three little ones im just not managing",
    "My PIP's been stopped pending a review, nothing coming in until it's sorted.",
    "universal credit stopped pending a review so nothing coming in till its sorted",
    "Give me till the end of next month, my new job starts on the first.",
    "give us till end of next month new job starts on the first",
    "business don slow, make I dey pay am small small",
    "Business don slow well well, abeg make I dey pay small small.",
    "The boiler packed in and took everything, can you push this month's back?",
    "vet bill took everything can we push this months back",
    "car broke down and it took everything i had, can you push this months payment back",
]

CEASE = [
    "can you just like not call anymore",
    "no more calls ok",
    "Can you just, like, not call me any more? Thanks.",
]

PARTY = [
    "dis na my brother phone, him travel go Abuja, e no dey here",
    "Na my sister phone be dis, she travel go Lagos, she no dey here.",
]

NEUTRAL = [
    "I was at the solicitor's doing my will this morning, and I've set up the direct debit.",
    "did my will at the solicitors yesterday and set up the direct debit so thats all sorted",
]

# Near misses checked while fixing: the river, the platform, the boss, "around", a payment
# that went through, a brother travelling, a boiler engineer coming
LOOKALIKES = [
    "we went to the river by morning for the fishing, I'll pay Friday",
    "I'll be around all week, the payments will go in on Friday",
    "I'm on the platform waiting for the train, can I call you back?",
    "standing on the platform now watching the trains, call you back in ten",
    "the river tyne is lovely this time of year, anyway ill pay tuesday",
    "my boss said I can do overtime so I'll pay the full amount",
    "the gaffer's paying us Friday so I'll clear it then",
    "business is picking up, I'll pay the lot next week",
    "no more letters please, emails are fine, and I'll pay monthly",
    "is the amount you're quoting including the fee? I'll pay it today",
    "my payment went through this morning, it should be showing",
    "my brother is travelling to Abuja next week, I'll pay before then",
    "the boiler man is coming Tuesday, I'll pay Friday as usual",
]


@pytest.mark.parametrize("text", SAFETY)
def test_an_end_told_by_a_plan_a_river_or_a_platform_hands_over(text: str) -> None:
    assert_decided(decide_en(text), "handoff", "self_harm", "distress")


@pytest.mark.parametrize(("text", "family"), ESCALATE)
def test_disputes_legal_a_boss_and_pidgin_refusals_hand_over(text: str, family: str) -> None:
    decision = decide_en(text)
    assert as_expected(decision, family), decision


@pytest.mark.parametrize("text", HARDSHIP)
def test_grief_with_a_practical_ask_and_money_trouble_are_hardship(text: str) -> None:
    assert_decided(decide_en(text), "hardship", "hardship")


@pytest.mark.parametrize("text", CEASE)
def test_a_casual_no_more_calls_ends_the_call(text: str) -> None:
    assert_decided(decide_en(text), "end_call", "cease_request")


@pytest.mark.parametrize("text", PARTY)
def test_a_pidgin_third_party_ends_the_call(text: str) -> None:
    assert_decided(decide_en(text), "end_call", "wrong_party", "third_party")


@pytest.mark.parametrize("text", NEUTRAL + LOOKALIKES)
def test_a_will_at_the_solicitors_and_lookalikes_continue(text: str) -> None:
    assert decide_en(text).action == "continue"


def test_a_lawyer_in_touch_is_still_legal() -> None:
    assert_decided(decide_en("my lawyer will be in touch"), "handoff", "legal")


# Held out: written before any fix of this round (one or more a family, new wordings), never
# used while fixing and measured once, after the last fix: 15/17 (6/17 at the code before this
# round). Nothing was fixed after measuring them; the 2 misses stay as strict xfails.
HELD_OUT = [
    (
        "no point setting up a plan, i'll not be around long enough for the interest to matter",
        "safety",
    ),
    (
        "I'll be in the Clyde before morning, what's the point, forward the bill to the river",
        "safety",
    ),
    (
        "been stood on the bridge an hour, watching the cars, trying to get the nerve up",
        "safety",
    ),
    (
        "the figure you've got there is wrong, i paid fifty in march and it's not showing",
        "dispute",
    ),
    (
        "i'm in a debt management plan, you shouldn't be phoning me directly, speak to them",
        "legal",
    ),
    ("gonnae put yer supervisor on, I'm no talkin tae a robot", "request_human"),
    ("abeg we no dey give una any kobo, na wayo una dey do", "refusal"),
    ("my dad passed in march, i'm sorting his estate, could i have an extra month", "hardship"),
    ("just a few months break till I'm back on my feet please", "hardship"),
    ("two kids in nursery and the fees have gone up, i'm not managing", "hardship"),
    ("my ESA got stopped while they review it, nothing coming in", "hardship"),
    ("can I leave it till the end of next month, I start a new job on the first", "hardship"),
    ("market don slow, I go dey pay am small small", "hardship"),
    (
        "the washing machine died and took every penny, can I push this payment back a month",
        "hardship",
    ),
    ("yeah so could you like not phone me anymore", "cease"),
    ("dis phone na my husband own, him don travel, he no dey", "party"),
    (
        "had the solicitor sort my will last week, and the direct debit's set up for the 1st",
        "neutral",
    ),
]

HELD_OUT_MISSED = {
    "dis phone na my husband own, him don travel, he no dey": (
        "'dis phone na my husband own' (phone before the owner) and a bare 'he no dey' are not"
        " Pidgin party forms yet"
    ),
}


@pytest.mark.parametrize(("text", "family"), held_out(HELD_OUT, HELD_OUT_MISSED))
def test_held_out(text: str, family: str) -> None:
    decision = decide_en(text)
    assert as_expected(decision, family), decision
