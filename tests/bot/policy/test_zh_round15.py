"""Mandarin policy round 15: families a new blind set found, in this round's own wording.

The blind set's lines were never seen; its missed families were given in the abstract. Fixes are
phrase families (most need both halves of a cue), idioms that take a reading back when an
ordinary context is said with it, and three Cantonese normalisations:

1. safety (self_harm.yml): ASR's homophones of 遗书 that cannot be replaced everywhere (一书 is
   also 一书包, 第一书记): 一书/宜书/依书/意书/易书 + 写好/写完/留下, 写了(一)封 + 一书/遗书, the
   note + 枕头/抽屉/床垫 (疑书, 移书 were already normalised), and a note + 钱的事就这样 (both
   halves; "钱的事就这样吧 下周还清" stays neutral); idioms 一书包/一书架/第一书记...;
2. safety (self_harm.yml): 故意 + 往/朝/冲向 + 护栏/桥墩/大货车..., the same said with 故意 after
   it, 护栏/桥墩/货车 ... 差一点 + 就成了/成功, and 下次/下回 + 不踩刹车 (idioms: a driving
   instructor's 下次不踩刹车);
3. escalate (request_human.yml): 转/找/要 + 人公/仁工/人功/仁功, and 人公/仁工 + 服务/客服; idioms
   keep 主人公, 个人公积金/公司, 个人功劳, 个人工作室 and 人工费/人工成本/人工湖 (a pre-existing
   false alarm) out. Only idioms of two characters or more: ASR drops spaces, so "转人工 钱下周还"
   reaches the matcher as 转人工钱下周还;
4. escalate (refusal.yml): 咋 is normalised to 怎么 (咋整 to 怎么办) before matching, so the old
   phrase 爱咋咋地 never matched: 爱 + 怎么/怎样 ... 怎么/怎样 (爱咋咋地, 爱咋整咋整, 爱咋地咋地),
   爱找谁找谁/爱告哪告哪, 一分/一个子 ... 不带 + 还/给, 我 ... 不带还的, 能把我怎么样; idioms:
   不带还价/还嘴, and "爱咋咋地 / 随便你们 / 能把我咋地" followed by a dated promise (钱我下周还);
5. hardship (common.yml, hardship.yml): 执笠/执咗笠 -> 倒闭, 迟啲 -> 晚点; 冇工开/冇嘢做, 冇人出粮,
   冇开工 + a long time (0.6), no work + 晚点先还 (both halves);
6. hardship (hardship.yml, distress.yml): 早产/新生儿科/NICU, a baby in a 保温箱 (not a takeaway
   box), 押金/医药费 都是借的, a medical word ... + 钱全砸进去了 (alone 0.45); a distress idiom
   takes
   back 进了ICU when the turn goes on about its cost (钱全砸进去, 押金, 一天好几千): the cost of an
   illness, not an emergency under way. Idioms: 押金退回来了, working in a 新生儿科/ICU, a friend's
   parent's death;
7. party (third_party.yml): someone else says the account holder died: 去世了 ... 去年/前年 ...
走的,
   (他)人已经没了/不在了, 你找的那个人已经没了, 去年就去世了, 已经去世了, 人都走了 + a length of
   time. The idiom that keeps a debtor's own bereavement as hardship now takes any close relative
   (我奶奶, 我舅舅, 我老公人已经没了) with only time words or adverbs between relative and death,
   so "机主是我舅舅 他去年去世了" stays third party; a boss's or colleague's death is not one;
8. neutral (distress.yml): a medical worker's patient who did not make it: a job or shift word only
a
   worker says of themself (我是护士, 当医生, 我是120的, 下夜班, 我值班, 我们科) ... 病人 +
   没抢救过来/没救回来/没挺过来/走了, or a counted patient (有个病人, 一个病人). Words a relative
   says too are left out: "医生说病人没抢救过来 那是我爸", "值班医生说", "我跟车去的医院" (and
   出车, which is also in 出车祸) still hand over.
No concept class, detector example or training line changed.

Measured before any change (HEAD f1137f9): FIXING 17/41, LOOK_ALIKES 21/24 (the 人工费, 押金退回来,
friend's father false alarms); after: 41/41, 24/24, EXTRA_LOOK_ALIKES 53/53 (checked while fixing,
with a second batch of
the families' wordings written after the first fixes).
Freshset (all files) and devset, decided action before/after (automated, lines unread): no line
changes its action; 7 lines change tags only (6 safety lines that hand over gain `refusal` from
爱怎样就怎样-type wording, 1 hardship line gains `promise_to_pay` from 迟啲 -> 晚点). The 470
everyday lines: no change.

HELD_OUT (12 lines over the families) was written before any fix in other wordings: 4/12 at HEAD,
10/12 after the last fix; the misses are strict xfails with their reasons.
"""

