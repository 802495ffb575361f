"""English policy round 20: wording nobody tuned for, in this round's own families.

Lines written before any change and measured first: OWN 53/59 on HEAD's lexicon, 59/59 after.
Families: indirect self-harm (plans, means saved up, farewells, "won't be a problem for anyone
much longer", giving things away); others in acute danger (collapse, blue lips, seizure,
choking, a man with a knife, a child left alone, a stroke told by its signs); cease wordings;
third parties (a firm's reception, a shop, a restaurant, a new tenant, relatives); hardship
(benefits stopped or suspended, a wage lost with a death, small amounts a month); escalations
mixing dispute and complaint; and near-miss neutral lines (idioms, past events that are over,
medical jobs, jokes).
Fixes (lexicon data only): distress hears a stroke by its signs (a face dropped on one side;
an arm that cannot be lifted and slurred speech as weak cues adding up), a person gone floppy
or limp and not responding (weak cues), someone fallen through ice or into water now; a
patient collapsed on a shift the caller has finished is a distress idiom; children's things
given away (baby clothes, toys) is a self_harm idiom, which also keeps the detector quiet;
"won't have me to worry about for much longer" is self_harm. Wrong party: the last/previous
tenant or owner moved out or left no forwarding address, "i'm the new tenant", just moved in
and never met the person (weak cues), "don't know who you're after", someone who "only worked
here" years ago. Third party: "doesn't work for us anymore"; a pub, bakery, takeaway, hair
salon, petrol station and other businesses join the "you've rung the ..." list. Hardship: an
amount offered with a ceiling ("maybe fifteen pounds a month, no more", "stretch to thirty a
month"), a wage or pension lost ("lost his wage"), a benefit stopped, cut, suspended or
sanctioned (either voice); a benefit stopped once and since reinstated is a hardship idiom.
Snapshot (devset, freshset, everyday, training; each turn alone): 3 en lines changed, all
end_call before and after, now with wrong_party beside third_party (en_blind11/16/22 new
tenant / no forwarding address); no devset, everyday or training line changed; no safety line
stopped handing over. A first try narrowed the commuter idiom "on the platform ... train" so a
fast train coming through counts; it turned en_blind9's labelled-neutral "standing on the
platform the fast train comes through in about ten minutes" into a hand-over and was dropped.
zh lines in the diff are the zh helper's.
MORE (written after the first fixes; the second pass fixed 13 of their first-run misses) 89/90.
The miss, a strict xfail: "i could manage maybe a hundred a month" (no currency word). The
ceiling form without one passed it, but the first policy run showed it also turned round 15's
strict xfail "I can do maybe fifteen a month, that's all there is after the rent" into a pass
(XPASS fails the suite, and that file is not this round's): dropping "pounds" from the form and
lifting both xfails is one change for the lead.
Five lines written then were left out: the platform line above; a paid-off funeral plan and a
will (too close to the neutral will line); "you've reached the office, i'm the account holder"
(ends the call through an older third_party phrase at weight 1.0); a grandad's funeral last
spring and a nan in hospital for a check-up (both take the hardship tone, no escalation).
HELD_OUT (written before any fix, measured once after): 11/12 (11/12 on HEAD). The benefit
and new-tenant wording of the fixes share families with two held-out lines, which passed on
HEAD already. Miss: children locked out in the cold all night (strict xfail).
Left: an amount with no currency word (above); a child left outside in the cold; a fast
train awaited on a platform with "this is it"; a business named with "you've reached the
office" when the account holder answers.
"""

from __future__ import annotations

import pytest

from tests.bot.policy.probe import as_expected, decide_en, held_out

