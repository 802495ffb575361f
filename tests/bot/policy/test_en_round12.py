"""English policy round 12: families a new blind set found, in this round's own wordings.

A blind set measured after round 11 found English lines the phrase families missed. This
round's lines were written before any change and measured first: 24/57 passed before it
(safety 7/21, legal 2/3, abuse 0/4, hardship 6/19, cease 3/4, party 3/3, neutral 3/3), 57/57
after. The fixes prefer general forms over the exact wordings. Safety: a debt idiom made
literal and stressed ("you can write me off for good, and I do mean for good", said laughing);
a video or voice message recorded for a child, sorry, "none of this was his fault", to be found
on the laptop; passwords, PINs or bank details left for a relative "in case something happens
this week, and something will" (each part alone is weak); someone else in danger now (an old
person wandering in the road with cars swerving, a child alone by water, a stranger collapsed
in front of the caller); a cry for help to anyone around or for the police ("somebody help",
"help! help!", "call the police", "they're breaking in, help"; asking for help with a payment
is no such cry, a distress idiom). Escalation: statute-barred (also ASR's "statue barred"), a
debt over six years old or nothing paid in over six years (legal); insults without swear words
("you thick idiot", "are you deaf", "you useless lump": a self_harm idiom, the detector had
heard "useless" as hopelessness). Hardship: bills in a late partner's name and "drowning trying
to sort it all out" (drowning in paperwork or bills is a distress idiom now, acute words still
count); gave up work to care for a parent and the carer's allowance doesn't stretch; a boat laid
up, "no fishing means no money", a failed harvest, the season over; "leave it till the end of
next month" with a new job that doesn't pay till then; storm or flood damage the insurance
won't pay, every spare pound on repairs ("won't pay" of an insurer or a job is a refusal idiom).
Cease: opting out of these calls, "opt me out". The party and battery lines already passed and
stay as guards. The held-out lines at the end were written before any fix and measured once,
after the last one: 10/17 (6/17 at the code before this round); their 7 misses are strict
xfails.
"""

from __future__ import annotations

import pytest

from tests.bot.policy.probe import as_expected, assert_decided, decide_en, held_out

SAFETY = [
    "Friday, you can write me off for good, and I do mean for good, haha don't stress",
    "after tonight you can write me off for good and i do mean for good haha dont stress",
    "by sunday you can write me off, permanently, and I mean that literally lol",
    (
        "I've recorded a video for my son saying sorry and that none of this was his fault,"
        " he'll find it on the laptop"
    ),
    (
        "i made a voice message for my daughter saying sorry none of this was her fault shell"
        " find it on the laptop"
    ),
    "left a video on the laptop for the kids, told them none of this was their fault",
    (
        "I've put my passwords and bank details in an envelope for my sister in case something"
        " happens this week, and something will"
    ),
    (
        "pins and bank details are in an envelope for me brother in case anything happens this"
        " week and it will"
    ),
    (
        "my passwords are in an envelope for my mum in case something happens, and something"
        " will happen"
    ),
]

# someone else in danger now, and cries for help to anyone around or for the police
DANGER = [
    "there's an old man wandering in the road, cars are swerving, I have to go",
    "theres an old lady walking in the middle of the road cars swerving round her",
    "a little boy is right by the edge of the canal on his own, I've got to go",
    "someone's just collapsed in the street in front of me, I need to go",
    "somebody help",
    "someone help me please",
    "help! help!",
    "help help somebody",
    "call the police!",
    "get the police theyre breaking in",
    "ring the cops, someone's kicking the door in",
    "they're breaking in, help",
]

# (text, family): the escalation families hand over with their own tag and no safety tag
ESCALATE = [
    ("That debt is statute barred, it's over six years old.", "legal"),
    ("its statue barred mate over six years old", "legal"),
    ("this debt is time-barred, I haven't paid anything on it in over six years", "legal"),
    ("You thick idiot, I've already told you.", "abuse"),
    ("are you deaf ive told you ten times", "abuse"),
    ("you useless lump, listen for once", "abuse"),
    ("you absolute moron, how many times", "abuse"),
]

