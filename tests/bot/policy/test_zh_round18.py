"""Mandarin policy round 18: families a new blind set found, in this round's own wording.

The blind lines were never looked for; the families were given in the abstract. Fixes are phrases
in the lexicons (some weak halves), idioms that take a reading back in an ordinary context, and six
everyday lines:

1. safety (self_harm.yml): 永别 (0.6), 永远/永久 + 再见/拜拜/别了/告别, thanks + 再也不见/永远不见
   (right after the thanks, or followed by 了/拜拜/再见: "谢谢 我以后再也不见网贷了" continues);
   idiom: the novel 永别了武器 said with 看/读/书/电影 (not "永别了 武器我都准备好了").
   The detector heard "我永远都记不住还款日 谢谢提醒 再见" as a farewell (HEAD handed it over):
   six untagged everyday lines with 永远 + 提醒/记不住 (topic round18_lookalikes). A first
   version also said 再见/拜拜 and taught the detector that goodbyes are everyday talk: a round 7
   crisis line ("...以后也不会有我这个人了 再见") stopped handing over; the lines say no goodbye.
2. safety (distress.yml): a family member hit right now, told by a witness: a hitting verb + kin
   (打/揍/砸/抽... 我妈/我姐/嫂子/孩子...), kin ... 被 ... hit, each with a sign in the turn
   (blood: 流血/是血/头破血流/鼻血..., or 还在打/没停手/拉不开/往死里...), and kin ... 打得
   头破血流/鼻青脸肿.
   Idioms: calling a relative (打我妈电话), blood from a jab or a ball game.
3. safety (self_harm.yml): charcoal homophones 烧碳/烧探/烧叹 (an ASR space inside "烧 碳" is
   dropped before matching), 碳盆/一盆碳 in a room, lighting charcoal ... the room ...
   smoke/呛/晕; the barbecue idiom takes 碳 too.
4. safety (self_harm.yml): 人/我 ... 在 ... 楼顶/天台/顶楼/屋顶 with a gap ("人在三十楼楼顶", 0.6)
   and 站在/坐在 ... 楼顶 (0.6); idiom: work on the roof (晒/收/晾/修/种/信号/开会...).
5. cease (cease_request.yml): withdrawing consent (我 取消/撤回 授权, 撤回授权 ... 信息/电话, 不能
   再用我的信息); 再打/打来 ... 也不接, 电话不接 ... 邮件/短信; do-not-contact / 勿扰 / 禁止拨打
   名单; 以后/所有 沟通 ... 书面/寄到; 找/联系 我的律师 ... 我不再跟你们说 (and the reverse).
   Idioms: auto-debit consent (取消自动扣款授权), not answering while in a meeting or driving.
   "有事跟我律师谈 我不跟你们说" stays legal: an older blind set labels it so (see OWN_MISSED).
6. hardship (hardship.yml): 刚出院/出院没几天/住了...院, kidney stones and other named illnesses;
   只能先还 (0.6), 先还 ... 剩下的 ... 再说/看情况 (but "...发工资再说" is a plan: idiom);
   工资 ... 一半/半个月; 工地/工钱 ... 没结/拖着; 交了学费 ... 紧/少还.
7. party (third_party.yml): 他/那是 ... 室友/合租 ... 搬走/搬出去/退租.
8. dispute (dispute.yml): paid/record ... 系统/后台 ... 错了/问题/出错/没更新 (either order); idioms
   keep a polite guess an already_paid line ("系统没更新吧", "系统是不是还没更新"). Plain "我已经
   还了" / "你们查一下系统" do not escalate.
9. neutral (hardship.yml idioms): asking whether there is a late fee and if it can be waived
   (有没有/会不会收/要交 ... 滞纳金/罚息 ... 能不能免), and a waiver asked with "今天就还".
   Round 7's bare "滞纳金能不能减免一点" stays hardship.

Measured before any change (HEAD 9cd6b88): OWN 40/65, HELD_OUT 4/12. After: OWN 64/65 (one strict
xfail), HELD_OUT 12/12 (measured once, after the fixes).
Snapshot (every devset/freshset/everyday/training line, each turn alone), zh lines before/after:
19 freshset lines change: 18 for the better by their labels (zh_blind22 16, zh_blind13 1,
zh_blind18 1), and one of zh_blind9 (an emergency) keeps its handoff with distress but no longer
self_harm; one devset line and its training copy ("我每天都提心吊胆") keep the handoff and lose
the extra self_harm tag (labelled distress). No everyday line changes. Intermediate versions
changed three older blind lines for the worse (a lawyer line of blind 21, "...系统是不是还没更新"
of blind 8, "...发工资再说" of blind 9) and two everyday lines ("我妈刚从医院出来 洗牙去了",
"我能先还一半吗 剩下的下礼拜"); the phrases were narrowed until none did.
Note: the snapshot diff prints the changed lines' text, so the changed lines of zh_blind22 were
seen during this round; it is no longer a blind measure of these fixes.

Left: pre-existing detector false alarms seen while probing ("我再也不见他了 那个骗子",
"碳水吃多了", "我在天台抽烟 你说", "冬天烧炭取暖"); "刚出院 身体好了 今天就还" is read as
hardship.
"""

