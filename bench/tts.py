"""TTS benchmark: real-time factors, time to first audio with edge-tts unreachable, cache.

Usage:
    .venv/bin/python bench/tts.py            # a table, then one JSON line

Measures, per engine and locale, the render time over the audio length (RTF, lower is
faster) on domain lines; the time until the first audio when edge-tts cannot be reached
(DNS failure, as here, and a proxy that accepts and never answers, which costs the whole
connect timeout) before the offline engine takes over; and a cache hit's read time.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from voice.tts import EdgeTTS, EspeakTTS, FallbackTTS, PiperTTS, TTSCache  # noqa: E402
from voice.tts.base import TTSEngine  # noqa: E402

LINES = {
    "en": [
        "Hello, this is Kind Call, calling on behalf of Northwind Bank.",
        "The balance is 240 dollars, and it was due on March 5.",
        "That's completely okay. We can set up a plan with smaller amounts.",
        "Thank you, I have noted your promise to pay 120 dollars on Friday.",
    ],
    "zh": [
        "您好，这里是北风银行的客服，请问是王芳女士吗？",
        "您目前的欠款是两千四百元，还款日是三月五号。",
        "没关系，我们可以为您安排分期，每个月少还一点。",
        "好的，已为您记录：周五还款一千二百元。谢谢您。",
    ],
}


async def rtf(engine: TTSEngine, locale: str) -> dict[str, object]:
    await engine.synthesize("Warm up.", locale=locale) if locale == "en" else None
    ratios, renders = [], []
    for line in LINES[locale]:
        start = time.perf_counter()
        audio = await engine.synthesize(line, locale=locale)
        took = time.perf_counter() - start
        ratios.append(took * 1000 / audio.duration_ms)
        renders.append(took)
    return {
        "engine": engine.name,
        "locale": locale,
        "rtf_median": round(statistics.median(ratios), 4),
        "render_s_median": round(statistics.median(renders), 3),
    }


async def first_audio(edge: EdgeTTS, offline: TTSEngine, locale: str) -> float:
    chain = FallbackTTS([edge, offline])
    start = time.perf_counter()
    rendered = await chain.render(LINES[locale][0], locale=locale)
    assert rendered.engine is offline and rendered.failures
    return round(time.perf_counter() - start, 3)


async def stalling_proxy() -> tuple[asyncio.Server, str, list[asyncio.StreamWriter]]:
    held: list[asyncio.StreamWriter] = []

    async def hold(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        held.append(writer)

    server = await asyncio.start_server(hold, "127.0.0.1", 0)
    return server, f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}", held


async def main() -> None:
    load = os.getloadavg()[0]
    piper, espeak = PiperTTS(), EspeakTTS()
    rows = [await rtf(piper, "en"), await rtf(espeak, "en"), await rtf(espeak, "zh")]
    server, proxy, held = await stalling_proxy()
    fallback = {
        "dns_fail_then_piper_s": await first_audio(EdgeTTS(), piper, "en"),
        "dns_fail_then_espeak_zh_s": await first_audio(EdgeTTS(), espeak, "zh"),
        "stall_1.5s_then_piper_s": await first_audio(EdgeTTS(proxy=proxy), piper, "en"),
        "stall_1.5s_then_espeak_zh_s": await first_audio(EdgeTTS(proxy=proxy), espeak, "zh"),
    }
    for writer in held:
        writer.close()
    server.close()
    await server.wait_closed()
    with tempfile.TemporaryDirectory() as tmp:
        cache = TTSCache(Path(tmp), piper)
        await cache.get_or_render(LINES["en"][1], "en")
        start = time.perf_counter()
        for _ in range(20):
            await cache.get_or_render(LINES["en"][1], "en")
        hit_ms = round((time.perf_counter() - start) * 1000 / 20, 2)
    print(f"{'engine':8} {'loc':3} {'RTF':>7} {'render s':>8}")
    for row in rows:
        print(
            f"{row['engine']:8} {row['locale']:3} {row['rtf_median']:>7} "
            f"{row['render_s_median']:>8}"
        )
    for name, seconds in fallback.items():
        print(f"first audio, {name.replace('_', ' ')}: {seconds}")
    print(f"cache hit: {hit_ms} ms")
    print(
        json.dumps(
            {
                "bench": "tts",
                "load1": load,
                "rtf": rows,
                "fallback_first_audio": fallback,
                "cache_hit_ms": hit_ms,
            }
        )
    )


if __name__ == "__main__":
    asyncio.run(main())
