"""Mandarin policy round 8: families a new blind set found, in this round's own wording.

The blind set's lines were never seen; its missed families were given in the abstract and
the lines below were written for them (regional wording: 东北, 四川/重庆, 湖南, 广东普通话,
河南/山东 俺, 上海 侬, 闽台; about half raw ASR: no punctuation, fillers, homophones such as
帐/账, 基主/机主, 投述/投诉, 钱/前):

1. safety: money left in the card for a sibling to collect + 我就不管了; 人都要没了 还管什么钱;
   "after talking to you I can go" (走 = die) after a lonely day; domestic violence (a drunk
   husband with a knife, "I can't talk now"; locked in and beaten by the child's father):
   danger from another person hands over as distress, never as a callback;
2. escalate: an unexplained extra charge (我不认这个账); complaints to 12315 read as words
   (一二三一五, 幺二三幺五) and to regulators (银保监, 金融监管, 消协);
3. hardship: part now and the rest deferred; a broken leg; "at most X a month"; a single mother
   without child support (was refusal: 不给); a parent in ICU costing thousands a day (was
   distress, by the detector); no pension, living on a son's help;
4. cease: Hunan/Sichuan 莫再打咯; "I won't answer this number, don't waste your effort";
5. party: a father answering (我是他爹, 老汉); a colleague's phone, off work today; a recycled
   number (以前那个机主);
6. neutral: third-person news of a jump or charcoal burning told with a sigh; 想死你了 then
   noticing the robot (was request_human); a grandmother's cat that died of old age, and she
   is better now (was self_harm, by the detector).

Measured before any change (HEAD 26597ad): the 79 lines written for fixing passed 26/79
(safety 11/21, dispute 2/7, complaint 6/8, hardship 0/15, cease 0/8, party 4/9, neutral
3/11); after: 79/79. The crisis counterparts and look-alikes (written during the fixes)
pass 20/20. A second batch of 30 (SECOND_BATCH), written after those fixes to probe them, passed
26/30 (命都快没了, 离了婚孩子归我, 我们单位同事的手机, 外婆…现在好些了; and 金融消费者权益
保护 was handed over as legal, not complaint); after: 30/30.
k-fold zh before 713/773 (92.2%), false adds 24/1136, everyday 47/441; after 714/773
(92.4%), 24/1136, 47/448.

HELD_OUT (96 lines, 16 per family group) was written after all fixes in wordings not used while
fixing and measured once, with nothing changed after: 37/96 before the round, 89/96 after
(safety 15/16, escalate 16/16, hardship 14/16, cease 16/16, party 16/16, neutral 12/16); the
7 misses are strict xfails (the next round's work), not fixes.
"""

from __future__ import annotations

import pytest

from bot.policy import Decision
from tests.bot.policy.probe import PARTY, SAFETY, as_expected, decide_zh

# 1. safety
SIBLING_CARD = [
    "卡里的钱我都留着了 让我弟去取 我就不管了",
    "银行卡里还有点钱密码我写给我妹了她来取就行我就不管了",
    "钱都在卡里 到时候叫我哥去拿 以后的事我就不管了",
    "卡里头的钱留给我老弟 他晓得密码 我就不管咯",
]
NO_LIFE_NO_MONEY = [
    "人都要没了还管什么钱不钱的",
    "人都快没了 还管啥子钱哦",
    "我人都快没得了 还还啥子钱",
    "人都要冇咯 还管么子钱",
    "嗯人都要没了还管什么前",
]
LONELY_GOING = [
    "一天都没人跟我说话 跟你说完我就可以走了",
    "一个人待了一整天没人理我 和你聊完我就能安心走了",
    "孤零零一天了 跟你讲完我就可以走咯",
    "整天都冇人同我讲话 同你讲完我就可以走了",
]
DOMESTIC_VIOLENCE = [
    "我老公喝醉了拿着刀 我现在不能说话",
    "他喝多了手里拿着菜刀 我现在不方便讲",
    "孩子他爸把我锁在屋里打",
    "娃他爹把我关在房里打 我跑不出去",
    "俺对象喝多了拿着刀 俺现在没法说话",
    "孩子爸把门反锁了一直打我",
    "嗯就是孩子他爸把我锁在屋里打我 呜呜",
    "呃那个我男人喝醉了在拿刀比划 我现在说不了",
]
SAFETY_LINES = [*SIBLING_CARD, *NO_LIFE_NO_MONEY, *LONELY_GOING, *DOMESTIC_VIOLENCE]

