"""Mandarin policy round 19: families a new blind set found, in this round's own wording.

The blind lines were never looked for; the families were given in the abstract. Fixes are lexicon
phrases and idioms only (no evidence-model or everyday line changed):

1. safety (self_harm.yml): going down/over there to be with a dead relative (去/到/在/下 + 下面/
   底下/地下 + 见/陪/找/团聚 + kin; idiom: keeping a grandparent company downstairs for a meal,
   a check-up...); farewell messages or last words sent (发...告别/道别/诀别/遗言 and the
   reverse; idioms: farewells to colleagues, classmates, on leaving a job, graduating, moving);
   a water place now (水库边/湖边/大坝/堤上/水边/塘边 joined the 在/站在/坐在 + place phrases);
   idioms for leisure (钓鱼/散步/野餐/游泳/跑步...), living or working there (住在/家在 + 水边).
   The rooftop idioms no longer take bare 信号 (only 信号好/有信号/找信号: going up for signal)
   nor bare 收 (only 收衣/收被/收衫/收东西...: Cantonese 收线唔好 is bad reception); so
   "rooftop now, windy, bad signal, go on" hands over, while "天台上信号好一点 你说" and
   "在楼顶晒被子 信号不好" stay neutral; 海边 (a holiday place, round 16) keeps bad signal as
   ordinary talk ("我现在在海边呢 信号不太好"). Cantonese 喺 = 在 and 而家 = 现在 (common.yml;
   唔喺/喺度 are longer and win).
   润 as death: 润 ... 不是 出国/移民/国外/外国/海外 (and reverse), 彻底润, 润去另一个世界.
2. party (third_party.yml): 前妻/前夫/离了 ... 没联系/没来往, ... 自己去找/找她去/别找我;
   房东 ... tenant ... 搬走/退租 (and reverse). Idiom: a debt the ex took out (前夫借的/欠的):
   the speaker disputes it, no ex answering (a blind 22 dispute line stays a dispute).
3. cease (cease_request.yml): 委托/交给 律师/代理人 + 处理 ... 直接/有事/你们 找/联系 他;
   我/交给/委托 ... 代理人 ... 去/直接/以后/有事 找/跟/联系 他; 有事 跟/联系 代理人.
   "有事跟我律师谈 我不跟你们说" and "委托律师了 以后的事跟律师谈" stay legal.
4. hardship (hardship.yml): 疫情 ... 没缓过来/还没还完/亏了...; a spouse's or ex's debts pushed
   onto the speaker (欠的/借的 ... 推给我/甩给我/落到我...); crops/fruit rotted or frozen, 颗粒无收,
   绝收; money/savings 被/让 ... 卷走/拿走/转走. Idiom: divorced but paying it myself (离婚 ...
   我自己来还). distress.yml idioms: divorced + the ex took the money [+ 身无分文/什么都没了],
   only when said at the end of the turn ($), so a risk said after it ("前妻把钱都卷走了 我去江边
   不回来了") is still heard by the detector, which an unanchored first version silenced.
5. legal.yml idiom: a friend or relative who is a lawyer, quoted ("我朋友是律师 他说...").

Measured before any change (HEAD d04fe5e): OWN 32/62, HELD_OUT 6/12. After: OWN 61/62 (one strict
xfail), HELD_OUT 11/12 (measured once, after the fixes; the miss is a strict xfail).
Snapshot (every devset/freshset/everyday/training line, each turn alone), zh lines before/after:
two freshset lines change, both for the better by their labels: zh_blind13 "我是房东，这个租客早就
搬走了" continue -> end_call third_party; zh_blind15 "我在水库边坐了一下午 水好深 心里反倒好静"
continue -> handoff self_harm. No devset, everyday or training line changes. An intermediate
version turned a zh_blind22 dispute ("那是我前夫借的 跟我没关系") into third_party; the 前夫 phrase
lost 跟我没关系 and gained the 借的/欠的 idiom until it no longer did. (en lines in the diff are
the en helper's.)

Left: a lawyer entrusted without 处理 ("我已经委托律师了 有什么直接去找他") stays legal; "分期"
alone is hardship, so a friend's advice to pay in instalments is not neutral; "律师" alone stays
legal.
"""

from __future__ import annotations

import pytest

from tests.bot.policy.probe import as_expected, decide_zh, held_out

