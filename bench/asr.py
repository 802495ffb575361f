"""ASR benchmark: Whisper base accuracy and timing on synthesised domain speech, VAD sweep.

Usage:
    .venv/bin/python bench/asr.py                       # en (Piper) + zh (Baker voice)
    .venv/bin/python bench/asr.py --locale zh --zh-voice espeak --zh-wpm 130
    .venv/bin/python bench/asr.py --sweep-vad           # end-of-turn silence sweep
    .venv/bin/python bench/asr.py --realtime            # feed at 20 ms per frame
    .venv/bin/python bench/asr.py --full-window         # Whisper's fixed 30 s encoder window
    .venv/bin/python bench/asr.py --sweep-early         # early end of finished-sounding turns
    .venv/bin/python bench/asr.py --sweep-onset         # barge-in onset delay vs noises
    .venv/bin/python bench/asr.py --batch               # batched Whisper passes vs one by one

Every sentence of bench/asr_sentences.yml is synthesised (Piper for English; for Mandarin
the Baker FastSpeech2 voice, or espeak-ng ``cmn-latn-pinyin`` with ``--zh-voice espeak``),
resampled to 16 kHz, framed at 20 ms with silence around it and fed through the real
``WhisperASR`` stream (Silero VAD segmentation included). It prints a table and a JSON line:
word accuracy (en), character accuracy (zh), Whisper pass time, and with ``--realtime`` the
delay from the end of the speech to the final result.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from voice.asr.scoring import accuracy  # noqa: E402
from voice.asr.whisper_asr import WhisperASR  # noqa: E402
from voice.audio import frames, resample, silence  # noqa: E402
from voice.tts import BakerTTS, EspeakTTS, PiperTTS  # noqa: E402
from voice.tts.base import TTSEngine  # noqa: E402
from voice.vad import TurnDetector, TurnEventKind  # noqa: E402

SENTENCES = ROOT / "bench" / "asr_sentences.yml"


@dataclass
class Row:
    locale: str
    reference: str
    hypothesis: str
    errors: int
    length: int
    confidence: float
    whisper_s: float
    final_after_speech_s: float | None


async def speech16k(engine: TTSEngine, text: str, locale: str) -> bytes:
    audio = await engine.synthesize(text, locale=locale)
    return resample(audio.pcm, audio.sample_rate, 16_000)


async def run_locale(
    locale: str, engine: TTSEngine, realtime: bool, *, full_window: bool = False
) -> list[Row]:
    asr = WhisperASR(locale, short_window=not full_window)
    await asr.load()
    rows: list[Row] = []
    for text in yaml.safe_load(SENTENCES.read_text(encoding="utf-8"))[locale]:
        speech = await speech16k(engine, text, locale)
        audio = silence(400) + speech + silence(1500)
        speech_end_ms = 400 + len(speech) // 32
        stream = asr.new_stream()
        finals = []
        final_at: float | None = None
        speech_end_wall: float | None = None
        started = time.perf_counter()
        for position, frame in enumerate(frames(audio)):
            if realtime:
                await asyncio.sleep(max(0.0, started + position * 0.02 - time.perf_counter()))
            if speech_end_wall is None and position * 20 >= speech_end_ms:
                speech_end_wall = time.perf_counter()
            for result in await stream.feed(frame):
                if result.is_final:
                    finals.append(result)
                    final_at = final_at or time.perf_counter()
        last = await stream.flush()
        if last is not None:
            finals.append(last)
            final_at = final_at or time.perf_counter()
        await stream.close()
        hypothesis = ("" if locale == "zh" else " ").join(r.text for r in finals)
        errors, length = accuracy(text, hypothesis, locale)
        whisper_s = _timed_pass(asr, speech)
        after = None
        if realtime and final_at is not None and speech_end_wall is not None:
            after = round(final_at - speech_end_wall, 3)
        rows.append(
            Row(
                locale,
                text,
                hypothesis,
                errors,
                length,
                round(min((r.confidence for r in finals), default=0.0), 3),
                round(whisper_s, 3),
                after,
            )
        )
    return rows


def _timed_pass(asr: WhisperASR, speech: bytes) -> float:
    from voice.audio import s16le_to_float

    start = time.perf_counter()
    asr.transcribe_sync(s16le_to_float(speech))
    return time.perf_counter() - start


def report(rows: list[Row]) -> dict[str, object]:
    summary: dict[str, object] = {}
    for locale in sorted({r.locale for r in rows}):
        mine = [r for r in rows if r.locale == locale]
        errors = sum(r.errors for r in mine)
        length = sum(r.length for r in mine)
        whisper = sorted(r.whisper_s for r in mine)
        after = [r.final_after_speech_s for r in mine if r.final_after_speech_s is not None]
        summary[locale] = {
            "unit": "word" if locale == "en" else "char",
            "accuracy": round(1 - errors / length, 4),
            "sentences": len(mine),
            "exact": sum(1 for r in mine if r.errors == 0),
            "whisper_pass_s_median": whisper[len(whisper) // 2],
            "whisper_pass_s_max": whisper[-1],
            "final_after_speech_s_median": sorted(after)[len(after) // 2] if after else None,
        }
    return summary


def print_rows(rows: list[Row]) -> None:
    print(f"{'loc':3} {'err/len':>7} {'conf':>5} {'pass s':>6}  reference → hypothesis")
    for r in rows:
        print(
            f"{r.locale:3} {r.errors:>3}/{r.length:<3} {r.confidence:5.2f} {r.whisper_s:6.2f}  "
            f"{r.reference} → {r.hypothesis}"
        )


# --- end-of-turn sweep -------------------------------------------------------------------

SWEEP_TURNS = {
    "en": [
        ["Well", "I think I can pay", "maybe two hundred dollars", "on Friday."],
        ["Sorry, who is this?", "I mean", "what is this about?"],
        ["I lost my job.", "It has been hard", "really hard, since March."],
        ["Let me check", "hold on", "yes, the fifteenth works for me."],
        ["No.", "Please stop calling.", "I said no."],
        ["I could do fifty", "or maybe", "sixty a month."],
        ["My wife handles the bills.", "She is not home", "call back tonight."],
        ["Okay.", "Okay, fine", "send me the details by mail."],
        ["I don't know", "I need to think about it", "can I call you back?"],
        ["Yes", "that is me", "what do you need?"],
        ["The thing is", "I already paid.", "Last week, I think."],
        ["Hmm", "let me see", "next Tuesday could work."],
    ],
    "zh": [
        ["嗯", "我想想", "下周五吧，还五百。"],
        ["你是哪位？", "我是说", "这是什么事？"],
        ["我失业了。", "最近很难", "真的很难。"],
        ["等一下", "我看看", "十五号可以。"],
        ["不要", "请不要再打了。", "我说了不要。"],
        ["我可以先还一百", "或者", "两百也行。"],
        ["钱是我老婆管的。", "她现在不在", "晚上再打吧。"],
        ["好吧", "好的", "你把材料寄给我。"],
        ["我不知道", "我要考虑一下", "回头再打给你。"],
        ["是我", "就是我", "有什么事？"],
        ["其实", "我已经还了", "上个星期吧。"],
        ["这个", "让我想想", "下周二应该可以。"],
    ],
}


def trim(pcm: bytes) -> bytes:
    """Cut the synthesiser's own leading/trailing silence: the bench sets every gap."""
    import numpy as np

    samples = np.frombuffer(pcm, dtype="<i2")
    loud = np.flatnonzero(np.abs(samples) > 300)
    return samples[loud[0] : loud[-1] + 1].tobytes() if len(loud) else pcm


