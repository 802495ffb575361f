"""Whisper base on real synthesised speech: accuracy over the domain set, segmentation."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import yaml

from bot.paths import REPO_ROOT
from voice.asr import ASRResult, WhisperASR
from voice.asr.completion import sounds_finished
from voice.asr.scoring import accuracy
from voice.asr.whisper_asr import collapse_repeats, max_tokens_for
from voice.asr.whisper_model import whisper_model_dir
from voice.asr.whisper_window import window_seconds
from voice.audio import frames, resample, silence
from voice.tts import BakerTTS, PiperTTS
from voice.tts.base import TTSEngine

SENTENCES = yaml.safe_load((REPO_ROOT / "bench" / "asr_sentences.yml").read_text("utf-8"))

# Measured with bench/asr.py on this machine: en (Piper) 0.961-0.971 word accuracy, zh (the
# Baker FastSpeech2 voice) 0.903 character accuracy (espeak-ng's robotic Mandarin: 0.42-0.46,
# which measures the voice more than the recogniser). Decoding is greedy; the floors leave
# room for int8 thread-level nondeterminism without hiding a real regression.
EN_FLOOR = 0.90
ZH_FLOOR = 0.80


async def speech16k(engine: TTSEngine, text: str, locale: str) -> bytes:
    audio = await engine.synthesize(text, locale=locale)
    return resample(audio.pcm, audio.sample_rate, 16_000)


async def transcribe(asr: WhisperASR, pcm: bytes) -> list[ASRResult]:
    stream = asr.new_stream()
    results: list[ASRResult] = []
    for frame in frames(silence(400) + pcm + silence(1200)):
        results += await stream.feed(frame)
    last = await stream.flush()
    if last is not None:
        results.append(last)
    await stream.close()
    return results


@pytest.mark.slow
@pytest.mark.parametrize(
    ("locale", "floor"), [("en", EN_FLOOR), ("zh", ZH_FLOOR)], ids=["en-piper", "zh-baker"]
)
async def test_accuracy_on_the_domain_set(locale: str, floor: float) -> None:
    engine: TTSEngine = PiperTTS() if locale == "en" else BakerTTS()
    asr = WhisperASR(locale)
    errors = length = 0
    for text in SENTENCES[locale]:
        results = await transcribe(asr, await speech16k(engine, text, locale))
        finals = [r for r in results if r.is_final]
        assert len(finals) == 1, (text, results)
        assert results[0] == ASRResult("", False, 1.0, results[0].start_ms, results[0].end_ms)
        e, n = accuracy(text, finals[0].text, locale)
        errors, length = errors + e, length + n
    assert len(SENTENCES[locale]) >= 10
    assert 1 - errors / length >= floor


async def test_mandarin_comes_out_simplified() -> None:
    asr = WhisperASR("zh-CN")
    results = await transcribe(
        asr, await speech16k(BakerTTS(), "你打错电话了，这里没有这个人。", "zh")
    )
    text = results[-1].text
    assert "这里没有这个人" in text
    assert "這" not in text and "沒" not in text


async def test_a_pause_inside_the_turn_does_not_split_it() -> None:
    piper = PiperTTS()
    first = await speech16k(piper, "I can pay", "en")
    second = await speech16k(piper, "two hundred dollars on Friday.", "en")
    # 300 ms: long enough for PAUSE (an early Whisper pass starts), shorter than the end
    results = await transcribe(WhisperASR("en"), first + silence(300) + second)
    finals = [r for r in results if r.is_final]
    assert len(finals) == 1
    assert accuracy("I can pay two hundred dollars on Friday.", finals[0].text, "en") == (0, 8)


async def final_position(asr: WhisperASR, speech: bytes) -> tuple[ASRResult, int]:
    """Feed speech then silence, giving Whisper time for its pass (0.5 s per silent frame).

    Returns the final and how long the caller had been silent when it came out (ms, from
    the silence the detector heard after the speech).
    """
    stream = asr.new_stream()
    lead = silence(400) + speech
    for frame in frames(lead):
        assert not [r for r in await stream.feed(frame) if r.is_final]
    fed = len(lead) // 32
    for frame in frames(silence(1200)):
        fed += 20
        finals = [r for r in await stream.feed(frame) if r.is_final]
        if finals:
            await stream.close()
            return finals[0], fed - finals[0].end_ms
        await asyncio.sleep(0.5)
    raise AssertionError("no final within 1.2 s of silence")


async def test_a_finished_sentence_ends_the_turn_before_the_full_silence() -> None:
    speech = await speech16k(PiperTTS(), "I can pay two hundred dollars on Friday.", "en")
    early, early_at = await final_position(WhisperASR("en", early_end_ms=300), speech)
    late, late_at = await final_position(WhisperASR("en", early_end_ms=None), speech)
    assert early.text == late.text
    assert accuracy("I can pay two hundred dollars on Friday.", early.text, "en") == (0, 8)
    # 300 ms early end, 500 ms full end silence (give or take a 32 ms VAD window)
    assert early_at < 450 <= late_at


async def test_a_turn_that_trails_off_waits_for_the_full_silence() -> None:
    speech = await speech16k(PiperTTS(), "So the thing is, because", "en")
    final, at = await final_position(WhisperASR("en", early_end_ms=300), speech)
    assert not sounds_finished(final.text, "en"), final.text
    assert at >= 450  # the full 500 ms (give or take a 32 ms VAD window), not 300


async def test_flush_mid_utterance_returns_the_final() -> None:
    asr = WhisperASR("en")
    stream = asr.new_stream()
    speech = await speech16k(PiperTTS(), "Please call me back tomorrow.", "en")
    partials = []
    for frame in frames(silence(300) + speech):
        partials += await stream.feed(frame)
    assert [r.is_final for r in partials] == [False]
    final = await stream.flush()
    assert final is not None and final.is_final
    assert accuracy("Please call me back tomorrow.", final.text, "en") == (0, 5)
    assert await stream.flush() is None
    await stream.close()


def test_repetition_guard() -> None:
    assert (
        collapse_repeats("thank you thank you thank you thank you bye") == "thank you thank you bye"
    )
    assert collapse_repeats("no no") == "no no"
    assert collapse_repeats("好的好的") == "好的好的"
    assert collapse_repeats("好的好的好的好的") == "好的"  # the whole turn is one loop
    assert collapse_repeats("I can pay on Friday") == "I can pay on Friday"


def test_a_sentence_read_again_is_kept_once() -> None:
    assert collapse_repeats("Hello. Hello. Hello") == "Hello."  # heard for one "Hello?"
    looped = "Yes, this is Sarah speaking. Yes, this is Sarah speaking. Yes, this is"
    assert collapse_repeats(looped) == "Yes, this is Sarah speaking."
    assert collapse_repeats("请不要再打了请不要再打了请不要") == "请不要再打了"
    two = "I don't think I owe this money. I want to dispute it."
    assert collapse_repeats(f"{two} I don't think I owe this") == two  # the cap cut it
    # a phrase said twice and then more words is speech, not a loop
    assert collapse_repeats("我可以还我可以还两百") == "我可以还我可以还两百"
    assert collapse_repeats("I can pay I can pay on Friday") == "I can pay I can pay on Friday"


def test_encoder_window_fits_the_utterance() -> None:
    assert window_seconds(16_000) == 3  # one second of speech: the shortest window
    assert window_seconds(16_000 * 4 + 1) == 6  # 4 s + 1 s of quiet, rounded up
    assert window_seconds(16_000 * 40) == 30  # never past Whisper's own window


def test_output_cap_grows_with_audio_and_is_bounded() -> None:
    assert max_tokens_for(1000) == 22
    assert max_tokens_for(5000) == 62
    assert max_tokens_for(60_000) == 220


def test_weights_are_assembled_once(tmp_path: Path) -> None:
    target = tmp_path / "whisper-base"
    assert whisper_model_dir(target) == target
    assert sorted(p.name for p in target.iterdir()) == [
        "config.json",
        "model.bin",
        "tokenizer.json",
        "vocabulary.json",
    ]
    assert (target / "model.bin").stat().st_size == 145_217_607
    stamp = (target / "model.bin").stat().st_mtime_ns
    whisper_model_dir(target)
    assert (target / "model.bin").stat().st_mtime_ns == stamp
    (target / "model.bin").write_bytes(b"truncated")
    whisper_model_dir(target)
    assert (target / "model.bin").stat().st_size == 145_217_607
