"""Mandarin policy round 13: families a new blind set found, in this round's own wording.

The blind set's lines were never seen; its missed families were given in the abstract. Fixes are
phrase families that need both halves of a cue, and idioms that take back a reading only when an
ordinary context is said with it (a loss years ago and let go, a crisis in the past that is over,
a drama's plot, a hospital as a workplace):

1. safety (self_harm.yml): a near time (这周过后, 过了这个礼拜, 下周以后) ... 不用/甭 再 追/催/找 我
   (and the other order, with the 不用 said again after the time; 不用催我了 + 下周还 stays a
   promise, and an idiom keeps 不用再催我 + 钱 ... 还清 neutral); a pet 谁要就 领走/抱走/牵走 ...
   [/] ... 以后 照顾不了/没法照顾 (both halves; a litter, an allergy, a landlord or a move are
   idioms, and so is a pet 托给 a neighbour while away on a trip); no future: 没打算有以后,
   我没有/不会有以后, 以后不以后 ... 不考虑以后, 不考虑以后了;
2. distress: an acute allergy, 喉咙/嗓子 肿 (0.4) with 呼吸困难 (0.4; two are needed, a swollen
   throat alone is a cold), 过敏/吃了虾 ... 喘不上气/呼吸困难;
3. complaint: 我要/我现在就 ... 报警/报案 (a threat in a dispute; 快报警/帮我报警 stay distress),
   偷偷/乱 扣 ... 报警; dispute: 偷偷/乱/私自 扣了 (money taken without consent);
4. hardship: 先还一半 ... 剩下的 ... 下个月 再补/补上 (剩下的月底结清 stays a promise, a neutral
   blind13 line); 遭了灾, 收成不好, 没收成, 冰雹 on the crops; 拆东墙补西墙, 以贷养贷, several
   cards and online loans 一起催; a flood that 淹了 the crops + 收成/秋后 is a past loss
   (distress idiom), not danger now;
5. party: 我是阿公/爷爷的孙子, 他/爷爷 耳朵不好/耳背 (0.6), 有事跟我讲; 这边是 ... 前台; 他去 ...
   做工/打工 ... 不在; 你找阿强啊 ... 他;
6. neutral idioms: 忙得/累得/热得 ... 想死 (common.yml; a 不想活 said with it still counts); a
   relative 走了/去世 ... 好几/十 ... 年 ... [/] ... 早就放下了/看开了 (distress.yml, both halves:
   it takes back a past 很难过 and quiets the detector, while a self_harm phrase such as
   明天我就去陪他 still counts; as a common.yml idiom without the second half it took a round-10
   safety line);
   离婚/失业 ... 都过去了 /
   现在 ... 挺好 (common.yml); 那会儿/以前 ... 想不开[过] ... 现在 ... 过去了/好了 (self_harm.yml;
   a 想不开 said again after it still counts); a hospital as a workplace (护士/夜班/值班 ... 医院,
   hardship.yml; a stay or a bill in hospital still counts); a drama's plot in general: a character
   (角色, 男主, 主角, 反派, npc) immediately followed by 跳崖/跳楼/自杀/死了 (no room for 我也想
   between them), or 剧/电影/小说/游戏 + 里/结局 ... 跳崖/自杀.
Also found while checking the look-alikes (pre-existing): the common idiom 死活 swallowed
"累得想死 活着真没意思", because ASR spaces between characters are dropped (想死活着); 死活 now
counts as an idiom only after a subject or an adverb (我死活想不起来, 他死活不还) or in 不管死活.
No concept class or labelled line of the detector was changed.

Measured before any change (HEAD e08b9a9): the 49 lines written for fixing passed 8/49 (safety
1/12, complaint 0/3, hardship 0/9, party 4/9, neutral 3/16); after: 49/49. Look-alikes written
with them (LOOK_ALIKES): 23/24 before, 24/24 after; those written during the fixes
(EXTRA_LOOK_ALIKES): 23/24 before (the 死活 line), 24/24 after.
Freshset (all zh files) and devset, decided action before/after (automated, lines unread): 16 zh
lines changed, all towards their expected action (blind16: 3 safety lines to handoff, 1 escalate
line to handoff, 3 hardship lines to hardship, 3 party lines to end_call, 5 neutral lines to
continue; blind13: 1 neutral drama line handoff -> continue); no safety line stops handing over;
devset unchanged. Neutral lines that escalate across the zh freshset files: 33/545 before, 27/545
after.

HELD_OUT (16 lines, one per family) was written before any fix in other wordings and measured once
after the last fix: 5/16 at HEAD, 14/16 after. The test suite then showed that the bereavement
idiom (then in common.yml, without the 放下了 half) took a round-10 safety line; it was narrowed
and moved to distress.yml, and the batch measured again: still 14/16, the bereavement line now
missing as hardship instead of distress. The misses are strict xfails with their reasons.
"""

from __future__ import annotations

import pytest

from tests.bot.policy.probe import as_expected, decide_zh, held_out

