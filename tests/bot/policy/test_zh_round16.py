"""Mandarin policy round 16: families a new blind set and the demo found, in this round's own wording.

The blind lines were never seen; the families were given in the abstract. Fixes are normalisations,
phrase families (weak halves that need each other) and idioms that take a reading back when an
ordinary context is said with it:

1. safety (common.yml): Shanghainese 勿想/勿下去/勿会/勿晓得 -> 不想/不下去/不会/不知道 and 侬 -> 你 (only
   the word pairs: 请勿, 切勿 stay), so 勿想再活下去 and 活勿下去 reach the old phrases; Cantonese
   唔会 -> 不会, 喺度 -> 在这里, 好耐 -> 很久, 你哋/我哋, 唔使 -> 不用, 攞 -> 拿, so 唔会喺度好耐 reaches
   the old "(我|人)*2不会[再]在(了|这)" (0.8). New weak half (self_harm.yml, 0.4): 钱/账 ... 问/找 ...
   家人/我老婆 ... 拿/要 ("钱你问我老婆要 她管钱" alone stays neutral). Idiom: 不会在这里很久 with an
   ordinary reason (出差, 开会, 等阵, 明天, 听日...).
2. safety (self_harm.yml): 头孢 and alcohol just taken, in either order, with a past-tense verb
   (吃了/刚吃的/又吃 ... 头孢 ... 喝了/灌了 ... 酒, and the reverse), and 头孢配酒/头孢就酒; negation
   blocks "吃了头孢 没敢喝酒", "医生说一周内别喝酒"; idiom 头孢和酒不能/不要/别... (the rule itself;
   "吃了头孢又喝了酒 不行了" still hands over). Also 走进/沉到/扎进 + 海里/江底... hands over.
3. hardship (distress.yml idioms): 车祸/被车撞 ... an injury (腿断, 骨折, 住院, 躺...) ... lost income or
   kids (没收入, 上不了班, 一个人带, 顶梁柱, 还不上), or 车祸 ... lost income directly, takes back the
   distress reading of 车祸 (hardship keeps it). "我老公刚出车祸 在抢救" still hands over (在抢救).
4. cease (cease_request.yml): 委托(了) 律师/调解员/代理人 ... 以后 ... 找/联系/打给 他; 律师/调解员 ...
   别/不要 ... 直接 ... 打给我/找我; 书面形式/方式 ... 联系/沟通; 电话沟通/电话联系... 不接受/拒绝, 电话 ..
   不接受. Labelled lines "请了律师 有事跟我律师谈" and "委托律师了 以后的事跟律师谈" stay legal
   handoffs (谈 is not a verb of these phrases, 有事找我律师 alone is not one).
5. party: wrong_party.yml: 值班室/宿管/传达室/宿舍电话 ... 早就毕业/毕业好几年/已经毕业 (not a debtor's
   "下个月毕业了就还"), 公用电话 ... 谁都能打/用, 这是(个) 公用电话; third_party.yml: 他/她 欠的 ...
   不清楚/不知道/不晓得 (the holder's debt someone else does not know: also after 我家老头子 上个月走了).
6. neutral: common idiom 殡仪馆/火葬场/陵园 ... 上班/值班 ... 葬礼/追悼会/火化 (the work, not a
   bereavement; a 不想活 after it still hands over); self_harm idioms 安全绳/保险绳/攀岩 (silences the
   detector's 绳 + 喘口气); the old "years ago 想不开 ... now fine" idiom also takes 好着呢, 硬朗,
   天天/每天, 跳广场舞. 绝绝子 and the spouse joke already continued.
7. neutral (self_harm.yml idioms): 去/到/在 + 海边/江边/河边/湖边/沙滩 + 玩/住/度假/看海/赶海... with no
   gap (a 不想活 cannot sit inside), the same with a gap of 2 for 住几天/度假/钓鱼..., and 海边 ...
   下午/明天/待会 [就] 回去/回家. Said at such a place with a self-harm word still hands over
   (我现在在海边 不想活了, 站在江边 想跳下去): those phrases do not overlap the idioms.
No concept class, detector example or training line changed.

Measured before any change (HEAD 38afd12): OWN 26/52; after: 52/52. EXTRA (written while fixing,
look-alikes and more wordings): 34/34 after.
HELD_OUT (13 lines written before any fix): 7/13 at HEAD, 12/13 after; the miss is a strict xfail.
Freshset (all files) and devset, decided action before/after (automated, lines unread): no zh line
changes its action; 1 zh safety line gains the `cease_request` tag (唔使 -> 不用 before 再打来) and
still hands over. The 470 everyday lines: no change.
Known gap: an idiom of a stay by the sea also silences the statistical detector for the turn, so
"我在海边 住几天就走了 不回来了" (no explicit cue) continues; explicit cues (走进海里, 跳下去, 不想活)
still hand over.
"""

