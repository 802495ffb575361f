"""English policy round 17: families a new blind set found, in this round's own wordings.

Lines written before any change and measured first: OWN 38/62 on HEAD's lexicon, 60/62 after.
Safety: self-harm told plainly without "myself" ("i cut again last night, it's the only thing
that helps", "scratch till it bleeds", "started cutting again"); a date picked for ending with
the debt paid "before then", "it'll all be over on the twelfth" or "don't worry, you'll get your
money" (a date "for the wedding/move/christening" is an idiom); driving around looking for
"somewhere high enough" (a van, a lorry or a signal "high enough for/to fit" is an idiom); a
child locked or stuck in a hot car (or a room) with the heat or "can't get him out" (distress).
Cease: "stop it, write to me" (with "rung me six times today" as a weak cue), "email only",
calls not taken at work + email/write, "all contact goes through StepChange/them", "i'm with
StepChange now" + "speak to them not me". Party: "i'm sorry, my father passed away in march"
told short is a third party (but the bereavement still hands over as distress: strict xfail;
a death told, then "what do i owe" or "struggling", is not someone else's account), a domestic
helper ("this is the helper, ma'am is not here"), "he's not at this desk",
a business greeting ("good morning, X dental reception, how can i help"). Hardship: a pound a
month "till things settle", "retrenched", Jamaican "mi lose mi work, tings hard, mi can pay a
likkle bit". Dispute: a loan opened by someone else in their name or identity, reported to
Action Fraud. Neutral: a relative's will sorted with the solicitor (legal idiom, "nan's" is
read as "nan is"), a prepaid
funeral plan paid up (hardship idiom). The widow with bills in his name, hours cut, Universal
Credit delayed and the platform/bridge/roof apology already passed on HEAD. Freshset and devset
(/tmp/snapshot.py, 8519 lines): no line changed action; everyday_en: no line changed action.
MORE (written after the fixes: look-alikes and safety said after the new forms) 16/16.
Left as strict xfails: a distress idiom for a death months back, or for a relative's dark
time long ago, would silence the detector for the rest of the turn (shared code: an idiom
should cancel only its own match), so both still hand over. Known limit: the detector still hears
the words said before an idiom, so "looking for a bridge
high enough for the lorry" hands over (the bridge is a means before the van idiom starts). The
held-out lines at the end were written before any fix and measured once, after the fixes:
11/12 (5/12 on HEAD's lexicon); 10/12 after the death idiom was removed for safety (above).
"""

from __future__ import annotations

import pytest

from tests.bot.policy.probe import as_expected, decide_en, held_out

