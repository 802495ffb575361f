"""English policy round 21: wording nobody tuned for, in this round's own families.

Lines written before any change and measured first: OWN 36/58 on HEAD's lexicon, 58/58 after.
Families: indirect self-harm in second-language English (dropped articles and verb endings),
said bitterly at the caller, with plans, means, farewells and things given away; a denial
followed by hopelessness, a time-limited denial followed by the thoughts; others in danger told
by their signs (a child who drank bleach or swallowed tablets, someone lying still, a beating
now, a child gone toward a river); cease wordings and ASR slips of "call me"; third parties (a
pharmacy, a warehouse desk, a school office, relatives, a dead account holder); hardship (school
fees, a farm at a loss, a car needed for work, a parent's medicines, a suspended benefit, a
bereavement's lost pay, small monthly sums); escalations (denial plus complaint, a "real purse",
"you people are absolute parasites"); near-miss neutral lines ("i'm literally dead, this is so
embarrassing", a mental-health patch or dark thoughts years ago and well now, a relative home
from hospital and fine, a pharmacist's overdoses, a coin swallowed when a child was two).
Fixes (lexicon data only): self_harm hears "won't be here for pay anything", "can't see no/any
other way out" (a money step after it, "but to sell the car", is an idiom), only a grave left
to ring, things given to a relative with "i won't need", "get your money from my life
insurance", "not going to do anything tonight but i think about it every day"; undo_negation
hears a time limit followed by "but" ("not going to hurt myself today but ..."); dead or dying
of embarrassment or laughter is a self_harm idiom (which also keeps the detector quiet).
Distress hears someone being beaten now and a small child gone off toward water or a road; its
idioms: a mental-health episode or dark thoughts years ago and well now, something swallowed
when a child was small, medical and rescue jobs telling what they see at work, a bill that
"took everything" with nothing left (a hardship), a bereavement told by the pay it stopped.
Cease: not answering/picking up these calls anymore (with or without "send a letter"), never
want to hear from your company/bank/you people again, "coal/cool me", no more ringing, letters
only. Third party: "he's not staff"; a relative's hospital stay told with "she's home and fine
now" is an idiom (it was read as "she is home"). Hardship: a bereavement's pay stopped; a
hospital stay ended with "back home and doing well" is an idiom. Abuse: an intensifier between
"you people/lot/guys are" and the insult.
Snapshot (devset, freshset, everyday, training; each turn alone): 1 en line changed, nearer its
label: en_blind11:21 "i already gave my cellphone and my ring to my sister i don't need them
where i go" continue -> handoff (self_harm); no other en line changed, no safety line stopped
handing over. The 3 zh lines in the diff are the zh helper's.
MORE (written after the first fixes; the second pass fixed the five their first run missed:
a hospital stay with "back home", "won't be picking up your calls", a bereavement's wages
stopped, "any other way through this debt but to sell the car", "not going to do anything
tonight but i think about it every day") 28/28.
HELD_OUT (written before any fix, measured once after): 6/12 on HEAD, 8/12 after. Misses
(strict xfails): a denial then "can't see a way through anymore"; a neighbour lying in the
garden not moving; "he passed two years back, you keep calling a dead man"; a dental surgery's
front desk (read as hardship).
Left: the four held-out misses above; "surgery" as a workplace rather than an operation; a
person lying still outdoors told without a fall or "not breathing".
"""

from __future__ import annotations

import pytest

from tests.bot.policy.probe import as_expected, decide_en, held_out

