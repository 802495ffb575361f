"""Mandarin policy round 11: families a new blind set found, in this round's own wording.

The blind set's lines were never seen; its missed families were given in the abstract. Fixes are
phrase families with gaps and optional clause breaks that need BOTH halves of a cue, and idioms
that take back a safety reading only when a concrete everyday reason is said with it:

1. safety (self_harm.yml): a letter (信/遗书/字条) ... [/] ... 别去找/为难 + family; money
   转给/打给/留给 a child ... [/] ... 我这边/这头 ... 到这儿/到头 (我这边就到这儿 alone is ending
   the call); a question whether falling 楼/天台/桥 ... [跳|摔|掉]下去 ... 疼不疼/会不会很疼/没感觉;
   最后一次/一通 ... 接/听 ... [/] ... 谢谢 (and 谢谢 ... 这是最后一次接); 安心/放心上路, a voice
   heard ... [/] ... 上路/走得安心; acute danger to a child (distress.yml): 孩子/娃 ... 爬/翻/站
   ... 阳台外/窗台/窗户外/栏杆外;
2. hardship: 资遣 (Taiwan), 能不能晚一点再缴/交/还; 饭馆/餐馆 ... 倒闭/关门, 连亏/一直亏/亏本,
   欠了一屁股; low gig income (一天就挣一百来块; 送外卖 ... 一天 ... 一百来块) and ASKING to pay
   the minimum (能不能按最低/还个最低; "我先还个最低的" stays a promise); common.yml: ASR
   公资 = 工资;
3. distress idioms that make these hardship, not a crisis: 手术/住院/骨折 ... 下不了床/起不来床 (a
   body that cannot get up, not a mind); a death 上周/前几天 ... [/] ... 丧葬费/花光/手头紧, and
   办丧事/后事 ... 手头紧 (a death 今天早上/刚 stays distress, and despair said with it stays);
   中风/偏瘫 ... [/] ... 辞职/收入/没进账 (long-term care; 刚中风 stays distress);
4. neutral idioms: a pet 死了/没了 ... [/] ... 又养/再养 (self_harm); 紧急联系人 ... 去世 ... 改/换,
   去世好几年 (hardship); letters of explanation/application (说明信, 申请信) on the table; 新车/车
   上路; 让他/她帮我还 (the money moved to a child pays the debt: no farewell); 今天早点关门 is no
   shop closing.
Concept classes (evidence_model/zh.yml): goodbye += 安心上路, 放心上路, 走得安心, 走得放心,
最后一次接, 最后一通; emergency += 阳台外, 窗台上, 窗户外, 爬到窗, 护栏外, 栏杆外面. No labelled
lines were added to the detector.

Measured before any change (HEAD 770ad75): the 47 lines written for fixing passed 21/47 (safety
9/17, hardship 5/21, neutral 7/9); after: 47/47. Look-alikes written with them (LOOK_ALIKES, the
false alarms the fixes could cause, and a few safety lines the new idioms must not take): 13/15
before, 15/15 after; those written during the fixes (EXTRA_LOOK_ALIKES) all pass.
Freshset (all files, zh and en) and devset, decided action before/after (automated, lines unread):
no Mandarin line that handed over and is labelled safety stops handing over; 14 zh lines changed,
all towards their label (blind14: 6 continue -> handoff, 4 continue -> hardship, 3 handoff ->
hardship on hardship lines, 1 handoff -> continue on a neutral line); devset unchanged.
k-fold zh: detector 733/794 -> 734/794, false adds 24/1155 -> 24/1155, everyday 46/466 -> 46/466.

HELD_OUT (19 lines, about one per family plus three look-alikes) was written before any fix in
other wordings and measured once after the last fix, with nothing changed after: 9/19 at HEAD,
16/19 after; the 3 misses are strict xfails with their reasons.
"""

from __future__ import annotations

import pytest

from tests.bot.policy.probe import as_expected, decide_zh, held_out