async def multi_clause_turns(
    engines: dict[str, TTSEngine], rng: random.Random
) -> list[tuple[str, bytes, int]]:
    """:data:`SWEEP_TURNS` spoken with hesitation gaps: (locale, audio, speech end ms)."""
    turns = []
    for locale, items in SWEEP_TURNS.items():
        for clauses in items:
            audio = silence(500)
            for i, clause in enumerate(clauses):
                if i:
                    audio += silence(rng.choice([150, 200, 250, 300, 350, 400, 450]))
                audio += trim(await speech16k(engines[locale], clause, locale))
            turns.append((locale, audio + silence(1500), len(audio) // 32))
    return turns


async def sweep_vad(ends: list[int], seed: int) -> dict[str, object]:
    rng = random.Random(seed)
    engines: dict[str, TTSEngine] = {"en": PiperTTS(), "zh": EspeakTTS()}
    turns = [(locale, audio) for locale, audio, _ in await multi_clause_turns(engines, rng)]
    # Internal pauses as Silero sees them (pause_ms = one window, no end of turn).
    gaps: list[int] = []
    for _, audio in turns:
        detector = TurnDetector(end_silence_ms=10_000, pause_ms=32)
        pause_at: int | None = None
        for frame in frames(audio):
            for event in detector.feed(frame):
                if event.kind is TurnEventKind.PAUSE:
                    pause_at = event.at_ms
                elif event.kind is TurnEventKind.RESUME and pause_at is not None:
                    gaps.append(event.at_ms - pause_at)
    results = []
    for end in ends:
        split = 0
        delays: list[int] = []
        for _, audio in turns:
            detector = TurnDetector(end_silence_ms=end)
            ends_seen = []
            for frame in frames(audio):
                ends_seen += [e for e in detector.feed(frame) if e.kind is TurnEventKind.SPEECH_END]
            split += len(ends_seen) > 1
            if ends_seen:
                delays.append(ends_seen[-1].detected_ms - ends_seen[-1].at_ms)
        results.append(
            {
                "end_silence_ms": end,
                "turns_split": split,
                "turns": len(turns),
                "detect_delay_ms_median": sorted(delays)[len(delays) // 2],
            }
        )
    gaps.sort()
    return {
        "internal_pauses": len(gaps),
        "pause_ms_p50": gaps[len(gaps) // 2],
        "pause_ms_p90": gaps[int(len(gaps) * 0.9)],
        "pause_ms_max": gaps[-1],
        "sweep": results,
    }


async def _timed_finals(asr: WhisperASR, audio: bytes, speech_end_ms: int) -> tuple[int, int]:
    """Feed ``audio`` in real time; (finals, ms from the end of speech to the last final)."""
    stream = asr.new_stream()
    finals = 0
    last_at = 0.0
    started = time.perf_counter()
    for position, frame in enumerate(frames(audio)):
        await asyncio.sleep(max(0.0, started + position * 0.02 - time.perf_counter()))
        for result in await stream.feed(frame):
            if result.is_final:
                finals += 1
                last_at = time.perf_counter()
    await stream.close()
    return finals, round((last_at - started) * 1000) - speech_end_ms


async def _gated(
    gate: asyncio.Semaphore, engines: dict[str, WhisperASR], case: tuple[str, str, bytes, int]
) -> tuple[str, str, int, int]:
    async with gate:
        finals, delay = await _timed_finals(engines[case[0]], case[2], case[3])
        return case[0], case[1], finals, delay


async def sweep_early(settings: list[int | None], seed: int) -> dict[str, object]:
    """Early end of turn: latency on finished sentences, false ends on multi-clause turns."""
    rng = random.Random(seed)
    engines: dict[str, TTSEngine] = {"en": PiperTTS(), "zh": BakerTTS()}
    turns = await multi_clause_turns(engines, rng)
    # (locale, kind, audio, speech end ms)
    cases = [(locale, "multi", audio, end) for locale, audio, end in turns]
    for locale in ("en", "zh"):
        for text in yaml.safe_load(SENTENCES.read_text(encoding="utf-8"))[locale]:
            speech = silence(500) + trim(await speech16k(engines[locale], text, locale))
            cases.append((locale, "single", speech + silence(1500), len(speech) // 32))
    await WhisperASR("en").load()
    results = []
    for early in settings:
        engines_asr = {loc: WhisperASR(loc, early_end_ms=early) for loc in ("en", "zh")}
        gate = asyncio.Semaphore(4)
        measured = await asyncio.gather(*(_gated(gate, engines_asr, c) for c in cases))
        row: dict[str, object] = {"early_end_ms": early}
        for locale in ("en", "zh"):
            multi = [m for m in measured if m[0] == locale and m[1] == "multi"]
            single = [m for m in measured if m[0] == locale and m[1] == "single"]
            delays = sorted(m[3] for m in single if m[2])
            row[locale] = {
                "multi_split": sum(m[2] > 1 for m in multi),
                "multi": len(multi),
                "single_split": sum(m[2] > 1 for m in single),
                "single_delay_ms_p50": delays[len(delays) // 2] if delays else None,
                "single_delay_ms_max": delays[-1] if delays else None,
            }
        results.append(row)
        print(json.dumps(row), flush=True)
    return {"sweep_early": results}


def _noises(rng: random.Random) -> dict[str, bytes]:
    """Non-speech sounds a line carries: bursts, clicks, hum, a tone, breath-like hiss."""
    sr = 16_000
    t = np.arange(sr) / sr

    def pcm(x: npt.NDArray[np.float64]) -> bytes:
        return bytes((np.clip(x, -1, 1) * 32767).astype("<i2").tobytes())

    white = np.array([rng.gauss(0, 1) for _ in range(sr)])
    decay = np.exp(-np.arange(sr) / (0.05 * sr))
    breath = np.convolve(white, np.ones(40) / 40, mode="same")
    return {
        "white burst 100 ms": pcm(0.2 * white[: sr // 10]),
        "white burst 300 ms": pcm(0.1 * white[: sr * 3 // 10]),
        "cough-like decaying burst": pcm(0.5 * white[: sr // 4] * decay[: sr // 4]),
        "click": pcm(np.concatenate([[0.9, -0.9, 0.5], np.zeros(317)])),
        "breath-like hiss 400 ms": pcm(0.15 * breath[: sr * 4 // 10]),
        "50 Hz hum 500 ms": pcm(0.3 * np.sin(2 * np.pi * 50 * t[: sr // 2])),
        "dial tone 400 ms": pcm(0.2 * np.sin(2 * np.pi * 425 * t[: sr * 4 // 10])),
        "key beep 100 ms": pcm(0.3 * np.sin(2 * np.pi * 1209 * t[: sr // 10])),
    }


async def sweep_onset(settings: list[int], seed: int) -> dict[str, object]:
    """Barge-in: how soon speech starts a turn, and how often a noise does, by min_speech."""
    rng = random.Random(seed)
    speech: list[bytes] = []
    for locale, engine in (("en", PiperTTS()), ("zh", BakerTTS())):
        for text in yaml.safe_load(SENTENCES.read_text(encoding="utf-8"))[locale]:
            speech.append(trim(await speech16k(engine, text, locale)))
    noises = _noises(rng)
    results = []
    for min_speech in settings:
        delays: list[int] = []
        for clip in speech:
            lead = rng.choice([300, 420, 540])  # onsets at different points of a window
            detector = TurnDetector(min_speech_ms=min_speech)
            fed = 0
            for frame in frames(silence(lead) + clip + silence(600)):
                fed += 20
                if any(e.kind is TurnEventKind.SPEECH_START for e in detector.feed(frame)):
                    delays.append(fed - lead)
                    break
        false_starts = []
        for name, noise in noises.items():
            detector = TurnDetector(min_speech_ms=min_speech)
            events = [
                e
                for frame in frames(silence(500) + noise + silence(800))
                for e in detector.feed(frame)
                if e.kind is TurnEventKind.SPEECH_START
            ]
            if events:
                false_starts.append(name)
        delays.sort()
        row = {
            "min_speech_ms": min_speech,
            "speech_clips": len(speech),
            "missed": len(speech) - len(delays),
            "onset_to_start_ms_p50": delays[len(delays) // 2],
            "onset_to_start_ms_p90": delays[int(len(delays) * 0.9)],
            "onset_to_start_ms_max": delays[-1],
            "noises": len(noises),
            "false_starts": false_starts,
        }
        results.append(row)
        print(json.dumps(row), flush=True)
    return {"sweep_onset": results}


# --- batched passes ----------------------------------------------------------------------

BATCH_SIZES = (1, 2, 4, 6)


def _finish(text: str, locale: str) -> str:
    """The text ``WhisperASR.transcribe_sync`` would return for a window pass's output."""
    from voice.asr.whisper_asr import collapse_repeats, to_simplified

    return collapse_repeats(to_simplified(text) if locale == "zh" else text.strip())


async def bench_batch(sizes: tuple[int, ...], rounds: int) -> dict[str, object]:
    """Throughput of one batched Whisper pass over ``n`` utterances vs ``n`` single passes.

    Each utterance is what the bot's pass at a pause sees (200 ms before the speech, 300 ms
    after). For every batch size the sentences of a locale are cut into groups of that size;
    each group is timed both ways, the order alternating from group to group and round to
    round so that the machine's other load weighs on both alike. Wall time is what a call
    waits; the process's CPU time is less sensitive to what else the machine runs.
    """
    from voice.asr.whisper_asr import ZH_PROMPT, max_tokens_for
    from voice.asr.whisper_model import default_cpu_threads, shared_whisper_model
    from voice.asr.whisper_window import transcribe_window, transcribe_windows
    from voice.audio import s16le_to_float

    threads = default_cpu_threads()
    model = shared_whisper_model(threads)
    engines: dict[str, TTSEngine] = {"en": PiperTTS(), "zh": BakerTTS()}
    texts = yaml.safe_load(SENTENCES.read_text(encoding="utf-8"))
    rows: list[dict[str, object]] = []
    flip = False
    for locale in ("en", "zh"):
        prompt = ZH_PROMPT if locale == "zh" else None
        clips = []
        for text in texts[locale]:
            pcm = silence(200) + trim(await speech16k(engines[locale], text, locale)) + silence(300)
            clips.append(s16le_to_float(pcm))
        caps = [max_tokens_for(len(c) * 1000 // 16_000) for c in clips]
        transcribe_window(model, clips[0], language=locale, max_new_tokens=caps[0])  # warm-up
        for size in sizes:
            groups = [list(range(i, min(i + size, len(clips)))) for i in range(0, len(clips), size)]
            single_s = batch_s = single_cpu = batch_cpu = 0.0
            single_text: dict[int, str] = {}
            batch_text: dict[int, str] = {}
            for _ in range(rounds):
                for group in groups:
                    flip = not flip
                    for mode in ("single", "batch") if flip else ("batch", "single"):
                        start = time.perf_counter()
                        cpu = time.process_time()
                        if mode == "single":
                            for i in group:
                                one = transcribe_window(
                                    model,
                                    clips[i],
                                    language=locale,
                                    max_new_tokens=caps[i],
                                    initial_prompt=prompt,
                                )
                                single_text[i] = _finish(one.text, locale)
                            single_s += time.perf_counter() - start
                            single_cpu += time.process_time() - cpu
                        else:
                            many = transcribe_windows(
                                model,
                                [clips[i] for i in group],
                                language=locale,
                                max_new_tokens=[caps[i] for i in group],
                                initial_prompt=prompt,
                            )
                            batch_s += time.perf_counter() - start
                            batch_cpu += time.process_time() - cpu
                            for i, one in zip(group, many, strict=True):
                                batch_text[i] = _finish(one.text, locale)
            passes = rounds * len(clips)
            scores = {}
            for name, got in (("single", single_text), ("batch", batch_text)):
                errors = length = 0
                for i, text in enumerate(texts[locale]):
                    e, n = accuracy(text, got[i], locale)
                    errors, length = errors + e, length + n
                scores[name] = round(1 - errors / length, 4)
            row: dict[str, object] = {
                "locale": locale,
                "batch": size,
                "passes": passes,
                "single_ms_per_pass": round(single_s * 1000 / passes),
                "batch_ms_per_pass": round(batch_s * 1000 / passes),
                "speedup": round(single_s / batch_s, 2),
                "single_cpu_ms_per_pass": round(single_cpu * 1000 / passes),
                "batch_cpu_ms_per_pass": round(batch_cpu * 1000 / passes),
                "cpu_speedup": round(single_cpu / batch_cpu, 2),
                "single_accuracy": scores["single"],
                "batch_accuracy": scores["batch"],
                "same_text": sum(single_text[i] == batch_text[i] for i in range(len(clips))),
                "sentences": len(clips),
                "load1": round(os.getloadavg()[0], 2),
                "differences": [
                    [single_text[i], batch_text[i]]
                    for i in range(len(clips))
                    if single_text[i] != batch_text[i]
                ],
            }
            rows.append(row)
            print(json.dumps(row, ensure_ascii=False), flush=True)
    return {"threads": threads, "rounds": rounds, "batch_rows": rows}


def print_batch(rows: list[dict[str, object]]) -> None:
    print(
        f"{'loc':3} {'batch':>5} {'single ms':>9} {'batch ms':>8} {'speedup':>7} "
        f"{'cpu speedup':>11} {'acc single':>10} {'acc batch':>9} {'same':>5} {'load1':>5}"
    )
    for r in rows:
        print(
            f"{r['locale']:3} {r['batch']:>5} {r['single_ms_per_pass']:>9} "
            f"{r['batch_ms_per_pass']:>8} {r['speedup']:>7} {r['cpu_speedup']:>11} "
            f"{r['single_accuracy']:>10} "
            f"{r['batch_accuracy']:>9} {r['same_text']:>2}/{r['sentences']:<2} {r['load1']:>5}"
        )


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--locale", choices=["en", "zh", "all"], default="all")
    parser.add_argument("--zh-wpm", type=int, default=160, help="espeak-ng rate for Mandarin")
    parser.add_argument(
        "--zh-voice",
        choices=["baker", "espeak"],
        default="baker",
        help="Mandarin voice: baker (natural, FastSpeech2) or espeak (robotic)",
    )
    parser.add_argument("--realtime", action="store_true", help="feed one frame per 20 ms")
    parser.add_argument("--sweep-vad", action="store_true", help="end-of-turn silence sweep")
    parser.add_argument(
        "--sweep-onset",
        action="store_true",
        help="barge-in: speech onset to turn start, and noises taken for speech, by min_speech",
    )
    parser.add_argument(
        "--sweep-early",
        action="store_true",
        help="early end of a finished-sounding turn: latency and false ends, real time",
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--full-window",
        action="store_true",
        help="encode Whisper's fixed 30 s window (default: a window fitted to the utterance)",
    )
    parser.add_argument(
        "--batch",
        action="store_true",
        help="one batched Whisper pass over 1/2/4/6 utterances vs single passes, interleaved",
    )
    parser.add_argument("--rounds", type=int, default=2, help="--batch: timing rounds")
    args = parser.parse_args()
    load = os.getloadavg()[0]
    if args.batch:
        result = await bench_batch(BATCH_SIZES, args.rounds)
        print_batch(result["batch_rows"])  # type: ignore[arg-type]
        loads = os.getloadavg()
        print(
            f"load average at start {load:.2f}, at end {loads[0]:.2f} {loads[1]:.2f} {loads[2]:.2f}"
        )
        print(
            json.dumps(
                {"bench": "batch", "load1": load, "load_end": loads, **result}, ensure_ascii=False
            )
        )
        return
    if args.sweep_onset:
        result = await sweep_onset([32, 64, 96, 128], args.seed)
        print(json.dumps({"bench": "onset", "load1": load, **result}))
        return
    if args.sweep_early:
        result = await sweep_early([None, 250, 300, 350, 400], args.seed)
        print(json.dumps({"bench": "early_end", "load1": load, **result}))
        return
    if args.sweep_vad:
        ends = [200, 250, 300, 350, 400, 450, 500, 600, 700, 800]
        result = await sweep_vad(ends, args.seed)
        print(
            f"internal pauses: {result['internal_pauses']}, p50 {result['pause_ms_p50']} ms, "
            f"p90 {result['pause_ms_p90']} ms, max {result['pause_ms_max']} ms"
        )
        print(f"{'end ms':>6} {'split':>5} {'delay ms':>8}")
        for row in result["sweep"]:  # type: ignore[attr-defined]
            print(
                f"{row['end_silence_ms']:>6} {row['turns_split']:>2}/{row['turns']:<2} "
                f"{row['detect_delay_ms_median']:>8}"
            )
        print(json.dumps({"bench": "vad_sweep", "load1": load, **result}))
        return
    rows: list[Row] = []
    locales = ["en", "zh"] if args.locale == "all" else [args.locale]
    for locale in locales:
        engine: TTSEngine = PiperTTS()
        if locale == "zh":
            engine = (
                BakerTTS() if args.zh_voice == "baker" else EspeakTTS(words_per_minute=args.zh_wpm)
            )
        rows += await run_locale(locale, engine, args.realtime, full_window=args.full_window)
    print_rows(rows)
    summary = report(rows)
    for locale, figures in summary.items():
        print(locale, figures)
    print(
        json.dumps(
            {
                "bench": "asr",
                "load1": load,
                "threads": WhisperASR("en").cpu_threads,
                "zh_voice": args.zh_voice,
                "window": "30 s" if args.full_window else "fitted",
                "summary": summary,
                "rows": [asdict(r) for r in rows],
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    asyncio.run(main())