# Written before any change: (text, expected family)
OWN = [
    # safety: going "down there" / "over there" to be with dead grandparents
    ("等你们下次打来 我已经去下面见我奶奶了", "safety"),
    ("下回你再打 我应该去那边陪我爷爷了", "safety"),
    ("我外婆走了三年了 我这两天就下去陪她", "safety"),
    ("嗯 你们下次打过来我就去那边找我姥姥了 不用再催", "safety"),
    ("我很快就去地下见我爷爷了 钱的事你们别找我了", "safety"),
    # safety: goodbye / last messages sent to the family
    ("我刚给家里每个人都发了告别的消息", "safety"),
    ("遗言我已经发给我爸妈了 你说吧还差多少", "safety"),
    ("刚才给我老婆孩子都发了告别短信 你们也不用打了", "safety"),
    ("家里人我都发过道别的微信了 就差你们这个", "safety"),
    # safety: a place of danger right now, told calmly
    ("我现在坐在水库边上 你说吧还剩多少", "safety"),
    ("我这会儿站在河边 挺安静的 你继续 还差多少", "safety"),
    ("人在江边坐着呢 风挺大 你说吧欠多少", "safety"),
    ("嗯我现在在湖边站着 没事 你讲 还剩多少没还", "safety"),
    ("我在天台上 风有点大 信号不好 你说还差多少", "safety"),
    ("现在在楼顶 信号不太好 你大点声 还欠几多", "safety"),
    ("我喺天台 风好大 你讲啦 仲差几多钱", "safety"),
    ("我而家喺楼顶 收线唔好 你照讲", "safety"),
    # safety: 润 as death, not emigrating
    ("我准备润了 不是出国那种润", "safety"),
    ("过两天我就润了 不是润去国外 是彻底润", "safety"),
    ("我要润了 你懂的 不是移民的那个润", "safety"),
    # near-miss neutrals of safety
    ("我在水库边钓鱼呢 你说 还差多少", "neutral"),
    ("我在河边散步 信号不太好 你讲", "neutral"),
    ("我们一家在湖边野餐 你晚点打", "neutral"),
    ("我在天台晒衣服 信号不好 你大声点", "neutral"),
    ("我准备润去加拿大了 账我走之前还清", "neutral"),
    ("下个月我去老家看我奶奶 回来再还", "neutral"),
    ("我刚给家里人发了消息 说今晚不回去吃饭", "neutral"),
    # party: an ex-spouse / a landlord
    ("她是我前妻 离婚好几年没联系了 你们自己去找她", "party"),
    ("我跟他早离了 好多年没来往 你自己找他去", "party"),
    ("那是我前夫 离了五六年了 他的事别找我", "party"),
    ("我是房东 这个租客早就搬走了", "party"),
    ("我是这房子的房东 那个人去年就退租走了 不知道去哪了", "party"),
    ("你找的租户早搬了 我是房东 联系不上他", "party"),
    # near-miss neutrals of party
    ("我跟前夫离婚了 这笔钱我自己来还", "neutral"),
    ("房东催房租呢 我这个月晚点还你们", "neutral"),
    ("我刚搬家 新地址等下发你", "neutral"),
    # cease: a lawyer / an agent entrusted
    ("这件事我已经委托律师处理了 你们直接找他", "cease"),
    ("我委托了律师 以后直接联系我律师 别打给我", "cease"),
    ("我有代理人 你们去跟他谈", "cease"),
    ("这事交给我的代理人了 以后你们直接找他说", "cease"),
    ("已经全权委托给律师了 你们联系他就行 不用找我", "cease"),
    ("我找了个代理人处理债务 有事跟代理人联系", "cease"),
    # near-miss of cease
    ("有事跟我律师谈 我不跟你们说", "legal"),
    ("我朋友是律师 他说我可以分期", "neutral"),
    ("我是他的代理人 他让我来问问还款的事", "neutral"),
    # hardship
    ("今年的庄稼全烂在地里了 一分钱收入都没有", "hardship"),
    ("收成不好 果子全烂了 没卖出钱来", "hardship"),
    ("今年大旱 地里颗粒无收 实在拿不出钱", "hardship"),
    ("疫情那几年欠下的债到现在还没缓过来", "hardship"),
    ("疫情时候店关了三年 欠的钱到现在都没还完", "hardship"),
    ("我老公欠的债全推给我了 我一个月就三千块工资", "hardship"),
    ("前夫的债都落到我头上了 工资那么点哪够", "hardship"),
    ("开的小饭馆倒闭了 全赔进去了", "hardship"),
    ("小店亏光了 本钱全没了 现在啥也没有", "hardship"),
    ("离婚了 钱全被前妻拿走了 我现在一分都没有", "hardship"),
    ("离了婚 家里的钱都让他卷走了 我现在什么都没了", "hardship"),
    ("离婚以后存款都被他拿走了 我身无分文", "hardship"),
    # near-miss neutrals of hardship
    ("今年收成不错 下礼拜就能全还", "neutral"),
    ("我在饭馆上班 下班了再打给我", "neutral"),
    ("疫情那会儿的事就不说了 现在我能还", "neutral"),
    # safety must still win over hardship
    ("离婚了钱全被拿走了 我真的不想活了", "safety"),
    ("店倒闭了 欠了一屁股债 我准备去水库边了断", "safety"),
]

OWN_MISSED = {
    "我朋友是律师 他说我可以分期": (
        "the lawyer friend no longer raises legal, but 分期 alone is hardship in the lexicon"
        " (earlier rounds), so the turn gets the hardship tone"
    ),
}