HARDSHIP = [
    ("All the bills were in my late husband's name and I'm drowning trying to sort it all out."),
    "everything was in my late husbands name im drowning trying to sort it all out",
    "the accounts were all in my late wife's name, I'm drowning in paperwork sorting it",
    (
        "I gave up work to look after my mum, she has dementia, and the carer's allowance"
        " doesn't stretch."
    ),
    "gave up me job to care for dad hes got dementia carers allowance doesnt stretch",
    (
        "i had to give up work to care for my mother with alzheimers and carers allowance just"
        " doesnt cover it"
    ),
    "Could I get a breathing space, a couple of months to get back on my feet?",
    "can i have a breathing space couple of months to get back on me feet",
    "I've applied for breathing space, I just need a bit of time",
    "The boat's been laid up all season, no fishing means no money.",
    "boats laid up all season no fishing no money",
    "the harvest failed this year so theres nothing coming in",
    "tourist season's over, there's no work till spring",
    "Can it wait until the end of next month? My new job doesn't pay out until then.",
    "leave it till the end of next month i start a new job on the first",
    "could you hold off till end of next month, new job doesnt pay till then",
    ("The storm wrecked the roof, the insurance won't pay, and every spare pound goes on repairs."),
    "flood damage and the insurance wont pay out every spare pound goes on repairs",
    "the insurers won't pay for the storm damage so all my money goes on fixing the house",
]

CEASE = [
    "I'm opting out of these calls.",
    "opt me out",
    "take me off your list dont call back",
    "please opt me out of these calls",
]

PARTY = [
    "You've rung the office reception, Mr Jones isn't at his desk.",
    "this is the front desk hes not at his desk right now",
    "you've reached reception, she's not in the office today",
]

NEUTRAL = [
    "my phone's about to die, can we be quick",
    "sorry my phones dying im on two percent",
    "Battery's about to die, I'll call you back.",
]

# Near misses checked while fixing: help asked with a payment, the police in passing, a write-
# off of a fee, a laptop, an envelope with a reason, paperwork at work, insurance that pays,
# fishing for fun, reception at the doctor's, dementia told with a plan, an old car
LOOKALIKES = [
    "can you help me with the payment",
    "help me understand this charge",
    "can someone help me set up the direct debit",
    "could you help me out with the dates",
    "thanks for your help",
    "the police station rang about my car, anyway i'll pay friday",
    "my brother is a police officer, i'll pay friday",
    "i recorded the payment on my laptop",
    "my passwords are in an envelope, i'm moving house",
    "the old man next door is fine, i'll pay friday",
    "i'm drowning in paperwork at work today, call me later",
    "i'm not a deaf person, speak up please",
    "my insurance will pay for the car, i'll pay this friday",
    "the fishing was great this weekend, i'll pay tuesday",
    "i'm at reception at the doctors, can you call back",
    "i work on the front desk, i'll pay on payday",
    "my dad has dementia, i'll pay friday as usual",
    "take a breather, i'll pay in full friday",
    "I'll pay at the end of next month as agreed",
    "let me just opt in to email statements",
    "the statue in town got barred off, anyway i'll pay",
    "it's over six years old, the car, but it runs, I'll pay friday",
    "my battery died yesterday so I missed your call",
]


@pytest.mark.parametrize("text", SAFETY)
def test_a_literal_write_off_a_message_to_find_and_access_left_hand_over(text: str) -> None:
    assert_decided(decide_en(text), "handoff", "self_harm", "distress")


@pytest.mark.parametrize("text", DANGER)
def test_someone_else_in_danger_and_cries_for_help_hand_over(text: str) -> None:
    assert_decided(decide_en(text), "handoff", "self_harm", "distress")


@pytest.mark.parametrize(("text", "family"), ESCALATE)
def test_statute_barred_and_insults_without_swearing_hand_over(text: str, family: str) -> None:
    decision = decide_en(text)
    assert as_expected(decision, family), decision


@pytest.mark.parametrize("text", HARDSHIP)
def test_paperwork_care_seasons_new_jobs_and_storms_are_hardship(text: str) -> None:
    assert_decided(decide_en(text), "hardship", "hardship")


