"""Mandarin policy round 9: families a new blind set found, in this round's own wording.

The blind set's lines were never seen; its missed families were given in the abstract and the
lines below were written for them (上海话/吴语-flavoured Mandarin: 侬, 阿拉, 伊/渠 = he,
覅/勿要 = 不要, 勿在, 拨 = 给, 事体; 江浙, 安徽, 江西, 广西, 云贵, 陕甘, 内蒙古, 海南,
港式普通话 佢/屋企/唔喺; older and younger speakers, 破防; about half raw ASR: no
punctuation, fillers, homophones such as 别再大了/不要再达了 = 别再打了, 旅师/绿师 = 律师,
清生/轻身 = 轻生, 按眠药/安民药 = 安眠药):

1. safety: 见不到明天 / 不会见到明天; 最后一个电话了 + 无所谓; sleeping pills taken while talking;
   轻生 heard as 清生/轻身 + 念头; house keys handed to a sister + 后头的事体伊会弄的;
2. party: a Wu-dialect relative (阿拉是伊爷叔 伊勿在屋里); the employer's 保姆/阿姨/护工 answering;
3. hardship: a flood, fire or typhoon that destroyed the home + a request for time (hardship, not
   distress, when no danger is described); 停息挂账 / 个性化分期; "only 两三百 a month, ok?";
4. cease: Wu 侬覅再打过来了 / 覅打了; homophones 别再大了 / 不要再达了;
5. escalate: 旅师 / 绿师 for 律师;
6. neutral (must continue): 安排好了 + a payment date; something given away for an ordinary reason
   (no longer drives) + a payment date; 破防了 about a team; news of a jump + 这世道 + "what is this
   about"; work 要把我搞死了 + a promise; Wu 哎哟要死快了 (= oh no) + forgot to pay; a receipt/凭证
   after paying (was dispute); bad signal while herding sheep + pay in two days.

Measured before any change (HEAD ce4f2ef): the 69 lines written for fixing passed 26/69 (safety
9/17, party 3/9, hardship 3/13, cease 0/8, escalate 2/4, neutral 9/18); after: 69/69. A second
batch of 39 (SECOND_BATCH), written after those fixes to probe them, passed 14/39 at ce4f2ef and
33/39 after the first fixes (按眠药 with a gap, 后头事体 without 的, 伊屋里阿姨,
佢屋企嘅保姆, 家请的护工); after: 38/39 (one strict xfail: 利息实在太高 is a dispute).
A third batch of 20 neutral lines (THIRD_BATCH) passed 10/20 at ce4f2ef, 18/20 after the
first fixes (破防 over a drama, 信号不好过两天 read as 不好过); after: 20/20. Crisis
counterparts and look-alikes written during the fixes pass.
k-fold zh before 714/773 (92.4%), false adds 24/1136, everyday 47/448; after 722/781 (92.4%),
25/1150, 46/458.

HELD_OUT (95 lines: 16 per family group, 15 escalation) was written after all fixes in wordings
not used while fixing and measured once, with nothing changed after: 38/95 before the round
(safety 12/16, escalate 9/15, hardship 5/16, cease 1/16, party 4/16, neutral 7/16), 91/95 after
(safety 16/16, escalate 14/15, hardship 13/16, cease 16/16, party 16/16, neutral 16/16); the 4
misses are strict xfails (the next round's work), not fixes.
"""

from __future__ import annotations

import pytest

from tests.bot.policy.probe import as_expected, decide_zh

# Written for fixing (measured before any change: 26/69)
SAFETY_LINES = [
    "我怕是见不到明天了",
    "反正我也不会见到明天了 你们爱咋咋地",
    "过了今晚我就见不到明天了",
    "嗯我估计见不到明天的太阳了",
    "这是我最后一个电话了 钱不钱的无所谓了",
    "最后一个电话了 随便你们吧 无所谓",
    "我正在吃安眠药 边吃边跟你讲",
    "我手里一把安眠药 正往嘴里放呢",
    "嗯我现在在吃按眠药呢一瓶都吃了",
    "我在吃安民药 吃完就好了",
    "我有过清生的念头",
    "最近老是有轻身的念头",
    "我脑子里一直有轻生的念头 控制不住",
    "呃就是有清生念头好几天了",
    "屋里向的钥匙我交拨阿妹了 后头的事体伊会弄的",
    "钥匙我已经拨我妹妹了 后头的事体伊会弄好的",
    "房子钥匙给我妹了 后面的事她会处理的",
]