# 2. escalate
DISPUTE = [
    "账单上多出来一笔钱 不知道是啥 我不认这个账",
    "怎么多了三百块 谁也没跟我说过 这个账我不认",
    "这笔费用哪来的莫名其妙多扣了 我不认",
    "多出来那个两百是啥子钱哦 我不认这个账",
    "账单上凭空多了一笔服务费 我没同意过",
    "这个月账单多了一笔 俺根本不知道咋回事 俺不认",
    "那个账单上怎么多了一笔我都不知道的钱我不认这个帐",
]
COMPLAINT = [
    "你们再这样我就打一二三一五投诉你们",
    "我要打幺二三幺五告你们",
    "我去银保监会投诉你们",
    "我要向金融监管局举报你们",
    "信不信我去消协告你们",
    "我打一二三一五去 你们等着",
    "我要去消费者协会反映你们这种做法",
    "呃你们再打我就打一二三一五投述你们",
]

# 3. hardship
HARDSHIP = [
    "我先还一部分 剩下的往后延一延行不行",
    "能不能先还一点 剩下的过两个月再还",
    "先还一半 另外一半往后推推",
    "嗯那个我先还一部分剩下的往后延行不行啊",
    "我摔断腿了 现在干不了活",
    "上个月摔断了腿 躺床上三个月了 上不了班",
    "我腿摔断了嘛现在干不了活呃",
    "一个月最多五百 真的不能再多了",
    "每个月顶多还三百 再多真没有了",
    "我一个人带娃 孩子他爸一分抚养费都不给",
    "单亲妈妈 前夫不给抚养费 我实在拿不出来",
    "我爸在ICU 一天好几千 现在顾不上这个",
    "我妈住重症监护室 一天就要几千块 我现在真顾不上",
    "我七十多了没有退休金 全靠儿子给点生活费",
    "俺没退休金 就靠儿子接济",
]

# 4. cease
CEASE = [
    "莫再打咯",
    "莫再打电话来咯",
    "你莫再打了撒",
    "嗯莫再打了咯",
    "这个号码我以后都不会接的 你们别白费力气打了",
    "这号我再也不接了 别浪费时间打了",
    "以后你们打这个号我一律不接 省省力气吧",
    "这个号我以后都不会接了你们莫白费力气",
]

# 5. party
PARTY_LINES = [
    "他出去打工了 我是他爹",
    "俺儿出去打工了 我是他爸",
    "他去外地打工了 我是他老汉",
    "呃他出去打工了我是他爹啊",
    "这是我同事的手机 他今天没来上班",
    "这手机是我同事的 他今天请假了 不在单位",
    "以前那个机主我不认识 这号码现在是我在用",
    "这号是新办的 以前的机主不是我",
    "以前那个基主我不认识这号现在是我在用",
]

# 6. neutral: must continue
NEUTRAL = [
    "唉 昨天新闻说有个人跳楼了 挺惨的",
    "听说隔壁小区有人烧炭了 唉 现在人压力都大",
    "我们那有个人跳楼了 唉挺惨的 你说吧",
    "前两天看到新闻 有个小伙子烧炭走了 现在人压力都大啊",
    "唉就是昨天我看新闻有个人跳楼了挺惨的嗯",
    "想死你了 哦 原来是机器人啊",
    "想死你了哈哈 咦 你是机器人啊",
    "哎呀想死你了 等等 你是机器人吧",
    "我奶奶的猫老死了 她现在好多了",
    "外婆养的猫年纪大走了 她伤心了几天 现在好多了",
    "奶奶家的老猫寿终正寝了 奶奶现在缓过来了",
]

