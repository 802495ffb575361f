"""A scripted bot endpoint and a scripted ASR (the only fakes: at the ASR boundary)."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from voice.asr.base import ASRResult
from voice.transport import CallSession, InboundAudio, SignallingServer
from voice.tts.base import Audio


def loud(pcm: bytes, threshold: float = 300.0) -> bool:
    samples = np.frombuffer(pcm, dtype=np.int16).astype(np.float32)
    return float(np.sqrt(np.mean(samples * samples))) > threshold


class ScriptedStream:
    """Ends an utterance after >= 200 ms of sound and 800 ms of quiet; returns the next line.

    800 ms: Piper leaves up to ~520 ms of silence between sentences of one turn.
    """

    def __init__(self, lines: deque[str]) -> None:
        self.lines = lines
        self.position = 0
        self.speech_ms = 0
        self.quiet_ms = 0
        self.start_ms = 0

    async def feed(self, pcm16: bytes) -> list[ASRResult]:
        self.position += len(pcm16) // 32
        if loud(pcm16):
            if self.speech_ms == 0:
                self.start_ms = self.position
            self.speech_ms += 20
            self.quiet_ms = 0
            return []
        self.quiet_ms += 20
        if self.speech_ms >= 200 and self.quiet_ms >= 800:
            self.speech_ms = 0
            text = self.lines.popleft() if self.lines else ""
            return [ASRResult(text, True, 1.0, self.start_ms, self.position)]
        return []

    async def flush(self) -> ASRResult | None:
        return None

    async def close(self) -> None:
        return None


class ScriptedASR:
    """An ASR engine that "recognises" the given lines, one per utterance heard."""

    name = "scripted"

    def __init__(self, lines: Sequence[str], locale: str = "en") -> None:
        self.locale = locale
        self.lines = deque(lines)

    def new_stream(self) -> ScriptedStream:
        return ScriptedStream(self.lines)


async def segment(inbound: InboundAudio, out: asyncio.Queue[bytes], quiet_ms: int = 1000) -> None:
    """Put each of the callee's utterances on ``out`` (energy endpointing).

    1 s of quiet ends one: Piper can pause over 600 ms after a one-word sentence ("No.").
    """
    current: list[bytes] = []
    speech = quiet = 0
    async for frame in inbound:
        if loud(frame.pcm):
            speech += 20
            quiet = 0
            current.append(frame.pcm)
        elif speech:
            quiet += 20
            current.append(frame.pcm)
            if quiet >= quiet_ms:
                if speech >= 200:
                    out.put_nowait(b"".join(current))
                current, speech, quiet = [], 0, 0


@dataclass
class ScriptedBot:
    """Says each turn, then waits for the callee's reply (or ``reply_timeout_s``)."""

    turns: Sequence[Audio]
    reply_timeout_s: float = 8.0
    hangup_wait_s: float = 20.0
    replies: list[bytes] = field(default_factory=list)
    sessions: list[CallSession] = field(default_factory=list)
    caller_hung_up: bool = False
    finished: asyncio.Event = field(default_factory=asyncio.Event)

    async def __call__(self, session: CallSession) -> None:
        try:
            await self._run(session)
        finally:
            self.finished.set()

    async def _run(self, session: CallSession) -> None:
        self.sessions.append(session)
        async with asyncio.timeout(10):
            await session.wait_connected()
            inbound = await session.inbound()
        replies: asyncio.Queue[bytes] = asyncio.Queue()
        listener = asyncio.get_running_loop().create_task(segment(inbound, replies))
        try:
            await self._reply(replies, listener, within_s=3.0)  # the callee's "Hello?"
            for turn in self.turns:
                if listener.done():
                    break
                await session.play(turn.pcm, turn.sample_rate).wait()
                while not replies.empty():  # a late greeting is not the answer to this turn
                    replies.get_nowait()
                await self._reply(replies, listener, within_s=self.reply_timeout_s)
            # Wait for the callee to hang up (its audio ends); generous for a loaded machine.
            await asyncio.wait({listener}, timeout=self.hangup_wait_s)
            self.caller_hung_up = listener.done()
        finally:
            listener.cancel()
            await asyncio.wait({listener})

    async def _reply(
        self, replies: asyncio.Queue[bytes], listener: asyncio.Task[None], *, within_s: float
    ) -> None:
        """Wait for the next reply; give up after ``within_s`` or when the callee hung up."""
        get = asyncio.ensure_future(replies.get())
        done, _ = await asyncio.wait(
            {get, listener}, timeout=within_s, return_when="FIRST_COMPLETED"
        )
        if get in done:
            self.replies.append(get.result())
        else:
            get.cancel()


async def serve(bot: ScriptedBot) -> tuple[SignallingServer, str]:
    server = SignallingServer(bot)
    return server, await server.start()


async def finish(bot: ScriptedBot, server: SignallingServer) -> None:
    """Let the bot's handler see the hang-up, then stop the server."""
    try:
        async with asyncio.timeout(30):
            await bot.finished.wait()
    finally:
        await server.stop()