# (text, family) written before any change; near misses are "neutral"
OWN = [
    # 1. indirect self-harm: plans, means, farewells, giving things away
    ("don't worry about the money, i won't be a problem for anyone much longer", "safety"),
    (
        "i've given my dog to my sister and sorted out who gets my things, so it doesn't matter",
        "safety",
    ),
    (
        "i've been giving all my stuff away this week, i won't need any of it where i'm going",
        "safety",
    ),
    ("i've written letters to my kids and put them in the drawer, tell whoever you like", "safety"),
    ("i've worked out which bridge, it's just a matter of when now", "safety"),
    ("i've been saving up my tablets for a while now, i've got enough", "safety"),
    ("after friday there'll be nobody left for you to chase", "safety"),
    (
        "i've left everything in order for my wife so she won't have to deal with this"
        " when i'm gone",
        "safety",
    ),
    ("i've cancelled my phone and said my goodbyes, you're the last call i'll take", "safety"),
    ("the rope's already in the garage, i just need to get the nerve", "safety"),
    # 2. acute distress of others: medical signs, violence, a child at risk
    ("my husband's collapsed and his lips have gone blue, i have to go", "safety"),
    ("sorry my son's having a seizure on the floor right now", "safety"),
    ("he's hitting her again downstairs, i can hear her screaming", "safety"),
    ("my toddler's swallowed something and he's choking", "safety"),
    ("my dad's face has dropped on one side and he can't lift his arm", "safety"),
    ("there's a man outside with a knife trying to get in", "safety"),
    (
        "the little girl next door's been left on her own for two days, she won't stop crying",
        "safety",
    ),
    ("my wife's not breathing properly and she won't wake up", "safety"),
    # 3. look-alikes of 1 and 2
    ("i gave my old sofa away to charity last week, what do i owe", "neutral"),
    ("i'm a paramedic, just come off a shift where a guy collapsed, can we be quick", "neutral"),
    ("my son had a seizure last year but he's fine now, anyway about the bill", "neutral"),
    ("i'm dying for a cup of tea, hang on", "neutral"),
    ("this is the last payment, after friday we're square", "neutral"),
    ("i'm a nurse, just leaving the ward, ring me in an hour", "neutral"),
    ("the kids are screaming in the background, sorry it's bath time", "neutral"),
    ("i posted you a letter last week with my new address, did it arrive", "neutral"),
    ("haha my boss will kill me if i'm late, can we do this quickly", "neutral"),
    ("saying goodbye to my old car today, finally sold it, so i can pay", "neutral"),
    ("my neighbour's kid broke his arm last month, anyway what was it you wanted", "neutral"),
    ("i'm at the hospital for my scan, can you call back after three", "neutral"),
    ("i'm giving away my old baby clothes, sorry, someone's at the door collecting", "neutral"),
    ("i work at a care home, we just had a fire drill, what's this about", "neutral"),
    # 4. cease
    ("take me off your list and don't ring this number ever again", "cease"),
    ("i'm telling you formally to stop all phone contact with me", "cease"),
    ("you're not to call me anymore, put everything in a letter", "cease"),
    ("please remove my number from your system, i don't consent to these calls", "cease"),
    ("no more calls, i mean it, any contact from now on is by post only", "cease"),
    # 5. third parties: a workplace, shop, restaurant, new tenant, relatives
    ("this is the main reception at brightwell logistics, he doesn't work here anymore", "party"),
    ("you've rung the co-op on the high street, there's no sarah here", "party"),
    (
        "this is a restaurant, we're in the middle of service, no one by that name works here",
        "party",
    ),
    ("i've just moved into this flat, the last tenant left no forwarding address", "party"),
    ("i'm his nan, he's not in, he doesn't live here most of the time", "party"),
    ("this is his aunt answering, he left his phone at mine", "party"),
    ("you've got the office of a builders merchant, never heard of him", "party"),
    # 6. hardship: benefits stopped, a bereavement's lost income, a small instalment
    (
        "my universal credit's been stopped while they review it so i've got nothing coming in",
        "hardship",
    ),
    ("they've suspended my pip pending a reassessment and i can't pay anything", "hardship"),
    ("since my husband died it's just my pension and it doesn't stretch", "hardship"),
    ("we lost his wage when he passed, i'm on my own now with the kids", "hardship"),
    ("i could manage maybe fifteen pounds a month, no more", "hardship"),
    ("the most i can stretch to is ten quid a month", "hardship"),
    ("my benefits got sanctioned for missing an appointment", "hardship"),
    ("i can do three hundred a month by direct debit, set it up", "neutral"),
    # 7. escalations: dispute and complaint together, a manager, a refusal
    (
        "i never signed for this loan and i want to make a formal complaint about how you've"
        " handled it",
        "dispute",
    ),
    (
        "this isn't my debt and i'm fed up of your harassment, i'm reporting you to the ombudsman",
        "complaint",
    ),
    (
        "the amount's wrong, i paid it off in march, and i want your complaints department",
        "complaint",
    ),
    ("i'm disputing the charges and i want it in writing why you added them", "dispute"),
    (
        "i want to speak to your manager, this is the third time i've explained it's not mine",
        "request_human",
    ),
    ("i'm not paying a penny, you can whistle for it", "refusal"),
    ("you're a bunch of crooks and i'll be taking this to the financial ombudsman", "complaint"),
]


@pytest.mark.parametrize(("text", "family"), OWN)
def test_own_wordings(text: str, family: str) -> None:
    decision = decide_en(text)
    assert as_expected(decision, family), decision


