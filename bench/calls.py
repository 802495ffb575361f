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

``--workers 2`` splits each step's calls between two bot worker processes (one per core,
one database and one Rasa server between them); ``--ring-spread 15`` has the far ends answer
at moments spread over 15 s instead of all at once (calls at different stages, as in steady
state).

``--bot-cpus 0 --callee-cpus 1 --callee-process`` measures the bot on a core of its own: the
bot process (with the Rasa server it starts) may run only on CPU 0, the simulated far ends
only on CPU 1, as if they were on other machines; each pinned CPU's busy share over the step
is reported. That is how "calls per core" is read.

Prints a table and one JSON object (also written with --out).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import socket
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import fields as dataclass_fields
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Literal

from bot.calls.runner import CallReport, call_id_of
from bot.campaigns.claim import ClaimedAttempt
from bot.demo.population import DemoData, open_database_in, prepare
from bot.demo.run import DemoRun, ring_spread, run_calls
from bot.dialogue import server
from bot.dialogue.training import Project, ensure_model
from voice.asr import engine_for
from voice.cpus import pin_process, process_cpu_seconds
from voice.sim import EARS, CalleeResult, Ears
from voice.tts.defaults import default_engine


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def cpu_times() -> dict[int, tuple[int, int]]:
    """Per CPU: (busy, total) clock ticks since boot, from ``/proc/stat``."""
    times: dict[int, tuple[int, int]] = {}
    with open("/proc/stat", encoding="ascii") as stat:
        for line in stat:
            name, *values = line.split()
            if not name.startswith("cpu") or name == "cpu":
                continue
            ticks = [int(v) for v in values]
            idle = ticks[3] + ticks[4]  # idle + iowait
            times[int(name[3:])] = (sum(ticks[:8]) - idle, sum(ticks[:8]))
    return times


def servers_cpu_s(servers: server.ServerInfo) -> float:
    """CPU seconds the Rasa server and the action server have used so far."""
    return process_cpu_seconds(servers.rasa_pid) + process_cpu_seconds(servers.actions_pid)


def busy_shares(
    before: dict[int, tuple[int, int]], after: dict[int, tuple[int, int]]
) -> dict[str, float]:
    """Each CPU's busy share (0..1) between two :func:`cpu_times` readings."""
    shares: dict[str, float] = {}
    for cpu, (busy, total) in after.items():
        busy0, total0 = before.get(cpu, (0, 0))
        elapsed = total - total0
        shares[str(cpu)] = round((busy - busy0) / elapsed, 3) if elapsed > 0 else 0.0
    return shares


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


def _call_share(
    data: DemoData,
    locale: Literal["zh", "en"],
    servers: server.ServerInfo,
    *,
    callee_process: bool,
    callee_ears: Ears,
    transcripts: bool,
    rings: dict[str, float],
    callee_cpus: frozenset[int] | None = None,
) -> dict[str, Any]:
    """Run all of ``data``'s claims at once on this process's event loop; the raw figures."""
    state = DemoRun()
    cpu0 = time.process_time()
    reports = asyncio.run(
        run_calls(
            data,
            locale=locale,
            concurrency=len(data.claims),
            hold_seconds=1.0,
            state=state,
            personas=["cooperative_promise"],
            servers=servers,
            callee_process=callee_process,
            callee_ears=callee_ears,
            # each call's own lines are rendered when first said, as a dialler at scale
            # would: rendering all of them ahead is ~10 s of CPU per call
            render_ahead="shared",
            rings=rings,
            callee_cpus=callee_cpus,
        )
    )
    if transcripts:
        print_transcripts(reports, state)
    return {
        "latencies": [ms for r in state.callees.values() for ms in callee_latencies(r)],
        "call_s": [r.duration_ms / 1000 for r in state.callees.values() if r.answered],
        "bot_side": [ms for r in reports if r.result for ms in r.result.latencies_ms],
        "outcomes": [r.outcome.kind for r in reports],
        "ended_by": [r.ended_by for r in state.callees.values()],
        "cpu_s": time.process_time() - cpu0,
    }


