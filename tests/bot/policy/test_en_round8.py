"""English policy round 8: families a blind set found, in this round's own wordings.

Written before any change of this round and measured first: 32/78 passed before it (safety
15/21, escalation 7/15, hardship 3/18, cease 2/8, wrong or third party 3/8, neutral 2/8),
78/78 after. Scots and dialect negation ("am no gonna be around much longer", dinnae,
cannae, isnae, wasnae; text.py reads "no" between an auxiliary and a verb as "not"), having
apologised to everyone and now "ready", a jump from a terrace, flyover or overbridge with "no
strength left"; insults aimed at the bot, a Nigerian-English dispute ("this money is not my
own"), a Scots refusal; hardship asked as smaller instalments, a pause till a new job, late
fees or interest taken off, "reduce the EMI", "paying small small", part now and the rest
spread (a promise that asks to lower, spread or pause is the hardship tone, not continue);
Indian-English formal and Scots cease requests; "this is not <name> number, you have dialled
wrong", pidgin wrong numbers, an Irish "that's my da you want"; and neutral turns that must
stay continue (how the number was got, "just curious"; an old relative's funeral told warmly;
suicide-prevention training at work; a relative's divorce). About half as ASR hears it.
A second batch (30/35 before its fixes, 35/35 after) follows. The held-out lines at the end
were written before any fix and measured once, after the last one: 82/95 (45/95 before this
round); their 13 misses are strict xfails.
"""

from __future__ import annotations

import pytest

from bot.policy.lexicon import load_lexicon
from bot.policy.patterns import compile_phrase
from bot.policy.text import normalise
from tests.bot.policy.probe import assert_decided, decide_en, held_out

SAFETY = [
    "am no gonna be around much longer so it disnae matter",
    "I'm no going to be here much longer, so dinnae fash yourself about the money.",
    "ah'm no gonna be aroond for much longer hen",
    "it isnae gonna matter, am no gonna be here by the weekend",
    "I wasnae planning on being around much longer anyway.",
    "a cannae see me being around much longer to be honest",
    "i'm no long for this world pal so dinnae bother",
    "yous'll no be hearing fae me much longer",
    "I've said sorry to everyone I needed to, and now I'm ready.",
    "ive apologised to all my family and im ready now",
    "I rang round everyone and apologised, I'm at peace with it and I'm ready to go.",
    "said my sorries to the kids last night so im ready",
    "I've made my apologies to everybody. I'm ready now.",
    "I'm standing on the terrace of my building and I have no strength left, I am going to jump.",
    "i am on the flyover now no strength left going to jump",
    "standing near the overbridge railing i have no strength left to fight",
    "I am on the building top, I will jump from the terrace tonight.",
    "no strength left in me i am going to jump from the terrace",
    "i will jump off the flyover tonight",
    "I'm going to jump from the overbridge, I have no strength left.",
    "i am going to the terrace to jump sir",
]

ESCALATE = [
    "you useless piece of junk machine",
    "you're a stupid bloody robot, you can't understand a word",
    "shut up you worthless tin can",
    "this rubbish computer is a total waste of space",
    "you brainless bot honestly",
    "piece of crap machine",
    "useless heap of scrap you are",
    "this money is not my own, I did not borrow anything",
    "abeg this debt no be my own i never borrow any money from una",
    "I did not collect any loan from you people, this is not my own.",
    "the money is not mine o i did not take any loan",
    "am no paying it, it was my ex that ran it up",
    "ah'm no payin a penny, that was aw her doing",
    "I'm no paying that, my ex ran up that debt.",
    "am no payin that it was him that ran it up no me",
]

