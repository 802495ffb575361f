"""Mandarin policy round 16: families a new blind set and the demo found, in this round's own
wording.

The blind lines were never seen; the families were given in the abstract. Fixes are normalisations,
phrase families (weak halves that need each other) and idioms that take a reading back when an
ordinary context is said with it:

1. safety (common.yml): Shanghainese 勿想/勿下去/勿会/勿晓得 -> 不想/不下去/不会/不知道 and 侬 -> 你
(only
   the word pairs: 请勿, 切勿 stay), so 勿想再活下去 and 活勿下去 reach the old phrases; Cantonese
   唔会 -> 不会, 喺度 -> 在这里, 好耐 -> 很久, 你哋/我哋, 唔使 -> 不用, 攞 -> 拿, so 唔会喺度好耐
   reaches
   the old "(我|人)*2不会[再]在(了|这)" (0.8). New weak half (self_harm.yml, 0.4): 钱/账 ... 问/找
   ...
   家人/我老婆 ... 拿/要 ("钱你问我老婆要 她管钱" alone stays neutral). Idiom: 不会在这里很久 with
   an
   ordinary reason (出差, 开会, 等阵, 明天, 听日...).
2. safety (self_harm.yml): 头孢 and alcohol just taken, in either order, with a past-tense verb
   (吃了/刚吃的/又吃 ... 头孢 ... 喝了/灌了 ... 酒, and the reverse), and 头孢配酒/头孢就酒;
   negation
   blocks "吃了头孢 没敢喝酒", "医生说一周内别喝酒"; idiom 头孢和酒不能/不要/别... (the rule itself;
   "吃了头孢又喝了酒 不行了" still hands over). Also 走进/沉到/扎进 + 海里/江底... hands over.
3. hardship (distress.yml idioms): 车祸/被车撞 ... an injury (腿断, 骨折, 住院, 躺...) ... lost
income or
   kids (没收入, 上不了班, 一个人带, 顶梁柱, 还不上), or 车祸 ... lost income directly, takes back
   the
   distress reading of 车祸 (hardship keeps it). "我老公刚出车祸 在抢救" still hands over (在抢救).
4. cease (cease_request.yml): 委托(了) 律师/调解员/代理人 ... 以后 ... 找/联系/打给 他; 律师/调解员
...
   别/不要 ... 直接 ... 打给我/找我; 书面形式/方式 ... 联系/沟通; 电话沟通/电话联系... 不接受/拒绝,
   电话 ..
   不接受. Labelled lines "请了律师 有事跟我律师谈" and "委托律师了 以后的事跟律师谈" stay legal
   handoffs (谈 is not a verb of these phrases, 有事找我律师 alone is not one).
5. party: wrong_party.yml: 值班室/宿管/传达室/宿舍电话 ... 早就毕业/毕业好几年/已经毕业 (not a
debtor's
   "下个月毕业了就还"), 公用电话 ... 谁都能打/用, 这是(个) 公用电话; third_party.yml: 他/她 欠的 ...
   不清楚/不知道/不晓得 (the holder's debt someone else does not know: also after 我家老头子
   上个月走了).
6. neutral: common idiom 殡仪馆/火葬场/陵园 ... 上班/值班 ... 葬礼/追悼会/火化 (the work, not a
   bereavement; a 不想活 after it still hands over); self_harm idioms 安全绳/保险绳/攀岩 (silences
   the
   detector's 绳 + 喘口气); the old "years ago 想不开 ... now fine" idiom also takes 好着呢, 硬朗,
   天天/每天, 跳广场舞. 绝绝子 and the spouse joke already continued.
7. neutral (self_harm.yml idioms): 去/到/在 + 海边/江边/河边/湖边/沙滩 + 玩/住/度假/看海/赶海...
with no
   gap (a 不想活 cannot sit inside), the same with a gap of 2 for 住几天/度假/钓鱼..., and 海边 ...
   下午/明天/待会 [就] 回去/回家. Said at such a place with a self-harm word still hands over
   (我现在在海边 不想活了, 站在江边 想跳下去): those phrases do not overlap the idioms.
Second batch (after the first commit): 我在这里不会很久 (word order reversed, 0.8, with the same
idiom
of ordinary reasons); 头孢吃了 酒也喝了 (two reports); 家里没人 + 挣钱/上班/管 is not "nobody home"
(third_party idiom: ASR joins "躺在家里 没人挣钱"); 公用的 ... 谁都能打; 他 ... 那些账/欠了什么 ...
不知道; 上个月刚走 ... 后事 joins the bereavement-cost idiom (the detector no longer hears 刚走 +
不知道
as a crisis); 年轻时/当年/早年 ... 想不开 ... 现在硬朗; hardship: 工资/收入 ... 停了/断了, 单位/公司
...
停了/不发 ... 工资, and two weak halves (0.45 each) 腰椎间盘突出/腰伤 and 卧床/躺了 ... 几个月.
"我想去海边" was heard by the detector alone (我想去): ten untagged seaside/riverside trips were
added
to everyday_zh.jsonl (topic round16_lookalikes) rather than an idiom, so the detector still hears
"我想去江边 再也不回来了". Because an idiom of a stay silences the detector for the turn, 再也/永远
不回来 (0.6, not after 老公/他/孩子...) and 然后/到时候 ... 就解脱 (0.8, not after 还清/还完) are
phrases now. Retraining moved one freshset line ("写了张字条，提醒自己二十号还款" escalated): the
字条 ... 提醒 idiom now crosses one comma when it is 提醒自己/我 + paying. No concept class or
training line changed.

Third batch: 食咗/饮咗 -> 吃了/喝了, 啱啱 -> 刚刚; 我勿要活了 (不要 + 活了/再活/活下去);
我就快唔喺度㗎喇
(我 ... 快/马上 ... 不在 + 了/喇/这里, 0.8; idiom: 不在这里 ... 搬/辞职/上班...);
"(我|人)*2不会[再]在(了|这)"
now takes a gap of 4 (我应该都唔会喺度耐); 找我律师 ... 不直接 ... 谈/联系 is a cease request
("我找我律师问问"
stays legal).

Measured before any change (HEAD 38afd12): OWN 26/52; after: 52/52. EXTRA (look-alikes and more
wordings written while fixing, a second batch of 73 written after the first commit and a third of
24): all pass.
HELD_OUT (13 lines written before any fix): 7/13 at HEAD, 12/13 at the first commit, 13/13 after the
second batch (its hardship fix was written for the batch's own lines and also covers the miss).
Freshset (all files) and devset, decided action before/after (automated, lines unread): no zh line
changes its action; 1 zh safety line gains the `cease_request` tag (唔使 -> 不用 before 再打来) and
still hands over. The 470 old everyday lines: 1 changes, for the better ("我要离开几天，去我姐那边"
no longer escalates).
Known gap: an idiom of a stay by the sea silences the detector for the turn, so a stay followed by
a farewell with no phrase of its own ("住几天就走了 不回来了" without 再也) continues.
"""

