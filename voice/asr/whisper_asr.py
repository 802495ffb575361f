"""Whisper (faster-whisper, base, int8): the offline engine for English and Mandarin.

Whisper is not a streaming model (every pass pads to 30 s and costs ~0.6–1 s here), so the
stream segments audio with the turn detector and transcribes whole utterances:

* ``SPEECH_START`` → an empty partial (enough for barge-in);
* ``PAUSE`` (silence began) → a transcription of the utterance so far starts at once;
* ``RESUME`` → that transcription is discarded (cancelled if still queued);
* ``SPEECH_END`` → the transcription started at ``PAUSE`` is the final, so most of the
  Whisper pass overlaps the end-of-turn silence.

``feed`` never waits for Whisper: a final is returned by the first ``feed`` after it is
ready (``flush`` waits). Decoding is greedy (beam 1, temperature 0, no timestamps, no
conditioning on earlier text) with the output capped by audio length and repeated phrases
collapsed, because Whisper can loop on noise. Mandarin comes out in simplified characters
(zhconv), helped by a simplified-Chinese initial prompt.
"""

from __future__ import annotations

import asyncio
import json
import math
import re
import threading
from collections import deque
from dataclasses import dataclass
from functools import partial
from importlib import resources

import numpy as np
import numpy.typing as npt

from bot.errors import ASRError
from voice.asr.base import SAMPLE_RATE, ASRResult
from voice.asr.completion import sounds_finished
from voice.asr.priority_worker import BACKGROUND, URGENT
from voice.asr.whisper_model import default_cpu_threads, shared_whisper_model, worker_for
from voice.asr.whisper_window import MAX_WINDOW_S, WindowResult, transcribe_window
from voice.audio import s16le_to_float
from voice.locale import Language, language_of
from voice.vad.turn import TurnDetector, TurnEventKind

__all__ = [
    "WhisperASR",
    "WhisperStream",
    "collapse_repeats",
    "max_tokens_for",
    "to_simplified",
]

ZH_PROMPT = "以下是普通话的电话录音，关于账单和还款。"
PREROLL_MS = 400  # audio kept from before SPEECH_START (the detector reports it late)
LEAD_MS = 200  # audio kept ahead of the detected onset (Silero trails it by ~100 ms)
MAX_UTTERANCE_MS = 25_000
#: Silence that ends a turn whose transcript sounds finished (``bench/asr.py --sweep-early``).
DEFAULT_EARLY_END_MS = 300
CLOSE_TIMEOUT_S = 5.0
_BYTES_PER_MS = SAMPLE_RATE * 2 // 1000


def max_tokens_for(duration_ms: int) -> int:
    """Output cap: ~10 tokens per second of speech (+12), never more than 220."""
    return min(220, 12 + math.ceil(duration_ms / 100))


_CJK = re.compile(r"[\u3400-\u9fff]")
_PUNCTUATION = re.compile(r"[^\w']+")


def collapse_repeats(text: str, *, max_repeats: int = 2) -> str:
    """Cut runs of the same word/character n-gram (n ≤ 6) repeated more than ``max_repeats``.

    Whisper sometimes loops ("thank you thank you thank you …") on noise or long silence.
    Words compare without case and punctuation ("Hello. Hello. Hello" is one word thrice).
    """
    cjk = bool(_CJK.search(text))
    units = list(text.replace(" ", "")) if cjk else text.split()
    units = cut_loop(units, [_key(u) for u in units], min_period=4 if cjk else 3)
    out: list[str] = []
    keys: list[str] = []
    for unit in units:
        out.append(unit)
        keys.append(_key(unit))
        for n in range(1, 7):
            span = n * (max_repeats + 1)
            if len(keys) >= span:
                block = keys[-n:]
                if all(
                    keys[-span + i * n : -span + (i + 1) * n or None] == block
                    for i in range(max_repeats + 1)
                ):
                    del out[-n:]
                    del keys[-n:]
                    break
    return ("" if cjk else " ").join(out)


def _key(unit: str) -> str:
    return _PUNCTUATION.sub("", unit).lower() or unit


def cut_loop(units: list[str], keys: list[str], *, min_period: int) -> list[str]:
    """Keep one copy when the text ends by repeating itself.

    Whisper over a short window can read the same sentence again ("could you repeat the
    amount could you repeat the amount could you…"): from the first point where the text
    turns periodic (``keys`` equal one period back) and the repeat runs to the end, one
    period stays; the repeat may be cut short (the output cap) but must last
    ``2 * min_period`` units or a full period. A block shorter than ``min_period`` counts
    only when it makes the whole text, three times or more ("Hello. Hello. Hello" is one
    "Hello."): people do say "no, no".
    """
    size = len(keys)
    for start in range(size):
        shortest = 1 if start == 0 else min_period
        for period in range(shortest, size - start):
            # what follows the first period: at least a full one for a short block, else
            # 2 * min_period units of it (the output cap cuts a long loop short)
            needed = 2 * period if period < min_period else min(period, 2 * min_period)
            if size - start - period < needed:
                continue
            if all(keys[i] == keys[i - period] for i in range(start + period, size)):
                return units[: start + period]
    return units


