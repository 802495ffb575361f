"""English policy round 19: families a new blind set found, in this round's own wordings.

Lines written before any change and measured first: OWN 27/56 on HEAD's lexicon, 56/56 after.
Safety: a gun taken somewhere "and be done with it" (rural / US South: "fixing to go out to the
barn with my rifle and be done with it", "the twelve gauge and that's the end of it"), any
means followed by "be done with it/everything/the whole thing", a gun taken out alone or "for
good", a gun and "nobody will find me", and weak cues (a gun carried out to a barn, shed, woods
or field; calls that keep coming said before a gun) that add up. Paying the lot "and be done
with it" is a self_harm idiom (and an everyday line), and shooting game (rabbits, deer,
coyotes) cancels the gun-alone forms.
Party: away for work abroad, offshore or on the rigs, "won't be back for months", "away till
the new year"; an ex ("she's my ex", split up, no idea where she is: weak cues adding up; an
ex's account disowned stays a dispute, as the development set has it); a care home's
reception (a resident, "can't come to the phone", the home named).
Cease: a debt charity, plan provider (PayPlan, StepChange, "debt advice service"), an MP's office
or someone with power of attorney to "go through", or to contact "not me"; "represents me / on
my behalf" then "go through him"; "on a DMP with stepchange" adds a weak cue. "stepchange are
handling all my debts now, speak to them" and a solicitor "handling it, speak to her not me" stay
legal hand-overs, as the older check sets want. "i'm with stepchange but i can still pay" is
neutral (legal idiom).
Hardship: a few pounds, a fiver or a tenner a month; fees "crippling me".
Neutral: "is this a real person or a recording" (an either-or question: request_human idiom);
a plain "is this a robot" stays request_human because the development set labels it so (three
OWN lines written as neutral were relabelled request_human for that reason, before any fix);
a parent long dead as the account's first holder (hardship idiom); half now and half at the end
of the month, on a weekday or when paid on a day (hardship idiom over the old "half now and half
at the end / when" phrase; "half now and half later" stays hardship, as the devset has it).
Snapshot (devset, freshset, everyday, training; each turn alone), en lines changed: 4 (and their
training copies), all for the better: devset "i'd rather pay it all at once" and "i'll pay half
now and half at the end of the month" now continue as labelled; en_blind21 "a fiver a week"
now hardship as labelled; en_blind19 "hands round my throat" hands over as distress instead of
self_harm (still safety). No safety line stopped handing over; no everyday line changed (five
everyday lines added; a sixth, "take the whole balance ... and we'll be done with it", was
dropped because it silenced an en_blind18 gas-leak safety line). zh lines in the diff are the
zh helper's.
MORE (written after the fixes) 21/21. HELD_OUT (written before any fix, measured once after):
12/12 (5/12 on HEAD). After that the full policy run showed "it was my ex that ran it up"
(round 8, a refusal) ending the call: "that/she is my ex" was lowered to a weak cue (0.4, no
"it was") and "a resident" to 0.45, so each needs a second cue; OWN, MORE and HELD_OUT still pass.
Left: a split-up said alone is cancelled by the shared "we split up" idiom, so an ex is heard
only with "my ex" or not knowing where they are; the either-or bot question is heard only with
"or" between two kinds; digits ("2 pounds a month") are not taken as a tiny amount.
"""

from __future__ import annotations

import pytest

from tests.bot.policy.probe import as_expected, decide_en, held_out

