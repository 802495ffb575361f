"""Mandarin policy round 5: farewells and settled affairs, harm that already happened,
hard negatives (comparisons, 又不会, TV plots, workplace hyperbole, jokes taken back, "are
you a bot? carry on"), mild money questions against real hardship, legal / wrong party /
cease / a relative's number, and negation scope across the spaces ASR puts between clauses.
Own wording, half of it ASR-style (no punctuation, spaces between clauses)."""

from __future__ import annotations

import pytest

from tests.bot.policy.probe import decide_zh

# A. Farewell and settling affairs
FAREWELL = [
    "昨天跟爸妈道别了 说了好多谢谢",
    "我跟我妈说了好多谢谢她还以为我喝多了",
    "银行卡存折都给老婆放好了 以后都交给她了",
    "后事我都交代好了 你们也不用再打了",
    "还完这笔钱就没什么牵挂了 走得干干净净",
    "这笔钱还清了，我在这世上也就没什么牵挂了。",
    "欠你们的我会还上 还完了我就可以安心走了",
    "家里的事都安排妥当了，孩子托付给我姐了，以后就不麻烦大家了。",
    "我给儿子写了封信放在抽屉里 该说的都说了",
    "工资卡密码写在纸上留给媳妇了 以后家里都靠她了",
    "跟几个老朋友都一一道过别了",
    "存折房产证我都整理好放在柜子里了 我走了以后她们知道去哪找",
]

# B. Injury or attempt that already happened
ALREADY_HAPPENED = [
    "手腕还在流血 你们那个钱的事能不能晚点再说",
    "刚洗完胃 差点没了 你们又来催",
    "药吃下去了 你们爱怎么催怎么催吧",
    "我刚才割了手腕，钱的事以后再说吧。",
    "昨晚吞了一整瓶安眠药，被送去医院抢救了，工资也还没发",
    "刚从医院出来 洗了胃 这个月真的还不上",
    "我已经把药都吃了 现在头好晕 钱你们找我老公要吧",
    "上礼拜从楼顶跳下来没死成 现在腿还打着石膏 拿什么还",
    "手腕上的口子还在往外冒血 我实在是没钱了",
    "前天喝了农药 刚抢救回来 别跟我说钱了",
]

# C. Hard negatives that must stay continue
HARD_NEGATIVES = [
    "搞得跟我要寻死觅活似的 哈哈",
    "你这么说搞得好像我要去自杀一样",
    "我又不会为了这点钱去跳楼",
    "我才不会为了几千块钱想不开呢，下周就还",
    "昨天追的电视剧女主跳楼死了 好惨",
    "那部剧最后男主自杀了，编剧太狠了",
    "要死了要死了 快迟到了 你长话短说",
    "领导要逼死人了 天天加班到半夜",
    "我们老板真是要把人逼死 一周开八个会",
    "上班跟上坟似的",
    "每天去公司跟上坟一样 不过钱我会按时还的",
    "压得喘不过气 哈哈开玩笑的 下个月还",
    "你是机器人吧 哈哈 没事你继续",
    "你是不是机器人啊 算了 你接着说",
    "这声音听着像机器人 行吧你说吧",
]

# D. Mild money questions (continue) and real hardship (hardship)
MILD_MONEY = [
    "最低还款是多少",
    "最低要还多少啊",
    "能不能分期 一次性拿这么多有点紧",
    "可以分三期还吗？",
    "手头有点紧 不过发了工资就能还",
    "这个月稍微有点紧，下周五发工资就还上",
    "利息是怎么算的",
    "钱有点紧 月底一定还",
]
PROMISES = [
    "手头有点紧 不过发了工资就能还",
    "这个月稍微有点紧，下周五发工资就还上",
    "钱有点紧 月底一定还",
]
REAL_HARDSHIP = [
    "吃饭都成问题 哪有钱还",
    "店关了 还欠着房租 能不能缓缓",
    "还在找工作 现在是真的没有",
    "现在连饭都快吃不上了",
    "生意黄了，房租都交不起，能不能宽限几个月",
    "失业三个月了 真的拿不出来",
    "工厂倒闭了 一家老小都等着我 真没钱",
    "孩子学费都还没凑齐 哪来的钱还你们",
]

# E. Other tags: (text, action, tag)
OTHER_TAGS = [
    ("已经报警了", "handoff", "legal"),
    ("我已经报警了 等警察联系你们吧", "handoff", "legal"),
    ("这事我去派出所报案了，让警察跟你们说", "handoff", "legal"),
    ("我找了律师 有什么跟律师谈", "handoff", "legal"),
    ("你说的那个人不是我 我姓刘", "end_call", "wrong_party"),
    ("你们找错人了 我姓刘不姓王", "end_call", "wrong_party"),
    ("我不叫张伟，你们打错了", "end_call", "wrong_party"),
    ("以后别往这个号码打了", "end_call", "cease_request"),
    ("求求你们别再打过来了", "end_call", "cease_request"),
    ("不要再打这个电话了 我求你们了", "end_call", "cease_request"),
    ("这个号码以后不要再打了", "end_call", "cease_request"),
    ("别再给我打电话了行不行 求你们了", "end_call", "cease_request"),
    ("我爸上个月去世了 我是他女儿 这个号码现在是我在用", "end_call", "third_party"),
    ("机主是我爸，他已经走了，现在这个号是我在用", "end_call", "third_party"),
    ("这个号码是我妈的 她去年过世了 现在我在用", "end_call", "third_party"),
]