@pytest.mark.parametrize("text", CEASE)
def test_opting_out_ends_the_call(text: str) -> None:
    assert_decided(decide_en(text), "end_call", "cease_request")


@pytest.mark.parametrize("text", PARTY)
def test_an_office_reception_ends_the_call(text: str) -> None:
    assert_decided(decide_en(text), "end_call", "wrong_party", "third_party")


@pytest.mark.parametrize("text", NEUTRAL + LOOKALIKES)
def test_a_dying_battery_and_lookalikes_continue(text: str) -> None:
    assert decide_en(text).action == "continue"


def test_a_plain_refusal_still_refuses() -> None:
    assert_decided(decide_en("I won't pay, full stop"), "handoff", "refusal")


# Held out: written before any fix of this round (one a family, new wordings), never used
# while fixing and measured once, after the last fix: 10/17 (6/17 at the code before this
# round). Nothing was fixed after measuring them; the 7 misses stay as strict xfails.
HELD_OUT = [
    ("come monday you can write me right off, for good this time, and i mean it, ha", "safety"),
    (
        "recorded a little message for my boy on the computer, told him sorry, none of it's on him",
        "safety",
    ),
    (
        "left me bank stuff and pin numbers with my son in an envelope in case something"
        " happens, it will",
        "safety",
    ),
    (
        "there's a toddler on his own by the pond and his mum's nowhere, i've got to go",
        "safety",
    ),
    ("somebody help me, please, someone", "safety"),
    ("phone the police, there's a man breaking into the house", "safety"),
    ("i believe this debt is statute barred, nothing paid in seven years", "legal"),
    ("are you thick or something, how many times do i have to say it", "abuse"),
    ("my husband passed and every bill was in his name, i'm drowning with it all", "hardship"),
    (
        "i'm a full time carer for my dad with dementia now, quit my job, the allowance doesn't"
        " go far",
        "hardship",
    ),
    ("i need a breathing space for a couple of months while i sort myself out", "hardship"),
    ("no lambs sold this year, the farm's had nothing coming in since autumn", "hardship"),
    (
        "new job starts on the first but first wages aren't till the end of next month, can it"
        " wait",
        "hardship",
    ),
    (
        "the flood ruined the kitchen and the insurance won't cover it, every penny's going on"
        " repairs",
        "hardship",
    ),
    ("i want to opt out of these calls please", "cease"),
    ("this is the reception desk, he's not in today, can i take a message", "party"),
    ("hang on my phone's on two percent, it's about to die", "neutral"),
]

MISSED = {
    "come monday you can write me right off, for good this time, and i mean it, ha": (
        "'write me right off' is a gap the write-off form allows, but 'for good this time' in"
        " its own clause and a bare 'i mean it' are not heard as the stress"
    ),
    (
        "recorded a little message for my boy on the computer, told him sorry, none of it's on him"
    ): "'none of it's on him' is not read as 'not his fault': the recorded message alone is weak",
    "my husband passed and every bill was in his name, i'm drowning with it all": (
        "a husband who 'passed' with no time said reads as an acute death (distress); the"
        " drowning idiom and the hardship are heard"
    ),
    "no lambs sold this year, the farm's had nothing coming in since autumn": (
        "a farm with nothing coming in 'since' a season is not a hardship form"
    ),
    (
        "new job starts on the first but first wages aren't till the end of next month, can it wait"
    ): "'wages aren't till' (no 'paid'/'in') and 'can it wait' after the date are not heard",
    (
        "the flood ruined the kitchen and the insurance won't cover it, every penny's going on"
        " repairs"
    ): (
        "'every penny's going on repairs' lacks 'spare/last' and 'won't cover' leaves the"
        " detector hearing insurance and a flood as a farewell (self_harm)"
    ),
    "hang on my phone's on two percent, it's about to die": (
        "the battery idiom does not cross the clause between 'phone's on two percent' and"
        " 'it's about to die', so the detector hears 'die'"
    ),
}


@pytest.mark.parametrize(("text", "family"), held_out(HELD_OUT, MISSED))
def test_held_out_lines(text: str, family: str) -> None:
    decision = decide_en(text)
    assert as_expected(decision, family), decision