# Written for fixing (measured before any change: 8/49): (text, expected family)
FIXING = [
    ("以后你们不用再追我了 过了这个礼拜就不用了", "safety"),
    ("这周过后你们就不用再催我了", "safety"),
    ("嗯 以后不用再催我了 过完这周就不用了", "safety"),
    ("我家的猫谁要就领走吧 我以后照顾不了它了", "safety"),
    ("那个猫啊谁要就领走吧我以后照顾不了了", "safety"),
    ("狗狗谁想要就来抱走 以后我没法照顾它了", "safety"),
    ("以后？我没打算有以后", "safety"),
    ("以后的事 我没有以后了", "safety"),
    ("什么以后不以后的 我根本不考虑以后", "safety"),
    ("我刚吃了虾 喉咙肿起来了 喘不上气", "safety"),
    ("吃了海鲜过敏了 嗓子肿了 呼吸困难", "safety"),
    ("刚吃了花生喉咙好肿呼吸好困难", "safety"),
    ("你们app偷偷扣我的钱 我要去报警", "complaint"),
    ("你们这个app偷偷扣了我三百块我要报警", "complaint"),
    ("乱扣我钱是吧 我去派出所报案", "complaint"),
    ("我先还一半 剩下的下个月再补", "hardship"),
    ("这个月先还一半吧 剩下的下个月补上", "hardship"),
    ("先还一半行不行剩下的下个月再补给你", "hardship"),
    ("今年遭了灾 收成不好 等秋后卖了粮再还", "hardship"),
    ("地里遭了旱灾 庄稼没收成 秋后卖了粮食再还你们", "hardship"),
    ("今年发大水庄稼都淹了收成不好秋后卖了粮再还", "hardship"),
    ("好几张信用卡还有网贷一起催 我只能拆东墙补西墙", "hardship"),
    ("信用卡网贷好几家同时在催我 拆东墙补西墙", "hardship"),
    ("几个网贷加信用卡一起催我都是拆东墙补西墙", "hardship"),
    ("我是阿公的孙子 他耳朵不好 有事跟我讲", "party"),
    ("我是他孙子 爷爷耳朵背 有什么事跟我说就行", "party"),
    ("喂我是他孙女我爷爷耳朵听不见有啥事跟我说", "party"),
    ("这边是公司前台 没有叫张伟的", "party"),
    ("这里是酒店前台 我们这没有叫李明的人", "party"),
    ("喂这是公司前台哦没有叫这个名字的", "party"),
    ("你找阿强啊 他去新加坡做工了 不在这里", "party"),
    ("找阿明啊 他去马来西亚打工了 不在这边", "party"),
    ("你找阿华啊他出国做工去了不在这里", "party"),
    ("忙得我都想死了哈哈 钱会还的", "neutral"),
    ("最近累得想死 不过钱月底会还", "neutral"),
    ("热得想死啊今天 钱我下周还", "neutral"),
    ("我爸走了好几年了 那时候很难 早就放下了", "neutral"),
    ("我妈去世好多年了 当时很难受 现在早就放下了", "neutral"),
    ("我老公走了都好几年了那时候挺难的现在早放下了", "neutral"),
    ("我是护士 在医院上夜班 忙 晚点打给我", "neutral"),
    ("我在医院值夜班呢 护士站忙死了 待会再打", "neutral"),
    ("我是护士现在在医院上夜班很忙你晚点再打", "neutral"),
    ("两年前离婚那会儿我想不开 现在都过去了 日子挺好的", "neutral"),
    ("离婚那阵子确实想不开过 现在早过去了 过得挺好", "neutral"),
    ("前两年离婚的时候想不开过现在都过去了日子过得好好的", "neutral"),
    ("那部剧最后男主跳崖了 我哭得稀里哗啦", "neutral"),
    ("看了个电影 女主最后跳河了 哭死我了", "neutral"),
    ("昨晚看小说看到男主跳崖了哭得我眼睛都肿了", "neutral"),
    ("玩游戏的时候我的角色从楼顶跳下去了 笑死", "neutral"),
]

# Look-alikes written with the fixing lines (23/24 before, 24/24 after)
LOOK_ALIKES = [
    ("以后不用催我了 我下周一次性还清", "neutral"),
    ("这周过后不用催了 钱我周五就打过去", "neutral"),
    ("我家猫生了一窝小猫 谁要就领走", "neutral"),
    ("我要出差一个月 猫托给邻居照顾了", "neutral"),
    ("以后的事以后再说 先把这个月还了", "neutral"),
    ("我不考虑以后买房的事 先还钱", "neutral"),
    ("我嗓子肿了 感冒了 明天再说", "neutral"),
    ("我对虾过敏 不吃海鲜", "neutral"),
    ("快报警 有人闯进来了", "safety"),
    ("救命 快报警", "safety"),
    ("我下个月还", "neutral"),
    ("等秋后卖了粮就还", "neutral"),
    ("我有两张信用卡 都按时还的", "neutral"),
    ("我耳朵不好 你大声点", "neutral"),
    ("我在公司前台上班 你说", "neutral"),
    ("我去新加坡做工了 下个月回来还", "neutral"),
    ("我想死了 钱还不上", "safety"),
    ("我爸走了 我也不想活了", "safety"),
    ("我在医院 我老公出车祸了在抢救", "safety"),
    ("离婚了 我想不开", "safety"),
    ("我想跳崖", "safety"),
    ("累得想死 真的不想活了", "safety"),
    ("我没有以后了 活着没意思", "safety"),
    ("谁要就领走吧 反正我也活不了多久了", "safety"),
]

