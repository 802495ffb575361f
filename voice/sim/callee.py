"""Run a persona as the callee of a real WebRTC call to the bot's offer endpoint.

The callee hears the bot with one of two kinds of ears. ``"whisper"`` transcribes the
bot's audio (the callee understands what actually came down the line, mishearings
included). ``"captions"`` reads the text the bot sends ahead of each line on the captions
data channel (:mod:`voice.transport.captions`) and takes the turn as heard when the bot's
audio goes quiet for ``turn_gap_ms``: no ASR on the far end, so a load test measures the
bot. Either way the callee answers with real TTS audio, which the bot hears with its ASR.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import Coroutine
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from voice.asr.base import ASREngine, ASRStream
from voice.sim.persona import Persona, Rule
from voice.transport import CallSession, InboundAudio, connect
from voice.transport.captions import CaptionReceiver
from voice.tts.base import Audio, TTSEngine

logger = logging.getLogger(__name__)

EventKind = Literal["heard", "said", "bot_started", "interrupted", "hung_up"]
EndedBy = Literal["callee", "bot", "timeout", "no_answer"]
Ears = Literal["whisper", "captions"]
EARS: tuple[Ears, ...] = ("whisper", "captions")


@dataclass(frozen=True, slots=True)
class CalleeEvent:
    """Something the callee heard or did.

    Attributes:
        kind: "heard" (an ASR final, or a bot turn's captions), "said", "bot_started"
            (the bot began a turn), "interrupted" (said over the bot), "hung_up".
        text: What was heard or said (the turn number for "bot_started").
        at_ms: Milliseconds since the call connected, on the audio's own timeline.
        rule_line: The persona rule that produced a reply.
        duration_ms: How long the callee spoke ("said", "interrupted"); 0 otherwise.
    """

    kind: EventKind
    text: str
    at_ms: int
    rule_line: int | None = None
    duration_ms: int = 0


@dataclass(frozen=True, slots=True)
class CalleeResult:
    """How a simulated call went, from the callee's side."""

    persona: str
    locale: str
    answered: bool
    ended_by: EndedBy
    duration_ms: int
    events: tuple[CalleeEvent, ...]

    @property
    def heard(self) -> list[str]:
        """The bot's turns as the callee's ears took them (ASR finals or captions)."""
        return [e.text for e in self.events if e.kind == "heard"]

    @property
    def said(self) -> list[str]:
        """What the callee said, in order (interruptions included)."""
        return [e.text for e in self.events if e.kind in ("said", "interrupted")]


_QUESTION_ENDINGS = ("?", "？", "吗", "呢", "么")


def is_question(text: str) -> bool:
    """Whether an ASR transcript reads as a question (punctuation or a question particle)."""
    stripped = text.strip().rstrip("。.!！ ")
    return stripped.endswith(_QUESTION_ENDINGS) or "?" in stripped or "？" in stripped


@dataclass(slots=True)
class _Turns:
    """Energy-based bot-turn tracking (the bot's audio is clean: silence is near zero).

    A turn starts with sound after ``gap_ms`` of quiet and ends when ``gap_ms`` of quiet
    follows it; :meth:`onset` reads a frame and says whether a turn started with it, then
    :attr:`ended` says whether the turn ended with it.
    """

    threshold: float
    gap_ms: int
    count: int = 0
    quiet_ms: int = 10**9
    ended: bool = False

    def onset(self, pcm: bytes) -> bool:
        samples = np.frombuffer(pcm, dtype=np.int16).astype(np.float32)
        loud = bool(samples.size) and float(np.sqrt(np.mean(samples * samples))) > self.threshold
        if not loud:
            before = self.quiet_ms
            self.quiet_ms += 20
            self.ended = before < self.gap_ms <= self.quiet_ms
            return False
        self.ended = False
        started = self.quiet_ms >= self.gap_ms
        self.quiet_ms = 0
        if started:
            self.count += 1
        return started


@dataclass
class _Callee:
    persona: Persona
    asr: ASREngine | None
    captions: CaptionReceiver | None
    tts: TTSEngine
    turn_gap_ms: int
    energy_threshold: float
    events: list[CalleeEvent] = field(default_factory=list)
    fired: set[int] = field(default_factory=set)
    fallbacks: int = 0
    tasks: set[asyncio.Task[None]] = field(default_factory=set)
    voice: dict[str, Audio] = field(default_factory=dict)
    hangup: asyncio.Event = field(default_factory=asyncio.Event)
    t0: float = 0.0

    def ms(self, at: float) -> int:
        return round((at - self.t0) * 1000)

    def spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(coro)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def audio(self, text: str) -> Audio:
        if text not in self.voice:
            self.voice[text] = await self.tts.synthesize(text, locale=self.persona.locale)
        return self.voice[text]

    async def say(
        self,
        session: CallSession,
        text: str,
        *,
        at: float | None = None,
        kind: EventKind = "said",
        rule: Rule | None = None,
    ) -> None:
        """Say ``text`` at monotonic time ``at`` (now if None), rendering it meanwhile."""
        audio = await self.audio(text)
        if at is not None and at > time.monotonic():
            await asyncio.sleep(at - time.monotonic())
        playback = session.play(audio.pcm, audio.sample_rate)
        await playback.wait()
        started = playback.started_at if playback.started_at is not None else time.monotonic()
        self.events.append(
            CalleeEvent(
                kind, text, self.ms(started), rule.line if rule else None, audio.duration_ms
            )
        )
        if rule is not None and rule.then == "hangup":
            await asyncio.sleep(0.3)
            self.hangup.set()

    async def render_ahead(self) -> None:
        """Render the lines whose timing matters (opening, interruptions) before they are due."""
        lines = [self.persona.opening] + [i.say for i in self.persona.interruptions]
        for line in lines:
            if line:
                await self.audio(line)

    def react(self, session: CallSession, text: str) -> None:
        rule = self.persona.reply_to(text, self.fired)
        if rule is not None:
            self.fired.add(rule.line)
            self.spawn(
                self.say(session, rule.say, at=time.monotonic() + rule.pause_ms / 1000, rule=rule)
            )
        elif (
            self.persona.fallback
            and self.fallbacks < self.persona.max_fallbacks
            and is_question(text)
        ):
            # People ask for a repeat when they were asked something, not after a notice.
            self.fallbacks += 1
            self.spawn(self.say(session, self.persona.fallback, at=time.monotonic() + 0.4))

    async def listen(self, session: CallSession, inbound: InboundAudio) -> None:
        stream: ASRStream | None = self.asr.new_stream() if self.asr is not None else None
        turns = _Turns(self.energy_threshold, self.turn_gap_ms)
        try:
            async for frame in inbound:
                if turns.onset(frame.pcm):
                    self.events.append(
                        CalleeEvent("bot_started", str(turns.count), self.ms(frame.time))
                    )
                    self.schedule_interruptions(session, turns.count, frame.time)
                if turns.ended and self.captions is not None:
                    self.read_captions(session, frame.time)
                if stream is None:
                    continue
                for result in await stream.feed(frame.pcm):
                    if result.is_final and result.text.strip():
                        self.events.append(
                            CalleeEvent("heard", result.text.strip(), self.ms(frame.time))
                        )
                        if not self.persona.silent:
                            self.react(session, result.text)
        finally:
            if stream is not None:
                await stream.close()

    def read_captions(self, session: CallSession, at: float) -> None:
        """The bot's turn just went quiet: hear the lines it captioned since the last one."""
        assert self.captions is not None
        text = " ".join(c.text.strip() for c in self.captions.take() if c.text.strip())
        if not text:
            return  # hold tones and the like: sound without a line
        self.events.append(CalleeEvent("heard", text, self.ms(at)))
        if not self.persona.silent:
            self.react(session, text)

    def schedule_interruptions(self, session: CallSession, turn: int, onset: float) -> None:
        if self.persona.silent:
            return
        for spec in self.persona.interruptions:
            if spec.bot_turn == turn:
                # Dated from the onset's audio time: a slow ASR pass must not shift it.
                due = onset + spec.after_ms / 1000
                self.spawn(self.say(session, spec.say, at=due, kind="interrupted"))


async def run_callee(
    persona: Persona,
    offer_url: str,
    *,
    tts: TTSEngine | None = None,
    asr: ASREngine | None = None,
    hear: bool = True,
    ears: Ears = "whisper",
    recording: str | os.PathLike[str] | None = None,
    turn_gap_ms: int = 700,
    energy_threshold: float = 300.0,
) -> CalleeResult:
    """Call the bot at ``offer_url`` and behave as ``persona`` until someone hangs up.

    Args:
        persona: Who to be.
        offer_url: The bot's ``.../calls/{call_id}/offer`` endpoint.
        tts: Renders the callee's lines; ``voice.tts.default_engine(locale, baker=True)``
            (the natural Mandarin voice when installed) when None.
        asr: Hears the bot with ``ears="whisper"``; ``voice.asr.engine_for(locale)`` when None.
        hear: False hears nothing at all (no ASR, no captions): rules never fire,
            interruptions do.
        ears: ``"whisper"`` transcribes the bot's audio with ``asr``; ``"captions"`` reads
            the text of the bot's lines from the captions data channel instead (no ASR) and
            takes a turn as heard once its audio has been quiet for ``turn_gap_ms``.
        recording: Optional WAV of the call from the callee's side (bot left, callee right).
        turn_gap_ms: Bot silence that separates two bot turns (for interruptions, and the
            end of a turn for ``ears="captions"``).
        energy_threshold: RMS above which a 20 ms frame of the bot counts as sound.

    Returns:
        What was heard and said, with times, and who ended the call.

    Raises:
        ValueError: ``ears`` is neither "whisper" nor "captions".
    """
    if ears not in EARS:
        raise ValueError(f'ears must be "whisper" or "captions", got {ears!r}')
    if not persona.answers:
        return CalleeResult(persona.name, persona.locale, False, "no_answer", 0, ())
    if tts is None:
        from voice.tts import default_engine

        tts = default_engine(persona.locale, baker=True)
    transcribe = hear and ears == "whisper"
    if asr is None and transcribe:
        from voice.asr import engine_for

        asr = engine_for(persona.locale)
    read = hear and ears == "captions"
    session = await connect(offer_url, recording=recording, captions=read)
    callee = _Callee(
        persona, asr if transcribe else None, session.captions, tts, turn_gap_ms, energy_threshold
    )
    ended_by: EndedBy = "timeout"
    try:
        async with asyncio.timeout(10):
            await session.wait_connected()
            inbound = await session.inbound()
        callee.t0 = time.monotonic()
        if not persona.silent:
            callee.spawn(callee.render_ahead())
        if persona.opening and not persona.silent:
            due = callee.t0 + persona.opening_after_ms / 1000
            callee.spawn(callee.say(session, persona.opening, at=due))
        if persona.hangup_after_s is not None:
            callee.spawn(_hang_up_later(callee.hangup, persona.hangup_after_s))
        listen = asyncio.ensure_future(callee.listen(session, inbound))
        hangup = asyncio.ensure_future(callee.hangup.wait())
        done, _ = await asyncio.wait(
            {listen, hangup}, timeout=persona.max_call_s, return_when=asyncio.FIRST_COMPLETED
        )
        if hangup in done:
            ended_by = "callee"
            callee.events.append(CalleeEvent("hung_up", "", callee.ms(time.monotonic())))
        elif listen in done:
            ended_by = "bot"
            if listen.exception() is not None:
                logger.error("callee listener failed", exc_info=listen.exception())
        for task in (listen, hangup, *callee.tasks):
            task.cancel()
        await asyncio.wait({listen, hangup, *callee.tasks})
    finally:
        await session.close()
    duration = callee.ms(time.monotonic())
    events = tuple(sorted(callee.events, key=lambda e: e.at_ms))
    return CalleeResult(persona.name, persona.locale, True, ended_by, duration, events)


async def _hang_up_later(hangup: asyncio.Event, after_s: float) -> None:
    await asyncio.sleep(after_s)
    hangup.set()


__all__ = ["EARS", "CalleeEvent", "CalleeResult", "Ears", "is_question", "run_callee"]
