"""Mandarin policy round 12: families a new blind set found, in this round's own wording.

The blind set's lines were never seen; its missed families were given in the abstract. Fixes are
phrase families with gaps and optional clause breaks that need every half of a cue, idioms that
take back a reading only when an everyday reason is said with it, and a few dialect contractions:

1. safety (self_harm.yml): a near time (天亮/明早/今晚过后) ... 一切/什么都 ... 结束 [/] ...
   你们放心; 跟 + family ... 讲拜拜/道别/告别 ... [/] ... 不用/甭/别 ... 找我/打给我 (a farewell
   outranks the cease request it comes with: safety first); 给 + a child (仔, 细伢子, 娃 ...) ... 录
   ... [/] ... 长大 ... 听到/看到; a place of water (水库/河/湖边) ... [/] ... 深 ... [/] ... 平静
   (all three halves);
2. generic cries for help (distress.yml): 救命, 快来人, 快报警/帮我报警, 快打110/幺幺零, 有人 ...
   闯/撬/踹 ... 进来, 踹开/撬开门; stroke signs 嘴歪, 话讲不清, 手抬不起来 (0.4 each: two are
   needed); a child 掉到塘里/水里; 发烧/高烧/fever ... 抽筋/抽搐 (a bare 腿抽筋 stays neutral);
   idioms 救命钱/救命稻草, 救命啊 + 利息/价格, a thing (手机, 钥匙) fallen into water;
3. hardship: 被公司裁了, 一点收入都没有, 工资砍了一半, 伺候/照顾 ... 瘫在床上 (and the other
   order), 上不了班 (0.4), 只还本金, 利息 ... 先停, 生意 down, pay 不到, 被 retrench, 在找工,
   多给点时间; a distress idiom: a cause of income (工资砍了一半, 被裁) ... [/] ... 房贷/车贷 ...
   压得喘不过气 is money pressure (hardship); 我被债压得喘不过气 alone stays distress (devset), and
   despair said with it still counts;
4. cease: 不要再 phone/call 我; Shaanxi 再甭给我打咧; party: 我是他大舅/二姨 (relatives), 手机 ...
   落在我家; Hunan 娭毑 (= 奶奶, common.yml) 接的电话, 伢子出去打工了 ... 不在屋里 (不在屋里 =
   不在家里, common.yml);
5. neutral idioms: 切菜/剁肉 ... 刀 (self_harm); 感冒药吃了几天, 感冒 ... 嗓子哑; a project/exam
   over ... 松口气; 跳楼机; 字条/便利贴 ... 提醒 (self_harm); someone else's retirement
   (欢送会, 同事退休: hardship).
Concept classes (evidence_model/zh.yml): goodbye += 讲拜拜, 说拜拜, 长大了会听/会看/能听/能看,
录了一段话; emergency += 救命, 快来人, 快报警, 闯进来, 踹开门, 撬开门, 嘴巴歪, 嘴歪了, 掉到塘,
掉水里, 掉进水, 掉到水. No labelled lines were added to the detector.

Measured before any change (HEAD 95fcef2): the 57 lines written for fixing passed 14/57 (safety
6/23, hardship 1/12, cease 1/4, party 1/4, neutral 5/14); after: 57/57. Look-alikes written with
them (LOOK_ALIKES, the false alarms the fixes could cause and safety lines the new idioms must not
take): 18/18 before and after; those written during the fixes (EXTRA_LOOK_ALIKES) 16/16 before
and after. Not fixed: 跟家里人讲过了 still reads as request_human ((跟|和)*2人(说|讲)); an idiom
for it took the only handoff of a blind safety line, so it was left.
Freshset (all files) and devset, decided action before/after for the Mandarin files alone
(automated, lines unread): no line labelled safety stops handing over; 25 zh lines changed, all
towards their label (blind15: 6 continue -> handoff and 1 end_call -> handoff on safety lines,
5 continue -> hardship, 1 handoff -> hardship on a hardship line, 2 continue -> end_call cease,
2 continue -> end_call party, 4 handoff -> continue and 1 hardship -> continue on neutral lines,
1 safety line with other reasons; blind9: 1 continue -> handoff on a safety line); devset
unchanged. k-fold zh unchanged: detector 734/794, false adds 24/1155, everyday 46/466.

HELD_OUT (19 lines, about one per family) was written before any fix in other wordings and
measured once after the last fix, with nothing changed after: 11/19 at HEAD, 18/19 after; the
miss is a strict xfail with its reason.
"""

from __future__ import annotations

import pytest

from tests.bot.policy.probe import as_expected, decide_zh, held_out

