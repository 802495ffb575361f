"""The wording check behind identity verification."""

from __future__ import annotations

import pytest

from bot.calls.verification import confirms_identity, names_someone_else


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


NAMES = ["Tyrone Davis", "Tyrone", "Davis"]


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("Yes, this is Alex speaking.", "Alex"),
        ("I'm Sarah, his wife.", "Sarah"),
        ("Alex here, who is this?", "Alex"),
        ("My name is Priya.", "Priya"),
        ("Yes, this is Tyrone speaking.", None),
        ("This is Mrs. Davis.", None),
        ("Yes, this is Tyrone Davis.", None),
        ("Yes, speaking.", None),
        ("Yes, it's me.", None),
        ("This is She.", None),
        ("Yes, I'm listening.", None),
        ("yes this is alex speaking", None),  # lower case: no way to tell a name
    ],
)
def test_a_caller_who_gives_another_name_is_named(text: str, other: str | None) -> None:
    assert names_someone_else(text, "en", NAMES) == other


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("对，我是李雷。", "李雷"),
        ("是的 我叫张伟", "张伟"),
        ("我姓刘", "刘"),
        ("我就是陈先生啊", "陈"),
        ("对，我是王芳。", None),
        ("是我，我是王女士", None),
        ("我姓王", None),
        ("对 是我 我是本人", None),
        ("我是他老婆", None),
        ("我是马上要还的 别催了", None),
        ("我是周末发工资", None),
        ("我是钱不够", None),
        ("嗯 是我", None),
    ],
)
def test_a_mandarin_caller_who_gives_another_name_is_named(text: str, other: str | None) -> None:
    assert names_someone_else(text, "zh", ["王芳"]) == other