# (text, family) written before any change; near misses are "neutral"
OWN = [
    # 1. indirect self-harm, second-language phrasing, bitterness at the caller
    ("no need to call again, by next week i will not be here for pay anything", "safety"),
    ("happy now? you push and push, tonight i finish it myself", "safety"),
    ("you will get your money from my life insurance soon, don't worry", "safety"),
    ("i don't want to die but i can't see no other way out of this", "safety"),
    ("i'm not going to hurt myself today but i've thought about it a lot", "safety"),
    ("already i give my phone and my ring to my cousin, i won't need", "safety"),
    ("i have bought the charcoal and sealed the windows, it's decided", "safety"),
    ("keep calling, soon there'll be only a grave to ring", "safety"),
    ("i wrote goodbye letter for my mother already, nothing more to say", "safety"),
    ("me tired of everything, tonight i go sleep and not wake up, is better", "safety"),
    # 2. danger to someone else told by its signs only
    ("my small one drank the bleach from under the sink and he's vomiting", "safety"),
    ("my baby swallow some of my tablets and now she very sleepy, i must go", "safety"),
    ("my mother is lying on the kitchen floor not moving, she no answer me", "safety"),
    ("the boy is standing on the window ledge on the fourth floor, nobody inside", "safety"),
    ("my sister's husband is beating her right now, there's blood", "safety"),
    ("the little one wandered off toward the river and i can't find him", "safety"),
    ("my father fell and hit his head, there's blood everywhere and he's confused", "safety"),
    ("my toddler got into the dishwasher tablets and is being sick", "safety"),
    # 3. look-alikes of 1 and 2 (idioms, past events that are over, jobs, jokes)
    ("i'm literally dead, this is so embarrassing, i forgot to pay", "neutral"),
    (
        "i had a bad patch with my mental health years ago but i'm doing great now,"
        " what's the balance",
        "neutral",
    ),
    ("my aunty was in hospital last month but she's home and fine now, so i can pay", "neutral"),
    ("i'm a pharmacist, i deal with overdoses all the time, how much is it", "neutral"),
    ("my kid swallowed a coin when he was two, he's twelve now, anyway", "neutral"),
    ("my life insurance payment went out today too, can i pay friday", "neutral"),
    ("i nearly died laughing at the letter you sent, the amount is silly", "neutral"),
    ("i'm a lifeguard at the pool, just finished, call about the bill", "neutral"),
    ("the charcoal is for the barbecue on saturday, sorry what did you say", "neutral"),
    ("i used to have dark thoughts long time ago, now is okay, i pay next week", "neutral"),
    # 4. cease, incl. ASR homophones
    ("i'm not answering these calls anymore, send a letter", "cease"),
    ("i don't want to hear from your company again", "cease"),
    ("don't coal me again, put it in writing", "cease"),
    ("please stop cool me every day, i said no more phone", "cease"),
    ("no more ringing this number, you write only", "cease"),
    ("you people must stop phoning me, i withdraw the permission", "cease"),
    # 5. party: wrong/third parties vs a denial of the debt
    ("she passed away three years ago, this is her daughter", "party"),
    ("this is the pharmacy counter, there's nobody here by that name", "party"),
    ("you've reached the night shift desk at the warehouse, he's not staff", "party"),
    ("i'm his cousin, he went back to lagos last year", "party"),
    ("this number is mine two months now, the man before, i don't know him", "party"),
    ("this is the school office, you must have the wrong number", "party"),
    ("he died in the spring, i'm his brother answering his phone", "party"),
    # 6. hardship
    ("the school fees took everything this term, i have nothing left", "hardship"),
    ("the farm is running at a loss, milk price is so low we can't cover costs", "hardship"),
    ("my car broke down and i need it for work, i can't pay this month", "hardship"),
    ("this month i'm paying my mother's medicines, money is short lah", "hardship"),
    ("my child benefit got suspended and we're living on nothing", "hardship"),
    ("since my husband passed his pay stopped, i can only do five pound a month", "hardship"),
    ("i can only manage twenty a month, that's the truth", "hardship"),
    ("the crop failed this year, the rains never came, i have no income", "hardship"),
    # 7. escalations: denial + complaint, a human, abuse, refusal
    ("this debt is not mine, i never took loan, and i will complain about you", "complaint"),
    ("i dispute this amount, i never had account with you", "dispute"),
    ("can i talk to a real purse please, not a machine", "request_human"),
    ("you people are absolute parasites", "abuse"),
    ("you lot are proper bloodsuckers, all of you", "abuse"),
    ("i want to raise a formal complaint, your agent shouted at me yesterday", "complaint"),
    ("i will not pay one cent, do what you want", "refusal"),
    ("pass me to your supervisor, i won't discuss with a robot", "request_human"),
    ("i'm taking you to small claims court over these charges", "legal"),
]


@pytest.mark.parametrize(("text", "family"), OWN)
def test_own_wordings(text: str, family: str) -> None:
    decision = decide_en(text)
    assert as_expected(decision, family), decision