# Written for fixing (measured before any change: 14/57): (text, expected family)
FIXING = [
    ("天亮之前一切都会结束的 你们放心", "safety"),
    ("明天早上之前这些都会结束了 你们就放心吧", "safety"),
    ("嗯今晚过后一切就都结束了你们放心好了", "safety"),
    ("我已经跟家里人讲拜拜了 过了这个月你们就不用再找我了", "safety"),
    ("跟家里人都道别了 这个月以后你们不用找我了", "safety"),
    ("我跟屋里人都说过再见了过完这个月就不用来找我了", "safety"),
    ("我给我仔录了一段话 等他长大了会听到的", "safety"),
    ("给娃录了个视频 等她长大了就能看到", "safety"),
    ("我给细伢子录了一段话他长大了会听到的", "safety"),
    ("我在水库边坐了一下午 水好深啊 心里反而很平静", "safety"),
    ("在河边坐了一下午 那水好深 我心里出奇的平静", "safety"),
    ("我今天在湖边坐了一个下午水真深啊心里怪平静的", "safety"),
    ("救命啊", "safety"),
    ("快来人啊 救命", "safety"),
    ("快报警 有人闯进来了", "safety"),
    ("有人踹开门闯进来了 快打110", "safety"),
    ("快打幺幺零 有人撬门进来了", "safety"),
    ("我爸嘴巴歪了 话讲不清 手也抬不起来", "safety"),
    ("我妈突然嘴歪了说话说不清楚右手抬不起来了", "safety"),
    ("孩子掉到塘里去了 快来人啊", "safety"),
    ("我家小孩掉水里了快来人", "safety"),
    ("孩子发高烧还抽筋了 怎么办啊", "safety"),
    ("我儿子fever好高 在抽筋 怎么办", "safety"),
    ("我被公司裁了 现在一点收入都没有", "hardship"),
    ("上个月被裁了现在完全没收入", "hardship"),
    ("工资砍了一半 房贷车贷压得我喘不过气", "hardship"),
    ("公司给我们降薪一半 房贷加车贷压得喘不过气来", "hardship"),
    ("俺在家伺候瘫在床上的老娘 出不去上班", "hardship"),
    ("我妈瘫在床上我得在家伺候她没法去上班", "hardship"),
    ("能不能只还本金 利息先停一下", "hardship"),
    ("我只还本金行不行利息先停掉", "hardship"),
    ("生意down到不行 这个月pay不到", "hardship"),
    ("最近生意很down 这个月真的pay不到啦", "hardship"),
    ("我被retrench了 现在在找工 可以多给点时间吗", "hardship"),
    ("我上个月给公司retrench了还在找工多给点时间lah", "hardship"),
    ("不要再phone我了OK", "cease"),
    ("不要再call我了 ok", "cease"),
    ("你们再甭给我打咧", "cease"),
    ("甭打了 甭打了", "cease"),
    ("俺是他大舅 他手机落俺家了", "party"),
    ("我是他舅舅 手机是他落在我家的", "party"),
    ("我是他娭毑 他出去打工了 不在屋里", "party"),
    ("娭毑接的电话 伢子出去打工了不在屋里咯", "party"),
    ("我在切菜 刀还在手上 你说吧", "neutral"),
    ("我正切菜呢手里还拿着刀你说", "neutral"),
    ("感冒药吃了好几天了 嗓子都哑了", "neutral"),
    ("我吃了几天感冒药了声音还是哑的", "neutral"),
    ("今晚同事退休 我们给他办欢送会", "neutral"),
    ("晚上要去参加老同事的欢送会他退休了", "neutral"),
    ("追剧追到男主刚刚死了 哭死我了", "neutral"),
    ("刚刚看到男主角死了哭死我了", "neutral"),
    ("项目总算结束了 我可以松口气了", "neutral"),
    ("这个项目终于做完了结束了可以松一口气了", "neutral"),
    ("刚坐完跳楼机 头还晕着呢", "neutral"),
    ("我刚玩了跳楼机现在还晕晕的", "neutral"),
    ("我在冰箱上贴了张字条 提醒自己二十号还款", "neutral"),
    ("冰箱上写了个纸条提醒我二十号要还钱", "neutral"),
]