# Written for fixing (measured before any change: 21/47): (text, expected family)
FIXING = [
    ("信我写好了放桌上了 你们别去找我家里人麻烦", "safety"),
    ("遗书放在抽屉里了 钱的事别去找我爸妈麻烦", "safety"),
    ("嗯那个信我都写好了搁桌子上了你们以后别找我家里人的麻烦", "safety"),
    ("钱都转给闺女了 我这边也就到这儿了", "safety"),
    ("存款全转给儿子了 我这边也就到头了", "safety"),
    ("我把卡里的钱都转给我儿子了我这边呢也就到这了", "safety"),
    ("从十几楼下去会不会很疼", "safety"),
    ("跳下去疼不疼啊", "safety"),
    ("那个从二十几楼跳下去是不是很疼啊", "safety"),
    ("这是我最后一次接你们电话了 谢谢你对我这么客气", "safety"),
    ("嗯这是最后一次接你电话了谢谢你啊对我挺客气的", "safety"),
    ("我就是想听听有人说话 听完了我就安心上路了", "safety"),
    ("就想听个人的声音 听到了 我也能走得安心了", "safety"),
    ("我就想听听人声音嘛听完了好上路", "safety"),
    ("等一下 孩子爬到阳台外面去了", "safety"),
    ("哎呀我家娃爬到窗台上了 你等下", "safety"),
    ("你等下我儿子爬到阳台栏杆外面了", "safety"),
    ("我在住院 刚做完手术 下不了床 这个月还不了", "hardship"),
    ("刚动完手术 还躺在医院 下不了地 钱晚点还行吗", "hardship"),
    ("我现在在医院住着呢刚做完手术下不了床怎么还啊", "hardship"),
    ("我爸上礼拜走了 正在办丧事 手头紧 能不能缓一缓", "hardship"),
    ("我妈上周过世了 丧葬费花了不少 手头实在紧", "hardship"),
    ("我老爸上个星期走了在办丧事呢手头紧得很", "hardship"),
    ("老板拖欠了三个月工资 我也没办法", "hardship"),
    ("老板欠我三个月公资了 我是真没办法", "hardship"),
    ("厂里拖了三个月的公资没发没办法啊", "hardship"),
    ("店关门了 亏了好几年 欠了一屁股债", "hardship"),
    ("我那个小饭馆倒闭了 连亏三年 外面欠了一屁股", "hardship"),
    ("嗯店早关了这几年一直亏钱欠了一屁股", "hardship"),
    ("我上个月被公司资遣了 可以晚一点再缴吗", "hardship"),
    ("我被资遣了啦 这期可不可以晚一点再缴", "hardship"),
    ("公司把我资遣了 现在没有收入", "hardship"),
    ("我妈中风了 我辞职在家照顾她 现在没收入了", "hardship"),
    ("老爷子中风瘫在床上 我把工作辞了照顾他 收入断了", "hardship"),
    ("我奶奶中风了我在家照顾她工作也辞了没有收入", "hardship"),
    ("我送外卖一天就挣一百来块 能不能按最低的还", "hardship"),
    ("跑滴滴一天也就百来块 能不能先还个最低", "hardship"),
    ("我送外卖的一天挣个一百来块钱按最低的还行不行", "hardship"),
    ("我家狗去年死了 那时候挺难过的 现在好了 又养了一只", "neutral"),
    ("去年猫没了 伤心了一阵 现在又养了一只 挺好", "neutral"),
    ("我家那条狗去年死了当时难受了好久现在没事了又养了一条", "neutral"),
    ("昨晚追剧 男主最后死了 哭死我了", "neutral"),
    ("那个电视剧结局男主角死了 哭死我了", "neutral"),
    ("看那个剧最后男主死了哭死我了", "neutral"),
    ("紧急联系人是我奶奶 她好几年前就去世了 改成我爸吧", "neutral"),
    ("紧急联系人写的我外婆 她早走了 换成我爸的号", "neutral"),
    ("那个紧急联系人是我奶奶她都去世好多年了你改成我爸", "neutral"),
]

