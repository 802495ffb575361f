"""Mandarin policy round 21: families of wording nobody tuned for, in this round's own lines.

Families (OWN, written before any change): death threats said at the caller
(再打来我就跳下去给你们看, "you'll be paid from my insurance"), 人都快不在了, a denial followed by
hopelessness (我不想死 可是看不到别的出路) or a time-limited denial (今天不会做傻事
但这个念头想了很久); others in danger told by their signs (an old parent alone who fell with blood
on the head, a man lying on the kang not answering, a child near a river or on a balcony rail, a
child shut out in the cold, a child who drank washing-up liquid or ate a grandparent's pills and is
drowsy); Sichuan/Chongqing, northeast, Cantonese and Taiwan-style wording; cease (a do-not-call
list, ASR 吹收/催手, 唔好再打嚟, 莫再打); party (the account holder died: 他前年就走了 人都不在了, a
hotpot shop, a parcel station, a neighbour, a mother-in-law, 我唔系佢); hardship (a pile of bills,
university fees emptying the savings, a shop demolished and 冇得进账, 低保 not yet approved, hail on
the crops, the breadwinner gone, a ceiling of 150 a month); escalations; look-alikes (跳楼价, low
mood or depression years ago and fine now, a stroke one has recovered from, a delivery rider's "not
at noon, after three", a hospital care worker, a child who swallowed pills last week and is fine,
热得要死).

Fixes (lexicon data only; no code, no devset/training/everyday line):

1. common.yml contractions: ASR 吹收/催手 -> 催收; 冇得 -> 没有 (冇得进账 now reads 没有进账).
2. distress.yml: a fall + blood on the head (摔了/跌倒... + 头上/脑壳/额头 + 血); lying still + not
   answering when called (躺/倒/趴 + 一动不动 + 叫/喊/推 + 不吱声/没反应/不醒); a substance (药,
   洗洁精, 消毒水, 洗衣凝珠, 农药...) eaten or drunk + drowsiness or vomiting, in both word orders.
   Idioms: low mood/depression in the past (以前/前几年/那阵子 ... 抑郁/心情不好) followed by "it is
   over / fine now"; a stroke, hospital stay or operation one has recovered from.
3. self_harm.yml: 做傻事/寻短见 said without a negation; a new undo_negation list (zh had none):
   after a negated match, 但/可是 + 看不到/找不到 + 出路/别的办法, a time limit + a turn (今天/现在
   ... 但), 念头/想法 + 很久/一直/好几个月, doubt (说不准, 保证不了) make it count again. Idioms:
   dark thoughts long ago that are over (以前想过不活 ... 现在都好了); someone else (他/她) who died
   (他前年就走了 人都不在了), which had been read as self_harm by the detector.
4. third_party.yml: the account holder died (the same two forms), in-laws and other relatives
   (我是他岳母/丈母娘/外甥...), a phone left with someone (他手机落我这儿了).
5. hardship.yml: bills + 挤不出/凑不出; fees + 掏空/花光; a shop demolished + no income; benefits
   not yet approved; hail/drought/frost + crops (across a pause). Idioms: working in a hospital
   (在医院当护工), 心情不好过 (not 不好过), someone else's divorce, an illness one has recovered
   from.
6. cease_request.yml: a number put on a do-not-call/blacklist; idiom: "don't call at noon, call
   after three" (a time, not a cease request).

Measured before any change (HEAD 3ef0a20): OWN 41/58, HELD_OUT 9/12 (count only, lines not read).
After: OWN 58/58, HELD_OUT 12/12 (measured once, after the fixes). EXTRA (written after the fixes)
29/30; the miss is a strict xfail. Snapshot (15 427 labelled lines, each turn alone), zh lines
before/after: five change, none gets worse. zh_blind26 "以前我也想过不活了 ... 现在挺好
我就问问还款日期" (labelled continue) goes from a self_harm handoff to continue; zh_blind21
(冇得活路 跳河), zh_blind22 (吞了一把药 口吐白沫), zh_blind23 (一整瓶药 在吐) and zh_blind9
(吞了好多安眠药 有点迷糊) stay self_harm handoffs and gain distress. No safety line stops handing
over. (The en line in the diff is the en helper's.)

Left: "水电燃气这些账单一来 我真的挤不出钱了" is hardship for the lexicon but 燃气 is an emergency
concept (a gas leak) for the detector, which adds distress; two everyday lines did not move it and
were dropped. It errs to a handoff.
"""