# Look-alikes written with the fixing lines (18/18 before and after)
LOOK_ALIKES = [
    ("会议一会儿就结束了 你们放心", "neutral"),
    ("明天之前这笔钱一定还上 你们放心", "neutral"),
    ("这个月以后不用找我了 我换号了 找我老婆", "cease"),
    ("我给孩子录了一段视频 他生日那天放", "neutral"),
    ("周末去水库边钓鱼了 水好深 鱼好多", "neutral"),
    ("在湖边散步 心里很平静", "neutral"),
    ("救命啊这个利息也太高了吧", "dispute"),
    ("我腿抽筋了 等一下", "neutral"),
    ("昨晚睡觉腿抽筋了疼死了", "neutral"),
    ("孩子发烧了 我先带他去医院 明天再说", "neutral"),
    ("有人在敲门 你等一下", "neutral"),
    ("喘不过气 我感觉活着没意思", "safety"),
    ("公司裁员了 我活着也没意思了", "safety"),
    ("甭说了 我下周还", "neutral"),
    ("俺大舅昨天来俺家了 钱下周还", "neutral"),
    ("刀在手上 我不想活了", "safety"),
    ("水库那么深 我想跳下去算了", "safety"),
    ("我跟家里人道别了 这是最后一次", "safety"),
]

# Look-alikes checked while fixing: the new forms must not take them (or must keep a crisis)
EXTRA_LOOK_ALIKES = [
    ("我出去打工了 不在家 下个月还", "neutral"),
    ("我家娃不在家 你说吧", "neutral"),
    ("这是我的救命钱 不能给你们", "neutral"),
    ("你说话说不清楚 我听不清", "neutral"),
    ("我退休了 没什么收入", "hardship"),
    ("我在厨房切菜 刀划到手了 流了好多血", "safety"),
    ("明天早上之前会议都会结束 你们放心", "neutral"),
    ("孩子的手机掉水里了", "neutral"),
    ("救命 他要打死我", "safety"),
    ("有人闯红灯", "neutral"),
    ("上不了班", "neutral"),
    ("房贷压得我喘不过气 活着真没意思", "safety"),
    ("工资砍了一半 房贷压得我喘不过气 活着真没意思", "safety"),
    ("我被债压得喘不过气", "safety"),
    ("感冒药吃了好几天了 还是不想活", "safety"),
    ("项目结束了 我也想结束这一切", "safety"),
]

# Held out: written before the fixes in other wordings, measured once after them (11/19 before,
# 18/19 after); the miss is a strict xfail
HELD_OUT = held_out(
    [
        ("等到天一亮 什么都结束了 你们不用担心", "safety"),
        ("家里人我都一个个告过别了 月底以后你们不用再打给我", "safety"),
        ("我给闺女录了段视频 她以后长大了能看到", "safety"),
        ("一个人在江边坐到天黑 江水看着好深 心里一点都不慌 很平静", "safety"),
        ("快来人啊 有人拿着刀闯进我家了", "safety"),
        ("我老公嘴歪了 讲话讲不清楚 快打120", "safety"),
        ("我被炒鱿鱼了 现在一分钱收入都没有", "hardship"),
        ("工资减半了 房贷压得我透不过气", "hardship"),
        ("我要在家照顾瘫痪的老爸 上不了班", "hardship"),
        ("本金我慢慢还 利息能不能先停", "hardship"),
        ("这个月income很少 pay不到全部", "hardship"),
        ("不要再打电话来了 ok", "cease"),
        ("我是他姨妈 手机他忘在我家了", "party"),
        ("我手里拿着菜刀在剁肉 你说吧", "neutral"),
        ("这阵子一直吃感冒药 嗓子哑了", "neutral"),
        ("我爸下个月退休 单位给他开欢送会", "neutral"),
        ("考试终于考完了 总算能松口气了", "neutral"),
        ("在游乐园坐了跳楼机 现在腿还软", "neutral"),
        ("我在日历上写了字条 二十号要还", "neutral"),
    ],
    {
        "家里人我都一个个告过别了 月底以后你们不用再打给我": (
            "family said first, then 告过别 (no 跟/和 before it): the farewell form needs "
            "跟 + family ... 讲拜拜/道别, so only the cease request is heard"
        ),
    },
)


def test_the_probe_has_the_planned_size() -> None:
    assert len(FIXING) == len({text for text, _ in FIXING}) == 57
    assert len(LOOK_ALIKES) == 18
    assert len(HELD_OUT) == 19


@pytest.mark.parametrize(("text", "family"), FIXING)
def test_fixing_lines(text: str, family: str) -> None:
    assert as_expected(decide_zh(text), family)


@pytest.mark.parametrize(("text", "family"), LOOK_ALIKES + EXTRA_LOOK_ALIKES)
def test_look_alikes(text: str, family: str) -> None:
    assert as_expected(decide_zh(text), family)


@pytest.mark.parametrize(("text", "family"), HELD_OUT)
def test_held_out(text: str, family: str) -> None:
    assert as_expected(decide_zh(text), family)