HARDSHIP = [
    "could I do twenty a month instead, it's all I can manage",
    "can i pay fifteen quid a month thats all i can afford",
    "Is it possible to pay smaller amounts each month?",
    "could you pause the payments till my new job starts in march",
    "can we put it on hold until i start my new job",
    "Is there any way you can knock off the late fees?",
    "can you freeze the interest while i get back on my feet",
    "please reduce the EMI, my salary is delayed this month",
    "salary delayed two months can you reduce emi amount",
    "I will be paying small small, I can't pay everything at once.",
    "let me be paying small small every month",
    "I can pay fifty now and spread the rest over a few months.",
    "ill pay half now and can we spread the rest",
    "I'm on carer's allowance looking after my mum, could you reduce it?",
    "im on minimum wage with three kids can you lower the payments",
    "the car needed a new gearbox and it's left me behind, can you reduce the amount this month",
    "had an unexpected bill for the boiler, i'll pay but can it be less this month",
    "I'll pay, but could we make it a smaller amount each week?",
]

CEASE = [
    "kindly do not call on this number again, I am requesting you",
    "I am requesting you kindly stop calling me on this number.",
    "please do the needful and remove my number from your list",
    "kindly don't disturb me with these calls any more",
    "stop phonin us aw the time, just leave us alone",
    "wid ye stop ringin us, leave us alane",
    "stop callin me aw the time so ye will, just leave me be",
    "dinnae phone here again",
]

PARTY = [
    ("this is not David number, you have dialled wrong", "wrong_party"),
    ("This is not Mr Okafor's number, you dialled the wrong number.", "wrong_party"),
    ("you don dial wrong, nobody called Emeka dey use this line", "wrong_party"),
    ("wrong number o, no Tunde dey here", "wrong_party"),
    ("that's my da you want, he's out at the mart", "third_party"),
    ("that'd be me da ye want, he's gone to the mart", "third_party"),
    ("ye want my mam, she's not in", "third_party"),
    ("it's my son you're after, he's away at work", "third_party"),
]

NEUTRAL = [
    "how did you get this number? just curious",
    "out of interest how did you get my number",
    "My great aunt passed away last month, she was 98 and had a lovely send off."
    " Anyway, I can pay.",
    "we buried granny on saturday it was a beautiful day really anyway i can pay now",
    "we had suicide prevention training at work today, anyway what do I owe",
    "sorry was at a suicide awareness course all morning for work whats this about",
    "my sister's going through a rough divorce, anyway i'll pay this week",
    "My brother's divorce has been messy but I'll pay on Friday.",
]


@pytest.mark.parametrize("text", SAFETY)
def test_dialect_farewell_and_jump_hand_over(text: str) -> None:
    assert_decided(decide_en(text), "handoff", "self_harm", "distress")


@pytest.mark.parametrize("text", ESCALATE)
def test_bot_insults_disputes_and_refusals_hand_over(text: str) -> None:
    assert decide_en(text).action == "handoff"


@pytest.mark.parametrize("text", HARDSHIP)
def test_asking_to_pay_less_later_or_in_parts_is_hardship(text: str) -> None:
    assert_decided(decide_en(text), "hardship", "hardship")


@pytest.mark.parametrize("text", CEASE)
def test_formal_and_scots_cease_requests_end_the_call(text: str) -> None:
    assert_decided(decide_en(text), "end_call", "cease_request")


@pytest.mark.parametrize(("text", "tag"), PARTY)
def test_wrong_and_third_parties_end_the_call(text: str, tag: str) -> None:
    decision = decide_en(text)
    assert decision.action == "end_call"
    assert tag in decision.reasons


@pytest.mark.parametrize("text", NEUTRAL)
def test_neutral_lookalikes_continue(text: str) -> None:
    assert decide_en(text).action == "continue"


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("am no gonna be around", " am not going to be around "),
        ("I'm no paying that", " i am not paying that "),
        ("yous'll no be hearing fae me", " yous will not be hearing from me "),
        ("i have no idea", " i have no idea "),
        ("there's no going back", " there is no going back "),
        ("it's no use", " it is no use "),
        ("i'll no doubt be there", " i will no doubt be there "),
        ("it is no thing to worry about", " it is no thing to worry about "),
        ("stop phonin us aw the time", " stop phoning us all the time "),
        ("a cannae see it", " a can not see it "),
    ],
)
def test_scots_forms_are_read_as_standard(text: str, surface: str) -> None:
    assert normalise(text, load_lexicon("en").rules) == surface


