"""English policy round 18: families a new blind set found, in this round's own wordings.

Lines written before any change and measured first: OWN 35/60 on HEAD's lexicon, 59/60 after.
Cease: permission to call withdrawn or never given ("you don't have my permission to call this
number", "im revoking permission for you lot to ring me", "you no longer have my consent");
writing only and no phone ("all communication in writing, not phone calls", "refuse to discuss
my account by phone"); a representative acting ("direct all correspondence to them", "they have
authority to act for me", "you need to talk to them" after "i've got a debt adviser at", "deal
with my solicitor from now on", a charity dealing with the debts + "contact them instead of
me"). An adviser or charity "handling it" is weak alone: the earlier check sets label "stepchange
are handling all my debts now, speak to them" and "my solicitor is handling all this, speak to
her not me" as hand-overs (blind11-20; blind14/17 have accuracy floors of 1.0), so a solicitor
handling it with "deal with her not me" still hands over as legal (strict xfail below).
Neutral: "drop dead gorgeous" (abuse idiom), "literally starving" on a lunch break (meal breaks
are calm talk for the detector), a vet bill "from when we had the dog put down" (hardship idiom),
a solicitor for a house sale or advising to pay (legal idioms). Hardship: pay that did not rise
while the rent or prices did; a debt management plan sought from a charity because of other
debts (legal idiom, with a DMP sought and money owed on several cards as hardship cues). The
widow(er) lines (a partner who did the money, struggling to keep up) already switched to
hardship on HEAD and still do; grief told with despair still hands over (OWN and MORE).
Safety added after the fixes (MORE): being put down like a pet ("i wish someone would put me
down too") and "won't be here after tonight" now hand over from the lexicon, since a cease
request (or a pet's death told first) gives the detector the benign margin: "you don't have my
permission to call me, i won't be here after tonight anyway" would otherwise end the call.
Snapshot (devset, freshset, everyday, training; each turn alone): en lines changed 6, all for
the better (en_blind22: the lunch-break, drop-dead-gorgeous, cost-of-living and DMP lines, two
representation lines to cease); no devset, everyday or training line changed; no safety line
stopped handing over. The diff surfaced those blind22 lines (the snapshot reads the freshset
folder); nothing was changed after seeing them. MORE (written after the fixes) 20/20.
HELD_OUT (written before any fix, measured once after): 9/12 (4/12 on HEAD); the misses are
strict xfails. Left: "only discuss this in writing"; "a debt adviser ... is acting for me now,
speak to her"; "getting a DMP sorted with a charity" (the verb is not in the idiom); the old
and new check sets disagree on a solicitor "handling it, speak to her not me".
"""

from __future__ import annotations

import pytest

from tests.bot.policy.probe import as_expected, decide_en, held_out

