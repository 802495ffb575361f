"""edge-tts unreachable → the offline engine speaks; edge raised TTSError."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import TTSError
from voice.tts import EdgeTTS, EspeakTTS, FallbackTTS, PiperTTS, default_engine


async def test_edge_through_a_stalling_endpoint_times_out(stalling_proxy: str) -> None:
    edge = EdgeTTS(connect_timeout=0.5, proxy=stalling_proxy)
    with pytest.raises(TTSError, match=r"edge-tts gave no first audio within 0.5 s"):
        await edge.synthesize("The balance is 200 dollars.", locale="en")


async def test_edge_without_network_raises_tts_error() -> None:
    # There is no route to Microsoft's service here: DNS fails at once.
    with pytest.raises(TTSError, match="edge-tts"):
        await EdgeTTS().synthesize("你好", locale="zh")


async def test_fallback_speaks_when_edge_is_unreachable(stalling_proxy: str) -> None:
    espeak = EspeakTTS()
    chain = FallbackTTS([EdgeTTS(connect_timeout=0.5, proxy=stalling_proxy), espeak])
    rendered = await chain.render("您好，我是客服小李。", locale="zh")
    assert rendered.engine is espeak
    assert rendered.audio.sample_rate == 22050
    assert rendered.audio.duration_ms > 1000
    assert len(rendered.failures) == 1
    assert rendered.failures[0].startswith("edge: edge-tts gave no first audio within 0.5 s")
    assert chain.last_failures == rendered.failures


async def test_fallback_skips_engines_without_the_locale() -> None:
    piper, espeak = PiperTTS(), EspeakTTS()
    chain = FallbackTTS([piper, espeak])
    assert chain.engines_for("zh") == [espeak]
    assert chain.voice_for("en") == f"piper:{piper.voice_for('en')}"
    rendered = await chain.render("我下周五还五百块。", locale="zh")
    assert rendered.engine is espeak and rendered.failures == ()


async def test_every_engine_failing_is_one_clear_error() -> None:
    chain = FallbackTTS([EspeakTTS(binary="/nonexistent/espeak-ng")])
    with pytest.raises(
        TTSError, match=r"every TTS engine failed for locale 'en': espeak: cannot run"
    ):
        await chain.synthesize("hello", locale="en")


def test_default_chain(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KINDCALL_TTS_OFFLINE", raising=False)
    assert [e.name for e in default_engine("en-US").engines] == ["edge", "piper", "espeak"]
    assert [e.name for e in default_engine("zh").engines] == ["edge", "espeak"]
    monkeypatch.setenv("KINDCALL_TTS_OFFLINE", "1")
    assert [e.name for e in default_engine("en").engines] == ["piper", "espeak"]
    with pytest.raises(ValueError, match="unsupported locale 'fr'"):
        default_engine("fr")


async def test_a_failed_engine_rests_so_later_lines_do_not_wait_for_it(
    stalling_proxy: str,
) -> None:
    # offline with a network that swallows packets: edge-tts would cost its whole connect
    # timeout on every line; after one failure the chain goes straight to the offline voice
    now = [0.0]
    edge, espeak = EdgeTTS(connect_timeout=0.5, proxy=stalling_proxy), EspeakTTS()
    chain = FallbackTTS([edge, espeak], rest_s=60.0, clock=lambda: now[0])
    first = await chain.render("Hello.", locale="en")
    assert first.engine is espeak and len(first.failures) == 1
    assert chain.resting() == ["edge"]
    second = await chain.render("Thank you.", locale="en")
    # edge was not asked at all (asked, it would have failed again and been listed)
    assert second.engine is espeak and second.failures == ()
    now[0] = 61.0  # the rest is over: edge is tried first again
    assert chain.resting() == []
    third = await chain.render("Goodbye.", locale="en")
    assert third.failures[0].startswith("edge:")


async def test_a_resting_engine_is_still_tried_when_the_others_fail() -> None:
    espeak = EspeakTTS(binary="/nonexistent/espeak-ng")
    piper = PiperTTS(model_path=Path("/nonexistent/voice.onnx"))  # not installed at first
    chain = FallbackTTS([piper, espeak], clock=lambda: 0.0)
    fixed_piper = PiperTTS()
    with pytest.raises(TTSError):
        await chain.render("Hello.", locale="en")
    assert sorted(chain.resting()) == ["espeak", "piper"]
    chain.engines = (fixed_piper, espeak)  # piper installed; both still resting
    rendered = await chain.render("Hello.", locale="en")
    assert rendered.engine is fixed_piper
    assert chain.resting() == ["espeak"]
