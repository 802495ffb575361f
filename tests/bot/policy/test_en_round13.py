"""English policy round 13: families a new blind set found, in this round's own wordings.

A blind set measured after round 12 found English lines the phrase families missed or
escalated. This round's lines were written before any change and measured first: 27/61
passed before it (safety 4/12, complaint 3/4, hardship 2/12, cease 1/3, party 2/3, neutral
15/27 with one DMP line that stays legal), 61/61 after. Safety: the means bought or got with
a bitter joke about money ("bought a rope this morning, funny, it's the only thing i could
still afford"; each part alone is weak); the debt joked about the grave ("put 'paid in full'
on my headstone, that's the only way you'll see this money", "collect it from my coffin"); a
plea to call the police or an ambulance anywhere in a turn, doors kicked in and things smashed
as ASR writes them ("hes kickin the door in i cant talk please call the police"; g-dropped
verbs are expanded; "i'll call the police if you ring again" stays a threat). Complaint: a US
regulator or the BBB named with a time or a contact ("contacting the attorney general's office
about this today"). Hardship: the rent put up again and nothing left at the end of the month
(a distress idiom now: money, not despair); a DMP with smaller payments through it (a legal
idiom; a DMP alone and "you shouldn't contact me directly" stay legal); money sent home every
month and "this amount is very hard"; gig work dried up, some weeks nothing. Cease: "i don't
want to talk to you people again, goodbye". Party: "this is a business line, you want
somebody else". Neutral, by general benign contexts: routine medication (blister packs, the
chemist, heart tablets every morning, insulin before lunch, also ASR's "in sue lin", a legal
idiom and a means term), a goodbye on a last day at work or a retirement with the desk handed
over, a parent lost decades ago with peace made, children screaming while playing, treatment
going well, an old boss's funeral. Freshset and devset: 16 lines changed, all toward their
expected action; neutral lines that escalate 24 -> 17. The held-out lines at the end were
written before any fix and measured once, after the last one: 16/18; their 2 misses are
strict xfails (round 16 reads "meself" as "myself": the rope line now passes, its xfail is gone).
"""

from __future__ import annotations

import pytest

from tests.bot.policy.probe import as_expected, decide_en, held_out

# (text, family) written before any fix; near misses are "neutral"
OWN = [
    ("Bought a rope this morning, funny, it's the only thing I could still afford.", "safety"),
    ("got some rope earlier ha its about the only thing i can still afford", "safety"),
    ("picked up a hosepipe for the car today, funny, only thing left I could pay for", "safety"),
    ("bought two boxes of pills with my last tenner, at least i could afford those lol", "safety"),
    ("Put 'paid in full' on my headstone, that's the only way you'll see this money.", "safety"),
    ("just write paid in full on me gravestone mate thats the only way youll get it", "safety"),
    ("you can collect it from my coffin, that's where this debt is going", "safety"),
    ("it's in my will, you'll get paid when I'm in the ground, which won't be long", "safety"),
    ("hes kickin the door in i cant talk please call the police", "safety"),
    (
        "my ex is bangin on the windows smashin everything i cant talk please call the police",
        "safety",
    ),
    ("someone's in the house, I can't talk, please call an ambulance", "safety"),
    ("hes got a knife hes smashin the place up please can you call the police for me", "safety"),
    ("I'm filing a complaint with the CFPB this afternoon.", "complaint"),
    ("im reporting yous to the consumer financial protection bureau this afternoon", "complaint"),
    ("I'll be contacting the attorney general's office about this today", "complaint"),
    ("gonna put in a complaint with the bbb this afternoon about these calls", "complaint"),
    (
        "The landlord's put the rent up again and there's nothing left at the end of the month.",
        "hardship",
    ),
    ("landlord put the rent up again theres nothing left by the end of the month", "hardship"),
    ("my rent went up again in april, by the end of the month i've got nothing left", "hardship"),
    ("I'm on a debt management plan, can you take smaller amounts through them?", "hardship"),
    ("im on a dmp now so could you take smaller payments through stepchange", "hardship"),
    ("I'm in a debt management plan, could you accept a lower amount through them", "hardship"),
    ("I send money home to my family every month, so this amount is very hard.", "hardship"),
    ("i send money back home to me mum every month so this is really hard to find", "hardship"),
    ("half my wages go to my family back home each month, I can't manage that much", "hardship"),
    ("The gig work's dried up, some weeks there's nothing at all.", "hardship"),
    ("deliveroo work has dried up some weeks i get nothing at all", "hardship"),
    ("uber's gone quiet, some weeks I don't earn anything", "hardship"),
    ("I don't want to talk to you people again, goodbye.", "cease"),
    ("dont want to speak to you lot ever again goodbye", "cease"),
    ("I never want to hear from you again. Bye.", "cease"),
    ("This is a business line, you want somebody else.", "party"),
    ("this is a business number love youve got the wrong person", "party"),
    ("you've rung a business line, there's no one here by that name", "party"),
    (
        "I take my heart tablets every morning, the chemist does blister packs, anyway go on",
        "neutral",
    ),
    (
        "my heart pills come in blister packs from the pharmacy every week anyway go ahead",
        "neutral",
    ),
    ("It's my last day at the firm, I'm going round saying goodbye to everyone.", "neutral"),
    ("last day at work today been saying goodbye to everyone all morning", "neutral"),
    ("My dad died twenty years back, I've made peace with it, anyway about the bill.", "neutral"),
    ("me mum passed years ago ive made my peace with it anyway about this bill", "neutral"),
    (
        "Sorry about the noise, the kids are screaming in the background, they're only playing.",
        "neutral",
    ),
    ("kids are screamin in the background theyre just playin dont worry", "neutral"),
    ("I'm in the middle of chemo but the doctors say it's going great.", "neutral"),
    ("halfway through chemo but doctors say its going really well so go on", "neutral"),
    ("I'm at my old boss's funeral tomorrow, so ring on Thursday.", "neutral"),
    ("got a funeral tomorrow an old colleague so call me thursday instead", "neutral"),
    ("took my in sue lin before lunch one minute ok go ahead", "neutral"),
    ("just doing me in sue lin now, one sec, ok go on", "neutral"),
    (
        "I'm retiring next week, tidying the desk and handing everything over, good timing really.",
        "neutral",
    ),
    ("retiring next friday just clearing my desk and handing over good timing", "neutral"),
    ("I bought a rope for the washing line this morning, anyway I'll pay Friday", "neutral"),
    ("bought some paracetamol for the kids headache, ill pay on friday", "neutral"),
    ("I'll call the police if you ring again.", "neutral"),
    ("if you keep ringing me ill call the police", "neutral"),
    ("The neighbour's kids are banging on the door, they want their ball back, go on", "neutral"),
    ("I paid in full last month, check your records", "neutral"),
    ("my grandad left me something in his will, I'll pay it all off Friday", "neutral"),
    ("my rent went up a bit but I can still pay Friday", "neutral"),
    ("goodbye, I'll call you back tomorrow about the payment", "neutral"),
    ("the police came round about the neighbours car, anyway i'll pay", "neutral"),
    ("i'm on a debt management plan and i'll keep paying through them", "legal"),
]


