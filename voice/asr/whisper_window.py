"""One Whisper pass over a short encoder window instead of the fixed 30 s.

faster-whisper pads every utterance to 30 s of features before the encoder, so a one-second
"yes" costs as much as half a minute of speech (the encoder is most of a pass). The
CTranslate2 Whisper encoder accepts fewer frames; a window just longer than the utterance
(a few seconds of trailing silence included, as Whisper saw in training) cuts the pass
several-fold. ``bench/asr.py --window`` measures the accuracy cost on domain speech.

Only greedy decoding without timestamps, which is what the call path uses; longer audio than
:data:`MAX_WINDOW_S` goes through faster-whisper's own 30 s loop.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import ctranslate2
import numpy as np
import numpy.typing as npt
from faster_whisper import WhisperModel
from faster_whisper.tokenizer import Tokenizer

SAMPLE_RATE = 16_000
#: Longest window (s) decoded here; Whisper's own window is 30 s.
MAX_WINDOW_S = 30
#: Silence appended after the utterance (s): Whisper expects speech followed by quiet.
TRAILING_S = 1.0
#: Shortest window (s): very short windows lose accuracy on one-word turns.
MIN_WINDOW_S = 3

__all__ = ["MAX_WINDOW_S", "WindowResult", "transcribe_window", "window_seconds"]


@dataclass(frozen=True, slots=True)
class WindowResult:
    """One decoded utterance: text, mean token log-probability, Whisper's no-speech score."""

    text: str
    avg_logprob: float
    no_speech_prob: float


def window_seconds(samples: int) -> int:
    """Whole seconds of encoder window for an utterance of ``samples`` (16 kHz)."""
    needed = samples / SAMPLE_RATE + TRAILING_S
    return max(MIN_WINDOW_S, min(MAX_WINDOW_S, math.ceil(needed)))


def transcribe_window(
    model: WhisperModel,
    audio: npt.NDArray[np.float32],
    *,
    language: str,
    max_new_tokens: int,
    initial_prompt: str | None = None,
) -> WindowResult:
    """Greedy transcription of ``audio`` (16 kHz float32) over a window fitted to its length."""
    seconds = window_seconds(len(audio))
    padded = np.zeros(seconds * SAMPLE_RATE, dtype=np.float32)
    clip = audio[: len(padded)]
    padded[: len(clip)] = clip
    features = model.feature_extractor(padded)[..., : seconds * 100]
    encoded = model.model.encode(
        ctranslate2.StorageView.from_array(np.ascontiguousarray(features[None], dtype=np.float32)),
        to_cpu=False,
    )
    tokenizer = Tokenizer(
        model.hf_tokenizer, model.model.is_multilingual, task="transcribe", language=language
    )
    prompt: list[int] = []
    if initial_prompt:
        prompt.append(tokenizer.sot_prev)
        prompt.extend(tokenizer.encode(" " + initial_prompt.strip())[: model.max_length // 2 - 1])
    prompt.extend(tokenizer.sot_sequence)
    prompt.append(tokenizer.no_timestamps)
    suppressed = sorted(
        {
            *tokenizer.non_speech_tokens,
            tokenizer.transcribe,
            tokenizer.translate,
            tokenizer.sot,
            tokenizer.sot_prev,
            tokenizer.sot_lm,
            tokenizer.no_speech,
        }
    )
    result = model.model.generate(
        encoded,
        [prompt],
        beam_size=1,
        max_length=min(model.max_length, len(prompt) + max_new_tokens),
        return_scores=True,
        return_no_speech_prob=True,
        suppress_blank=True,
        suppress_tokens=suppressed,
    )[0]
    tokens = result.sequences_ids[0]
    avg_logprob = result.scores[0] * len(tokens) / (len(tokens) + 1)
    return WindowResult(tokenizer.decode(tokens).strip(), avg_logprob, result.no_speech_prob)