def _worker(
    data: dict[str, Any],
    claims: tuple[ClaimedAttempt, ...],
    locale: Literal["zh", "en"],
    servers: server.ServerInfo,
    whisper_threads: int,
    callee_ears: Ears,
    transcripts: bool,
    rings: dict[str, float],
) -> dict[str, Any]:
    """One bot worker process: its share of the claims on its own event loop and Whisper.

    ``data`` holds the prepared demo's fields but its database (a connection does not cross
    processes): the worker opens the same SQLite file, as workers dialling one campaign would.
    """
    os.environ["KINDCALL_WHISPER_THREADS"] = str(whisper_threads)  # read when Whisper loads
    fields = {**data, "claims": claims}
    mine = DemoData(db=open_database_in(fields["directory"]), **fields)
    try:
        return _call_share(
            mine,
            locale,
            servers,
            callee_process=False,
            callee_ears=callee_ears,
            transcripts=transcripts,
            rings=rings,
        )
    finally:
        mine.db.close()


def _worker_main(send: Connection, *args: Any) -> None:
    """A worker process's entry: send :func:`_worker`'s figures, then leave at once.

    ``os._exit`` skips the interpreter's teardown, where CTranslate2's and onnxruntime's
    native threads abort the process ("terminate called without an active exception").
    """
    status = 1
    try:
        send.send(_worker(*args))
        status = 0
    except BaseException:
        traceback.print_exc()  # the parent's recv() then fails: the cause is above it
    finally:
        send.close()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)