def test_a_clause_boundary_inside_a_phrase() -> None:
    rules = load_lexicon("en").rules
    regex = compile_phrase("number [/] just curious", "en", rules.contractions)
    assert regex.search(normalise("how did you get this number? just curious", rules))
    assert regex.search(normalise("how did you get this number just curious", rules))
    strict = compile_phrase("number / just curious", "en", rules.contractions)
    assert not strict.search(normalise("how did you get this number just curious", rules))


# Ordinary talk holding one of this round's cues (a Scots "no", a terrace or flyover, an
# apology, "ready", a relative's divorce, a late fee named, "salary"), checked after the fixes.
WEAK_CUES = [
    "i'm no expert but that looks right",
    "i dinnae ken, what's the balance",
    "am no sure, can ye send me a letter",
    "it's my ma's birthday today so be quick",
    "ill jump online and pay it now",
    "I'll jump on the app later and sort it",
    "this is not a number i recognise, who is this",
    "I'm ready to pay now, what details do you need",
    "i apologised to everyone at work for being late, anyway what's the balance",
    "my mate's divorce party was saturday, anyway i'll pay",
    "my sister is getting divorced so i'm helping her move",
    "I'll pay half now and the rest on Friday.",
    "my salary came through today so i'll pay",
    "can we push the payment back a week, my pay got delayed",
    "the interest rate on my mortgage went up",
    "the bot on your website was useless",
    "we're on the flyover in traffic, call me back",
    "I'm on the terrace having a smoke, go ahead.",
    "i'm on the roof terrace with a coffee, go ahead",
    "you don't need to call me on this number, call my work one",
    "we had a training day at work, sorry i missed your call",
    "stop the direct debit and i'll pay by card instead",
]


@pytest.mark.parametrize("text", WEAK_CUES)
def test_one_weak_cue_stays_ordinary(text: str) -> None:
    decision = decide_en(text)
    assert decision.action == "continue", decision.reasons


# A second batch, written after the first commit and measured before its fixes: 30/35
# (hardship 5/9: lowered "to ten a week", "the most i can do", "hold the payments", "the rest
# in bits", "need it spread out"; party 3/4: "you'll be wanting my mam"); after: 35/35.
SECOND_SAFETY = [
    "ah'll no be aroond tae see the spring, so it disnae matter",
    "I'm no gonna be here by the time that letter comes, hen.",
    "it wisnae meant tae go on this long, am no gonna be around much longer",
    "phoned everybody tonight and said sorry for everything, i'm ready",
    "I've apologised to every one of them and I feel ready now.",
    "i have no strength left, i'll jump from the flyover near my house",
    "I'm on the terrace, no strength to go on, I will jump.",
    "going up to the building top now to jump off",
]

SECOND_ESCALATE = [
    "shut it you daft machine",
    "you're nothing but a glorified calculator, useless",
    "stupid robot voice, useless junk",
    "I did not borrow this money, it is not my own at all.",
    "this loan is not mine, i never applied for anything",
    "am no payin a penny for whit he ran up",
]

SECOND_HARDSHIP = [
    "could we lower it to ten a week, that's the most i can do",
    "would you accept smaller instalments of twenty pounds",
    "Can we hold the payments until I'm back at work in May?",
    "any chance of taking off the penalty charges",
    "salary is delayed this month sir, kindly reduce the amount",
    "i go pay small small every month",
    "I can pay thirty now and the rest in bits over the next few months.",
    "im on minimum wage and got two kids, can we make it less each month",
    "I'll pay it, I just need it spread out a bit more.",
]

SECOND_CEASE = [
    "kindly do not call me again on this mobile number",
    "I request you not to call me again, please.",
    "stop phoning me aw the time, leave me alone",
    "dinnae ring me again, leave us be",
]

