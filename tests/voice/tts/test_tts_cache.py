"""The render-ahead cache: keys, hits/misses per call view, fallback-aware look-ups."""

from __future__ import annotations

import asyncio
from pathlib import Path

from tests.voice.tts.counting import CountingTTS
from voice.audio import read_wav
from voice.tts import EdgeTTS, EspeakTTS, FallbackTTS, TTSCache, cache_key


def names(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


async def test_miss_then_hit_and_per_call_counters(tmp_path: Path) -> None:
    engine = CountingTTS(EspeakTTS())
    cache = TTSCache(tmp_path, engine)
    first = await cache.get_or_render("您好，请问是王芳女士吗？", "zh")
    assert (cache.hits, cache.misses) == (0, 1)
    key = cache_key("espeak", "cmn-latn-pinyin", "您好，请问是王芳女士吗？")
    assert names(tmp_path) == [f"{key}.wav"]
    assert read_wav(tmp_path / f"{key}.wav") == first

    call = cache.for_call()
    again = await call.get_or_render("您好，请问是王芳女士吗？", "zh")
    assert again == first
    assert (call.hits, call.misses) == (1, 0)
    assert (cache.hits, cache.misses) == (0, 1)  # the view counts on its own
    assert engine.renders == ["您好，请问是王芳女士吗？"]

    await call.get_or_render("好的，谢谢。", "zh")
    assert (call.hits, call.misses, call.stats.hit_rate) == (1, 1, 0.5)


def test_key_covers_engine_voice_and_text() -> None:
    base = cache_key("espeak", "en-us", "Hello.")
    assert len(base) == 64
    assert (
        len(
            {
                base,
                cache_key("piper", "en-us", "Hello."),
                cache_key("espeak", "en-gb", "Hello."),
                cache_key("espeak", "en-us", "Hello"),
            }
        )
        == 4
    )


async def test_concurrent_misses_render_once(tmp_path: Path) -> None:
    engine = CountingTTS(EspeakTTS())
    cache = TTSCache(tmp_path, engine)
    views = [cache.for_call() for _ in range(3)]
    results = await asyncio.gather(
        *(v.get_or_render("The balance is 200 dollars.", "en") for v in views)
    )
    assert results[0] == results[1] == results[2]
    assert engine.renders == ["The balance is 200 dollars."]
    assert sum(v.misses for v in views) == 3


async def test_fallback_render_is_stored_under_the_engine_that_spoke(tmp_path: Path) -> None:
    # edge cannot be reached here; espeak renders and the file is keyed on espeak
    offline = CountingTTS(EspeakTTS())
    chain = FallbackTTS([EdgeTTS(connect_timeout=0.5), offline])
    cache = TTSCache(tmp_path, chain)
    await cache.get_or_render("Thank you for your time.", "en")
    key = cache_key("espeak", "en-us", "Thank you for your time.")
    assert names(tmp_path) == [f"{key}.wav"]
    # a later call (edge still first in the chain) finds the offline render: a hit
    call = cache.for_call()
    await call.get_or_render("Thank you for your time.", "en")
    assert (call.hits, call.misses) == (1, 0)
    assert offline.renders == ["Thank you for your time."]


async def test_prerender_reports_and_skips_cached_lines(tmp_path: Path) -> None:
    engine = CountingTTS(EspeakTTS())
    cache = TTSCache(tmp_path, engine)
    seen: list[tuple[str, bool]] = []
    lines = ["Hello.", "Goodbye.", "Hello.", "  "]
    report = await cache.prerender(
        lines, "en", on_line=lambda line, cached: seen.append((line, cached))
    )
    assert (report.rendered, report.cached, report.failed) == (2, 0, ())
    assert seen == [("Hello.", False), ("Goodbye.", False)]
    report = await cache.prerender(lines, "en")
    assert (report.rendered, report.cached) == (0, 2)
    assert engine.renders == ["Hello.", "Goodbye."]


async def test_a_damaged_file_is_rendered_again(tmp_path: Path) -> None:
    engine = CountingTTS(EspeakTTS())
    cache = TTSCache(tmp_path, engine)
    await cache.get_or_render("Hello.", "en")
    path = cache.find("Hello.", "en")
    assert path is not None
    path.write_bytes(b"RIFF broken")
    await cache.get_or_render("Hello.", "en")
    assert engine.renders == ["Hello.", "Hello."]
    assert (cache.hits, cache.misses) == (0, 2)


async def test_prerender_reports_failures(tmp_path: Path) -> None:
    cache = TTSCache(tmp_path, FallbackTTS([EspeakTTS(binary="/nonexistent/espeak-ng")]))
    report = await cache.prerender(["Hello."], "en")
    assert (report.rendered, report.cached) == (0, 0)
    assert len(report.failed) == 1
    assert report.failed[0].startswith("'Hello.': every TTS engine failed for locale 'en'")
    assert names(tmp_path) == []