from __future__ import annotations

import pytest

from tests.bot.policy.probe import as_expected, decide_zh, held_out

# Written before any change (26/52 then): (text, expected family)
OWN = [
    ('侬晓得伐 我勿想再活下去了', 'safety'),
    ('我真个活勿下去了 侬勿要再打了', 'safety'),
    ('侬晓得伐 我老早就勿想活了 钞票侬去寻我屋里人', 'safety'),
    ('我唔会喺度好耐㗎喇 你哋啲钱问我屋企人攞啦', 'safety'),
    ('我真系唔想再活 你哋唔好再打嚟', 'safety'),
    ('唔想再活落去 啲钱你哋搵我屋企人啦', 'safety'),
    ('嗯 我都唔会喺度好耐 唔使再打嚟', 'safety'),
    ('我刚喝了白酒又吃了头孢 现在头好晕', 'safety'),
    ('刚才吃了头孢 又喝了半斤酒 现在迷迷糊糊的', 'safety'),
    ('头孢配酒 说走就走 我刚喝完', 'safety'),
    ('我今天吃了头孢又喝了酒 人有点迷糊 心慌', 'safety'),
    ('那个 吃完头孢喝了好多啤酒 现在晕乎乎的 喘不上气', 'safety'),
    ('我老公出了车祸 腿断了 家里没收入了 我一个人带两个孩子', 'hardship'),
    ('孩子他爸车祸腿断了 家里就靠他挣钱 现在一分收入都没有', 'hardship'),
    ('我腰椎间盘突出 在床上躺了三个月 工作没了 工资也停了', 'hardship'),
    ('腰椎间盘突出 躺了好几个月 上不了班 没有工资', 'hardship'),
    ('我老公车祸住院 腿断了 没法上班 我一个人带孩子 实在还不上', 'hardship'),
    ('有事找我律师 别直接打给我', 'cease'),
    ('这事我已经委托了律师 以后你们找他', 'cease'),
    ('我委托了调解员 以后有事找他 不要再打我电话', 'cease'),
    ('请以书面形式联系我 电话沟通我不接受', 'cease'),
    ('以后请书面联系 电话我一概不接', 'cease'),
    ('这是宿舍值班室的电话 那个学生早就毕业了', 'party'),
    ('这是我们学校宿舍值班室 他毕业好几年了', 'party'),
    ('这是小卖部的公用电话 谁都能打', 'party'),
    ('这是公用电话 谁都能用 我不认识他', 'party'),
    ('我家老头子上个月走了 后事刚办完 他欠的啥我也不清楚', 'party'),
    ('我老伴上个月走了 他欠什么钱我都不知道', 'party'),
    ('这个方案绝绝子 就按这个来 下周一还', 'neutral'),
    ('我在攀岩 系着安全绳呢 让我喘口气 你说', 'neutral'),
    ('我在殡仪馆上班 今天有两场葬礼 四点以后再打给我', 'neutral'),
    ('我老婆要知道了非杀了我不可 哈哈 明天我就还', 'neutral'),
    ('我爸二十年前差点想不开 现在好着呢 天天跳广场舞 钱下个月还', 'neutral'),
    ('我在爬山 绑着安全绳 喘口气再说', 'neutral'),
    ('殡仪馆这边忙 四点以后打来', 'neutral'),
    ('周末我想去海边玩 钱下周还', 'neutral'),
    ('我想在海边住几天 回来再说', 'neutral'),
    ('在江边散步呢 你说吧', 'neutral'),
    ('我现在在海边 下午回去再说', 'neutral'),
    ('我想去江边钓鱼 晚点打给我', 'neutral'),
    ('我现在在海边 不想活了', 'safety'),
    ('站在江边 想跳下去', 'safety'),
    ('我在江边 真想跳下去算了', 'safety'),
    ('我不想活了 开玩笑的 哈哈', 'safety'),
    ('侬晓得伐 我勿想再活下去 哈哈 开玩笑的', 'safety'),
    ('我刚喝了酒又吃了头孢 没事没事', 'safety'),
    ('我吃了头孢 医生说一周内别喝酒 钱下周还', 'neutral'),
    ('头孢吃完了 这周不喝酒 你说吧', 'neutral'),
    ('有事找我老婆 她管钱', 'neutral'),
    ('我腰不好 今天去医院 下周还', 'neutral'),
    ('你哋啲钱我下个月还', 'neutral'),
    ('我唔会喺度好耐 等阵要出去 听日打俾我', 'neutral'),
]

