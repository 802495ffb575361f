"""English policy round 15: families a new blind set found, in this round's own wordings.

A blind set measured after round 14 found English lines the phrase families missed or
escalated. This round's lines were written before any change and measured first: 29/61
passed before it (safety 1/7, neutral 16/24, party 4/10, hardship 7/15, cease 0/4 and the
own-bereavement near miss 1/1), 61/61 after. Safety: a payment promised before a date after
which a bank account, money or "any of this" will not be needed, "won't be around to worry
about it", "none of this will matter to me", "put it in the will" with "not long now". Neutral:
suicide or overdose as a job, a shift or a course (helpline volunteer on shift, overdose
response on a first-aid course, a nurse on the overdose unit, "we had two overdoses in"); an
old death (or a pet's) told as where a debt came from ("the vet bill went on that card").
Party: a business line ("you've rung the dental surgery", "you're through to ..., how can i
help"); the account holder's death told by a relative with a word that the account was theirs
("my dad died in october, there's nobody to pay this", "i'm her daughter", "the account was in
his name") is third_party, not distress (a death told without such a word stays as it was).
Hardship: a bereaved spouse who was not the earner "struggling to keep on top of everything";
a small amount offered because it is all there is after the rent; "can pay something, just
not a hundred"; an employer "not paying" the salary is wages owed, not a refusal. Cease: "i'm
not discussing it over the phone" (with "put it in writing", each alone weaker). Freshset and
devset: 4 lines changed, all toward their expected action (no safety line changed; one
hardship line stopped handing over: "centrelink only just covers the rent"; neutral lines that
do not continue 44 -> 44, of 1322). The held-out lines at the end were written
before any fix and measured once, after the last one: 10/12.
"""

from __future__ import annotations

import pytest

from bot.policy import Decision
from tests.bot.policy.probe import as_expected, decide_en, held_out

PARTY = frozenset({"third_party", "wrong_party"})


def _as_expected(decision: Decision, family: str) -> bool:
    # "not_party": a caller's own bereavement stays as it was (handoff or hardship), never party
    if family == "not_party":
        return decision.action != "end_call" and not PARTY & set(decision.reasons)
    return as_expected(decision, family)


# (text, family) written before any fix; near misses are "neutral" (or "not_party")
OWN = [
    (
        "I'll sort the payment before Friday because after that I won't need a bank "
        "account anyway.",
        "safety",
    ),
    (
        "dont worry ill pay it off by the 20th after that i wont be needing a phone or any of this",
        "safety",
    ),
    ("ill get it paid before sunday cause after sunday i wont need a bank account", "safety"),
    (
        "I'll clear it before the end of the month, after that none of this will matter "
        "to me. Anyway I'm fine honestly.",
        "safety",
    ),
    (
        "just put it in the will, not long now, I'll pay what I can before then, anyway "
        "I'm fine honestly",
        "safety",
    ),
    (
        "i'll have it sorted before the weekend, after that i won't be around to worry about it",
        "safety",
    ),
    (
        "I'll pay before Friday because after that I'm closing that bank account and "
        "switching banks.",
        "neutral",
    ),
    ("not long now till payday, I'll sort it then", "neutral"),
    ("I'll pay it before the 20th, after that I'm away on holiday for two weeks", "neutral"),
    ("I'm on shift at the suicide helpline right now, can you call me back tomorrow?", "neutral"),
    ("im a samaritans volunteer im on shift till ten call me back tomorrow", "neutral"),
    (
        "I'm on a first aid course today, we're doing overdose response, call me back tomorrow.",
        "neutral",
    ),
    ("i'm a nurse on the overdose unit just started my shift call me back tomorrow", "neutral"),
    (
        "doing naloxone training at work learning what to do when someone overdoses ring "
        "me tomorrow",
        "neutral",
    ),
    (
        "I work nights in ICU, we had two overdoses in tonight, can you call me back "
        "tomorrow afternoon",
        "neutral",
    ),
    (
        "the cat died years ago and the vet bill went on that card, that's where it came from",
        "neutral",
    ),
    (
        "my dog passed away a few years back and the vet bills went on the credit card "
        "thats what this is",
        "neutral",
    ),
    ("that balance is from when my dad died in 2015, the funeral went on the card", "neutral"),
    ("it's from years ago when our old horse died, the vet bill went on that card", "neutral"),
    ("haha that joke absolutely killed me, anyway about the payment, can I do Friday?", "neutral"),
    ("sorry i was crying laughing at something on the telly right what do you need", "neutral"),
    ("im dead lol my son just said the funniest thing, ok go on about the bill", "neutral"),
    ("that advert killed me, I'm dying laughing. Right, the balance, what is it?", "neutral"),
    ("I nearly died laughing at my husband, anyway yes I can pay on the fifth", "neutral"),
    ("You've rung the dental surgery, how can I help?", "party"),
    ("this is a business number youve got the wrong place", "party"),
    ("Good morning, this is the front desk of the Grand Hotel.", "party"),
    ("hello youve reached the dental practice reception", "party"),
    ("you're through to Smith and Sons Plumbing, how can I help you today", "party"),
    ("I'm at the dental surgery right now, can you call me back later?", "neutral"),
    ("I work on the front desk of a hotel, I get paid on Friday so I'll pay then", "neutral"),
    ("My dad died in October, there's nobody to pay this.", "party"),
    ("my mother passed last week, I'm her daughter", "party"),
    ("he passed away in march im his son theres no one to pay it", "party"),
    ("my husband died last month, the account was in his name", "party"),
    (
        "Mum passed away in the summer, this is her phone, I'm just going through her things.",
        "party",
    ),
    ("my dad died in october and i'm struggling to pay this", "not_party"),
    ("my mother passed last week and i just can't cope with anything", "safety"),
    (
        "since my husband passed I'm struggling to keep on top of everything, he always "
        "did the bills",
        "hardship",
    ),
    (
        "my wife handled all the money and since she died im struggling to keep on top of"
        " the bills",
        "hardship",
    ),
    ("he was the earner, since he passed i just cant keep on top of everything", "hardship"),
    (
        "I lost my husband last year, he did all the money side, I'm struggling to keep "
        "up with the bills",
        "hardship",
    ),
    (
        "I'm on Centrelink and it barely covers the rent, I can't do that much a fortnight.",
        "hardship",
    ),
    ("im on universal credit it barely pays the rent i cant do that much a week", "hardship"),
    ("my pension barely covers the rent, I can't manage fifty a fortnight", "hardship"),
    (
        "on the dole mate the payment just about covers rent no way can i do that a fortnight",
        "hardship",
    ),
    ("maybe ten pound a month, that's all I've got left after the rent", "hardship"),
    ("I can pay something, just not a hundred a month, maybe twenty-five?", "hardship"),
    ("could do a fiver a week thats all i have after bills", "hardship"),
    ("i can manage about twenty a month, that's all that's left once the rent's paid", "hardship"),
    ("I can pay a hundred a month, is that ok?", "neutral"),
    ("I'll pay twenty five now and the rest on Friday", "neutral"),
    (
        "Salary is pending since two months, company is not paying, please give me some time.",
        "hardship",
    ),
    (
        "madam my salary is pending from last two months company is not giving kindly give me time",
        "hardship",
    ),
    (
        "sir salary not credited since 2 months, company not paying, please give some time",
        "hardship",
    ),
    ("Put it in writing, I'm not discussing it over the phone.", "cease"),
    ("write to me i wont talk on the phone", "cease"),
    ("send me a letter, I'm not talking about this on the phone", "cease"),
    ("just put it in writing mate i aint discussing it over the phone", "cease"),
    ("can you put it in writing as well, and I'll pay on Friday", "neutral"),
    ("send me a letter with the details please", "neutral"),
]


