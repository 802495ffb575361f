"""Voice-to-voice latency of whole calls at 1, 5 and 10 concurrent calls.

Every call is a real one: aiortc both ways, the bot's ASR, Piper/espeak, the Rasa server and
the policy; the far end is the cooperative persona, in the bot's process (``--callee-process``
runs the far ends in a process of their own). The far ends read the bot's lines from the
captions data channel by default (``--callee-ears captions``): their own Whisper ears lag
10-40 s at 5-10 calls on 2 cores and then the benchmark measures the simulator;
``--callee-ears whisper`` puts Whisper back at the far end. Latency is measured at the
callee: from the end of the callee's speech to the first bot audio frame it hears (energy
onset), so it includes endpointing, ASR, policy, Rasa, TTS, the jitter buffer and the
network path. TTS: the lines every account shares come from the cache (rendered before the
first call); each call's own lines (its name, amount, dates) are rendered when first said,
sentence by sentence, the first sentence playing while the rest render.

    .venv/bin/python bench/calls.py --locale en --steps 1 5 10

Prints a table and one JSON object (also written with --out).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any, Literal

from bot.calls.runner import CallReport
from bot.demo.population import prepare
from bot.demo.run import DemoRun, run_calls
from bot.dialogue import server
from bot.dialogue.training import Project, ensure_model
from voice.asr import engine_for
from voice.sim import EARS, CalleeResult, Ears
from voice.tts.defaults import default_engine


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def callee_latencies(result: CalleeResult) -> list[int]:
    """End of each callee reply → the next onset of bot audio, in ms.

    A line the callee said over the bot (its opening "Hello?" under the recording notice,
    an answer to a question the bot then asked again) is not waiting for a reply: when the
    callee hears more bot speech before the next onset, that line is left out.
    """
    latencies = []
    onsets = [e.at_ms for e in result.events if e.kind == "bot_started"]
    heard = [e.at_ms for e in result.events if e.kind == "heard"]
    for event in result.events:
        if event.kind != "said":
            continue
        end = event.at_ms + event.duration_ms
        after = [t for t in onsets if t > end]
        if after and not any(end < t < after[0] for t in heard):
            latencies.append(after[0] - end)
    return latencies


def pct(values: list[int], q: float) -> int | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def print_transcripts(reports: list[CallReport], state: DemoRun) -> None:
    """Every call's turns on the bot's clock, then the callee's events on its own (stderr)."""
    for report in reports:
        print(f"== {report.call_id} {report.outcome.kind}", file=sys.stderr)
        for turn in report.result.turns if report.result else ():
            print(
                f"  {turn.speaker:6} {turn.started_ms:7} {turn.ended_ms:7} {turn.text}",
                file=sys.stderr,
            )
        callee = state.callees.get(report.call_id)
        for event in callee.events if callee else ():
            print(f"    callee {event.kind:11} {event.at_ms:7} {event.text}", file=sys.stderr)


