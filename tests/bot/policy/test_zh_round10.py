"""Mandarin policy round 10: families a new blind set found, in this round's own wording.

The blind set's lines were never seen; its missed families were given in the abstract. This round
prefers mechanisms that generalise over single phrases: two half-cues that only count together
(school fees put aside + 以后就靠她奶奶; a threat to 卸/打断 a limb, a weapon held, collectors at
the door or downstairs), patterns with gaps and optional clause breaks (托人传话 ... [/] ...
先走一步, a company number ... [/] ... 离职), homophone normalisation in ``common.yml``
(隔碗/割碗 = 割腕, 偷诉 = 投诉, 延七 = 延期, Hakka 屋下人 = 家里人), concept-class members in
``evidence_model/zh.yml`` (emergency: 卸我, 打断腿, 砍我, 堵在门口/楼下, 棍子, 钢管; gone: 来世,
来生, 投胎, 回不来; goodbye: 以后就靠, 最后一单/一趟, 原谅我; means: 水库 neighbours 窗户, 开进,
冲进; calm: 扭伤, 膏药; reassurance: 逗你的, 说笑的, 闹着玩的) and 18 labelled training lines
in new wordings (devset = training) plus 8 everyday lines. Wordings: 外卖骑手, 建筑工人, 护士,
大学生, 退休老人, 留守老人, 个体户, 网约车司机; 东北, 北京, 天津, 山西, 河北, 四川, 贵州, 闽南,
客家, 潮汕, 广府 flavour; about half raw ASR (no punctuation, homophones).

1. safety: school fees saved + 以后就靠她奶奶; 开玩笑/说笑 "哪天我人要是没了 你们找谁要去"; a rider
   riding to the river and not coming back; going to see a dead mother; 菩萨原谅我 + 来世再还;
   隔碗 + marks on the wrist; the last order/fare then the car into the reservoir; 跟奶奶说
   以后不要找她 + 我先走一步 (was a cease request: the farewell now outranks it); 逗你的 +
   想过从窗户出去; acute danger (distress): collectors downstairs threatening to 卸我一条腿,
   weapons at the door;
2. escalate: 偷诉 (投诉); Sichuan insults at the bot (瓜娃子, 哈批, 龟儿子, 憨批);
3. hardship: 分析/分七 (分期) + 还/每月; 延七 (延期); 屋下的人都病了 (was self_harm);
4. cease: 别整天/一天到晚打 + 消停点; 别再来点了 (来电); 一天打十几个 + 停了吧;
5. party: 你说/你讲的那个<name> 我不认识; 这号是公司/厂里的 + 早就离职了;
6. neutral: a question about a celebrity who jumped; an old grandparent's funeral + a promise;
   a nurse's patient who passed away on the ward; 一了百了 = paying everything off today.

Measured before any change (HEAD d1bb3a5): the 50 lines written for fixing passed 21/50 (safety
12/22, escalate 1/4, hardship 2/6, cease 0/6, party 2/4, neutral 4/8); after: 50/50. A second
batch of 27 in dialect/ASR wording (SECOND_BATCH), written after the first fixes to probe them,
passed 13/27 at HEAD and 24/27 after the first fixes (把我腿打断, 你说那个<name> without 的,
厂里的号 across a clause break); after: 27/27. Look-alikes written during the fixes (school fees
saved for next term, a sprained wrist, fishing at the reservoir, 消停点 said to a child, a
company with people leaving) continue.
Freshset (zh, all blind sets) before/after: no line that handed over stops; two lines changed for
the better (blind9 "别再让人给救回来了" now hands over, blind11 "我已经安排好了，下周三转账"
continues); one (blind9 妈晕过去了叫不醒) gained self_harm next to distress.
k-fold zh at HEAD: detector 722/781 (92.4%), false adds 25/1150, everyday 46/458; after 733/794
(92.3%), 24/1155, 46/466.

HELD_OUT (91 lines: 16 safety, 15 per other family group) was written after the fixes above in
wordings not used while fixing and measured once, with nothing changed after: 58/91 before the
round (safety 10/16, escalate 10/15, hardship 10/15, cease 8/15, party 10/15, neutral 10/15),
82/91 after (safety 13/16, escalate 12/15, hardship 15/15, cease 13/15, party 14/15, neutral
15/15); the 9 misses are strict xfails with their reasons (the next round's work), not fixes.
"""