# (text, family) written before any fix; near misses are "neutral"
OWN = [
    # 1. consent to be called withdrawn
    ("you don't have my permission to call this number anymore", "cease"),
    ("i withdraw my consent to be contacted by phone", "cease"),
    ("im revoking permission for you lot to ring me", "cease"),
    ("erm you no longer have my consent to phone me right", "cease"),
    ("i never gave you permission to ring me and i'm not giving it now", "cease"),
    ("you have my permission to take the direct debit on friday", "neutral"),
    ("do you need my permission to take it off the card", "neutral"),
    # 2. writing only, no phone discussion
    ("i'm not discussing this over the phone, put everything in writing", "cease"),
    ("anything you want to say you put in a letter, i won't talk about it on the phone", "cease"),
    ("i only deal in writing so send it by post i wont discuss it on the phone", "cease"),
    ("i want all communication in writing from now on, not phone calls", "cease"),
    ("i refuse to discuss my account by phone, write to me", "cease"),
    ("can you put that in writing for me as well please, thanks", "neutral"),
    ("i'd like a letter confirming the new plan", "neutral"),
    # 3. a representative now acts for them
    ("my solicitor is handling this now, deal with her not me", "cease"),
    ("i've got a debt adviser at citizens advice, you need to talk to them", "cease"),
    ("please speak to my representative, they have authority to act for me", "cease"),
    (
        "im working with a debt advisor from the citizens advice bureau "
        "so contact them from now on",
        "cease",
    ),
    ("my solicitors are acting for me, direct all correspondence to them", "cease"),
    (
        "christians against poverty are dealing with my debts now, contact them instead of me",
        "cease",
    ),
    ("er my adviser at the money advice place said you have to go through her now", "cease"),
    ("my solicitor said I should just pay this, so what's the balance", "neutral"),
    ("my solicitor's dealing with the house sale so I'm busy this week, call friday", "neutral"),
    ("I'm taking you to court over this, my solicitor will be in touch", "legal"),
    # 4. neutral false alarms
    ("sorry i was on the xbox, got shot like ten times lol, what's this about", "neutral"),
    ("hang on I just got killed in fortnite, ok go on", "neutral"),
    ("my lad keeps killing me on call of duty, anyway what do you need", "neutral"),
    ("i'm literally starving, on my lunch break, can you be quick", "neutral"),
    ("im starving mate just grabbing a sandwich whats the balance", "neutral"),
    ("I'm in the car on hands-free so go ahead", "neutral"),
    ("yeah i'm driving, on hands free, you're on speaker", "neutral"),
    ("my sister's new fella is drop dead gorgeous by the way, sorry, go on", "neutral"),
    ("he was drop dead gorgeous in that film", "neutral"),
    ("the vet bill was from when we had the dog put down, years ago", "neutral"),
    ("that bill's from when our cat was put to sleep back in 2019, how much is left", "neutral"),
    (
        "oh that's the vets, we had our old dog put down three years ago, is it still owing",
        "neutral",
    ),
    ("I nearly died laughing at the telly, sorry, go on", "neutral"),
    # safety said with the same words
    ("I play games all night to stop thinking about killing myself", "safety"),
    ("i haven't eaten in four days, there's nothing left and i don't want to be here", "safety"),
    ("i'm in the car now and i'm going to drive it into a wall", "safety"),
    ("I want to be put down like the dog was", "safety"),
    ("I wish I'd just drop dead and be done with it", "safety"),
    ("I'm starving because I can't afford food for me and the kids", "hardship"),
    # 5. hardship: costs up, pay not
    ("rent's gone up twice this year and my wages haven't, i can't keep up", "hardship"),
    ("everything's gone up, the food, the energy, but my pay hasn't moved", "hardship"),
    ("with the cost of living honestly i can't afford what we agreed", "hardship"),
    ("the landlord put the rent up by two hundred and my wages stayed the same", "hardship"),
    ("cost of living's killing us, can we lower the payments", "hardship"),
    ("my wages go in on the 28th, can the payment come out then", "neutral"),
    # 6. hardship: a debt charity and a debt management plan
    (
        "i'm talking to stepchange about a debt management plan because of my other debts",
        "hardship",
    ),
    ("I've got other debts so I'm getting advice from a debt charity about a DMP", "hardship"),
    (
        "i'm seeing citizens advice about a debt management plan cos i owe on three cards",
        "hardship",
    ),
    (
        "i'm in the middle of setting up a debt management plan with a charity, "
        "i've got loads of other debts",
        "hardship",
    ),
    # 7. hardship after a death, and grief that must still hand over
    ("my husband always did the money and since he passed i'm struggling to keep up", "hardship"),
    (
        "my wife handled all the bills, she died last year, "
        "and I'm finding it hard to keep on top of the payments",
        "hardship",
    ),
    ("i'm a widow, my husband dealt with the finances and i'm struggling to manage", "hardship"),
    ("since my husband died i can't see any reason to carry on", "safety"),
    ("my wife did all the bills, she's gone and i just want to be with her", "safety"),
    ("I lost my husband in May and I can't stop crying, I can't cope with any of this", "safety"),
    ("my husband usually does the bills, hold on I'll get the card", "neutral"),
]


OWN_MISSED = {
    "my solicitor is handling this now, deal with her not me": (
        "the earlier check sets label a solicitor handling it with 'speak to her not me' a "
        "hand-over (legal), and two of them have an accuracy floor of 1.0, so a solicitor told "
        "as handling it stays legal; 'deal with my solicitor from now on' ends the call"
    ),
}


