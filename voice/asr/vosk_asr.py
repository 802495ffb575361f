"""Vosk (Kaldi) streaming recognition: the primary engine when a model is installed.

One ``vosk.Model`` per model directory per process (loading takes seconds and hundreds of MB),
one ``KaldiRecognizer`` per call. Every recogniser call runs in a small shared thread pool
(Kaldi releases the GIL), so the event loop keeps serving media while audio is decoded.
Vosk does its own endpointing (trailing-silence rules in the model's ``conf/model.conf``):
``feed`` returns a final result when it detects the end of an utterance, partial results
whenever the hypothesis changes. Like the Whisper stream, it also returns an empty partial
the moment Silero VAD hears speech start (~0.1 s after the onset, well before Vosk has a
word), so barge-in does not depend on the engine; the VAD runs in the same pool job.
"""

from __future__ import annotations

import asyncio
import json
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import vosk

from bot.errors import ASRError
from voice.asr.base import SAMPLE_RATE, ASRResult
from voice.locale import language_of
from voice.vad.turn import TurnDetector, TurnEventKind

__all__ = ["VoskASR", "VoskStream", "looks_like_vosk_model"]

vosk.SetLogLevel(-1)

_models: dict[Path, vosk.Model] = {}
_models_lock = threading.Lock()
_executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="vosk")


def looks_like_vosk_model(path: Path) -> bool:
    """True when ``path`` holds a Vosk model (``am/final.mdl`` and ``conf/``, plus a graph)."""
    return (
        (path / "am" / "final.mdl").is_file()
        and (path / "conf").is_dir()
        and ((path / "graph").is_dir() or (path / "HCLG.fst").is_file())
    )


def _shared_model(path: Path) -> vosk.Model:
    with _models_lock:
        model = _models.get(path)
        if model is None:
            if not looks_like_vosk_model(path):
                raise ASRError(f"{path} is not a Vosk model directory (needs am/, conf/, graph/)")
            try:
                model = vosk.Model(str(path))
            except Exception as exc:  # vosk raises a bare Exception on failure
                raise ASRError(f"cannot load the Vosk model {path}: {exc}") from exc
            _models[path] = model
        return model


@dataclass(frozen=True, slots=True)
class _Step:
    final: dict[str, Any] | None
    partial: dict[str, Any] | None
    speech_start_ms: int | None


def _confidence(words: list[dict[str, Any]]) -> float:
    if not words:
        return 1.0
    mean = sum(float(w.get("conf", 1.0)) for w in words) / len(words)
    return min(1.0, max(0.0, mean))