from __future__ import annotations

import pytest

from tests.bot.policy.probe import as_expected, decide_zh

# Written for fixing (measured before any change: 21/50): (text, expected family)
FIXING = [
    ("孩子的学费我都存好放抽屉里了 以后就靠她奶奶了", "safety"),
    ("娃读书的钱我攒下来了 往后就靠他外婆带了", "safety"),
    ("开玩笑的哈 要是哪天我没了 你们找谁要去", "safety"),
    ("说笑的 哪天我人要是没了你们上哪要钱去", "safety"),
    ("送完这单我今晚就骑到江边去 不回来了", "safety"),
    ("我一个送外卖的 今晚骑车去河边 就不回来了", "safety"),
    ("我妈走了好几年了 等明天出太阳 我就能去见她了", "safety"),
    ("明天天晴了我就可以去找我那走了的老娘了", "safety"),
    ("菩萨会原谅我的吧 这辈子还不上 来世再还", "safety"),
    ("佛祖保佑 欠你们的下辈子做牛做马再还", "safety"),
    ("我昨天隔碗了 手上的印子还在", "safety"),
    ("嗯手腕上那几道还没好 前两天隔晚没成", "safety"),
    ("跑完这最后一单 我就把车开进水库里", "safety"),
    ("拉完这趟客我直接开到水库里去 一了百了", "safety"),
    ("跟奶奶说以后不要找她了 我先走一步", "safety"),
    ("你跟我婆婆讲 以后别找我了 我先走一步了", "safety"),
    ("逗你的 我就是想过从窗户出去", "safety"),
    ("逗你玩呢 前几天真想过从窗户跳出去", "safety"),
    ("放贷的就在楼下等着 说要卸我一条腿", "safety"),
    ("催债的堵在门口了 拿着棍子 说现在就打断我的腿", "safety"),
    ("那帮人拿着刀在我家楼下 说要砍我", "safety"),
    ("高利贷的人现在在我门口 扬言要打断腿", "safety"),
    ("我要偷诉你们 天天打", "complaint"),
    ("再打我就去偷诉", "complaint"),
    ("瓜娃子机器人 莫跟我扯", "abuse"),
    ("你个瓜娃子 莫扯了", "abuse"),
    ("能不能分析还 一个月还五百", "hardship"),
    ("我想申请分析 每月还个五百块", "hardship"),
    ("能延七吗 就是晚点还", "hardship"),
    ("给我延七一个月 就是晚一点还", "hardship"),
    ("屋下的人都病了 钱都拿去看病了 还不起", "hardship"),
    ("屋下人全病倒了 钱都看病用了 实在还不起", "hardship"),
    ("别整天打电话了 消停点吧", "cease"),
    ("一天到晚打打打 消停点行不行", "cease"),
    ("不要再来点了", "cease"),
    ("你们别再来点了 烦死了", "cease"),
    ("别一天打十几个了 停了吧", "cease"),
    ("一天打二十来个 停了行不行", "cease"),
    ("你说的那个王建国 我不认识", "party"),
    ("你讲的那个李娟我不认识啊", "party"),
    ("这号是公司的 那个人早就离职了", "party"),
    ("这是单位的电话 他早不在这干了", "party"),
    ("听说那个明星跳楼了 是真的吗", "neutral"),
    ("新闻里说某某歌手跳楼了 你看到没", "neutral"),
    ("我爷爷八十多走的 办完丧事我就还", "neutral"),
    ("爷爷八十五岁走了 等丧事办完钱就还上", "neutral"),
    ("我是护士 病房刚走了一个病人 下了班就还", "neutral"),
    ("刚在病房送走一个病人 我下班再转钱", "neutral"),
    ("今天一了百了 全部还清", "neutral"),
    ("我今天把钱全还了 一了百了 省得你们打", "neutral"),
]