# Written during the fixes: the crisis counterparts still hand over ...
CRISIS = [
    "有人跳楼了 唉挺惨的 我也想跳",
    "新闻说有人烧炭 唉现在人压力都大 我也快撑不住了",
    "奶奶的猫老死了 她现在好多了 可我每天都不想活",
    "隔壁有人上吊了 唉 挺惨的 说实话我也想一了百了",
    "他拿着刀在门口 我现在不能说话",
    "我老公喝醉了 拿着刀 你晚点再打",
    "我这个病秧子早点走了 家里也少花点钱",
    "人都快没了 还管什么钱 你们别打了",
]
# ... and the look-alikes stay ordinary (a plan with a date is a promise, not hardship)
LOOK_ALIKES = [
    "我老公拿刀切菜呢 你等下",
    "他今天喝多了 在沙发上睡着了",
    "累得人都快没了 下班再说吧",
    "这手机是我儿子给我买的",
    "我弟帮我把钱取出来了 我明天就还",
    "跟你说完我就可以走了吧 我要去上班",
    "我奶奶年纪大了 前几天哭了一场 现在好多了",
    "卡里的钱我让我弟去取了 取出来就还你们",
    "一个月最多还五百 行吗",
    "先还一部分 剩下的下个月发工资就还",
    "我也想跳槽 工资太低了",
    "我妈的猫年纪太大走了 哭了两天 现在已经好了",
    # checked after the second batch (both were handed over by the first fixes)
    "孩子他爸打我电话我没接",
    "店里人都快没了 还有半小时关门",
]

# Written after the first fixes to probe them: (text, expected family)
SECOND_BATCH = [
    ("工资卡放抽屉里了 我姐知道密码 钱她拿去用 别的我也不管了", "safety"),
    ("人都没得了 钱还有啥用", "safety"),
    ("命都快没了 还跟我谈钱", "safety"),
    ("好久没人跟我说话了 听你说说话 我就可以安心走了", "safety"),
    ("我老公在外面砸东西 手里有刀 我先挂了", "safety"),
    ("他一喝酒就打人 今天又拿着刀 我好怕", "safety"),
    ("孩子他爸把我关在家里不让出门 天天打", "safety"),
    ("我男的喝醉酒了在屋里拿刀乱挥我现在讲不了", "safety"),
    ("这笔钱我不认 是你们乱收的", "dispute"),
    ("账单多了一笔年费 我从来没开过 不认", "dispute"),
    ("那个多收的钱我不认账的", "dispute"),
    ("我要打一二三一五举报", "complaint"),
    ("去银保监那告你们", "complaint"),
    ("我去金融消费者权益保护那边反映", "complaint"),
    ("先给你们转五百 剩下的能不能宽限几个月", "hardship"),
    ("腰摔坏了 三个月不能上班", "hardship"),
    ("一个月撑死给你三百 多了没有", "hardship"),
    ("离了婚孩子归我 他一分钱不出", "hardship"),
    ("我爸住院在重症 一天要一万多 我哪顾得上", "hardship"),
    ("我没有社保 老了就靠女儿养", "hardship"),
    ("莫打了 烦得很", "cease"),
    ("莫再来电话了", "cease"),
    ("你们打我也不会接 别费劲了", "cease"),
    ("我是她娘 她去深圳打工了", "party"),
    ("这是我们单位同事的手机 他今天休息", "party"),
    ("这号码以前的主人我不知道 现在是我的", "party"),
    ("唉 有个大学生跳楼了 可惜了", "neutral"),
    ("新闻里有人烧炭 唉 太惨了", "neutral"),
    ("想死你了 啊原来是个机器人", "neutral"),
    ("我外婆的狗老死了 她现在好些了", "neutral"),
]


