"""A simulated callee that reads the bot's captions instead of transcribing its audio.

The bot side is the real :class:`AudioVoiceChannel` (it captions every line it says) over a
real aiortc call; only its ASR is scripted, the boundary fake of these tests.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.calls.ports import Heard
from bot.calls.voice_channel import AudioVoiceChannel
from tests.voice.sim.scripted import ScriptedASR
from voice.asr.base import ASRStream
from voice.sim import load_persona, run_callee
from voice.sim.process import CalleeProcess
from voice.transport import CallSession, SignallingServer
from voice.tts import PiperTTS, TTSCache

QUESTION = "Hello, this is Kay, an automated assistant. Am I speaking with Alex Morgan?"
GOODBYE = "Thank you for your time. Goodbye."


class NoEars:
    """An ASR engine the captions callee must never open."""

    name = "none"
    locale = "en"

    async def load(self) -> None:
        raise AssertionError("a callee with captions ears loaded an ASR model")

    def new_stream(self) -> ASRStream:
        raise AssertionError("a callee with captions ears opened an ASR stream")


async def test_a_captions_callee_answers_the_bots_line_when_its_audio_ends(
    tmp_path: Path,
) -> None:
    bot_heard: list[Heard | None] = []
    done = asyncio.Event()

    async def bot(session: CallSession) -> None:
        # The bot's ASR "recognises" the callee's utterances by their audio's energy.
        asr = ScriptedASR(["Hello?", "Yes, speaking, that's me.", "Thank you, goodbye."])
        channel = AudioVoiceChannel(session, asr, cache, "en")
        try:
            async with asyncio.timeout(10):
                await session.wait_connected()
            await channel.start()
            # Generous waits: the callee renders its lines with Piper as it goes (seconds
            # for the first one on a loaded machine).
            bot_heard.append(await channel.listen(20.0))  # the callee's "Hello?"
            await channel.say(QUESTION)
            bot_heard.append(await channel.listen(20.0))
            await channel.say(GOODBYE)
            async with asyncio.timeout(10):
                await session.closed.wait()  # the callee hangs up after its farewell
        finally:
            await channel.hang_up()
            done.set()

    # Rendered ahead as the demo does: a line that is not cached plays sentence by sentence,
    # and on a loaded machine (the callee renders with Piper in this process too) the second
    # sentence can come after a pause that this test would take for the end of the turn.
    cache = TTSCache(tmp_path / "tts", PiperTTS())
    for line in (QUESTION, GOODBYE):
        await cache.get_or_render(line, "en")
    server = SignallingServer(bot)
    base = await server.start()
    try:
        result = await run_callee(
            load_persona("cooperative_promise", "en"),
            f"{base}/calls/sim-captions/offer",
            tts=PiperTTS(),
            asr=NoEars(),
            ears="captions",
        )
        async with asyncio.timeout(15):
            await done.wait()
    finally:
        await server.stop()
    assert (result.answered, result.ended_by) == (True, "callee")
    assert result.heard == [QUESTION, GOODBYE]
    assert result.said == ["Hello?", "Yes, speaking, that's me.", "Thank you, goodbye."]
    # The bot heard the answer as audio through its own (scripted) ASR.
    assert [h.text if h else None for h in bot_heard] == ["Hello?", "Yes, speaking, that's me."]
    # A line counts as heard when its audio has gone quiet for 700 ms, not when its caption
    # arrived (ahead of the audio): after the onset of the bot's turn by more than the turn.
    events = {(e.kind, e.text): e for e in result.events}
    onset = next(e for e in result.events if e.kind == "bot_started" and e.text == "1")
    heard = events["heard", QUESTION]
    # the audio the bot played (Piper's durations vary from one rendering to the next)
    played = await cache.lookup(QUESTION, "en")
    assert played is not None
    question_ms = played.duration_ms
    assert heard.at_ms - onset.at_ms >= question_ms - 300 + 700, (heard, onset, question_ms)
    assert events["said", "Yes, speaking, that's me."].at_ms > heard.at_ms


async def test_unknown_ears_are_refused() -> None:
    with pytest.raises(ValueError, match='ears must be "whisper" or "captions", got \'vosk\''):
        await run_callee(
            load_persona("cooperative_promise", "en"),
            "http://127.0.0.1:9/calls/never/offer",
            tts=PiperTTS(),
            ears="vosk",  # type: ignore[arg-type]
        )


def test_a_callee_process_refuses_unknown_ears_before_starting() -> None:
    with pytest.raises(ValueError, match='ears must be "whisper" or "captions", got \'vosk\''):
        CalleeProcess("en", ears="vosk")  # type: ignore[arg-type]