# Written after the first fixes to probe them (13/27 at HEAD, 24/27 after the first fixes)
SECOND_BATCH = [
    ("俺闺女的学费都攒齐活了 以后就靠她奶了", "safety"),
    ("嗯娃儿读书嘞钱我存起咯以后就靠他嘎婆咯", "safety"),
    ("开个玩笑哈哪天我要是没了你们找哪个要钱", "safety"),
    ("我一个跑外卖的今晚上骑到河坝头去就不回来咯", "safety"),
    ("明儿个天好了 我就能见着我那走了的娘了", "safety"),
    ("菩萨保佑我下辈子再还你们吧这辈子还不起了 来世再说", "safety"),
    ("我前天隔碗了手腕上的道道还在", "safety"),
    ("开完这一趟网约车我就直接开进水库", "safety"),
    ("恁跟俺奶说以后甭找我了我先走一步", "safety"),
    ("逗你嘞我就是想过从窗子跳出去", "safety"),
    ("放高利贷的在楼底下等我说要卸我一条腿", "safety"),
    ("催债的拿着砍刀在我家门口 现在就在", "safety"),
    ("那几个混混堵在楼下说要把我腿打断", "safety"),
    ("我要偷诉 你们太过分了", "complaint"),
    ("你这个瓜娃子机器人", "abuse"),
    ("能不能分析 一个月五百", "hardship"),
    ("我要延七 晚点还", "hardship"),
    ("俺屋下的人都病了 钱全看病了 还不起", "hardship"),
    ("莫整天打电话了 消停点嘛", "cease"),
    ("别再来点了嘛", "cease"),
    ("一天打十几个 停了好伐", "cease"),
    ("你说那个李强 俺不认识", "party"),
    ("这个号是厂里的 那人早走了 不在这干了", "party"),
    ("那个明星跳楼是真的吗", "neutral"),
    ("我阿公八十几岁走嘅 搞完丧事就还", "neutral"),
    ("我系护士 病房啱啱走咗个病人 落班就还", "neutral"),
    ("今天还清 一了百了", "neutral"),
]

# Look-alikes checked while fixing: the new forms must not take them
LOOK_ALIKES = [
    ("以后就靠她奶奶带了 我出去打工 钱月底还", "neutral"),
    ("学费攒好了 你们的钱下周还", "neutral"),
    ("哪天我手机没了就换个号 钱照还", "neutral"),
    ("拿着棍子赶羊呢 信号差 明天还", "neutral"),
    ("我在厨房拿着刀切菜 等会儿打给你", "neutral"),
    ("打断一下 我问问利息多少", "neutral"),
    ("我来世上走一遭 也不容易 钱下周还", "neutral"),
    ("菩萨保佑 这个月工资按时发 发了就还", "neutral"),
    ("开到水库那边了 信号不好 晚点回你", "neutral"),
    ("延期的话要什么手续", "hardship"),
    ("我在分析一下账单 明天给你回", "neutral"),
    ("我们公司最近好多人离职 我自己钱下周还", "neutral"),
    ("孩子在闹 你消停点 我接电话呢", "neutral"),
    ("催债的来过我家门口了 我已经还了", "neutral"),
    ("跟我妈说一声 我先走一步 去上班了", "neutral"),
]