class VoskStream:
    """One call's Kaldi recogniser (see :class:`voice.asr.base.ASRStream`)."""

    def __init__(self, engine: VoskASR, detector: TurnDetector | None) -> None:
        self._engine = engine
        self._detector = detector
        self._recognizer: vosk.KaldiRecognizer | None = None
        self._lock = asyncio.Lock()
        self._fed_samples = 0
        self._utterance_start_ms = 0
        self._last_partial = ""
        self._closed = False

    @property
    def position_ms(self) -> int:
        """Milliseconds of audio fed so far."""
        return self._fed_samples * 1000 // SAMPLE_RATE

    def _recognizer_now(self) -> vosk.KaldiRecognizer:
        if self._recognizer is None:
            recognizer = vosk.KaldiRecognizer(self._engine.model(), SAMPLE_RATE)
            recognizer.SetWords(True)
            recognizer.SetPartialWords(True)
            self._recognizer = recognizer
        return self._recognizer

    def _accept(self, pcm: bytes) -> _Step:
        start_ms = None
        if self._detector is not None:
            for event in self._detector.feed(pcm):
                if event.kind is TurnEventKind.SPEECH_START:
                    start_ms = event.at_ms
        recognizer = self._recognizer_now()
        if recognizer.AcceptWaveform(pcm):
            return _Step(json.loads(recognizer.Result()), None, start_ms)
        return _Step(None, json.loads(recognizer.PartialResult()), start_ms)

    def _finish(self) -> dict[str, Any]:
        recognizer = self._recognizer_now()
        result: dict[str, Any] = json.loads(recognizer.FinalResult())
        return result

    def _final(self, result: dict[str, Any]) -> ASRResult | None:
        text = str(result.get("text", "")).strip()
        words: list[dict[str, Any]] = list(result.get("result", []))
        end_ms = self.position_ms
        start_ms = self._utterance_start_ms
        if words:
            start_ms = min(int(float(words[0]["start"]) * 1000), end_ms)
            end_ms = max(start_ms, min(int(float(words[-1]["end"]) * 1000), end_ms))
        self._utterance_start_ms = self.position_ms
        self._last_partial = ""
        if not text:
            return None
        return ASRResult(text, True, _confidence(words), start_ms, end_ms)

    def _partial(self, result: dict[str, Any]) -> ASRResult | None:
        text = str(result.get("partial", "")).strip()
        if not text or text == self._last_partial:
            return None
        self._last_partial = text
        words: list[dict[str, Any]] = list(result.get("partial_result", []))
        start_ms = self._utterance_start_ms
        if words:
            start_ms = min(int(float(words[0]["start"]) * 1000), self.position_ms)
        return ASRResult(text, False, _confidence(words), start_ms, self.position_ms)

    async def feed(self, pcm16: bytes) -> list[ASRResult]:
        """Decode ``pcm16`` in the Vosk pool; return a final and/or a changed partial."""
        if self._closed:
            raise ASRError("feed() on a closed Vosk stream")
        if len(pcm16) % 2:
            raise ASRError(f"audio must be whole 16-bit samples, got {len(pcm16)} bytes")
        if not pcm16:
            return []
        loop = asyncio.get_running_loop()
        async with self._lock:
            step = await loop.run_in_executor(_executor, self._accept, pcm16)
            self._fed_samples += len(pcm16) // 2
            results: list[ASRResult] = []
            if step.speech_start_ms is not None:
                at = min(step.speech_start_ms, self.position_ms)
                results.append(ASRResult("", False, 1.0, at, self.position_ms))
            if step.final is not None:
                final = self._final(step.final)
                results += [final] if final is not None else []
            elif step.partial is not None:
                partial = self._partial(step.partial)
                results += [partial] if partial is not None else []
            return results

    async def flush(self) -> ASRResult | None:
        """End the current utterance (e.g. the caller hung up) and return its final."""
        if self._closed or self._recognizer is None:
            return None
        async with self._lock:
            result = await asyncio.get_running_loop().run_in_executor(_executor, self._finish)
            return self._final(result)

    async def close(self) -> None:
        """Drop the recogniser; the shared model stays loaded."""
        self._closed = True
        self._recognizer = None


class VoskASR:
    """A Vosk model directory for one locale (see :class:`voice.asr.base.ASREngine`).

    Args:
        model_path: The unpacked model (``am/``, ``conf/``, ``graph/``, ``ivector/``).
        locale: The locale it recognises (``zh``, ``en``; other tags allowed for tests).
        speech_start_partials: Emit an empty partial when the VAD hears speech start.
    """

    name = "vosk"

    def __init__(
        self, model_path: Path, locale: str, *, speech_start_partials: bool = True
    ) -> None:
        self.speech_start_partials = speech_start_partials
        self.model_path = Path(model_path).resolve()
        try:
            self.locale: str = language_of(locale)
        except ValueError:
            self.locale = locale
        if not looks_like_vosk_model(self.model_path):
            raise ASRError(
                f"{self.model_path} is not a Vosk model directory (needs am/, conf/, graph/)"
            )

    def model(self) -> vosk.Model:
        """The process-wide model for this directory (loaded on first use; blocking)."""
        return _shared_model(self.model_path)

    async def load(self) -> None:
        """Load the shared model in the pool, so the first call does not wait for it."""
        await asyncio.get_running_loop().run_in_executor(_executor, self.model)

    def new_stream(self) -> VoskStream:
        """A recogniser for one call."""
        return VoskStream(self, TurnDetector() if self.speech_start_partials else None)