def step(
    locale: Literal["zh", "en"],
    calls: int,
    servers: server.ServerInfo,
    root: Path,
    *,
    callee_process: bool,
    callee_ears: Ears,
    transcripts: bool = False,
) -> dict[str, Any]:
    data = prepare(
        root / f"step-{calls}",
        locale=locale,
        calls=calls,
        population=max(60, calls * 8),
        seed=calls,
    )
    state = DemoRun()
    load_before = os.getloadavg()[0]
    cpu0 = time.process_time()
    wall0 = time.monotonic()
    reports = asyncio.run(
        run_calls(
            data,
            locale=locale,
            concurrency=calls,
            hold_seconds=1.0,
            state=state,
            personas=["cooperative_promise"],
            servers=servers,
            callee_process=callee_process,
            callee_ears=callee_ears,
            # each call's own lines are rendered when first said, as a dialler at scale
            # would: rendering all of them ahead is ~10 s of CPU per call
            render_ahead="shared",
        )
    )
    wall = time.monotonic() - wall0
    cpu = time.process_time() - cpu0
    latencies = [ms for r in state.callees.values() for ms in callee_latencies(r)]
    bot_side = [ms for r in reports if r.result for ms in r.result.latencies_ms]
    data.db.close()
    if transcripts:
        print_transcripts(reports, state)
    return {
        "concurrent_calls": calls,
        "callee_ears": callee_ears,
        "claimed": len(data.claims),
        "outcomes": [r.outcome.kind for r in reports],
        "promises": sum(r.outcome.kind == "promise_to_pay" for r in reports),
        # Who ended each call: "bot" (it closed), "callee" (it hung up after its goodbye),
        # "timeout" (the callee gave up after its persona's max_call_s).
        "callees_ended_by": dict(Counter(r.ended_by for r in state.callees.values())),
        "voice_to_voice_ms": {
            "p50": pct(latencies, 0.5),
            "p95": pct(latencies, 0.95),
            "n": len(latencies),
        },
        "bot_side_ms": {"p50": pct(bot_side, 0.5), "p95": pct(bot_side, 0.95)},
        "wall_s": round(wall, 1),
        "process_cpu_s": round(cpu, 1),
        "load_avg_before": round(load_before, 2),
        "load_avg_after": round(os.getloadavg()[0], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--locale", choices=["en", "zh"], default="en")
    parser.add_argument("--steps", type=int, nargs="+", default=[1, 5, 10])
    parser.add_argument("--out", type=Path)
    parser.add_argument(
        "--callee-process",
        action="store_true",
        help="run the simulated callees in a process of their own (default: the bot's process)",
    )
    parser.add_argument(
        "--callee-ears",
        choices=EARS,
        default="captions",
        help="how the simulated callees hear the bot: captions (the text of its lines on the "
        "captions data channel, no far-end ASR) or whisper (transcribe its audio)",
    )
    parser.add_argument(
        "--transcripts",
        action="store_true",
        help="print every call's turns (bot clock) and its callee's events to stderr",
    )
    args = parser.parse_args()
    os.environ.setdefault("KINDCALL_TTS_OFFLINE", "1")
    project = Project.default()
    model = ensure_model(project, args.locale).model
    with tempfile.TemporaryDirectory() as tmp:
        runs = Path(tmp) / "run"
        servers = server.start(
            project, args.locale, model, ports=(_free_port(), _free_port()), runs=runs
        )
        try:
            results = [
                step(
                    args.locale,
                    n,
                    servers,
                    Path(tmp),
                    callee_process=args.callee_process,
                    callee_ears=args.callee_ears,
                    transcripts=args.transcripts,
                )
                for n in args.steps
            ]
        finally:
            server.stop(args.locale, runs)
    asr = engine_for(args.locale)
    doc = {
        "locale": args.locale,
        "asr": f"{asr.name}",
        "tts": " > ".join(e.name for e in default_engine(args.locale).engines),
        "cores": os.cpu_count(),
        "callees": "own process" if args.callee_process else "bot's process",
        "callee_ears": args.callee_ears,
        "steps": results,
    }
    print(f"callee ears: {args.callee_ears}")
    header: tuple[str, ...] = ("calls", "promises", "v2v p50", "v2v p95", "bot p50", "bot p95")
    header += ("n", "wall s", "cpu s", "load")
    print(" ".join(f"{h:>8}" for h in header))
    for r in results:
        v, b = r["voice_to_voice_ms"], r["bot_side_ms"]
        row = (
            r["concurrent_calls"],
            r["promises"],
            v["p50"],
            v["p95"],
            b["p50"],
            b["p95"],
            v["n"],
            r["wall_s"],
            r["process_cpu_s"],
            r["load_avg_after"],
        )
        print(" ".join(f"{value!s:>8}" for value in row))
    text = json.dumps(doc, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