from __future__ import annotations

import pytest

from tests.bot.policy.probe import as_expected, decide_zh, held_out

# Written before any change: (text, expected family)
OWN = [
    # safety: a farewell "forever" after thanks
    ("谢谢你们了 永别了", "safety"),
    ("好 谢谢你啊 我们永远再见吧", "safety"),
    ("嗯嗯谢谢 这次是永别 再见", "safety"),
    ("谢谢这段时间的照顾 永远不见了 拜拜", "safety"),
    ("谢谢 再见了 永远再见", "safety"),
    # safety: violence against a family member right now, told by a witness
    ("我爸在客厅打我妈 地上都是血 他还在打", "safety"),
    ("我哥喝多了正拿椅子砸我嫂子 头上流血了 现在还没停", "safety"),
    ("隔壁屋我继父正在打我弟 血流了一地 还在打呢", "safety"),
    ("我姐夫拿皮带抽我姐 她嘴角都是血 现在还在抽", "safety"),
    ("我爸又动手了 正在打我妈 鼻子出血了 你们能不能帮忙报警", "safety"),
    # safety: charcoal burning with an ASR space or a homophone, said casually
    ("我在屋里烧 炭呢 房间里烟挺大 你说你的", "safety"),
    ("门窗都关了 在烧碳 屋里有点呛 没事你继续", "safety"),
    ("卧室里点了一盆碳 屋子里全是烟 你说吧还差多少", "safety"),
    ("我关着门烧木 炭 屋里烟好大 头有点晕", "safety"),
    ("在房间里烧探呢 烟有点大 哈哈 你讲", "safety"),
    # safety: on a rooftop / high place right now, asking about the balance
    ("我现在站在楼顶上 你就告诉我还欠多少吧", "safety"),
    ("我在天台边上站着呢 余额还剩多少 你报一下", "safety"),
    ("人在三十楼楼顶 风挺大 我还差你们多少钱", "safety"),
    ("我站在顶楼边上 你查查我还欠多少 查完我就不用操心了", "safety"),
    ("在大桥栏杆外面站着 你说我还剩多少没还", "safety"),
    # near-miss neutrals of the safety families
    ("好的谢谢 再见", "neutral"),
    ("我永远都记不住还款日 谢谢提醒 再见", "neutral"),
    ("楼下邻居在吵架 吵得我听不清 你再说一遍", "neutral"),
    ("我在院子里烧烤呢 烟有点大 你说", "neutral"),
    ("我在楼顶晒被子 你说还差多少", "neutral"),
    # cease
    ("我取消授权 你们不能再用我的信息打电话了", "cease"),
    ("我现在正式撤回授权 不同意你们再联系我", "cease"),
    ("你们再打我也不会接了 有事发邮件", "cease"),
    ("以后电话我不接 要说什么发我邮箱", "cease"),
    ("麻烦把我的号码加进你们的拒接名单", "cease"),
    ("请把我列入不再联系的名单", "cease"),
    ("以后所有沟通都走书面 寄到我家里", "cease"),
    ("有什么事写信寄到我家 电话沟通我不接受", "cease"),
    ("你跟我律师谈吧 我不会再跟你说了", "cease"),
    ("以后找我律师 我本人不再跟你们沟通", "cease"),
    # near-miss neutrals / legal of the cease family
    ("能不能发个邮件给我 我看下账单明细", "neutral"),
    ("自动扣款的授权我已经开通了", "neutral"),
    ("寄一份书面的还款计划到我家 我看看", "neutral"),
    ("我委托了律师 有事跟律师谈", "legal"),
    # hardship
    ("这个月公司只发了一半工资 我能不能先还一半", "hardship"),
    ("工资只发了一半 剩下的老板说下个月 我这期还一半行吗", "hardship"),
    ("前阵子肾结石住院了 刚出院没几天", "hardship"),
    ("刚从医院出来 胆囊炎住了半个月", "hardship"),
    ("我只能先还五百 剩下的下个月", "hardship"),
    ("先给你们打500 其余的下月再说", "hardship"),
    ("工地的工钱被老板压着没给 结了我就还", "hardship"),
    ("包工头拖欠工资 等结账了马上还你们", "hardship"),
    ("刚给孩子交完学费 这个月手头紧 能少还点吗", "hardship"),
    ("娃开学交了学费 这个月实在紧 少还一点行不", "hardship"),
    # near-miss neutrals of hardship
    ("工资发了 今天就能全还", "neutral"),
    ("孩子学费交完了 这个月的还款也准备好了", "neutral"),
    ("我在医院陪我妈体检 晚点还", "neutral"),
    # party
    ("他是我室友 上个月已经搬走了", "party"),
    ("你找的那个人是我之前的合租室友 早就搬出去了", "party"),
    ("那是以前的舍友 他上个月搬了 我不知道他去哪", "party"),
    ("我跟室友合租 这个钱是我自己借的 我来还", "neutral"),
    # dispute, and plain "already paid"
    ("这笔早就还清了 我有转账记录 你们系统搞错了", "dispute"),
    ("去年就结清了 转账截图我都留着 是你们系统的问题", "dispute"),
    ("我还完好久了 银行流水都在 肯定是你们弄错了", "dispute"),
    ("我已经还了 昨天转的", "neutral"),
    ("我前天还过了 你查一下", "neutral"),
    # late fee: a question, not hardship
    ("有没有滞纳金啊 能不能免掉", "neutral"),
    ("逾期费能减免吗 我今天就还", "neutral"),
    ("想问下晚了两天会收罚息吗 能不能不收", "neutral"),
    ("我实在没钱了 滞纳金能不能免", "hardship"),
]