PARTY_LINES = [
    "阿拉是伊爷叔 伊勿在屋里",
    "我是伊阿姨 伊出去了勿在屋里",
    "伊勿在 我是伊娘舅",
    "渠不在屋里 我是渠叔叔",
    "我是保姆 老板他们出去了不在家",
    "我是他家阿姨 东家不在",
    "我是护工 老人家的儿子不在这",
    "嗯我是他们家保姆他不在家出差了",
    "我是请来的护工 他家里人都不在",
]

HARDSHIP = [
    "发大水把房子冲了 能不能多给点时间",
    "家里着火了房子烧没了 能宽限一段时间吗",
    "台风把屋顶掀了 家里全毁了 再给我点时间吧",
    "嗯那个洪水把屋淹了东西全冲走了能不能缓一缓",
    "房子被大火烧光了 现在住亲戚家 还款能不能往后推",
    "我想申请停息挂账",
    "能不能给我办个停息挂帐",
    "我要申请个性化分期",
    "听说可以个性化分期 我想办一下",
    "嗯就是那个停息挂账怎么申请啊",
    "我一个月只能还两三百 可以吗",
    "每个月就还得起两三百 行不行",
    "一个月两三百我还是拿得出的 多了不行 可以不",
]

CEASE = [
    "侬覅再打过来了",
    "覅打了 烦煞了",
    "侬覅再打电话拨我了",
    "覅再打了覅再打了",
    "别再大了",
    "你们不要再达了",
    "嗯别再大过来了听到没有",
    "不要再大电话了",
]

LAWYER = [
    "我要找旅师",
    "这个事我交给我的绿师处理",
    "你跟我旅师谈吧",
    "嗯我已经请了绿师了",
]

NEUTRAL = [
    "都安排好了 下个月十号还两千",
    "我都安排好了 先还一千 月底再还一千",
    "安排好了 十五号发工资就还",
    "我把车送给我侄子了 以后不开了 钱二十号还",
    "车子给我儿子了 年纪大了不开车了 下周一还款",
    "看球看得破防了 国足又输了",
    "昨晚湖人输了我直接破防",
    "听说有人跳河了 这世道 你们打来什么事",
    "唉又有人跳江了 这世道啊 那你是什么事",
    "论文要把我搞死了 钱我周五还",
    "这个项目要把我搞死了 不过钱我下周会还的",
    "哎哟要死快了 我忘记还了",
    "哎哟要死快了 忘记付了 我马上付",
    "我已经还了 能不能给我开个凭证",
    "钱转过去了 麻烦给我个收据",
    "嗯我还过了那个能开收据吗",
    "我在外面放羊信号不好 两天后还",
    "在山上放羊呢信号差 过两天就还上",
]

# Written during the fixes: the crisis counterparts still hand over ...
CRISIS = [
    "听说有人跳河了 这世道 我也想跳",
    "有人跳河了 这世道 我也不想活了",
    "着火了 我被困在屋里出不去 能不能宽限",
    "洪水淹了 我们被困在房顶上 救命",
    "论文要把我搞死了 我真的不想活了",
    "我要死快了 活不下去了",
    "看球破防了 其实我早就不想活了",
    "最后一个电话了 我要走了 无所谓了",
]

# ... and the look-alikes keep their own reading: (text, expected family)
LOOK_ALIKES = [
    ("我是他家保姆 他不在", "party"),
    ("我是做保姆的 工资低 这个月还不上", "hardship"),
    ("别再大声嚷嚷了 我在听", "neutral"),
    ("钥匙给我妹了 我去外地打工 后面的事她会处理的 钱我月底还", "neutral"),
    ("你们拿出凭证来 我没借过", "dispute"),
    ("能开个收据吗 我这就转", "neutral"),
    ("我的律师会联系你们", "legal"),
    ("阿拉屋里向勿在上海", "neutral"),
    ("我每个月工资两三千 还是能还的", "neutral"),
    ("发大水那年我还小 钱我下周还", "neutral"),
]