# (text, family) written before any fix; near misses are "neutral"
OWN = [
    # 1. going off alone with a gun to be done with it
    ("i'm fixing to go out to the barn with my rifle and be done with it", "safety"),
    ("yall keep calling so im taking the shotgun out to the woods and be done with it", "safety"),
    (
        "reckon i'll just walk out to the shed with daddy's gun and be done with the whole thing",
        "safety",
    ),
    (
        "fine call all you want, i'm going out back with the twelve gauge and that's the end of it",
        "safety",
    ),
    (
        "i got my deer rifle in the truck, "
        "gonna drive out to the holler and be done with everything",
        "safety",
    ),
    ("im gonna take a bottle of pills and be done with it all", "safety"),
    ("one more call and i'm going out in the woods with my pistol, nobody'll find me", "safety"),
    ("im going out to the barn to feed the horses, call back later", "neutral"),
    ("i'm out in the woods hunting with my rifle, can you call me this evening", "neutral"),
    ("just pay the whole thing off and be done with it, how much is it", "neutral"),
    ("i'd rather pay it all today and be done with it", "neutral"),
    ("my shotgun licence renewal is due, sorry, wrong letter, what's this one", "neutral"),
    # 2. not the debtor: abroad for work, an ex, a care home
    ("he's gone abroad for work, he's in dubai and won't be back for months", "party"),
    ("she's working overseas now, not back till next year", "party"),
    ("hes on the rigs in norway for six months mate, i can't get hold of him", "party"),
    ("she's my ex, we split up, i've got no idea where she is now", "party"),
    ("thats my ex husband, we broke up two years ago, no clue where he lives", "party"),
    ("we separated ages ago i don't know where he is and i don't want to", "party"),
    (
        "this is the reception at oakfield care home, she's a resident and can't come to the phone",
        "party",
    ),
    (
        "he lives in a nursing home now, he can't come to the phone, im just the carer on the desk",
        "party",
    ),
    (
        "you've reached the front desk at the residential home, "
        "mr james is a resident here and he can't take calls",
        "party",
    ),
    ("i'm back from working abroad now, how much do i owe", "neutral"),
    ("i work away a lot, call me at weekends", "neutral"),
    ("my ex left me with all the bills, i'm struggling", "hardship"),
    ("my mum's in a care home now and the fees are crippling me", "hardship"),
    # 3. a debt charity, a DMP, an MP as representative
    ("payplan are handling my debts now so go through them", "cease"),
    ("i'm on a debt management plan with stepchange, speak to them not me", "cease"),
    ("a debt charity deals with all my creditors now, go through them please", "cease"),
    ("im with a debt advice service, they handle it, contact them not me", "cease"),
    ("my MP's office is representing me on this so go through them", "cease"),
    ("my mp is dealing with this on my behalf you need to go through his office", "cease"),
    ("my brother has power of attorney and he represents me, go through him", "cease"),
    ("i'm with stepchange but i can still pay you this month", "neutral"),
    ("payplan told me to ring you and set up a payment", "neutral"),
    ("i'm writing to my MP about the pot holes, anyway how much do i owe", "neutral"),
    ("my solicitor is handling all this, speak to her not me", "legal"),
    # 4. a tiny amount a month
    ("i can offer two pounds a month at the moment, is that acceptable", "hardship"),
    ("all i can do is a fiver a month right now", "hardship"),
    ("could i pay like one pound a month for now while i sort myself out", "hardship"),
    ("is three quid a month ok, it's all i've got", "hardship"),
    ("i'll pay two hundred pounds a month from next month", "neutral"),
    # 5. neutral false alarms
    ("is this a real person or a recording", "neutral"),
    ("am i talking to a robot", "request_human"),
    ("hang on, are you a real person or one of them automated things", "neutral"),
    ("is this a computer calling me or what", "request_human"),
    ("is this an automated call", "request_human"),
    ("can i speak to a real person please", "request_human"),
    ("i don't want a robot, put me through to a human", "request_human"),
    ("the account was in my dad's name originally, he passed away back in 2009", "neutral"),
    ("it was my mother's account first, she died years ago, i took it over", "neutral"),
    ("my father opened it before he died in the nineties, its mine now, whats owing", "neutral"),
    ("my dad died last month and i can't cope", "safety"),
    ("can i pay half now and half at the end of the month", "neutral"),
    ("can i split it, half today and the rest on the 30th", "neutral"),
    ("i'll do half now and half when i get paid friday", "neutral"),
    ("i can only pay half now, i just don't have the rest", "hardship"),
]

OWN_MISSED: dict[str, str] = {}


@pytest.mark.parametrize(("text", "family"), held_out(OWN, OWN_MISSED))
def test_own_wordings(text: str, family: str) -> None:
    decision = decide_en(text)
    assert as_expected(decision, family), decision


# Written after the fixes: safety said with this round's forms, look-alikes of the new ones
MORE = [
    ("i'm going down to the creek with my pistol and be done with everything", "safety"),
    ("fixin to take pa's shotgun out back of the barn and that'll be the end of me", "safety"),
    ("you keep ringing, fine, i'll go sit in the truck with my rifle and end it", "safety"),
    ("i'm going to the woods alone with the gun tonight", "safety"),
    ("payplan are handling it, go through them, i can't cope anymore, i want to die", "safety"),
    ("she's my ex and i don't want to live anymore since she left", "safety"),
    ("is this a real person or a recording, cause i want to kill myself", "safety"),
    ("i'd rather pay the lot and be done with it, how much", "neutral"),
    ("he went out to the barn with his rifle after the coyotes, call back later", "neutral"),
    ("my dad's out hunting in the woods with his shotgun, can i take a message", "party"),
    ("is this a real person or a recording? put me through to a human", "request_human"),
    ("is this a robot", "request_human"),
    ("my mp wrote to me about the roadworks, anyway what's the balance", "neutral"),
    ("stepchange are handling all my debts now, speak to them", "legal"),
    ("citizens advice are acting for me now, go through them", "cease"),
    ("my dad's in a nursing home and he can't come to the phone", "party"),
    ("he's away working in canada till the new year", "party"),
    ("we split up last year and i'm struggling with the rent on my own", "hardship"),
    ("could you take a tenner a month for now", "hardship"),
    ("i'll pay half today and half on friday", "neutral"),
    ("it was my grandad's account originally, he died back in 1998, i just pay it now", "neutral"),
]


@pytest.mark.parametrize(("text", "family"), MORE)
def test_more_wordings(text: str, family: str) -> None:
    decision = decide_en(text)
    assert as_expected(decision, family), decision


# Held out: written before any fix of this round, never used while fixing, measured once.
HELD_OUT = [
    (
        "keep ringing me and i'll go out to the shed with the rifle and be done with everything",
        "safety",
    ),
    ("im taking the gun out to the back field alone tonight", "safety"),
    ("he's working abroad in australia and won't be back for a good few months", "party"),
    ("she's my ex partner, we're not together anymore, i don't know where she's living", "party"),
    (
        "this is sunnyside nursing home, she's one of our residents and can't come to the phone",
        "party",
    ),
    ("stepchange are dealing with my debts, please go through them not me", "cease"),
    ("my member of parliament is representing me, go through his office", "cease"),
    ("could you accept a pound a month for now", "hardship"),
    ("wait is this a recording or a real person talking", "neutral"),
    ("it was originally my late father's account, he died twenty years ago", "neutral"),
    ("can i pay half now and the other half on the 28th", "neutral"),
    ("just let me speak to a real person", "request_human"),
]

MISSED: dict[str, str] = {}


@pytest.mark.parametrize(("text", "family"), held_out(HELD_OUT, MISSED))
def test_held_out_lines(text: str, family: str) -> None:
    decision = decide_en(text)
    assert as_expected(decision, family), decision