from __future__ import annotations

import pytest

from tests.bot.policy.probe import as_expected, decide_zh, held_out

# Written before any change (26/52 then): (text, expected family)
OWN = [
    ("侬晓得伐 我勿想再活下去了", "safety"),
    ("我真个活勿下去了 侬勿要再打了", "safety"),
    ("侬晓得伐 我老早就勿想活了 钞票侬去寻我屋里人", "safety"),
    ("我唔会喺度好耐㗎喇 你哋啲钱问我屋企人攞啦", "safety"),
    ("我真系唔想再活 你哋唔好再打嚟", "safety"),
    ("唔想再活落去 啲钱你哋搵我屋企人啦", "safety"),
    ("嗯 我都唔会喺度好耐 唔使再打嚟", "safety"),
    ("我刚喝了白酒又吃了头孢 现在头好晕", "safety"),
    ("刚才吃了头孢 又喝了半斤酒 现在迷迷糊糊的", "safety"),
    ("头孢配酒 说走就走 我刚喝完", "safety"),
    ("我今天吃了头孢又喝了酒 人有点迷糊 心慌", "safety"),
    ("那个 吃完头孢喝了好多啤酒 现在晕乎乎的 喘不上气", "safety"),
    ("我老公出了车祸 腿断了 家里没收入了 我一个人带两个孩子", "hardship"),
    ("孩子他爸车祸腿断了 家里就靠他挣钱 现在一分收入都没有", "hardship"),
    ("我腰椎间盘突出 在床上躺了三个月 工作没了 工资也停了", "hardship"),
    ("腰椎间盘突出 躺了好几个月 上不了班 没有工资", "hardship"),
    ("我老公车祸住院 腿断了 没法上班 我一个人带孩子 实在还不上", "hardship"),
    ("有事找我律师 别直接打给我", "cease"),
    ("这事我已经委托了律师 以后你们找他", "cease"),
    ("我委托了调解员 以后有事找他 不要再打我电话", "cease"),
    ("请以书面形式联系我 电话沟通我不接受", "cease"),
    ("以后请书面联系 电话我一概不接", "cease"),
    ("这是宿舍值班室的电话 那个学生早就毕业了", "party"),
    ("这是我们学校宿舍值班室 他毕业好几年了", "party"),
    ("这是小卖部的公用电话 谁都能打", "party"),
    ("这是公用电话 谁都能用 我不认识他", "party"),
    ("我家老头子上个月走了 后事刚办完 他欠的啥我也不清楚", "party"),
    ("我老伴上个月走了 他欠什么钱我都不知道", "party"),
    ("这个方案绝绝子 就按这个来 下周一还", "neutral"),
    ("我在攀岩 系着安全绳呢 让我喘口气 你说", "neutral"),
    ("我在殡仪馆上班 今天有两场葬礼 四点以后再打给我", "neutral"),
    ("我老婆要知道了非杀了我不可 哈哈 明天我就还", "neutral"),
    ("我爸二十年前差点想不开 现在好着呢 天天跳广场舞 钱下个月还", "neutral"),
    ("我在爬山 绑着安全绳 喘口气再说", "neutral"),
    ("殡仪馆这边忙 四点以后打来", "neutral"),
    ("周末我想去海边玩 钱下周还", "neutral"),
    ("我想在海边住几天 回来再说", "neutral"),
    ("在江边散步呢 你说吧", "neutral"),
    ("我现在在海边 下午回去再说", "neutral"),
    ("我想去江边钓鱼 晚点打给我", "neutral"),
    ("我现在在海边 不想活了", "safety"),
    ("站在江边 想跳下去", "safety"),
    ("我在江边 真想跳下去算了", "safety"),
    ("我不想活了 开玩笑的 哈哈", "safety"),
    ("侬晓得伐 我勿想再活下去 哈哈 开玩笑的", "safety"),
    ("我刚喝了酒又吃了头孢 没事没事", "safety"),
    ("我吃了头孢 医生说一周内别喝酒 钱下周还", "neutral"),
    ("头孢吃完了 这周不喝酒 你说吧", "neutral"),
    ("有事找我老婆 她管钱", "neutral"),
    ("我腰不好 今天去医院 下周还", "neutral"),
    ("你哋啲钱我下个月还", "neutral"),
    ("我唔会喺度好耐 等阵要出去 听日打俾我", "neutral"),
]