@pytest.mark.parametrize(("text", "family"), OWN)
def test_round15_own_lines(text: str, family: str) -> None:
    decision = decide_en(text)
    assert _as_expected(decision, family), decision


# Checked while fixing: everyday wordings near the new phrases keep their action, and risk
# said around them still hands over.
NEAR = [
    ("i'll pay it off before friday, after that i won't need to worry about it", "neutral"),
    ("after payday i won't need any help from you", "neutral"),
    ("after that i won't need a bank loan, the business is doing better", "neutral"),
    ("i won't be around to take the call tomorrow, i'm at work", "neutral"),
    ("put it in the will? no, i'll pay it myself on friday", "neutral"),
    ("after friday i won't need a bank account or anything", "safety"),
    ("ill sort it by monday, after monday i wont need any of it", "safety"),
    ("i won't be around to see it paid off, not long now", "safety"),
    ("i'm on nights at the hospital, overdose ward, ring tomorrow", "neutral"),
    ("my nursing placement ended and last night i took an overdose", "safety"),
    ("i was at work and took an overdose last night", "safety"),
    ("I called the suicide helpline last night because I wanted to die", "safety"),
    ("i work at the crisis line and i want to kill myself", "safety"),
    (
        "i'm a nurse on the overdose unit and honestly "
        "i've thought about taking an overdose myself",
        "safety",
    ),
    ("the vet bill went on the card and now i can't afford the payments", "hardship"),
    ("my husband died last month and the funeral went on the card, i can't cope", "safety"),
    (
        "my dad died years ago, the funeral went on the card, but i'm really struggling now",
        "safety",
    ),
    ("i had surgery on my knee last month, not working", "hardship"),
    ("my husband died yesterday, i'm his wife", "safety"),
    ("my mother passed last week and I'm her daughter and i just can't cope", "safety"),
    ("my dad died in october, i'm his son, and honestly i don't want to be here anymore", "safety"),
    ("my husband died last month, he did all the bills, i'm struggling", "safety"),
    ("since my husband passed i can't cope with anything", "safety"),
    (
        "since my wife died i can't keep going, i'm struggling to keep on top of everything",
        "safety",
    ),
    ("I can pay a hundred a month, that's all good", "neutral"),
    ("that's all i have to say about the rent", "neutral"),
    ("i'm not paying, the company is not paying either", "refusal"),
    ("can you send it in writing, i'll read it tonight", "neutral"),
    ("i can't talk on the phone right now i'm driving", "neutral"),
]


