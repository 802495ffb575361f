"""Engine selection per locale, and the scoring used by the accuracy reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import ASRError
from voice.asr import ASRSettings, VoskASR, WhisperASR, engine_for
from voice.asr.scoring import accuracy, normalise, spell_en, spell_zh


@pytest.fixture(autouse=True)
def clean_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KINDCALL_MODELS", str(tmp_path / "models"))
    monkeypatch.delenv("KINDCALL_VOSK_MODEL_ZH", raising=False)
    monkeypatch.delenv("KINDCALL_VOSK_MODEL_EN", raising=False)


def test_whisper_without_a_vosk_model() -> None:
    engine = engine_for("zh-CN", settings=ASRSettings(whisper_threads=1, end_silence_ms=600))
    assert isinstance(engine, WhisperASR)
    assert (engine.name, engine.locale, engine.cpu_threads) == ("whisper", "zh", 1)


def test_vosk_from_the_environment(ko_model: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KINDCALL_VOSK_MODEL_EN", str(ko_model))
    engine = engine_for("en-US")
    assert isinstance(engine, VoskASR)
    assert engine.model_path == ko_model.resolve()
    assert isinstance(engine_for("en", settings=ASRSettings(prefer="whisper")), WhisperASR)
    assert isinstance(engine_for("zh"), WhisperASR)


def test_settings_override_and_errors(ko_model: Path, tmp_path: Path) -> None:
    engine = engine_for("zh", settings=ASRSettings(vosk_models={"zh": ko_model}))
    assert isinstance(engine, VoskASR) and engine.locale == "zh"
    with pytest.raises(ASRError, match="configured Vosk model for zh is not a model"):
        engine_for("zh", settings=ASRSettings(vosk_models={"zh": tmp_path}))
    with pytest.raises(ASRError, match="no Vosk model for 'en': run `kindcall models install"):
        engine_for("en", settings=ASRSettings(prefer="vosk"))
    with pytest.raises(ValueError, match="unsupported locale 'de'"):
        engine_for("de")


def test_number_spelling() -> None:
    assert spell_en(0) == "zero"
    assert spell_en(215) == "two hundred fifteen"
    assert spell_en(1_250_000) == "one million two hundred fifty thousand"
    assert spell_zh(500) == "五百"
    assert spell_zh(1005) == "一千零五"
    assert spell_zh(15) == "十五"
    assert spell_zh(20_300) == "二万零三百"


def test_normalisation_ignores_formatting() -> None:
    assert normalise("I can pay $200 on the 5th!", "en") == (
        "i can pay two hundred dollars on the fifth".split()
    )
    assert normalise("我下周五还500块。", "zh") == list("我下周五还五百块")
    assert accuracy("I can pay two hundred dollars.", "I can pay $200", "en") == (0, 6)
    assert accuracy("我月底可以先还两百。", "我月底可以先还200", "zh") == (0, 9)
    assert accuracy("please stop calling", "please stop", "en") == (1, 3)