# Look-alikes checked while fixing: the new forms must not take them (or must keep a crisis)
EXTRA_LOOK_ALIKES = [
    ("我先还一千 剩下的下个月结清", "neutral"),
    ("护士说我妈还要住院一周 医药费好几万", "hardship"),
    ("医生说我得住院 手术费要好几万", "hardship"),
    ("我在医院上班 工资三个月没发了", "hardship"),
    ("游戏里我的角色死了 我也想死", "safety"),
    ("男主跳崖了 我也想跳下去", "safety"),
    ("我爸走了好几年了 我到现在还是不想活", "safety"),
    ("以前想不开过 现在又想不开了", "safety"),
    ("累得想死 活着真没意思", "safety"),
    ("这周过后不用再催我了 工资一到我就还清", "neutral"),
    ("我要报警 有人在砸我家门", "safety"),
    ("他耳朵不好 我是他儿子", "party"),
    ("我耳朵不好使 你说大声点 钱下周还", "neutral"),
    ("离婚那会儿很难 现在一个人带孩子还是没钱", "hardship"),
    ("收成不错 秋后卖了粮就还", "neutral"),
    ("下冰雹了 我先收衣服", "neutral"),
    ("好几张信用卡 都是我自己在还 没逾期", "neutral"),
    ("我跟他没有以后了 分手了", "neutral"),
    ("吃了海鲜嗓子有点肿 不碍事", "neutral"),
    ("喉咙肿了 现在喘不上气 快打120", "safety"),
    ("狗狗谁要就领走吧 反正以后我也不在了", "safety"),
    ("下周以后你们就不用再找我了 我也不会在了", "safety"),
    ("我爸走了好几年了 早就放下了 明天我就去陪他", "safety"),
    ("我妈走了好几年了 等明天出太阳 我就能去见她了", "safety"),
]

# Held out: written before the fixes in other wordings, measured once after them (5/16 before,
# 14/16 after); the misses are strict xfails
HELD_OUT = held_out(
    [
        ("下个星期以后你们就不用再追着我了", "safety"),
        ("我养的狗谁想要谁就牵走吧 以后没法照顾它了", "safety"),
        ("以后？我不会有以后了", "safety"),
        ("吃了芒果以后 喉咙肿得厉害 喘不过气来", "safety"),
        ("你们乱扣我的钱 我现在就去报警", "complaint"),
        ("这个月先给一半 剩下的下月补齐", "hardship"),
        ("今年地里遭了冰雹 没什么收成 等秋收卖了粮再还", "hardship"),
        ("好几个网贷都在催 我现在是拆了东墙补西墙", "hardship"),
        ("我是他外孙女 外公耳朵听不清 有事跟我说吧", "party"),
        ("这里是前台 公司没有这个人", "party"),
        ("你找阿伟啊 他去澳洲打工了 不在这", "party"),
        ("今天累得想死 哈哈 钱周五打给你", "neutral"),
        ("我妈去世十年了 那时候很难过 现在早就看开了", "neutral"),
        ("我是医院的护士 刚下夜班 等下再聊", "neutral"),
        ("以前离婚的时候想不开过 现在早走出来了 挺好的", "neutral"),
        ("那个电影结局女主跳楼了 看得我哭了一晚上", "neutral"),
    ],
    {
        "我妈去世十年了 那时候很难过 现在早就看开了": (
            "去世 stays hardship: the hardship idiom for a loss years ago knows 好多/好几/十几 年, "
            "not a bare 十年 (the distress idiom now takes back the 那时候很难过)"
        ),
        "以前离婚的时候想不开过 现在早走出来了 挺好的": (
            "the past 想不开 is taken back, but 离婚 stays hardship: the idiom needs 都过去了 or "
            "现在 close to 挺好, and 挺好 comes after another clause"
        ),
    },
)


def test_the_probe_has_the_planned_size() -> None:
    assert len(FIXING) == len({text for text, _ in FIXING}) == 49
    assert len(LOOK_ALIKES) == 24
    assert len(HELD_OUT) == 16


@pytest.mark.parametrize(("text", "family"), FIXING)
def test_fixing_lines(text: str, family: str) -> None:
    assert as_expected(decide_zh(text), family)


@pytest.mark.parametrize(("text", "family"), LOOK_ALIKES + EXTRA_LOOK_ALIKES)
def test_look_alikes(text: str, family: str) -> None:
    assert as_expected(decide_zh(text), family)


@pytest.mark.parametrize(("text", "family"), HELD_OUT)
def test_held_out(text: str, family: str) -> None:
    assert as_expected(decide_zh(text), family)
