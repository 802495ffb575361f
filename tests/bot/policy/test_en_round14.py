"""English policy round 14: families a new blind set found, in this round's own wordings.

A blind set measured after round 13 found English lines the phrase families missed or
escalated. This round's lines were written before any change and measured first: 18/48
passed before it (safety 4/5, dispute 1/3, legal 3/3, hardship 2/12, cease 1/5, party 0/3,
neutral 7/17; one line first written as a near miss, "you can stop the calls now, i've paid
it", is a cease request and counted so), 48/48 after. Safety: a recurring thought at a place
of danger, the place and the thought together ("some mornings i stand on the bridge on my way
to work and think about stepping off"; "letting go of the railing" is no longer a benign
idiom, stepping off a bus or a committee is one). Dispute: a chargeback raised, contesting
every cent. Legal: bankruptcy as ASR splits it ("bank ruptcy", "bankrupcy"). Hardship: a
pension that barely covers the rent; school fees that took everything (said politely, with
"kindly give me till"); "really struggling" with money or paying is money, not despair (a
distress idiom, checked with many everyday wordings; "really struggling, i can't cope" still
hands over), struggling with the phone or the line is neither. Cease: "stop/enough/knock it
off with the calls". Party: Jamaican patois "him nuh live here no more, he move out last
year". Neutral: a lawyer who is a relative's job giving ordinary advice ("my cousin is a
lawyer and he said always ask for a reference number"), jury duty at a court, any funeral
attended with a call back asked, watching the boats or thinking about work on a bridge or a
platform (the detector's calm class). Freshset and devset: 11 lines changed, all toward their
expected action (3 of them stopped handing over: a money-struggle hardship line and two
neutral legal false alarms; no safety line changed); neutral lines that escalate 45 -> 42
(of 1277). The held-out lines at the end were written before any fix and measured once,
after the last one: 12/12.
"""

from __future__ import annotations

import pytest

from tests.bot.policy.probe import as_expected, decide_en

# (text, family) written before any fix; near misses are "neutral"
OWN = [
    (
        "Some mornings I stand on the bridge on my way to work and think about stepping off.",
        "safety",
    ),
    (
        "most nights i stand on the platform and think "
        "about just stepping off in front of the train",
        "safety",
    ),
    ("sometimes i go up to the cliff near us and think about going over", "safety"),
    ("every day on the bridge i think about letting go of the railing", "safety"),
    ("I often stand by the ledge at the car park and think about jumping", "safety"),
    ("I've raised a chargeback with my bank and I'm contesting every cent of this.", "dispute"),
    ("ive done a charge back with the bank im contesting every penny of it", "dispute"),
    ("my bank is doing a chargeback on that payment, I dispute all of it", "dispute"),
    ("i filed for bank ruptcy last month you shouldnt even be calling me", "legal"),
    ("I went bankrupt last month, you shouldn't even be calling.", "legal"),
    ("um i declared bankrupcy in march so you shouldnt be ringing me", "legal"),
    ("My pension only comes at the end of the month and it barely covers the rent.", "hardship"),
    ("me pension only comes end of the month and it barely covers me rent", "hardship"),
    ("the pension just about pays the rent and nothing else", "hardship"),
    (
        "Sorry madam, this month the school fees took "
        "everything, kindly give me till end of next month.",
        "hardship",
    ),
    (
        "sorry sir the school fees have taken all my "
        "money this month kindly allow me till next month end",
        "hardship",
    ),
    (
        "madam please the children's school fees finished my "
        "salary kindly bear with me till month end",
        "hardship",
    ),
    (
        "Is there some kind of help plan or something, cause I'm really struggling with money.",
        "hardship",
    ),
    ("im really struggling to pay at the moment is there anything you can do", "hardship"),
    ("honestly I'm struggling with money right now, can we lower the payments", "hardship"),
    ("we are really struggling financially since my hours got cut", "hardship"),
    ("im struggling to make ends meet really struggling", "hardship"),
    ("been really struggling with the bills lately, any payment plan", "hardship"),
    ("Yeah you can stop with the calls now.", "cease"),
    ("enough with the calls alright", "cease"),
    ("knock it off with the calls mate", "cease"),
    ("just quit it with the phone calls", "cease"),
    ("him nuh live here no more, he move out last year", "party"),
    ("she nuh live yah again she move out from last year", "party"),
    ("Him don't live here no more, him gone since last year.", "party"),
    (
        "My cousin is a lawyer and he said always ask for a reference number, so can I have one?",
        "neutral",
    ),
    (
        "my brother in law is a solicitor he says get a reference number so whats the reference",
        "neutral",
    ),
    (
        "my daughter works as a lawyer, she told me to write down your name, whats your name",
        "neutral",
    ),
    ("I'm at my grandmother's funeral today, can you call back tomorrow?", "neutral"),
    ("at my nans funeral right now call me back tomorrow please", "neutral"),
    ("we are burying my uncle today please call me tomorrow", "neutral"),
    ("I was at the court all day for jury duty, that's why I missed your call.", "neutral"),
    ("had jury duty all week at the crown court sorry i missed your calls", "neutral"),
    ("I stand on the bridge every morning on my way to work and watch the boats.", "neutral"),
    ("some mornings i stand on the platform and think about work", "neutral"),
    ("i used to think about going over the cliff path on holiday its lovely", "neutral"),
    ("I'm really struggling with this new phone, can you speak up", "neutral"),
    ("struggling to hear you, the line's bad", "neutral"),
    ("my pension comes at the end of the month, I'll pay then", "neutral"),
    ("school fees are due this month but I'll still pay on Friday", "neutral"),
    ("you can stop the calls now, I've paid it", "cease"),
    ("my bank said the payment went through this morning", "neutral"),
    ("he lives here, hold on I'll get him", "neutral"),
]