from __future__ import annotations

import pytest

from tests.bot.policy.probe import as_expected, decide_zh, held_out

# Written for fixing (measured before any change: 17/41): (text, expected family)
FIXING = [
    ("一书我已经写好了 放在枕头下面 钱的事就这样吧", "safety"),
    ("我写了封移书 压在枕头底下了 钱的事就这样吧", "safety"),
    ("疑书我写完了藏在抽屉里 你们以后别打了", "safety"),
    ("那个遗书我放抽屉里了 钱的事就这样吧", "safety"),
    ("嗯 一书写好了 在枕头下 钱的事就这样吧 不说了", "safety"),
    ("昨天开车我故意往护栏上撞 差一点 下次我不踩刹车了", "safety"),
    ("上礼拜我故意往桥墩上开 差一点就成了 下次不踩刹车了", "safety"),
    ("开车的时候我故意朝大货车冲过去 最后还是踩了刹车 下回不踩了", "safety"),
    ("那天我把车往护栏上开 故意的 差一点就没了", "safety"),
    ("我故意往大货车上开的 差一点 下次就不踩刹车了", "safety"),
    ("我要找人公", "request_human"),
    ("转仁工 转仁工", "request_human"),
    ("给我转人功服务", "request_human"),
    ("别跟我扯 我要找人公客服", "request_human"),
    ("嗯那个 我要转人公 听见没", "request_human"),
    ("一分都不带还的 爱咋咋地", "refusal"),
    ("要钱没有 爱咋整咋整", "refusal"),
    ("我一分钱都不带还的 你们爱咋咋地吧", "refusal"),
    ("要钱没有 要命一条 你们看着办", "refusal"),
    ("这钱我是一分不带还的 爱找谁找谁", "refusal"),
    ("爱咋整咋整吧 反正我不还", "refusal"),
    ("我间厂执笠咗 冇工开 迟啲先还啦", "hardship"),
    ("公司倒闭咗 而家冇开工 迟啲先还得唔得", "hardship"),
    ("间厂执咗笠 我成个月冇开工 迟啲先还", "hardship"),
    ("我哋公司执笠咗啊 冇人出粮 迟啲先还", "hardship"),
    ("厂倒闭咗 冇工开 真系冇钱还住", "hardship"),
    ("孩子早产 在保温箱住了一个月 钱全砸进去了", "hardship"),
    ("我老婆早产 孩子进了保温箱 一天好几千 实在拿不出来", "hardship"),
    ("我爸住ICU 住院押金交了五万 钱全砸进去了", "hardship"),
    ("我妈进了icu 家里的钱全砸进去了", "hardship"),
    ("孩子早产住保温箱 押金都是借的", "hardship"),
    ("张伟已经去世了 去年走的", "party"),
    ("你找的那个人已经没了 去年走的", "party"),
    ("王建国啊 他人已经没了 你们别打了", "party"),
    ("李明去年就去世了 我是他老婆", "party"),
    ("刘芳已经过世了 前年走的", "party"),
    ("我是ICU护士 刚下夜班 有个病人没抢救过来 你说还款的事吧", "neutral"),
    ("刚从急诊下来 一个病人没救回来 心里不太好受 你说吧", "neutral"),
    ("我在急诊当医生 今天走了一个病人 有点累 你说还款的事吧", "neutral"),
    ("刚值完夜班 送走了一个病人 唉 说吧还款的事", "neutral"),
    ("我是icu的护士 今天病人没挺过来 好了 你说还款吧", "neutral"),
]