def step(
    locale: Literal["zh", "en"],
    calls: int,
    servers: server.ServerInfo,
    root: Path,
    *,
    callee_process: bool,
    callee_ears: Ears,
    transcripts: bool = False,
    workers: int = 1,
    ring_spread_s: float = 0.0,
    callee_cpus: frozenset[int] | None = None,
) -> dict[str, Any]:
    data = prepare(
        root / f"step-{calls}",
        locale=locale,
        calls=calls,
        population=max(60, calls * 8),
        seed=calls,
    )
    # ring times over every call of the step, so the workers' far ends interleave
    rings = ring_spread([call_id_of(c.attempt_id) for c in data.claims], ring_spread_s)
    load_before = os.getloadavg()[0]
    busy0 = cpu_times()
    servers0 = servers_cpu_s(servers)
    wall0 = time.monotonic()
    if workers <= 1:
        shares = [
            _call_share(
                data,
                locale,
                servers,
                callee_process=callee_process,
                callee_ears=callee_ears,
                transcripts=transcripts,
                rings=rings,
                callee_cpus=callee_cpus,
            )
        ]
    else:
        # One bot worker per core: each process carries its share of the calls (and their
        # simulated far ends) on its own event loop, all dialling one campaign in one
        # database, one Rasa server between them; Whisper's threads are split between them.
        threads = max(1, len(os.sched_getaffinity(0)) // workers)
        portable = {f.name: getattr(data, f.name) for f in dataclass_fields(data) if f.name != "db"}
        context = multiprocessing.get_context("spawn")
        pipes = []
        processes = []
        for i in range(workers):
            claims = data.claims[i::workers]
            if not claims:
                continue
            receive, send = context.Pipe(duplex=False)
            args = (
                send,
                portable,
                claims,
                locale,
                servers,
                threads,
                callee_ears,
                transcripts,
                rings,
            )
            process = context.Process(target=_worker_main, args=args, name=f"bot-worker-{i}")
            process.start()
            send.close()
            pipes.append(receive)
            processes.append(process)
        try:
            shares = [pipe.recv() for pipe in pipes]
        except EOFError as exc:
            raise RuntimeError("a bot worker failed (its traceback is above)") from exc
        finally:
            for process in processes:
                process.join(30)
    wall = time.monotonic() - wall0
    busy = busy_shares(busy0, cpu_times())
    servers_cpu = servers_cpu_s(servers) - servers0
    data.db.close()
    latencies = [ms for share in shares for ms in share["latencies"]]
    bot_side = [ms for share in shares for ms in share["bot_side"]]
    outcomes = [kind for share in shares for kind in share["outcomes"]]
    call_s = sum(s for share in shares for s in share["call_s"])
    bot_cpu = sum(share["cpu_s"] for share in shares) + servers_cpu
    return {
        "concurrent_calls": calls,
        "workers": max(1, workers),
        "ring_spread_s": ring_spread_s,
        "callee_ears": callee_ears,
        "claimed": len(data.claims),
        "outcomes": outcomes,
        "promises": sum(kind == "promise_to_pay" for kind in outcomes),
        # Who ended each call: "bot" (it closed), "callee" (it hung up after its goodbye),
        # "timeout" (the callee gave up after its persona's max_call_s).
        "callees_ended_by": dict(Counter(e for share in shares for e in share["ended_by"])),
        "voice_to_voice_ms": {
            "p50": pct(latencies, 0.5),
            "p95": pct(latencies, 0.95),
            "n": len(latencies),
        },
        "bot_side_ms": {"p50": pct(bot_side, 0.5), "p95": pct(bot_side, 0.95)},
        "wall_s": round(wall, 1),
        "process_cpu_s": round(sum(share["cpu_s"] for share in shares), 1),
        # the bot's whole side: its process(es) (with --callee-process: without the far
        # ends) plus the Rasa and action servers
        "rasa_servers_cpu_s": round(servers_cpu, 1),
        # seconds of answered call per CPU-second of the bot's side: the calls one core
        # could carry if CPU were all that limited it
        # (None when the far ends share the bot's processes: their CPU would count)
        "call_s_per_bot_cpu_s": (
            round(call_s / bot_cpu, 2) if bot_cpu > 0 and callee_process else None
        ),
        "load_avg_before": round(load_before, 2),
        "load_avg_after": round(os.getloadavg()[0], 2),
        # each CPU's busy share over the step (all processes, from /proc/stat)
        "cpu_busy": busy,
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
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="bot worker processes sharing each step's calls (one per core: --workers 2 on "
        "2 cores); each carries its calls' simulated far ends, Whisper threads are split",
    )
    parser.add_argument(
        "--ring-spread",
        type=float,
        default=0.0,
        metavar="S",
        help="spread the moments the far ends answer evenly over S seconds (default 0: every "
        "far end answers at once, a burst; calls in steady state are at different stages)",
    )
    parser.add_argument(
        "--bot-cpus",
        type=int,
        nargs="+",
        metavar="CPU",
        help="run the bot process (and the Rasa server it starts) only on these CPUs",
    )
    parser.add_argument(
        "--callee-cpus",
        type=int,
        nargs="+",
        metavar="CPU",
        help="run the simulated far ends only on these CPUs (needs --callee-process)",
    )
    args = parser.parse_args()
    if args.callee_cpus and not args.callee_process:
        parser.error("--callee-cpus needs --callee-process (far ends in a process of their own)")
    usable = os.sched_getaffinity(0)
    for option, cpus in (("--bot-cpus", args.bot_cpus), ("--callee-cpus", args.callee_cpus)):
        if cpus and not set(cpus) <= usable:
            parser.error(f"{option} {cpus}: this process may use CPUs {sorted(usable)} only")
    if args.bot_cpus:
        # before the models load and the Rasa server starts: they inherit it
        pin_process(args.bot_cpus)
    callee_cpus = frozenset(args.callee_cpus) if args.callee_cpus else None
    if not 0 <= args.ring_spread < 20:
        parser.error("--ring-spread must be 0 <= S < 20 (the bot stops ringing after 20 s)")
    if args.workers > 1 and args.callee_process:
        parser.error("--workers runs each worker's far ends in its own process already")
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
                    workers=args.workers,
                    ring_spread_s=args.ring_spread,
                    callee_cpus=callee_cpus,
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
        "workers": args.workers,
        "ring_spread_s": args.ring_spread,
        "callee_ears": args.callee_ears,
        "bot_cpus": sorted(args.bot_cpus) if args.bot_cpus else None,
        "callee_cpus": sorted(callee_cpus) if callee_cpus else None,
        "steps": results,
    }
    print(f"callee ears: {args.callee_ears}")
    header: tuple[str, ...] = ("calls", "promises", "v2v p50", "v2v p95", "bot p50", "bot p95")
    header += ("n", "wall s", "cpu s", "rasa s", "call/cpu", "load")
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
            r["rasa_servers_cpu_s"],
            r["call_s_per_bot_cpu_s"],
            r["load_avg_after"],
        )
        print(" ".join(f"{value!s:>8}" for value in row))
    text = json.dumps(doc, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