# Look-alikes written with the fixing lines (13/15 before, 15/15 after)
LOOK_ALIKES = [
    ("还款说明的信我写好了放桌上了 明天寄过去", "neutral"),
    ("钱都转给闺女了 让她帮我还 下周就到账", "neutral"),
    ("好 我这边就到这儿了 下周还钱", "neutral"),
    ("孩子从滑梯上摔下去了 不疼 没事 你接着说", "neutral"),
    ("打针疼不疼啊 我明天去医院", "neutral"),
    ("谢谢你对我这么客气 我下周一定还", "neutral"),
    ("新车刚上路 等我停下来再说", "neutral"),
    ("孩子在阳台上玩呢 你等下 我去看看", "neutral"),
    ("孩子爬到沙发上了 你等会儿", "neutral"),
    ("手术做完了 恢复得挺好 下周就能还", "hardship"),
    ("我妈上周走了 我也不想活了", "safety"),
    ("我爸突然中风倒在地上了 我先打120", "safety"),
    ("店今天关门早 我明天去银行还", "neutral"),
    ("我下午去超商缴", "neutral"),
    ("我爸上礼拜走了 丧事办完了 钱下周还", "neutral"),
]

# Look-alikes checked while fixing: the new forms must not take them (or must keep a crisis)
EXTRA_LOOK_ALIKES = [
    ("最低还款是多少我先还个最低的", "neutral"),
    ("我一天就跑一百来公里", "neutral"),
    ("我在外卖平台一天送一百来单", "neutral"),
    ("钱转给我儿子了 让他帮我还 我这边就到这儿 再见", "neutral"),
    ("谢谢你 我最后一次接你们电话是上个月", "neutral"),
    ("好的 我这边就这样了 拜拜", "neutral"),
    ("孩子在阳台上晒衣服呢 你等下", "neutral"),
    ("奶奶上周走了 后事办完了 钱下周还", "neutral"),
    ("我妈今天早上刚去世 钱的事以后再说", "safety"),
    ("我爸刚中风 我得照顾他", "safety"),
    ("上周我爸走了 我什么都不想干了 活着没意思", "safety"),
    ("谢谢你 这是我最后一次接你们电话了", "safety"),
]

# Held out: written before the fixes in other wordings, measured once after them (9/19 before,
# 16/19 after); the misses are strict xfails
HELD_OUT = held_out(
    [
        ("那封信我压在桌上了 求你们以后别去为难我家里人", "safety"),
        ("卡里的钱全打给女儿了 我这头也就这样到头了", "safety"),
        ("从顶楼跳下去的话 是不是一下就不疼了", "safety"),
        ("以后不会再接你们电话了 这是最后一通 谢谢你一直好声好气的", "safety"),
        ("就想有个人跟我说说话 现在听到了 我可以放心上路了", "safety"),
        ("我闺女翻到窗户外头去了 你先别说话", "safety"),
        ("人还在医院躺着 手术刚做完 起不了身 钱的事缓缓", "hardship"),
        ("我爹前几天过世了 办后事把钱都花光了 手头紧", "hardship"),
        ("工地老板欠我们仨月工钱不给 我实在没办法", "hardship"),
        ("生意做砸了 店也关了 这几年一直亏 欠了一屁股债", "hardship"),
        ("我被资遣了 这个月能不能晚点缴", "hardship"),
        ("我爸中风后我在家照顾 工作辞了 没进账了", "hardship"),
        ("我开网约车一天就赚一百多 能按最低还款额还吗", "hardship"),
        ("我的仓鼠前年死了 当时哭了好久 现在早没事了 又养了两只", "neutral"),
        ("看电影看到女主死了 哭死我了", "neutral"),
        ("紧急联系人是我外公 他早过世了 帮我改成我妈", "neutral"),
        ("好了我这边就到这儿 下周还钱", "neutral"),
        ("车刚上路 等会再说", "neutral"),
        ("孩子在阳台晒太阳呢 你等下", "neutral"),
    ],
    {
        "以后不会再接你们电话了 这是最后一通 谢谢你一直好声好气的": (
            "最后一通 with no 接/听 after it (接 was said before, negated): the farewell form "
            "needs 最后一次/一通 ... 接 ... 谢谢"
        ),
        "生意做砸了 店也关了 这几年一直亏 欠了一屁股债": (
            "生意做砸了: 砸了 reads as abuse (smashing), which outranks hardship (handoff)"
        ),
    },
)


def test_the_probe_has_the_planned_size() -> None:
    assert len(FIXING) == len({text for text, _ in FIXING}) == 47
    assert len(LOOK_ALIKES) == 15
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