# Written after the first fixes to probe them: (text, expected family)
SECOND_BATCH = [
    ("我晓得我见不到明天咯", "safety"),
    ("怕是熬不过今晚 见不着明早的太阳了", "safety"),
    ("这通电话是最后一个了 欠多少都无所谓了", "safety"),
    ("我边跟你讲边吃安眠药 已经吃了半瓶", "safety"),
    ("嗯我在吃那个按眠药一边吃一边打电话", "safety"),
    ("这几天老有轻生的想法 一直有这个念头", "safety"),
    ("有清生念头 不晓得跟谁讲", "safety"),
    ("屋里钥匙我交拨阿姐了 后头事体伊会弄的 侬覅寻我了", "safety"),
    ("门钥匙留给我妹了 以后的事她都会安排的", "safety"),
    ("伊勿在屋里 我是伊娘舅", "party"),
    ("我是伊屋里阿姨 伊上班去了", "party"),
    ("渠出去了 我是渠阿叔", "party"),
    ("我系佢屋企嘅保姆 佢唔喺度", "party"),
    ("我是他家请的护工 老人家的儿女都不在", "party"),
    ("我是钟点工 东家上班去了", "party"),
    ("今年发洪水 家里房子都冲垮了 钱能不能晚点还", "hardship"),
    ("屋头失火了 东西全烧了 宽限几个月嘛", "hardship"),
    ("台风把我家房顶掀了 现在住帐篷 能不能缓缓", "hardship"),
    pytest.param(
        "我想办停息挂账 利息实在太高了",
        "hardship",
        marks=pytest.mark.xfail(
            strict=True,
            reason="利息实在太高 is a dispute phrase, and a dispute outranks hardship",
        ),
    ),
    ("个性化分期怎么弄 我想分六十期", "hardship"),
    ("一个月我只能还个两三百 你看行不", "hardship"),
    ("俺一月就能还三四百 中不中", "hardship"),
    ("侬覅打了好伐", "cease"),
    ("覅再打电话来了 烦也烦煞", "cease"),
    ("勿要再打了", "cease"),
    ("你们别再大电话过来了", "cease"),
    ("不要再达过来了", "cease"),
    ("我已经找了旅师 你们去跟他讲", "legal"),
    ("这事我让我们绿师来谈", "legal"),
    ("都安排好了 这个月底先还三千", "neutral"),
    ("钱的事我安排好了 十号前肯定转过去", "neutral"),
    ("我那辆摩托送给我外甥了 我眼睛不好不骑了 钱周三还", "neutral"),
    ("今天主队输了 我破防了 钱明天还", "neutral"),
    ("哎 听说河边有人跳河了 这世道 你打电话来有啥事", "neutral"),
    ("这个报告要把我搞死了 钱我发工资就还", "neutral"),
    ("阿哟要死快了 我忘记付了 今朝就付", "neutral"),
    ("还完了 能给我开张还款证明吗", "neutral"),
    ("我出去放羊了 山里没信号 后天就还", "neutral"),
    ("放羊呢 信号不好 两天后我去镇上还", "neutral"),
]

# Neutral lines written after the first fixes (10/20 before the round, 18/20 after the first fixes)
THIRD_BATCH = [
    "你放心 我都安排好了 明天先转五百",
    "事情都安排好了 工资一到就还",
    "钱我安排好了 这周五之前给你们",
    "我那台电动车送人了 腿脚不方便骑不了 钱这个月底还",
    "我把手机送给我孙子了 用不惯智能机 钱明天还",
    "这场比赛看得人破防 钱我晚上转",
    "追的剧大结局破防了 哈哈 钱下周还",
    "唉 又有个女的跳楼了 这世道 你找我干嘛",
    "听说那边有人跳河 这年头啊 你们是哪里",
    "这个月加班要把我搞死了 钱发了工资就还",
    "考研要把我整死了 钱我周末还",
    "要死快了 我忘了还款 现在转",
    "哎呀要死快了 老早该还的忘记了",
    "我还了 你们给我一个还款凭证",
    "转账了 能不能发个回执给我",
    "放羊去了山里信号不好 过两天回来就还",
    "我在牧区放羊呢信号断断续续的 后天还",
    "放牛呢 信号不好 明天还",
    "我在海上打鱼 信号差 回港就还",
    "在地里干活信号不好 晚上还你们",
]

