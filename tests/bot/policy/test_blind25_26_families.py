"""Families blind sets 25 and 26 found (measured before these fixes), in new wordings.

Blind25 at the start of the session (before policy round 20): en safety 44/45, zh 43/45;
blind26 after round 20: en 44/45, zh 43/45. The safety misses fixed here, by family: a fall
with a head bleeding or the person no longer answering; a child out on a roof ledge while
nobody is home (read as "nobody's home": a third party, ending the call); a relative pushed
down the stairs and lying still (把我妈推下楼梯 她一动不动); a child fallen into a pond said
in dialect (幺儿 掉到堰塘); a bare 不活了 ("老子不活了 这下你们满意了吧" was heard only by
the statistical detector, and not over the rest of the line); "if anything happens to me,
don't go to my parents for the money" (两个弱线索合起来). Also: a hospital stay or operation
that is over, said as the past, is not a hardship; choosing between food and heating, a wage
short of the bills, a crop sold below cost; a new tenant or a business line answering; "stop
call me"; "you lot are absolute parasites"; post only, "电话就免了"; and a miss noted in an
earlier session: "you do not have permission to call me, please stop" (no "my") continued.
Each family keeps near misses that must stay as they were.
"""

from __future__ import annotations

import pytest

from tests.bot.policy.probe import as_expected, decide_en, decide_zh

EN = [
    ("dad took a nasty fall in the garden and he's not talking to me", "safety"),
    ("there's blood pouring out of his head after he slipped on the stairs", "safety"),
    ("my nan had a fall last spring but she's right as rain now", "neutral"),
    ("the bank is not answering me so i'm ringing you instead", "neutral"),
    ("the little girl from upstairs is on the window ledge and her mum's out", "safety"),
    ("the kids are up on the roof terrace having a barbecue", "neutral"),
    ("i was in the hospital in march for my gallbladder but i'm fine now", "neutral"),
    ("i was in hospital for a month and i'm better now but i lost my job over it", "hardship"),
    ("the medical bills from the accident are all paid off so what's left here", "neutral"),
    ("it's heating or eating in this house at the moment", "hardship"),
    ("my wages barely cover the rent each month", "hardship"),
    ("please stop ring me at work", "cease"),
    ("you are all absolute vultures", "abuse"),
    ("you do not have permission to call me, please stop", "cease"),
    ("your company never had consent to phone this number", "cease"),
    ("we don't have permission to call you back after six here", "neutral"),
]

ZH = [
    ("我老公把我婆婆推倒了 她躺在地上不动了", "safety"),
    ("爷爷从楼梯上滚下来了 现在一动不动", "safety"),
    ("他一动不动地坐着看电视呢 你说吧", "neutral"),
    ("我家娃儿掉到河里了 我先挂了", "safety"),
    ("我儿子手机掉到河里了 所以换了号", "neutral"),
    ("我真不活了 你们爱咋咋地", "safety"),
    ("累得半死不活的 刚下班", "neutral"),
    ("要是我出了什么事 你们千万别去找我老婆要钱", "safety"),
    ("你们别去找我爸妈要钱 他们年纪大了", "neutral"),
    ("我妈前年做了搭桥 早就出院了 你说还多少", "neutral"),
    ("今年苹果收购价太低 卖了还亏本", "hardship"),
    ("老王早就搬走了 我是刚搬进来的", "party"),
    ("这里是超市的座机 你要找谁", "party"),
    ("有事给我写信吧 电话就不用打了", "cease"),
]


@pytest.mark.parametrize(("text", "family"), EN)
def test_en_families(text: str, family: str) -> None:
    assert as_expected(decide_en(text), family), decide_en(text)


@pytest.mark.parametrize(("text", "family"), ZH)
def test_zh_families(text: str, family: str) -> None:
    assert as_expected(decide_zh(text), family), decide_zh(text)
