"""Properties: reassurance never undoes self-harm; the guard never discloses before verification."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.policy import CallContext, GuardContext, Turn, decide, guard_line
from tests.bot.policy.devset_metrics import load_devset

SELF_HARM = {
    locale: sorted(e.text for e in load_devset(locale) if "self_harm" in e.expected_reasons)
    for locale in ("en", "zh")
}
REASSURANCE = {
    "en": [
        "I'm fine",
        "just kidding",
        "I'm okay really",
        "never mind",
        "forget I said that",
        "don't worry about me",
        "haha",
        "lol",
        "I'm not serious",
        "it's nothing",
        "I'm joking",
        "no I'm not going to do anything",
        "all good",
    ],
    "zh": [
        "没事",
        "开玩笑的",
        "我没事了",
        "说着玩的",
        "哈哈",
        "别担心",
        "我挺好的",
        "随便说说",
        "不会的",
        "没什么",
    ],
}
SEPARATORS = {"en": [" ", ". ", ", ", "... ", "! "], "zh": ["", "，", "。", " ", "！"]}


@st.composite
def reassured(draw: st.DrawFn) -> tuple[str, str]:
    locale = draw(st.sampled_from(["en", "zh"]))
    base = draw(st.sampled_from(SELF_HARM[locale]))
    tail = draw(st.lists(st.sampled_from(REASSURANCE[locale]), min_size=1, max_size=3))
    seps = SEPARATORS[locale]
    text = base
    for piece in tail:
        text += draw(st.sampled_from(seps)) + piece
    return locale, text


@settings(max_examples=300, deadline=None)
@given(
    case=reassured(),
    intent=st.sampled_from([None, "greet", "affirm", "goodbye", "promise_to_pay"]),
    intent_confidence=st.floats(0.0, 1.0),
    asr_confidence=st.floats(0.0, 1.0),
    tier=st.integers(1, 5),
)
def test_reassurance_never_removes_self_harm(
    case: tuple[str, str],
    intent: str | None,
    intent_confidence: float,
    asr_confidence: float,
    tier: int,
) -> None:
    locale, text = case
    turn = Turn(text, locale, asr_confidence, intent, intent_confidence)  # type: ignore[arg-type]
    decision = decide(turn, CallContext(tier=tier))
    assert decision.action == "handoff", text
    assert decision.reasons[0] == "self_harm", text


#: Dialogue intents whose tag makes a benign context (see ``BENIGN_CONTEXT``).
BENIGN_INTENTS = (
    "promise_to_pay",
    "already_paid",
    "callback_later",
    "hardship_general",
    "cease_contact",
    "wrong_person",
    "third_party",
)


def test_a_confident_benign_intent_never_hides_self_harm_followed_by_reassurance() -> None:
    # Every self-harm line of the dev set, with every reassurance appended, under a dialogue
    # model that is sure it heard something benign: the property above samples this space;
    # CI once drew "I've taken a lot more than I should have, my vision's going funny. I'm
    # fine" + promise_to_pay 1.0, which continued the call.
    missed = []
    for locale in ("en", "zh"):
        separator = SEPARATORS[locale][1]
        for index, base in enumerate(SELF_HARM[locale]):
            intent = BENIGN_INTENTS[index % len(BENIGN_INTENTS)]
            for piece in REASSURANCE[locale]:
                text = base + separator + piece
                decision = decide(Turn(text, locale, 1.0, intent, 1.0), CallContext(tier=1))
                if decision.action != "handoff" or decision.reasons[0] != "self_harm":
                    missed.append((text, intent, decision.action, decision.reasons))
    assert not missed, missed


_ONES = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
          "seventeen", "eighteen", "nineteen"]  # fmt: skip
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ZH = "零一二三四五六七八九"


def en_words(n: int) -> str:
    parts = []
    if n >= 1000:
        parts += [en_words(n // 1000), "thousand"]
        n %= 1000
    if n >= 100:
        parts += [_ONES[n // 100], "hundred"]
        n %= 100
    if n >= 20:
        parts.append(_TENS[n // 10] + ("-" + _ONES[n % 10] if n % 10 else ""))
    elif n >= 10:
        parts.append(_TEENS[n - 10])
    elif n:
        parts.append(_ONES[n])
    return " ".join(parts)


def zh_words(n: int) -> str:
    if n >= 10000:
        rest = n % 10000
        gap = "零" if 0 < rest < 1000 else ""
        return zh_words(n // 10000) + "万" + (gap + zh_words(rest) if rest else "")
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            out += ("零" if zero else "") + _ZH[digit] + unit
            zero = False
        elif out:
            zero = True
    return out


@st.composite
def spoken_amount(draw: st.DrawFn) -> tuple[str, str]:
    locale = draw(st.sampled_from(["en", "zh"]))
    n = draw(st.integers(1, 99_999))
    cents = draw(st.integers(0, 99))
    if locale == "en":
        forms = [
            f"${n:,}",
            f"${n:,}.{cents:02d}",
            f"{n} dollars",
            f"{n:,}.{cents:02d}",
            f"USD {n}",
            f"{en_words(n)} dollars",
            f"{n} bucks",
        ]
    else:
        forms = [f"{n}元", f"¥{n}", f"￥{n:,}.{cents:02d}", f"{zh_words(n)}元", f"人民币{n}",
                 f"{n}块钱", f"{zh_words(n)}块"]  # fmt: skip
    return locale, draw(st.sampled_from(forms))


PREFIX = {
    "en": ["", "Hello, ", "Just so you know, ", "The figure is ", "We see "],
    "zh": ["", "您好，", "跟您说一下，", "金额是", "这边显示"],
}
SUFFIX = {
    "en": ["", ".", " in total.", " as of today", ", thanks"],
    "zh": ["", "。", "整", "，谢谢"],
}


@settings(max_examples=400, deadline=None)
@given(
    amount=spoken_amount(),
    pre=st.integers(0, 4),
    post=st.integers(0, 3),
    third_party=st.booleans(),
)
def test_guard_never_lets_an_amount_through_before_verification(
    amount: tuple[str, str], pre: int, post: int, third_party: bool
) -> None:
    locale, words = amount
    line = PREFIX[locale][pre] + words + SUFFIX[locale][post]
    ctx = GuardContext(locale, verified=False, third_party=third_party)  # type: ignore[arg-type]
    result = guard_line(line, ctx)
    assert result.blocked, line
    assert any(r.startswith("disclosure_amount") for r in result.reasons), result.reasons
    assert words not in result.text
    assert not guard_line(result.text, ctx).blocked
    # a third party never hears it, even with "verified" set by mistake
    if third_party:
        assert guard_line(line, GuardContext(locale, True, True)).blocked  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(
    term=st.text(
        alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", min_size=3, max_size=12
    ),
    upper=st.booleans(),
    pre=st.integers(0, 4),
)
def test_guard_never_speaks_a_disclosed_term_before_verification(
    term: str, upper: bool, pre: int
) -> None:
    spoken = term.upper() if upper else term.lower()
    line = PREFIX["en"][pre] + f"this call is about {spoken}."
    result = guard_line(line, GuardContext("en", disclosed_terms=(term,)))
    assert result.blocked
    assert f"disclosure_term: {term}" in result.reasons
    assert result.text == (
        "I'm sorry, I can only discuss this with the person I'm calling. "
        "Could you please confirm your full name?"
    )