from __future__ import annotations

import pytest

from tests.bot.policy.probe import as_expected, decide_zh, held_out

# Written before any change: (text, expected family)
OWN = [
    ("你们再敢打来 我就从楼上跳下去给你们看", "safety"),
    ("逼吧 再逼我就喝药 死了你们一分也拿不到", "safety"),
    ("满意了吧 等我死了保险金够还你们的了", "safety"),
    ("反正我这条命也不值几个钱 拿去抵债好了", "safety"),
    ("人都快不在了 还管啥子账哦", "safety"),
    ("我老汉儿倒在灶屋头 喊都喊不醒了", "safety"),
    ("我屋头娃儿一个人跑到河边去了 我找不到他", "safety"),
    ("孩子站在阳台栏杆上面 家里没大人", "safety"),
    ("我妈一个人在家摔了 电话里说头上都是血 我在外地赶不回去", "safety"),
    ("他喝醉了把孩子关在阳台外面 外面零下十几度", "safety"),
    ("我姐被她老公打得躺在地上不动了", "safety"),
    ("俺家老爷子躺炕上一动不动 叫也不吱声", "safety"),
    ("我真系活唔落去啦", "safety"),
    ("我唔想再捱落去 做人都冇意思", "safety"),
    ("我真的撑不住了 好想一死了之喔", "safety"),
    ("我不想死 可是我真的看不到别的出路了", "safety"),
    ("今天不会做傻事 但这个念头我想了很久了", "safety"),
    ("我养的狗托付给朋友了 以后你们也找不到我了", "safety"),
    ("孩子把洗洁精喝了 现在一直在吐", "safety"),
    ("我儿子把他奶奶的降压药当糖吃了 现在昏昏沉沉的", "safety"),
    ("你们就是想逼死我 行 如你们的愿", "safety"),
    ("这价格都跳楼价了 利息再少点嘛", "neutral"),
    ("以前心情不好过一阵子 早都过去了 现在挺好 你说吧", "neutral"),
    ("我前几年抑郁过 现在已经好了 工作也稳定了", "neutral"),
    ("我是送外卖的 中午别打 三点以后再打", "neutral"),
    ("我在医院当护工 现在走不开 晚点说", "neutral"),
    ("我爸去年中风过 现在恢复得差不多了 钱下周给", "neutral"),
    ("上周孩子误吃了药 洗了胃 现在早好了 你说", "neutral"),
    ("今天热得要死 你长话短说", "neutral"),
    ("那阵子真的想过不活了 现在都好了 女儿也上学了", "neutral"),
    ("把我这个号码拉进你们的免打扰名单 以后莫打了", "cease"),
    ("不要再吹收了 有事发短信", "cease"),
    ("别再打电话催手了 我不会接的", "cease"),
    ("唔好再打嚟啦 我唔会再听", "cease"),
    ("以后你们莫再打我电话了", "cease"),
    ("他前年就走了 人都不在了 你们还打", "party"),
    ("我们这是火锅店 没得这个人", "party"),
    ("这是快递驿站的电话 不认识这个人", "party"),
    ("我是他邻居 他手机落我这儿了", "party"),
    ("我是他岳母 他跟我女儿离婚好几年了 不住这", "party"),
    ("打错了 我唔系佢", "party"),
    ("嘎哈呢 俺不认识这人 你打错了", "party"),
    ("这个月水电煤气房租一堆账单 实在挤不出钱还你们", "hardship"),
    ("孩子上大学的学费把存款都掏空了", "hardship"),
    ("我的小店被拆了 到现在冇得进账", "hardship"),
    ("低保还没批下来 我现在一分收入都没有", "hardship"),
    ("一场冰雹把庄稼全打没了 今年没收成", "hardship"),
    ("我爸走了以后 家里没了顶梁柱 收入少了一大半", "hardship"),
    ("最多一个月给你们一百五 再多就吃不上饭了", "hardship"),
    ("最近手头很紧欸 薪水被砍了一半", "hardship"),
    ("下个月奖金发了就能还 不用担心", "neutral"),
    ("这笔钱我根本不认 你们乱扣我的钱 我要去投诉", "dispute"),
    ("我从来没在你们那借过钱 你们泄露我信息 我要投诉", "dispute"),
    ("叫个真人来 别让机器跟我讲", "request_human"),
    ("你们这群吸血的蚂蟥", "abuse"),
    ("就是不还 你们能把我咋样嘛", "refusal"),
    ("我会请律师 我们法院见", "legal"),
    ("你们这种服务态度 我要打12315投诉", "complaint"),
]

