"""The offline engines render real audio; text fixes for espeak-ng."""

from __future__ import annotations

import numpy as np
import pytest

from bot.errors import TTSError
from voice.tts import EspeakTTS, PiperTTS
from voice.tts.text import for_espeak, normalise_currency, sentences


def rms(pcm: bytes) -> float:
    return float(np.sqrt(np.mean(np.frombuffer(pcm, dtype="<i2").astype(np.float64) ** 2)))


async def test_piper_speaks_english() -> None:
    piper = PiperTTS()
    assert piper.voice_for("en") == "en_US-joe-medium"
    audio = await piper.synthesize("Hello. The balance is $200.", locale="en")
    assert audio.sample_rate == 22050
    assert 1500 < audio.duration_ms < 6000
    assert rms(audio.pcm) > 500
    with pytest.raises(TTSError, match="Piper has no voice for locale 'zh'"):
        await piper.synthesize("你好", locale="zh")


@pytest.mark.parametrize(("locale", "voice"), [("zh", "cmn-latn-pinyin"), ("en", "en-us")])
async def test_espeak_speaks(locale: str, voice: str) -> None:
    espeak = EspeakTTS()
    assert espeak.voice_for(locale) == voice
    audio = await espeak.synthesize("-5 您好 hello", locale=locale)  # leading dash is text
    assert audio.sample_rate == 22050
    assert audio.duration_ms > 500
    assert rms(audio.pcm) > 500


def test_text_fixes() -> None:
    assert normalise_currency("I owe $1,200.50 today", "en") == "I owe 1,200.50 dollars today"
    assert normalise_currency("还¥500", "zh") == "还500元"
    assert (
        for_espeak("我下周五还五百块，还有别的吗？", "zh") == "我下周五 huan2 五百块，还有别的吗？"
    )
    assert for_espeak("请归还欠款，还款日是五号", "zh") == "请归 huan2 欠款， huan2 款日是五号"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "I'm calling on behalf of Acme. The balance is $1,420.88. Could we set a date?",
            ["I'm calling on behalf of Acme.", "The balance is $1,420.88.", "Could we set a date?"],
        ),
        ("Call me at 7 p.m. today, or 8 a.m. tomorrow.", None),  # abbreviations stay whole
        ("Hello, are you still there?", None),
        ('Of course. "Take your time."', ["Of course.", '"Take your time."']),
        (
            "我是代表德润汽车金融打来的，有一笔4018.32元已经到期。我们今天能约定一个还款日期吗？",
            [
                "我是代表德润汽车金融打来的，有一笔4018.32元已经到期。",
                "我们今天能约定一个还款日期吗？",
            ],
        ),
        ("好的，我再说一遍。", None),
    ],
)
def test_a_line_splits_into_its_sentences(line: str, expected: list[str] | None) -> None:
    assert sentences(line) == (expected or [line])
    assert "".join(sentences(line)).replace(" ", "") == line.replace(" ", "")
