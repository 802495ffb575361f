"""Simulated callees over real aiortc calls, speaking with real TTS."""

from __future__ import annotations

import asyncio

import pytest

from tests.voice.sim.scripted import ScriptedASR, ScriptedBot, finish, serve
from voice.sim import load_persona, run_callee
from voice.tts import EspeakTTS, PiperTTS
from voice.tts.base import Audio

EN_TURNS = [
    "Hello, this is Kay, an automated assistant. This call is recorded for quality and "
    "compliance. Am I speaking with Alex Morgan?",
    "Thank you. I'm calling on behalf of Acme Bank about your balance of two hundred dollars. "
    "Would you be able to make a payment?",
    "Thank you, I've noted that. Thank you for your time. Goodbye.",
]


async def render(texts: list[str], locale: str) -> list[Audio]:
    engine = PiperTTS() if locale == "en" else EspeakTTS()
    return [await engine.synthesize(text, locale=locale) for text in texts]


async def test_cooperative_callee_answers_each_turn_and_hangs_up() -> None:
    bot = ScriptedBot(await render(EN_TURNS, "en"))
    server, base = await serve(bot)
    try:
        result = await run_callee(
            load_persona("cooperative_promise", "en"),
            f"{base}/calls/sim-coop/offer",
            tts=PiperTTS(),
            asr=ScriptedASR(EN_TURNS),
        )
    finally:
        await finish(bot, server)
    assert (result.answered, result.ended_by) == (True, "callee")
    assert result.heard == EN_TURNS
    assert result.said == [
        "Hello?",
        "Yes, speaking, that's me.",
        "Yes, I can pay two hundred dollars on Friday.",
        "Thank you, goodbye.",
    ]
    # Hearing and answering alternate; a bot onset is dated by audio and may land either
    # side of the previous "heard" (ASR finals arrive late on a loaded machine).
    kinds = [e.kind for e in result.events if e.kind != "bot_started"]
    assert kinds == ["said", "heard", "said", "heard", "said", "heard", "said", "hung_up"]
    assert sum(e.kind == "bot_started" for e in result.events) >= 3
    # The bot heard the greeting and the two answers as separate utterances (the farewell is
    # cut by the hang-up 300 ms after it), then the line closed.
    assert len(bot.replies) == 3
    assert bot.caller_hung_up


async def test_refusal_interrupts_the_bots_third_turn() -> None:
    turns = [
        EN_TURNS[0],
        "Thank you. Would you be able to make a payment?",
        "I understand. We could also spread the balance over smaller monthly payments, or "
        "move the date to one that suits you better, and there are several other options.",
    ]
    bot = ScriptedBot(await render(turns, "en"), reply_timeout_s=4)
    server, base = await serve(bot)
    persona = load_persona("refusal", "en")
    try:
        result = await run_callee(
            persona,
            f"{base}/calls/sim-refuse/offer",
            tts=PiperTTS(),
            asr=ScriptedASR(turns),
        )
    finally:
        await finish(bot, server)
    third = next(e for e in result.events if e.kind == "bot_started" and e.text == "3")
    interrupted = next(e for e in result.events if e.kind == "interrupted")
    assert interrupted.text == "I already told you, I'm not paying."
    # Spoken 1.5 s into the bot's third turn by audio time (the margin absorbs a loaded
    # event loop), while that turn still had seconds to go.
    assert 1400 <= interrupted.at_ms - third.at_ms <= 1800
    assert bot.turns[2].duration_ms > 4000
    assert result.said[:3] == [
        "Yeah, hello?",
        "Yes. What do you want?",
        "No. I'm not paying this and I don't want to talk about it.",
    ]


async def test_silent_callee_says_nothing_until_the_bot_hangs_up() -> None:
    bot = ScriptedBot(await render([EN_TURNS[0]], "en"), reply_timeout_s=1.0, hangup_wait_s=0.5)
    server, base = await serve(bot)
    try:
        result = await run_callee(
            load_persona("silent", "en"),
            f"{base}/calls/sim-silent/offer",
            tts=PiperTTS(),
            asr=ScriptedASR([EN_TURNS[0]]),
        )
    finally:
        await finish(bot, server)
    assert (result.answered, result.ended_by, result.said) == (True, "bot", [])
    assert result.heard == [EN_TURNS[0]]
    assert bot.replies == []
    assert bot.caller_hung_up is False


async def test_no_answer_never_connects() -> None:
    result = await run_callee(
        load_persona("no_answer", "zh"),
        "http://127.0.0.1:9/calls/never/offer",
        tts=EspeakTTS(),
        hear=False,
    )
    assert (result.answered, result.ended_by, result.events) == (False, "no_answer", ())


async def test_mandarin_wrong_number_speaks_espeak_and_hangs_up() -> None:
    turns = [
        "您好，我是智能客服小凯。本次通话会被录音。请问是王明本人吗？",
        "不好意思打扰您了，再见。",
    ]
    bot = ScriptedBot(await render(turns, "zh"))
    server, base = await serve(bot)
    try:
        result = await run_callee(
            load_persona("wrong_number", "zh"),
            f"{base}/calls/sim-zh/offer",
            tts=EspeakTTS(),
            asr=ScriptedASR(turns, locale="zh"),
        )
    finally:
        await finish(bot, server)
    assert result.said == ["喂？", "不是，这里没有这个人，你打错了。", "好，再见。"]
    assert result.ended_by == "callee"


@pytest.mark.slow
async def test_real_whisper_both_ways() -> None:
    """The callee hears the bot through Whisper, and the bot hears the callee through Whisper."""
    from voice.asr import WhisperASR

    asr = WhisperASR("en")
    turns = ["Am I speaking with Alex Morgan?"]
    bot = ScriptedBot(await render(turns, "en"), reply_timeout_s=30)
    server, base = await serve(bot)
    try:
        result = await run_callee(
            load_persona("cooperative_promise", "en"),
            f"{base}/calls/sim-whisper/offer",
            tts=PiperTTS(),
            asr=asr,
        )
    finally:
        await finish(bot, server)
    assert any("speaking with alex" in heard.lower() for heard in result.heard), result.heard
    assert result.said[:2] == ["Hello?", "Yes, speaking, that's me."]
    # The bot side transcribes the callee's answer (its second utterance) with Whisper too.
    answer = bot.replies[1]
    heard_by_bot = (await asr.transcribe(answer)).text.lower()
    assert "speaking" in heard_by_bot and "me" in heard_by_bot, heard_by_bot
    await asyncio.sleep(0)