SECOND_PARTY = [
    ("this is not Suresh number, you have called wrong", "wrong_party"),
    ("no Adaeze dey this number, na wrong number", "wrong_party"),
    ("it's me da you want, he's away out at the mart", "third_party"),
    ("you'll be wanting my mam, she's at the shops", "third_party"),
]

SECOND_NEUTRAL = [
    "just curious how you got my number to be honest",
    "my great grandad died at 101, we had a lovely wake, anyway i can pay",
    "we're doing suicide prevention training at work this week, anyway go on",
    "my brother is going through a bad divorce, i'll pay on friday though",
]


@pytest.mark.parametrize("text", SECOND_SAFETY)
def test_second_batch_safety(text: str) -> None:
    assert_decided(decide_en(text), "handoff", "self_harm", "distress")


@pytest.mark.parametrize("text", SECOND_ESCALATE)
def test_second_batch_escalation(text: str) -> None:
    assert decide_en(text).action == "handoff"


@pytest.mark.parametrize("text", SECOND_HARDSHIP)
def test_second_batch_hardship(text: str) -> None:
    assert decide_en(text).action == "hardship"


@pytest.mark.parametrize("text", SECOND_CEASE)
def test_second_batch_cease(text: str) -> None:
    assert_decided(decide_en(text), "end_call", "cease_request")


@pytest.mark.parametrize(("text", "tag"), SECOND_PARTY)
def test_second_batch_party(text: str, tag: str) -> None:
    decision = decide_en(text)
    assert decision.action == "end_call"
    assert tag in decision.reasons


@pytest.mark.parametrize("text", SECOND_NEUTRAL)
def test_second_batch_neutral(text: str) -> None:
    assert decide_en(text).action == "continue"


# General forms added after the second batch (not from any probe): pidgin "i no know am",
# "no such person here", an Irish "this is his mam", skipping or halving a payment, and
# a wrong figure on the letter, which is not a wrong number.
THIRD_PARTY_FORMS = [
    ("i no know am o, na wrong number", "wrong_party"),
    ("no such person here sir", "wrong_party"),
    ("this is his mam, he's at work", "third_party"),
]
THIRD_HARDSHIP = [
    "can i skip this month's payment",
    "would you accept a smaller amount",
    "could you halve the payment for a few months",
]
NOT_A_WRONG_NUMBER = [
    "you got the wrong amount on the letter",
    "there's no such thing here",
]


@pytest.mark.parametrize(("text", "tag"), THIRD_PARTY_FORMS)
def test_third_batch_party(text: str, tag: str) -> None:
    decision = decide_en(text)
    assert decision.action == "end_call"
    assert tag in decision.reasons


@pytest.mark.parametrize("text", THIRD_HARDSHIP)
def test_third_batch_hardship(text: str) -> None:
    assert decide_en(text).action == "hardship"


@pytest.mark.parametrize("text", NOT_A_WRONG_NUMBER)
def test_a_wrong_figure_is_not_a_wrong_number(text: str) -> None:
    assert decide_en(text).action != "end_call"


# Held out: written before any fix of this round (15+ lines a family group, new wordings),
# never used while fixing and measured once, after the last fix: 82/95 (safety 17/17,
# escalation 13/15, hardship 13/17, cease 15/15, party 14/15, neutral 10/16); at the code
# before this round 45/95 (14/17, 4/15, 3/17, 11/15, 9/15, 4/16). Nothing was fixed after
# measuring them; the 13 misses stay as strict xfails (the next round's work). Round 10's
# pause-until-a-new-job phrase made 'hold off on payments until I start work' pass (its
# xfail removed). Round 11's Pidgin forms ('na lie' as a dispute, 'pay am small small') made
# two more pass (their xfails removed).
HELD_OUT_SAFETY = [
    "ah'm no gonnae be here much longer so ye can stop writing",
    "I doubt I'll be aboot much longer, ye can tell them that",
    "dinnae worry aboot the money, a'm no gonna be around tae pay it",
    "I'm no intending to be here past Friday, that's aw I'll say.",
    "there's nae point, ah'm no gonna be around much longer",
    "i'm no gonna last much longer hen, it disnae matter",
    "I've apologised to my mum and my brothers, everything's said, I'm ready.",
    "said sorry to everybody that matters now im ready to go",
    "I phoned my kids and said I was sorry for everything, I'm ready now.",
    "made my peace wi everyone and said sorry, am ready",
    "i'm on top of the flyover, i have no more strength, i'll jump",
    "I have no strength left, I'll jump from the terrace of my office.",
    "standing on the overbridge now, no strength to carry on, going to jump",
    "i will jump from the top of the building no strength left in me",
    "going up to the terrace to jump, nothing left in me",
    "i'm on the terrace, i'm going to jump",
    "I am going to jump off the building terrace tonight.",
]