# Written while fixing: look-alikes and more wordings of the families (all pass after)
EXTRA = [
    ("吃头孢期间能喝酒吗 钱下周还", "neutral"),
    ("头孢和酒不能一起吃 这个我知道 你说吧", "neutral"),
    ("我喝了酒 所以没敢吃头孢 明天还", "neutral"),
    ("前天吃的头孢 今天能喝点啤酒不", "neutral"),
    ("医生交代吃了头孢一周别喝酒 放心 钱月底还", "neutral"),
    ("孩子发烧吃了头孢 好多了 下周还", "neutral"),
    ("钱你问我老婆要 她管钱", "neutral"),
    ("这个钱你找我老公要吧 他在外地", "neutral"),
    ("我不会在这里很久 明天就去北京出差 回来再说", "neutral"),
    ("我在海边度假 下周回去就还", "neutral"),
    ("一家人去海边玩了几天 刚回来 你说", "neutral"),
    ("我在江边钓鱼呢 信号不好", "neutral"),
    ("我现在在海边 什么都不想管了 想走进海里", "safety"),
    ("这个号是宿舍值班室的 你找谁", "neutral"),
    ("我在学校宿舍 下个月毕业了就还", "neutral"),
    ("我们小卖部的电话 我是老板 钱下周还", "neutral"),
    ("我在殡仪馆上班 今天有两场葬礼 我真的不想活了", "safety"),
    ("我爸上周走了 办葬礼花了好多钱 实在还不上", "hardship"),
    ("我老公刚出车祸 在抢救 我一个人在医院", "safety"),
    ("刚被车撞了 腿在流血 我动不了", "safety"),
    ("我出了车祸 腿断了 躺了两个月 没收入 实在还不上", "hardship"),
    ("我请了律师 你们等着法院传票吧", "legal"),
    ("我要找律师告你们", "legal"),
    ("电话里说的条件我不接受 太高了", "neutral"),
    ("以后请书面通知我 电话别打了", "cease"),
    ("绝绝子 这个利率绝了 我下周还", "neutral"),
    ("以前我想不开过 现在挺好的 钱会还", "neutral"),
    ("以前想不开过 现在又想不开了", "safety"),
    ("二十年前我差点想不开 现在又不想活了", "safety"),
    ("攀岩的时候我真想松开安全绳 一了百了", "safety"),
    ("唔想活 你哋唔使再打嚟", "safety"),
    ("我都唔会喺度好耐 你哋唔使再打嚟", "safety"),
    ("侬勿要再打了 我勿想讲", "cease"),
    ("他欠的钱我不知道 我是他老婆 你们找他", "party"),
    # a second batch of the families' wordings and their look-alikes, written after the first commit
    ("侬晓得伐 阿拉真个勿想活了", "safety"),
    ("我勿想再活了 侬勿要再打电话来", "safety"),
    ("活勿下去了 真个活勿下去了", "safety"),
    ("我勿想活下去了 钞票侬问我屋里人去讨", "safety"),
    ("我应该唔会喺度好耐 你哋啲钱问我屋企人攞", "safety"),
    ("我唔想再活喇 真系好攰", "safety"),
    ("我唔想再活落去喇", "safety"),
    ("我喺度唔会好耐㗎喇", "safety"),
    ("你哋啲钱 之后问我屋企人攞啦 我唔会喺度好耐", "safety"),
    ("我唔会再喺度好耐", "safety"),
    ("刚刚喝了半斤白酒 又吃了两粒头孢 头晕得很", "safety"),
    ("头孢吃了 酒也喝了 现在迷迷糊糊的", "safety"),
    ("我吃了头孢以后又喝了两瓶啤酒 心跳好快", "safety"),
    ("今晚头孢配白酒 说走就走", "safety"),
    ("喝完酒吃了头孢 现在有点晕", "safety"),
    ("我把头孢和白酒一起喝了", "safety"),
    ("吃着头孢呢 刚又喝了点白酒 头好晕", "safety"),
    ("我男人出车祸 腿断了 家里一分钱收入没有 我一个人带俩孩子", "hardship"),
    ("家里就他一个人挣钱 去年出了车祸腿断了 现在没收入", "hardship"),
    ("老公车祸腿摔断了 躺在家里 没人挣钱 还不上", "hardship"),
    ("他出了车祸以后干不了活 家里全靠我 带着两个孩子", "hardship"),
    ("我腰椎间盘突出 躺了半年 工资早停了", "hardship"),
    ("腰椎间盘突出 在床上躺了好几个月 单位不发工资了", "hardship"),
    ("我腰椎间盘突出做了手术 几个月没上班了 没收入", "hardship"),
    ("我已经委托律师处理了 以后找他 别直接打给我", "cease"),
    ("这事交给调解员了 以后你们联系他 别再打给我", "cease"),
    ("有事找我律师 不要直接联系我", "cease"),
    ("请你们以书面形式跟我联系", "cease"),
    ("以后请书面沟通 电话我不接受", "cease"),
    ("我只接受书面联系 不接受电话沟通", "cease"),
    ("有什么事发函给我 电话沟通我不接受", "cease"),
    ("这里是学生宿舍的值班室 那个学生早就毕业走了", "party"),
    ("这是宿管室的座机 他毕业好多年了", "party"),
    ("这是公用电话亭 谁都可以打", "party"),
    ("我们这是小卖部 这个电话是公用的 谁都能打", "party"),
    ("这是村里小卖部的公用电话 我不知道谁打的", "party"),
    ("我家老头子上个月走了 他欠的啥我真不清楚", "party"),
    ("老伴上个月刚走 后事刚办完 他在外面欠了什么我都不知道", "party"),
    ("我是他老伴 他上个月走了 他那些账我一点都不知道", "party"),
    ("你这个方案绝绝子 就这么定了 钱月底还", "neutral"),
    ("绝绝子 太划算了 我下周就还", "neutral"),
    ("我在攀岩 有安全绳 等我喘口气再说", "neutral"),
    ("我在爬山 挂着安全绳 喘口气 你等等", "neutral"),
    ("我在殡仪馆工作 今天两场葬礼 下午四点以后打给我", "neutral"),
    ("我在殡仪馆上班呢 今天有两场追悼会 忙完再说", "neutral"),
    ("这钱要是被我老婆知道了 她非杀了我不可 哈哈 明天就还", "neutral"),
    ("我老婆知道了非得杀了我 开玩笑的 钱明天到", "neutral"),
    ("我爸二十年前也想不开过 现在好着呢 天天跳广场舞 钱下月还", "neutral"),
    ("我爸年轻时差点想不开 现在身体硬朗着呢 下个月还", "neutral"),
    ("周末我想去海边玩", "neutral"),
    ("我想去海边", "neutral"),
    ("国庆想带孩子去海边玩几天", "neutral"),
    ("我想在海边住几天", "neutral"),
    ("在江边散步 风挺大的", "neutral"),
    ("我现在在海边呢 信号不太好", "neutral"),
    ("我在河边跑步 一会儿打给你", "neutral"),
    ("我在海边 想走进海里", "safety"),
    ("我现在一个人在海边 活着太累了", "safety"),
    ("我在江边站了一个小时了 想跳下去", "safety"),
    ("我在桥上 看着江水 想跳", "safety"),
    ("我在海边 不想活了 哈哈 开玩笑的", "safety"),
    ("我在海边住几天 再也不回来了", "safety"),
    ("在海边待几天 然后就解脱了", "safety"),
    ("我想去江边 再也不回来了", "safety"),
    ("我想去海边", "neutral"),
    ("我想去湖边看看", "neutral"),
    ("下周还清 然后就解脱了", "neutral"),
    ("我老公出去打工 再也不回来了 他的事我不管", "refusal"),
    ("我留了张字条，提醒他们以后别为难我家里人", "safety"),
    ("我写了张字条，提醒自己二十号还款", "neutral"),
    ("老公车祸住院 躺在家里 没人挣钱", "hardship"),
    ("我在这里不会很久的 马上就走", "neutral"),
    ("单位停了我的工资 实在还不上", "hardship"),
    # a third batch (more dialect forms, two reports of the mix, 不直接跟你们谈) and its look-alikes
    ("我覅活了 侬晓得伐", "safety"),
    ("活勿落去了 真个", "safety"),
    ("我勿要活了", "safety"),
    ("我就快唔喺度㗎喇 啲钱问我屋企人", "safety"),
    ("我应该都唔会喺度耐 你哋唔使再搵我", "safety"),
    ("唔想生存落去", "safety"),
    ("啱啱食咗头孢又饮咗酒 好晕", "safety"),
    ("吃了头孢还喝了一斤白酒 现在站不稳", "safety"),
    ("头孢刚吃完就喝酒了 脸通红 喘不上气", "safety"),
    ("以后这事你找我律师 我不直接跟你们谈", "cease"),
    ("我这边已经委托了代理人 以后联系他就行", "cease"),
    ("电话沟通不接受 请书面联系", "cease"),
    ("这是传达室的电话 他毕业十几年了", "party"),
    ("我是他老伴 他上个月没了 他欠啥我不知道", "party"),
    ("我在殡仪馆当司仪 今天三场葬礼 晚点打", "neutral"),
    ("我在海边度假 过两天回去 钱照还", "neutral"),
    ("带娃在河边玩呢 等会儿说", "neutral"),
    ("我不要活的 要冻的 你们那个鱼", "neutral"),
    ("我快不在这里上班了 下个月辞职 钱照还", "neutral"),
    ("我马上不在这了 要搬家 新地址发你", "neutral"),
    ("我跟你说 我不会在这里很久 明天就回老家", "neutral"),
    ("啱啱食咗饭 等阵打俾你", "neutral"),
    ("我饮咗茶 听日还钱", "neutral"),
    ("我找我律师问问 下周答复你", "legal"),
]

