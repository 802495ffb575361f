"""Does a transcript sound like a finished turn (the early end of turn's text test)?"""

from __future__ import annotations

import pytest

from voice.asr.completion import sounds_finished


@pytest.mark.parametrize(
    "text",
    ["Yes.", "I can pay two hundred dollars on Friday.", "Who is this?", "Please stop calling!"],
)
def test_a_finished_english_sentence(text: str) -> None:
    assert sounds_finished(text, "en")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "I can pay",  # no full stop: Whisper heard the voice carry on
        "Well, I think...",  # trailed off
        "I could do fifty, or…",
        "I mean,",
        "It's about the bill and.",  # ends on a word that carries on
        "Um.",
        "So.",
    ],
)
def test_an_unfinished_english_turn(text: str) -> None:
    assert not sounds_finished(text, "en")


@pytest.mark.parametrize("text", ["是的。", "我下周五还五百。", "你是哪位？", "不要再打了！"])
def test_a_finished_mandarin_sentence(text: str) -> None:
    assert sounds_finished(text, "zh")


@pytest.mark.parametrize("text", ["我想想", "然后。", "就是说那个。", "我可以先还一百，", "嗯。"])
def test_an_unfinished_mandarin_turn(text: str) -> None:
    assert not sounds_finished(text, "zh")