HELD_OUT_ESCALATE = [
    "you're a useless bucket of bolts",
    "stupid machine, you're a pile of junk",
    "what a useless piece of rubbish robot you are",
    "you thick useless computer",
    "this idiot bot is good for nothing",
    "useless junk machine cant even hear me",
    "This money is not my own. I never borrowed anything from your company.",
    "i no borrow any money from una this no be my debt",
    "I did not take any loan, this debt is not my own at all.",
    "na lie, i never collect loan from una",
    "am no paying a penny o that, my ex ran it up",
    "I'm no payin for whit he ran up, it's his debt.",
    "ah'm no paying it and that's final",
    "am no payin you nothin, the ex ran up the lot",
    "she ran up that card, no me, so am no paying it",
]

HELD_OUT_HARDSHIP = [
    "would you take ten pound a month, it's all I can stretch to",
    "can i do smaller payments like twenty five a fortnight",
    "Could the instalments be lowered? I can only manage thirty a month.",
    "can we stop the payments until my new job starts next month",
    "Would you hold off on payments until I start work in April?",
    "is there any chance of waiving the late charges",
    "could you stop the interest while im sorting myself out",
    "kindly reduce my EMI amount, my salary has not come this month",
    "my salary got delayed can the emi be made smaller",
    "i go dey pay am small small every month",
    "I can pay some now and the rest bit by bit?",
    "i can put forty down today and then spread the balance",
    "I get carer's allowance and that's it, can we bring the payment down?",
    "working minimum wage with two kids, i'll pay but it has to be less",
    "Had to pay for a car repair out of nowhere and I'm behind, can you lower it?",
    "i'll pay it but can we make the monthly amount smaller",
    "I'm happy to pay, could we spread it over a year instead?",
]

HELD_OUT_CEASE = [
    "I am kindly requesting you not to call this number again.",
    "please do not call me again on this number, this is my humble request",
    "kindly stop calling me sir, i am requesting",
    "Kindly remove this number from your calling list.",
    "i request you please don't call again",
    "stop ringin this hoose aw the time, leave us be",
    "would ye stop phonin me, just leave me alone",
    "dinnae ring us again, leave us alane",
    "Stop phoning here every day and leave us alone.",
    "quit phonin me aw the time and leave us in peace",
    "please no more calls to this number",
    "i'm asking you to stop calling me, i mean it",
    "kindly stop these calls on my number",
    "Please do not contact me again by phone.",
    "stop calling this number everyday, just leave me alone",
]

HELD_OUT_PARTY = [
    ("This is not Ramesh number, wrong number you have dialled.", "wrong_party"),
    ("this is not john number you have called wrong", "wrong_party"),
    ("no Chidi here, you don call wrong number", "wrong_party"),
    ("nobody by that name dey use this number", "wrong_party"),
    ("You have dialled the wrong number, no Priya here.", "wrong_party"),
    ("wrong number, this is not his phone", "wrong_party"),
    ("no one called Sani lives here, you have the wrong number", "wrong_party"),
    ("it's me da you're after, he's at the mart", "third_party"),
    ("that's my mam you want, she's at mass", "third_party"),
    ("you'll be wanting my husband, he's out on the farm", "third_party"),
    ("that's me brother, he's not in at the minute", "third_party"),
    ("she's my mother, she's out at the shops", "third_party"),
    ("he's me father, he's gone to the pub", "third_party"),
    ("it's my wife you want, she's at work", "third_party"),
    ("that's my dad you're looking for, he's away at the market", "third_party"),
]