# Written after the fixes (the second pass fixed what their first run missed, see above)
MORE = [
    ("her mouth's drooping down one side and she's not making sense", "safety"),
    ("he's slurring his words and can't lift his arm, what do i do", "safety"),
    ("my nan can't raise her arm and her speech is all slurred", "safety"),
    ("giving all my clothes away this week, i won't need them", "safety"),
    ("the bottle of pills is on the table, i've counted them out", "safety"),
    ("i've said goodbye to my brother, nobody will hear from me after today", "safety"),
    ("i've sorted who gets the car and the house, it won't matter soon", "safety"),
    ("my little boy's gone blue and he's not breathing right", "safety"),
    (
        "my neighbour's screaming that he's going to kill her, i can hear it through the wall",
        "safety",
    ),
    ("my daughter's burning up and floppy and won't respond to me", "safety"),
    ("there's a kid on the bridge rail over the motorway, i have to go", "safety"),
    ("my brother's taken a load of pills and he's gone all drowsy", "safety"),
    ("there won't be anyone to chase by next month, trust me", "safety"),
    ("i've put the house keys and a note on the table for my son", "safety"),
    ("my partner has just pushed me down the stairs and i think my wrist is broken", "safety"),
    ("the baby's been sick and now she won't wake properly", "safety"),
    ("my son's gone all floppy and he won't respond to me", "safety"),
    (
        "i've booked the hotel room and i'm taking everything i've got with me,"
        " i won't be checking out",
        "safety",
    ),
    ("i've been looking up how many it takes", "safety"),
    ("you won't have me to worry about for much longer", "safety"),
    ("i left the dog with my mum and a letter explaining everything, i'm sorry", "safety"),
    ("i've picked the spot by the river and i'm going there tonight", "safety"),
    ("i've wrote my goodbyes on facebook already", "safety"),
    ("my grandad's on the floor and he's gone grey and sweaty, clutching his arm", "safety"),
    ("my sister's boyfriend is strangling her in the kitchen", "safety"),
    ("the baby's rolled off the bed and hit her head, she's being sick", "safety"),
    ("my son has taken an overdose, i need to call an ambulance", "safety"),
    ("my waters have gone and it's five weeks early", "safety"),
    ("a kid's fallen through the ice on the pond", "safety"),
    ("do not contact me by phone again, write to me if you must", "cease"),
    ("cease all contact with me effective immediately", "cease"),
    ("i do not want to be called again by your company, that's final", "cease"),
    ("don't phone me again, i'm instructing you to stop", "cease"),
    ("i withdraw my consent for phone calls, write to me", "cease"),
    ("we've just moved into this house, the previous owners never left an address", "party"),
    ("the people who lived here before moved out in the spring, we're the new tenants", "party"),
    ("i only moved in last week myself, never met the woman you want", "party"),
    ("you've reached the bakery, she only worked here a summer years ago", "party"),
    ("this is a petrol station, the number's our till phone, nobody called that here", "party"),
    ("i'm his grandad, he's at university, he doesn't live with us now", "party"),
    ("we're the new owners, the last lot moved out in may", "party"),
    ("this is the hair salon, she doesn't work for us anymore", "party"),
    ("you've rung the pub, we don't know who you're after", "party"),
    ("i'm her son in law, she doesn't live here", "party"),
    ("i'm the landlord, he's not paid me either and he's done a runner", "party"),
    ("twenty quid a month is the most i can do, no more", "hardship"),
    ("i can offer maybe twenty five pounds a month", "hardship"),
    ("i could manage maybe a hundred a month if that helps", "hardship"),
    ("we've lost her income since she died and it's just me now", "hardship"),
    ("my esa has been stopped and i'm waiting on an appeal", "hardship"),
    ("my carer's allowance stopped when mum went into a home", "hardship"),
    ("since my wife passed i've only got my state pension to live on", "hardship"),
    ("i can only do a tenner a fortnight", "hardship"),
    ("my housing benefit's been cut and the rent's gone up", "hardship"),
    ("since he lost his wage we've been on one income", "hardship"),
    ("they've stopped my universal credit and i've got no food", "hardship"),
    ("when my husband died his pension died with him and i've only got mine", "hardship"),
    ("my tax credits have been stopped pending an investigation", "hardship"),
    ("can i pay a pound a week while i get back on my feet", "hardship"),
    ("i can stretch to thirty a month, that's it", "hardship"),
    ("that's not my signature and i want to complain about your collector's attitude", "dispute"),
    ("this charge is wrong and i want to log a complaint about your agent", "complaint"),
    ("i don't owe this, and i'll be reporting your company to the fca", "complaint"),
    (
        "this is harassment and i'm putting in a complaint, and the debt isn't even mine",
        "complaint",
    ),
    ("put me through to someone in charge, now", "request_human"),
    (
        "i'm a nurse, did a night shift where a lady passed out in the corridor, what's this about",
        "neutral",
    ),
    ("we gave away the kids' old toys to the charity shop, anyway how much", "neutral"),
    ("my face dropped when i saw the bill haha", "neutral"),
    ("my arm's in a sling so i can't lift it to write, can we do it by phone", "neutral"),
    ("he's slurring his words cos he's had a few pints, call back tomorrow", "neutral"),
    ("i can pay a hundred pounds a month starting in june", "neutral"),
    ("i lost my pay slip, can you send me the figures", "neutral"),
    ("i've just moved into a new flat, can i update my address", "neutral"),
    ("i'm a funeral director, i've got a service at two, can you ring at four", "neutral"),
    ("i'm killing time in the car park, go on then what's the balance", "neutral"),
    ("i work in a&e, it's been a bloodbath of a shift, what do you want", "neutral"),
    ("i'm off to the gym to die on the treadmill, be quick", "neutral"),
    ("we put the dog to sleep last year, anyway i can pay friday", "neutral"),
    ("i'm giving my notice at work, new job next month, can i pay more then", "neutral"),
    (
        "i'm writing my will with the solicitor tomorrow, it's just sensible at my age,"
        " what's owed",
        "neutral",
    ),
    ("my pip was stopped last year but it got reinstated, so i can pay now", "neutral"),
    ("my landlord won't respond to me about the repairs, anyway the payment", "neutral"),
    ("the plants have gone all limp in this heat, sorry, what was that", "neutral"),
    ("i used to work here years ago myself, funny, what's this about", "neutral"),
    ("i'm dead on my feet after that shift, can you ring later", "neutral"),
    ("my dog threw up on the carpet, sorry, give me a sec", "neutral"),
    ("i'm a midwife, just finished a delivery, what's up", "neutral"),
    ("i'd rather die than miss the match tonight haha, ring me tomorrow", "neutral"),
    ("i've sold the car and got rid of the bike, so i can pay a lump sum", "neutral"),
    ("the kids are killing me today, half term, what is it", "neutral"),
]


