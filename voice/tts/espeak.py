"""espeak-ng, the always-available offline voice (Debian package ``espeak-ng``).

Mandarin uses ``cmn-latn-pinyin``: it reads hanzi (and pinyin with tone digits), while plain
``cmn`` reads some characters in English on Debian 12. English uses ``en-us``. Robotic but
instant (real-time factor < 0.01) and never absent, so it closes every fallback chain.
"""

from __future__ import annotations

import asyncio
import struct

from bot.errors import TTSError
from voice.locale import Language, language_of
from voice.tts.base import Audio
from voice.tts.text import for_espeak

__all__ = ["EspeakTTS"]

_VOICES: dict[Language, str] = {"zh": "cmn-latn-pinyin", "en": "en-us"}


def _parse_wav(data: bytes) -> Audio:
    """Parse espeak-ng's ``--stdout`` WAV, whose sizes are 0x7fffffff placeholders."""
    if data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise TTSError(f"espeak-ng wrote {len(data)} bytes that are not a WAV file")
    offset, rate = 12, 0
    while offset + 8 <= len(data):
        chunk, size = (
            data[offset : offset + 4],
            struct.unpack("<I", data[offset + 4 : offset + 8])[0],
        )
        body = offset + 8
        if chunk == b"fmt ":
            channels, rate = struct.unpack("<HI", data[body + 2 : body + 8])
            bits = struct.unpack("<H", data[body + 14 : body + 16])[0]
            if channels != 1 or bits != 16:
                raise TTSError(f"espeak-ng wrote {channels} channel(s) of {bits}-bit audio")
        elif chunk == b"data":
            pcm = data[body:]
            return Audio(pcm=pcm[: len(pcm) - len(pcm) % 2], sample_rate=rate)
        offset = body + size + (size & 1)
    raise TTSError("espeak-ng output has no data chunk")


class EspeakTTS:
    """espeak-ng through an asyncio subprocess (the loop never waits on it).

    Args:
        binary: The espeak-ng executable.
        words_per_minute: Speaking rate (espeak's ``-s``); 160 is calm and clear.
        timeout: Seconds before a hung process is killed and :class:`TTSError` raised.
    """

    name = "espeak"

    def __init__(
        self, *, binary: str = "espeak-ng", words_per_minute: int = 160, timeout: float = 10.0
    ) -> None:
        self.binary = binary
        self.words_per_minute = words_per_minute
        self.timeout = timeout

    def voice_for(self, locale: str) -> str:
        """``cmn-latn-pinyin`` for Mandarin, ``en-us`` for English."""
        return _VOICES[language_of(locale)]

    async def synthesize(self, text: str, *, locale: str) -> Audio:
        """Render ``text``; raises :class:`TTSError` if espeak-ng is missing or fails."""
        language = language_of(locale)
        args = [self.binary, "-v", _VOICES[language], "-s", str(self.words_per_minute), "--stdout"]
        try:
            process = await asyncio.create_subprocess_exec(
                *args,
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE,
            )
        except OSError as exc:
            raise TTSError(
                f"cannot run {self.binary!r} (apt-get install espeak-ng): {exc}"
            ) from exc
        try:
            async with asyncio.timeout(self.timeout):
                out, err = await process.communicate(for_espeak(text, language).encode())
        except TimeoutError as exc:
            process.kill()
            await process.wait()
            raise TTSError(
                f"espeak-ng took longer than {self.timeout} s for {text[:40]!r}"
            ) from exc
        if process.returncode != 0:
            message = err.decode(errors="replace").strip()
            raise TTSError(f"espeak-ng exited with {process.returncode}: {message}")
        return _parse_wav(out)