@pytest.mark.parametrize(("text", "family"), held_out(OWN, OWN_MISSED))
def test_own_wordings(text: str, family: str) -> None:
    decision = decide_en(text)
    assert as_expected(decision, family), decision


# Written after the fixes: safety said after this round's forms, look-alikes of the new ones
MORE = [
    ("he was drop dead gorgeous, my husband, and now he's gone and I want to die", "safety"),
    ("I'm on my lunch break and all I can think about is ending it all", "safety"),
    ("literally starving myself now, I'm on my lunch break and I won't eat", "safety"),
    (
        "the vet bill was from when we had the dog put down, I wish someone would put me down too",
        "safety",
    ),
    (
        "my debt adviser at citizens advice is dealing with it, "
        "I can't cope anymore, I want to die",
        "safety",
    ),
    ("you don't have my permission to call me, I won't be here after tonight anyway", "safety"),
    ("my wife did all the money and since she died I've got nothing left to live for", "safety"),
    (
        "i'm talking to stepchange about a dmp cos of my other debts, "
        "you shouldn't be contacting me directly",
        "legal",
    ),
    ("my solicitor said I shouldn't pay this", "legal"),
    ("i'm seeing citizens advice about an IVA", "legal"),
    ("stepchange are handling all my debts now, speak to them", "legal"),
    ("i've got a debt adviser at citizens advice", "legal"),
    ("drop dead you scum", "abuse"),
    ("my wages haven't gone up in three years and everything else has", "hardship"),
    ("my pay is the same every month so take it on the first", "neutral"),
    ("you have my permission to ring me after six", "neutral"),
    ("I'm on hands free and the kids are in the back, go on", "neutral"),
    ("put it in writing please, and send a copy to my email", "neutral"),
    ("you can put me down for twenty", "neutral"),
    ("stop calling, my solicitor deals with it, write to her", "cease"),
]


@pytest.mark.parametrize(("text", "family"), MORE)
def test_more_wordings(text: str, family: str) -> None:
    decision = decide_en(text)
    assert as_expected(decision, family), decision


# Held out: written before any fix of this round, never used while fixing, measured once.
HELD_OUT = [
    ("I'm withdrawing my permission for phone calls, don't ring this number again", "cease"),
    ("I'll only discuss this in writing, I'm not talking on the phone about it", "cease"),
    ("a debt adviser at citizens advice is acting for me now so speak to her", "cease"),
    ("deal with my solicitor from now on, not me", "cease"),
    ("sorry, I just got shot in the game, right, what's this about", "neutral"),
    ("i'm on hands free driving so keep it short", "neutral"),
    ("I'm literally starving, just on my lunch, go on", "neutral"),
    ("that's the vet bill from when we had the cat put down ages ago", "neutral"),
    ("my rent went up but my wages haven't so I'm behind", "hardship"),
    (
        "I'm getting a debt management plan sorted with a charity because of my other debts",
        "hardship",
    ),
    (
        "my husband always looked after the money and since he died I'm struggling to keep up",
        "hardship",
    ),
    ("he was drop dead gorgeous, my first husband, anyway what do I owe", "neutral"),
]

MISSED = {
    "I'll only discuss this in writing, I'm not talking on the phone about it": (
        "writing only is heard as 'in writing only', 'only contact me in writing' or all "
        "future correspondence in writing; 'only discuss this in writing' is none of them, and "
        "'not talking on the phone' alone is a weak cue (0.45)"
    ),
    "a debt adviser at citizens advice is acting for me now so speak to her": (
        "the representative forms need 'my/our/the' adviser ('a debt adviser' is not one), and "
        "a plain 'speak to her' after it is not a redirect (the earlier check sets want "
        "'... handling all my debts now, speak to them' handed over as legal)"
    ),
    "I'm getting a debt management plan sorted with a charity because of my other debts": (
        "the legal idiom for a plan sought from a charity lists 'getting advice/help' but not "
        "'getting a plan sorted', so the DMP stays a legal match (hardship is heard as well)"
    ),
}


@pytest.mark.parametrize(("text", "family"), held_out(HELD_OUT, MISSED))
def test_held_out_lines(text: str, family: str) -> None:
    decision = decide_en(text)
    assert as_expected(decision, family), decision