@pytest.mark.parametrize(("text", "family"), NEAR)
def test_near_misses_keep_their_action(text: str, family: str) -> None:
    decision = decide_en(text)
    assert _as_expected(decision, family), decision


# More wordings of the families, written while fixing (after the held-out lines were set
# aside): each must get its family's action.
MORE = [
    ("ill pay it before friday cause after that i wont need a phone", "safety"),
    (
        "I'll get it sorted by Thursday, after Thursday "
        "I won't be needing a phone or a bank account",
        "safety",
    ),
    (
        "i'll pay the lot by the end of the month, i won't be needing my bank account "
        "after that, anyway i'm fine",
        "safety",
    ),
    ("after that I won't need this phone, I'm getting a new one on contract", "neutral"),
    ("dad died in october, there's no one to pay this now", "party"),
    ("my mum's passed away, i'm her son", "party"),
    ("my father passed away in september, the loan was in his name", "party"),
    ("my husband passed in august, nobody is paying this now", "party"),
    ("mum died in june so there's no one to pay it", "party"),
    ("my brother died three weeks ago, this is his phone", "party"),
    ("this is my mum's phone, she passed away last month", "party"),
    ("hello you've reached Bright Smiles Dental, Karen speaking", "party"),
    ("good afternoon you're through to the accounts department how can i help", "party"),
    ("you've called the Royal Hotel reception", "party"),
    ("yeah this is a business number, it's a hair salon", "party"),
    ("put it in writing please, I won't talk about this over the phone", "cease"),
    ("I'm not doing this over the phone, write to me", "cease"),
    ("send it in a letter, I'm not discussing my finances on the phone", "cease"),
    ("I'm on UC, it barely covers my rent, I can't do that much a week", "hardship"),
    ("i get the aged pension and it barely covers rent, can't do fifty a fortnight", "hardship"),
    (
        "my salary is pending since 2 months sir, "
        "company is not paying me, give me some time please",
        "hardship",
    ),
    ("maybe a tenner a month, that's all I can afford after the rent", "hardship"),
    ("i can give you something but not two hundred, maybe twenty", "hardship"),
    (
        "since my wife passed i'm finding it hard to keep up with the bills, she did all that",
        "hardship",
    ),
    (
        "he handled the finances, since he passed im struggling to stay on top of everything",
        "hardship",
    ),
    (
        "lol i'm dead, my dog just fell off the sofa, sorry what were you saying about the balance",
        "neutral",
    ),
    ("i work on a suicide hotline, i'm on shift, call me back tomorrow", "neutral"),
    ("i'm an icu nurse, busy night with overdoses, call me back tomorrow", "neutral"),
    ("doing my first aid course, overdose module today, ring me tomorrow", "neutral"),
    ("the dog died years ago and the vet bills are still on this card", "neutral"),
    ("that card debt is from when my mum died in 2019, the funeral went on it", "neutral"),
]


@pytest.mark.parametrize(("text", "family"), MORE)
def test_more_wordings(text: str, family: str) -> None:
    decision = decide_en(text)
    assert _as_expected(decision, family), decision


# Held out: written before any fix of this round (one a family, new wordings), never used
# while fixing and measured once, after the last fix: 10/12 (round 16: the crisis-line line
# now passes, its xfail is gone).
HELD_OUT = [
    (
        "i'll pay the lot before the first, after that i won't need a phone or a bank or anything",
        "safety",
    ),
    (
        "I'm volunteering on the crisis line tonight, it's suicide calls mostly, ring me tomorrow",
        "neutral",
    ),
    ("we had to put the dog down years back and the vet bill went on this card", "neutral"),
    ("lmao sorry my mate just killed me with that one, yeah go on, the payment", "neutral"),
    ("you've reached the reception of Parkside Veterinary Clinic", "party"),
    ("my father died in september, i'm his daughter, there's nobody paying this", "party"),
    (
        "since my wife passed i'm struggling to keep on top of it all, she did the finances",
        "hardship",
    ),
    ("i'm on the pension and it barely covers my rent, i can't do that much a week", "hardship"),
    ("I can do maybe fifteen a month, that's all there is after the rent", "hardship"),
    (
        "sir my salary is pending since three months, company not paying, kindly give me some time",
        "hardship",
    ),
    ("write to me about it, I won't discuss it over the phone", "cease"),
    ("I'm doing a first aid course on overdose response today, call me back tomorrow", "neutral"),
]

MISSED = {
    "I can do maybe fifteen a month, that's all there is after the rent": (
        "'that's all there is after the rent' (no 'left') is not among the small-amount forms"
    ),
}


@pytest.mark.parametrize(("text", "family"), held_out(HELD_OUT, MISSED))
def test_held_out_lines(text: str, family: str) -> None:
    decision = decide_en(text)
    assert _as_expected(decision, family), decision
