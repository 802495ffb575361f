from __future__ import annotations

import pytest

from bot.dialogue.responses import all_lines

EN = {
    "debtor_name": "Ana Silva",
    "creditor_name": "Acme Credit",
    "amount_due": "$120",
    "due_date": "May 3",
    "minimum_due": "$25",
}
ZH = {
    "debtor_name": "王芳",
    "creditor_name": "华信银行",
    "amount_due": "2500元",
    "due_date": "11月1日",
    "minimum_due": "300元",
}


def test_lines_are_filled_and_unique() -> None:
    lines = all_lines("en", {**EN, "tier": "3"})
    assert len(lines) == len(set(lines))
    assert not [line for line in lines if "{" in line]
    assert "Am I speaking with Ana Silva?" in lines
    assert (
        "Thank you. This is an attempt to collect a debt, and any information obtained will "
        "be used for that purpose." in lines
    )


def test_lines_with_placeholders_known_only_in_the_call_are_left_out() -> None:
    lines = all_lines("en", {**EN, "tier": "3"})
    assert not [line for line in lines if "I've noted a payment of" in line]


def test_tier_selects_its_variation_and_not_the_others() -> None:
    tier1 = all_lines("en", {**EN, "tier": "1"})
    tier5 = all_lines("en", {**EN, "tier": "5"})
    assert "Please tell me the amount and the date of your payment." in tier5
    assert "Please tell me the amount and the date of your payment." not in tier1
    assert "Great! What amount and date would work best for you?" in tier1
    # With the tone left open, the hardship variation is possible for both tiers.
    hardship = "What amount would feel manageable for you, and when? Even a small amount is fine."
    assert hardship in tier1
    assert hardship in tier5


def test_fixed_tone_excludes_the_other_tone() -> None:
    standard = all_lines("en", {**EN, "tier": "2", "tone": "standard"})
    assert (
        "What amount would feel manageable for you, and when? Even a small amount is fine."
        not in standard
    )


@pytest.mark.parametrize("tier", ["1", "2", "3", "4", "5"])
def test_mandarin_lines(tier: str) -> None:
    lines = all_lines("zh", {**ZH, "tier": tier})
    assert "请问是王芳本人吗？" in lines
    assert "您好，我是智能客服小凯。为了保证服务质量，本次通话会被录音。" in lines
    assert not [line for line in lines if "{" in line]
