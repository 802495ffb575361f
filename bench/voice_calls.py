"""Concurrent WebRTC calls: CPU per call, audio drift and mouth-to-ear latency.

The bot side (this process) serves N calls through the real signalling endpoint; a second
process dials them as callees (so each side's CPU is measured on its own). Both sides send
audio all the time: a 200 ms tone burst every 2 s over silence, the callee's bursts offset
by 1 s. No ASR, no TTS: this measures the transport.

Per step (1, 5, 10, 15 calls by default) it reports:

* ``cpu_bot_pct_per_call``: bot-process CPU (user+sys) / wall time / calls, in % of one core.
* ``cpu_callee_pct_per_call``: the same for the callee process.
* ``drift_ms``: how much later (wall clock) the received audio arrived at the end of the
  steady window than at its start, against the sender's sample clock (RTP timestamps),
  from a least-squares line through every frame's lateness: 0 when 20 ms of audio keeps
  arriving every 20 ms; median and worst side.
* ``jitter_p99_ms``: p99 minus median of that lateness (worst side).
* ``received_pct``: audio that arrived over the sender-clock span it covers (worst side);
  below 100 means packets were dropped (e.g. a stalled receiver overflowing its buffer).
* ``latency_ms``: burst departure (the sender's sample clock) to the arrival of its first
  loud frame at the receiver, median and p95, both directions (includes aiortc's ~80 ms
  jitter buffer).
* ``load_before`` / ``load_after``: the 1-minute load average.

Usage: ``.venv/bin/python bench/voice_calls.py [--calls 1,5,10,15] [--seconds 15] [--json F]``
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from voice.transport import CallSession, PcmFrame, SignallingServer, connect  # noqa: E402
from voice.transport.loopback import loopback_candidates  # noqa: E402

BURST_EVERY_S = 2.0
WARMUP_S = 3.0
_t = np.arange(48_000 // 5) / 48_000
BURST = (np.sin(2 * np.pi * 700 * _t) * 10_000).astype(np.int16).tobytes()


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


@dataclass
class Side:
    """What one peer of one call sent and received."""

    departures: list[float] = field(default_factory=list)
    arrivals: list[tuple[float, float]] = field(default_factory=list)  # (wall, sender clock)
    onsets: list[float] = field(default_factory=list)
    _quiet: bool = True

    def on_frame(self, frame: PcmFrame) -> None:
        now = time.monotonic()
        self.arrivals.append((now, frame.media_time))
        samples = np.frombuffer(frame.pcm, dtype=np.int16).astype(np.float32)
        loud = float(np.sqrt(np.mean(samples * samples))) > 1000
        if loud and self._quiet:
            self.onsets.append(now)
        self._quiet = not loud

    def as_json(self) -> dict[str, Any]:
        return {"departures": self.departures, "arrivals": self.arrivals, "onsets": self.onsets}


async def talk(session: CallSession, side: Side, offset_s: float, until: float) -> None:
    """Send a burst every 2 s (starting ``offset_s`` in) and record when each went out."""
    inbound = await session.inbound()
    inbound.add_tap(side.on_frame)
    await asyncio.sleep(offset_s)
    while time.monotonic() < until and not session.closed.is_set():
        playback = session.play(BURST, 48_000)
        await asyncio.sleep(BURST_EVERY_S)
        if playback.started_at is not None:
            side.departures.append(playback.started_at)
    inbound.take()  # nobody consumes the frames: keep memory flat


async def callee_worker(base: str, calls: int, seconds: float) -> None:
    """Dial ``calls`` callees, talk for ``seconds``, print each side's record as JSON."""
    sessions = await asyncio.gather(
        *(connect(f"{base}/calls/bench-{i}/offer") for i in range(calls))
    )
    async with asyncio.timeout(20):
        await asyncio.gather(*(s.wait_connected() for s in sessions))
    sides = {s.call_id: Side() for s in sessions}
    until = time.monotonic() + seconds
    cpu0, wall0 = cpu_seconds(), time.monotonic()
    await asyncio.gather(*(talk(s, sides[s.call_id], 1.0, until) for s in sessions))
    cpu = cpu_seconds() - cpu0
    wall = time.monotonic() - wall0
    for session in sessions:
        await session.close()
    out = {"cpu_s": cpu, "wall_s": wall, "sides": {k: v.as_json() for k, v in sides.items()}}
    print(json.dumps(out))


def steady(arrivals: list[Any], since: float) -> list[tuple[float, float]]:
    return [(wall, media) for wall, media in arrivals if wall >= since]


def drift(arrivals: list[tuple[float, float]]) -> tuple[float, float, float]:
    """(drift, p99 jitter, audio received %) over the window, from (wall, sender-clock) pairs.

    A frame's lateness is its arrival minus its place on the sender's clock. Drift is how
    much later the last second arrived than the first; jitter is p99 minus median lateness;
    received is the audio that arrived over the sender-clock span it covers (loss shows).
    """
    if len(arrivals) < 100:
        raise RuntimeError(f"only {len(arrivals)} frames arrived in the steady window")
    late = np.array([(wall - media) * 1000 for wall, media in arrivals])
    media = np.array([m for _, m in arrivals])
    span = float(media[-1] - media[0]) + 0.020
    slope = float(np.polyfit(media - media[0], late, 1)[0])  # ms of lateness per second
    return (
        slope * span,
        float(np.percentile(late, 99) - np.median(late)),
        100 * len(arrivals) * 0.020 / span,
    )