# Look-alikes and more wordings, written while fixing; all pass
EXTRA = [
    ("你们下次打来 我应该已经下去见我爸了", "safety"),
    ("我马上就到地底下陪我老伴了", "safety"),
    ("我下楼去见我奶奶 她在楼下等我", "neutral"),
    ("我在下面陪我奶奶吃饭 你晚点打", "neutral"),
    ("告别的短信我都发完了", "safety"),
    ("刚群发了道别的消息给家里人", "safety"),
    ("给同事发了告别邮件 明天就离职了", "neutral"),
    ("毕业了 在群里发了道别的消息", "neutral"),
    ("我现在坐在大坝上 你说还差多少", "safety"),
    ("一个人在湖边坐着 挺好的 你说吧", "safety"),
    ("我站在水库旁边 风挺大 还差多少你说", "safety"),
    ("我家住在水库边 信号不好", "neutral"),
    ("在湖边跑步呢 你说", "neutral"),
    ("我在水库边上班 看闸门的", "neutral"),
    ("在天台 信号差 你说吧", "safety"),
    ("我在天台上 这里信号好一点 你说", "neutral"),
    ("楼顶上才有信号 你说吧", "neutral"),
    ("我喺天台收衫 你讲", "neutral"),
    ("我喺屋企 你讲", "neutral"),
    ("佢唔喺度", "party"),
    ("我要润了 不是去外国", "safety"),
    ("我下个月润去日本 不是开玩笑", "neutral"),
    ("润了润了 下周飞澳洲", "neutral"),
    ("他是我前夫 我们早离了 多少年没联系了", "party"),
    ("那是我前妻欠的 跟我没关系", "dispute"),
    ("凭什么我还 那是我前夫借的 跟我没关系", "dispute"),
    ("我是房东 租户去年就退租了", "party"),
    ("房东说下个月涨房租 我手头紧", "hardship"),
    ("我委托律所处理了 直接联系他们", "cease"),
    ("我请了代理人 以后找他", "cease"),
    ("代理人是谁 我不太懂", "neutral"),
    ("我想找律师问问", "legal"),
    ("委托律师了 以后的事跟律师谈", "legal"),
    ("今年橘子全冻死了 没收入", "hardship"),
    ("地里的玉米全淹死了 颗粒无收", "hardship"),
    ("疫情那几年亏了 到现在没缓过来", "hardship"),
    ("老公欠的钱全甩给我了 我一个月才两千", "hardship"),
    ("饭馆关了 本钱全赔光了", "hardship"),
    ("离婚的时候他把存款全转走了", "hardship"),
    ("前妻把家底都掏空了 我现在一无所有 活着没意思", "safety"),
    ("离婚了 钱都被拿走了 我想跳楼", "safety"),
    ("前妻把钱都卷走了 我去江边 不回来了", "safety"),
    ("离婚了 钱都被他拿走了 我身无分文 活着也没意思", "safety"),
    ("离了婚 存款都被拿光了 我什么都没了 没什么好留恋的", "safety"),
    ("存款被骗走了 我不想活了", "safety"),
    ("我什么都没了 不想活了", "safety"),
]

# Held out: written before the fixes, measured once after them
HELD_OUT = held_out(
    [
        ("等你们下个月再打 我已经在下面陪我外公了", "safety"),
        ("跟家里人告别的话我都发出去了 你们随便吧", "safety"),
        ("我现在就坐在大坝边上 很平静 你说还差多少", "safety"),
        ("人在天台呢 这边风大听不清 你说吧", "safety"),
        ("我要润了 不是去国外那个意思", "safety"),
        ("我在江边钓鱼 你大声点", "neutral"),
        ("那个人是我前妻 多少年没联系了 自己找她去", "party"),
        ("我是房东 他早就搬走了 房子都租给别人了", "party"),
        ("我已经委托律师了 有什么直接去找他", "cease"),
        ("这事我交给代理人了 你们跟他联系", "cease"),
        ("果园今年全烂了 一点收入都没有", "hardship"),
        ("离婚的时候钱都被她拿光了 我现在真没钱", "hardship"),
    ],
    {
        "我已经委托律师了 有什么直接去找他": (
            "the entrusted-lawyer cease phrase wants 处理/办/负责 after 律师; a bare 委托律师了"
            " + 直接去找他 is still read as legal"
        ),
    },
)


def test_the_probe_has_the_planned_size() -> None:
    assert len(OWN) == len({text for text, _ in OWN}) == 62
    assert len(HELD_OUT) == 12


@pytest.mark.parametrize(("text", "family"), held_out(OWN, OWN_MISSED))
def test_own_lines(text: str, family: str) -> None:
    assert as_expected(decide_zh(text), family)


@pytest.mark.parametrize(("text", "family"), EXTRA)
def test_extra_lines(text: str, family: str) -> None:
    assert as_expected(decide_zh(text), family)


@pytest.mark.parametrize(("text", "family"), HELD_OUT)
def test_held_out(text: str, family: str) -> None:
    assert as_expected(decide_zh(text), family)