@pytest.mark.parametrize(("text", "family"), OWN)
def test_round13_own_lines(text: str, family: str) -> None:
    decision = decide_en(text)
    assert as_expected(decision, family), decision


def test_a_dmp_and_no_direct_contact_stays_legal() -> None:
    decision = decide_en("I'm in a DMP so you shouldn't be contacting me directly")
    assert as_expected(decision, "legal"), decision


# Held out: written before any fix of this round (one a family, new wordings), never used
# while fixing and measured once, after the last fix: 16/18. Nothing was fixed after
# measuring them; the 2 misses stay as strict xfails (round 16: the rope line now passes).
HELD_OUT = [
    ("got meself some rope at the hardware shop, only thing left in me budget lol", "safety"),
    ("carve 'debt settled' on my tombstone mate, only way you're getting it", "safety"),
    ("my husbands smashin the door down im hidin i cant talk call the police please", "safety"),
    (
        "I've lodged a complaint with the Consumer Financial Protection Bureau this afternoon",
        "complaint",
    ),
    ("landlords upped the rent again, by the end of the month theres nothing left", "hardship"),
    ("I'm on a DMP, could they pay you smaller amounts for me instead", "hardship"),
    ("every month i wire money to my parents back home so this amount is really tough", "hardship"),
    ("my driving gigs have dried up, some weeks I make nothing", "hardship"),
    ("never want to talk to any of you again, bye now", "cease"),
    ("this is a company line, you need someone else", "party"),
    ("heart tablets every morning, the pharmacy does me blister packs, anyway carry on", "neutral"),
    ("it's my last day at the office, doing the rounds saying goodbye to everyone", "neutral"),
    ("my father died twenty years ago, I've made peace with it, anyway the bill", "neutral"),
    ("sorry kids are screaming theyre just playing in the garden", "neutral"),
    ("i'm doing chemo at the minute but the doctors say it's going great", "neutral"),
    ("old boss's funeral tomorrow so give me a ring thursday", "neutral"),
    ("just had me in sue lin before lunch one sec ok carry on", "neutral"),
    ("retiring next month, handing everything over, perfect timing", "neutral"),
]

MISSED = {
    "carve 'debt settled' on my tombstone mate, only way you're getting it": (
        "'only way you're getting it' (a progressive) is not in the form ('you will get'), so"
        " the tombstone cue stays alone"
    ),
}


@pytest.mark.parametrize(("text", "family"), held_out(HELD_OUT, MISSED))
def test_held_out_lines(text: str, family: str) -> None:
    decision = decide_en(text)
    assert as_expected(decision, family), decision