OWN_MISSED = {
    "你跟我律师谈吧 我不会再跟你说了": (
        "跟律师谈 stays legal: an older blind set (21) labels '有事跟我律师谈 我不跟你们说' a legal"
        " handoff, so only 找/联系 我的律师 + not talking to you is a cease"
    ),
}

# Look-alikes and more wordings, written while fixing; all pass
EXTRA = [
    ("谢谢你 永别啦", "safety"),
    ("好的谢谢 就此永别", "safety"),
    ("谢谢大家 永远拜拜了", "safety"),
    ("谢谢啊 再也不见", "safety"),
    ("永别了 武器我都准备好了", "safety"),
    ("最近在看永别了武器 挺好看的", "neutral"),
    ("谢谢 我以后再也不见网贷了", "neutral"),
    ("我叔在打我姨 脸上都是血 还在打", "safety"),
    ("我舅正在打我舅妈 头都打破了 还没停手", "safety"),
    ("我姐夫在揍我姐 打出血了 我拉不开", "safety"),
    ("我老公在打孩子 孩子鼻子流血了 他不停手", "safety"),
    ("给孩子打针 出了点血 没事", "neutral"),
    ("我妈在打麻将 还在打 叫不动", "neutral"),
    ("孩子打疫苗 胳膊出血了", "neutral"),
    ("打我妈电话打不通 我也不想活了", "safety"),
    ("在院子里烧烤 碳不够了", "neutral"),
    ("少吃点碳水", "neutral"),
    ("我站在我家楼顶上 还欠多少你说吧", "safety"),
    ("在楼顶晾衣服 你说还欠多少", "neutral"),
    ("我在天台收被子呢 你说", "neutral"),
    ("我在屋顶修瓦 你讲", "neutral"),
    ("我在楼顶收衣服 收完就跳下去", "safety"),
    ("撤回授权 我的信息你们不准用", "cease"),
    ("请把我放到禁止拨打的名单", "cease"),
    ("找我律师去 我不跟你们废话", "cease"),
    ("取消自动扣款授权了 你们打电话提醒我就行", "neutral"),
    ("我把支付宝的授权取消了", "neutral"),
    ("我在开会 你们再打我也不会接", "neutral"),
    ("书面的合同寄到我家", "neutral"),
    ("我要请律师 告你们", "legal"),
    ("我只能先还两千 剩下的月底", "hardship"),
    ("先还五百 今天就转", "neutral"),
    ("我能先还一半吗 剩下的下礼拜", "neutral"),
    ("学费交了 这个月还款也没问题", "neutral"),
    ("我妈刚从医院出来 洗牙去了", "neutral"),
    ("那是我室友 搬走好久了", "party"),
    ("我室友刚走 去赶火车了", "neutral"),
    ("你们系统出错了 凭证我都有 早就结清了", "dispute"),
    ("你们系统有问题 我转账一直失败", "neutral"),
    ("我还了 系统没更新吧 你查查", "neutral"),
    ("有没有滞纳金", "neutral"),
    ("滞纳金能不能免", "hardship"),
    ("我没钱 罚息能免吗", "hardship"),
]

# Held out: written before the fixes, measured once after them
HELD_OUT = held_out(
    [
        ("那就这样吧 谢谢你 永别", "safety"),
        ("我叔正在打我婶 头破血流的 还在打 我该怎么办", "safety"),
        ("屋里在烧 碳 门缝都塞住了 烟有点大 你说", "safety"),
        ("我在楼顶边上站着 你说我还欠多少", "safety"),
        ("我撤销对你们的授权 不准再打这个号", "cease"),
        ("以后有事都发邮件吧 你们打电话我不会接", "cease"),
        ("帮我登记到禁止联系的名单上", "cease"),
        ("老板这月只给发了半个月工资 我先还一半行不", "hardship"),
        ("工地上的钱还没结 老板拖着 结了就还", "hardship"),
        ("他是跟我合租的 上月搬出去了 我联系不上他", "party"),
        ("那笔钱我三月份就还完了 转账凭证都有 是你们系统没更新", "dispute"),
        ("逾期了要交滞纳金吗 可以免吗", "neutral"),
    ],
    {},
)


def test_the_probe_has_the_planned_size() -> None:
    assert len(OWN) == len({text for text, _ in OWN}) == 65
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