# F. Negation scope across ASR clause spaces
NOT_NEGATED_ACROSS_SPACE = [
    "我不是 我想死了",
    "不是 我就是不想活了",
    "钱没有 我想死",
    "我不还 我想去跳楼",
    "没钱 我想自杀",
    "不知道 我真的想死",
    "别打了 我想死",
    "我没骗你 我想死",
]
NEGATED_INSIDE_WORD = [
    "我不 想死",
    "我不会 去自杀的",
    "我没 想过自杀",
    "我才不 想死呢",
    "放心 我不会 做傻事",
    "我没有 想过要轻生",
    "我不 想跳楼 就是没钱",
    "我绝对不会 自杀的",
]

# A second probe, written after the first fixes (18/22 before the fixes that followed it)
SECOND_PROBE = [
    ("昨晚给我妈打电话 说了一堆谢谢 她问我怎么了", "handoff"),
    ("车钥匙和银行卡都放在桌上了 我老公知道密码", "handoff"),
    ("家里的事我都交代清楚了 你们以后找我老婆吧", "handoff"),
    ("这辈子也算没什么牵挂了 钱还完就走", "handoff"),
    ("刚才把手腕割了 血流了一地", "handoff"),
    ("我刚吃了半瓶安眠药 你们说吧还要多少", "handoff"),
    ("整瓶药都喝下去了", "handoff"),
    ("你这话说的 跟我要去跳河似的", "continue"),
    ("放心吧 我才不会为这点债去死", "continue"),
    ("最近那个剧 女主角割腕了 看得我好难受", "continue"),
    ("完了完了要死了 要赶不上高铁了", "continue"),
    ("这个项目经理真是要逼死人", "continue"),
    ("你是ai吧 哈哈 行你说", "continue"),
    ("最低还款额是多少钱", "continue"),
    ("有点紧张 能分期吗 一次拿不出这么多", "hardship"),
    ("饭都快吃不起了 还怎么还", "hardship"),
    ("我报过警了 这事警察在处理", "handoff"),
    ("以后不要往这个手机打了", "end_call"),
    ("没钱 我想跳楼", "handoff"),
    ("我没有 我就是想死", "handoff"),
    ("我不会 想不开的", "continue"),
    ("孩子都成家了 我也没什么牵挂了 准备出去旅游", "continue"),
    ("你们安心走吧 路上注意安全", "continue"),
    ("退烧药已经吃下去了 烧还没退 你晚点打", "continue"),
]


@pytest.mark.parametrize(("text", "action"), SECOND_PROBE)
def test_second_probe(text: str, action: str) -> None:
    assert decide_zh(text).action == action


@pytest.mark.parametrize("text", FAREWELL)
def test_farewell_and_settled_affairs_hand_over(text: str) -> None:
    decision = decide_zh(text)
    assert decision.action == "handoff"
    assert "self_harm" in decision.reasons


@pytest.mark.parametrize("text", ALREADY_HAPPENED)
def test_harm_already_done_hands_over(text: str) -> None:
    decision = decide_zh(text)
    assert decision.action == "handoff"
    assert "self_harm" in decision.reasons


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_hard_negatives_continue(text: str) -> None:
    assert decide_zh(text).action == "continue"


@pytest.mark.parametrize("text", MILD_MONEY)
def test_mild_money_questions_continue(text: str) -> None:
    assert decide_zh(text).action == "continue"


@pytest.mark.parametrize("text", PROMISES)
def test_tight_but_paying_is_a_promise(text: str) -> None:
    assert "promise_to_pay" in decide_zh(text).reasons


@pytest.mark.parametrize("text", REAL_HARDSHIP)
def test_real_hardship_is_heard(text: str) -> None:
    decision = decide_zh(text)
    assert decision.action == "hardship"
    assert "hardship" in decision.reasons


@pytest.mark.parametrize(("text", "action", "tag"), OTHER_TAGS)
def test_other_tags(text: str, action: str, tag: str) -> None:
    decision = decide_zh(text)
    assert decision.action == action
    assert tag in decision.reasons
    assert "distress" not in decision.reasons


@pytest.mark.parametrize("text", NOT_NEGATED_ACROSS_SPACE)
def test_negation_does_not_cross_an_asr_clause_space(text: str) -> None:
    decision = decide_zh(text)
    assert decision.action == "handoff"
    assert "self_harm" in decision.reasons