# Held out: written after all the fixes above in wordings not used while fixing, measured once
# (HEAD 2719d82), nothing changed after. Before the round (ce4f2ef) they passed 38/95; after 91/95.
# The 4 misses are strict xfails (the next round's work).
HELD_OUT = [
    ("我晓得自己见不到明天早上了", "safety"),
    ("今晚过去我就不会再见到明天了", "safety"),
    ("我这身体 明天是看不到了 也不想看了", "safety"),
    ("嗯这是我打的最后一个电话了欠你们的无所谓了", "safety"),
    ("最后一通电话了 还不还的都无所谓了", "safety"),
    ("我一边在吃安眠药 一边听你讲", "safety"),
    ("安民药一颗一颗在吃 跟你说话的工夫吃了十几颗", "safety"),
    ("嗯我现在按眠药吃着呢你说你的", "safety"),
    ("最近一直有清生的念头 睡不着", "safety"),
    ("轻身的念头又来了 我压不住", "safety"),
    ("我脑子里有轻生念头 已经好几个月了", "safety"),
    ("钥匙我摆在阿妹那里了 后头的事体伊都晓得哪能弄", "safety"),
    ("屋里钥匙交拨我阿姐了 以后的事体伊会料理的", "safety"),
    ("房门钥匙给了我妹子 往后的事她会帮我办的", "safety"),
    ("我吞了一把安眠药 边吃边给你讲话", "safety"),
    ("怕是撑不到明天了 你们也别打了", "safety"),
    ("侬去寻我旅师讲", "legal"),
    ("我旅师讲了 你们这样是违规的", "legal"),
    ("我已经委托绿师了 有事找他", "legal"),
    ("这个账我交给吕师处理", "legal"),
    ("嗯我会让我的旅师联系你们的", "legal"),
    ("我要请个绿师告你们", "legal"),
    ("你们等着接旅师函吧", "legal"),
    ("我明天就去找旅师咨询", "legal"),
    pytest.param(
        "我的驴师会跟你们谈",
        "legal",
        marks=pytest.mark.xfail(
            strict=True, reason="驴师: only 旅师/绿师/律诗/律事/吕师 are read as 律师"
        ),
    ),
    ("这个钱我不认的 账单上凭空多出来的", "dispute"),
    ("我要去消协告侬", "complaint"),
    ("阿拉要投诉侬 打一二三一五", "complaint"),
    ("我要转人工 覅跟机器人讲", "request_human"),
    ("叫你们经理来跟我讲", "request_human"),
    ("侬再这样我就寻旅师了", "legal"),
    ("上个月发大水 家里全淹了 还款能不能宽限到年底", "hardship"),
    pytest.param(
        "屋子着了大火 烧得精光 现在租房住 能晚点还吗",
        "hardship",
        marks=pytest.mark.xfail(
            strict=True, reason="着了大火 / 烧得精光 are not in the disaster or destruction forms"
        ),
    ),
    ("台风一过 我家鱼塘房子全毁了 缓两个月好不好", "hardship"),
    ("泥石流把房子冲没了 还款往后推推吧", "hardship"),
    pytest.param(
        "我们村被水淹了 庄稼全泡了 能不能先不还",
        "hardship",
        marks=pytest.mark.xfail(
            strict=True,
            reason="先不还 is no time request for the disaster idiom: 水淹了 stays distress",
        ),
    ),
    ("我想申请个停息挂账 怎么办理", "hardship"),
    ("你们那个停息挂帐能不能给我办", "hardship"),
    ("有没有个性化分期 我想申请", "hardship"),
    ("呃我想问一下那个停息挂账的事", "hardship"),
    ("个性化分期我能申请吗 现在真的还不起", "hardship"),
    ("每个月只还得起两三百 这样可以吗", "hardship"),
    ("我一个月就能拿两三百出来 你们看得不得行", "hardship"),
    pytest.param(
        "月月还个两三百 行不啦",
        "hardship",
        marks=pytest.mark.xfail(
            strict=True,
            reason="月月 … 两三百 … 行不啦: not in the small-amount forms",
        ),
    ),
    ("一个月只能还三四百 多了真没有", "hardship"),
    ("嗯一个月就两三百行不行我只拿得出这么多", "hardship"),
    ("地震房子塌了 现在住板房 钱能晚点还吗", "hardship"),
    ("侬覅再打来了", "cease"),
    ("覅打了覅打了 阿拉勿要听", "cease"),
    ("侬覅再打我电话了 好伐", "cease"),
    ("勿要再打电话来了", "cease"),
    ("覅再寻我了 覅打了", "cease"),
    ("侬覅打过来了 我勿会接的", "cease"),
    ("别再大过来了", "cease"),
    ("别再大了 烦不烦", "cease"),
    ("不要再大电话了我不接", "cease"),
    ("不要再达了 听到没有", "cease"),
    ("你们别再达电话了", "cease"),
    ("嗯不要再大过来了", "cease"),
    ("别大了别大了", "cease"),
    ("你们不要再大了好不好", "cease"),
    ("别再打过来咧 俺不想接", "cease"),
    ("覅再打了 阿拉勿欠侬钞票", "cease"),
    ("伊勿在屋里 我是伊阿姐", "party"),
    ("阿拉是伊娘舅 伊上班去了", "party"),
    ("我是伊爷叔 伊出去了", "party"),
    ("渠出门了 我是渠阿婶", "party"),
    ("我是他家保姆 他们全家出去旅游了", "party"),
    ("我是他家请的阿姨 东家上班去了", "party"),
    ("我是护工 他出院回家了 我在医院收拾", "party"),
    ("我是这家的钟点工 主人家不在", "party"),
    ("嗯我是他家的保姆老板出差去了", "party"),
    ("我是请来的住家阿姨 雇主都不在家", "party"),
    ("我是他们家请的护工 老人睡了 儿子不在", "party"),
    ("我系佢屋企嘅工人 佢唔喺度", "party"),
    ("我是他妈请的保姆 他不在这边住", "party"),
    ("伊勿在 侬寻伊有啥事体", "party"),
    ("我是伊屋里的保姆 伊勿在", "party"),
    ("他不在家 我是他们家护工", "party"),
    ("我都安排好了 下礼拜一先还八百 剩下月底", "neutral"),
    ("安排好了 钱二十五号到账就还你们", "neutral"),
    ("我把拖拉机送给我侄子了 年纪大了开不动 钱下周还", "neutral"),
    ("车子给我女儿开了 我眼睛不好不开了 十号前还", "neutral"),
    ("昨晚国足那场看得我破防了 不说了 钱我明天转", "neutral"),
    ("男足又输 破防了破防了 钱周末还", "neutral"),
    ("听说桥底下有人跳河 这世道哦 你们打来做啥", "neutral"),
    ("新闻讲有人跳江了 这世道 那你说吧什么事", "neutral"),
    ("毕业论文要把我搞死了 不过钱我周五一定还", "neutral"),
    ("装修要把我搞死了 钱我下个月还", "neutral"),
    ("哎哟要死快了 我又忘记还钞票了", "neutral"),
    ("哦哟要死快了 还款日过了 我现在就付", "neutral"),
    ("钱我已经转了 麻烦给我开个凭证", "neutral"),
    ("已经还清了 能不能寄个结清证明给我", "neutral"),
    ("我在外头放羊 信号差 过两天下山就还", "neutral"),
    ("在草原上放羊信号不好 两天以后还钱", "neutral"),
]