# Look-alikes written with the fixing lines (21/24 before, 24/24 after)
LOOK_ALIKES = [
    ("这本书我放在枕头下面了 你说吧", "neutral"),
    ("说明书放抽屉里了 钱下周还", "neutral"),
    ("那钱的事就这样吧 月底我还", "neutral"),
    ("一书包的材料放抽屉里了 晚点打给我", "neutral"),
    ("昨天开车差一点撞护栏 吓死我了 钱下周还", "neutral"),
    ("前面大货车急刹 我差点追尾 晚点打给你", "neutral"),
    ("车刹车坏了 在修 下次再说", "neutral"),
    ("我用个人公积金还可以吗", "neutral"),
    ("装修人工费太贵了 钱下周还", "neutral"),
    ("这个电视剧主人公挺惨的 你说吧", "neutral"),
    ("这事儿爱咋咋地吧 钱我下周还", "neutral"),
    ("一分不少都还你们 放心", "neutral"),
    ("今日冇开工 放假 听日还俾你", "neutral"),
    ("迟啲先打俾你 我而家开紧工", "neutral"),
    ("外卖保温箱坏了 钱下周还", "neutral"),
    ("住院押金退回来了 正好还你们", "neutral"),
    ("我在ICU上班 晚点打给我", "neutral"),
    ("我爸去世了 现在手头紧", "hardship"),
    ("我妈去年走了 办丧事花了不少钱 实在还不上", "hardship"),
    ("我是护士 天天看着病人死 我也不想活了", "safety"),
    ("遗书我写好了", "safety"),
    ("开车的时候真想往大货车上撞", "safety"),
    ("我朋友的爸爸去世了 我去帮忙 晚点打", "neutral"),
    ("我要找人工", "request_human"),
]

# Look-alikes checked while fixing (all pass after)
EXTRA_LOOK_ALIKES = [
    ("我奶奶去年去世了 办丧事花了不少 能不能缓一缓", "hardship"),
    ("我老公前年就去世了 我一个人带孩子 实在还不上", "hardship"),
    ("我爸已经去世了 去年走的 现在家里就靠我", "hardship"),
    ("奶奶已经去世了 我现在一个人 还不上", "hardship"),
    ("张伟已经去世了 你们别打了", "party"),
    ("客人已经走了 你说吧", "neutral"),
    ("这次我就不踩刹车了 坡太陡 开玩笑的 钱下周还", "neutral"),
    ("下次不踩刹车了 驾校教练说的 你说", "neutral"),
    ("我故意把车停在护栏边上 方便装货 晚点打", "neutral"),
    ("开车撞了护栏 差一点 车修了好几千 下周还", "neutral"),
    ("枕头下面有钱 我明天取了还你们", "neutral"),
    ("合同我看了 钱的事就这样吧 下周还清", "neutral"),
    ("信我写好了 钱的事就这样吧", "safety"),
    ("一书我写好了", "safety"),
    ("一书包的作业 孩子写到半夜", "neutral"),
    ("给我转个人公", "request_human"),
    ("找个人工作室做的 钱下周还", "neutral"),
    ("转人工 钱下周还", "request_human"),
    ("你们这个人工智能挺厉害的 你说吧", "neutral"),
    ("爱咋整咋整 我先挂了", "refusal"),
    ("你能把我咋地", "refusal"),
    ("你们能把我怎么样 钱下周还", "neutral"),
    ("这东西一口价 不带还价", "neutral"),
    ("我今天冇开工 喺屋企休息 听日还", "neutral"),
    ("今日冇开工 迟啲先打俾你", "neutral"),
    ("厂里放假冇开工 下礼拜就开工了 到时候还", "neutral"),
    ("厂冇开工 迟啲先还", "hardship"),
    ("外卖保温箱放门口了 你说", "neutral"),
    ("我在新生儿科当护士 钱月底还", "neutral"),
    ("钱全砸进装修里了 不过下周能还", "neutral"),
    ("医生说病人没抢救过来 那是我爸啊", "safety"),
    ("我爸在ICU 今天没抢救过来", "safety"),
    ("我妈刚进了ICU 我现在在医院 快不行了", "safety"),
    ("我儿子进了icu 医生下了病危通知 我不知道怎么办", "safety"),
    ("我在ICU上班 今天有个病人没救过来 心里难受 想哭", "safety"),
    ("我是护士 今天一个病人走了 我也不想活了", "safety"),
    ("我跟车去的医院 医生说病人没救过来", "safety"),
    ("值班医生出来说病人没抢救过来", "safety"),
    ("我妈出车祸了 病人没救过来", "safety"),
    # a second batch of the families' wordings, written after the first fixes
    ("宜书写好了 放抽屉里了 钱的事就这样吧", "safety"),
    ("我把依书压在枕头底下了", "safety"),
    ("昨天下高速的时候我是故意往护栏上冲的 差点就成了", "safety"),
    ("上次往大货车底下钻没成 下回我油门踩到底", "safety"),
    ("帮我接人公", "request_human"),
    ("我不要机器 转人功", "request_human"),
    ("一个子儿都不带还你们的 爱咋咋的", "refusal"),
    ("老子不还 爱咋整咋整 有本事你们来", "refusal"),
    ("间厂执咗 我冇工开成个月 迟啲先还", "hardship"),
    ("我俾人炒咗 冇工开 迟啲先还", "hardship"),
    ("孩子早产 在新生儿科住了一个月 积蓄都花光了", "hardship"),
    ("机主已经去世了 去年走的", "party"),
    ("我是120急救中心的 今天一个病人没救回来 你说吧", "neutral"),
    ("我在急诊科上班 今天抢救了一个病人没救过来 说吧什么事", "neutral"),
]