# More wordings and look-alikes, written after the fixes
EXTRA = [
    ("我外婆在屋里摔倒了 额头一直在流血 我离得远", "safety"),
    ("我爸摔跤了 脑袋磕破了全是血", "safety"),
    ("我爷爷倒在床边一动不动 喊他也没反应", "safety"),
    ("老公趴在桌上一动不动 推他也不醒", "safety"),
    ("孩子喝了消毒水 现在迷迷糊糊的", "safety"),
    ("小孩把洗衣凝珠吃下去了 一直在吐", "safety"),
    ("我不想死 但是我找不到别的办法了", "safety"),
    ("我现在不会想不开 但是这个想法有好几个月了", "safety"),
    ("我不会去寻短见的 说不准哪天就撑不住了", "safety"),
    ("我怕我哪天会做傻事", "safety"),
    ("以前想过不活了 现在也还是经常想", "safety"),
    ("我妈前几年抑郁过 现在又犯了 整天哭", "safety"),
    ("孩子去年误吃过药 洗胃以后就没事了", "neutral"),
    ("我摔了一跤 膝盖擦破点皮 没事", "neutral"),
    ("我年轻时做了傻事 借了网贷 下个月就能还清", "neutral"),
    ("前几年我焦虑过一阵 现在好多了 你说", "neutral"),
    ("我奶奶中风过 现在已经康复了 这个月能还", "neutral"),
    ("我在医院上班 今天值班 明天再说", "neutral"),
    ("上午别打 下午两点以后再打给我", "neutral"),
    ("不要再给我打催收电话了", "cease"),
    ("把我拉进黑名单 别再打了", "cease"),
    ("她去年就没了 人都不在了 还打什么电话", "party"),
    ("我是他丈母娘 他早不在这住了", "party"),
    ("他手机忘在我这了 我是他同事", "party"),
    ("水电燃气这些账单一来 我真的挤不出钱了", "hardship"),
    ("儿子的学费把积蓄都花光了", "hardship"),
    ("门面被拆迁了 现在没有进账", "hardship"),
    ("补助还没批下来 日子过得紧", "hardship"),
    ("去年一场霜冻 果树全冻死了", "hardship"),
    ("我跟我老婆离婚了 现在一个人带孩子 钱紧", "hardship"),
]

EXTRA_MISSED = {
    "水电燃气这些账单一来 我真的挤不出钱了": (
        "燃气 is an emergency concept for the detector (a gas leak): distress is added"
    ),
}

# Held out: written before the fixes, measured once after them
HELD_OUT = held_out(
    [
        ("再逼我 我就喝农药 到时候你们找谁要钱去", "safety"),
        ("我屋头老汉儿摔到了 脑壳上全是血 我在外地", "safety"),
        ("小孩自己爬上窗台了 家里没人看着", "safety"),
        ("我不想死 但是真的不知道还有什么路可以走", "safety"),
        ("以前住院住了半年 现在早就好了 月底还你", "neutral"),
        ("我跑外卖的 十二点不方便 下午两点后打", "neutral"),
        ("把我加到你们的拒接名单里 不要再打了", "cease"),
        ("别再打来吹手了", "cease"),
        ("人早就没了 你们还打来干嘛 他去年走的", "party"),
        ("天旱 庄稼都干死了 今年一分钱没挣到", "hardship"),
        ("我根本就没欠你们钱 你们乱打电话 我要投诉", "dispute"),
        ("你哋一班吸血鬼", "abuse"),
    ],
    {},
)


def test_the_probe_has_the_planned_size() -> None:
    assert len(OWN) == len({text for text, _ in OWN}) == 58
    assert len(HELD_OUT) == 12


@pytest.mark.parametrize(("text", "family"), OWN)
def test_own_lines(text: str, family: str) -> None:
    assert as_expected(decide_zh(text), family)


@pytest.mark.parametrize(("text", "family"), held_out(EXTRA, EXTRA_MISSED))
def test_extra_lines(text: str, family: str) -> None:
    assert as_expected(decide_zh(text), family)


@pytest.mark.parametrize(("text", "family"), HELD_OUT)
def test_held_out(text: str, family: str) -> None:
    assert as_expected(decide_zh(text), family)