@pytest.mark.parametrize(("text", "family"), OWN)
def test_round14_own_lines(text: str, family: str) -> None:
    decision = decide_en(text)
    assert as_expected(decision, family), decision


# Everyday ways of saying money is hard with "struggling" (written while fixing): hardship,
# never safety on their own; with a word of despair they still hand over.
STRUGGLING = [
    ("i'm really struggling with money at the moment", "hardship"),
    ("really struggling to pay this month", "hardship"),
    ("we're really struggling, money's so tight", "hardship"),
    ("honestly really struggling with the bills since my partner left", "hardship"),
    ("im proper struggling with me rent", "hardship"),
    ("things are tight im really struggling to make the payments", "hardship"),
    ("i'm really struggling financially right now", "hardship"),
    ("really struggling to afford food and this payment", "hardship"),
    ("I've been struggling to pay since I lost my job", "hardship"),
    ("money's been really tight and I'm really struggling, can we do a smaller amount", "hardship"),
    ("im really struggling with money and i cant cope anymore", "safety"),
    ("really struggling with money and honestly i dont want to be here anymore", "safety"),
    ("im really struggling, i cant cope", "safety"),
    ("im really struggling mentally", "safety"),
    ("really struggling with the bills and i just want to end it all", "safety"),
    ("im really struggling to hear you sorry", "neutral"),
    ("really struggling with this website, the login won't work", "neutral"),
    ("some mornings i think about stepping off the bus a stop early to walk", "neutral"),
    ("i'm thinking about stepping off the committee at work", "neutral"),
    (
        "every morning i stand on the platform and think about jumping in front of the train",
        "safety",
    ),
    ("sometimes on the roof i think about just letting myself fall", "safety"),
]


@pytest.mark.parametrize(("text", "family"), STRUGGLING)
def test_struggling_with_money_is_hardship(text: str, family: str) -> None:
    decision = decide_en(text)
    assert as_expected(decision, family), decision


# Held out: written before any fix of this round (one a family, new wordings), never used
# while fixing and measured once, after the last fix: 12/12.
HELD_OUT = [
    ("some nights i stand at the edge of the roof and think about going over", "safety"),
    ("I've put a chargeback in with my card company, I'm fighting every penny", "dispute"),
    ("im going bank rupt i was declared last week you shouldnt be phoning me", "legal"),
    ("my pension arrives at month end and it hardly covers the rent", "hardship"),
    (
        "sorry sir school fees have consumed everything kindly give me up to next month end",
        "hardship",
    ),
    ("to be honest im struggling money wise is there like a hardship thing", "hardship"),
    ("pack it in with the calls now", "cease"),
    ("dem nuh live ya again dem move out long time", "party"),
    ("my uncle's a solicitor, he said to ask for a reference, can I get one", "neutral"),
    ("im at my grandads funeral today ring me tomorrow", "neutral"),
    ("I had jury service at the court today, sorry I missed you", "neutral"),
    ("I'm struggling with the app, it won't log me in", "neutral"),
]


@pytest.mark.parametrize(("text", "family"), HELD_OUT)
def test_held_out_lines(text: str, family: str) -> None:
    decision = decide_en(text)
    assert as_expected(decision, family), decision
