"""The Vosk adapter's mechanics with the real vosk library and the Korean model package."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.errors import ASRError
from voice.asr import ASRResult, VoskASR
from voice.audio import frames, silence

LEAD_MS = 300


async def feed_all(stream, pcm: bytes) -> list[ASRResult]:
    results: list[ASRResult] = []
    for frame in frames(pcm):
        results += await stream.feed(frame)
    return results


async def test_partials_then_one_final_on_endpoint(ko_model: Path, ko_speech: bytes) -> None:
    stream = VoskASR(ko_model, "ko").new_stream()
    speech_end_ms = LEAD_MS + len(ko_speech) // 32
    results = await feed_all(stream, silence(LEAD_MS) + ko_speech + silence(1500))
    finals = [r for r in results if r.is_final]
    assert len(finals) == 1
    final = finals[0]
    assert final.text
    # first the VAD's empty partial (barge-in), then Vosk's word hypotheses, then the final
    start = results[0]
    assert (start.text, start.is_final, start.confidence) == ("", False, 1.0)
    assert LEAD_MS - 32 <= start.start_ms <= LEAD_MS + 200  # 32 ms VAD windows
    assert start.end_ms - start.start_ms <= 200
    partials = [r for r in results[1:] if not r.is_final]
    assert partials, "no partial before the final"
    assert results.index(partials[0]) < results.index(final)
    assert all(p.text for p in partials)
    # consecutive partials differ (unchanged hypotheses are not repeated)
    assert all(a.text != b.text for a, b in zip(partials, partials[1:], strict=False))
    # the last partial's words are what the final settles on, give or take the tail
    assert final.text.split()[0] == partials[-1].text.split()[0]
    assert LEAD_MS - 100 <= final.start_ms < final.end_ms <= speech_end_ms + 100
    assert 0.0 < final.confidence <= 1.0
    assert await stream.flush() is None  # nothing left after the endpoint
    await stream.close()


async def test_flush_ends_the_utterance(ko_model: Path, ko_speech: bytes) -> None:
    stream = VoskASR(ko_model, "ko", speech_start_partials=False).new_stream()
    results = await feed_all(stream, ko_speech)
    assert not [r for r in results if r.is_final]
    assert all(r.text for r in results)  # no VAD partial when switched off
    final = await stream.flush()
    assert final is not None and final.is_final and final.text
    assert final.end_ms <= stream.position_ms
    assert await stream.flush() is None
    await stream.close()


async def test_the_loop_keeps_running_while_vosk_decodes(ko_model: Path, ko_speech: bytes) -> None:
    engine = VoskASR(ko_model, "ko")
    await engine.load()
    stream = engine.new_stream()
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0)

    task = asyncio.create_task(ticker())
    try:
        gaps = []
        # whole seconds of audio per feed: each call takes the recogniser many milliseconds
        for start in range(0, len(ko_speech) - 32_000, 32_000):
            before = ticks
            await stream.feed(ko_speech[start : start + 32_000])
            gaps.append(ticks - before)
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
    assert len(gaps) >= 3
    # a blocking call would let the ticker run at most once per feed
    assert min(gaps) >= 5, gaps
    await stream.close()


async def test_each_call_has_its_own_recogniser(ko_model: Path, ko_speech: bytes) -> None:
    engine = VoskASR(ko_model, "ko")
    talker, quiet = engine.new_stream(), engine.new_stream()
    audio = silence(LEAD_MS) + ko_speech + silence(1500)
    quiet_audio = silence(len(audio) // 32)
    talk_results, quiet_results = await asyncio.gather(
        feed_all(talker, audio), feed_all(quiet, quiet_audio)
    )
    assert [r for r in talk_results if r.is_final]
    assert quiet_results == []
    assert await quiet.flush() is None
    # one shared model per directory, per process
    assert VoskASR(ko_model, "ko").model() is engine.model()
    await talker.close()
    await quiet.close()


async def test_closed_stream_and_bad_input(ko_model: Path) -> None:
    stream = VoskASR(ko_model, "ko").new_stream()
    with pytest.raises(ASRError, match="whole 16-bit samples, got 3 bytes"):
        await stream.feed(b"\0\0\0")
    await stream.close()
    with pytest.raises(ASRError, match="closed Vosk stream"):
        await stream.feed(silence(20))


def test_not_a_model_directory(tmp_path: Path) -> None:
    with pytest.raises(ASRError, match="is not a Vosk model directory"):
        VoskASR(tmp_path, "zh")