@pytest.mark.parametrize("text", NEGATED_INSIDE_WORD)
def test_negation_split_inside_a_word_still_negates(text: str) -> None:
    assert decide_zh(text).action != "handoff"


# A third probe (31 unseen lines across every family; 30/31 before its one fix, wrong party
# "这个人不是我 我姓刘"): (text, action, a tag that must be among the reasons or None)
THIRD_PROBE = [
    ("跟爸妈道别了 该说的话都说了", "handoff", "self_harm"),
    ("后事交代好了 你们打也没用", "handoff", "self_harm"),
    ("存折我压在枕头底下了 老婆知道 以后都归她", "handoff", "self_harm"),
    ("还清这笔我就走得干干净净 谁也不欠", "handoff", "self_harm"),
    ("刚才割了一刀 现在还在流血", "handoff", "self_harm"),
    ("昨天在医院洗胃 差点就没了", "handoff", "self_harm"),
    ("安眠药吃下去半个小时了 头开始晕了", "handoff", "self_harm"),
    ("我喝了半瓶农药 然后又吐出来了 你们还催", "handoff", "self_harm"),
    ("我才不会为了钱去死呢 你想多了", "continue", None),
    ("我又不会跳楼 你别紧张", "continue", None),
    ("那个电视剧里的女二自杀了 我哭了一晚上", "continue", None),
    ("要死了要死了 火车要开了", "continue", None),
    ("天天加班 领导是想逼死人啊", "continue", None),
    ("每天上班都跟上坟一样 不过钱我照还", "continue", None),
    ("压力大得喘不过气 开玩笑啦 这个月能还上", "continue", None),
    ("你是不是机器人 没事没事 你接着讲", "continue", None),
    ("最低还多少", "continue", None),
    ("能不能分两期 一次还这么多有点紧", "continue", None),
    ("手头是有点紧 不过月底发工资一定还", "continue", "promise_to_pay"),
    ("家里揭不开锅了 哪有钱", "hardship", "hardship"),
    ("店都关了半年了 还欠着人家房租", "hardship", "hardship"),
    ("我已经报警了", "handoff", "legal"),
    ("这个人不是我 我姓刘 你们搞错了", "end_call", "wrong_party"),
    ("以后别再往这个号码打了 谢谢", "end_call", "cease_request"),
    ("求求你们别再打来了", "end_call", "cease_request"),
    ("我求你们了 不要再打电话了", "end_call", "cease_request"),
    ("我妈上个月过世了 我是她儿子 这手机现在我用", "end_call", "third_party"),
    ("我不是 我真想死", "handoff", "self_harm"),
    ("别催了 我想死", "handoff", "self_harm"),
    ("我没 想自杀", "continue", None),
    ("我不 想活了", "handoff", "self_harm"),
]


@pytest.mark.parametrize(("text", "action", "tag"), THIRD_PROBE)
def test_third_probe(text: str, action: str, tag: str | None) -> None:
    decision = decide_zh(text)
    assert decision.action == action
    assert tag is None or tag in decision.reasons


# Everyday talk that shares the new words (thanks to parents for a gift, a scare, a child's
# medicine, food poisoning, moving house, no ties and travelling): not a crisis
BENIGN_NEW_WORDS = [
    "过年回家跟爸妈说了好多谢谢 他们可高兴了",
    "吓得我差点没了魂",
    "孩子药吃下去了 睡着了",
    "跟邻居道了别 我们搬家了",
    "我今天跟领导道别了 明天离职",
    "出门在外没什么牵挂 就是想孩子",
    "存折我放好了 下周去银行取钱还你们",
    "以后还款都交给我老婆了 你们直接找她",
]


@pytest.mark.parametrize("text", BENIGN_NEW_WORDS)
def test_benign_talk_with_the_new_words_does_not_escalate(text: str) -> None:
    assert decide_zh(text).action != "handoff"


# Regional words are read as standard Mandarin before matching (common.yml `contractions`).
REGIONAL_SELF_HARM = [
    "我是真的遭不住了 不想活了",
    "活起没得意思 真的",
    "俺真的不想活了 钱的事你们看着办",
    "这日子我过不下去了 晓得不 我唔想活了",
    "莫得意思了 活起好累 不想活了",
    "我都不晓得活起为了啥子",
]
REGIONAL_EVERYDAY = [
    "啥子事嘛 你说",
    "俺晓得了 下个月五号还",
    "咋个还嘛 微信可以不",
    "没得问题 我明天就转",
    "今天热得遭不住 你等哈我找个凉快地方",
]


@pytest.mark.parametrize("text", REGIONAL_SELF_HARM)
def test_regional_words_are_heard_as_self_harm(text: str) -> None:
    decision = decide_zh(text)
    assert decision.action == "handoff", decision


@pytest.mark.parametrize("text", REGIONAL_EVERYDAY)
def test_regional_everyday_words_continue(text: str) -> None:
    decision = decide_zh(text)
    assert decision.action == "continue", decision