# Held out: written before the fixes in other wordings, measured after them (4/12 before,
# 10/12 after); the misses are strict xfails
HELD_OUT = held_out(
    [
        ("一书我写好了 就压在床垫底下 钱的事你们就别管了", "safety"),
        ("我昨天开车想往那个桥墩撞过去 差一丁点 下次我就不踩刹车", "safety"),
        ("人功 人功 我要人功", "request_human"),
        ("帮我转一下仁工好吧", "request_human"),
        ("我就一分都不带还 你们爱咋地咋地", "refusal"),
        ("要钱没有 你们爱告哪告哪 爱咋整咋整", "refusal"),
        ("老细执笠咗走佬 我冇工开好耐 迟啲先还俾你", "hardship"),
        ("我女儿早产进了ICU 住院押金都交不起 钱全砸进去了", "hardship"),
        ("陈刚他已经去世了 去年冬天走的", "party"),
        ("这个人已经没了 你们不要再打来了", "party"),
        ("我在急诊上夜班 刚有个病人没救过来 你说还款的事吧", "neutral"),
        ("我老公去世了 家里就我一个挣钱 手头紧", "hardship"),
    ],
    {
        "陈刚他已经去世了 去年冬天走的": (
            "the name 陈刚 ends in 刚 (just), so 刚 ... 他已经去世 reads as a death a moment ago "
            "(distress, handoff); a phrase cannot tell a name from the adverb"
        ),
        "这个人已经没了 你们不要再打来了": (
            "人已经没了 counts at the start of a clause, after 他/她 or after 你找的; 这个人 "
            "before it is none of these (cease_request still ends the call, without a party tag)"
        ),
    },
)


def test_the_probe_has_the_planned_size() -> None:
    assert len(FIXING) == len({text for text, _ in FIXING}) == 41
    assert len(LOOK_ALIKES) == 24
    assert len(HELD_OUT) == 12


@pytest.mark.parametrize(("text", "family"), FIXING)
def test_fixing_lines(text: str, family: str) -> None:
    assert as_expected(decide_zh(text), family)


@pytest.mark.parametrize(("text", "family"), LOOK_ALIKES + EXTRA_LOOK_ALIKES)
def test_look_alikes(text: str, family: str) -> None:
    assert as_expected(decide_zh(text), family)


@pytest.mark.parametrize(("text", "family"), HELD_OUT)
def test_held_out(text: str, family: str) -> None:
    assert as_expected(decide_zh(text), family)