def latencies(departures: list[float], onsets: list[float]) -> list[float]:
    out = []
    for sent in departures:
        heard = [t for t in onsets if sent <= t < sent + 1.0]
        if heard:
            out.append((heard[0] - sent) * 1000)
    return out


async def run_step(calls: int, seconds: float) -> dict[str, Any]:
    bot_sides: dict[str, Side] = {}
    connected = asyncio.Event()
    until_box: list[float] = []

    async def handler(session: CallSession) -> None:
        side = bot_sides[session.call_id] = Side()
        await session.wait_connected()
        if len(bot_sides) == calls and not connected.is_set():
            until_box.append(time.monotonic() + seconds + WARMUP_S)
            connected.set()
        await connected.wait()
        await talk(session, side, 0.0, until_box[0])
        await session.closed.wait()

    load_before = os.getloadavg()[0]
    server = SignallingServer(handler)
    base = await server.start()
    # The callee process talks for the whole run; the bot's window starts once all are up.
    child = await asyncio.create_subprocess_exec(
        sys.executable,
        __file__,
        "--callee-worker",
        base,
        str(calls),
        str(seconds + WARMUP_S),
        stdout=asyncio.subprocess.PIPE,
    )
    async with asyncio.timeout(60):
        await connected.wait()
    await asyncio.sleep(WARMUP_S)
    cpu0, wall0 = cpu_seconds(), time.monotonic()
    steady_from = wall0
    await asyncio.sleep(seconds)
    cpu, wall = cpu_seconds() - cpu0, time.monotonic() - wall0
    stdout, _ = await child.communicate()
    await server.stop()
    load_after = os.getloadavg()[0]
    callee = json.loads(stdout.decode().strip().splitlines()[-1])

    drifts, jitters, received, up, down = [], [], [], [], []
    for call_id, side in bot_sides.items():
        other = callee["sides"][call_id]
        for arrivals in (side.arrivals, other["arrivals"]):
            d, j, r = drift(steady(arrivals, steady_from))
            drifts.append(d)
            jitters.append(j)
            received.append(r)
        down += latencies(side.departures, other["onsets"])  # bot -> callee
        up += latencies(other["departures"], side.onsets)  # callee -> bot
    both = up + down
    return {
        "calls": calls,
        "seconds": round(wall, 1),
        "cpu_bot_pct_per_call": round(100 * cpu / wall / calls, 1),
        "cpu_callee_pct_per_call": round(100 * callee["cpu_s"] / callee["wall_s"] / calls, 1),
        "drift_ms_max": round(max(drifts), 1),
        "drift_ms_median": round(statistics.median(drifts), 1),
        "jitter_p99_ms_max": round(max(jitters), 1),
        "received_pct_min": round(min(received), 1),
        "latency_ms_median": round(statistics.median(both), 1) if both else None,
        "latency_ms_p95": round(float(np.percentile(both, 95)), 1) if both else None,
        "bursts_heard": f"{len(both)}",
        "load_before": round(load_before, 2),
        "load_after": round(load_after, 2),
    }


def table(rows: list[dict[str, Any]]) -> str:
    cols = [
        ("calls", "calls"),
        ("cpu_bot_pct_per_call", "bot CPU %/call"),
        ("cpu_callee_pct_per_call", "callee CPU %/call"),
        ("drift_ms_median", "drift ms (med)"),
        ("drift_ms_max", "drift ms (max)"),
        ("jitter_p99_ms_max", "p99 jitter ms"),
        ("received_pct_min", "audio rx % (min)"),
        ("latency_ms_median", "latency ms (med)"),
        ("latency_ms_p95", "latency ms (p95)"),
        ("load_before", "load 1m before"),
        ("load_after", "load 1m after"),
    ]
    widths = [max(len(title), *(len(str(r[key])) for r in rows)) for key, title in cols]
    lines = ["  ".join(title.rjust(w) for (_, title), w in zip(cols, widths, strict=True))]
    for row in rows:
        lines.append(
            "  ".join(str(row[k]).rjust(w) for (k, _), w in zip(cols, widths, strict=True))
        )
    return "\n".join(lines)


async def sweep(counts: list[int], seconds: float) -> list[dict[str, Any]]:
    rows = []
    for calls in counts:
        rows.append(await run_step(calls, seconds))
        print(json.dumps(rows[-1]), file=sys.stderr)
    return rows


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--calls", default="1,5,10,15", help="comma-separated call counts")
    parser.add_argument("--seconds", type=float, default=15.0, help="measured seconds per step")
    parser.add_argument("--json", help="also write the report to this file")
    parser.add_argument("--callee-worker", nargs=3, metavar=("BASE", "CALLS", "SECONDS"))
    options = parser.parse_args()
    with loopback_candidates():
        if options.callee_worker:
            base, calls, seconds = options.callee_worker
            asyncio.run(callee_worker(base, int(calls), float(seconds)))
        else:
            steps = asyncio.run(sweep([int(c) for c in options.calls.split(",")], options.seconds))
            report = {"cpus": os.cpu_count(), "steps": steps}
            if options.json:
                Path(options.json).write_text(json.dumps(report, indent=2) + "\n")
            print(json.dumps(report))
            print(table(steps))