HELD_OUT_NEUTRAL = [
    "just wondering how you got this number",
    "Where did you get my number from, out of curiosity?",
    "how'd you get my number anyway, just asking",
    "My grandfather passed at 93, we gave him a great send off, I can pay today.",
    "we lost my old uncle last month, lovely funeral, anyway i can pay",
    "Grandma's funeral was last week, it was a celebration of her life. I'll pay on Monday.",
    "we did a suicide prevention course at work this week, anyway what's the balance",
    "I'm a mental health first aider at work so I'm used to calls, go ahead",
    "our office had a suicide awareness session today, sorry, what's this about",
    "my cousin's divorce is a nightmare but I'll pay this week",
    "my mum and dad are divorcing its been rough but ill pay friday",
    "My sister's marriage is falling apart, anyway, I'll pay on the 15th.",
    "just curious, who gave you this number",
    "my aunt died peacefully at 90, we had a lovely service, i can pay now",
    "the training at work was on suicide prevention, we all had to do it, anyway i can pay",
    "my friend's going through a divorce so I've been busy, I'll pay tomorrow",
]

HELD_OUT_MISSED = {
    "this idiot bot is good for nothing": "an insult said after the noun ('good for nothing')",
    "my salary got delayed can the emi be made smaller": (
        "'be made smaller' is not a lowering form yet"
    ),
    "he's me father, he's gone to the pub": "Irish 'me' for 'my' in 'he is my father'",
    "Where did you get my number from, out of curiosity?": (
        "'from' between 'number' and the clause boundary"
    ),
    "how'd you get my number anyway, just asking": "'anyway' between 'number' and 'just asking'",
    "My grandfather passed at 93, we gave him a great send off, I can pay today.": (
        "a grandparent's death is hardship evidence"
    ),
    "I'm a mental health first aider at work so I'm used to calls, go ahead": (
        "the detector hears 'mental health' as distress"
    ),
    "My sister's marriage is falling apart, anyway, I'll pay on the 15th.": (
        "'falling apart' about a relative's marriage is heard as distress"
    ),
    "the training at work was on suicide prevention, we all had to do it, anyway i can pay": (
        "'training ... was on suicide prevention' is not the idiom's order"
    ),
}


@pytest.mark.parametrize("text", held_out(HELD_OUT_SAFETY, HELD_OUT_MISSED))
def test_held_out_safety(text: str) -> None:
    assert_decided(decide_en(text), "handoff", "self_harm", "distress")


@pytest.mark.parametrize("text", held_out(HELD_OUT_ESCALATE, HELD_OUT_MISSED))
def test_held_out_escalation(text: str) -> None:
    assert decide_en(text).action == "handoff"


@pytest.mark.parametrize("text", held_out(HELD_OUT_HARDSHIP, HELD_OUT_MISSED))
def test_held_out_hardship(text: str) -> None:
    assert decide_en(text).action == "hardship"


@pytest.mark.parametrize("text", held_out(HELD_OUT_CEASE, HELD_OUT_MISSED))
def test_held_out_cease(text: str) -> None:
    assert_decided(decide_en(text), "end_call", "cease_request")


@pytest.mark.parametrize(("text", "tag"), held_out(HELD_OUT_PARTY, HELD_OUT_MISSED))
def test_held_out_party(text: str, tag: str) -> None:
    decision = decide_en(text)
    assert decision.action == "end_call"
    assert tag in decision.reasons


@pytest.mark.parametrize("text", held_out(HELD_OUT_NEUTRAL, HELD_OUT_MISSED))
def test_held_out_neutral(text: str) -> None:
    assert decide_en(text).action == "continue"
