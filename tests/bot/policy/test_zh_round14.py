"""Mandarin policy round 14: families a new blind set found, in this round's own wording.

The blind set's lines were never seen; its missed families were given in the abstract. Fixes are
phrase families (most need both halves of a cue) and idioms that take a reading back only when an
ordinary context is said with it:

1. complaint (complaint.yml): Taiwan's regulators and consumer bodies (金管会, 消基会, 消保官,
   金融评议中心, 银保监会) and 检举 next to 投诉/举报; an idiom keeps "在 + regulator + 上班/工作"
   (one's own or a relative's workplace) neutral;
2. dispute (dispute.yml): a contract/IOU said to be 无效/不算数/不成立/不合法, and
   不承认/不认 + 这笔/这个 + 账/债/欠款 (不认这笔 ... 债 added to the round-8 form);
3. hardship (hardship.yml): just gave birth / 坐月子 / 产假 / 哺乳期 ... [/] ... 往后延/推迟/宽限/
   还没回去上班 (both halves); 手上/身上/卡里 + 就剩/只剩/只有 ... [/] ... 先还/先给 + 这些/这么多;
   a partner who ran off or left the children (老公/男人/孩子他爸 ... 跑了/丢下/不管我们); a new
   repayment plan (重新 ... 做/定 ... 还款计划, 0.6) and smaller monthly payments
   (每个月 ... 少一点, 0.6); idioms: 穷/没钱/吃土 ... taken back as a joke (开玩笑/骗你/逗你)
   followed by "the money is there" (钱我有, 钱准备好了, 不缺钱), or immediately after 哈哈
   (哈哈骗你的; "哈哈 不是开玩笑" stays hardship); 跑了一趟/跑外卖 (errands, not a partner gone);
   a sister's or a friend's 坐月子; 一个人带孩子出去玩 (an outing, pre-existing false
   alarm); 手上就剩这点活 (work, not money);
4. cease (cease_request.yml): 不想再接到 + up to 10 characters + 电话 (你们任何一通电话), 别让我再
   接到 ... 电话, 不要/别 再有 ... 电话;
5. party (wrong_party.yml): 号码/号 ... 以前/原来 ... 别人 用/在用/用过
   (这号码以前应该是别人用的吧);
6. neutral (common.yml): the round-13 得-complement idiom made general: a verb or adjective + 得 +
   up to 4 characters + 想死/要死 (玩得我想死, 练得, 写得, 笑得, 气得, 烦得, 撑得 ...). 觉得, 活得,
   过得, 哭得, 打得, 逼得, 催得, 熬得 are left out on purpose: "我觉得我想死", "被打得想死",
   "催得我想死" still hand over.
Detector: four ordinary lines with 我真的不想再 ... (junk calls, a trip to the bank, queues,
takeaway) in everyday_zh.jsonl; "我真的不想再接到你们电话了" was tagged self_harm by the n-grams
真的不 / 的不想 although the same line is labelled end_call in the training copy. No concept
class and no labelled line of the training copy changed.

Measured before any change (HEAD 2c7adb9): FIXING 16/36, LOOK_ALIKES 19/20 (the 一个人带孩子出来玩
false alarm), EXTRA_LOOK_ALIKES 12/14 (the sister's 坐月子 and the "only this work left" line);
after: 36/36, 20/20, 14/14.
Freshset (all zh files) and devset, decided action before/after (automated, lines unread): 13 lines
changed, all towards their expected action (blind17: 2 escalate lines to handoff, 4 hardship lines
to hardship (one from handoff), 1 cease line to end_call, 1 party line to end_call, 2 neutral lines
to continue; blind16: 1 cease line handoff -> end_call; blind15: 1 neutral line handoff ->
continue; devset: 1 continue line that the detector had handed over, 我想把这笔债彻底结束掉, now
continues). No safety line stops handing over (the 5 lines that stopped were 3 neutral, 1 cease,
1 hardship). Neutral lines that escalate across the zh freshset files: 28/590 before, 25/590 after.

HELD_OUT (10 lines, one per family) was written before any fix in other wordings: 5/10 at HEAD,
9/10 after the last fix; the miss is a strict xfail with its reason.
"""

from __future__ import annotations

import pytest

from tests.bot.policy.probe import as_expected, decide_zh, held_out

# Written for fixing (measured before any change: 16/36): (text, expected family)
FIXING = [
    ("我要打去金管会检举你们喔", "complaint"),
    ("再这样我就去消基会投诉你们", "complaint"),
    ("我要去银保监举报你们 你们等着", "complaint"),
    ("你们这样我要打去金管会检举", "complaint"),
    ("那个合同是无效的 我不认", "dispute"),
    ("这个合同无效 这笔账我不承认", "dispute"),
    ("合同根本无效啊我不承认这笔账", "dispute"),
    ("我刚生完孩子 还没回去上班 能不能往后延一下", "hardship"),
    ("在坐月子呢 没收入 能不能往后延", "hardship"),
    ("我在休产假 工资少 还款可以往后推吗", "hardship"),
    ("刚生完小孩还没上班能不能往后延一点", "hardship"),
    ("我手上就剩两千块 先还这些可以吗", "hardship"),
    ("手上只剩五百了 先还这么多行不行", "hardship"),
    ("手里就剩1000 先还这个可以吗", "hardship"),
    ("老公跑了 我一个人带两个孩子 真的还不起", "hardship"),
    ("我老公跑路了 自己带着孩子 实在还不上", "hardship"),
    ("男人跑了 我一个人拉扯孩子 真的没钱还", "hardship"),
    ("能不能重新做个还款计划 每个月少一点", "hardship"),
    ("帮我重新安排一下还款计划吧 每月少还一点", "hardship"),
    ("可不可以重新做一个还款计划每个月还少一点", "hardship"),
    ("我不想再接到你们任何一通电话", "cease"),
    ("别让我再接到你们的电话", "cease"),
    ("以后不要再有电话打过来了", "cease"),
    ("我真的不想再接到你们电话了", "cease"),
    ("这号码以前应该是别人用的吧", "party"),
    ("这是我新换的号 你找的人我不认识", "party"),
    ("这个号码是新办的 以前是谁的我不知道", "party"),
    ("这号以前应该是别人在用吧", "party"),
    ("穷得叮当响哈哈开玩笑的 钱我有", "neutral"),
    ("我穷得叮当响 哈哈骗你的 钱月底就还", "neutral"),
    ("穷得揭不开锅了 开玩笑啦 钱我有的", "neutral"),
    ("这游戏玩得我想死哈哈 等一下", "neutral"),
    ("笑得我要死 等会再说", "neutral"),
    ("气得我想死 这破车又坏了 钱下周还", "neutral"),
    ("烦得要死 堵车堵了一个小时 等下打给你", "neutral"),
    ("这游戏玩得我要死了", "neutral"),
]