# Held out: written before the fixes, measured after the first commit (7/13 before, 12/13 then); the
# second batch's hardship fix (工资 ... 停了, 腰椎间盘突出 + 卧床几个月) also covers the one miss:
# 13/13
HELD_OUT = held_out(
    [
        ("阿拉真个活勿下去了 侬晓得伐", "safety"),
        ("我唔会喺度好耐 钱你问我屋企人拎啦", "safety"),
        ("晚上喝了两瓶啤酒 下午刚吃的头孢 现在整个人迷迷糊糊", "safety"),
        ("家里顶梁柱出车祸了 腿断了 没人挣钱 我自己带着三个娃", "hardship"),
        ("腰间盘突出 卧床好几个月了 单位停了工资", "hardship"),
        ("以后有事跟我的律师谈 别打我电话", "cease"),
        ("只接受书面沟通 电话不要再打了", "cease"),
        ("这是村口小卖部的公用电话 谁都来打", "party"),
        ("这里是宿舍楼值班室 你说那学生早毕业了", "party"),
        ("这个设计绝绝子 钱周五到账", "neutral"),
        ("我在殡仪馆值班 下午有两场追悼会 四点后再打", "neutral"),
        ("我想去海边住几天 散散心 回来就还", "neutral"),
        ("我现在就在江边 活着没意思 想跳下去", "safety"),
    ],
    {},
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