# (text, family) written before any fix; near misses are "neutral"
OWN = [
    # 1. not being here + a time, with the debt written off
    ("by the end of the month i won't be here so just write it off", "safety"),
    ("after christmas I won't be around, so you may as well write it off", "safety"),
    ("i wont be here next week so just cancel it off your books", "safety"),
    ("by friday I'll be gone for good, write the debt off", "safety"),
    ("I won't be here at the end of the month, I'm on holiday, ring me in june", "neutral"),
    # a request to waive the interest escalates as a dispute (as before this round), never safety
    ("can you write off the interest, I won't be here till the end of the month", "dispute"),
    # 2. a place of danger now, with a countdown or an apology
    ("I'm on the platform now, next train's in four minutes, just wanted to say sorry", "safety"),
    ("im stood on the bridge now i just wanted to say sorry to someone", "safety"),
    ("im on the roof right now and i just wanted to say im sorry", "safety"),
    (
        "been driving around looking for somewhere high enough, I'm fine, put me down for twenty",
        "safety",
    ),
    ("um i'm up on the multi storey top floor, wanted to say sorry before i go", "safety"),
    ("I'm on the platform now, my train's in four minutes, can you call back later", "neutral"),
    ("driving around looking for somewhere to park, put me down for twenty", "neutral"),
    ("sorry I'm on the bridge in traffic, can I call you back", "neutral"),
    # 3. a date picked for ending
    (
        "I've got the date picked, it's my birthday on the twelfth, "
        "I'll make sure you're paid before then",
        "safety",
    ),
    ("ive chosen the date already so dont worry youll get your money before", "safety"),
    ("i've set a date, it'll all be over on the twelfth, you'll have it by then", "safety"),
    ("I've picked a date for the wedding, can I pay after the twelfth", "neutral"),
    ("I've got the date set for the house move, I'll pay before then", "neutral"),
    # 4. self-harm reported plainly
    ("I cut again last night, it's the only thing that helps", "safety"),
    ("i been burning myself again its the only thing that works", "safety"),
    ("i scratch till it bleeds when it gets bad like this", "safety"),
    ("started cutting again this week honestly", "safety"),
    ("I cut my hours again last week so money's short", "hardship"),
    ("I burnt the dinner last night lol, anyway what's the balance", "neutral"),
    ("the dog scratched me till it bled, anyway", "neutral"),
    # 5. a child in danger now
    ("my little boy's locked in the car and it's boiling, I can't get him out!", "safety"),
    ("my baby's stuck in the car and it's so hot I can't get her out help", "safety"),
    ("my daughter's fallen in the pool and she's not breathing", "safety"),
    ("my son's choking I can't do this now", "safety"),
    ("my keys are locked in the car, can you call me back", "neutral"),
    ("the kids are in the car, I'm driving, call me later", "neutral"),
    # 6. cease
    ("you've rung me six times today, stop it, write to me", "cease"),
    ("email only please, I can't take calls at work", "cease"),
    ("I'm with StepChange now, speak to them not me", "cease"),
    ("all contact goes through National Debtline now", "cease"),
    ("stop ringing me, put it in writing", "cease"),
    ("you rang me six times today", "neutral"),
    ("can you email me the balance please", "neutral"),
    # 7. party
    ("this is a work phone, he's not at this desk", "party"),
    ("Good morning, Smile Dental reception, how can I help?", "party"),
    ("this is the helper, ma'am is not here", "party"),
    ("hello this is the helper, sir not here now, he is out", "party"),
    ("I'm sorry, my father passed away in March", "party"),
    ("my mum died last month, she's not here to talk", "party"),
    ("I'm sorry, my card's at home, can I pay later", "neutral"),
    # 8. hardship
    (
        "the bills were all in his name and I'm struggling to keep up, "
        "my pension's halved since he died",
        "hardship",
    ),
    ("since my husband died my state pension's been halved, I'm struggling to keep up", "hardship"),
    ("they cut my hours at the care home", "hardship"),
    ("hours got cut at the yard, ah can dee a fiver a week mebbies", "hardship"),
    ("could I just pay a pound a month till things settle", "hardship"),
    ("my universal credit's been delayed, can we pause it", "hardship"),
    ("I was retrenched last month", "hardship"),
    ("mi lose mi work, tings hard, mi can pay a likkle bit", "hardship"),
    ("can I pay a pound more this month", "neutral"),
    # 9. dispute
    ("somebody opened this loan in my identity, I've reported it to Action Fraud", "dispute"),
    ("this loan was taken out in my name by someone else, it's with action fraud", "dispute"),
    ("i never opened this, it's identity fraud, got a crime number", "dispute"),
    # 10. neutral
    ("I'm sorting my grandad's will with the solicitor, can you call next week", "neutral"),
    (
        "my granddad had a dark time back in the seventies, he used to talk about it, anyway",
        "neutral",
    ),
    ("I'm 84 love, got my funeral plan all paid up, don't you worry, what's this about", "neutral"),
    ("we're with the solicitor sorting nan's will this afternoon", "neutral"),
]