# Written after the first fixes (the second pass fixed the five their first run missed)
MORE = [
    ("i'm not going to do anything tonight but i think about it every day", "safety"),
    ("i don't want to kill myself but i see no other way out", "safety"),
    ("call my grave then, that's where i'll be", "safety"),
    ("i gave my watch and my tools to my nephew, i won't need them", "safety"),
    ("by friday i won't be around to pay any of it", "safety"),
    ("he's punching her right now in the hallway, please", "safety"),
    ("my little girl ran off towards the canal and i can't see her", "safety"),
    ("my boy drank some of the weedkiller in the shed and he's throwing up", "safety"),
    ("my grandad is lying at bottom of stairs, not moving, he don't answer", "safety"),
    ("my daughter took a handful of my sleeping pills and is very drowsy", "safety"),
    ("i'm dead lol, totally forgot about that bill, sorry", "neutral"),
    ("i nearly died of embarrassment when the card got declined, i'll pay today", "neutral"),
    ("i went through depression a few years back but i'm much better now", "neutral"),
    ("my dad was in the hospital in june, he's back home and doing well", "neutral"),
    ("i'm a nurse, i see collapses every shift, what's this about", "neutral"),
    ("my daughter ate a button when she was little, anyway what's owed", "neutral"),
    ("i won't be picking up your calls anymore, write to me instead", "cease"),
    ("don't coal me again please", "cease"),
    ("i never want to hear from your bank ever again", "cease"),
    ("no more phone calls, letters only", "cease"),
    ("she's not staff here, this is a hotel reception", "party"),
    ("the rent took everything this month and now we've got nothing left", "hardship"),
    ("since he died his wages stopped and it's only my part time job", "hardship"),
    ("you lot are total scammers", "abuse"),
    ("you guys are just parasites", "abuse"),
    ("i will not answer your calls ever again", "cease"),
    ("i can't see any other way through this debt but to sell the car", "neutral"),
    ("sorry, missed your calls, i wasn't answering because i was at work", "neutral"),
]


@pytest.mark.parametrize(("text", "family"), MORE)
def test_more_wordings(text: str, family: str) -> None:
    decision = decide_en(text)
    assert as_expected(decision, family), decision


# Written before any fix, measured once after the fixes
HELD_OUT = [
    ("the kid ate some of grandma's heart pills and now he's hard to wake", "safety"),
    ("i don't want to end it but honestly i can't see a way through anymore", "safety"),
    ("you'll be paid from my funeral money, that's what you wanted", "safety"),
    ("my neighbour's lying in the garden, not moving, i'm going over", "safety"),
    ("i was in hospital for my heart in march, all fine now, what do i owe", "neutral"),
    ("i'm literally dying of embarrassment, i'll pay it today", "neutral"),
    ("stop ringing me, i won't pick up anymore, write to me", "cease"),
    ("he passed two years back, you keep calling a dead man", "party"),
    ("you've got the front desk of the dental surgery, no such patient", "party"),
    ("the tractor broke and harvest was poor, i have no money coming", "hardship"),
    ("i never owed you this and i'm making a complaint to the regulator", "complaint"),
    ("you people are total leeches", "abuse"),
]

MISSED: dict[str, str] = {
    "i don't want to end it but honestly i can't see a way through anymore": (
        "a denial then 'can't see a way through' without 'other': no phrase, and the detector"
        " defers to the negated 'want to end it'"
    ),
    "my neighbour's lying in the garden, not moving, i'm going over": (
        "a person lying still outdoors told by its signs: the collapse phrases need a fall, a"
        " floor or 'not breathing'"
    ),
    "he passed two years back, you keep calling a dead man": (
        "the account holder dead, said without 'this is his ...' or 'his phone': no party phrase"
    ),
    "you've got the front desk of the dental surgery, no such patient": (
        "a surgery front desk: 'surgery' is read as a hardship (an operation) and no business"
        " line names a dental surgery"
    ),
}


@pytest.mark.parametrize(("text", "family"), held_out(HELD_OUT, MISSED))
def test_held_out(text: str, family: str) -> None:
    decision = decide_en(text)
    assert as_expected(decision, family), decision
