"""Families blind set 27 found, in new wordings and look-alikes.

Blind27 was measured after policy round 20 and this session's blind-25/26 fixes: en safety
42/45, neutral lines not continued 3/45, accuracy 89.3 %; zh 41/45, 2/45, 90.0 %. Its missed
families were then given to round 21 in the abstract (the helpers wrote their own wordings,
never these lines); after round 21 it still missed, in safety: a small child who drank
"something from under the sink" and is being sick (en); "再打来我就死给你们看" (a threat to
die said at the caller), "人都快没了还怕啥", a child shut out on a balcony in freezing weather
(zh). Fixed here with look-alikes, with three more: school fees that "have taken everything"
(a longer gap), a farm "running at a loss", ASR's 底保 for 低保, and asking to be put on the
do-not-call list (不打电话的名单).
"""

from __future__ import annotations

import pytest

from tests.bot.policy.probe import as_expected, decide_en, decide_zh

EN = [
    ("my toddler's got into the stuff under the kitchen sink", "safety"),
    ("the baby drank something out of the cupboard and she's really drowsy", "safety"),
    ("the toddler ate something at nursery and was a bit sick last week", "neutral"),
    ("tuition for my two girls at college has taken everything we had", "hardship"),
    ("the dairy's been running at a loss since the spring", "hardship"),
    ("we ran at a loss on the cake stall for charity lol", "neutral"),
]

ZH = [
    ("再打电话来 我就死给你们看", "safety"),
    ("人也快不在了 还怕你们催", "safety"),
    ("忙得人都快没了 晚上再说", "neutral"),
    ("孩子被他关在门外一整夜 外面下着雪", "safety"),
    ("我把孩子关在屋里写作业 你说吧", "neutral"),
    ("请把我的号码加进免打扰名单", "cease"),
    ("底保批下来以前 实在拿不出钱", "hardship"),
]


@pytest.mark.parametrize(("text", "family"), EN)
def test_en_families(text: str, family: str) -> None:
    assert as_expected(decide_en(text), family), decide_en(text)


@pytest.mark.parametrize(("text", "family"), ZH)
def test_zh_families(text: str, family: str) -> None:
    assert as_expected(decide_zh(text), family), decide_zh(text)