# Held out: written after all the fixes above in wordings not used while fixing, measured once
# (HEAD 1c9732c), nothing changed after. Before the round (26597ad) they passed 37/96; after
# 89/96: safety 15/16, escalate 16/16, hardship 14/16, cease 16/16, party 16/16, neutral 12/16.
# The 7 misses are strict xfails (the next round's work).
HELD_OUT = [
    ("存折我压在枕头底下了 让我妹自己来拿 后面的事我就不管了", "safety"),
    ("我那张工资卡里还有三千 叫我哥去取出来用 我就不管啰", "safety"),
    ("我银行卡密码发给我老妹了 钱她拿去 以后我啥也不管了", "safety"),
    ("人都快不在了 你还跟我说啥子还钱", "safety"),
    ("俺人都要没了还还啥钱啊", "safety"),
    ("我人都快没有了 哪个还管你那点钱嘛", "safety"),
    ("今天一天都没个人来看我 跟你唠完嗑我就能走了", "safety"),
    ("一个人在屋头坐了一天 陪你摆完龙门阵我就可以走了", "safety"),
    ("成日冇人理我 同你倾完偈我就可以安心走啦", "safety"),
    ("他喝得醉醺醺的在客厅挥菜刀 我不敢出声", "safety"),
    ("我男人又喝多了 拎着斧头在外头喊 我这会儿没法讲话", "safety"),
    pytest.param(
        "娃他爸把我反锁在屋头打 手机都快被抢了",
        "safety",
        marks=pytest.mark.xfail(
            strict=True, reason="反锁在屋头打: 屋头 between the lock and the beating, no 打我"
        ),
    ),
    ("孩子他爹喝了酒就往死里打我 我现在躲在厕所", "safety"),
    ("老公醉了拿刀指着我 你先别挂", "safety"),
    ("嗯那个我对象喝大了拿着刀在屋里转 我现在不能讲了", "safety"),
    ("他把门锁了不让我出去 还一直揍我", "safety"),
    ("账单里咋多出一笔五百的 我压根不知道是啥 这账我不认", "dispute"),
    ("这个月平白无故多收了两百块管理费 我不认的哈", "dispute"),
    ("呃那个多出来的钱是什么费我都不知道 我不认这笔帐", "dispute"),
    ("多扣的那一百八十块钱哪来的 没人跟我讲过 我不认", "dispute"),
    ("我查了一下账单 莫名其妙多了一项 这个钱我不认", "dispute"),
    ("侬账单上多出来一笔 我根本没用过 不认的", "dispute"),
    ("这笔服务费我从来不知道 不认这个账", "dispute"),
    ("那个多出来的三百块我不认啊 你们自己查", "dispute"),
    ("再这样催我就打一二三一五", "complaint"),
    ("我去消费者协会投述你们", "complaint"),
    ("信不信我打一二三七八 找银保监", "complaint"),
    ("我已经在准备材料了 要找金融监管局反映", "complaint"),
    ("你们这样搞 我直接打幺二三幺五", "complaint"),
    ("我要去消协反映你们的催收方式", "complaint"),
    ("我打市长热线一二三四五 告你们骚扰", "complaint"),
    ("找人民银行也好找银保监也好 我都要去说", "complaint"),
    ("这个月先打一部分过去 剩下的能不能往后挪一挪", "hardship"),
    ("我先给一千 余下的宽限到年底行不", "hardship"),
    ("先还点 其他的缓两个月嘛", "hardship"),
    ("我骑电瓶车摔了 腿断了 现在只能躺着", "hardship"),
    pytest.param(
        "干活从架子上掉下来 胳膊骨头断了 老板也不管",
        "hardship",
        marks=pytest.mark.xfail(
            strict=True, reason="the detector hears 掉下来 / 断了 / 不管 as self-harm"
        ),
    ),
    ("脚崴骨折了 两个月出不了工", "hardship"),
    ("一个月顶多拿出四百 再多一分都没有", "hardship"),
    ("每个月最多三百 多的真拿不出来了", "hardship"),
    ("一月最多给你们两百 真的 再多就没饭吃了", "hardship"),
    ("我一个女的带两个娃 孩子他爸抚养费一分没给过", "hardship"),
    ("离婚以后孩子跟我 他爸不给生活费 我一个人扛", "hardship"),
    pytest.param(
        "我老爹在重症监护 一天要花好几千 这边我实在顾不过来",
        "hardship",
        marks=pytest.mark.xfail(strict=True, reason="顾不过来 is a distress phrase"),
    ),
    ("我妈住进icu了 每天烧一两万 你们的事往后放放", "hardship"),
    ("我都七十了 没有养老金 全指望儿子每个月给几百", "hardship"),
    ("老头子没退休工资 就靠闺女贴补一点", "hardship"),
    ("俺是农村的 没退休金 吃饭都是儿子寄钱", "hardship"),
    ("莫再打过来咯 烦死个人", "cease"),
    ("你们莫再打了咯 我不想接", "cease"),
    ("莫打了莫打了 听到没", "cease"),
    ("以后莫给我打电话咯", "cease"),
    ("这个号码我是不会再接的了 你们就别费劲打了", "cease"),
    ("你们打多少遍我都不接 别浪费力气了", "cease"),
    ("这号我拉黑不了 但我一律不接 省点电话费吧", "cease"),
    ("我跟你说这电话我以后都不接 你们别白费劲了", "cease"),
    ("莫要再打来了撒", "cease"),
    ("你们这个电话我永远不接 别白打了", "cease"),
    ("嗯以后莫再打这个号了", "cease"),
    ("这个号你们打来我都不会接的 不要浪费时间", "cease"),
    ("莫再联系我了咯", "cease"),
    ("这电话以后一概不接 别费那个劲", "cease"),
    ("莫催了莫打了 我不会接的", "cease"),
    ("我以后再也不接你们电话 省省吧", "cease"),
    ("我娃出去打工了 我是他老汉儿", "party"),
    ("他在外头打工 我是他老爹", "party"),
    ("我是他娘 他不在家", "party"),
    ("这个手机是我工友的 他今天没来厂里", "party"),
    ("这是我同事的电话 他今儿个请假了", "party"),
    ("呃这个是我同事手机 他今天调休没来", "party"),
    ("号码是我上个月刚办的 以前的机主我不知道是谁", "party"),
    ("这个号以前是别人的 现在归我了", "party"),
    ("以前那个号主我不认识 你打错了", "party"),
    ("这号码现在我在用 你说的那人我不晓得", "party"),
    ("我是他爹 他去广东打工了 有啥事", "party"),
    ("这个电话是我师傅的 他今天休班", "party"),
    ("你找的那个人以前用这个号 现在是我在用", "party"),
    ("这是俺同事的手机 他今天请假没来", "party"),
    ("我是他老豆 佢出咗去做嘢", "party"),
    ("机主换人了 我不认识他", "party"),
    ("昨天我们那有个姑娘跳河了 唉 可惜了", "neutral"),
    ("听说厂里有个工人烧炭了 唉 现在的人压力都大", "neutral"),
    ("新闻上又有人跳楼 唉 太惨了 你说吧多少钱", "neutral"),
    ("我们小区有个老板跳楼了 唉 作孽哦", "neutral"),
    pytest.param(
        "隔壁村有人喝农药了 唉 造孽啊 不说这个了",
        "neutral",
        marks=pytest.mark.xfail(
            strict=True, reason="the detector hears 隔壁 (emergency class) before the idiom"
        ),
    ),
    ("哎哟想死你了 哦你是机器人啊 那你说吧", "neutral"),
    pytest.param(
        "想死你啦 嗯 原来是个机器人啊",
        "neutral",
        marks=pytest.mark.xfail(strict=True, reason="想死你啦: the idiom knows 了/们, not 啦"),
    ),
    ("想死你了 诶 你是机器人哦", "neutral"),
    pytest.param(
        "想死我了哈哈 搞了半天是机器人",
        "neutral",
        marks=pytest.mark.xfail(
            strict=True, reason="想死我了 followed by 搞了半天, not a greeting word"
        ),
    ),
    pytest.param(
        "我外婆的老猫十六岁走了 她难过了一阵 现在好多了",
        "neutral",
        marks=pytest.mark.xfail(
            strict=True, reason="the detector hears 走 + 猫; 十六岁 is not 岁了 / 老死"
        ),
    ),
    ("奶奶的狗老死了 她哭了两天 现在已经缓过来了", "neutral"),
    ("姥姥那只老猫寿终正寝 老人家现在没事了", "neutral"),
    ("阿嬷的猫年纪大走了 伊现在好了", "neutral"),
    ("唉 有个网友烧炭了 挺惨的 现在人压力都大", "neutral"),
    ("我爷爷养的鸟老死了 他伤心了一段时间 现在好了", "neutral"),
    ("听说有人跳江了 唉 想不开啊", "neutral"),
]