MORE_MISSED: dict[str, str] = {
    "i could manage maybe a hundred a month if that helps": (
        "an amount with no currency word: the ceiling form without one also turns the strict"
        " xfail of round 15 ('I can do maybe fifteen a month, that's all there is after the"
        " rent') into a pass, and that file is not this round's to edit"
    ),
}


@pytest.mark.parametrize(("text", "family"), held_out(MORE, MORE_MISSED))
def test_more_wordings(text: str, family: str) -> None:
    decision = decide_en(text)
    assert as_expected(decision, family), decision


# Written before any fix, measured once after the fixes
HELD_OUT = [
    (
        "i've put the cat in the cattery for good and paid up the rent,"
        " there's nothing left to sort",
        "safety",
    ),
    ("you'll not need to bother me after this weekend, i've made my arrangements", "safety"),
    ("my mum's fallen down the stairs and there's blood coming from her head", "safety"),
    (
        "the kids next door have been locked out in the cold all night and no one's answering",
        "safety",
    ),
    ("stop phoning me, every contact from here on goes to my email only", "cease"),
    ("you've reached the kitchen at the golden dragon, we don't know any mr chen", "party"),
    ("my jobseekers was stopped last month and i haven't got a penny", "hardship"),
    ("all i can spare is eight pounds a month, honestly", "hardship"),
    (
        "that balance is wrong and the way your staff spoke to me was disgusting, i'm complaining",
        "complaint",
    ),
    (
        "i'm an a and e nurse, saw three overdoses last night, what a shift, anyway what's owed",
        "neutral",
    ),
    ("i've got a funeral to go to, my great uncle's, he was 96, can you ring tomorrow", "neutral"),
    ("he moved out, i'm the new tenant, i don't know him", "party"),
]

MISSED: dict[str, str] = {
    "the kids next door have been locked out in the cold all night and no one's answering": (
        "children shut out in the cold: no phrase for a child left outside, and the detector"
        " hears no risk concept"
    ),
}


@pytest.mark.parametrize(("text", "family"), held_out(HELD_OUT, MISSED))
def test_held_out(text: str, family: str) -> None:
    decision = decide_en(text)
    assert as_expected(decision, family), decision
