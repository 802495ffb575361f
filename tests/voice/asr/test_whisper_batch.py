"""Batched Whisper window passes (real model, synthesised speech): the same text as one by one."""

from __future__ import annotations

import asyncio

import numpy as np
import pytest
from faster_whisper import WhisperModel

from voice.asr.scoring import accuracy
from voice.asr.whisper_asr import collapse_repeats, max_tokens_for
from voice.asr.whisper_model import default_cpu_threads, shared_whisper_model
from voice.asr.whisper_window import transcribe_window, transcribe_windows
from voice.audio import resample, s16le_to_float, silence
from voice.tts import PiperTTS

# Lengths differ (about 1 s to 4 s) so that the short ones are padded to the longest window.
TEXTS = [
    "Yes.",
    "I lost my job last month and I cannot pay right now.",
    "Please stop calling me about this debt.",
    "Can you call me back tomorrow afternoon?",
]


@pytest.fixture(scope="module")
def model() -> WhisperModel:
    return shared_whisper_model(default_cpu_threads())


async def _speak(texts: list[str]) -> list[np.ndarray]:
    piper = PiperTTS()
    out = []
    for text in texts:
        audio = await piper.synthesize(text, locale="en")
        pcm = silence(200) + resample(audio.pcm, audio.sample_rate, 16_000) + silence(300)
        out.append(s16le_to_float(pcm))
    return out


@pytest.fixture(scope="module")
def clips() -> list[np.ndarray]:
    """:data:`TEXTS` spoken by Piper, 200 ms before and 300 ms after (a pass at a pause)."""
    return asyncio.run(_speak(TEXTS))


def _caps(clips: list[np.ndarray]) -> list[int]:
    return [max_tokens_for(len(c) * 1000 // 16_000) for c in clips]


@pytest.mark.slow
def test_a_batch_reads_like_single_passes_in_order(
    model: WhisperModel, clips: list[np.ndarray]
) -> None:
    caps = _caps(clips)
    single = [
        transcribe_window(model, clip, language="en", max_new_tokens=cap)
        for clip, cap in zip(clips, caps, strict=True)
    ]
    batch = transcribe_windows(model, clips, language="en", max_new_tokens=caps)
    assert len(batch) == len(clips)
    kept_one = [collapse_repeats(r.text) for r in single]
    kept_many = [collapse_repeats(r.text) for r in batch]
    # each result belongs to its own audio: its text is nearest its own sentence
    for i, kept in enumerate(kept_many):
        distances = [
            accuracy(text, kept, "en")[0] / accuracy(text, text, "en")[1] for text in TEXTS
        ]
        assert distances.index(min(distances)) == i, (TEXTS[i], kept)
    # and the batch reads like the single passes once the bot's repetition guard has cut
    # Whisper's loops ("Yes. Yes. Yes. …" either way); Piper's voice varies from run to
    # run, so compare totals, as bench/asr.py --batch does
    single_errors = sum(accuracy(t, k, "en")[0] for t, k in zip(TEXTS, kept_one, strict=True))
    batch_errors = sum(accuracy(t, k, "en")[0] for t, k in zip(TEXTS, kept_many, strict=True))
    words = sum(accuracy(t, t, "en")[1] for t in TEXTS)
    assert batch_errors <= single_errors + 2 and batch_errors <= words // 8, (kept_one, kept_many)
    for one, many in zip(single, batch, strict=True):
        assert abs(one.avg_logprob - many.avg_logprob) < 0.5
        assert abs(one.no_speech_prob - many.no_speech_prob) < 0.2
    # the order in the batch does not change an item's text
    backwards = transcribe_windows(model, clips[::-1], language="en", max_new_tokens=caps[::-1])
    for kept, again in zip(kept_many, backwards[::-1], strict=True):
        assert accuracy(kept, collapse_repeats(again.text), "en")[0] <= 1, (kept, again.text)


@pytest.mark.slow
def test_each_output_keeps_its_own_cap(model: WhisperModel, clips: list[np.ndarray]) -> None:
    caps = _caps(clips)
    caps[1] = 3  # the long sentence, cut to three tokens; the others run to the largest cap
    batch = transcribe_windows(model, clips, language="en", max_new_tokens=caps)
    assert 0 < len(batch[1].text.split()) <= 3
    assert accuracy(TEXTS[3], collapse_repeats(batch[3].text), "en")[0] <= 2


def test_one_audio_is_the_single_pass_and_no_audio_is_no_pass(
    model: WhisperModel, clips: list[np.ndarray]
) -> None:
    one = transcribe_window(model, clips[2], language="en", max_new_tokens=30)
    [alone] = transcribe_windows(model, [clips[2]], language="en", max_new_tokens=[30])
    assert alone.text == one.text
    assert transcribe_windows(model, [], language="en", max_new_tokens=[]) == []
    with pytest.raises(ValueError, match="one output cap per audio"):
        transcribe_windows(model, clips[:2], language="en", max_new_tokens=[30])