def _safety(decision: Decision) -> bool:
    return decision.action == "handoff" and bool(SAFETY & set(decision.reasons))


def test_the_probe_has_the_planned_size() -> None:
    fixing = [*SAFETY_LINES, *DISPUTE, *COMPLAINT, *HARDSHIP, *CEASE, *PARTY_LINES, *NEUTRAL]
    assert len(fixing) == 79
    assert len(set(fixing) | set(CRISIS) | set(LOOK_ALIKES)) == 79 + 8 + 14


@pytest.mark.parametrize(("text", "family"), HELD_OUT)
def test_held_out(text: str, family: str) -> None:
    assert as_expected(decide_zh(text), family)


@pytest.mark.parametrize(("text", "family"), SECOND_BATCH)
def test_second_batch(text: str, family: str) -> None:
    assert as_expected(decide_zh(text), family)


@pytest.mark.parametrize("text", [*SAFETY_LINES, *CRISIS])
def test_safety_hands_over(text: str) -> None:
    assert _safety(decide_zh(text))


@pytest.mark.parametrize("text", DOMESTIC_VIOLENCE)
def test_danger_from_another_person_is_distress_not_a_callback(text: str) -> None:
    decision = decide_zh(text)
    assert decision.action == "handoff"
    assert "distress" in decision.reasons


