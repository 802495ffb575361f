from __future__ import annotations

import pytest

from bot.policy import GuardContext, guard_line
from bot.policy.amounts import find_amounts

TERMS = ("$1,234.50", "Acme Bank", "March 3rd")
EN_UNVERIFIED = (
    "I'm sorry, I can only discuss this with the person I'm calling. "
    "Could you please confirm your full name?"
)
EN_REPHRASE = (
    "I'm sorry, let me put that differently. "
    "I'm here to help you find an arrangement that works for you."
)
EN_THIRD = "I'm sorry to have bothered you. We'll try again another time. Thank you, goodbye."


def test_a_clean_greeting_passes_untouched() -> None:
    result = guard_line("Hello, may I speak with John Smith please?", GuardContext("en"))
    assert (result.text, result.blocked, result.reasons) == (result.original, False, ())


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("If you don't pay, you will be arrested.", "threat: arrested"),
        ("We might have to involve the police.", "threat: police"),
        ("We will sue you today.", "threat: sue you today"),
        ("We will ruin you.", "threat: ruin you"),
        ("Stop being such a deadbeat.", "insult: deadbeat"),
        ("We'll contact your employer about this.", "third_party_contact: contact your employer"),
        ("We will tell your family.", "third_party_contact: tell your family"),
        ("We have a court order against you.", "false_legal: we have a court order against you"),
    ],
)
def test_forbidden_lines_are_blocked_even_after_verification(line: str, reason: str) -> None:
    result = guard_line(line, GuardContext("en", verified=True, disclosed_terms=TERMS))
    assert result.blocked
    assert result.reasons == (reason,)
    assert result.text == EN_REPHRASE
    assert result.original == line


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("再不还我们就抓你", "threat: 抓你"),
        ("你这是要坐牢的", "threat: 坐牢"),
        ("我们会把你曝光", "threat: 曝光"),
        ("你就是个老赖", "insult: 老赖"),
        ("我们会通知你的单位", "third_party_contact: 通知你的单位"),
    ],
)
def test_chinese_forbidden_lines(line: str, reason: str) -> None:
    result = guard_line(line, GuardContext("zh", verified=True))
    assert result.reasons == (reason,)
    assert result.text == "不好意思，我换个说法。我们是想和您一起找一个适合您的方案。"


def test_debt_details_wait_for_verification() -> None:
    line = "You owe $1,234.50 to Acme Bank, due March 3rd."
    before = guard_line(line, GuardContext("en", disclosed_terms=TERMS))
    assert before.blocked
    assert before.text == EN_UNVERIFIED
    assert before.reasons == (
        "disclosure_amount: $1,234.50",
        "disclosure_term: $1,234.50",
        "disclosure_term: Acme Bank",
        "disclosure_term: March 3rd",
        "disclosure_debt: owe",
    )
    after = guard_line(line, GuardContext("en", verified=True, disclosed_terms=TERMS))
    assert not after.blocked
    assert after.text == line


def test_nothing_is_disclosed_to_a_third_party_even_if_verified_was_set() -> None:
    ctx = GuardContext("en", verified=True, third_party=True, disclosed_terms=TERMS)
    result = guard_line("Please remind him about Acme Bank.", ctx)
    assert result.reasons == ("disclosure_term: Acme Bank",)
    assert result.text == EN_THIRD


def test_terms_match_across_case_spacing_and_script() -> None:
    ctx = GuardContext("zh", disclosed_terms=("招商銀行",))
    assert guard_line("这是招商 银行的来电", ctx).reasons == ("disclosure_term: 招商銀行",)
    en = GuardContext("en", disclosed_terms=("ACME bank",))
    assert guard_line("calling for acme-bank", en).reasons == ("disclosure_term: ACME bank",)


@pytest.mark.parametrize(
    ("text", "locale", "amounts"),
    [
        ("that's $1,234.50 in total", "en", ["$1,234.50"]),
        ("two hundred and fifty dollars", "en", ["two hundred and fifty dollars"]),
        ("pay 300 bucks or USD 20", "en", ["300 bucks", "USD 20"]),
        ("call me at 3 pm", "en", []),
        ("一共三千二百元", "zh", ["三千二百元"]),
        ("￥500和人民币20", "zh", ["￥500", "人民币20"]),
        ("我们一块儿想办法", "zh", []),
    ],
)
def test_amount_patterns(text: str, locale: str, amounts: list[str]) -> None:
    assert find_amounts(text, locale) == amounts  # type: ignore[arg-type]
