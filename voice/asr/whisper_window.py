"""One Whisper pass over a short encoder window instead of the fixed 30 s.

faster-whisper pads every utterance to 30 s of features before the encoder, so a one-second
"yes" costs as much as half a minute of speech (the encoder is most of a pass). The
CTranslate2 Whisper encoder accepts fewer frames; a window just longer than the utterance
(a few seconds of trailing silence included, as Whisper saw in training) cuts the pass
several-fold. ``bench/asr.py --window`` measures the accuracy cost on domain speech.

Only greedy decoding without timestamps, which is what the call path uses; longer audio than
:data:`MAX_WINDOW_S` goes through faster-whisper's own 30 s loop.

:func:`transcribe_windows` runs several utterances as one batch (one encoder call over
windows padded to the longest, one decoder call). ``bench/asr.py --batch`` measured it on
2 cores at 1.0x (batch 1), ~1.1x (2), ~1.17x (4) and ~1.2x (6) the throughput of single
passes in process CPU time, with the same accuracy: too little for the call path, which
keeps one pass at a time.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
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

__all__ = [
    "MAX_WINDOW_S",
    "WindowResult",
    "transcribe_window",
    "transcribe_windows",
    "window_seconds",
]


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
    return transcribe_windows(
        model,
        [audio],
        language=language,
        max_new_tokens=[max_new_tokens],
        initial_prompt=initial_prompt,
    )[0]


def transcribe_windows(
    model: WhisperModel,
    audios: Sequence[npt.NDArray[np.float32]],
    *,
    language: str,
    max_new_tokens: Sequence[int],
    initial_prompt: str | None = None,
) -> list[WindowResult]:
    """Greedy transcription of several utterances in one encoder and one decoder call.

    Every audio is padded with silence to the window of the longest (so a short one gets
    more trailing quiet than alone); the decoder runs up to the largest ``max_new_tokens``
    and each output is then cut to its own cap. Results come back in the order of
    ``audios``. One audio gives exactly :func:`transcribe_window`'s pass. The prompt is
    shared: CTranslate2 needs the start-of-transcript token at the same position in every
    item of a batch.

    Args:
        model: The faster-whisper model.
        audios: 16 kHz float32 utterances (each at most :data:`MAX_WINDOW_S` long).
        language: The language token for every item.
        max_new_tokens: Output cap per item.
        initial_prompt: Text that precedes every item (previous-text prompt), or None.
    """
    if not audios:
        return []
    if len(max_new_tokens) != len(audios):
        raise ValueError("transcribe_windows needs one output cap per audio")
    seconds = max(window_seconds(len(audio)) for audio in audios)
    features = []
    for audio in audios:
        padded = np.zeros(seconds * SAMPLE_RATE, dtype=np.float32)
        clip = audio[: len(padded)]
        padded[: len(clip)] = clip
        features.append(model.feature_extractor(padded)[..., : seconds * 100])
    batch = np.ascontiguousarray(np.stack(features), dtype=np.float32)
    encoded = model.model.encode(ctranslate2.StorageView.from_array(batch), to_cpu=False)
    tokenizer = Tokenizer(
        model.hf_tokenizer, model.model.is_multilingual, task="transcribe", language=language
    )
    prompt = _prompt(model, tokenizer, initial_prompt)
    results = model.model.generate(
        encoded,
        [prompt] * len(audios),
        beam_size=1,
        max_length=min(model.max_length, len(prompt) + max(max_new_tokens)),
        return_scores=True,
        return_no_speech_prob=True,
        suppress_blank=True,
        suppress_tokens=_suppressed(tokenizer),
    )
    out: list[WindowResult] = []
    for cap, result in zip(max_new_tokens, results, strict=True):
        tokens = result.sequences_ids[0]
        # the score is the mean log-probability of the whole greedy output (EOS included);
        # an output cut to its cap keeps that mean, close enough for the no-speech test
        avg_logprob = result.scores[0] * len(tokens) / (len(tokens) + 1)
        text = tokenizer.decode(tokens[: max(0, cap)]).strip()
        out.append(WindowResult(text, avg_logprob, result.no_speech_prob))
    return out


def _prompt(model: WhisperModel, tokenizer: Tokenizer, initial_prompt: str | None) -> list[int]:
    prompt: list[int] = []
    if initial_prompt:
        prompt.append(tokenizer.sot_prev)
        prompt.extend(tokenizer.encode(" " + initial_prompt.strip())[: model.max_length // 2 - 1])
    prompt.extend(tokenizer.sot_sequence)
    prompt.append(tokenizer.no_timestamps)
    return prompt


def _suppressed(tokenizer: Tokenizer) -> list[int]:
    return sorted(
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