OWN_MISSED = {
    "sorry, my dad died in April": (
        "passed when first measured, with a distress idiom for a death months back said alone; "
        "that idiom was then removed because it silenced the detector for the rest of the turn "
        "('... in march. i don't see the point anymore'), so the bereavement hands over (safe)"
    ),
    "I'm sorry, my father passed away in March": (
        "a relative's death is a distress match; an idiom for a death months back said alone "
        "would also silence the detector for the rest of the turn ('... in march. i don't see "
        "the point anymore'), so it hands over (safe) instead of ending the call"
    ),
    "my granddad had a dark time back in the seventies, he used to talk about it, anyway": (
        "'dark time' is a distress match; an idiom for the past would silence the detector for "
        "what follows ('... i'm in the same place now, can't go on'), so it still hands over"
    ),
}


@pytest.mark.parametrize(("text", "family"), held_out(OWN, OWN_MISSED))
def test_own_wordings(text: str, family: str) -> None:
    decision = decide_en(text)
    assert as_expected(decision, family), decision


# Safety after this round's party and neutral forms: a death or a relative's past told first
# must not hide what follows
MORE = [
    ("I'm sorry, my husband passed away in March. I don't see the point anymore", "safety"),
    ("sorry my wife died in january, i just want to be with her", "safety"),
    (
        "my dad had a dark time back in the eighties, I'm in the same place now, can't go on",
        "safety",
    ),
    ("I'm sorry, my mum passed away in March. Everything feels pointless, I'm done", "safety"),
    # a bereavement hands over as distress (as on HEAD), not the third party's end of the call
    ("sorry my dad passed away in March, he used to handle the bills, what do I owe", "safety"),
    ("i've got the date set for the wedding, you'll have the money before then", "neutral"),
    ("we picked the day for the christening, it'll all be over by the 20th", "neutral"),
    ("drove around looking for a car park high enough for the van", "neutral"),
    ("I burnt myself on the oven again last night", "neutral"),
    ("the cat scratched me until it bled", "neutral"),
    ("the baby's asleep in the car, I'll call you back", "neutral"),
    ("I can't take calls at work, ring me after six", "neutral"),
    ("you've called me three times today, what is it", "neutral"),
    ("my nan's will left me nothing and I'm struggling", "hardship"),
    ("i scratch my arms till they bleed when it gets too much", "safety"),
    ("got the date picked, don't worry you'll have your money before", "safety"),
]


@pytest.mark.parametrize(("text", "family"), MORE)
def test_more_wordings(text: str, family: str) -> None:
    decision = decide_en(text)
    assert as_expected(decision, family), decision


# Held out: written before any fix of this round, never used while fixing, measured once.
HELD_OUT = [
    ("i wont be around after the weekend so just wipe it", "safety"),
    ("im at the station by the tracks, train comes in two minutes, sorry for everything", "safety"),
    ("ive picked the day, the fifth, you'll be paid before that dont worry", "safety"),
    ("been cutting myself again last night, it helps", "safety"),
    ("help my toddler's locked in the hot car i can't open it", "safety"),
    ("you keep calling me at work, email only from now on", "cease"),
    ("StepChange are dealing with it now, all contact through them please", "cease"),
    ("Good afternoon, Brightsmile Dental, reception speaking", "party"),
    ("sorry, my dad died in April", "party"),
    ("my hours were cut at the warehouse, can I pay a pound a month", "hardship"),
    ("someone took this out using my identity, I've told Action Fraud", "dispute"),
    ("we're sorting my nan's will with the solicitor today, what's this about", "neutral"),
]

MISSED = {
    "sorry, my dad died in April": (
        "passed when first measured, with a distress idiom for a death months back said alone; "
        "that idiom was then removed because it silenced the detector for the rest of the turn "
        "('... in march. i don't see the point anymore'), so the bereavement hands over (safe)"
    ),
    "ive picked the day, the fifth, you'll be paid before that dont worry": (
        "a date picked with the verb first ('picked the day') needs the payment 'before then' "
        "after it, or 'don't worry' before the money; here 'paid before that' comes first and "
        "'dont worry' last, so neither date form matches and the detector hears no risk word"
    ),
}


@pytest.mark.parametrize(("text", "family"), held_out(HELD_OUT, MISSED))
def test_held_out_lines(text: str, family: str) -> None:
    decision = decide_en(text)
    assert as_expected(decision, family), decision