_zh_lock = threading.Lock()


def to_simplified(text: str) -> str:
    """Convert Chinese text to simplified characters (zhconv, zh-cn)."""
    import zhconv.zhconv as zc

    with _zh_lock:
        if zc.zhcdicts is None:
            # zhconv's own loader leaves its dictionary file open (a ResourceWarning); load
            # the same JSON with a closed read and hand it over in the shape it expects.
            raw = resources.files("zhconv").joinpath("zhcdict.json").read_bytes()
            data = json.loads(raw.decode("utf-8"))
            data["SIMPONLY"] = frozenset(data["SIMPONLY"])
            data["TRADONLY"] = frozenset(data["TRADONLY"])
            zc.zhcdicts = data
    return str(zc.convert(text, "zh-cn"))


def _no_speech(no_speech_prob: float, avg_logprob: float) -> bool:
    """Whisper's own test for a segment that is noise, not speech."""
    return no_speech_prob > 0.6 and avg_logprob < -1.0


@dataclass(frozen=True, slots=True)
class _Transcript:
    text: str
    confidence: float


class WhisperASR:
    """Whisper base for one locale (see :class:`voice.asr.base.ASREngine`).

    Args:
        locale: ``zh`` or ``en`` (region tags allowed).
        cpu_threads: Threads per pass; :func:`default_cpu_threads` when None (one thread
            for ``BACKGROUND`` passes).
        end_silence_ms: Silence that ends an utterance; the turn detector's default if None.
        priority: Where its passes queue (lower runs first). From ``BACKGROUND`` on (a
            simulated callee) they run on a separate low-priority thread and model, so a
            bot's pass never waits behind them.
        short_window: Encode a window fitted to the utterance instead of Whisper's 30 s
            (:mod:`voice.asr.whisper_window`); False gives faster-whisper's own pass.
        pause_passes: Start a pass when the speaker pauses, so the final is ready soon
            after the turn ends (the bot). False transcribes each turn once, at its end:
            a simulated callee hearing the bot's long lines would otherwise pass over the
            same growing audio at every pause between sentences.
        early_end_ms: Silence after which a turn whose transcript so far sounds finished
            (:func:`voice.asr.completion.sounds_finished`) ends without waiting for
            ``end_silence_ms``; None waits for the full silence every time.
    """

    name = "whisper"

    def __init__(
        self,
        locale: str,
        *,
        cpu_threads: int | None = None,
        end_silence_ms: int | None = None,
        priority: int = URGENT,
        short_window: bool = True,
        pause_passes: bool = True,
        early_end_ms: int | None = DEFAULT_EARLY_END_MS,
    ) -> None:
        self.priority = priority
        self.pause_passes = pause_passes
        self.early_end_ms = early_end_ms
        self.short_window = short_window
        self.language: Language = language_of(locale)
        self.locale: str = self.language
        self._worker = worker_for(priority)
        self.cpu_threads = cpu_threads or (1 if priority >= BACKGROUND else default_cpu_threads())
        self.end_silence_ms = end_silence_ms

    def transcribe_sync(self, audio: npt.NDArray[np.float32]) -> _Transcript:
        """Transcribe one utterance (16 kHz float32); blocking, run it in the executor."""
        model = shared_whisper_model(self.cpu_threads, pool=self._worker.name)
        duration_ms = len(audio) * 1000 // SAMPLE_RATE
        prompt = ZH_PROMPT if self.language == "zh" else None
        try:
            if self.short_window and duration_ms < MAX_WINDOW_S * 1000:
                one = transcribe_window(
                    model,
                    audio,
                    language=self.language,
                    max_new_tokens=max_tokens_for(duration_ms),
                    initial_prompt=prompt,
                )
                kept = [] if _no_speech(one.no_speech_prob, one.avg_logprob) else [one]
            else:
                segments, _ = model.transcribe(
                    audio,
                    language=self.language,
                    beam_size=1,
                    temperature=0.0,
                    without_timestamps=True,
                    condition_on_previous_text=False,
                    initial_prompt=prompt,
                    max_new_tokens=max_tokens_for(duration_ms),
                    vad_filter=False,
                )
                kept = [
                    WindowResult(s.text, s.avg_logprob, s.no_speech_prob)
                    for s in segments
                    if not _no_speech(s.no_speech_prob, s.avg_logprob)
                ]
        except Exception as exc:  # CTranslate2 errors are RuntimeError/ValueError
            raise ASRError(f"Whisper failed on {duration_ms} ms of audio: {exc}") from exc
        text = "".join(s.text for s in kept).strip()
        if self.language == "zh":
            text = to_simplified(text)
        text = collapse_repeats(text)
        if not kept or not text:
            return _Transcript("", 0.0)
        mean_logprob = sum(s.avg_logprob for s in kept) / len(kept)
        return _Transcript(text, min(1.0, max(0.0, math.exp(mean_logprob))))

    async def transcribe(self, pcm16: bytes) -> _Transcript:
        """Transcribe s16le audio on the shared Whisper thread (calls queue there)."""
        audio = s16le_to_float(pcm16)
        job = self._worker.submit(self.priority, self.transcribe_sync, audio)
        return await asyncio.wrap_future(job)

    async def load(self) -> None:
        """Assemble and load the model ahead of the first call."""
        await asyncio.wrap_future(
            self._worker.submit(
                URGENT, partial(shared_whisper_model, self.cpu_threads, pool=self._worker.name)
            )
        )

    def new_stream(self) -> WhisperStream:
        """A VAD-segmented stream for one call."""
        if self.end_silence_ms is None:
            detector = TurnDetector()
        else:
            detector = TurnDetector(end_silence_ms=self.end_silence_ms)
        early = self.early_end_ms
        if early is not None and not detector.pause_ms <= early < detector.end_silence_ms:
            early = None  # the full silence comes first: nothing to end early
        if not self.pause_passes:
            early = None  # ending early needs the pass started at the pause
        return WhisperStream(self, detector, early_end_ms=early, pause_passes=self.pause_passes)