# Look-alikes written with the fixing lines (19/20 before, 20/20 after)
LOOK_ALIKES = [
    ("我在金管会上班 晚点打给我", "neutral"),
    ("我老婆在消基会工作 钱我下周还", "neutral"),
    ("合同我看过了 没问题 月底还", "neutral"),
    ("我承认这笔账 下个月还", "neutral"),
    ("我老婆刚生完孩子 我请了假 钱下周还", "neutral"),
    ("我手上就剩这些事要忙了 下午还", "neutral"),
    ("先还两千 剩下的月底结清", "neutral"),
    ("我一个人带孩子出来玩 晚点说", "neutral"),
    ("还款计划我看了 没问题", "neutral"),
    ("我接到你们的电话了 你说吧", "neutral"),
    ("我不想错过你们的电话 下午打给我", "neutral"),
    ("这是我的号码 我用了十年了", "neutral"),
    ("我穷得叮当响 真的没钱还", "hardship"),
    ("玩得很开心 钱下周还", "neutral"),
    ("气得我想死 活着真没意思", "safety"),
    ("我真的想死 不是开玩笑", "safety"),
    ("老公跑了 孩子也不要了 我不想活了", "safety"),
    ("累得要死 真的不想活了", "safety"),
    ("笑得肚子疼 你说", "neutral"),
    ("烦死了 你们天天打", "complaint"),
]

# Look-alikes checked while fixing (12/14 before, 14/14 after)
EXTRA_LOOK_ALIKES = [
    ("我老婆跑了一趟银行 钱下午转", "neutral"),
    ("我老公跑外卖呢 晚上再打", "neutral"),
    ("我觉得我想死", "safety"),
    ("被他打得想死", "safety"),
    ("你们催得我想死 活着没意思", "safety"),
    ("我穷得叮当响 哈哈 不是开玩笑 真没钱", "hardship"),
    ("旧合同作废了 签了新的 下周还", "neutral"),
    ("我承认这笔账是我的 下周还", "neutral"),
    ("我手上就剩这点活了 先还这些 下午转你", "neutral"),
    ("我每个月少吃一顿外卖 省钱还你们", "neutral"),
    ("我不想再接到你们的电话 你们太吓人了 我想死", "safety"),
    ("刚生完孩子 钱下周按时还", "neutral"),
    ("我姐在坐月子 我去照顾 晚点打", "neutral"),
    ("我在金管会上班 你们这个我也懂 月底还", "neutral"),
]

# Held out: written before the fixes in other wordings, measured after them (5/10 before,
# 9/10 after); the miss is a strict xfail
HELD_OUT = held_out(
    [
        ("再打来我就去金融监管局举报你们", "complaint"),
        ("那份合同不算数 我不认这笔债", "dispute"),
        ("我老婆刚生 我也在家照顾月子 这个月能不能往后延", "hardship"),
        ("我现在身上就剩八百 先还这些行吗", "hardship"),
        ("孩子他爸跑了 我一个人养孩子 实在还不起", "hardship"),
        ("能不能帮我把还款计划重新做一下 每期少一点", "hardship"),
        ("别再让我接到你们的任何电话", "cease"),
        ("这个号我才办没多久 以前是别人用的吧", "party"),
        ("穷得叮当响啦 开玩笑的 钱早准备好了", "neutral"),
        ("热得我要死 等一下我在开车", "neutral"),
    ],
    {
        "别再让我接到你们的任何电话": (
            "the new form wants 别/不要 + 让我 + 再 + 接到; here 再 comes before 让我 "
            "(别再让我接到), which no cease phrase knows"
        ),
    },
)


def test_the_probe_has_the_planned_size() -> None:
    assert len(FIXING) == len({text for text, _ in FIXING}) == 36
    assert len(LOOK_ALIKES) == 20
    assert len(HELD_OUT) == 10


@pytest.mark.parametrize(("text", "family"), FIXING)
def test_fixing_lines(text: str, family: str) -> None:
    assert as_expected(decide_zh(text), family)


@pytest.mark.parametrize(("text", "family"), LOOK_ALIKES + EXTRA_LOOK_ALIKES)
def test_look_alikes(text: str, family: str) -> None:
    assert as_expected(decide_zh(text), family)


@pytest.mark.parametrize(("text", "family"), HELD_OUT)
def test_held_out(text: str, family: str) -> None:
    assert as_expected(decide_zh(text), family)
