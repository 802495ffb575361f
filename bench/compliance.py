"""Benchmark: pre-dial compliance checks per second on one core.

Run: ``.venv/bin/python bench/compliance.py [--seconds 3] [--cpu 0]``. Prints one JSON line,
then a table. Profiles are compiled once (as the campaign planner does); the workload is a
seeded mix of profiles, time zones, histories (0-8 attempts over ten days, some future
dated) and flags, so both the allowed path and the blocked path with its next_allowed_at
search are measured. Rates are given per wall-clock second and per CPU second of this
process (the machine is shared; the CPU figure is the one that does not depend on load).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.compliance import Attempt, Flags, Profile, check, load_profile  # noqa: E402

ZONES = [
    "Asia/Shanghai",
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
    "Australia/Lord_Howe",
    "Europe/London",
]
PROFILES = ["cn", "us-regf", "us-ma"]
OUTCOMES = ["no_answer", "no_answer", "busy", "voicemail", "conversation"]


@dataclass(frozen=True, slots=True)
class Case:
    profile: Profile
    timezone: str
    now: datetime
    attempts: tuple[Attempt, ...]
    flags: Flags


def workload(size: int, seed: int, *, max_attempts: int = 8) -> list[Case]:
    rng = random.Random(seed)
    profiles = {name: load_profile(name) for name in PROFILES}
    start = datetime(2026, 1, 1, tzinfo=UTC)
    cases = []
    for _ in range(size):
        now = start + timedelta(minutes=rng.randrange(365 * 1440))
        attempts = tuple(
            Attempt(now - timedelta(minutes=rng.randrange(-60, 10 * 1440)), rng.choice(OUTCOMES))
            for _ in range(rng.randint(0, max_attempts))
        )
        flags = Flags(dnc=True) if rng.random() < 0.05 else Flags()
        cases.append(Case(profiles[rng.choice(PROFILES)], rng.choice(ZONES), now, attempts, flags))
    return cases


def measure(cases: Sequence[Case], seconds: float) -> dict[str, float]:
    for case in cases:  # warm the zone and window caches, as a long-running planner has them
        check(
            case.profile,
            timezone=case.timezone,
            now=case.now,
            attempts=case.attempts,
            flags=case.flags,
        )
    done = 0
    wall0, cpu0 = time.perf_counter(), time.process_time()
    while time.perf_counter() - wall0 < seconds:
        for case in cases:
            check(
                case.profile,
                timezone=case.timezone,
                now=case.now,
                attempts=case.attempts,
                flags=case.flags,
            )
        done += len(cases)
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    return {"checks": done, "per_wall_second": done / wall, "per_cpu_second": done / cpu}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="time per scenario")
    parser.add_argument("--cpu", type=int, default=None, help="pin to this CPU (default: current)")
    parser.add_argument("--cases", type=int, default=20_000, help="distinct inputs per scenario")
    args = parser.parse_args()
    cpu = args.cpu if args.cpu is not None else os.sched_getaffinity(0).pop()
    os.sched_setaffinity(0, {cpu})

    mixed = workload(args.cases, seed=1)
    blocked = [
        c
        for c in workload(args.cases * 4, seed=2)
        if not check(
            c.profile, timezone=c.timezone, now=c.now, attempts=c.attempts, flags=c.flags
        ).allowed
        and not c.flags.dnc
    ][: args.cases]
    scenarios = {
        "mixed": mixed,
        "empty_history": workload(args.cases, seed=3, max_attempts=0),
        "blocked_with_search": blocked,
    }
    allowed_share = sum(
        check(c.profile, timezone=c.timezone, now=c.now, attempts=c.attempts, flags=c.flags).allowed
        for c in mixed
    ) / len(mixed)

    load_before = os.getloadavg()
    results = {name: measure(cases, args.seconds) for name, cases in scenarios.items()}
    report = {
        "benchmark": "compliance_check",
        "cpu": cpu,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cores": os.cpu_count(),
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "mixed_allowed_share": round(allowed_share, 3),
        "goal_checks_per_second": 100_000,
        "scenarios": {name: {k: round(v) for k, v in r.items()} for name, r in results.items()},
    }
    print(json.dumps(report))
    print()
    print(f"{'scenario':<22}{'checks':>12}{'per wall s':>14}{'per CPU s':>14}")
    for name, r in results.items():
        print(
            f"{name:<22}{r['checks']:>12,.0f}{r['per_wall_second']:>14,.0f}"
            f"{r['per_cpu_second']:>14,.0f}"
        )
    print(f"load average before/after: {load_before} / {os.getloadavg()}")


if __name__ == "__main__":
    main()