@dataclass(slots=True)
class _Pending:
    task: asyncio.Task[_Transcript]
    start_ms: int
    end_ms: int
    ended: bool = False


class WhisperStream:
    """One call's VAD-segmented Whisper recogniser (see :class:`voice.asr.base.ASRStream`)."""

    def __init__(
        self,
        engine: WhisperASR,
        detector: TurnDetector,
        *,
        early_end_ms: int | None = None,
        pause_passes: bool = True,
    ) -> None:
        self._engine = engine
        self._detector = detector
        self._early_end_ms = early_end_ms
        self._pause_passes = pause_passes
        self._preroll: deque[bytes] = deque()
        self._preroll_bytes = 0
        self._utterance = bytearray()
        self._utterance_start_ms = 0
        self._fed_ms = 0
        self._pending: list[_Pending] = []
        self._discarded: set[asyncio.Task[_Transcript]] = set()
        self._closed = False

    def _start(self, start_ms: int, end_ms: int, pcm: bytes) -> _Pending:
        task = asyncio.create_task(self._engine.transcribe(pcm), name="whisper-utterance")
        return _Pending(task, start_ms, end_ms)

    def _discard_unended(self) -> None:
        for pending in [p for p in self._pending if not p.ended]:
            pending.task.cancel()  # a queued pass never runs; a running one is ignored
            self._discarded.add(pending.task)
            pending.task.add_done_callback(self._forget)
            self._pending.remove(pending)

    def _forget(self, task: asyncio.Task[_Transcript]) -> None:
        self._discarded.discard(task)
        if not task.cancelled():
            task.exception()  # a discarded pass's failure is not worth a warning

    def _utterance_pcm(self, until_ms: int) -> bytes:
        keep = max(0, (until_ms - self._utterance_start_ms) * _BYTES_PER_MS)
        return bytes(self._utterance[:keep])

    async def feed(self, pcm16: bytes) -> list[ASRResult]:
        """Feed audio; returns an empty partial at speech start and finals when ready."""
        if self._closed:
            raise ASRError("feed() on a closed Whisper stream")
        if len(pcm16) % 2:
            raise ASRError(f"audio must be whole 16-bit samples, got {len(pcm16)} bytes")
        results: list[ASRResult] = []
        events = await self._detector.feed_async(pcm16)
        self._fed_ms += len(pcm16) // _BYTES_PER_MS
        if self._detector.in_turn or any(e.kind is TurnEventKind.SPEECH_END for e in events):
            self._utterance += pcm16
        else:
            self._remember_preroll(pcm16)
        for event in events:
            if event.kind is TurnEventKind.SPEECH_START:
                self._begin_utterance(event.at_ms)
                results.append(
                    ASRResult("", False, 1.0, event.at_ms, max(event.at_ms, self._fed_ms))
                )
            elif event.kind is TurnEventKind.PAUSE and self._pause_passes:
                self._discard_unended()
                pcm = self._utterance_pcm(event.at_ms)
                self._pending.append(self._start(self._utterance_start_ms, event.at_ms, pcm))
            elif event.kind is TurnEventKind.RESUME:
                self._discard_unended()
            elif event.kind is TurnEventKind.SPEECH_END:
                self._end_utterance(event.at_ms)
        if len(self._utterance) > MAX_UTTERANCE_MS * _BYTES_PER_MS:
            self._discard_unended()  # Whisper sees 30 s at most: cut a long monologue here
            self._end_utterance(self._fed_ms)
            self._begin_utterance(self._fed_ms, keep_preroll=False)
        self._end_early()
        results.extend(await self._collect(wait=False))
        return results

    def _end_early(self) -> None:
        """End the turn before the full silence when the pass at ``PAUSE`` sounds finished."""
        if self._early_end_ms is None or not self._detector.in_turn:
            return
        unended = [p for p in self._pending if not p.ended]
        if not unended:
            return
        pending = unended[-1]  # started at the silence still going on (RESUME discards it)
        if self._fed_ms - pending.end_ms < self._early_end_ms or not pending.task.done():
            return
        if pending.task.cancelled() or pending.task.exception() is not None:
            return  # SPEECH_END will run a pass of its own
        if not sounds_finished(pending.task.result().text, self._engine.language):
            return
        pending.ended = True
        self._detector.end_turn()
        self._utterance = bytearray()

    def _remember_preroll(self, pcm16: bytes) -> None:
        self._preroll.append(pcm16)
        self._preroll_bytes += len(pcm16)
        while (
            self._preroll
            and self._preroll_bytes - len(self._preroll[0]) >= PREROLL_MS * _BYTES_PER_MS
        ):
            self._preroll_bytes -= len(self._preroll.popleft())

    def _begin_utterance(self, onset_ms: int, *, keep_preroll: bool = True) -> None:
        # The detector reports speech a few windows late; keep the audio from its onset
        # (plus a little) so Whisper hears the first syllable.
        head = b"".join(self._preroll) if keep_preroll else b""
        self._preroll.clear()
        self._preroll_bytes = 0
        audio = head + bytes(self._utterance)
        start_ms = self._fed_ms - len(audio) // _BYTES_PER_MS
        wanted = max(start_ms, onset_ms - LEAD_MS)
        cut = (wanted - start_ms) * _BYTES_PER_MS
        self._utterance = bytearray(audio[cut:])
        self._utterance_start_ms = wanted

    def _end_utterance(self, silence_ms: int) -> None:
        unended = [p for p in self._pending if not p.ended]
        if unended and unended[-1].end_ms == silence_ms:
            unended[-1].ended = True  # the pass started at PAUSE covers exactly this audio
        else:
            self._discard_unended()
            pending = self._start(
                self._utterance_start_ms, silence_ms, self._utterance_pcm(silence_ms)
            )
            pending.ended = True
            self._pending.append(pending)
        self._utterance = bytearray()

    async def _collect(self, *, wait: bool) -> list[ASRResult]:
        results: list[ASRResult] = []
        while self._pending and self._pending[0].ended:
            pending = self._pending[0]
            if not wait and not pending.task.done():
                break
            self._pending.pop(0)
            transcript = await pending.task
            if transcript.text:
                results.append(
                    ASRResult(
                        transcript.text,
                        True,
                        transcript.confidence,
                        pending.start_ms,
                        pending.end_ms,
                    )
                )
        return results

    async def flush(self) -> ASRResult | None:
        """End the utterance now (hang-up): wait for every pending pass, merge their text."""
        if self._closed:
            return None
        if self._detector.in_turn and self._utterance:
            unended = [p for p in self._pending if not p.ended]
            # paused: the pass already running covers the speech up to the silence
            self._end_utterance(unended[-1].end_ms if unended else self._fed_ms)
            self._detector.end_turn()
        results = await self._collect(wait=True)
        if not results:
            return None
        return ASRResult(
            " ".join(r.text for r in results)
            if self._engine.language == "en"
            else "".join(r.text for r in results),
            True,
            min(r.confidence for r in results),
            results[0].start_ms,
            results[-1].end_ms,
        )

    async def close(self) -> None:
        """Cancel pending passes (queued ones never run)."""
        self._closed = True
        tasks = [p.task for p in self._pending] + list(self._discarded)
        for task in tasks:
            task.cancel()
        if tasks:
            # a pass already running on the Whisper thread cannot be interrupted: wait a bit
            await asyncio.wait(tasks, timeout=CLOSE_TIMEOUT_S)
        for task in tasks:
            if task.done() and not task.cancelled():
                task.exception()  # the call is over: its late failures are moot
        self._pending.clear()