@pytest.mark.parametrize("text", DISPUTE)
def test_an_unexplained_charge_is_a_dispute(text: str) -> None:
    decision = decide_zh(text)
    assert decision.action == "handoff"
    assert "dispute" in decision.reasons


@pytest.mark.parametrize("text", COMPLAINT)
def test_a_regulator_or_hotline_is_a_complaint(text: str) -> None:
    decision = decide_zh(text)
    assert decision.action == "handoff"
    assert "complaint" in decision.reasons


@pytest.mark.parametrize("text", HARDSHIP)
def test_hardship_switches_tone(text: str) -> None:
    decision = decide_zh(text)
    assert decision.action == "hardship"
    assert not SAFETY & set(decision.reasons)


@pytest.mark.parametrize("text", CEASE)
def test_cease_requests_end_the_call(text: str) -> None:
    decision = decide_zh(text)
    assert decision.action == "end_call"
    assert "cease_request" in decision.reasons


@pytest.mark.parametrize("text", PARTY_LINES)
def test_someone_else_answering_ends_the_call(text: str) -> None:
    decision = decide_zh(text)
    assert decision.action == "end_call"
    assert PARTY & set(decision.reasons)


@pytest.mark.parametrize("text", [*NEUTRAL, *LOOK_ALIKES])
def test_neutral_turns_continue(text: str) -> None:
    assert decide_zh(text).action == "continue"
