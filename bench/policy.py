"""Policy throughput and per-turn latency without NLU, both locales.

Usage: .venv/bin/python bench/policy.py [--rounds N] [--json-only]

Replays the development sets (tests/bot/policy/devset/<locale>.jsonl) through
``bot.policy.decide`` with an empty history, after one warm-up pass (lexicon load and
jieba's dictionary and training the statistical detector are one-off costs, reported
separately as first_load_s). Prints a JSON document, then
a table. Goal: p99 <= 2 ms per turn.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bot.policy import CallContext, Turn, decide  # noqa: E402
from bot.policy.lexicon import load_lexicon  # noqa: E402

GOAL_P99_MS = 2.0


def percentile(sorted_values: list[float], fraction: float) -> float:
    index = min(len(sorted_values) - 1, round(fraction * (len(sorted_values) - 1)))
    return sorted_values[index]


def bench_locale(locale: str, rounds: int) -> dict[str, float | int | str]:
    path = REPO / "tests" / "bot" / "policy" / "devset" / f"{locale}.jsonl"
    texts = [json.loads(line)["text"] for line in path.read_text("utf-8").splitlines() if line]
    started = time.perf_counter()
    load_lexicon(locale)  # type: ignore[arg-type]
    decide(Turn(texts[0], locale), CallContext())  # type: ignore[arg-type]
    load_s = time.perf_counter() - started
    context = CallContext()
    turns = [Turn(text, locale) for text in texts]  # type: ignore[arg-type]
    for turn in turns:  # warm-up: jieba cache, regex caches
        decide(turn, context)
    samples: list[float] = []
    cpu: list[float] = []
    wall = time.perf_counter()
    for _ in range(rounds):
        for turn in turns:
            c0 = time.thread_time_ns()
            t0 = time.perf_counter_ns()
            decide(turn, context)
            samples.append((time.perf_counter_ns() - t0) / 1e6)
            cpu.append((time.thread_time_ns() - c0) / 1e6)
    wall = time.perf_counter() - wall
    samples.sort()
    cpu.sort()
    return {
        "locale": locale,
        "utterances": len(turns),
        "decisions": len(samples),
        "decisions_per_s": round(len(samples) / wall, 1),
        "p50_ms": round(percentile(samples, 0.50), 4),
        "p99_ms": round(percentile(samples, 0.99), 4),
        "max_ms": round(samples[-1], 4),
        "mean_ms": round(statistics.fmean(samples), 4),
        "cpu_p50_ms": round(percentile(cpu, 0.50), 4),
        "cpu_p99_ms": round(percentile(cpu, 0.99), 4),
        "first_load_s": round(load_s, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="passes over each devset")
    parser.add_argument("--json-only", action="store_true", help="print only the JSON")
    args = parser.parse_args()
    results = [bench_locale(locale, args.rounds) for locale in ("en", "zh")]
    report = {
        "benchmark": "policy.decide without NLU",
        "goal_p99_ms": GOAL_P99_MS,
        "load_average_1m": round(os.getloadavg()[0], 2),
        "cpus": os.cpu_count(),
        "results": results,
        "meets_goal": all(float(r["p99_ms"]) <= GOAL_P99_MS for r in results),
        "cpu_meets_goal": all(float(r["cpu_p99_ms"]) <= GOAL_P99_MS for r in results),
    }
    print(json.dumps(report, indent=2))
    if args.json_only:
        return
    print()
    header = (
        f"{'locale':<7}{'decisions/s':>13}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}"
        f"{'cpu p50':>9}{'cpu p99':>9}{'load s':>8}"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        print(
            f"{r['locale']:<7}{r['decisions_per_s']:>13}{r['p50_ms']:>9}{r['p99_ms']:>9}"
            f"{r['max_ms']:>9}{r['cpu_p50_ms']:>9}{r['cpu_p99_ms']:>9}{r['first_load_s']:>8}"
        )
    print(
        f"goal p99 <= {GOAL_P99_MS} ms: wall {'met' if report['meets_goal'] else 'NOT met'},"
        f" cpu {'met' if report['cpu_meets_goal'] else 'NOT met'}"
        f" (1-min load average {report['load_average_1m']} on {report['cpus']} CPUs;"
        " 'cpu' columns are this thread's CPU time, unaffected by other processes)"
    )


if __name__ == "__main__":
    main()
