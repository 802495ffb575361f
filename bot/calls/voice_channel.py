"""The :class:`bot.calls.ports.VoiceChannel` port over a live WebRTC call.

Ears: the caller's 16 kHz frames go into one ASR stream; its empty partial at speech start
is the barge-in signal (the bot's queued audio is flushed at once unless the line playing is
a required disclosure), its finals are the caller's turns. Mouth: lines come from the TTS
cache (rendered ahead where possible) and are queued on the session's outbound track in
20 ms frames. Times are milliseconds since the call connected, on the monotonic clock the
transport dates its frames with, so transcript, latency and recording share one timeline.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import deque
from collections.abc import Awaitable
from typing import TypeVar

import numpy as np

from bot.calls.ports import Heard, Spoken
from voice.asr.base import ASREngine, ASRResult
from voice.transport import CallSession, InboundAudio, Playback
from voice.transport.pcm import FRAME_MS
from voice.tts.base import Audio
from voice.tts.cache import TTSCache
from voice.tts.text import SENTENCE_GAP_MS, sentences

logger = logging.getLogger(__name__)
T = TypeVar("T")

MAX_PENDING_S = 20.0
"""How much longer than the silence timeout a turn in progress may take to arrive."""

HOLD_TONE_HZ = 440.0
"""A soft, sparse beep marks the hold so the caller knows the line is alive."""


def hold_audio(seconds: float, sample_rate: int = 16_000) -> bytes:
    """Quiet hold audio: a 150 ms soft tone every 3 s, silence in between."""
    total = int(seconds * sample_rate)
    samples = np.zeros(total, dtype=np.float32)
    beep = int(0.15 * sample_rate)
    t = np.arange(beep) / sample_rate
    tone = 0.05 * np.sin(2 * np.pi * HOLD_TONE_HZ * t) * np.hanning(beep)
    for start in range(0, total, 3 * sample_rate):
        end = min(total, start + beep)
        samples[start:end] = tone[: end - start]
    return (samples * 32767).astype("<i2").tobytes()


class AudioVoiceChannel:
    """One call's voice over a connected :class:`CallSession`.

    Args:
        session: The connected call.
        asr: The engine for the call's locale (a stream is opened per call).
        tts: The TTS cache view for this call (hits and misses are counted per call).
        locale: ``zh`` or ``en``.
    """

    def __init__(self, session: CallSession, asr: ASREngine, tts: TTSCache, locale: str) -> None:
        self._session = session
        self._asr = asr
        self._tts = tts
        self._locale = locale
        self._t0 = time.monotonic()
        #: Arrival time of every frame fed to the recogniser, by position in its stream.
        self._frame_times: list[float] = []
        self._turns: deque[Heard] = deque()
        self._arrived = asyncio.Event()
        self._playing: Playback | None = None
        # True while a line's later sentences are still to be queued behind ``_playing``.
        self._more_to_come = False
        self._interrupted = False
        self._uninterruptible = False
        self._listener: asyncio.Task[None] | None = None
        # True from the caller's speech onset until its final arrives: a turn being spoken
        # or transcribed is not silence.
        self._speech_pending = False
        self.barge_ins = 0

    async def start(self) -> None:
        """Start listening (call once the session is connected)."""
        inbound = await self._session.inbound()
        self._t0 = time.monotonic()
        self._listener = asyncio.get_running_loop().create_task(self._listen(inbound))

    def now_ms(self) -> int:
        """Milliseconds since the call connected."""
        return self._ms(time.monotonic())

    def _ms(self, at: float) -> int:
        return round((at - self._t0) * 1000)

    def _audio_ms(self, stream_ms: int) -> int:
        """When the audio at ``stream_ms`` into the recogniser's stream reached this host.

        Read off the arrival time of the frame that held it, not by adding ``stream_ms`` to
        the first frame's time: a far end that sends more or less audio than the wall clock
        passes (a loaded sender catching up, lost packets) would otherwise put a turn seconds
        away from the bot's own lines, and a reply's latency with it.
        """
        times = self._frame_times
        if not times:
            return self.now_ms()
        index = min(max(0, stream_ms // FRAME_MS), len(times) - 1)
        return self._ms(times[index]) + (stream_ms - index * FRAME_MS)

    async def _listen(self, inbound: InboundAudio) -> None:
        stream = self._asr.new_stream()
        try:
            async for frame in inbound:
                self._frame_times.append(frame.time)
                for result in await stream.feed(frame.pcm):
                    self._on_result(result)
        except asyncio.CancelledError:
            raise
        except Exception:
            logger.exception("call %s: listening failed", self._session.call_id)
        finally:
            await stream.close()

    def _on_result(self, result: ASRResult) -> None:
        if not result.is_final:
            self._speech_pending = True
            playing = self._playing
            speaking = playing is not None and (not playing.finished or self._more_to_come)
            if speaking and not self._uninterruptible and not self._interrupted:
                self._session.flush()
                self._interrupted = True
                self.barge_ins += 1
            return
        self._speech_pending = False
        text = result.text.strip()
        if text:
            self._turns.append(
                Heard(
                    text,
                    result.confidence,
                    self._audio_ms(result.start_ms),
                    self._audio_ms(result.end_ms),
                )
            )
            self._arrived.set()

    def is_live(self) -> bool:
        """False once either side hung up."""
        return not self._session.closed.is_set()

    async def _until_closed(self, awaitable: Awaitable[T]) -> T | None:
        """Await ``awaitable`` unless the call closes first (then None)."""
        task = asyncio.ensure_future(awaitable)
        closed = asyncio.ensure_future(self._session.closed.wait())
        try:
            await asyncio.wait({task, closed}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            closed.cancel()
        if task.done():
            return task.result()
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        return None

    async def say(self, text: str, *, uninterruptible: bool = False) -> Spoken:
        """Speak ``text``; returns when it played out, the caller barged in or hung up.

        A line not in the TTS cache is rendered sentence by sentence (each sentence cached
        on its own) and starts playing as soon as its first sentence is ready, the rest
        rendering while it plays: a line with an account's details costs one sentence of
        rendering before it is heard, and nothing has to be rendered ahead of the call.
        """
        audio = await self._tts.lookup(text, self._locale)
        cache_hit = audio is not None
        parts = [text] if cache_hit else sentences(text)
        renders = [] if cache_hit else [self._render(part) for part in parts]
        first = audio if audio is not None else await renders[0]
        if not self.is_live():
            return Spoken(self.now_ms(), self.now_ms(), True, cache_hit)
        self._uninterruptible = uninterruptible
        self._interrupted = False
        # The text goes out just ahead of the audio, for a far end that reads captions.
        self._session.send_caption(text)
        playbacks: list[Playback] = []
        try:
            for index in range(len(parts)):
                part = first if index == 0 else await self._until_closed(renders[index])
                if part is None or self._interrupted or not self.is_live():
                    break
                pcm = part.pcm if index == 0 else _gap(part.sample_rate) + part.pcm
                self._more_to_come = index + 1 < len(parts)
                playbacks.append(self._session.play(pcm, part.sample_rate))
                self._playing = playbacks[-1]
            self._more_to_come = False
            last = playbacks[-1] if playbacks else None
            finished = last is not None and bool(await self._until_closed(last.wait()))
            played = finished and len(playbacks) == len(parts) and not self._interrupted
        finally:
            self._playing = None
            self._more_to_come = False
            self._uninterruptible = False
        at = time.monotonic()
        started = playbacks[0].started_at if playbacks else None
        ended = playbacks[-1].ended_at if playbacks else None
        return Spoken(self._ms(started or at), self._ms(ended or at), not played, cache_hit)

    def _render(self, sentence: str) -> asyncio.Future[Audio]:
        """Start rendering one sentence now (cache first), shielded (see :func:`_settled`)."""
        return _settled(asyncio.ensure_future(self._tts.get_or_render(sentence, self._locale)))

    async def listen(self, timeout_s: float) -> Heard | None:
        """The caller's next finished turn, or None after ``timeout_s`` of silence.

        Time while the caller is speaking, or their turn is being transcribed, does not
        count as silence (up to :data:`MAX_PENDING_S` more). Hang-up ends the wait.
        """
        deadline = time.monotonic() + timeout_s
        hard_deadline = deadline + MAX_PENDING_S
        while not self._turns:
            now = time.monotonic()
            limit = hard_deadline if self._speech_pending else deadline
            if now >= limit or not self.is_live():
                return None
            self._arrived.clear()
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(min(limit - now, 0.25)):
                    await self._arrived.wait()
        return self._turns.popleft()

    async def hold(self, seconds: float) -> bool:
        """Play hold audio for ``seconds`` or until a supervisor takes the line (then True)."""
        if not self.is_live():
            return False
        if self._session.taken_over.is_set():
            return True
        playback = self._session.play(hold_audio(seconds), 16_000)
        waits = {
            asyncio.ensure_future(playback.wait()),
            asyncio.ensure_future(self._session.taken_over.wait()),
            asyncio.ensure_future(self._session.closed.wait()),
        }
        try:
            await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for waiter in waits:
                waiter.cancel()
            await asyncio.gather(*waits, return_exceptions=True)
        return self._session.taken_over.is_set() and self.is_live()

    async def supervised(self) -> None:
        """Wait until the supervisor hands the line back or the call ends."""
        if self._session.taken_over.is_set():
            await self._until_closed(self._session.handed_back.wait())

    async def hang_up(self) -> None:
        """Stop listening and close the session (finishes the recording)."""
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._listener
        await self._session.close()


def _settled(task: asyncio.Future[Audio]) -> asyncio.Future[Audio]:
    """Shield a sentence's render from a line cut short.

    The render runs on (it still fills the cache, and another call may be waiting on the
    same sentence); its error is marked retrieved whether or not anyone awaits it.
    """
    shielded = asyncio.shield(task)
    for future in (task, shielded):
        future.add_done_callback(_retrieve)
    return shielded


def _retrieve(future: asyncio.Future[Audio]) -> None:
    if not future.cancelled():
        future.exception()


def _gap(sample_rate: int) -> bytes:
    """The pause between two sentences of one line."""
    return bytes(2 * (sample_rate * SENTENCE_GAP_MS // 1000))
