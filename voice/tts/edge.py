"""edge-tts, the online neural voices (Microsoft's read-aloud service).

Best quality when reachable, but a call must never wait on it: the first audio has to
arrive within ``connect_timeout`` (1.5 s by default) or :class:`TTSError` is raised so the
fallback chain moves on. The service sends MP3, decoded here with PyAV.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Mapping

import aiohttp
import edge_tts
from edge_tts.exceptions import EdgeTTSException

from bot.errors import TTSError, VoiceError
from voice.audio import decode_audio
from voice.locale import Language, language_of
from voice.tts.base import Audio

__all__ = ["DEFAULT_EDGE_VOICES", "EdgeTTS"]

DEFAULT_EDGE_VOICES: Mapping[Language, str] = {
    "zh": "zh-CN-XiaoxiaoNeural",
    "en": "en-US-AriaNeural",
}


class EdgeTTS:
    """Online neural speech with a short fuse.

    Args:
        voices: Voice per language; :data:`DEFAULT_EDGE_VOICES` when None.
        connect_timeout: Seconds until the first audio chunk; past it, :class:`TTSError`.
        total_timeout: Seconds for the whole utterance.
        proxy: An HTTP proxy URL for the websocket (also how tests point it elsewhere).
    """

    name = "edge"

    def __init__(
        self,
        *,
        voices: Mapping[Language, str] | None = None,
        connect_timeout: float = 1.5,
        total_timeout: float = 15.0,
        proxy: str | None = None,
    ) -> None:
        if connect_timeout <= 0 or total_timeout < connect_timeout:
            raise ValueError(
                f"need 0 < connect_timeout {connect_timeout} <= total_timeout {total_timeout}"
            )
        self.voices = dict(voices or DEFAULT_EDGE_VOICES)
        self.connect_timeout = connect_timeout
        self.total_timeout = total_timeout
        self.proxy = proxy

    def voice_for(self, locale: str) -> str:
        """The neural voice for ``locale`` (e.g. ``zh-CN-XiaoxiaoNeural``)."""
        return self.voices[language_of(locale)]

    async def synthesize(self, text: str, *, locale: str) -> Audio:
        """Render ``text`` online; :class:`TTSError` when the service is slow or absent."""
        communicate = edge_tts.Communicate(
            text,
            self.voice_for(locale),
            proxy=self.proxy,
            connect_timeout=max(1, math.ceil(self.connect_timeout)),
            receive_timeout=max(1, math.ceil(self.total_timeout)),
        )
        loop = asyncio.get_running_loop()
        first_deadline = loop.time() + self.connect_timeout
        mp3 = bytearray()
        stream = communicate.stream()
        try:
            async with asyncio.timeout(self.total_timeout):
                async with asyncio.timeout_at(first_deadline):
                    async for chunk in stream:
                        if chunk["type"] == "audio" and chunk.get("data"):
                            mp3 += chunk["data"]
                            break
                async for chunk in stream:
                    if chunk["type"] == "audio" and chunk.get("data"):
                        mp3 += chunk["data"]
        except TimeoutError as exc:
            phase = "first audio" if not mp3 else "the whole utterance"
            limit = self.connect_timeout if not mp3 else self.total_timeout
            raise TTSError(f"edge-tts gave no {phase} within {limit} s") from exc
        except (aiohttp.ClientError, EdgeTTSException, OSError) as exc:
            raise TTSError(f"edge-tts unreachable or failed: {type(exc).__name__}: {exc}") from exc
        finally:
            await stream.aclose()
        if not mp3:
            raise TTSError(f"edge-tts returned no audio for {text[:40]!r}")
        try:
            return await loop.run_in_executor(None, decode_audio, bytes(mp3))
        except VoiceError as exc:
            raise TTSError(f"edge-tts sent undecodable audio: {exc}") from exc