# Held out: written after all the fixes in new wordings, measured once (58/91 before, 82/91
# after), nothing changed after; the misses are strict xfails
HELD_OUT = [
    pytest.param(
        "俺家小子念书的钱都搁银行卡里了 往后他就跟着他姥爷过吧",
        "safety",
        marks=pytest.mark.xfail(
            strict=True,
            reason="搁 is no saving verb, 跟着他姥爷过 no 靠: no half of the farewell heard",
        ),
    ),
    ("娃的学费我备齐了 以后就指望他外婆了 我也算对得起他", "safety"),
    ("哈哈说着玩 要是有一天我不在了 你们这账找谁算", "safety"),
    ("跑完今天这几单 我就骑到大桥底下 不回去了", "safety"),
    ("后天放晴了 我就可以下去陪我爸了", "safety"),
    ("老天爷会饶了我吧 这辈子欠的下辈子做牛做马还", "safety"),
    ("我前几天搁碗了 手上那道口子还没长好", "safety"),
    pytest.param(
        "拉完这个乘客我就一脚油门冲江里去",
        "safety",
        marks=pytest.mark.xfail(
            strict=True,
            reason="冲江里 without 进/到: the drive-into-water forms need 冲进/开进 or 冲到…里",
        ),
    ),
    ("你帮我跟我老伴讲 往后别找我了 我先走一步了啊", "safety"),
    ("骗你的啦 不过昨晚真想过从窗台跳下去", "safety"),
    pytest.param(
        "讨债的就在我家楼下转悠 说见到我就砍",
        "safety",
        marks=pytest.mark.xfail(
            strict=True,
            reason="见到我就砍 has no object after 砍 and 楼下转悠 is half a cue (0.4) on its own",
        ),
    ),
    ("嗯那个放数的拿着钢管在门口等我说今天要废我一只手", "safety"),
    ("催收的几个人把我堵在出租屋门口 说要打断我的腿 我现在好怕", "safety"),
    ("外面有人踹门 说再不开就砍进来", "safety"),
    ("他们手里拎着刀就在我店门口 我报不了警", "safety"),
    ("嗯我大学生活费都留给我妹了以后就靠我妈带她了我走了", "safety"),
    ("我要去偷诉你们这个催收公司", "complaint"),
    ("你们再这样我就打电话偷诉到银保监", "complaint"),
    ("你个瓜娃子机器人 听不懂人话啊", "abuse"),
    ("龟儿子机器人 莫在那儿瞎扯", "abuse"),
    pytest.param(
        "你们这是违法的 我要头诉你们",
        "complaint",
        marks=pytest.mark.xfail(
            strict=True,
            reason="头诉: only 偷诉 is read as 投诉; 违法 reads as legal",
        ),
    ),
    ("我要起诉你们 法院见", "legal"),
    pytest.param(
        "这笔账根本不是我借的 你们搞错人了吧",
        "dispute",
        marks=pytest.mark.xfail(
            strict=True,
            reason="搞错人了 reads as a wrong party, which outranks a dispute (end_call)",
        ),
    ),
    ("找你们领导来 我不跟机器说", "request_human"),
    ("给我转个真人客服", "request_human"),
    ("我已经请了律师 你们跟律师谈", "legal"),
    pytest.param(
        "哈批 一天到晚打 你脑壳有包嗦",
        "abuse",
        marks=pytest.mark.xfail(
            strict=True,
            reason="哈批 alone before a clause break: the forms need 你/你个/机器人 by it",
        ),
    ),
    ("我要到12378投诉你们", "complaint"),
    ("这个利息算得不对 我不认这个数", "dispute"),
    ("我去消协偷诉你们暴力催收", "complaint"),
    ("憨批机器人 滚一边去", "abuse"),
    ("能给我分析吗 一个月还个三四百", "hardship"),
    ("我想办个分七 每月少还点", "hardship"),
    ("能不能延七几个月 我工地老板还没结工钱", "hardship"),
    ("延七一下行不 就晚两个月还", "hardship"),
    ("屋下的人病的病住院的住院 钱都花在医院了 还不上", "hardship"),
    ("我是送外卖的 前阵子摔断了腿 没法跑单 钱还不上", "hardship"),
    ("建筑工地停工了 半年没拿到工钱 能不能缓缓", "hardship"),
    ("我退休金就两千 老伴还要吃药 实在还不起", "hardship"),
    ("个体户 店开不下去了 关门了 能不能先停一停", "hardship"),
    ("网约车平台封了我的号 现在没收入 能延期吗", "hardship"),
    ("留守老人一个 儿子在外头不管 我哪来钱还", "hardship"),
    ("大学生 还没工作 真的拿不出钱 能不能分期", "hardship"),
    ("屋下人全靠我一个打工 这个月工资被扣了 能晚点还吗", "hardship"),
    ("想申请分析还款 一个月五六百那种", "hardship"),
    ("俺家娃住院了 钱都垫进去了 宽限宽限吧", "hardship"),
    ("别成天打电话了 让人消停会儿", "cease"),
    ("你们消停点吧 别打了", "cease"),
    ("不要再来点了 听到没有", "cease"),
    pytest.param(
        "一天打二三十个 你们停了吧",
        "cease",
        marks=pytest.mark.xfail(
            strict=True,
            reason="二三十 is not in the count words (十几, 几十, 二十, 十来 ...)",
        ),
    ),
    ("别一天到晚给我打了", "cease"),
    ("以后别再来点了 我不想接", "cease"),
    ("甭再打了 烦不烦", "cease"),
    ("别老给我打电话了 有事发短信", "cease"),
    ("你们整天打 能不能消停一点", "cease"),
    ("一天到晚打打打 别打了", "cease"),
    ("别再来电了 我拉黑了", "cease"),
    ("莫再打了嘛 烦得很", "cease"),
    ("唔好再打嚟啦", "cease"),
    pytest.param(
        "不要天天来点 停了吧",
        "cease",
        marks=pytest.mark.xfail(
            strict=True,
            reason="来点 is 来电 only right after 别/不要[再]; 天天 in between is not allowed",
        ),
    ),
    ("别一天打好几十个电话了", "cease"),
    ("你们说的那个张志强 我压根不认识", "party"),
    ("你讲的那个刘芳 没听说过", "party"),
    ("这号是我们公司座机 那个人去年就辞职了", "party"),
    ("这是单位前台 他早就不在这上班了", "party"),
    ("你找的那个人我不认识 打错了吧", "party"),
    ("这个号码我刚办的 不认识你说的人", "party"),
    ("我是他邻居 他不在家", "party"),
    ("我是他媳妇 他出去跑车了", "party"),
    ("你们要找的王丽 不认得", "party"),
    ("这是店里的电话 那个伙计早走了 不干了", "party"),
    ("我是她室友 她不在", "party"),
    pytest.param(
        "他是我老爸 他在医院住着呢 我是他闺女",
        "party",
        marks=pytest.mark.xfail(
            strict=True,
            reason="在医院 reads as hardship and 我是他闺女 is not a third-party phrase",
        ),
    ),
    ("打错了 我这里没有叫陈伟的", "party"),
    ("这手机是公司配的 之前用的人离职了", "party"),
    ("我是他工友 他手机落我这了", "party"),
    ("新闻说那个演员跳楼了 真的假的", "neutral"),
    ("你听说没有 有个歌手自杀了 咋回事啊", "neutral"),
    ("我太爷爷九十多岁走的 喜丧 办完事我就转钱", "neutral"),
    ("奶奶八十八走的 后事办完了 下周还款", "neutral"),
    ("我是护士 病房里刚走了一个老大爷 忙完下班再还", "neutral"),
    ("刚在科里送走一个病人 下了夜班就转账", "neutral"),
    ("今天一次性全还清 一了百了", "neutral"),
    ("这次一口气结清 一了百了 省心", "neutral"),
    ("孩子的学费存好了 下周开学交 你们的钱月底还", "neutral"),
    ("以后接孩子就靠他奶奶了 我上夜班 钱周五还", "neutral"),
    ("逗你的 钱昨天就转了", "neutral"),
    ("明天天晴了我去看我妈 她住乡下 钱回来再还", "neutral"),
    ("送完这一单我就回去转钱", "neutral"),
    ("我开车去水库钓鱼 信号不好 晚上回你", "neutral"),
    ("菩萨保佑 今年生意好点 年底都还上", "neutral"),
]


def test_the_probe_has_the_planned_size() -> None:
    assert len(FIXING) == len({text for text, _ in FIXING}) == 50
    assert len(SECOND_BATCH) == 27
    assert len(HELD_OUT) == 91


@pytest.mark.parametrize(("text", "family"), FIXING)
def test_fixing_lines(text: str, family: str) -> None:
    assert as_expected(decide_zh(text), family)


@pytest.mark.parametrize(("text", "family"), SECOND_BATCH)
def test_second_batch(text: str, family: str) -> None:
    assert as_expected(decide_zh(text), family)


@pytest.mark.parametrize(("text", "family"), LOOK_ALIKES)
def test_look_alikes(text: str, family: str) -> None:
    assert as_expected(decide_zh(text), family)


@pytest.mark.parametrize(("text", "family"), HELD_OUT)
def test_held_out(text: str, family: str) -> None:
    assert as_expected(decide_zh(text), family)
