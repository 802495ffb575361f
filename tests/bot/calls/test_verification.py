"""The wording check behind identity verification."""

from __future__ import annotations

import pytest

from bot.calls.verification import confirms_identity


@pytest.mark.parametrize(
    "text",
    [
        "yes speaking",
        "Yeah, that's me.",
        "this is he",
        "uh huh",
        "mm hmm go ahead",
        "I am, who's calling?",
        "you've got her",
        "correct",
        "Alex here",  # the person's own name
    ],
)
def test_english_confirmations(text: str) -> None:
    assert confirms_identity(text, "en", ["Alex Morgan", "Alex", "Morgan"])


@pytest.mark.parametrize("text", ["the the uh", "hello", "what", "", "ok"])
def test_english_noise_and_non_answers_do_not_confirm(text: str) -> None:
    assert not confirms_identity(text, "en", ["Alex Morgan", "Alex", "Morgan"])


@pytest.mark.parametrize("text", ["是我。", "对，我就是。", "嗯", "本人", "没错", "陈建超啊"])
def test_mandarin_confirmations(text: str) -> None:
    assert confirms_identity(text, "zh", ["陈建超"])


@pytest.mark.parametrize("text", ["语语", "喂", "你好", "什么"])
def test_mandarin_noise_does_not_confirm(text: str) -> None:
    assert not confirms_identity(text, "zh", ["陈建超"])