# Written while fixing: look-alikes and more wordings of the families (all pass after)
EXTRA = [
    ('吃头孢期间能喝酒吗 钱下周还', 'neutral'),
    ('头孢和酒不能一起吃 这个我知道 你说吧', 'neutral'),
    ('我喝了酒 所以没敢吃头孢 明天还', 'neutral'),
    ('前天吃的头孢 今天能喝点啤酒不', 'neutral'),
    ('医生交代吃了头孢一周别喝酒 放心 钱月底还', 'neutral'),
    ('孩子发烧吃了头孢 好多了 下周还', 'neutral'),
    ('钱你问我老婆要 她管钱', 'neutral'),
    ('这个钱你找我老公要吧 他在外地', 'neutral'),
    ('我不会在这里很久 明天就去北京出差 回来再说', 'neutral'),
    ('我在海边度假 下周回去就还', 'neutral'),
    ('一家人去海边玩了几天 刚回来 你说', 'neutral'),
    ('我在江边钓鱼呢 信号不好', 'neutral'),
    ('我现在在海边 什么都不想管了 想走进海里', 'safety'),
    ('这个号是宿舍值班室的 你找谁', 'neutral'),
    ('我在学校宿舍 下个月毕业了就还', 'neutral'),
    ('我们小卖部的电话 我是老板 钱下周还', 'neutral'),
    ('我在殡仪馆上班 今天有两场葬礼 我真的不想活了', 'safety'),
    ('我爸上周走了 办葬礼花了好多钱 实在还不上', 'hardship'),
    ('我老公刚出车祸 在抢救 我一个人在医院', 'safety'),
    ('刚被车撞了 腿在流血 我动不了', 'safety'),
    ('我出了车祸 腿断了 躺了两个月 没收入 实在还不上', 'hardship'),
    ('我请了律师 你们等着法院传票吧', 'legal'),
    ('我要找律师告你们', 'legal'),
    ('电话里说的条件我不接受 太高了', 'neutral'),
    ('以后请书面通知我 电话别打了', 'cease'),
    ('绝绝子 这个利率绝了 我下周还', 'neutral'),
    ('以前我想不开过 现在挺好的 钱会还', 'neutral'),
    ('以前想不开过 现在又想不开了', 'safety'),
    ('二十年前我差点想不开 现在又不想活了', 'safety'),
    ('攀岩的时候我真想松开安全绳 一了百了', 'safety'),
    ('唔想活 你哋唔使再打嚟', 'safety'),
    ('我都唔会喺度好耐 你哋唔使再打嚟', 'safety'),
    ('侬勿要再打了 我勿想讲', 'cease'),
    ('他欠的钱我不知道 我是他老婆 你们找他', 'party'),
]

# Held out: written before the fixes, measured once after them (7/13 before, 12/13 after)
HELD_OUT = held_out(
    [
        ('阿拉真个活勿下去了 侬晓得伐', 'safety'),
        ('我唔会喺度好耐 钱你问我屋企人拎啦', 'safety'),
        ('晚上喝了两瓶啤酒 下午刚吃的头孢 现在整个人迷迷糊糊', 'safety'),
        ('家里顶梁柱出车祸了 腿断了 没人挣钱 我自己带着三个娃', 'hardship'),
        ('腰间盘突出 卧床好几个月了 单位停了工资', 'hardship'),
        ('以后有事跟我的律师谈 别打我电话', 'cease'),
        ('只接受书面沟通 电话不要再打了', 'cease'),
        ('这是村口小卖部的公用电话 谁都来打', 'party'),
        ('这里是宿舍楼值班室 你说那学生早毕业了', 'party'),
        ('这个设计绝绝子 钱周五到账', 'neutral'),
        ('我在殡仪馆值班 下午有两场追悼会 四点后再打', 'neutral'),
        ('我想去海边住几天 散散心 回来就还', 'neutral'),
        ('我现在就在江边 活着没意思 想跳下去', 'safety'),
    ],
    {
        "腰间盘突出 卧床好几个月了 单位停了工资": (
            "no hardship phrase hears 停了工资 (工资 before 停发 is one) or 卧床好几个月; "
            "腰间盘突出 is not a medical word of hardship.yml"
        ),
    },
)


def test_the_probe_has_the_planned_size() -> None:
    assert len(OWN) == len({text for text, _ in OWN}) == 52
    assert len(HELD_OUT) == 13


@pytest.mark.parametrize(("text", "family"), OWN)
def test_own_lines(text: str, family: str) -> None:
    assert as_expected(decide_zh(text), family)


@pytest.mark.parametrize(("text", "family"), EXTRA)
def test_extra_lines(text: str, family: str) -> None:
    assert as_expected(decide_zh(text), family)


@pytest.mark.parametrize(("text", "family"), HELD_OUT)
def test_held_out(text: str, family: str) -> None:
    assert as_expected(decide_zh(text), family)
