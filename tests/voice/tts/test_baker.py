"""The Baker Mandarin voice: real models in the TensorFlow venv, heard back by Whisper."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import TTSError
from voice.asr.scoring import accuracy
from voice.asr.whisper_asr import WhisperASR
from voice.audio import resample, s16le_to_float
from voice.tts import BakerTTS, EspeakTTS, FallbackTTS, default_engine

LINES = [
    "请问是陈建超本人吗？",
    "我真的撑不下去了，什么都完了，我觉得没有希望了。",
    "我下周五可以先还五百块。",
    "我最近失业了，手头真的很紧。",
    "请不要再给我打电话了。",
]


async def test_whisper_understands_the_baker_voice() -> None:
    tts = BakerTTS()
    asr = WhisperASR("zh")
    errors = length = 0
    heard = []
    for line in LINES:
        audio = await tts.synthesize(line, locale="zh")
        assert audio.sample_rate == 24_000 and audio.duration_ms > 300
        text = asr.transcribe_sync(s16le_to_float(resample(audio.pcm, audio.sample_rate, 16_000)))
        heard.append(text.text)
        wrong, size = accuracy(line, text.text, "zh")
        errors, length = errors + wrong, length + size
    # espeak-ng's Mandarin comes back at about 40 % (bench/asr.py); this voice must be usable.
    assert 1 - errors / length >= 0.8, heard


async def test_baker_speaks_mandarin_only() -> None:
    with pytest.raises(TTSError, match="Mandarin only"):
        await BakerTTS().synthesize("hello", locale="en")


async def test_a_missing_tensorflow_env_falls_back_to_espeak(tmp_path: Path) -> None:
    missing = BakerTTS(python=tmp_path / "no-venv" / "bin" / "python")
    with pytest.raises(TTSError, match="no TensorFlow environment"):
        await missing.synthesize("你好", locale="zh")
    chain = FallbackTTS([missing, EspeakTTS()])
    rendered = await chain.render("你好", locale="zh")
    assert rendered.engine.name == "espeak"
    assert rendered.failures and "no TensorFlow environment" in rendered.failures[0]


def test_the_bot_uses_baker_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KINDCALL_TTS_OFFLINE", "1")
    monkeypatch.delenv("KINDCALL_ZH_VOICE", raising=False)
    assert [e.name for e in default_engine("zh").engines] == ["espeak"]
    assert [e.name for e in default_engine("zh", baker=True).engines] == ["baker", "espeak"]
    assert [e.name for e in default_engine("en", baker=True).engines] == ["piper", "espeak"]
    monkeypatch.setenv("KINDCALL_ZH_VOICE", "baker")
    assert [e.name for e in default_engine("zh").engines] == ["baker", "espeak"]