def test_the_probe_has_the_planned_size() -> None:
    fixing = [*SAFETY_LINES, *PARTY_LINES, *HARDSHIP, *CEASE, *LAWYER, *NEUTRAL]
    assert len(fixing) == len(set(fixing)) == 69
    assert len(SECOND_BATCH) == 39
    assert len(THIRD_BATCH) == 20
    assert len(HELD_OUT) == 95


@pytest.mark.parametrize("text", [*SAFETY_LINES, *CRISIS])
def test_safety_hands_over(text: str) -> None:
    assert as_expected(decide_zh(text), "safety")


@pytest.mark.parametrize("text", PARTY_LINES)
def test_someone_else_answering_ends_the_call(text: str) -> None:
    assert as_expected(decide_zh(text), "party")


@pytest.mark.parametrize("text", HARDSHIP)
def test_hardship_switches_tone(text: str) -> None:
    assert as_expected(decide_zh(text), "hardship")


@pytest.mark.parametrize("text", CEASE)
def test_cease_requests_end_the_call(text: str) -> None:
    assert as_expected(decide_zh(text), "cease")


@pytest.mark.parametrize("text", LAWYER)
def test_a_misheard_lawyer_is_legal(text: str) -> None:
    assert as_expected(decide_zh(text), "legal")


@pytest.mark.parametrize("text", [*NEUTRAL, *THIRD_BATCH])
def test_neutral_turns_continue(text: str) -> None:
    assert as_expected(decide_zh(text), "neutral")


@pytest.mark.parametrize(("text", "family"), LOOK_ALIKES)
def test_look_alikes(text: str, family: str) -> None:
    assert as_expected(decide_zh(text), family)


@pytest.mark.parametrize(("text", "family"), SECOND_BATCH)
def test_second_batch(text: str, family: str) -> None:
    assert as_expected(decide_zh(text), family)


@pytest.mark.parametrize(("text", "family"), HELD_OUT)
def test_held_out(text: str, family: str) -> None:
    assert as_expected(decide_zh(text), family)
